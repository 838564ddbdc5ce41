package org.orgraph.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser: starts the service jar the build just packaged (demo data, a
 * throw-away store, a free port) and runs the Node browser tests in {@code src/test/browser}
 * against it, with Debian's Chromium driven by playwright-core. Screenshots and the service's
 * log go to {@code target/browser/}.
 * <p>
 * Without Chromium or Node the test is skipped and says why; under {@code CI=true} a missing
 * browser fails it instead, so CI cannot pass without having run the browser.
 */
class BrowserIT {

	private static final Path BROWSER_TESTS = Path.of("src/test/browser");

	private static final Path OUTPUT = Path.of("target/browser");

	private static final Path JAR = Path.of("target/orgraph.jar");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

	@Test
	void shouldPassTheBrowserTestsAgainstTheRunningService() throws Exception {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		Path chromium = Path.of(System.getenv().getOrDefault("ORGRAPH_CHROMIUM", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			String why = "browser tests need Chromium at " + chromium
					+ " (Debian: apt-get install chromium; or set ORGRAPH_CHROMIUM)";
			if (ci) {
				throw new AssertionError(why);
			}
			skip(why);
		}
		String node = onPath("node");
		if (node == null) {
			String why = "browser tests need Node.js 20+ on the PATH (Debian: apt-get install nodejs npm)";
			if (ci) {
				throw new AssertionError(why);
			}
			skip(why);
		}
		if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
			installPlaywrightCore(ci);
		}
		assertThat(JAR).as("the packaged service (run through ./mvnw verify)").exists();

		Files.createDirectories(OUTPUT);
		Path dataDir = Files.createTempDirectory("orgraph-browser-");
		int port = freePort();
		String baseUrl = "http://127.0.0.1:" + port;
		String adminToken = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(24));
		// as the README runs it (the dev profile: reads without a token), plus an admin token
		// for the imports and for the tests of tokens and roles
		ProcessBuilder serviceBuilder = new ProcessBuilder(javaCommand(), "--enable-native-access=ALL-UNNAMED",
				"-jar", JAR.toString(), "--spring.profiles.active=dev", "--server.port=" + port,
				"--server.address=127.0.0.1", "--orgraph.data-dir=" + dataDir,
				"--orgraph.demo-data=true")
			.redirectErrorStream(true)
			.redirectOutput(OUTPUT.resolve("service.log").toFile());
		serviceBuilder.environment().put("ORGRAPH_ADMIN_TOKEN", adminToken);
		Process service = serviceBuilder.start();
		try {
			awaitHealthy(service, baseUrl);
			ProcessBuilder tests = new ProcessBuilder(node, "--test", "--test-concurrency=1", "--test-reporter=spec",
					"tests/")
				.directory(BROWSER_TESTS.toFile())
				.redirectErrorStream(true);
			Map<String, String> env = tests.environment();
			env.put("ORGRAPH_URL", baseUrl);
			env.put("ORGRAPH_CHROMIUM", chromium.toString());
			env.put("ORGRAPH_SCREENSHOTS", OUTPUT.toAbsolutePath().toString());
			env.put("ORGRAPH_ADMIN_TOKEN", adminToken);
			Process run = tests.start();
			// echoed through System.out: the test JVM's own stdout is Failsafe's channel
			Thread echo = Thread.ofPlatform().daemon().start(() -> echo(run, OUTPUT.resolve("browser-tests.log")));
			if (!run.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				run.destroyForcibly();
				throw new AssertionError("browser tests did not finish within " + RUN_TIMEOUT);
			}
			echo.join(Duration.ofSeconds(10));
			assertThat(run.exitValue()).as("exit code of the browser tests (their output is above and in "
					+ OUTPUT.resolve("browser-tests.log") + ")").isZero();
		}
		finally {
			stop(service);
			deleteQuietly(dataDir);
		}
	}

	private static void echo(Process process, Path log) {
		try (var lines = new java.io.BufferedReader(
				new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
				var out = Files.newBufferedWriter(log)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				System.out.println(line);
				out.write(line);
				out.newLine();
			}
		}
		catch (IOException ex) {
			System.out.println("[BrowserIT] lost the test output: " + ex);
		}
	}

	private static void skip(String why) {
		System.out.println("[BrowserIT] SKIPPED: " + why);
		Assumptions.abort(why);
	}

	/** node_modules is not committed: install the locked playwright-core (no browser download). */
	private static void installPlaywrightCore(boolean ci) throws IOException, InterruptedException {
		String npm = onPath("npm");
		String why = "browser tests need playwright-core: run `npm ci` in " + BROWSER_TESTS;
		if (npm == null) {
			if (ci) {
				throw new AssertionError(why);
			}
			skip(why);
		}
		Process install = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund").directory(BROWSER_TESTS.toFile())
			.redirectErrorStream(true)
			.start();
		Files.createDirectories(OUTPUT);
		echo(install, OUTPUT.resolve("npm-ci.log"));
		if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
			install.destroyForcibly();
			if (ci) {
				throw new AssertionError(why);
			}
			skip(why + " (it failed here)");
		}
	}

	private static void awaitHealthy(Process service, String baseUrl) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			Awaitility.await()
				.atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					if (!service.isAlive()) {
						throw new AssertionError("the service exited with " + service.exitValue() + "; see "
								+ OUTPUT.resolve("service.log"));
					}
					try {
						HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
						return response.statusCode() == 200 && response.body().contains("\"UP\"");
					}
					catch (IOException notYet) {
						return false; // still starting
					}
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the service was not healthy within " + START_TIMEOUT + "; see "
					+ OUTPUT.resolve("service.log"));
		}
	}

	private static void stop(Process service) throws InterruptedException {
		service.destroy();
		if (!service.waitFor(60, TimeUnit.SECONDS)) {
			service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static String onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, command);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			List<Path> all = new ArrayList<>(paths.toList());
			java.util.Collections.reverse(all);
			for (Path p : all) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException ignored) {
			// a temp directory; the OS cleans it eventually
		}
	}

}
