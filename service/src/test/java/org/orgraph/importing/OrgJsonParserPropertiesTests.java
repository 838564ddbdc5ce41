package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every name, title and duty of an org document arrives in the
 * {@link OrgDocument} exactly as sent (less surrounding whitespace); text that is not
 * Unicode is a reported problem, never an exception.
 */
class OrgJsonParserPropertiesTests {

	private final OrgJsonParser parser = new OrgJsonParser();

	@Provide
	Arbitrary<String> hostile() {
		return HostileStrings.any();
	}

	@Provide
	Arbitrary<String> loneSurrogates() {
		return HostileStrings.loneSurrogates();
	}

	@Property(tries = 300)
	void shouldKeepEveryHostileValueExactly(@ForAll("hostile") String org, @ForAll("hostile") String unit,
			@ForAll("hostile") String title, @ForAll("hostile") String person, @ForAll("hostile") String duty) {
		ParseResult result = parse(document(org, unit, title, person, duty));

		assertThat(result.problems()).isEmpty();
		OrgDocument doc = result.document();
		assertThat(doc.name()).isEqualTo(org.strip());
		assertThat(doc.units().getFirst().name()).isEqualTo(unit.strip());
		assertThat(doc.positions().getFirst().title()).isEqualTo(title.strip());
		assertThat(doc.people().getFirst().name()).isEqualTo(person.strip());
		assertThat(doc.units().getFirst().duties().getFirst().text()).isEqualTo(duty.strip());
		assertThat(doc.positions().getFirst().duties().getFirst().text()).isEqualTo(duty.strip());
	}

	@Property(tries = 50)
	void shouldReportALoneSurrogateAsAProblem(@ForAll("loneSurrogates") String bad, @ForAll("hostile") String good) {
		for (String[] values : List.of(new String[] { bad, good, good, good, good },
				new String[] { good, bad, good, good, good }, new String[] { good, good, bad, good, good },
				new String[] { good, good, good, bad, good }, new String[] { good, good, good, good, bad })) {
			ParseResult result = parse(document(values[0], values[1], values[2], values[3], values[4]));

			assertThat(result.hasErrors()).isTrue();
			assertThat(result.problems()).extracting(ImportProblem::code).contains(ProblemCodes.BAD_VALUE);
		}
	}

	@Property(tries = 300)
	void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] bytes) {
		ParseResult result = this.parser.parse("acme", List.of(new ImportFile("org.json", bytes)));

		assertThat(result.document() != null || result.hasErrors()).isTrue();
	}

	private ParseResult parse(String json) {
		return this.parser.parse("acme", List.of(new ImportFile("org.json", json.getBytes(StandardCharsets.UTF_8))));
	}

	static String document(String org, String unit, String title, String person, String duty) {
		return """
				{"key": "acme", "name": %s,
				 "units": [{"key": "U1", "name": %s, "duties": [%s]}],
				 "positions": [{"key": "P1", "title": %s, "unit": "U1", "duties": [{"key": "D1", "text": %s}]}],
				 "people": [{"key": "E1", "name": %s, "holds": [{"position": "P1", "fte": 1}]}]}
				""".formatted(json(org), json(unit), json(duty), json(title), json(duty), json(person));
	}

	/** A JSON string literal; controls and surrogates (paired or not) escaped, the rest as is. */
	static String json(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c) && !wellFormedAt(value, i)) {
						out.append("\\u%04x".formatted((int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static boolean wellFormedAt(String value, int i) {
		char c = value.charAt(i);
		return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
	}

}
