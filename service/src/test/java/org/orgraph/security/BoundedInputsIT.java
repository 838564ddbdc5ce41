package org.orgraph.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgraph.GraphQlErrors;
import org.orgraph.GraphQlPost;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, findings 5 and 6: what one request may make the service do is bounded, with a
 * clear code, and nothing a viewer may not see reaches the log.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BoundedInputsIT extends IntegrationTestSupport {

	static final String ORG = "car-rental-ops-company";

	@BeforeAll
	void importDemo() throws Exception {
		this.http = this.http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
		imports().demo(ORG);
	}

	@Test
	void shouldRefuseASearchOfThousandsOfTermsWithACodeAndLogNothingOfIt(CapturedOutput output) {
		// a name searched is a name logged: the words are ones no log would hold otherwise
		String text = IntStream.range(0, 2000).mapToObj(i -> "Zyxwv" + i).collect(Collectors.joining(" "));
		Map<String, Object> answer = GraphQlPost.answer(this.http,
				"query($t: String!) { organization(key: \"" + ORG + "\") { search(text: $t) { kind } } }", Map.of("t", text));
		assertThat(code(answer)).isEqualTo("SEARCH_TOO_LONG");
		assertThat(String.valueOf(answer.get("errors"))).doesNotContain("Zyxwv");
		assertThat(output.getAll()).doesNotContain("Zyxwv").doesNotContain("TooManyClauses");
		// the paired allow: a search of a few words answers
		Map<String, Object> allowed = GraphQlPost.answer(this.http,
				"query($t: String!) { organization(key: \"" + ORG + "\") { search(text: $t) { kind } } }",
				Map.of("t", "Zyxwv1 Zyxwv2 Zyxwv3"));
		assertThat(allowed.get("errors")).isNull();
		assertThat(allowed.toString()).contains("search=[]");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAnswerTheFirstThousandProblemsOfAnImportWithTheirTotal() {
		Map<String, Long> before = Imports.nodeCounts(this.driver);
		String units = IntStream.range(0, 5001)
			.mapToObj(i -> "{\"key\": \"U\", \"name\": \"Unit " + i + "\", \"parent\": null}")
			.collect(Collectors.joining(",\n"));
		String document = "{\"key\": \"dup\", \"name\": \"Duplicates\", \"units\": [" + units + "], \"positions\": [], \"people\": []}";
		Map<String, Object> body = this.http.post().uri("/api/v1/orgs/dup/imports")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(document.getBytes(StandardCharsets.UTF_8))
			.exchange().expectStatus().isEqualTo(422)
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
		List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
		assertThat(errors).hasSize(1000);
		assertThat(errors).extracting(e -> e.get("code")).containsOnly("DUPLICATE_KEY");
		assertThat(body.get("errorCount")).isEqualTo(5000);
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldCountEveryProblemOfAGraphQlImportBeyondTheFirstThousand() {
		Map<String, Long> before = Imports.nodeCounts(this.driver);
		// 1,500 units with one key: 1,499 duplicates, within the 256 KB a GraphQL request may hold
		String units = IntStream.range(0, 1500)
			.mapToObj(i -> "{\"key\":\"U\",\"name\":\"Unit " + i + "\",\"parent\":null}")
			.collect(Collectors.joining(","));
		String document = "{\"key\":\"dup-gql\",\"name\":\"Duplicates\",\"units\":[" + units
				+ "],\"positions\":[],\"people\":[]}";
		String mutation = "mutation($d: String!) { importOrganization(input: {org: \"dup-gql\", document: $d}) "
				+ "{ revision jobId errors { code } errorCount warningCount } }";
		Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) GraphQlPost
			.answer(this.http, mutation, Map.of("d", document)).get("data")).get("importOrganization");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
		assertThat(errors).hasSize(1000);
		assertThat(errors).extracting(e -> e.get("code")).containsOnly("DUPLICATE_KEY");
		assertThat(payload.get("errorCount")).isEqualTo(1499);
		assertThat(payload.get("revision")).isNull();
		assertThat(payload.get("jobId")).isNull();
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(before);
		// the paired answer: a sound document has no errors, and counts none
		String sound = "{\"key\":\"dup-gql\",\"name\":\"Sound\",\"units\":[{\"key\":\"U\",\"name\":\"Unit\",\"parent\":null,"
				+ "\"colour\":\"blue\"}],\"positions\":[],\"people\":[]}";
		Map<String, Object> imported = (Map<String, Object>) ((Map<String, Object>) GraphQlPost
			.answer(this.http, mutation, Map.of("d", sound)).get("data")).get("importOrganization");
		assertThat(imported.get("revision")).isEqualTo(1);
		assertThat(imported.get("errors")).isEqualTo(List.of());
		assertThat(imported.get("errorCount")).isEqualTo(0);
		assertThat(imported.get("warningCount")).as(imported.toString()).isEqualTo(1);
	}

	@SuppressWarnings("unchecked")
	private static String code(Map<String, Object> answer) {
		List<String> codes = GraphQlErrors.codes(answer);
		assertThat(codes).as("errors").hasSize(1);
		return codes.getFirst();
	}

}
