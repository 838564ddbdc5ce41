package org.orgraph.fault;

import org.orgraph.OrgraphIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts, kills (SIGKILL) and restarts {@link Neo4jChild} on one store and one port. */
final class Neo4jProcess implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private Process process;

	Neo4jProcess(Path dataDir) {
		this.dataDir = dataDir;
		this.port = freePort();
	}

	int port() {
		return this.port;
	}

	Path dataDir() {
		return this.dataDir;
	}

	/** Starts the child and waits until Bolt listens. */
	synchronized void start() {
		String java = ProcessHandle.current().info().command().orElse("java");
		// restarted 20 times: a class-data archive written by the first start makes the others quicker
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive",
				"-XX:SharedArchiveFile=" + this.dataDir.resolveSibling("neo4j-child.jsa"), "--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), Neo4jChild.class.getName(), this.dataDir.toString(),
				Integer.toString(this.port), OrgraphIntegrationTest.BOLT_PASSWORD));
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.PIPE)
				.start();
			BufferedReader out = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("READY")) {
					// keep draining so the child never blocks on a full pipe
					Thread.ofVirtual().start(() -> out.lines().forEach(l -> {
					}));
					return;
				}
			}
			throw new IllegalStateException("Neo4j child exited with " + this.process.waitFor());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** kill -9: no shutdown hook, no checkpoint, page cache lost. */
	synchronized void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(60, TimeUnit.SECONDS);
	}

	/** A clean stop (the store needs no recovery afterwards). */
	synchronized void stop() throws InterruptedException, IOException {
		if (this.process != null && this.process.isAlive()) {
			this.process.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
			this.process.getOutputStream().flush();
			if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("Neo4j child did not stop within 2 minutes");
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
