package org.orgraph.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, finding 2: embedded Bolt is off unless a port is asked for, and when on it
 * requires Neo4j's own authentication — any user and password used to be accepted.
 */
class EmbeddedBoltIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepBoltOffByDefault() throws Exception {
		Properties defaults = new Properties();
		defaults.load(new ClassPathResource("application.properties").getInputStream());
		assertThat(defaults.getProperty("orgraph.bolt-port")).as("no port in the shipped configuration").isNull();
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, TIMEOUT)) {
			assertThat(neo4j.boltUri()).isNull();
			Object one = neo4j.database().executeTransactionally("RETURN 1 AS one", java.util.Map.of(),
					r -> r.next().get("one"));
			assertThat(one).isEqualTo(1L);
		}
	}

	@Test
	void shouldRequireTheConfiguredPasswordOverBolt() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, 0, "configured-secret", TIMEOUT)) {
			assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
			assertRefused(neo4j, AuthTokens.none());
			assertRefused(neo4j, AuthTokens.basic("neo4j", "neo4j"));
			assertRefused(neo4j, AuthTokens.basic("anyone", "anything"));
			assertThat(count(neo4j, AuthTokens.basic("neo4j", "configured-secret"))).isZero();
		}
	}

	@Test
	void shouldGenerateAPasswordOnceWhenNoneIsConfigured() {
		String generated;
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, 0, null, TIMEOUT)) {
			generated = neo4j.boltPassword();
			assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
			assertRefused(neo4j, AuthTokens.none());
			assertThat(count(neo4j, AuthTokens.basic("neo4j", generated))).isZero();
		}
		// the next start neither prints nor changes it: the password shown once still works
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, 0, null, TIMEOUT)) {
			assertThat(neo4j.boltPassword()).isNull();
			assertRefused(neo4j, AuthTokens.none());
			assertThat(count(neo4j, AuthTokens.basic("neo4j", generated))).isZero();
		}
	}

	@Test
	void shouldRefuseAPasswordNeo4jWouldRefuse() {
		assertThatThrownBy(() -> EmbeddedNeo4j.start(this.dataDir, 0, "short", TIMEOUT))
			.hasMessageContaining("orgraph.bolt-password");
	}

	private static void assertRefused(EmbeddedNeo4j neo4j, AuthToken auth) {
		assertThatThrownBy(() -> count(neo4j, auth)).isInstanceOf(AuthenticationException.class);
	}

	private static long count(EmbeddedNeo4j neo4j, AuthToken auth) {
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth); Session session = driver.session()) {
			return session.run("MATCH (t:ApiToken) RETURN count(t) AS n").single().get("n").asLong();
		}
	}

}
