package org.orgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.orgraph.projection.Projection;
import org.orgraph.projection.ProjectionLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run at one size: generate, start the service jar on a fresh store, import, then time the
 * same questions (a) over GraphQL/HTTP, (b) as raw Cypher over Bolt on the same store, (c) as an in-memory
 * walk, and through two peers, (d) {@code @neo4j/graphql} on the same store and (e) PostgreSQL recursive CTEs
 * on the same organisation, then a concurrency run, and write {@code bench/results/<date>-<size>.md}.
 */
public final class Bench {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * The similar-overlap question's threshold. The generator's near duplicates (a clause added to
     * a copy) score 0.8 and more; at the service's default 0.5, duties built from one template and
     * vocabulary pair up by the million (1.1 million pairs at 10k), which measures the template.
     */
    static final double SIMILAR_MIN_SCORE = 0.8;

    /** orgraph.max-similar-pairs for the service under test (about 1.5 KB of heap a pair: 1.5 GB at most). */
    static final int SIMILAR_PAIR_CAP = 1_000_000;

    /** The embedded Bolt password the bench starts the service with (a throw-away store). */
    static final String BOLT_PASSWORD = "bench-bolt-" + java.util.UUID.randomUUID();

    final Options options;
    final StringBuilder log = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String baseUrl;
    /** Writes the results file as it stands, so a run stopped half-way still leaves its figures. */
    private IoAction checkpoint = () -> { };
    private String token;

    Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // every concurrent client keeps its own connection alive (the JDK keeps 5 idle per host by default)
        System.setProperty("http.maxConnections", "256");
        if (args.length > 0 && args[0].equals("similar")) {
            SimilarBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options options = Options.parse(args);
        Path file = new Bench(options).run();
        System.out.println("results written to " + file);
    }

    // ------------------------------------------------------------------------------ options

    /** Command-line options; every figure has a default that makes the full run the issue asks for. */
    record Options(String sizeLabel, int people, long seed, int requests, int warmup, int scanRequests,
                   int scanWarmup, int concurrencySeconds, int[] clients, Path out, Path jar, Path work,
                   List<String> serviceJvmArgs, boolean csvImport, String note, boolean peers, Path peerDir, Path pgBin,
                   boolean similar) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw usage("unexpected argument " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (name.equals("no-csv") || name.equals("no-peers") || name.equals("no-similar")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw usage("missing value for " + arg);
                }
                a.put(name, value);
            }
            String size = a.getOrDefault("size", "10k").toLowerCase(Locale.ROOT);
            int people = parseSize(size);
            Path root = findRoot();
            return new Options(size, people,
                    Long.parseLong(a.getOrDefault("seed", "20261125")),
                    Integer.parseInt(a.getOrDefault("requests", "1000")),
                    Integer.parseInt(a.getOrDefault("warmup", "5000")),
                    Integer.parseInt(a.getOrDefault("scan-requests", "10")),
                    Integer.parseInt(a.getOrDefault("scan-warmup", "2")),
                    Integer.parseInt(a.getOrDefault("concurrency-seconds", "60")),
                    Arrays.stream(a.getOrDefault("clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray(),
                    Path.of(a.getOrDefault("out", root.resolve("bench/results").toString())),
                    Path.of(a.getOrDefault("jar", root.resolve("service/target/orgraph.jar").toString())),
                    a.containsKey("work") ? Path.of(a.get("work")) : null,
                    a.containsKey("service-jvm") ? List.of(a.get("service-jvm").split(" ")) : List.of(),
                    !a.containsKey("no-csv"),
                    a.getOrDefault("note", ""),
                    !a.containsKey("no-peers"),
                    root.resolve("bench/peer-neo4j-graphql"),
                    a.containsKey("pg-bin") ? Path.of(a.get("pg-bin")) : null,
                    !a.containsKey("no-similar"));
        }

        static int parseSize(String size) {
            if (size.endsWith("k")) {
                return Integer.parseInt(size.substring(0, size.length() - 1)) * 1000;
            }
            if (size.endsWith("m")) {
                return Integer.parseInt(size.substring(0, size.length() - 1)) * 1_000_000;
            }
            return Integer.parseInt(size);
        }

        private static Path findRoot() {
            Path dir = Path.of("").toAbsolutePath();
            for (Path d = dir; d != null; d = d.getParent()) {
                if (Files.exists(d.resolve("schema.graphqls")) && Files.isDirectory(d.resolve("bench"))) {
                    return d;
                }
            }
            return dir;
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(problem + """

                    usage: java -jar bench/target/orgraph-bench.jar [--size 1k|10k|100k|1m|<people>] [--seed N]
                      [--requests 1000] [--warmup 5000] [--scan-requests 10] [--scan-warmup 2]
                      [--concurrency-seconds 60] [--clients 1,8,32] [--out bench/results] [--jar service/target/orgraph.jar]
                      [--work DIR] [--service-jvm "-Xmx6g"] [--no-csv] [--no-peers] [--no-similar] [--pg-bin /usr/lib/postgresql/15/bin]
                      [--note "text for the results file"]""");
        }
    }

    // ------------------------------------------------------------------------------ the run

    Path run() throws Exception {
        long runStart = System.nanoTime();
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("orgraph-bench-");
        Files.createDirectories(work);
        String org = "bench-" + options.sizeLabel();
        say("# orgraph-bench " + options.sizeLabel() + " (" + options.people() + " people, seed " + options.seed() + ") in " + work);

        long t = System.nanoTime();
        OrgGenerator g = OrgGenerator.generate(org, options.people(), options.seed());
        Path json = work.resolve(org + ".json");
        g.writeJson(json);
        Path csv = work.resolve(org + "-csv");
        g.writeCsvBundle(csv);
        double generateSeconds = seconds(t);
        say(String.format(Locale.ROOT, "generated in %.1f s: %d units, %d positions, %d people, %d duties; JSON %.1f MB",
                generateSeconds, g.unitCount, g.positionCount, g.personCount, g.dutyCount, Files.size(json) / 1e6));

        int httpPort = freePort();
        int boltPort = freePort();
        token = UUID.randomUUID().toString().replace("-", "");
        baseUrl = "http://127.0.0.1:" + httpPort;
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(options.serviceJvmArgs());
        command.addAll(List.of("-jar", options.jar().toString(),
                "--server.port=" + httpPort,
                "--orgraph.data-dir=" + work.resolve("data"),
                "--orgraph.demo-data=false",
                "--orgraph.bolt-port=" + boltPort,
                // embedded Bolt always requires a password; the bench's raw-Cypher side uses it
                "--orgraph.bolt-password=" + BOLT_PASSWORD,
                // whole-organisation scans at 100k and beyond take longer than the 10 s defaults: the
                // database query, and the GraphQL request fetching every orphaned duty of a 1M organisation
                "--orgraph.query-timeout=300s",
                "--orgraph.graphql.timeout=300s",
                // duties' meaning is measured by `similar` (SimilarBench); here it would embed every duty in the
                // background while the questions are timed, and similar overlaps are scored on words alone
                "--orgraph.embeddings.enabled=false",
                // the similar-overlap question lists every pair; at 100k that is about 260,000 (1.5 KB each)
                "--orgraph.max-similar-pairs=" + SIMILAR_PAIR_CAP));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        pb.environment().put("ORGRAPH_ADMIN_TOKEN", token);
        t = System.nanoTime();
        Process service = pb.start();
        Results results = new Results();
        Report report = new Report(options, g, results, generateSeconds);
        this.checkpoint = () -> {
            results.totalSeconds = seconds(runStart);
            report.write();
        };
        try {
            waitForHealth(service);
            double startSeconds = seconds(t);
            say(String.format(Locale.ROOT, "service up in %.1f s (pid %d, http %d, bolt %d)", startSeconds, service.pid(), httpPort, boltPort));
            results.serviceStartSeconds = startSeconds;

            results.imports.add(importOrg(service, org, "org-json", List.of(json), g));
            checkpoint.run();
            if (options.csvImport()) {
                try (var files = Files.list(csv)) {
                    results.imports.add(importOrg(service, org + "-csv", "csv-bundle", files.sorted().toList(), g));
                }
                checkpoint.run();
            }

            serviceProjection(results, org);
            checkpoint.run();
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", BOLT_PASSWORD))) {
                String rev = currentRevision(driver, org);
                t = System.nanoTime();
                InMemoryGraph memory = new InMemoryGraph(driver, rev);
                results.memoryLoadSeconds = seconds(t);
                say(String.format(Locale.ROOT, "in-memory graph loaded over Bolt in %.1f s (%d positions)", results.memoryLoadSeconds, memory.positionCount()));
                t = System.nanoTime();
                Projection projection = ProjectionLoader.load(rev, (query, params, row) -> {
                    try (var session = driver.session()) {
                        session.run(cypher("projection/" + query), params).forEachRemaining(row);
                    }
                });
                results.projectionLoadSeconds = seconds(t);
                results.projectionBytes = projection.bytes();
                say(String.format(Locale.ROOT, "revision projection loaded over Bolt in %.1f s (%d positions, %s)",
                        results.projectionLoadSeconds, projection.positionCount(), mb(projection.bytes())));
                Neo4jGraphQLPeer graphqlPeer = startGraphQLPeer(results, work, "bolt://127.0.0.1:" + boltPort);
                PostgresPeer postgres = null;
                try {
                    postgres = startPostgres(results, work, g, driver, rev);
                    checkpoint.run();
                    measureQuestions(results, g, org, rev, driver, memory, projection, graphqlPeer, postgres);
                } finally {
                    // the peers are idle from here on, but hold memory the concurrency run should have
                    if (graphqlPeer != null) {
                        graphqlPeer.close();
                    }
                    if (postgres != null) {
                        postgres.close();
                    }
                }
            }
            for (int clients : options.clients()) {
                results.concurrency.add(concurrency(org, g, clients));
                checkpoint.run();
            }
            results.complete = true;
        } finally {
            service.destroy();
            if (!service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        results.totalSeconds = seconds(runStart);
        Path file = report.write();
        say(Files.readString(file));
        if (options.work() == null) {
            deleteTree(work);
        }
        return file;
    }

    // ------------------------------------------------------------------------------ import

    /** One import through the real path (POST …/imports, background job), with the service's peak heap. */
    private ImportResult importOrg(Process service, String org, String format, List<Path> files, OrgGenerator g) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/orgs/" + org + "/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "respond-async")
                .timeout(Duration.ofMinutes(30));
        if (format.equals("org-json")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(files.get(0)));
        } else {
            Multipart multipart = new Multipart();
            multipart.field("format", format);
            for (Path f : files) {
                multipart.file("file", f);
            }
            request.header("Content-Type", multipart.contentType()).POST(multipart.publisher());
        }
        HeapSampler heap = new HeapSampler(service.pid());
        heap.start();
        long t = System.nanoTime();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        JsonNode result;
        long rowsTotal;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 201) {
                result = body;
                rowsTotal = -1;
            } else if (response.statusCode() == 202) {
                String location = response.headers().firstValue("Location").orElseThrow();
                JsonNode job;
                while (true) {
                    Thread.sleep(200);
                    job = JSON.readTree(get(location));
                    String state = job.path("state").asString();
                    if (state.equals("COMPLETE")) {
                        break;
                    }
                    if (state.equals("FAILED") || state.equals("REJECTED")) {
                        throw new IllegalStateException(format + " import " + state + ": " + job);
                    }
                }
                result = job.path("result");
                rowsTotal = job.path("rowsTotal").asLong();
            } else {
                throw new IllegalStateException(format + " import answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
        } finally {
            heap.stop();
        }
        double secs = seconds(t);
        List<ImportPhase> phases = new ArrayList<>();
        for (JsonNode phase : result.path("phases")) {
            phases.add(new ImportPhase(phase.path("phase").asString(), phase.path("millis").asLong(), phase.path("rows").asLong()));
        }
        ImportResult r = new ImportResult(format, files.size(), bytes, g.entityRows(), rowsTotal, secs,
                result.path("millis").asLong(), heap.peakUsedBytes, heap.samples, peakRss(service.pid()),
                result.path("counts").toString(), result.path("warnings").size(), phases);
        say(String.format(Locale.ROOT, "import %s: %.1f s, %,.0f entity rows/s, %,.0f rows/s (all rows incl. relationships), peak heap %s (%d samples), counts %s, %d warnings",
                format, secs, r.entityRows / secs, rowsTotal / secs, mb(heap.peakUsedBytes), heap.samples, r.counts, r.warnings));
        say("import " + format + " phases: " + String.join(", ", phases.stream()
                .map(p -> String.format(Locale.ROOT, "%s %,d ms (%,d rows)", p.phase(), p.millis(), p.rows())).toList()));
        return r;
    }

    record ImportResult(String format, int files, long bytes, long entityRows, long rowsTotal, double seconds, long serviceMillis,
                        long peakHeapBytes, int heapSamples, long peakRssBytes, String counts, int warnings, List<ImportPhase> phases) {
    }

    /** One phase of an import as the service's job answer times it (wall time, in the service). */
    record ImportPhase(String phase, long millis, long rows) {
    }

    /**
     * Samples the service's used heap every 250 ms while an import runs, from one {@code jstat -gc}
     * process that reads the JVM's shared counters. (A {@code jcmd GC.heap_info} per sample started a
     * JVM and stopped the service at a safepoint each time: about 0.4 of a core on two, taken from
     * the import it measured.)
     */
    private static final class HeapSampler {
        private final long pid;
        private Process jstat;
        private Thread reader;
        volatile long peakUsedBytes;
        volatile int samples;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws IOException {
            Path executable = Path.of(javaExecutable()).resolveSibling("jstat");
            jstat = new ProcessBuilder(executable.toString(), "-gc", Long.toString(pid), "250")
                    .redirectErrorStream(true).start();
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    List<String> header = null;
                    for (String line; (line = lines.readLine()) != null; ) {
                        List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                        if (fields.contains("EU")) {
                            header = fields;
                        } else if (header != null && fields.size() == header.size()) {
                            peakUsedBytes = Math.max(peakUsedBytes, usedBytes(header, fields));
                            samples++;
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // the service stopped, or jstat printed something else: keep the samples so far
                }
            });
        }

        /** Survivor, eden and old generation in use (jstat prints KB). */
        static long usedBytes(List<String> header, List<String> fields) {
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                kb += Double.parseDouble(fields.get(header.indexOf(column)));
            }
            return (long) (kb * 1024);
        }

        void stop() throws InterruptedException {
            jstat.destroy();
            reader.join(5000);
        }
    }

    static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no peak RSS
        }
        return -1;
    }

    // ------------------------------------------------------------------------------ the peers

    /** (d), or null with the reason in the results when it cannot run here. */
    private Neo4jGraphQLPeer startGraphQLPeer(Results results, Path work, String boltUri) {
        if (!options.peers()) {
            results.graphqlPeer = "not measured: --no-peers";
            return null;
        }
        long t = System.nanoTime();
        try {
            Neo4jGraphQLPeer peer = Neo4jGraphQLPeer.start(options.peerDir(), work, boltUri, this);
            results.graphqlPeer = peer.version;
            say(String.format(Locale.ROOT, "(d) %s up in %.1f s at %s", peer.version, seconds(t), peer.url));
            return peer;
        } catch (Exception e) {
            results.graphqlPeer = "not measured: " + reason(e);
            say("(d) @neo4j/graphql " + results.graphqlPeer);
            return null;
        }
    }

    /** (e), or null with the reason in the results when it cannot run here. */
    private PostgresPeer startPostgres(Results results, Path work, OrgGenerator g, Driver driver, String rev) {
        if (!options.peers()) {
            results.postgres = "not measured: --no-peers";
            return null;
        }
        try {
            PostgresPeer peer = PostgresPeer.start(options.pgBin(), work, g, driver, rev);
            results.postgres = peer.version;
            results.postgresLoadSeconds = peer.loadSeconds;
            say(String.format(Locale.ROOT, "(e) %s: cluster up, organisation loaded (COPY, indexes, ANALYZE) in %.1f s",
                    peer.version, peer.loadSeconds));
            return peer;
        } catch (Exception e) {
            results.postgres = "not measured: " + reason(e);
            say("(e) PostgreSQL " + results.postgres);
            return null;
        }
    }

    private static String reason(Exception e) {
        return e instanceof Neo4jGraphQLPeer.Unavailable || e instanceof PostgresPeer.Unavailable
                ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()));
    }

    // ------------------------------------------------------------------------------ the questions

    /** A question answered up to six ways; null where a way does not exist (yet) or its peer is not running. */
    record Question(String name, boolean scan, Supplier<Op> a, Supplier<Op> b, Supplier<Op> c, Supplier<Op> d, Supplier<Op> e,
                    Supplier<Op> f) {

        Question(String name, boolean scan, Supplier<Op> a, Supplier<Op> b, Supplier<Op> c, Supplier<Op> d, Supplier<Op> e) {
            this(name, scan, a, b, c, d, e, null);
        }
    }

    /** One request: returns a short answer summary (compared across a/b/c on the first request). */
    interface Op {
        String call() throws Exception;
    }

    /** firstMs: the very first request of this way (before warm-up: cold JIT, cold caches; for the service's
     *  duty analytics, the only request that computes the answer rather than reading its per-revision cache). */
    record Timing(String question, String way, int requests, double medianMs, double p99Ms, double firstMs, String answer) {
    }

    private void measureQuestions(Results results, OrgGenerator g, String org, String rev, Driver driver, InMemoryGraph memory,
                                  Projection projection, Neo4jGraphQLPeer peer, PostgresPeer postgres) throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5EED);
        int n = options.requests() + options.warmup();
        // the same keys for a, b and c: random posts (mostly deep ones, as most posts are), random managers
        String[] posts = new String[n];
        String[] managers = new String[n];
        String[] others = new String[n];
        int[] managerIndex = managers(g);
        for (int i = 0; i < n; i++) {
            posts[i] = OrgGenerator.positionKey(random.nextInt(g.positionCount));
            others[i] = OrgGenerator.positionKey(random.nextInt(g.positionCount));
            managers[i] = OrgGenerator.positionKey(managerIndex[random.nextInt(managerIndex.length)]);
        }
        String chainCypher = cypher("command/chain-of-command");
        String reportsCypher = cypher("command/reports-indirect-count");
        String superiorCypher = cypher("command/common-superior");
        String unitPageCypher = cypher("metrics/vacancies-units-page");
        String unitStructureCypher = cypher("metrics/unit-metrics");
        String exactCypher = """
                MATCH (d:Duty) WHERE d.rev = $rev
                WITH d.norm AS norm, count(*) AS duties WHERE duties > 1
                RETURN count(*) AS overlaps""";
        String orphanCypher = """
                MATCH (d:Duty) WHERE d.rev = $rev
                WITH d, EXISTS { (d)<-[:RESPONSIBLE_FOR]-(p:Position) WHERE EXISTS { (p)<-[:HOLDS]-(:Person) } }
                        OR EXISTS { (d)<-[:OWNS]-(:Unit)<-[:IN]-(p:Position) WHERE EXISTS { (p)<-[:HOLDS]-(:Person) } } AS covered
                WITH d.norm AS norm, count(d) AS duties, max(CASE WHEN covered THEN 1 ELSE 0 END) AS anyCovered
                WHERE anyCovered = 0
                RETURN sum(duties) AS orphans""";

        Counter i = new Counter();
        // (e) prepared once, reused for every request, as an application with a connection pool would
        PreparedStatement pgChain = postgres == null ? null : postgres.prepare(PostgresPeer.CHAIN_OF_COMMAND);
        PreparedStatement pgReports = postgres == null ? null : postgres.prepare(PostgresPeer.REPORTS_UNDER_COUNT);
        PreparedStatement pgSuperior = postgres == null ? null : postgres.prepare(PostgresPeer.COMMON_SUPERIOR);
        PreparedStatement pgExact = postgres == null ? null : postgres.prepare(PostgresPeer.EXACT_OVERLAPS);
        PreparedStatement pgUnits = postgres == null ? null : postgres.prepare(PostgresPeer.UNIT_METRICS);
        PreparedStatement pgNothing = postgres == null ? null : postgres.prepare("SELECT 1");
        List<Question> questions = List.of(
                new Question("chain of command", false,
                        () -> () -> graphql("query($org:ID!,$p:ID!){chainOfCommand(org:$org,position:$p){links{depth position{key title unit{key name}} holders{key name} vacant}}}",
                                Map.of("org", org, "p", posts[i.get()])).path("chainOfCommand").path(0).path("links").size() + "",
                        () -> () -> cypherRows(driver, chainCypher, Map.of("rev", rev, "keys", List.of(posts[i.get()]), "maxDepth", 64)) + "",
                        () -> () -> memory.chainOfCommand(posts[i.get()]).replace("links=", ""),
                        peer == null ? null : () -> () -> graphql(peer.url, null, "query($org:ID!,$p:ID!){chainOfCommand(org:$org,position:$p){key title unit{key name} holders{key name}}}",
                                Map.of("org", org, "p", posts[i.get()])).path("chainOfCommand").size() + "",
                        postgres == null ? null : () -> () -> PostgresPeer.rows(pgChain, posts[i.get()]) + "",
                        () -> () -> projectedChain(projection, posts[i.get()]) + ""),
                new Question("reports-under count", false,
                        () -> () -> graphql("query($org:ID!,$p:ID!){reports(org:$org,position:$p,first:0){totalCount}}",
                                Map.of("org", org, "p", managers[i.get()])).path("reports").path("totalCount").asInt() + "",
                        () -> () -> cypherSingle(driver, reportsCypher, Map.of("rev", rev, "key", managers[i.get()], "maxDepth", 64), "n"),
                        () -> () -> memory.reportsCount(managers[i.get()]).replace("n=", ""),
                        peer == null ? null : () -> () -> graphql(peer.url, null, "query($org:ID!,$p:ID!){reportsUnderCount(org:$org,position:$p)}",
                                Map.of("org", org, "p", managers[i.get()])).path("reportsUnderCount").asInt() + "",
                        postgres == null ? null : () -> () -> PostgresPeer.first(pgReports, managers[i.get()]),
                        () -> () -> projection.reportCount(projection.position(managers[i.get()]), 64) + ""),
                new Question("common superior", false,
                        () -> () -> graphql("query($org:ID!,$a:ID!,$b:ID!){commonSuperior(org:$org,a:$a,b:$b){position{key} depthFromA depthFromB}}",
                                Map.of("org", org, "a", posts[i.get()], "b", others[i.get()])).path("commonSuperior").path("position").path("key").asString(),
                        () -> () -> {
                            try (var session = driver.session()) {
                                List<Record> rows = session.run(superiorCypher, Map.of("rev", rev, "a", List.of(posts[i.get()]), "b", List.of(others[i.get()]), "maxDepth", 64)).list();
                                return rows.isEmpty() ? "null" : rows.get(0).get("s").get("key").asString();
                            }
                        },
                        () -> () -> memory.commonSuperior(posts[i.get()], others[i.get()]).replace("superior=", ""),
                        peer == null ? null : () -> () -> graphql(peer.url, null, "query($org:ID!,$a:ID!,$b:ID!){commonSuperior(org:$org,a:$a,b:$b){key}}",
                                Map.of("org", org, "a", posts[i.get()], "b", others[i.get()])).path("commonSuperior").path("key").asString(),
                        postgres == null ? null : () -> () -> PostgresPeer.first(pgSuperior, posts[i.get()], others[i.get()]),
                        () -> () -> {
                            Projection.Superior superior = projection.commonSuperior(new int[] { projection.position(posts[i.get()]) },
                                    new int[] { projection.position(others[i.get()]) }, 64);
                            return superior == null ? "null" : projection.positionKey(superior.position());
                        }),
                // what a request costs before it asks anything: HTTP, the bearer token, GraphQL; a Bolt
                // round trip; a JDBC round trip. The path rows are read against these floors; asked after
                // them, when the service's JIT has settled (asked first, it measured slower than a chain of command)
                new Question("round trip alone (nothing asked)", false,
                        () -> () -> graphql("{__typename}", Map.of()).path("__typename").asString(),
                        () -> () -> cypherSingle(driver, "RETURN 1 AS n", Map.of(), "n"),
                        null, null,
                        postgres == null ? null : () -> () -> PostgresPeer.first(pgNothing),
                        null),
                new Question("exact overlap (whole org)", true,
                        () -> () -> graphql("query($org:ID!){dutyOverlaps(org:$org,mode:EXACT,first:1){totalCount}}", Map.of("org", org))
                                .path("dutyOverlaps").path("totalCount").asInt() + "",
                        () -> () -> cypherSingle(driver, exactCypher, Map.of("rev", rev), "overlaps"),
                        () -> () -> memory.exactOverlaps().replace("overlaps=", ""),
                        peer == null ? null : () -> () -> graphql(peer.url, null, "query($org:ID!){exactOverlapCount(org:$org)}", Map.of("org", org))
                                .path("exactOverlapCount").asInt() + "",
                        postgres == null ? null : () -> () -> PostgresPeer.first(pgExact)),
                new Question("similar overlap (whole org)", true,
                        () -> () -> graphql("query($org:ID!,$min:Float!){dutyOverlaps(org:$org,mode:SIMILAR,minScore:$min,first:1){totalCount}}",
                                Map.of("org", org, "min", SIMILAR_MIN_SCORE))
                                .path("dutyOverlaps").path("totalCount").asInt() + "",
                        null, null, null, null),
                new Question("orphaned duties", true,
                        () -> () -> graphql("query($org:ID!){orphanedDuties(org:$org){reason duty{key text holder{kind key}}}}", Map.of("org", org))
                                .path("orphanedDuties").size() + "",
                        () -> () -> cypherSingle(driver, orphanCypher, Map.of("rev", rev), "orphans"),
                        () -> () -> memory.orphanedDuties().replace("orphans=", ""),
                        null, null),
                // the first page holds the top unit, whose subtree is the whole organisation: a whole-org scan
                new Question("unit metrics (first page, 100)", true,
                        () -> () -> graphql("query($org:ID!){unitMetrics(org:$org,first:100){edges{node{unit{key} depth subtreeUnits subtreeUnitDepth reportingDepth planned subtreePositions subtreeFilled vacancyRate subtreePeople subtreeManagers subtreeSpanMean subtreeUnitDuties subtreePositionDuties}}}}",
                                Map.of("org", org)).path("unitMetrics").path("edges").size() + "",
                        () -> () -> {
                            try (var session = driver.session()) {
                                Map<String, Object> page = new LinkedHashMap<>();
                                page.put("rev", rev);
                                page.put("after", "");
                                page.put("limit", 100);
                                page.put("statuses", null);
                                List<Record> units = session.run(unitPageCypher, page).list();
                                List<String> keys = units.stream().map(r -> r.get("u").get("key").asString()).toList();
                                return session.run(unitStructureCypher, Map.of("rev", rev, "keys", keys)).list().size() + "";
                            }
                        },
                        () -> () -> memory.unitMetrics(100).replace("rows=", ""),
                        null,
                        postgres == null ? null : () -> () -> PostgresPeer.rows(pgUnits, 100) + ""),
                // the dashboard's headline figures: counts, vacancy, spans, depths; the exact overlaps
                // were worked out above, and similar overlaps are left out (they may still be pending)
                new Question("org metrics", true,
                        () -> () -> graphql("query($org:ID!){orgMetrics(org:$org){units positions people holdings planned seats filled filledFte vacantSeats excessSeats shortfall vacantPositions vacancyRate seatVacancyRate juniorFte managers spanMean spanMedian spanMax narrowSpanShare unitDepth reportingDepth layers tops unitDuties positionDuties duties exactOverlaps}}",
                                Map.of("org", org)).path("orgMetrics").path("positions").asInt() + "",
                        null, null, null, null, null));

        for (Question q : questions) {
            if (!options.similar() && q.name().startsWith("similar")) {
                results.failures.add("(a) " + q.name() + ": skipped (--no-similar)");
                continue;
            }
            int requests = q.scan() ? options.scanRequests() : options.requests();
            int warmup = q.scan() ? options.scanWarmup() : options.warmup();
            Timing[] ways = new Timing[6];
            List<Supplier<Op>> ops = Arrays.asList(q.a(), q.b(), q.c(), q.d(), q.e(), q.f());
            for (int w = 0; w < ways.length; w++) {
                if (ops.get(w) == null) {
                    continue;
                }
                String way = "abcdef".substring(w, w + 1);
                // a way that fails a question (a peer, or the service refusing an answer too large to list)
                // loses that cell, not the run
                try {
                    ways[w] = time(q.name(), way, ops.get(w), requests, warmup, i);
                } catch (Exception e) {
                    results.failures.add("(" + way + ") " + q.name() + ": failed: " + reason(e));
                    say("(" + way + ") " + q.name() + " failed: " + reason(e));
                }
            }
            if (ways[0] == null) {
                ways[0] = new Timing(q.name(), "a", 0, Double.NaN, Double.NaN, Double.NaN, "failed");
            }
            results.timings.add(ways);
            say(Report.row(ways));
            checkpoint.run();
        }
    }

    /** A mutable request index shared by the ops of one question. */
    private static final class Counter {
        private int value;

        int get() {
            return value;
        }

        void set(int v) {
            value = v;
        }
    }

    private Timing time(String question, String way, Supplier<Op> factory, int requests, int warmup, Counter index) throws Exception {
        Op op = factory.get();
        long[] nanos = new long[requests];
        String firstAnswer = null;
        long first = 0;
        for (int k = 0; k < warmup + requests; k++) {
            // requests use keys warmup..warmup+requests-1 in every way: the first measured answer is comparable
            index.set(k);
            long t = System.nanoTime();
            String answer = op.call();
            long elapsed = System.nanoTime() - t;
            if (k == 0) {
                first = elapsed;
            }
            if (k >= warmup) {
                nanos[k - warmup] = elapsed;
                if (firstAnswer == null) {
                    firstAnswer = answer;
                }
            }
        }
        Arrays.sort(nanos);
        return new Timing(question, way, requests, percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6, first / 1e6, firstAnswer);
    }

    /**
     * (f) what the service reads for a chain of command, from its projection in this process: the walk, and each
     * link's key, title, unit key and name, holders' keys and names (the fields (a) asks for). Returns the links.
     */
    static int projectedChain(Projection projection, String key) {
        int[] chain = projection.chain(projection.position(key), 64);
        int chars = 0;
        for (int p : chain) {
            int unit = projection.unitOf(p);
            chars += projection.positionKey(p).length() + projection.title(p).length()
                    + projection.unitKey(unit).length() + projection.unitName(unit).length();
            for (int h : projection.holdingsOf(p)) {
                int person = projection.holdingPerson(h);
                chars += projection.personKey(person).length() + projection.personName(person).length();
            }
        }
        return chars > 0 ? chain.length : 0;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static int[] managers(OrgGenerator g) {
        boolean[] isManager = new boolean[g.positionCount];
        for (int p = 0; p < g.positionCount; p++) {
            if (g.manager[p] >= 0) {
                isManager[g.manager[p]] = true;
            }
        }
        return java.util.stream.IntStream.range(0, g.positionCount).filter(p -> isManager[p]).toArray();
    }

    // ------------------------------------------------------------------------------ concurrency

    record ConcurrencyResult(int clients, double seconds, long requests, long errors, double rps, double medianMs, double p99Ms) {
    }

    /** A read mix (chain of command, reports-under count, common superior) from N clients for the configured time. */
    private ConcurrencyResult concurrency(String org, OrgGenerator g, int clients) throws Exception {
        int[] managerIndex = managers(g);
        long end = System.nanoTime() + options.concurrencySeconds() * 1_000_000_000L;
        List<long[][]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[][] holder = new long[1][];
            SplittableRandom random = new SplittableRandom(options.seed() + 31L * c);
            Thread thread = Thread.ofPlatform().start(() -> {
                long[] lat = new long[1024];
                int count = 0;
                for (int k = 0; System.nanoTime() < end; k++) {
                    String p = OrgGenerator.positionKey(random.nextInt(g.positionCount));
                    long t = System.nanoTime();
                    try {
                        switch (k % 3) {
                            case 0 -> graphql("query($org:ID!,$p:ID!){chainOfCommand(org:$org,position:$p){links{depth position{key title} holders{key} vacant}}}",
                                    Map.of("org", org, "p", p));
                            case 1 -> graphql("query($org:ID!,$p:ID!){reports(org:$org,position:$p,first:0){totalCount}}",
                                    Map.of("org", org, "p", OrgGenerator.positionKey(managerIndex[random.nextInt(managerIndex.length)])));
                            default -> graphql("query($org:ID!,$a:ID!,$b:ID!){commonSuperior(org:$org,a:$a,b:$b){position{key} depthFromA depthFromB}}",
                                    Map.of("org", org, "a", p, "b", OrgGenerator.positionKey(random.nextInt(g.positionCount))));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (count == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[count++] = System.nanoTime() - t;
                }
                holder[0] = Arrays.copyOf(lat, count);
            });
            threads.add(thread);
            perClient.add(holder);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double secs = seconds(start);
        long[] all = perClient.stream().flatMapToLong(h -> Arrays.stream(h[0])).sorted().toArray();
        ConcurrencyResult r = new ConcurrencyResult(clients, secs, all.length, errors.get(), all.length / secs,
                percentile(all, 0.5) / 1e6, percentile(all, 0.99) / 1e6);
        say(String.format(Locale.ROOT, "concurrency %d clients: %.0f req/s, median %.1f ms, p99 %.1f ms, %d errors",
                clients, r.rps(), r.medianMs(), r.p99Ms(), r.errors()));
        return r;
    }

    /**
     * Asks one chain of command, which starts the service's projection of the new revision in the background (the
     * request itself is answered by Cypher if the load takes longer than {@code orgraph.projection-wait}), and waits
     * until the service's health says it has loaded: every (a) below is then timed on the projection, not on a mix.
     */
    private void serviceProjection(Results results, String org) throws Exception {
        long t = System.nanoTime();
        graphql("query($org:ID!,$p:ID!){chainOfCommand(org:$org,position:$p){links{depth}}}",
                Map.of("org", org, "p", OrgGenerator.positionKey(0)));
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode details = JSON.readTree(get("/actuator/health")).path("components").path("projections").path("details");
            if (!details.path("enabled").asBoolean(true)) {
                say("service projection: off (orgraph.projection-cache=0)");
                return;
            }
            if (details.path("revisions").asInt() > 0 && details.path("loading").asInt() == 0) {
                results.serviceProjectionSeconds = details.path("lastLoadMillis").asLong() / 1000.0;
                results.serviceProjectionBytes = details.path("bytes").asLong();
                say(String.format(Locale.ROOT, "service projection loaded in its process in %.1f s (%s); ready %.1f s after the first request",
                        results.serviceProjectionSeconds, mb(results.serviceProjectionBytes), seconds(t)));
                return;
            }
            if (details.path("failedLoads").asInt() > 0) {
                throw new IllegalStateException("the service could not load its projection; see its log");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service's projection did not load within 15 minutes");
    }

    // ------------------------------------------------------------------------------ plumbing

    JsonNode graphql(String query, Map<String, Object> variables) throws IOException {
        return graphql(baseUrl + "/graphql", token, query, variables);
    }

    /**
     * A GraphQL request over HTTP (the service's, or the peer's when the url is the peer's and there is no token).
     * Sent with {@link HttpURLConnection} over a kept-alive connection (one per client thread, see
     * {@code http.maxConnections} in {@link #main}), the body buffered so that it leaves with its headers:
     * {@code java.net.http.HttpClient} hands every exchange between threads, and a streamed body goes out in a second
     * write; on this machine they added 0.3 ms and 1.2 ms of the harness's own time to a 0.7 ms chain of command.
     */
    JsonNode graphql(String url, String bearer, String query, Map<String, Object> variables) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout((int) Duration.ofMinutes(10).toMillis());
        connection.setRequestProperty("Content-Type", "application/json");
        if (bearer != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        try (var out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        String text;
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        if (status != 200 || json.has("errors")) {
            throw new IllegalStateException("GraphQL " + status + ": " + abbreviate(text));
        }
        return json.path("data");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private void waitForHealth(Process service) throws Exception {
        waitForHealth(http, baseUrl, service);
    }

    /** Waits up to 5 minutes for the service at {@code url} to say UP; fails at once if it exits. */
    static void waitForHealth(HttpClient http, String url, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue() + "; see its log");
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become healthy within 5 minutes");
    }

    private static String currentRevision(Driver driver, String org) {
        try (var session = driver.session()) {
            Record r = session.run("MATCH (o:Organization {key: $org}) RETURN o.currentRevision AS n", Map.of("org", org)).single();
            return org + "/" + r.get("n").asInt();
        }
    }

    static String cypher(String name) {
        try (InputStream in = Bench.class.getResourceAsStream("/cypher/" + name + ".cypher")) {
            if (in == null) {
                throw new IllegalStateException("no cypher file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int cypherRows(Driver driver, String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(cypher, params).list().size();
        }
    }

    private static String cypherSingle(Driver driver, String cypher, Map<String, Object> params, String column) {
        try (var session = driver.session()) {
            return session.run(cypher, params).single().get(column).toString();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** What the report is written from. */
    static final class Results {
        boolean complete;
        double serviceStartSeconds;
        double memoryLoadSeconds;
        double projectionLoadSeconds = Double.NaN;
        double serviceProjectionSeconds = Double.NaN;
        long serviceProjectionBytes;
        long projectionBytes;
        /** (d)'s and (e)'s versions, or "not measured: <reason>". */
        String graphqlPeer = "not measured: the run stopped before the peers were started";
        String postgres = "not measured: the run stopped before the peers were started";
        double postgresLoadSeconds = Double.NaN;
        final List<String> failures = new ArrayList<>();
        double totalSeconds;
        final List<ImportResult> imports = new ArrayList<>();
        final List<Timing[]> timings = new ArrayList<>();
        final List<ConcurrencyResult> concurrency = new ArrayList<>();
    }
}
