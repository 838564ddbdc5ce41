package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile names, titles, units and job functions in a UK organogram arrive in the
 * {@link OrgDocument} as written, with the one change the format documents: runs of
 * whitespace (no-break spaces included) become one space. Values are wrapped in visible marks
 * because cells are trimmed.
 */
class UkOrganogramParserPropertiesTests {

	private static final List<String> HEADER = List.of("Post Unique Reference", "Name", "Grade (or equivalent)",
			"Job Title", "Job/Team Function", "Parent Department", "Organisation", "Unit", "Contact Phone",
			"Contact E-mail", "Reports to Senior Post", "Salary Cost of Reports (£)", "FTE", "Actual Pay Floor (£)",
			"Actual Pay Ceiling (£)", "", "Professional/Occupational Group", "Notes", "Valid?", "URI");

	private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

	private final UkOrganogramParser parser = new UkOrganogramParser();

	@Provide
	Arbitrary<String> hostile() {
		return HostileStrings.any().map(s -> "«" + s + "»");
	}

	@Property(tries = 200)
	void shouldKeepHostileValuesAsWritten(@ForAll("hostile") String name, @ForAll("hostile") String title,
			@ForAll("hostile") String function, @ForAll("hostile") String unit, @ForAll("hostile") String report) {
		String csv = CsvBundleParserPropertiesTests.csv(HEADER, List.of(
				List.of("A1", name, "SCS4", title, function, "Dept", "Dept", unit, "", "", "XX", "", "1", "", "", "", "", "",
						"", ""),
				List.of("B1", report, "SCS1", "Director", "Directing", "Dept", "Dept", unit, "", "", "A1", "", "1", "", "", "",
						"", "", "", "")));

		ParseResult result = this.parser.parse("dept",
				List.of(new ImportFile("dept-2026-03-31-senior.csv", csv.getBytes(StandardCharsets.UTF_8))));

		assertThat(result.problems()).filteredOn(ImportProblem::isError).isEmpty();
		OrgDocument doc = result.document();
		// the format's convention: a Name with no letter or digit at all ("-", "—") is a vacant seat
		assertThat(doc.people()).extracting(OrgDocument.Person::name)
			.containsExactlyInAnyOrderElementsOf(Stream.of(name, report).filter(n -> LETTER_OR_DIGIT.matcher(n).find())
				.map(UkOrganogramParserPropertiesTests::folded)
				.toList());
		OrgDocument.Position top = doc.positions().stream().filter(p -> p.key().equals("A1")).findFirst().orElseThrow();
		assertThat(top.title()).isEqualTo(folded(title));
		assertThat(top.duties()).extracting(OrgDocument.Duty::text).containsExactly(folded(function));
		assertThat(doc.units()).extracting(OrgDocument.Unit::name).contains(folded(unit));
	}

	@Property(tries = 300)
	void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] senior) {
		ParseResult result = this.parser.parse("dept", List.of(new ImportFile("dept-senior.csv", senior)));

		assertThat(result.document() != null || result.hasErrors()).isTrue();
	}

	private static String folded(String value) {
		return value.replace('\u00A0', ' ').replaceAll("\\s+", " ");
	}

}
