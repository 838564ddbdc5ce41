package org.orgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (d) the GraphQL peer: {@code bench/peer-neo4j-graphql/server.mjs}, {@code @neo4j/graphql} 7 served by Apollo
 * Server under Node.js, on the service's own store through its Bolt port. The harness installs the peer's
 * locked dependencies ({@code npm ci}) when they are missing, starts it on a free port and stops it after.
 */
final class Neo4jGraphQLPeer implements AutoCloseable {

    /** The peer cannot be run here; the reason goes into the results file. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    private final Process process;
    private final Thread onExit;
    final String url;
    final String version;

    private Neo4jGraphQLPeer(Process process, String url, String version) {
        this.process = process;
        this.onExit = new Thread(process::destroy);
        this.url = url;
        this.version = version;
    }

    static Neo4jGraphQLPeer start(Path peerDir, Path work, String boltUri, Bench bench) throws Exception {
        if (!Files.exists(peerDir.resolve("server.mjs"))) {
            throw new Unavailable("no " + peerDir.resolve("server.mjs") + " (run the harness from the repository)");
        }
        String nodeVersion;
        try {
            nodeVersion = output(peerDir, List.of("node", "--version"), null).strip();
        } catch (IOException e) {
            throw new Unavailable("node not found on PATH (Debian: apt-get install nodejs npm)");
        }
        if (Integer.parseInt(nodeVersion.replaceAll("^v(\\d+).*", "$1")) < 20) {
            throw new Unavailable("@neo4j/graphql 7 needs Node.js 20 or later, found " + nodeVersion);
        }
        if (!Files.exists(peerDir.resolve("node_modules/@neo4j/graphql/package.json"))) {
            try {
                output(peerDir, List.of("npm", "ci", "--no-audit", "--no-fund"), work.resolve("npm.log"));
            } catch (IOException e) {
                throw new Unavailable("npm ci in " + peerDir + " failed: " + e.getMessage());
            }
        }
        String library = Bench.JSON.readTree(peerDir.resolve("node_modules/@neo4j/graphql/package.json").toFile())
                .path("version").asString();
        int port = Bench.freePort();
        ProcessBuilder builder = new ProcessBuilder("node", "server.mjs", "--bolt", boltUri, "--port", Integer.toString(port))
                .directory(peerDir.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("peer-neo4j-graphql.log").toFile());
        builder.environment().put("NEO4J_PASSWORD", Bench.BOLT_PASSWORD);
        Process process = builder.start();
        Neo4jGraphQLPeer peer = new Neo4jGraphQLPeer(process, "http://127.0.0.1:" + port + "/",
                "@neo4j/graphql " + library + ", Node.js " + nodeVersion);
        // if the harness is stopped (Ctrl-C) before it can stop the peer
        Runtime.getRuntime().addShutdownHook(peer.onExit);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new Unavailable("the peer server exited with " + process.exitValue() + ": "
                        + tail(work.resolve("peer-neo4j-graphql.log")));
            }
            try {
                bench.graphql(peer.url, null, "{ __typename }", java.util.Map.of());
                return peer;
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    peer.close();
                    throw new Unavailable("the peer server did not answer within 2 minutes: " + e.getMessage());
                }
            }
            Thread.sleep(250);
        }
    }

    private static String output(Path dir, List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (log != null) {
            Files.writeString(log, "$ " + String.join(" ", command) + "\n" + out, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + tail(out));
        }
        return out;
    }

    private static String tail(Path file) {
        try {
            return tail(Files.readString(file));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 400 ? "…" + t.substring(t.length() - 400) : t;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // shutting down: the hook stops it
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
