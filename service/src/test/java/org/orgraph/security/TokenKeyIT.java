package org.orgraph.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.OrgraphProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 2: a token row written straight into the store is not a valid token (the
 * probe wrote an {@code ApiToken} with the SHA-256 of its own secret and was admin over HTTP).
 * Tokens stored before the key existed keep working, once, through the start-up migration.
 */
@OrgraphIntegrationTest
class TokenKeyIT {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	ApiTokens tokens;

	@Autowired
	OrgraphProperties properties;

	@AfterEach
	void removeRowsWritten() {
		try (Session session = this.driver.session()) {
			session.run("MATCH (t:ApiToken) WHERE t.name STARTS WITH 'written' DETACH DELETE t").consume();
		}
	}

	@Test
	void shouldRefuseATokenRowWrittenIntoTheStore() {
		String secret = "ogt_" + UUID.randomUUID();
		write("written plain", secret, ApiTokens.hash(secret), null);
		assertThat(status(secret)).isEqualTo(401);
		String other = "ogt_" + UUID.randomUUID();
		// a MAC under a key the service does not have is no better
		write("written other key", other, null,
				TokenKey.load("a-key-that-is-not-this-services-key-0123456789", Path.of("unused")).mac(ApiTokens.hash(other)));
		assertThat(status(other)).isEqualTo(401);
		// the paired allow: a token the service made answers
		assertThat(status(OrgraphIntegrationTest.ADMIN_TOKEN)).isEqualTo(200);
	}

	@Test
	void shouldKeyTokensStoredBeforeTheKeyOnceAndNoneWrittenLater() throws Exception {
		String before = "ogt_" + UUID.randomUUID();
		write("written before the key", before, ApiTokens.hash(before), null);
		assertThat(status(before)).isEqualTo(401);
		assertThat(this.tokens.keyLegacyTokens()).isEqualTo(1);
		assertThat(status(before)).isEqualTo(200);
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH (t:ApiToken) WHERE t.hash IS NOT NULL RETURN count(t) AS n").single().get("n").asLong())
				.as("no plain hash is kept").isZero();
		}

		// start-up has already keyed this store: a plain row written since stays invalid
		String later = "ogt_" + UUID.randomUUID();
		write("written later", later, ApiTokens.hash(later), null);
		assertThat(Files.exists(this.properties.dataDir().resolve(ApiTokens.MIGRATED))).isTrue();
		this.tokens.keyLegacyTokensOnce();
		assertThat(status(later)).isEqualTo(401);
	}

	@Test
	void shouldKeepTheGeneratedKeyBesideTheStoreForItsOwnerOnly() throws Exception {
		Path key = this.properties.dataDir().resolve(TokenKey.FILE);
		assertThat(key).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		try (Session session = this.driver.session()) {
			String content = Files.readString(key).strip();
			assertThat(session.run("MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $key) RETURN count(n) AS n",
					Map.of("key", content)).single().get("n").asLong()).isZero();
		}
	}

	private void write(String name, String secret, String hash, String mac) {
		try (Session session = this.driver.session()) {
			session.run("""
					CREATE (:ApiToken {id: $id, name: $name, hash: $hash, mac: $mac, role: 'ADMIN',
					                   organization: null, createdAt: datetime()})""",
					org.neo4j.driver.Values.parameters("id", UUID.randomUUID().toString(), "name", name, "hash", hash,
							"mac", mac))
				.consume();
		}
	}

	private int status(String token) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ apiTokens { id } }\"}")
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

}
