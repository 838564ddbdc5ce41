package org.orgraph.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.orgraph.graph.EmbeddedNeo4j;

/**
 * The embedded engine alone in a JVM of its own, so a test can kill it with SIGKILL: args are
 * the data directory and the Bolt port. Prints {@code READY} once Bolt listens; "stop" (or the
 * end of stdin) shuts it down cleanly.
 */
public final class Neo4jChild {

	private Neo4jChild() {
	}

	public static void main(String[] args) throws IOException {
		EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]), Integer.parseInt(args[1]), args[2], Duration.ofSeconds(10));
		System.out.println("READY " + neo4j.boltUri());
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		do {
			line = in.readLine();
		}
		while (line != null && !line.equals("stop"));
		neo4j.close();
		System.exit(0);
	}

}
