package org.orgraph.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Session;
import org.orgraph.GraphQlErrors;
import org.orgraph.HostileStrings;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.Seed;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hostile text through the token mutations, the only ones besides {@code importOrganization}
 * that take free text: a token's name and organisation limit in {@code createApiToken}, an id
 * in {@code revokeApiToken}. Never a 5xx; a name stored and answered exactly (the
 * name less surrounding whitespace), the token accepted, and its name in the audit trail when
 * it acts; a name that is empty, over 200 characters or not Unicode, and a limit that names no
 * organisation (hostile text never does: issue 16), refused with {@code BAD_ARGUMENT}; and
 * nothing else in the store changed. Seeded (see {@link Seed}): 24
 * tokens and 12 ids, the same on every run.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTokensIT extends IntegrationTestSupport {

	@RegisterExtension
	static final Seed SEED = Seed.orDefault(20261128L);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String CREATE = """
			mutation ($i: CreateApiTokenInput!) {
			  createApiToken(input: $i) { token info { id name role organization createdAt revokedAt } }
			}""";

	private static final String REVOKE = "mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }";

	private static final String TOKENS = "{ apiTokens { id name role organization createdAt revokedAt } }";

	private static final String READ = "{ organizations { key } }";

	/** The tokens this class made, removed when it is done: the store keeps tokens between classes. */
	private final List<String> created = new ArrayList<>();

	@BeforeAll
	void acceptLargeAnswers() {
		this.http = this.http.mutate().codecs((c) -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
	}

	@AfterAll
	void removeTheTokensMade() {
		try (Session session = this.driver.session()) {
			session.run("MATCH (t:ApiToken) WHERE t.id IN $ids DETACH DELETE t", Map.of("ids", this.created)).consume();
		}
	}

	static IntStream names() {
		return IntStream.range(0, 24);
	}

	static IntStream ids() {
		return IntStream.range(0, 12);
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("names")
	void shouldStoreAndAnswerAHostileTokenNameExactly(int n) {
		Random random = SEED.random(n);
		String name = HostileStrings.sample(random);
		if (random.nextInt(4) == 0) {
			name = " \t" + name + "\u2003\n";
		}
		String organization = (random.nextInt(3) == 0) ? HostileStrings.sample(random) : null;
		String role = Role.values()[random.nextInt(Role.values().length)].name();
		Store before = store();

		Answer answer = post(null, CREATE, Map.of("i", input(name, role, organization)));

		assertThat(answer.status()).as("no server error").isLessThan(500);
		// issue 16: a limit must name an organisation that exists; hostile text never does
		if (name.strip().isEmpty() || name.length() > 200 || organization != null) {
			// a name of 1–200 characters; a request over the size limit is refused before GraphQL
			if (answer.status() == 200) {
				assertThat(answer.codes()).containsExactly("BAD_ARGUMENT");
			}
			else {
				assertThat(answer.status()).isEqualTo(413);
			}
			assertThat(store()).isEqualTo(before);
			return;
		}
		assertThat(answer.errors()).isNull();
		String id = (String) answer.at("data.createApiToken.info.id");
		this.created.add(id);
		assertThat(answer.at("data.createApiToken.info.name")).isEqualTo(name.strip());
		assertThat(answer.at("data.createApiToken.info.organization")).isEqualTo(organization);
		assertThat(answer.at("data.createApiToken.info.role")).isEqualTo(role);

		// the token is accepted; with the admin role it revokes itself and is the actor on record
		String token = (String) answer.at("data.createApiToken.token");
		Answer read = post(token, READ, Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.errors()).isNull();
		boolean admin = role.equals("ADMIN");
		Answer revoked = post(admin ? token : null, REVOKE, Map.of("id", id));
		assertThat(revoked.errors()).isNull();
		assertThat(revoked.at("data.revokeApiToken.revokedAt")).isNotNull();
		assertThat(post(token, READ, Map.of()).status()).isEqualTo(401);
		List<Map<String, Object>> events = post(null, "{ auditTrail(last: 20) { actor action organization detail } }",
				Map.of())
			.list("data.auditTrail");
		assertThat(events).filteredOn((event) -> String.valueOf(event.get("detail")).contains(id))
			.extracting((event) -> event.get("action"), (event) -> event.get("organization"))
			.containsExactlyInAnyOrder(tuple("token.create", organization), tuple("token.revoke", organization));
		if (admin) {
			assertThat(events).filteredOn((event) -> "token.revoke".equals(event.get("action"))
					&& String.valueOf(event.get("detail")).contains(id))
				.extracting((event) -> event.get("actor"))
				.containsExactly(name.strip() + " [" + id + "]");
		}

		// one token more, as created and now revoked; two audit events; nothing else
		Store after = store();
		assertThat(after.tokens()).filteredOn((t) -> id.equals(t.get("id")))
			.extracting((t) -> t.get("name"), (t) -> t.get("organization"), (t) -> t.get("revokedAt") != null)
			.containsExactly(tuple(name.strip(), organization, true));
		Map<String, Long> nodes = new HashMap<>(before.nodes());
		nodes.merge("ApiToken", 1L, Long::sum);
		nodes.merge("AuditEvent", 2L, Long::sum);
		assertThat(after.nodes()).isEqualTo(nodes);
		assertThat(after.relationships()).isEqualTo(before.relationships());
		assertThat(after.tokens()).filteredOn((t) -> !id.equals(t.get("id"))).isEqualTo(before.tokens());
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("ids")
	void shouldRevokeNothingForAHostileId(int n) {
		String id = HostileStrings.sample(SEED.random(n));
		Store before = store();

		Answer answer = post(null, REVOKE, Map.of("id", id));

		assertThat(answer.status()).as("no server error").isLessThan(500);
		if (answer.status() == 200) {
			assertThat(answer.errors()).isNull();
			assertThat(answer.at("data.revokeApiToken")).isNull();
		}
		assertThat(store()).isEqualTo(before);
	}

	@ParameterizedTest(name = "[{index}] {2}")
	@MethodSource("notUnicode")
	void shouldRefuseANameOrLimitThatIsNotUnicode(String name, @Nullable String organization, String described) {
		Store before = store();

		Answer answer = post(null, CREATE, Map.of("i", input(name, "VIEWER", organization)));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.errors()).as("%s", escaped(answer.body())).isNotNull();
		assertThat(answer.codes()).containsExactly("BAD_ARGUMENT");
		assertThat(store()).isEqualTo(before);
	}

	/** Half a surrogate pair, which JSON can carry ({@code "\ud800"}) but no UTF-8 can store. */
	static Stream<Arguments> notUnicode() {
		return Stream.of(Arguments.of("a\uD800b", null, "name a\\uD800b"), Arguments.of("\uDC00", null, "name \\uDC00"),
				Arguments.of("x\uDBFF", null, "name x\\uDBFF"),
				Arguments.of("ok \uD83D then not", null, "name ok \\uD83D then not"),
				Arguments.of("BI dashboard", "org\uDFFF", "organization org\\uDFFF"));
	}

	/** Text for a failure message: anything outside printable ASCII as a Java escape. */
	private static String escaped(Object value) {
		StringBuilder out = new StringBuilder();
		value.toString()
			.chars()
			.forEach((c) -> out.append((c >= 0x20 && c < 0x7F) ? Character.toString(c) : "\\u%04X".formatted(c)));
		return out.toString();
	}

	// ---- helpers -----------------------------------------------------------------------------------

	/** What a change would show: nodes by label, relationships, and every token as admins see it. */
	private record Store(Map<String, Long> nodes, long relationships, List<Map<String, Object>> tokens) {
	}

	private Store store() {
		return new Store(Imports.nodeCounts(this.driver), Imports.relationshipCount(this.driver), apiTokens());
	}

	private List<Map<String, Object>> apiTokens() {
		return post(null, TOKENS, Map.of()).list("data.apiTokens");
	}

	private static Map<String, Object> input(String name, String role, @Nullable String organization) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name);
		input.put("role", role);
		input.put("organization", organization);
		return input;
	}

	/** A GraphQL answer: HTTP status and JSON body. */
	private record Answer(int status, Map<String, Object> body) {

		@SuppressWarnings("unchecked")
		@Nullable Object at(String path) {
			Object current = this.body;
			for (String part : path.split("\\.")) {
				current = (current == null) ? null : ((Map<String, Object>) current).get(part);
			}
			return current;
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> list(String path) {
			assertThat(errors()).as("errors").isNull();
			return (List<Map<String, Object>>) at(path);
		}

		@Nullable Object errors() {
			return this.body.get("errors");
		}

		List<String> codes() {
			assertThat(errors()).as("errors").isNotNull();
			return GraphQlErrors.codes(this.body);
		}

	}

	/**
	 * Posts a GraphQL request with the given token (the admin's when null). The body is written
	 * by hand so that half a surrogate pair can be sent, as JSON allows ({@code "\ud800"}).
	 */
	private Answer post(@Nullable String token, String query, Map<String, Object> variables) {
		String body = "{\"query\": " + json(query) + ", \"variables\": " + json(variables) + "}";
		WebTestClient.RequestBodySpec request = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		var result = request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectBody(JSON).returnResult();
		Map<String, Object> answer = result.getResponseBody();
		return new Answer(result.getStatus().value(), (answer != null) ? answer : Map.of());
	}

	@SuppressWarnings("unchecked")
	private static String json(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map<?, ?> map) {
			return ((Map<String, Object>) map).entrySet()
				.stream()
				.map((entry) -> json(entry.getKey()) + ": " + json(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		StringBuilder out = new StringBuilder("\"");
		value.toString().chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				out.append('\\').append((char) c);
			}
			else if (c < 0x20 || Character.isSurrogate((char) c)) {
				out.append("\\u%04x".formatted(c));
			}
			else {
				out.append((char) c);
			}
		});
		return out.append('"').toString();
	}

}
