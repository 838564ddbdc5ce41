package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile names, titles, departments and duty texts in a CSV bundle arrive in the
 * {@link OrgDocument} exactly as written (cells are trimmed, so each value is wrapped in
 * visible marks); any bytes at all give a document or reported problems, never an exception.
 */
class CsvBundleParserPropertiesTests {

	private final CsvBundleParser parser = new CsvBundleParser();

	@Provide
	Arbitrary<String> hostile() {
		return HostileStrings.any().map(s -> "«" + s + "»");
	}

	@Property(tries = 200)
	void shouldKeepHostileNamesTitlesAndDepartmentsExactly(@ForAll("hostile") String boss, @ForAll("hostile") String title,
			@ForAll("hostile") String department, @ForAll("hostile") String report) {
		String people = csv(List.of("Employee ID", "Name", "Job Title", "Department", "Manager ID", "FTE"),
				List.of(List.of("E1", boss, title, department, "", "1"), List.of("E2", report, "Analyst", "Finance", "E1", "1")));

		ParseResult result = parse(Map.of("people.csv", people));

		assertThat(result.problems()).filteredOn(ImportProblem::isError).isEmpty();
		OrgDocument doc = result.document();
		assertThat(doc.people()).extracting(OrgDocument.Person::name).containsExactlyInAnyOrder(boss, report);
		assertThat(doc.positions()).extracting(OrgDocument.Position::title).contains(title);
		assertThat(doc.units()).extracting(OrgDocument.Unit::name).contains(department);
	}

	@Property(tries = 200)
	void shouldKeepHostileDutyTextsExactly(@ForAll("hostile") String unitDuty, @ForAll("hostile") String positionDuty) {
		Map<String, String> bundle = hotelBundle();
		List<List<String>> duties = new ArrayList<>(rows(bundle.get("duties.csv")));
		List<String> header = duties.removeFirst();
		duties.set(0, List.of("部门", "总经理办公室", unitDuty, "D-01"));
		duties.add(List.of("岗位", "GM", positionDuty, "D-99"));
		bundle.put("duties.csv", csv(header, duties));

		ParseResult result = parse(bundle);

		assertThat(result.problems()).filteredOn(ImportProblem::isError).isEmpty();
		OrgDocument doc = result.document();
		assertThat(doc.units().stream().flatMap(u -> u.duties().stream()).map(OrgDocument.Duty::text)).contains(unitDuty);
		assertThat(doc.positions().stream().flatMap(p -> p.duties().stream()).map(OrgDocument.Duty::text))
			.contains(positionDuty);
	}

	@Property(tries = 300)
	void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] people, @ForAll byte[] units) {
		ParseResult result = this.parser.parse("acme",
				List.of(new ImportFile("people.csv", people), new ImportFile("units.csv", units)));

		assertThat(result.document() != null || result.hasErrors()).isTrue();
	}

	private ParseResult parse(Map<String, String> files) {
		List<ImportFile> imports = new ArrayList<>();
		files.forEach((name, text) -> imports.add(new ImportFile(name, text.getBytes(StandardCharsets.UTF_8))));
		return this.parser.parse("acme", imports);
	}

	private static Map<String, String> hotelBundle() {
		Map<String, String> bundle = new LinkedHashMap<>();
		for (String name : List.of("org.csv", "units.csv", "positions.csv", "people.csv", "duties.csv")) {
			try (InputStream in = CsvBundleParserPropertiesTests.class.getResourceAsStream("/csv-bundle/hotel-zh/" + name)) {
				bundle.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return bundle;
	}

	private static List<List<String>> rows(String csv) {
		try {
			return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords().stream().map(CSVRecord::toList).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String csv(List<String> header, List<List<String>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get())) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
