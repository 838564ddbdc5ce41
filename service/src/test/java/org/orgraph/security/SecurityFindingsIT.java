package org.orgraph.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, findings 4 and 7: free text a viewer may not see, pseudonyms, ambiguous
 * credentials, unreadable uploads, the pages' Content-Security-Policy and the unused
 * generated password. Each refusal is paired with the answer the right caller gets.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityFindingsIT {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final String ORG = "car-rental-ops-company";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient adminHttp;

	@Autowired
	ApplicationContext context;

	String viewer;

	String analyst;

	@BeforeAll
	void setUp() throws Exception {
		String demo = new ClassPathResource("demo/" + ORG + ".json").getContentAsString(StandardCharsets.UTF_8);
		String withNotes = demo.replaceFirst("\\{", "{\"boardMinutes\": \"Confidential: Ada Byron is being dismissed\", ");
		Imports.Answer imported = new Imports(this.adminHttp).files(ORG, "org-json",
				Map.of("ada-byron-salaries.json", withNotes.getBytes(StandardCharsets.UTF_8)));
		assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
		// keys whose String.hashCode collide ("Aa", "BB") and consecutive ones
		String keys = """
				{"key": "pseudo", "name": "Pseudonyms", "units": [{"key": "U", "name": "U", "parent": null}],
				 "positions": [{"key": "P", "title": "P", "unit": "U"}],
				 "people": [%s]}""".formatted(String.join(",", List.of("Aa", "BB", "E1", "E2", "E3").stream()
			.map(k -> "{\"key\": \"" + k + "\", \"name\": \"Name " + k + "\", \"holds\": []}")
			.toList()));
		assertThat(new Imports(this.adminHttp).json("pseudo", keys).status()).isEqualTo(201);
		this.viewer = token("viewer", "VIEWER");
		this.analyst = token("analyst", "ANALYST");
	}

	@Test
	void shouldShowRevisionNotesAndFileNamesOnlyToRolesThatSeeNames() {
		String query = "{ organization(key: \"" + ORG + "\") { revision { metadata source } } }";
		Map<String, Object> viewer = graphQl(this.viewer, query);
		assertThat(viewer.toString()).doesNotContain("Ada Byron").doesNotContain("ada-byron");
		Map<String, Object> analyst = graphQl(this.analyst, query);
		assertThat(analyst.toString()).contains("Ada Byron is being dismissed").contains("ada-byron-salaries.json");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldGiveEveryPersonAPseudonymOfSixtyFourBitsThatDoesNotCollide() {
		Map<String, Object> answer = graphQl(this.viewer,
				"{ organization(key: \"pseudo\") { people(first: 10) { edges { node { key name } } } } }");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) answer
			.get("data")).get("organization")).get("people")).get("edges");
		Set<String> names = new HashSet<>();
		for (Map<String, Object> edge : edges) {
			String name = (String) ((Map<String, Object>) edge.get("node")).get("name");
			assertThat(name).matches("Person [0-9A-F]{16}");
			names.add(name);
		}
		assertThat(names).hasSize(5);
		// the same person, the same pseudonym, every time
		assertThat(graphQl(this.viewer, "{ organization(key: \"pseudo\") { person(key: \"Aa\") { name } } }").toString())
			.contains(names.iterator().next().substring(0, 7));
		assertThat(graphQl(this.analyst, "{ organization(key: \"pseudo\") { person(key: \"Aa\") { name } } }").toString())
			.contains("Name Aa");
	}

	@Test
	void shouldRefuseTwoAuthorizationHeaders() {
		int two = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
			.post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + this.viewer, "Bearer " + OrgraphIntegrationTest.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ apiTokens { id } }\"}")
			.exchange().returnResult(byte[].class).getStatus().value();
		assertThat(two).isEqualTo(401);
		assertThat(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "{ apiTokens { id } }").get("errors")).isNull();
	}

	@Test
	void shouldAnswerAMultipartBodyWithoutBoundaryWith400() {
		Map<String, Object> body = this.adminHttp.post().uri("/api/v1/orgs/nob/imports")
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data")
			.bodyValue("--x\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\norg-json\r\n--x--\r\n")
			.exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
		assertThat(body.toString()).contains("BAD_MULTIPART");
		// the paired allow: the same part with its boundary is read (and the missing file named)
		Map<String, Object> read = this.adminHttp.post().uri("/api/v1/orgs/nob/imports")
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=x")
			.bodyValue("--x\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\norg-json\r\n--x--\r\n")
			.exchange().expectStatus().isEqualTo(422).expectBody(JSON).returnResult().getResponseBody();
		assertThat(read.toString()).contains("MISSING_FILE");
	}

	@Test
	void shouldSendAContentSecurityPolicyWithThePages() {
		for (String page : List.of("/", "/graphiql", "/ui/api.js")) {
			String csp = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
				.get().uri(page).exchange().expectStatus().isOk()
				.returnResult(byte[].class).getResponseHeaders().getFirst("Content-Security-Policy");
			assertThat(csp).as(page).contains("default-src 'self'").contains("script-src 'self';")
				.doesNotContain("unsafe-eval").contains("frame-ancestors 'none'");
		}
	}

	@Test
	void shouldHaveNoUserWithAGeneratedPassword() {
		assertThat(this.context.getBeansOfType(InMemoryUserDetailsManager.class)).isEmpty();
	}

	private String token(String name, String role) {
		Map<String, Object> answer = graphQl(OrgraphIntegrationTest.ADMIN_TOKEN,
				"mutation { createApiToken(input: {name: \"" + name + "\", role: " + role + "}) { token } }");
		return (String) ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("createApiToken")).get("token");
	}

	private Map<String, Object> graphQl(String token, String query) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).responseTimeout(Duration.ofSeconds(30))
			.build().post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", query))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

}
