package org.orgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Similar duty overlaps, timed the way a consultant meets them: a synthetic organisation is
 * imported into the service jar and {@code dutyOverlaps(mode: SIMILAR)} is asked until it
 * answers (cold: the duties' texts are embedded in the background first), then again (cached);
 * the same organisation is imported again with 1 % of its duties reworded (only those should be
 * embedded), and the service is restarted on its store (nothing should be embedded: the vectors
 * are stored). Beside it, the same questions to a service with the embedding models turned off
 * (SIMILAR from words alone, as before meaning was added). Writes
 * {@code bench/results/<date>-similar-<size>.md}.
 *
 * <pre>
 * java -jar bench/target/orgraph-bench.jar similar --size 10k
 * </pre>
 */
public final class SimilarBench {

    private static final Duration PATIENCE = Duration.ofMinutes(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String token = UUID.randomUUID().toString().replace("-", "");

    private final StringBuilder out = new StringBuilder();

    private double minScore = Bench.SIMILAR_MIN_SCORE;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String size = a.getOrDefault("size", "1k");
        long seed = Long.parseLong(a.getOrDefault("seed", "20261125"));
        int cached = Integer.parseInt(a.getOrDefault("requests", "20"));
        Path root = Path.of("").toAbsolutePath();
        Path jar = Path.of(a.getOrDefault("jar", root.resolve("service/target/orgraph.jar").toString()));
        Path results = Path.of(a.getOrDefault("out", root.resolve("bench/results").toString()));
        SimilarBench bench = new SimilarBench();
        bench.minScore = Double.parseDouble(a.getOrDefault("min-score", String.valueOf(Bench.SIMILAR_MIN_SCORE)));
        bench.run(size, Bench.Options.parseSize(size), seed, cached, jar, results, a.getOrDefault("note", ""));
    }

    void run(String size, int people, long seed, int cached, Path jar, Path results, String note) throws Exception {
        Path work = Files.createTempDirectory("orgraph-similar-");
        String org = "similar-" + size;
        OrgGenerator g = OrgGenerator.generate(org, people, seed);
        Path json = work.resolve(org + ".json");
        g.writeJson(json);
        long changed = rewordOnePercent(g);
        Path reworded = work.resolve(org + "-reworded.json");
        g.writeJson(reworded);
        line("# Similar duty overlaps, %s people (seed %d)", size, seed);
        line("");
        line("%s %s", Machine.line(), note);
        line("");
        line("Generated: %d units, %d positions, %d duties; the re-import rewords %d of them (1 %%).", g.unitCount,
                g.positionCount, g.dutyCount, changed);
        line("`minScore` %.2f for both (`--min-score`; the generator's near duplicates, a purpose clause added to a copy,",
                this.minScore);
        line("score 0.8 and more by words alone; its duties are built from one template, and carry their unit's and");
        line("post's names, so far more of them pair up than in a real organisation).");
        line("");
        line("| service | step | wall time | similar pairs | texts embedded | texts from the store | texts/s | service RSS peak |");
        line("|---|---|---|---|---|---|---|---|");
        boolean done = false;
        try {
            measure("meaning + components", work.resolve("semantic"), jar, org, json, reworded, cached, true);
            measure("words alone (models off)", work.resolve("lexical"), jar, org, json, reworded, cached, false);
            done = true;
        }
        finally {
            Files.createDirectories(results);
            Path file = results.resolve(LocalDate.now(ZoneOffset.UTC) + "-similar-" + size + ".md");
            Files.writeString(file, this.out);
            System.out.println("results written to " + file);
            if (done) {
                Bench.deleteTree(work);
            }
            else {
                System.out.println("the service logs (and a thread dump of a request that timed out) are kept in " + work);
            }
        }
    }

    private void measure(String name, Path data, Path jar, String org, Path json, Path reworded, int cached,
            boolean meaning) throws Exception {
        Service service = Service.start(jar, data, this.token, meaning);
        try {
            Map<String, Long> before = embeddings(service);
            long t = System.nanoTime();
            importJson(service, org, json);
            double importSeconds = Bench.seconds(t);
            int pairs = similar(service, org);
            double cold = Bench.seconds(t);
            row(name, "import " + fmt(importSeconds) + ", then first answer (cold, from the import's start)", cold,
                    pairs, service, before);
            long[] nanos = new long[cached];
            for (int i = 0; i < cached; i++) {
                long s = System.nanoTime();
                similar(service, org);
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            line("| %s | cached, median of %d (p99) | %.1f ms (%.1f ms) | %d | | | | |", name, cached,
                    Bench.percentile(nanos, 0.5) / 1e6, Bench.percentile(nanos, 0.99) / 1e6, pairs);
            before = embeddings(service);
            t = System.nanoTime();
            importJson(service, org, reworded);
            pairs = similar(service, org);
            row(name, "re-import, 1 % of duties reworded, to the answer", Bench.seconds(t), pairs, service, before);
        }
        finally {
            service.stop();
        }
        if (!meaning) {
            return;
        }
        service = Service.start(jar, data, this.token, true);
        try {
            Map<String, Long> before = embeddings(service);
            long t = System.nanoTime();
            int pairs = similar(service, org);
            row(name, "restarted on its store, first answer", Bench.seconds(t), pairs, service, before);
        }
        finally {
            service.stop();
        }
    }

    private void row(String name, String step, double seconds, int pairs, Service service, Map<String, Long> before)
            throws Exception {
        Map<String, Long> after = embeddings(service);
        long embedded = after.getOrDefault("textsEmbedded", 0L) - before.getOrDefault("textsEmbedded", 0L);
        long stored = after.getOrDefault("textsFromStore", 0L) - before.getOrDefault("textsFromStore", 0L);
        Long rate = after.get("textsPerSecond");
        line("| %s | %s | %s | %d | %d | %d | %s | %s |", name, step, fmt(seconds), pairs, embedded, stored,
                rate == null ? "" : rate.toString(), Bench.mb(service.peakRss()));
    }

    /** Appends a change to every hundredth position duty (the texts the re-import should embed anew). */
    private static long rewordOnePercent(OrgGenerator g) {
        long n = 0;
        long seen = 0;
        for (List<String> duties : g.positionDuties) {
            for (int i = 0; i < duties.size(); i++) {
                if (seen++ % 100 == 0) {
                    String text = duties.get(i);
                    boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                    duties.set(i, text + (chinese ? "，并按季度向上级汇报进展" : ", and report progress quarterly"));
                    n++;
                }
            }
        }
        return n;
    }

    private int similar(Service service, String org) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String query = "query($org:ID!,$min:Float!){dutyOverlaps(org:$org,mode:SIMILAR,minScore:$min,first:1){totalCount}}";
        while (System.nanoTime() < deadline) {
            JsonNode answer;
            try {
                answer = post(service, "/graphql",
                        Bench.JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("org", org, "min", this.minScore))));
            }
            catch (java.net.http.HttpTimeoutException ex) {
                service.threadDump();
                throw ex;
            }
            JsonNode errors = answer.path("errors");
            if (errors.isEmpty()) {
                return answer.path("data").path("dutyOverlaps").path("totalCount").asInt();
            }
            if (!"ANALYSIS_PENDING".equals(errors.path(0).path("extensions").path("code").asString())) {
                throw new IllegalStateException("similar overlaps answered " + errors);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no similar overlaps within " + PATIENCE);
    }

    private Map<String, Long> embeddings(Service service) throws Exception {
        JsonNode details = get(service, "/actuator/health").path("components").path("dutyEmbeddings").path("details");
        Map<String, Long> figures = new java.util.HashMap<>();
        for (String key : List.of("textsEmbedded", "textsFromStore", "textsPerSecond")) {
            if (details.has(key)) {
                figures.put(key, details.path(key).asLong());
            }
        }
        return figures;
    }

    private void importJson(Service service, String org, Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url + "/api/v1/orgs/" + org + "/imports"))
            .header("Authorization", "Bearer " + this.token)
            .header("Prefer", "respond-async")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
        HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return;
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        while (true) {
            Thread.sleep(200);
            JsonNode job = get(service, location);
            String state = job.path("state").asString();
            if (state.equals("COMPLETE")) {
                return;
            }
            if (state.equals("FAILED") || state.equals("REJECTED")) {
                throw new IllegalStateException("import " + state + ": " + job);
            }
        }
    }

    private JsonNode get(Service service, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url + path))
            .header("Authorization", "Bearer " + this.token)
            .timeout(Duration.ofMinutes(5))
            .GET()
            .build();
        return Bench.JSON.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(Service service, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url + path))
            .header("Authorization", "Bearer " + this.token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return Bench.JSON.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        this.out.append(s).append('\n');
    }

    private static String fmt(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** The service jar on a store of its own, with an admin token; the models on or off. */
    private record Service(Process process, String url, Path data) {

        static Service start(Path jar, Path data, String token, boolean meaning) throws Exception {
            int port = Bench.freePort();
            List<String> command = new ArrayList<>(List.of(Bench.javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                    "-jar", jar.toString(), "--server.port=" + port, "--orgraph.data-dir=" + data,
                    "--orgraph.demo-data=false", "--orgraph.query-timeout=300s", "--orgraph.graphql.timeout=300s",
                    "--orgraph.max-similar-pairs=" + Bench.SIMILAR_PAIR_CAP,
                    // every distinct text and clause in memory, as the store holds them
                    "--orgraph.embeddings.cache-entries=2000000", "--orgraph.embeddings.enabled=" + meaning));
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile()));
            builder.environment().put("ORGRAPH_ADMIN_TOKEN", token);
            Service service = new Service(builder.start(), "http://127.0.0.1:" + port, data);
            try {
                Bench.waitForHealth(HttpClient.newHttpClient(), service.url, service.process);
            }
            catch (Exception ex) {
                service.process.destroyForcibly();
                throw ex;
            }
            return service;
        }

        /** The service's threads, into {@code threads-<time>.txt} beside its log. */
        void threadDump() throws IOException, InterruptedException {
            Path file = this.data.resolve("threads-" + System.currentTimeMillis() + ".txt");
            new ProcessBuilder(Path.of(Bench.javaExecutable()).resolveSibling("jcmd").toString(), Long.toString(this.process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(file.toFile()).start().waitFor();
        }

        long peakRss() {
            return Bench.peakRss(this.process.pid());
        }

        void stop() throws InterruptedException {
            this.process.destroy();
            if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }

    }

}
