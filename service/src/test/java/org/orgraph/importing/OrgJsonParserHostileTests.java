package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every name, title and duty of an org document arrives in the
 * {@link OrgDocument} exactly as sent (less surrounding whitespace); arbitrary bytes are a
 * document or reported problems, never an exception. Seeded: the same cases on every run.
 */
class OrgJsonParserHostileTests {

	private final OrgJsonParser parser = new OrgJsonParser();

	static Stream<Arguments> hostileDocuments() {
		Random random = new Random(42);
		return Stream.generate(() -> Arguments.of(HostileStrings.sample(random), HostileStrings.sample(random),
				HostileStrings.sample(random), HostileStrings.sample(random), HostileStrings.sample(random)))
			.limit(300);
	}

	static Stream<byte[]> randomBytes() {
		Random random = new Random(11);
		return Stream.generate(() -> {
			byte[] bytes = new byte[random.nextInt(200)];
			random.nextBytes(bytes);
			return bytes;
		}).limit(300);
	}

	@ParameterizedTest
	@MethodSource("hostileDocuments")
	void shouldKeepEveryHostileValueExactly(String org, String unit, String title, String person, String duty) {
		ParseResult result = parse(HostileImportsIT.document(org, unit, title, person, duty));

		assertThat(result.problems()).isEmpty();
		OrgDocument doc = result.document();
		assertThat(doc.name()).isEqualTo(org.strip());
		assertThat(doc.units().getFirst().name()).isEqualTo(unit.strip());
		assertThat(doc.positions().getFirst().title()).isEqualTo(title.strip());
		assertThat(doc.people().getFirst().name()).isEqualTo(person.strip());
		assertThat(doc.units().getFirst().duties().getFirst().text()).isEqualTo(duty.strip());
		assertThat(doc.positions().getFirst().duties().getFirst().text()).isEqualTo(duty.strip());
	}

	@ParameterizedTest
	@MethodSource("randomBytes")
	void shouldNeverThrowOnArbitraryBytes(byte[] bytes) {
		ParseResult result = this.parser.parse("acme", List.of(new ImportFile("org.json", bytes)));

		assertThat(result.document() != null || result.hasErrors()).isTrue();
	}

	private ParseResult parse(String json) {
		return this.parser.parse("acme", List.of(new ImportFile("org.json", json.getBytes(StandardCharsets.UTF_8))));
	}

}
