package org.orgraph.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.GraphQlPost;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.codes;

/**
 * One test per attack class of the OWASP GraphQL cheat sheet, sent by an admin (the most a
 * token can do): each is refused with its stable code or status, nothing runs and the store
 * does not change.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileGraphQlIT extends IntegrationTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String ORG = "car-rental-ops-company";

	/** Would create an admin token: a write nobody may slip through. */
	private static final String CREATE_TOKEN = "createApiToken(input: {name: \"csrf\", role: ADMIN}) { token }";

	Map<String, Long> nodesBefore;

	long relationshipsBefore;

	@BeforeAll
	void importOneOrganisation() throws Exception {
		imports().demo(ORG);
	}

	@BeforeEach
	void rememberTheStore() {
		this.nodesBefore = Imports.nodeCounts(this.driver);
		this.relationshipsBefore = Imports.relationshipCount(this.driver);
	}

	@AfterEach
	void nothingChanged() {
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(this.nodesBefore);
		assertThat(Imports.relationshipCount(this.driver)).isEqualTo(this.relationshipsBefore);
	}

	@Test
	void shouldRefuseDeepNesting() {
		// parent is one unit, not a list: deep but cheap, so depth alone refuses it
		String parents = "parent { ".repeat(11) + "key" + " }".repeat(11);
		assertRefused(post("{ organization(key: \"" + ORG + "\") { unit(key: \"U01\") { " + parents + " } } }"),
				"QUERY_TOO_DEEP");
		// nested lists are refused for their weight as well
		String children = "children { ".repeat(11) + "key" + " }".repeat(11);
		Map<String, Object> answer = post("{ organization(key: \"" + ORG + "\") { unit(key: \"U01\") { " + children + " } } }");
		assertThat(codes(answer)).containsExactly("QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX");
		assertThat(answer.get("data")).isNull();
	}

	@Test
	void shouldRefuseAliasAmplification() {
		String aliases = IntStream.range(0, 31).mapToObj(i -> "a" + i + ": name").collect(Collectors.joining(" "));
		assertRefused(post("{ organization(key: \"" + ORG + "\") { " + aliases + " } }"), "TOO_MANY_ALIASES");
	}

	@Test
	void shouldRefuseBatchedMutationsUnderAliasesWithoutRunningAny() {
		String batch = IntStream.range(0, 31).mapToObj(i -> "t" + i + ": " + CREATE_TOKEN).collect(Collectors.joining(" "));
		Map<String, Object> answer = post("mutation { " + batch + " }");
		assertThat(codes(answer)).containsExactlyInAnyOrder("TOO_MANY_ALIASES", "TOO_MANY_ROOT_FIELDS");
		assertThat(answer.get("data")).isNull();
	}

	@Test
	void shouldRefuseTooManyRootFields() {
		String roots = IntStream.range(0, 11).mapToObj(i -> "o" + i + ": organizations { key }").collect(Collectors.joining(" "));
		assertRefused(post("{ " + roots + " }"), "TOO_MANY_ROOT_FIELDS");
	}

	@Test
	void shouldRefuseFieldDuplication() {
		// graphql-java merges repeated fields, but each is still parsed, validated and weighed
		assertRefused(post("{ organizations { " + "name ".repeat(3000) + "} }"), "QUERY_TOO_COMPLEX");
	}

	@Test
	void shouldRefuseCircularFragmentsAndFragmentBombs() {
		Map<String, Object> cycle = post("""
				{ organizations { ...a } }
				fragment a on Organization { key ...b }
				fragment b on Organization { name ...a }
				""");
		assertThat(classifications(cycle)).contains("ValidationError");
		assertThat(cycle.get("data")).isNull();
		StringBuilder bomb = new StringBuilder("{ organizations { ...f0 } }\n");
		for (int i = 0; i < 30; i++) {
			bomb.append("fragment f%d on Organization { ...f%d ...f%d }\n".formatted(i, i + 1, i + 1));
		}
		bomb.append("fragment f30 on Organization { key }\n");
		assertRefused(post(bomb.toString()), "QUERY_TOO_COMPLEX");
	}

	@Test
	void shouldAnswerNoIntrospectionOutsideDevAndRefuseCircularIntrospection() {
		Map<String, Object> schema = post("{ __schema { queryType { name } } }");
		assertThat(classifications(schema)).containsExactly("IntrospectionDisabled");
		assertThat(schema.get("data")).isNull();
		String circular = "{ __schema { types { " + "fields { type { ".repeat(6) + "name" + " } }".repeat(6) + " } } }";
		assertRefused(post(circular), "QUERY_TOO_DEEP");
	}

	@Test
	void shouldRefuseDirectiveOverloading() {
		assertRefused(post("{ organizations { key" + " @include(if: true)".repeat(5) + " } }"), "TOO_MANY_DIRECTIVES");
		// unknown directives by the thousand: one error, not one per directive
		Map<String, Object> answer = post("{ __typename" + " @aa".repeat(2000) + " }");
		assertRefused(answer, "TOO_MANY_DIRECTIVES");
		assertThat(errors(answer)).hasSize(1);
	}

	@Test
	void shouldRefuseHugeLists() {
		String page = "{ organization(key: \"" + ORG + "\") { units(first: %d) { edges { cursor } } } }";
		Map<String, Object> tooLarge = post(page.formatted(501));
		assertThat(codes(tooLarge)).containsExactly("PAGE_SIZE");
		assertRefused(post(page.formatted(1_000_000_000)), "QUERY_TOO_COMPLEX");
		assertRefused(post("{ organization(key: \"" + ORG + "\") { people(first: 400) { edges { node { key name holds {"
				+ " position { key title unit { key name } } fte acting } } } } } }"), "QUERY_TOO_COMPLEX");
	}

	@Test
	void shouldRefuseAKnownDocumentOnceItsVariablesMakeItHuge() {
		String page = "query($n: Int) { organization(key: \"" + ORG + "\") { units(first: $n) { edges { cursor } } } }";
		Map<String, Object> small = post(page, Map.of("n", 2));
		assertThat(small.get("errors")).isNull();
		assertRefused(post(page, Map.of("n", 1_000_000_000)), "QUERY_TOO_COMPLEX");
	}

	@Test
	void shouldRefuseMutationsOverGet() {
		this.http.get()
			.uri(b -> b.path("/graphql").queryParam("query", "{query}").build("mutation { " + CREATE_TOKEN + " }"))
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isBetween(400, 499));
		this.http.get()
			.uri(b -> b.path("/graphql").queryParam("query", "{query}").build("{ organizations { key } }"))
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isBetween(400, 499));
	}

	@Test
	void shouldRefuseFormEncodedAndPlainTextPosts() {
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("query", "mutation { " + CREATE_TOKEN + " }"))
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"query\":\"mutation { " + CREATE_TOKEN.replace("\"", "\\\"") + " }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	@Test
	void shouldRefuseABodyLargerThanTheLimit() {
		String padding = " ".repeat(300 * 1024);
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"mutation {" + padding + CREATE_TOKEN.replace("\"", "\\\"") + " }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void shouldStillAnswerALegitimateQuery() {
		Map<String, Object> answer = post("{ organizations { key } }");
		assertThat(answer.get("errors")).isNull();
		assertThat(answer.get("data").toString()).contains(ORG);
	}

	private Map<String, Object> post(String query) {
		return post(query, Map.of());
	}

	private Map<String, Object> post(String query, Map<String, Object> variables) {
		return GraphQlPost.answer(this.http, query, variables);
	}

	private static void assertRefused(Map<String, Object> answer, String code) {
		assertThat(codes(answer)).containsExactly(code);
		assertThat(answer.get("data")).as("nothing ran").isNull();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Map<String, Object> answer) {
		Object errors = answer.get("errors");
		return errors == null ? List.of() : (List<Map<String, Object>>) errors;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> classifications(Map<String, Object> answer) {
		return errors(answer).stream()
			.map(e -> (Map<String, Object>) e.getOrDefault("extensions", Map.of()))
			.map(x -> x.get("classification"))
			.toList();
	}

}
