package org.orgraph.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.EmbeddedNeo4j;
import org.orgraph.fault.TcpRelay.Mode;
import org.orgraph.importing.ImportFile;
import org.orgraph.importing.ImportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service talks to Neo4j through a relay that stalls, drops and resets connections: a
 * request then fails within the query timeout plus a margin, with an error, instead of hanging;
 * health says DOWN; and once the relay passes again the service answers and says UP without
 * being restarted.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = { "orgraph.query-timeout=5s" })
class ConnectionLossFaultIT {

	private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

	/** Room for the driver to notice, the error to be written and two busy cores. */
	private static final Duration MARGIN = Duration.ofSeconds(7);

	private static final String READ = "{\"query\":\"{ organizations { key name currentRevision } }\"}";

	private static EmbeddedNeo4j neo4j;

	private static TcpRelay relay;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@DynamicPropertySource
	static void neo4jBehindRelay(DynamicPropertyRegistry registry) throws IOException {
		neo4j = EmbeddedNeo4j.start(Path.of("target/fault-data/relay-" + UUID.randomUUID()), 0,
				OrgraphIntegrationTest.BOLT_PASSWORD, QUERY_TIMEOUT);
		relay = new TcpRelay(neo4j.boltUri().getPort());
		registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + relay.port());
		registry.add("spring.neo4j.authentication.username", () -> EmbeddedNeo4j.BOLT_USER);
		registry.add("spring.neo4j.authentication.password", () -> OrgraphIntegrationTest.BOLT_PASSWORD);
	}

	@AfterAll
	static void stop() throws IOException {
		relay.close();
		neo4j.close();
	}

	@BeforeEach
	void oneOrganisation() {
		relay.mode(Mode.PASS);
		this.imports.importNow("relay", "org-json", List.of(new ImportFile("relay.json",
				OrgDocuments.generate("relay", 1, 30, new Random(7)).json())));
	}

	@Test
	void shouldFailFastWhileTheConnectionStallsAndRecoverAfterwards() throws Exception {
		shouldFailFastAndRecover(Mode.STALL);
	}

	@Test
	void shouldFailFastWhenConnectionsAreDroppedAndRecoverAfterwards() throws Exception {
		shouldFailFastAndRecover(Mode.DROP);
	}

	@Test
	void shouldFailFastWhenConnectionsAreResetAndRecoverAfterwards() throws Exception {
		shouldFailFastAndRecover(Mode.RESET);
	}

	private void shouldFailFastAndRecover(Mode fault) throws Exception {
		assertThat(read().body()).contains("\"key\":\"relay\"");
		assertThat(health()).isEqualTo(200);

		relay.mode(fault);
		long started = System.nanoTime();
		HttpResponse<String> during = read();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("ConnectionLossFaultIT %s: read failed in %d ms with %s%n", fault, took.toMillis(),
				during.body());
		assertThat(took).isLessThan(QUERY_TIMEOUT.plus(MARGIN));
		assertThat(during.body()).contains("\"errors\"").doesNotContain("\"key\":\"relay\"");
		// a token the service has not seen lately must be looked up, which cannot happen now
		started = System.nanoTime();
		HttpResponse<String> unseenToken = this.http.send(request("/graphql").setHeader("Authorization", "Bearer unseen-" + fault)
			.POST(HttpRequest.BodyPublishers.ofString(READ)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUERY_TIMEOUT.plus(MARGIN));
		assertThat(unseenToken.statusCode()).isEqualTo(503);
		assertThat(unseenToken.body()).contains("DATABASE_UNAVAILABLE");
		assertThat(unseenToken.headers().firstValue("Retry-After")).hasValue("5");
		// and so does every REST endpoint: an export, here
		started = System.nanoTime();
		HttpResponse<String> export = this.http.send(request("/api/v1/orgs/relay/exports/positions.json").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUERY_TIMEOUT.plus(MARGIN));
		assertThat(export.statusCode()).isEqualTo(503);
		assertThat(export.body()).contains("DATABASE_UNAVAILABLE");
		assertThat(export.headers().firstValue("Retry-After")).hasValue("5");
		started = System.nanoTime();
		assertThat(health()).isEqualTo(503);
		System.out.printf("ConnectionLossFaultIT %s: health DOWN in %d ms%n", fault,
				Duration.ofNanos(System.nanoTime() - started).toMillis());

		relay.mode(Mode.PASS);
		Awaitility.await("reads answer again once the relay passes")
			.atMost(QUERY_TIMEOUT.plus(MARGIN))
			.untilAsserted(() -> assertThat(read().body()).contains("\"key\":\"relay\""));
		assertThat(health()).isEqualTo(200);
	}

	private HttpResponse<String> read() throws IOException, InterruptedException {
		return this.http.send(request("/graphql").POST(HttpRequest.BodyPublishers.ofString(READ)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Without a token, as a load balancer asks (a token is checked against the database). */
	private int health() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private HttpRequest.Builder request(String path) {
		// a hang shows up as this timeout, well past what the assertions allow
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + OrgraphIntegrationTest.ADMIN_TOKEN)
			.header("Content-Type", "application/json");
	}

}
