package org.orgraph.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgraph.GraphQlPost;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With introspection on, as the dev profile has it, GraphiQL's own schema query is answered
 * (issue 15: it was refused as 13 levels deep) and the limits are published for clients.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = { "orgraph.graphql.introspection=true", "orgraph.graphql.max-aliases=25" })
class GraphQlLimitsIT {

	@Autowired
	WebTestClient http;

	private boolean wasEnabled;

	/**
	 * Spring Boot turns introspection off JVM-wide when a context has it off, and never back on:
	 * the test JVM's other contexts have it off, so this one (on, as the dev profile) turns it on
	 * for its own tests and leaves the JVM as it found it.
	 */
	@BeforeEach
	void introspectionOnAsConfigured() {
		this.wasEnabled = Introspection.enabledJvmWide(true);
	}

	@AfterEach
	void restoreIntrospection() {
		Introspection.enabledJvmWide(this.wasEnabled);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAnswerGraphiQlsIntrospectionQuery() throws Exception {
		String query = new ClassPathResource("graphiql/introspection.graphql").getContentAsString(StandardCharsets.UTF_8);

		Map<String, Object> answer = GraphQlPost.answer(this.http, query, Map.of());

		assertThat(answer.get("errors")).isNull();
		var schema = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("__schema");
		var types = (List<Map<String, Object>>) schema.get("types");
		Map<String, Object> position = types.stream().filter(t -> "Position".equals(t.get("name"))).findFirst().orElseThrow();
		assertThat((List<Map<String, Object>>) position.get("fields")).extracting(f -> f.get("name"))
			.contains("key", "title", "holders", "reportsTo");
	}

	@Test
	void shouldStillRefuseDeepDataWithIntrospectionOn() {
		Map<String, Object> answer = GraphQlPost.answer(this.http, "{ __schema { queryType { name } } organization(key: \"a\") { "
				+ "unit(key: \"b\") { " + "parent { ".repeat(10) + "key" + " }".repeat(10) + " } } }", Map.of());

		assertThat(answer.get("data")).isNull();
		assertThat(answer.toString()).contains("QUERY_TOO_DEEP").contains("nests 13 levels deep, at most 12");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldPublishTheLimitsInForce() {
		Map<String, Object> answer = GraphQlPost.answer(this.http,
				"{ graphqlLimits { maxAliases maxDepth maxIntrospectionDepth introspection maxRootFields maxComplexity maxPageSize timeoutMillis maxRequestBytes } }",
				Map.of());

		assertThat((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("graphqlLimits"))
			.containsEntry("maxAliases", 25)
			.containsEntry("maxDepth", 12)
			.containsEntry("maxIntrospectionDepth", 14)
			.containsEntry("introspection", true)
			.containsEntry("maxRootFields", 10)
			.containsEntry("maxComplexity", 10000)
			.containsEntry("maxPageSize", 500)
			.containsEntry("timeoutMillis", 10000)
			.containsEntry("maxRequestBytes", 262144);
	}

}
