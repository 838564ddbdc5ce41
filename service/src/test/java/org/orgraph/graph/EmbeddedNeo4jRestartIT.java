package org.orgraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store survives a restart: a clean stop (what SIGTERM triggers through the
 * shutdown hook) leaves nothing to recover, and the data is there again over Bolt.
 */
class EmbeddedNeo4jRestartIT {

	private static final String PASSWORD = "restart-password";

	@TempDir
	Path dataDir;

	@Test
	void shouldReopenACleanlyStoppedStoreWithoutRecovery() throws IOException {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, 0, PASSWORD, Duration.ofSeconds(10));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4j.BOLT_USER, PASSWORD));
				Session session = driver.session()) {
			session.run("CREATE (:Organization {key: 'restart', name: '重启测试'})").consume();
		}
		long recoveriesBefore = recoveryLines();

		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, 0, PASSWORD, Duration.ofSeconds(10));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4j.BOLT_USER, PASSWORD));
				Session session = driver.session()) {
			String name = session.run("MATCH (o:Organization {key: 'restart'}) RETURN o.name AS name")
				.single()
				.get("name")
				.asString();
			assertThat(name).isEqualTo("重启测试");
		}
		assertThat(Files.exists(debugLog())).isTrue();
		assertThat(recoveryLines()).isEqualTo(recoveriesBefore);
	}

	private Path debugLog() {
		return this.dataDir.resolve("neo4j/logs/debug.log");
	}

	private long recoveryLines() throws IOException {
		if (!Files.exists(debugLog())) {
			return 0;
		}
		try (Stream<String> lines = Files.lines(debugLog())) {
			return lines.filter(l -> l.contains("Recovery required") || l.contains("recovery completed")
					|| l.contains("Recovery completed")).count();
		}
	}

}
