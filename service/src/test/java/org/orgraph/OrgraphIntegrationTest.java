package org.orgraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * An integration test against the running service and the same embedded Neo4j engine it
 * uses in production (or the database {@code SPRING_NEO4J_URI} points at). The engine starts
 * once per JVM (the Spring context is shared); every test class starts from an empty store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orgraph.data-dir=target/it-data/${random.uuid}", "orgraph.bolt-port=0",
				"orgraph.bolt-password=" + OrgraphIntegrationTest.BOLT_PASSWORD,
				"orgraph.demo-data=false", "orgraph.analysis-wait=60s", "orgraph.projection-wait=5m", "orgraph.projection-scan-wait=5m",
				"orgraph.admin-token=" + OrgraphIntegrationTest.ADMIN_TOKEN })
@AutoConfigureWebTestClient(timeout = "PT2M")
@AutoConfigureHttpGraphQlTester
@ExtendWith(EmptyStore.class)
@Import(OrgraphIntegrationTest.AdminClient.class)
public @interface OrgraphIntegrationTest {

	/** The admin token every integration test's HTTP and GraphQL client sends unless told otherwise. */
	String ADMIN_TOKEN = "it-admin-token-0123456789";

	/** The embedded Bolt password the tests' own driver connects with (Bolt always requires one). */
	String BOLT_PASSWORD = "it-bolt-password-0123";

	/** Sends the admin token by default; security tests override the header per request. */
	@TestConfiguration(proxyBeanMethods = false)
	class AdminClient {

		/** Keeps the start-up schema inspection (Boot logs it) for StartupIT to read. */
		@Bean
		GraphQlSourceBuilderCustomizer schemaReport() {
			return builder -> builder.inspectSchemaMappings(SchemaReports::record);
		}

		@Bean
		WebTestClientBuilderCustomizer adminToken() {
			return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN);
		}

	}

}
