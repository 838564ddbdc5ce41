package org.orgraph.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * The same rules on every path to the data: GraphQL root and nested fields, search, exports
 * and imports, for each role, an organisation-limited token and a revoked one.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester admin;

	@Autowired
	WebTestClient adminHttp;

	String viewer;

	String analyst;

	String editor;

	String limited;

	@BeforeAll
	void setUp() throws Exception {
		Imports imports = new Imports(this.adminHttp);
		for (String key : List.of("car-rental-ops-company", "hotel-ops-centre")) {
			assertThat(imports.json(key, new ClassPathResource("demo/" + key + ".json").getContentAsByteArray()).status())
				.isEqualTo(201);
		}
		this.viewer = create("BI dashboard", "VIEWER", null);
		this.analyst = create("analyst", "ANALYST", null);
		this.editor = create("consultant", "EDITOR", null);
		this.limited = create("hotel only", "VIEWER", "hotel-ops-centre");
	}

	@Test
	void shouldRefuseEveryDataPathWithoutAToken() {
		WebTestClient anonymous = client(null);
		anonymous.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ organizations { key } }\"}")
			.exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].code").isEqualTo("UNAUTHENTICATED");
		anonymous.get().uri("/api/v1/orgs/hotel-ops-centre/exports/people.csv").exchange().expectStatus().isUnauthorized();
		anonymous.post().uri("/api/v1/orgs/x/imports").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange().expectStatus().isUnauthorized();
		anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
		anonymous.get().uri("/graphiql").exchange().expectStatus().isOk();
		client("ogt_not-a-token").post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ organizations { key } }\"}")
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void shouldShowViewersPseudonymsEverywhereAndAnalystsNames() {
		String query = "{ organization(key: \"car-rental-ops-company\") { person(key: \"E0001\") { name } "
				+ "position(key: \"P01\") { holders { person { name } } } } }";
		String real = "Demo Person 001";
		String viewerName = graphQl(this.viewer).document(query).execute()
			.path("organization.person.name").entity(String.class).get();
		assertThat(viewerName).startsWith("Person ").isNotEqualTo(real);
		graphQl(this.viewer).document(query).execute()
			.path("organization.position.holders[0].person.name").entity(String.class).isEqualTo(viewerName);
		graphQl(this.analyst).document(query).execute()
			.path("organization.person.name").entity(String.class).isEqualTo(real);
		// search does not confirm names to a viewer
		graphQl(this.viewer).document("{ organization(key: \"car-rental-ops-company\") { search(text: \"Demo Person\") { kind } } }")
			.execute().path("organization.search").entityList(Object.class).hasSize(0);
		graphQl(this.analyst).document("{ organization(key: \"car-rental-ops-company\") { search(text: \"Demo Person\") { kind } } }")
			.execute().path("organization.search[*].kind").entityList(String.class).contains("PERSON");
		// nor does the people export
		String csv = client(this.viewer).get().uri("/api/v1/orgs/car-rental-ops-company/exports/people.csv")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(csv).doesNotContain(real).contains(viewerName);
	}

	@Test
	void shouldLetOnlyEditorsImport() throws Exception {
		byte[] hotel = new ClassPathResource("demo/hotel-ops-centre.json").getContentAsByteArray();
		client(this.viewer).post().uri("/api/v1/orgs/hotel-ops-centre/imports").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(hotel).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.errors[0].code").isEqualTo("FORBIDDEN");
		graphQl(this.analyst).document("mutation($d: String!) { importOrganization(input: {org: \"hotel-ops-centre\", document: $d}) { revision } }")
			.variable("d", new String(hotel, StandardCharsets.UTF_8))
			.execute().errors().expect(withCode("FORBIDDEN")).verify();
		graphQl(this.analyst).document("mutation { editOrganization(input: {org: \"hotel-ops-centre\", baseRevision: 1, "
				+ "edits: [{removeDuty: {duty: \"x\"}}]}) { revision } }")
			.execute().errors().expect(withCode("FORBIDDEN")).verify();
		client(this.editor).post().uri("/api/v1/orgs/hotel-ops-centre/imports").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(hotel).exchange().expectStatus().isCreated();
		this.admin.document("{ auditTrail(last: 20) { actor action organization revision } }").execute()
			.path("auditTrail[?(@.action == 'import' && @.actor =~ /consultant.*/)].organization")
			.entityList(String.class).contains("hotel-ops-centre");
	}

	@Test
	void shouldKeepAnOrganizationLimitedTokenToItsOrganization() {
		graphQl(this.limited).document("{ organizations { key } }").execute()
			.path("organizations[*].key").entityList(String.class).containsExactly("hotel-ops-centre");
		graphQl(this.limited).document("{ organization(key: \"car-rental-ops-company\") { key } }").execute()
			.path("organization").valueIsNull();
		graphQl(this.limited).document("{ dutyOverlaps(org: \"car-rental-ops-company\") { totalCount } chainOfCommand(org: \"car-rental-ops-company\", position: \"P08\") { links { depth } } }")
			.execute()
			.path("dutyOverlaps.totalCount").entity(Integer.class).isEqualTo(0)
			.path("chainOfCommand").entityList(Object.class).hasSize(0);
		client(this.limited).get().uri("/api/v1/orgs/car-rental-ops-company/exports/units.json")
			.exchange().expectStatus().isNotFound();
		client(this.limited).get().uri("/api/v1/orgs/hotel-ops-centre/exports/units.json")
			.exchange().expectStatus().isOk();
	}

	@Test
	void shouldRefuseARevokedTokenAtOnceAndKeepTokenManagementForAdmins() {
		String token = create("short-lived", "ANALYST", null);
		String id = this.admin.document("{ apiTokens { id name } }").execute()
			.path("apiTokens[?(@.name == 'short-lived')].id").entityList(String.class).get().getFirst();
		graphQl(token).document("{ organizations { key } }").execute().path("organizations").entityList(Object.class).hasSizeGreaterThan(0);
		this.admin.document("mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }").variable("id", id).execute()
			.path("revokeApiToken.revokedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		client(token).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ organizations { key } }\"}").exchange().expectStatus().isUnauthorized();
		graphQl(this.editor).document("{ apiTokens { id } }").execute()
			.errors().expect(withCode("FORBIDDEN")).verify();
		// the list never carries secrets or hashes
		String tokens = this.adminHttp.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ apiTokens { id name role organization createdAt revokedAt } }\"}")
			.exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tokens).doesNotContain(this.viewer).doesNotContain(ApiTokens.hash(this.viewer));
	}

	@Test
	void shouldShowHealthDetailsToAdminsOnly() {
		// issue 16, finding 3: anonymous health named Bolt's address and the store's path
		for (String token : java.util.Arrays.asList(null, this.viewer, this.editor)) {
			String body = client(token).get().uri("/actuator/health").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details")
				.doesNotContain("127.0.0.1").doesNotContain("it-data");
		}
		String admin = client(OrgraphIntegrationTest.ADMIN_TOKEN).get().uri("/actuator/health").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(admin).contains("\"components\"").contains("neo4j").contains("recovery");
		assertThat(admin).doesNotContain("bolt://").doesNotContain("@127.0.0.1");
	}

	@Test
	void shouldNotRunGraphQlFromAFormPostOrAGetMutation() {
		client(this.editor).post().uri("/graphql").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("query=mutation%7BrevokeApiToken(id%3A%22x%22)%7Bid%7D%7D")
			.exchange().expectStatus().is4xxClientError();
		client(this.editor).get().uri("/graphql?query={organizations{key}}")
			.exchange().expectStatus().is4xxClientError();
	}

	private String create(String name, String role, String organization) {
		return this.admin.document("mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token info { id role } } }")
			.variable("i", organization == null ? Map.of("name", name, "role", role)
					: Map.of("name", name, "role", role, "organization", organization))
			.execute()
			.path("createApiToken.token").entity(String.class).get();
	}

	private WebTestClient client(String token) {
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return builder.build();
	}

	private HttpGraphQlTester graphQl(String token) {
		return HttpGraphQlTester.create(client(token).mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

}
