package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.HostileStrings;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.duties.DutyText;
import org.orgraph.Imports;
import org.orgraph.GraphQlPost;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile names, titles and duty texts (Cypher injection among them) through both import
 * paths and back out of GraphQL: never a 5xx, every value byte-exact, and the organisation
 * next door unchanged. {@link HostileStrings#sample} feeds a parameterised test with a fixed
 * seed: 50 documents, the same on every run.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileImportsIT extends IntegrationTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String NEIGHBOUR = "car-rental-ops-company";

	private static final String READ_BACK = """
			query ($org: ID!) { organization(key: $org) {
			  name
			  unit(key: "U1") { name duties { text } }
			  position(key: "P1") { title duties { text } }
			  person(key: "E1") { name }
			} }""";

	private static final String NEIGHBOURHOOD = """
			{ organization(key: "%s") { name currentRevision units(first: 500) { edges { node { key name } } }
			  people(first: 500) { edges { node { key name } } } duties(first: 500) { edges { node { key text } } } } }"""
		.formatted(NEIGHBOUR);

	Map<String, Object> neighbourhood;

	@BeforeAll
	void importANeighbour() throws Exception {
		// answers carrying values of 100 000 characters are larger than the client's default buffer
		this.http = this.http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
		imports().demo(NEIGHBOUR);
		this.neighbourhood = graphQl(NEIGHBOURHOOD, Map.of());
	}

	static Stream<Arguments> hostileDocuments() {
		Random random = new Random(20261125);
		Supplier<String> hostile = () -> {
			String value = HostileStrings.sample(random).strip();
			return value.isEmpty() ? "x" : value;
		};
		Stream<Arguments> generated = IntStream.range(0, 46)
			.mapToObj(i -> Arguments.of(i, hostile.get(), hostile.get(), hostile.get(), hostile.get(), hostile.get()));
		// the Cypher injections in every place at least once
		String drop = HostileStrings.INJECTIONS.getFirst();
		Stream<Arguments> injections = Stream.of(Arguments.of(46, drop, "u", "t", "p", "d"),
				Arguments.of(47, "o", drop, drop, "p", "d"), Arguments.of(48, "o", "u", "t", drop, drop),
				Arguments.of(49, drop, drop, drop, drop, drop));
		return Stream.concat(generated, injections);
	}

	@ParameterizedTest(name = "[{index}] document {0}")
	@MethodSource("hostileDocuments")
	void shouldStoreAndAnswerHostileTextExactly(int n, String org, String unit, String title, String person,
			String duty) {
		String key = "hostile-" + n;
		String document = document(org, unit, title, person, duty)
			.replace("\"key\": \"acme\"", "\"key\": \"" + key + "\"");
		boolean tooLong = DutyText.normalize(duty).getBytes(StandardCharsets.UTF_8).length > OrgValidator.MAX_DUTY_NORM_BYTES;
		if (n % 2 == 0) {
			Imports.Answer answer = imports().json(key, document.getBytes(StandardCharsets.UTF_8));
			if (tooLong) {
				assertThat(answer.status()).as("%s", answer.body()).isEqualTo(422);
				assertThat(answer.errors()).extracting(e -> e.get("code")).containsOnly("TOO_LONG");
				assertThat(at(graphQl(READ_BACK, Map.of("org", key)), "data.organization")).isNull();
				return;
			}
			assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
		}
		else {
			int status = importOverGraphQl(key, document, tooLong);
			if (status == 413) {
				// larger than orgraph.graphql.max-request-size: refused before GraphQL reads it
				assertThat(document.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(200 * 1024);
				return;
			}
			if (tooLong) {
				assertThat(at(graphQl(READ_BACK, Map.of("org", key)), "data.organization")).isNull();
				return;
			}
		}

		Map<String, Object> read = graphQl(READ_BACK, Map.of("org", key));
		assertThat(read.get("errors")).isNull();
		assertThat(at(read, "data.organization.name")).isEqualTo(org);
		assertThat(at(read, "data.organization.unit.name")).isEqualTo(unit);
		assertThat(at(read, "data.organization.position.title")).isEqualTo(title);
		assertThat(at(read, "data.organization.person.name")).isEqualTo(person);
		assertThat(texts(at(read, "data.organization.unit.duties"))).containsExactly(duty);
		assertThat(texts(at(read, "data.organization.position.duties"))).containsExactly(duty);
		assertThat(graphQl(NEIGHBOURHOOD, Map.of())).isEqualTo(this.neighbourhood);
	}

	@ParameterizedTest
	@MethodSource("loneSurrogates")
	void shouldRefuseTextThatIsNotUnicodeWithoutA5xx(String bad) {
		String document = document("org", bad, "t", "p", "d")
			.replace("\"key\": \"acme\"", "\"key\": \"surrogates\"");
		Imports.Answer answer = imports().json("surrogates", document.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.errors()).extracting(e -> e.get("code")).containsExactly("BAD_VALUE");
		assertThat(graphQl(NEIGHBOURHOOD, Map.of())).isEqualTo(this.neighbourhood);
	}

	static Stream<String> loneSurrogates() {
		return Stream.of("a\uD800b", "\uDC00", "x\uDBFF", "ok \uD83D then not");
	}

	private int importOverGraphQl(String key, String document, boolean tooLong) {
		var result = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query",
					"mutation ($org: ID!, $doc: String!) { importOrganization(input: {org: $org, document: $doc}) { revision errors { code message } } }",
					"variables", Map.of("org", key, "doc", document)))
			.exchange()
			.expectBody(JSON)
			.returnResult();
		int status = result.getStatus().value();
		assertThat(status).as("no server error").isLessThan(500);
		if (status == 200) {
			Map<String, Object> body = result.getResponseBody();
			assertThat(body.get("errors")).as("%s", body).isNull();
			if (tooLong) {
				assertThat((List<?>) at(body, "data.importOrganization.errors")).isNotEmpty()
					.allSatisfy(e -> assertThat(e.toString()).contains("TOO_LONG"));
				assertThat(at(body, "data.importOrganization.revision")).isNull();
			}
			else {
				assertThat(at(body, "data.importOrganization.errors")).as("%s", body).isEqualTo(List.of());
				assertThat(at(body, "data.importOrganization.revision")).isEqualTo(1);
			}
		}
		return status;
	}

	private Map<String, Object> graphQl(String query, Map<String, Object> variables) {
		return GraphQlPost.answer(this.http, query, variables);
	}

	@SuppressWarnings("unchecked")
	private static Object at(Map<String, Object> json, String path) {
		Object current = json;
		for (String part : path.split("\\.")) {
			current = current == null ? null : ((Map<String, Object>) current).get(part);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> texts(Object duties) {
		return ((List<Map<String, Object>>) duties).stream().map(d -> d.get("text")).toList();
	}

	/** An org document carrying the given values, as JSON text. */
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
