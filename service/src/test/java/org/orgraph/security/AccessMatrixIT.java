package org.orgraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.codes;

/**
 * Issue 16, finding 1 and 7: every GraphQL root field (read from the schema, so a new field
 * without a row here fails) and every HTTP endpoint, asked by each role, unlimited and limited
 * to one organisation, about that organisation and about another. Every refusal is paired
 * with the same request answered for the least role that may make it, and every "does not
 * exist" for the limited token with the same request about its own organisation answered.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final String OWN = "car-rental-ops-company";

	static final String OTHER = "state-capital-ops-governance";

	/** The product's rule, written out independently of {@code AccessRules}: the least role per root field. */
	static final Map<String, Role> EXPECTED = Map.ofEntries(Map.entry("Query.organizations", Role.VIEWER),
			Map.entry("Query.organization", Role.VIEWER), Map.entry("Query.dutyOverlaps", Role.VIEWER),
			Map.entry("Query.orphanedDuties", Role.VIEWER), Map.entry("Query.dutyGaps", Role.VIEWER),
			Map.entry("Query.compareRevisions", Role.VIEWER), Map.entry("Query.vacancies", Role.VIEWER),
			Map.entry("Query.orgMetrics", Role.VIEWER), Map.entry("Query.unitMetrics", Role.VIEWER),
			Map.entry("Query.chainOfCommand", Role.VIEWER), Map.entry("Query.commonSuperior", Role.VIEWER),
			Map.entry("Query.reports", Role.VIEWER), Map.entry("Query.reportingAnomalies", Role.VIEWER),
			Map.entry("Query.importJob", Role.EDITOR), Map.entry("Mutation.importOrganization", Role.EDITOR),
			Map.entry("Mutation.editOrganization", Role.EDITOR), Map.entry("Query.apiTokens", Role.ADMIN),
			Map.entry("Query.auditTrail", Role.ADMIN), Map.entry("Mutation.createApiToken", Role.ADMIN),
			Map.entry("Mutation.revokeApiToken", Role.ADMIN), Map.entry("Query.dutyThemes", Role.VIEWER),
			Map.entry("Query.orphanedDutiesPage", Role.VIEWER), Map.entry("Query.orphanFindings", Role.VIEWER),
			Map.entry("Query.graphqlLimits", Role.VIEWER), Map.entry("Mutation.reviewOverlap", Role.EDITOR));

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient adminHttp;

	@Autowired
	org.neo4j.driver.Driver driver;

	/** role → token, unlimited and limited to {@link #OWN}. */
	final Map<Role, String> unlimited = new HashMap<>();

	final Map<Role, String> limited = new HashMap<>();

	final Map<String, String> jobOf = new HashMap<>();

	@BeforeAll
	void setUp() throws IOException {
		for (String org : List.of(OWN, OTHER)) {
			Map<String, Object> answer = graphQl(OrgraphIntegrationTest.ADMIN_TOKEN,
					"mutation($o: ID!, $d: String!) { importOrganization(input: {org: $o, document: $d}) { revision jobId } }",
					Map.of("o", org, "d", demo(org)));
			assertThat(at(answer, "data.importOrganization.revision")).as(answer.toString()).isEqualTo(1);
			this.jobOf.put(org, (String) at(answer, "data.importOrganization.jobId"));
		}
		for (Role role : Role.values()) {
			this.unlimited.put(role, token(role + " everywhere", role, null));
			this.limited.put(role, token(role + " own only", role, OWN));
		}
	}

	/** One request about an organisation, and how to tell that its answer shows that organisation. */
	record Probe(String document, Map<String, Object> variables, Function<Map<String, Object>, Boolean> shows) {
	}

	/** The probes per root field; each builds a fresh request (mutations need fresh targets). */
	Map<String, Function<String, Probe>> probes() {
		Map<String, Function<String, Probe>> p = new LinkedHashMap<>();
		p.put("Query.organizations", org -> new Probe("{ organizations { key } }", Map.of(),
				a -> list(a, "data.organizations").stream().anyMatch(o -> org.equals(((Map<?, ?>) o).get("key")))));
		read(p, "Query.organization", "organization(key: $org) { key }", "organization.key");
		read(p, "Query.dutyOverlaps",
				"dutyOverlaps(org: $org, mode: SIMILAR, minScore: 0.1) { totalCount }", "dutyOverlaps.totalCount");
		read(p, "Query.orphanedDuties", "orphanedDuties(org: $org) { reason }", "orphanedDuties");
		read(p, "Query.dutyGaps",
				"dutyGaps(org: $org) { positionsWithoutDuties { key } unitsWithoutPositionsOrDuties { key } }", "dutyGaps");
		read(p, "Query.compareRevisions", "compareRevisions(org: $org, from: 1, to: 1) { from }", "compareRevisions");
		read(p, "Query.vacancies", "vacancies(org: $org) { __typename }", "vacancies");
		read(p, "Query.orgMetrics", "orgMetrics(org: $org) { people }", "orgMetrics.people");
		read(p, "Query.unitMetrics", "unitMetrics(org: $org, first: 3) { edges { cursor } }", "unitMetrics.edges");
		read(p, "Query.chainOfCommand",
				"chainOfCommand(org: $org, position: \"P02\") { links { depth } }", "chainOfCommand");
		read(p, "Query.commonSuperior",
				"commonSuperior(org: $org, a: \"P02\", b: \"P01\") { position { key } }", "commonSuperior.position.key");
		read(p, "Query.reports",
				"reports(org: $org, position: \"P01\", first: 5) { edges { cursor } }", "reports.edges");
		read(p, "Query.reportingAnomalies",
				"reportingAnomalies(org: $org) { revision }", "reportingAnomalies.revision");
		read(p, "Query.dutyThemes", "dutyThemes(org: $org, first: 3) { totalCount }", "dutyThemes.totalCount");
		read(p, "Query.orphanedDutiesPage",
				"orphanedDutiesPage(org: $org, first: 3) { totalCount }", "orphanedDutiesPage.totalCount");
		read(p, "Query.orphanFindings",
				"orphanFindings(org: $org, first: 3) { totalCount }", "orphanFindings.totalCount");
		// the limits name no organisation: asked beside the organisation, of which a limited token sees its own only
		p.put("Query.graphqlLimits", org -> new Probe(
				"query($org: ID!) { graphqlLimits { maxDepth } organization(key: $org) { key } }", Map.of("org", org),
				a -> at(a, "data.graphqlLimits.maxDepth") != null && org.equals(at(a, "data.organization.key"))));
		// both demo organisations have a first duty on units U02 and U03, worded differently
		p.put("Mutation.reviewOverlap", org -> new Probe(
				"mutation($org: ID!) { reviewOverlap(org: $org, duties: [\"U:U02:1\", \"U:U03:1\"], verdict: DISTINCT) { verdict } }",
				Map.of("org", org), a -> "DISTINCT".equals(at(a, "data.reviewOverlap.verdict"))));
		p.put("Query.importJob", org -> new Probe("query($id: ID!) { importJob(id: $id) { organization } }",
				Map.of("id", this.jobOf.get(org)), a -> org.equals(at(a, "data.importJob.organization"))));
		p.put("Mutation.importOrganization", org -> new Probe(
				"mutation($o: ID!, $d: String!) { importOrganization(input: {org: $o, document: $d}) { revision } }",
				Map.of("o", org, "d", demo(org)), a -> at(a, "data.importOrganization.revision") != null));
		p.put("Mutation.editOrganization", org -> new Probe("""
				mutation($o: ID!, $base: Int!) { editOrganization(input: {org: $o, baseRevision: $base,
				  edits: [{addDuty: {holderKind: POSITION, holder: "P01", text: "Matrix check duty"}}]}) { revision } }""",
				Map.of("o", org, "base", currentRevision(org)), a -> at(a, "data.editOrganization.revision") != null));
		p.put("Query.apiTokens", org -> new Probe("{ apiTokens { organization } }", Map.of(),
				a -> list(a, "data.apiTokens").stream().anyMatch(t -> org.equals(((Map<?, ?>) t).get("organization")))));
		p.put("Query.auditTrail", org -> new Probe("{ auditTrail(last: 1000) { organization } }", Map.of(),
				a -> list(a, "data.auditTrail").stream().anyMatch(e -> org.equals(((Map<?, ?>) e).get("organization")))));
		p.put("Mutation.createApiToken", org -> new Probe(
				"mutation($o: ID) { createApiToken(input: {name: \"matrix\", role: VIEWER, organization: $o}) { info { organization } } }",
				Map.of("o", org), a -> org.equals(at(a, "data.createApiToken.info.organization"))));
		p.put("Mutation.revokeApiToken", org -> {
			String victim = tokenId("victim", Role.VIEWER, org);
			return new Probe("mutation($id: ID!) { revokeApiToken(id: $id) { organization revokedAt } }",
					Map.of("id", victim), a -> org.equals(at(a, "data.revokeApiToken.organization")));
		});
		return p;
	}

	@Test
	void shouldHaveOneRuleForEveryRootFieldOfTheSchema() throws IOException {
		Set<String> fields = rootFields();
		assertThat(AccessRules.GRAPHQL.keySet()).as("the product's rule table").containsExactlyInAnyOrderElementsOf(fields);
		assertThat(EXPECTED.keySet()).as("this test's rule table").containsExactlyInAnyOrderElementsOf(fields);
		assertThat(probes().keySet()).as("this test's probes").containsExactlyInAnyOrderElementsOf(fields);
		assertThat(AccessRules.GRAPHQL).isEqualTo(EXPECTED);
	}

	@TestFactory
	Stream<DynamicTest> everyRootFieldForEveryRoleAndLimit() throws IOException {
		Map<String, Function<String, Probe>> probes = probes();
		return rootFields().stream().map(field -> DynamicTest.dynamicTest(field, () -> {
			Function<String, Probe> probe = probes.get(field);
			assertThat(probe).as("a probe for " + field).isNotNull();
			Role needed = EXPECTED.get(field);
			for (Role role : Role.values()) {
				for (boolean isLimited : List.of(false, true)) {
					String token = (isLimited ? this.limited : this.unlimited).get(role);
					String who = role + (isLimited ? " limited to " + OWN : "");
					Map<String, Object> own = ask(token, probe.apply(OWN));
					Map<String, Object> other = ask(token, probe.apply(OTHER));
					if (!role.includes(needed)) {
						assertThat(codes(own)).as(who + ": " + field + " about its organisation").containsExactly("FORBIDDEN");
						assertThat(codes(other)).as(who + ": " + field + " about another").containsExactly("FORBIDDEN");
						continue;
					}
					assertThat(codes(own)).as(who + ": " + field + " about its organisation").isEmpty();
					assertThat(probe.apply(OWN).shows().apply(own)).as(who + ": " + field + " shows its organisation")
						.isTrue();
					if (isLimited) {
						assertThat(probe.apply(OTHER).shows().apply(other))
							.as(who + ": " + field + " shows nothing of another organisation: " + other)
							.isFalse();
						assertThat(codes(other)).as(who + ": " + field + " about another")
							.isSubsetOf("FORBIDDEN", "BAD_ARGUMENT");
					}
					else {
						assertThat(codes(other)).as(who + ": " + field + " about another").isEmpty();
						assertThat(probe.apply(OTHER).shows().apply(other)).as(who + ": " + field + " shows another")
							.isTrue();
					}
				}
			}
		}));
	}

	@Test
	void shouldNeverLetALimitedAdminMintABroaderToken() {
		String admin = this.limited.get(Role.ADMIN);
		String create = "mutation($o: ID) { createApiToken(input: {name: \"escape\", role: ADMIN, organization: $o}) { token } }";
		Map<String, Object> vars = new HashMap<>();
		vars.put("o", null);
		assertThat(codes(graphQl(admin, create, vars))).containsExactly("FORBIDDEN");
		assertThat(codes(graphQl(admin, create, Map.of("o", OTHER)))).containsExactly("BAD_ARGUMENT");
		assertThat(codes(graphQl(admin, create, Map.of("o", "../" + OWN)))).containsExactly("BAD_ARGUMENT");
		assertThat(codes(graphQl(admin, create, Map.of("o", "not-imported")))).containsExactly("BAD_ARGUMENT");
		// the paired allow: the same mutation limited to its own organisation
		String minted = (String) at(graphQl(admin, create, Map.of("o", OWN)), "data.createApiToken.token");
		assertThat(at(graphQl(minted, "{ organizations { key } }", Map.of()), "data.organizations"))
			.isEqualTo(List.of(Map.of("key", OWN)));
		// an analyst-level caller cannot reach createApiToken at all, so no role above its own
		assertThat(codes(graphQl(this.unlimited.get(Role.EDITOR), create, Map.of("o", OWN)))).containsExactly("FORBIDDEN");
		// a global admin's token is out of a limited admin's reach
		String global = tokenId("global victim", Role.ADMIN, null);
		assertThat(at(graphQl(admin, "mutation($id: ID!) { revokeApiToken(id: $id) { id } }", Map.of("id", global)),
				"data.revokeApiToken")).isNull();
		assertThat(list(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "{ apiTokens { id revokedAt } }", Map.of()),
				"data.apiTokens")).contains(revokedAtNull(global));
	}

	@Test
	void shouldNeverLetAnExpiringTokenMintALongerLivedOne() {
		String create = "mutation($o: ID, $n: String!, $days: Int) { createApiToken(input: {name: $n, role: VIEWER, "
				+ "organization: $o, expiresInDays: $days}) { token info { id organization expiresAt } } }";
		for (String org : java.util.Arrays.asList(null, OWN)) {
			String name = "longer than an admin " + (org == null ? "everywhere" : "of " + org);
			Map<String, Object> creator = create("expiring admin", Role.ADMIN, org, 5);
			String expiring = (String) at(creator, "data.createApiToken.token");
			java.time.Instant creatorExpires = java.time.Instant
				.parse((String) at(creator, "data.createApiToken.info.expiresAt"));
			for (Integer days : java.util.Arrays.asList(null, 6, 3650)) {
				Map<String, Object> vars = new HashMap<>();
				vars.put("o", org == null ? OWN : org);
				vars.put("days", days);
				vars.put("n", name);
				Map<String, Object> refused = graphQl(expiring, create, vars);
				assertThat(codes(refused)).as("%s token expiring in 5 days asks for %s days", org, days)
					.containsExactly("TOKEN_OUTLIVES_CALLER");
				assertThat(at(refused, "data.createApiToken")).isNull();
			}
			assertThat(list(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "{ apiTokens { name } }", Map.of()),
					"data.apiTokens")).as("nothing was created").doesNotContain(Map.of("name", name));
			// the paired allow: a token that ends before its creator does
			Map<String, Object> allowed = graphQl(expiring, create, Map.of("o", OWN, "n", name, "days", 4));
			assertThat(codes(allowed)).as(allowed.toString()).isEmpty();
			java.time.Instant mintedExpires = java.time.Instant
				.parse((String) at(allowed, "data.createApiToken.info.expiresAt"));
			assertThat(mintedExpires).isBefore(creatorExpires);
			String minted = (String) at(allowed, "data.createApiToken.token");
			assertThat(at(graphQl(minted, "{ organizations { key } }", Map.of()), "data.organizations"))
				.isEqualTo(List.of(Map.of("key", OWN)));
			revoke((String) at(allowed, "data.createApiToken.info.id"));
		}
		// a token that never expires may mint one that does, or one that does not
		Map<String, Object> vars = new HashMap<>();
		vars.put("o", OWN);
		vars.put("days", null);
		vars.put("n", "never expires");
		assertThat(codes(graphQl(this.unlimited.get(Role.ADMIN), create, vars))).isEmpty();
	}

	@Test
	void shouldRefuseAnExpiredTokenLikeAnUnknownOne() {
		Map<String, Object> created = create("soon expired", Role.VIEWER, null, 1);
		String token = (String) at(created, "data.createApiToken.token");
		String id = (String) at(created, "data.createApiToken.info.id");
		// the paired allow: a token made alike, a day before it expires
		String live = (String) at(create("still live", Role.VIEWER, null, 1), "data.createApiToken.token");
		assertThat(at(graphQl(live, "{ organizations { key } }", Map.of()), "data.organizations")).asList()
			.isNotEmpty();
		// a day later: moved into the past in the store, as time would (before its first use, which would cache it)
		try (org.neo4j.driver.Session session = this.driver.session()) {
			session.run("MATCH (t:ApiToken {id: $id}) SET t.expiresAt = datetime() - duration('PT1S')", Map.of("id", id))
				.consume();
		}
		var expired = client(token).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organizations { key } }")).exchange().returnResult(String.class);
		var unknown = client(ApiTokens.PREFIX + "no-such-token-0123456789").post().uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ organizations { key } }")).exchange()
			.returnResult(String.class);
		assertThat(expired.getStatus().value()).isEqualTo(401);
		assertThat(expired.getResponseBody().blockFirst()).isEqualTo(unknown.getResponseBody().blockFirst());
		assertThat(unknown.getStatus().value()).isEqualTo(401);
		assertThat(client(token).get().uri("/api/v1/orgs/" + OWN + "/exports/units.csv").exchange()
			.returnResult(byte[].class).getStatus().value()).isEqualTo(401);
		// a token that expires while its lookup is cached (30 s) stops working when it expires, not when the cache forgets it
		Map<String, Object> cached = create("expires while cached", Role.VIEWER, null, 1);
		String cachedToken = (String) at(cached, "data.createApiToken.token");
		try (org.neo4j.driver.Session session = this.driver.session()) {
			session.run("MATCH (t:ApiToken {id: $id}) SET t.expiresAt = datetime() + duration('PT3S')",
					Map.of("id", at(cached, "data.createApiToken.info.id"))).consume();
		}
		assertThat(status(cachedToken)).isEqualTo(200);
		org.awaitility.Awaitility.await("refused once expired").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250)).until(() -> status(cachedToken) == 401);
		// apiTokens shows when each stops working; the bootstrap admin token never does
		List<Object> tokens = list(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "{ apiTokens { id expiresAt } }", Map.of()),
				"data.apiTokens");
		assertThat(tokens).anySatisfy(t -> {
			assertThat(((Map<?, ?>) t).get("id")).isEqualTo(id);
			assertThat(((Map<?, ?>) t).get("expiresAt")).isNotNull();
		});
		assertThat(tokens).contains(expiresAtNull("bootstrap-admin"));
	}

	@Test
	void shouldRefuseALifetimeOutsideOneDayToTenYears() {
		String create = "mutation($days: Int) { createApiToken(input: {name: \"odd lifetime\", role: VIEWER, "
				+ "expiresInDays: $days}) { token } }";
		for (int days : List.of(0, -1, 3651, Integer.MIN_VALUE)) {
			assertThat(codes(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, create, Map.of("days", days))))
				.as("%d days", days).containsExactly("BAD_ARGUMENT");
		}
		assertThat(list(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "{ apiTokens { name } }", Map.of()),
				"data.apiTokens")).doesNotContain(Map.of("name", "odd lifetime"));
		// the paired allow: the bounds themselves
		for (int days : List.of(1, 3650)) {
			assertThat(codes(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, create, Map.of("days", days)))).isEmpty();
		}
	}

	private int status(String token) {
		return client(token).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organizations { key } }")).exchange().returnResult(byte[].class).getStatus().value();
	}

	private void revoke(String id) {
		assertThat(codes(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN, "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
				Map.of("id", id)))).isEmpty();
	}

	private static Map<String, Object> expiresAtNull(String id) {
		Map<String, Object> m = new HashMap<>();
		m.put("id", id);
		m.put("expiresAt", null);
		return m;
	}

	private static Map<String, Object> revokedAtNull(String id) {
		Map<String, Object> m = new HashMap<>();
		m.put("id", id);
		m.put("revokedAt", null);
		return m;
	}

	record Endpoint(String method, Function<String, String> path, @Nullable Role needed, boolean perOrganization) {
	}

	@Test
	void shouldApplyTheSameRulesToEveryHttpEndpoint() throws IOException {
		List<Endpoint> endpoints = List.of(
				new Endpoint("GET", org -> "/api/v1/orgs/" + org + "/exports/units.csv", Role.VIEWER, true),
				new Endpoint("GET", org -> "/api/v1/orgs/" + org + "/exports/people.json", Role.VIEWER, true),
				new Endpoint("GET", org -> "/api/v1/imports/" + this.jobOf.get(org), Role.EDITOR, true),
				new Endpoint("POST", org -> "/api/v1/orgs/" + org + "/imports", Role.EDITOR, true),
				new Endpoint("POST", org -> "/graphql", Role.VIEWER, false),
				new Endpoint("GET", org -> "/actuator/info", Role.ADMIN, false),
				new Endpoint("GET", org -> "/actuator/health", null, false));
		for (Endpoint endpoint : endpoints) {
			for (Role role : Role.values()) {
				for (boolean isLimited : List.of(false, true)) {
					String token = (isLimited ? this.limited : this.unlimited).get(role);
					String who = role + (isLimited ? " limited" : "") + " " + endpoint.method() + " ";
					int own = status(token, endpoint, OWN);
					int other = status(token, endpoint, OTHER);
					if (endpoint.needed() != null && !role.includes(endpoint.needed())) {
						assertThat(own).as(who + endpoint.path().apply(OWN)).isEqualTo(403);
						assertThat(other).as(who + endpoint.path().apply(OTHER)).isEqualTo(403);
						continue;
					}
					assertThat(own).as(who + endpoint.path().apply(OWN)).isBetween(200, 299);
					if (isLimited && endpoint.perOrganization()) {
						assertThat(other).as(who + endpoint.path().apply(OTHER)).isIn(403, 404);
					}
					else {
						assertThat(other).as(who + endpoint.path().apply(OTHER)).isBetween(200, 299);
					}
				}
			}
			assertThat(status(null, endpoint, OWN)).as("no token: " + endpoint.path().apply(OWN))
				.isEqualTo(endpoint.needed() == null ? 200 : 401);
		}
	}

	private int status(@Nullable String token, Endpoint endpoint, String org) {
		WebTestClient client = client(token);
		String path = endpoint.path().apply(org);
		if (endpoint.method().equals("GET")) {
			return client.get().uri(path).exchange().returnResult(byte[].class).getStatus().value();
		}
		Object body = path.equals("/graphql") ? Map.of("query", "{ organizations { key } }") : demo(org);
		return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.returnResult(byte[].class).getStatus().value();
	}

	private Set<String> rootFields() throws IOException {
		TypeDefinitionRegistry registry = new SchemaParser()
			.parse(new ClassPathResource("graphql/schema.graphqls").getContentAsString(StandardCharsets.UTF_8));
		Set<String> fields = new TreeSet<>();
		for (String type : List.of("Query", "Mutation", "Subscription")) {
			List<ObjectTypeDefinition> definitions = new ArrayList<>();
			registry.getType(type, ObjectTypeDefinition.class).ifPresent(definitions::add);
			definitions.addAll(registry.objectTypeExtensions().getOrDefault(type, List.of()));
			for (ObjectTypeDefinition definition : definitions) {
				for (FieldDefinition field : definition.getFieldDefinitions()) {
					fields.add(type + "." + field.getName());
				}
			}
		}
		return fields;
	}

	/** A read of {@code field} that shows the organisation when {@code data.path} has content. */
	private static void read(Map<String, Function<String, Probe>> probes, String field, String selection, String path) {
		probes.put(field, org -> new Probe("query($org: ID!) { " + selection + " }", Map.of("org", org),
				a -> hasContent(at(a, "data." + path))));
	}

	/** Anything but null, an empty list or map, zero or an empty string. */
	private static boolean hasContent(@Nullable Object value) {
		return switch (value) {
			case null -> false;
			case List<?> l -> l.stream().anyMatch(AccessMatrixIT::hasContent);
			case Map<?, ?> m -> m.values().stream().anyMatch(AccessMatrixIT::hasContent);
			case Number n -> n.doubleValue() != 0;
			case String s -> !s.isEmpty();
			default -> true;
		};
	}

	private Map<String, Object> ask(String token, Probe probe) {
		return graphQl(token, probe.document(), probe.variables());
	}

	private int currentRevision(String org) {
		return ((Number) at(graphQl(OrgraphIntegrationTest.ADMIN_TOKEN,
				"query($o: ID!) { organization(key: $o) { currentRevision } }", Map.of("o", org)),
				"data.organization.currentRevision")).intValue();
	}

	private String token(String name, Role role, @Nullable String org) {
		return (String) at(create(name, role, org), "data.createApiToken.token");
	}

	private String tokenId(String name, Role role, @Nullable String org) {
		return (String) at(create(name, role, org), "data.createApiToken.info.id");
	}

	private Map<String, Object> create(String name, Role role, @Nullable String org) {
		return create(name, role, org, null);
	}

	private Map<String, Object> create(String name, Role role, @Nullable String org, @Nullable Integer expiresInDays) {
		Map<String, Object> input = new HashMap<>(Map.of("name", name, "role", role.name()));
		input.put("organization", org);
		input.put("expiresInDays", expiresInDays);
		Map<String, Object> answer = graphQl(OrgraphIntegrationTest.ADMIN_TOKEN,
				"mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token info { id expiresAt } } }",
				Map.of("i", input));
		assertThat(codes(answer)).as(answer.toString()).isEmpty();
		return answer;
	}

	private static String demo(String org) {
		try {
			return new ClassPathResource("demo/" + org + ".json").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> graphQl(@Nullable String token, String document, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		Map<String, Object> answer = client(token).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(answer).isNotNull();
		return answer;
	}

	@SuppressWarnings("unchecked")
	static @Nullable Object at(Map<String, Object> answer, String path) {
		Object value = answer;
		for (String step : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = ((Map<String, Object>) map).get(step);
		}
		return value;
	}

	private static List<Object> list(Map<String, Object> answer, String path) {
		Object value = at(answer, path);
		return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
	}

	private WebTestClient client(@Nullable String token) {
		WebTestClient.Builder builder = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024));
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return builder.build();
	}

}
