package org.orgraph.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.orgraph.OrgraphApplication;

import static org.awaitility.Awaitility.await;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service in a JVM of its own ({@link OrgraphApplication} with the test classpath), so
 * a test can run several instances on one database and kill one with SIGKILL. Each start logs to
 * a file of its own beside the store.
 */
final class ServiceProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final String name;

	private final Path dir;

	private final List<String> arguments;

	private final int port = freePort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private @Nullable Process process;

	private int starts;

	/** {@code arguments}: Spring properties as {@code --key=value}; the HTTP port is added. */
	ServiceProcess(String name, Path dir, List<String> arguments) {
		this.name = name;
		this.dir = dir;
		this.arguments = List.copyOf(arguments);
	}

	int port() {
		return this.port;
	}

	/** The log of the latest start. */
	Path log() {
		return this.dir.resolve(this.name + "-" + this.starts + ".log");
	}

	/** Starts the JVM and returns at once; {@link #awaitReady} waits for it. */
	synchronized void start() {
		this.starts++;
		String java = ProcessHandle.current().info().command().orElse("java");
		// C1 only: most of a start's CPU goes to compiling, and two cores are shared by both instances and the test
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"--enable-native-access=ALL-UNNAMED",
				"--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
				OrgraphApplication.class.getName(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		try {
			Files.createDirectories(this.dir);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.log().toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until {@code /actuator/health} is UP: the start-up cleanup has run. */
	void awaitReady(Duration atMost) {
		try {
			await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(this::healthy);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(this.name + " not ready within " + atMost + "; see " + log(), ex);
		}
	}

	private boolean healthy() throws InterruptedException {
		if (this.process == null || !this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited during start-up; see " + log());
		}
		try {
			return this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false; // not listening yet
		}
	}

	/** kill -9: no shutdown hook, no lease released, no job finished. */
	synchronized void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " survived kill -9 for a minute");
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	/** A GraphQL request's answer ({@code data}, {@code errors}); the status must be 200. */
	Map<String, Object> graphQl(String token, String query, Map<String, Object> variables) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		Answer answer = send(HttpRequest.newBuilder(uri("/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (answer.status() != 200) {
			throw new IllegalStateException(this.name + " answered " + answer.status() + ": " + answer.body());
		}
		return answer.body();
	}

	/** {@code POST /api/v1/orgs/{org}/imports} with a JSON document; in the background when {@code async}. */
	Answer importDocument(String token, String org, byte[] document, boolean async) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/orgs/" + org + "/imports"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(3))
			.POST(HttpRequest.BodyPublishers.ofByteArray(document));
		if (async) {
			request.header("Prefer", "respond-async");
		}
		return send(request);
	}

	/** {@code location}: the {@code Location} header (an import's job), or null. */
	record Answer(int status, Map<String, Object> body, @Nullable String location) {
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Map<String, Object> body = response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), MAP);
		return new Answer(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
