package org.orgraph.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes one run as bench/results/&lt;date&gt;-&lt;size&gt;.md. */
final class Report {

    static final String QUESTIONS_HEADER =
            "| question | requests | (a) GraphQL median | (a) p99 | (a) first | (b) Cypher median | (b) p99 | (c) memory median | (c) p99 "
            + "| (d) @neo4j/graphql median | (d) p99 | (e) PostgreSQL median | (e) p99 | (f) projection median | (f) p99 "
            + "| a/b | b/c | a/d | a/e | a/f | e/f | first answer a / b / c / d / e / f |";

    private final Bench.Options options;
    private final OrgGenerator g;
    private final Bench.Results results;
    private final double generateSeconds;

    Report(Bench.Options options, OrgGenerator g, Bench.Results results, double generateSeconds) {
        this.options = options;
        this.g = g;
        this.results = results;
        this.generateSeconds = generateSeconds;
    }

    Path write() throws IOException {
        Files.createDirectories(options.out());
        Path file = options.out().resolve(LocalDate.now(ZoneOffset.UTC) + "-" + options.sizeLabel() + ".md");
        Files.writeString(file, render());
        return file;
    }

    /**
     * One question: ways a to f (null where a way was not measured); a/d and a/e are ours over the peer's, a/f
     * the service over its own projection in-process (HTTP, GraphQL and answer building), e/f PostgreSQL over it.
     */
    static String row(Bench.Timing[] t) {
        Bench.Timing a = t[0];
        StringBuilder s = new StringBuilder();
        s.append("| ").append(a.question()).append(" | ").append(a.requests()).append(" | ")
                .append(ms(a.medianMs())).append(" | ").append(ms(a.p99Ms())).append(" | ").append(ms(a.firstMs())).append(" | ");
        for (int w = 1; w < t.length; w++) {
            s.append(t[w] == null ? "n/a" : ms(t[w].medianMs())).append(" | ")
                    .append(t[w] == null ? "n/a" : ms(t[w].p99Ms())).append(" | ");
        }
        s.append(ratio(a, t[1])).append(" | ").append(ratio(t[1], t[2])).append(" | ")
                .append(ratio(a, t[3])).append(" | ").append(ratio(a, t[4])).append(" | ")
                .append(ratio(a, t[5])).append(" | ").append(ratio(t[4], t[5])).append(" | ");
        for (int w = 0; w < t.length; w++) {
            s.append(w > 0 ? " / " : "").append(t[w] == null ? "–" : t[w].answer());
        }
        return s.append(" |").toString();
    }

    private static String ratio(Bench.Timing x, Bench.Timing y) {
        return x == null || y == null ? "n/a" : ratio(x.medianMs() / y.medianMs());
    }

    private String render() {
        StringBuilder s = new StringBuilder();
        s.append("# Orgraph benchmark: ").append(options.sizeLabel()).append(" people\n\n");
        s.append("Run ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" with `java -jar bench/target/orgraph-bench.jar --size ").append(options.sizeLabel())
                .append("` (seed ").append(options.seed()).append(", ").append(options.requests()).append(" requests after ")
                .append(options.warmup()).append(" warm-up per path question, ").append(options.scanRequests()).append(" after ")
                .append(options.scanWarmup()).append(" per whole-org scan, ").append(options.concurrencySeconds())
                .append(" s per concurrency level).\n\n");
        s.append("**Machine:** ").append(Machine.line()).append("\n\n");
        if (!results.complete) {
            s.append("**Status: partial** — written as the run went; it stopped (or was stopped) before every section was measured.\n\n");
        }
        if (!options.note().isBlank()) {
            s.append("**Note:** ").append(options.note()).append("\n\n");
        }

        s.append("## The organisation (generated)\n\n");
        s.append("| people | positions | units | duties | reporting depth | unit depth | largest span | vacant posts | posts held concurrently | exact duplicate duties | near duplicate duties |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        s.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %d | %d | %d | %,d (%.1f%%) | %,d (%.1f%%) | %,d (%.1f%%) | %,d (%.1f%%) |%n%n",
                g.personCount, g.positionCount, g.unitCount, g.dutyCount, g.maxReportingDepth, g.maxUnitDepth + 1, g.maxSpan,
                g.vacantPositions, 100.0 * g.vacantPositions / g.positionCount,
                g.concurrentHoldings, 100.0 * g.concurrentHoldings / g.positionCount,
                g.exactDuplicates, 100.0 * g.exactDuplicates / g.dutyCount,
                g.nearDuplicates, 100.0 * g.nearDuplicates / g.dutyCount));
        s.append("Reporting depth is in links below the top post, unit depth in levels.\n\n");

        s.append("## Import (POST /api/v1/orgs/{key}/imports, background job)\n\n");
        s.append("| import | input | wall time | entity rows/s | all rows/s | service millis | peak heap (sampled) | peak RSS | counts | warnings |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Bench.ImportResult r : results.imports) {
            s.append(String.format(Locale.ROOT, "| import %s | %d file(s), %.1f MB | %.1f s | %,.0f | %s | %,d | %s (%d samples) | %s | `%s` | %d |%n",
                    r.format(), r.files(), r.bytes() / 1e6, r.seconds(), r.entityRows() / r.seconds(),
                    r.rowsTotal() < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", r.rowsTotal() / r.seconds()),
                    r.serviceMillis(), Bench.mb(r.peakHeapBytes()), r.heapSamples(), Bench.mb(r.peakRssBytes()), r.counts(), r.warnings()));
        }
        s.append("\nEntity rows are units + positions + people + duties; all rows is the job's `rowsTotal` (entities and "
                + "the relationships between them). Peak heap is the largest heap in use (survivors, eden and "
                + "old generation) of one `jstat -gc <pid> 250` running through the import (so it can miss a short peak); peak RSS is the service process's "
                + "`VmHWM` so far (so the CSV row includes the JSON import before it).\n\n");
        for (Bench.ImportResult r : results.imports) {
            if (r.phases().isEmpty()) {
                continue;
            }
            s.append("### Import ").append(r.format()).append(" by phase (the job's answer, timed in the service)\n\n");
            s.append("| phase | ms | share of service millis | rows | rows/s |\n");
            s.append("|---|---:|---:|---:|---:|\n");
            for (Bench.ImportPhase p : r.phases()) {
                s.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% | %,d | %s |%n", p.phase(), p.millis(),
                        r.serviceMillis() == 0 ? 0.0 : 100.0 * p.millis() / r.serviceMillis(), p.rows(),
                        p.rows() <= 1 || p.millis() == 0 ? "" : String.format(Locale.ROOT, "%,.0f", p.rows() * 1000.0 / p.millis())));
            }
            s.append("\nParsing and validating run before the job is accepted (so outside the service millis, which count "
                    + "from the write lock to the revision made current); phases written side by side overlap.\n\n");
        }

        s.append("## Questions, side by side (one client, sequential)\n\n");
        s.append("(a) the service over GraphQL/HTTP (HTTP/1.1, a kept-alive connection per client), (b) raw Cypher over Bolt on the same embedded store, (c) an in-memory "
                + "Java walk over arrays loaded once from the same store (load: ")
                .append(String.format(Locale.ROOT, "%.1f s", results.memoryLoadSeconds)).append("), (d) the peer `@neo4j/graphql` "
                + "over HTTP on the same store (").append(results.graphqlPeer).append("), (e) PostgreSQL with recursive CTEs on the "
                + "same organisation (").append(results.postgres).append(Double.isNaN(results.postgresLoadSeconds) ? "" : String.format(Locale.ROOT,
                        "; load with COPY, indexes and ANALYZE: %.1f s", results.postgresLoadSeconds))
                .append("), (f) the service's revision projection (`org.orgraph.projection`) in the harness's own process, no HTTP "
                + "or GraphQL (load over Bolt with the service's `cypher/queries/projection/` files: ")
                .append(String.format(Locale.ROOT, "%.1f s, %s", results.projectionLoadSeconds, Bench.mb(results.projectionBytes)))
                .append(Double.isNaN(results.serviceProjectionSeconds) ? "" : String.format(Locale.ROOT,
                        "; the service's own load of it, in its process, started by one request after the import and "
                        + "awaited before (a) is timed: %.1f s, %s", results.serviceProjectionSeconds,
                        Bench.mb(results.serviceProjectionBytes)))
                .append("). Times in ms. a/d and a/e are ours over the peer's: below 1.0× Orgraph is faster; a/f is what "
                + "HTTP, GraphQL and building the answer cost over the projection's own work; e/f is PostgreSQL over JDBC "
                + "against the projection.\n\n");
        s.append(QUESTIONS_HEADER).append('\n');
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Bench.Timing[] t : results.timings) {
            s.append(row(t)).append('\n');
        }
        s.append("""

                "(a) first" is the very first request, before warm-up: cold JIT and caches. The service caches
                duty analytics per revision (a revision never changes), so for exact/similar overlaps and orphaned
                duties the medians of (a) read that cache and "(a) first" is the one request that computed the answer.

                What each way runs:

                - chain of command: (a) `chainOfCommand(position:)` with every link's post, unit, holders and vacancy;
                  (b) `cypher/queries/command/chain-of-command.cypher`; (c) walk the manager array; (f) the projection's
                  walk and every link's key, title, unit and holders decoded from its string arena. Answer: links.
                - reports-under count: (a) `reports(position:, first: 0) { totalCount }` on a random manager;
                  (b) `command/reports-indirect-count.cypher`; (c) DFS over direct-report arrays; (f) the projection's
                  pre-order interval (O(1)). Answer: posts under it.
                - common superior: (a) `commonSuperior(a:, b:)` for two random posts; (b) `command/common-superior.cypher`;
                  (c) ancestors of a in a hash map, then walk up from b; (f) the projection's two chains compared as
                  the service does. Answer: the superior's key.
                - round trip alone: (a) `{__typename}`, the service's HTTP, bearer token and GraphQL with nothing
                  to fetch; (b) `RETURN 1` over Bolt; (e) `SELECT 1` over JDBC. The floor under the three path rows; asked after them,
                  once the service's JIT has settled.
                - exact overlap: (a) `dutyOverlaps(mode: EXACT) { totalCount }`; (b) group duties by `norm` in Cypher;
                  (c) a hash map over the norms. Answer: overlaps (groups of 2+ duties with one normal form).
                - similar overlap: (a) `dutyOverlaps(mode: SIMILAR, minScore: 0.8) { totalCount }` (the generator's near
                  duplicates score 0.8 and more; the service runs with `orgraph.max-similar-pairs=1000000` and
                  `orgraph.embeddings.enabled=false`, so pairs are scored on words alone: duties' meaning is timed by
                  `orgraph-bench.jar similar`, and here it would embed every duty while the questions run). (b) and (c) **not measured**: the
                  service scores similarity in Java (SmartCN terms, rarity weights, inverted index); there is no
                  equivalent Cypher, and a second implementation in the harness would not be the same question.
                - orphaned duties: (a) `orphanedDuties` with each duty's key, text and holder; (b) and (c) a
                  simpler rule — duties of a normal form no filled post carries, directly or in the owning unit —
                  which does not tell `ONLY_CONCURRENT` apart, so (b)/(c) may count fewer than (a).
                - unit metrics: (a) `unitMetrics(first: 100)` with 14 figures a unit; (b) `metrics/vacancies-units-page`
                  then `metrics/unit-metrics` for the same 100 units (the two queries the service runs for a page);
                  (c) subtree walks over unit arrays for a subset of the figures. Answer: rows.
                - org metrics: (a) `orgMetrics` with every figure but `similarOverlaps` (asked after the exact
                  overlaps were worked out). Answer: positions.

                The peers, measured with the same keys and request counts as (a):

                - (d) `bench/peer-neo4j-graphql/server.mjs`: `@neo4j/graphql` 7 type definitions over the same graph
                  model, served by Apollo Server under Node.js, reading the service's store over its Bolt port. Each
                  question is a `@cypher` field reading the organisation's current revision: `chainOfCommand` returns
                  the posts from the post to the top (a bounded variable-length path), with each post's title, unit and
                  holders resolved by the library through `@relationship` fields; `reportsUnderCount` and
                  `exactOverlapCount` compute what (b) does; `commonSuperior` (the superior's key) walks each chain
                  once to its top and takes the first post of a's chain that is in b's. No orphaned duties or unit
                  metrics: they would be (b) again behind a GraphQL layer, not a question the library answers.
                - (e) a throw-away PostgreSQL cluster the harness starts (initdb, fsync off: nothing here must survive a
                  crash, and nothing is written while timing), loaded from the generator with COPY (units, positions
                  with `manager_id`, people, holdings, duties with the service's normal form read from the store),
                  indexed on every foreign key and on `duty.norm`, ANALYZEd; each question one prepared statement over
                  JDBC: recursive CTEs up (chain of command, with unit and holders; common superior, both chains joined)
                  and down (reports-under count; unit subtrees for the metrics page), and `GROUP BY norm` for exact
                  overlaps. It holds this one organisation only, with no revisions to filter.

                """);

        s.append("## Concurrency (read mix over GraphQL: chain of command, reports-under count, common superior)\n\n");
        s.append("| clients | duration | requests | errors | requests/s | median | p99 |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Bench.ConcurrencyResult c : results.concurrency) {
            s.append(String.format(Locale.ROOT, "| concurrency %d | %.0f s | %,d | %d | %,.0f | %s ms | %s ms |%n",
                    c.clients(), c.seconds(), c.requests(), c.errors(), c.rps(), ms(c.medianMs()), ms(c.p99Ms())));
        }
        s.append("\nThe load generator runs on the same machine as the service (and shares its cores).\n\n");

        s.append("## Not measured\n\n");
        if (results.graphqlPeer.startsWith("not measured")) {
            s.append("- (d) `@neo4j/graphql`: ").append(results.graphqlPeer).append('\n');
        }
        if (results.postgres.startsWith("not measured")) {
            s.append("- (e) PostgreSQL: ").append(results.postgres).append('\n');
        }
        for (String failure : results.failures) {
            s.append("- ").append(failure).append('\n');
        }
        s.append("- (b) and (c) for similar overlap, and (d) and (e) for similar overlap and orphaned duties (see above); "
                + "(d) for unit metrics.\n\n");

        s.append("## Time\n\n");
        s.append(String.format(Locale.ROOT, "Generate %.1f s, service start %.1f s, in-memory load %.1f s, %swhole run %.1f s (%.1f min).%n",
                generateSeconds, results.serviceStartSeconds, results.memoryLoadSeconds,
                Double.isNaN(results.postgresLoadSeconds) ? "" : String.format(Locale.ROOT, "PostgreSQL load %.1f s, ", results.postgresLoadSeconds),
                results.totalSeconds, results.totalSeconds / 60));
        return s.toString();
    }

    private static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "n/a";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.2f", ms)
                : String.format(Locale.ROOT, "%.4f", ms);
    }

    private static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        if (r < 0.1) {
            // two significant digits, so a peer 50 times slower does not read as 0.0×
            return new BigDecimal(r).round(new MathContext(2)).toPlainString() + "×";
        }
        return r >= 100 ? String.format(Locale.ROOT, "%,.0f×", r) : String.format(Locale.ROOT, "%.1f×", r);
    }
}
