package org.orgraph.bench;

import java.io.IOException;
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
            "| question | requests | (a) GraphQL median | (a) p99 | (a) first | (b) Cypher median | (b) p99 | (c) memory median | (c) p99 | a/b | b/c | first answer a / b / c |";

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

    static String row(Bench.Timing a, Bench.Timing b, Bench.Timing c) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s |",
                a.question(), a.requests(),
                ms(a.medianMs()), ms(a.p99Ms()), ms(a.firstMs()),
                b == null ? "n/a" : ms(b.medianMs()), b == null ? "n/a" : ms(b.p99Ms()),
                c == null ? "n/a" : ms(c.medianMs()), c == null ? "n/a" : ms(c.p99Ms()),
                b == null ? "n/a" : ratio(a.medianMs() / b.medianMs()),
                b == null || c == null ? "n/a" : ratio(b.medianMs() / c.medianMs()),
                a.answer(), b == null ? "–" : b.answer(), c == null ? "–" : c.answer());
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
                + "the relationships between them). Peak heap is the largest `used` of `jcmd <pid> GC.heap_info` sampled "
                + "about every 0.25–0.5 s during the import (so it can miss a short peak); peak RSS is the service process's "
                + "`VmHWM` so far (so the CSV row includes the JSON import before it).\n\n");

        s.append("## Questions, side by side (one client, sequential)\n\n");
        s.append("(a) the service over GraphQL/HTTP, (b) raw Cypher over Bolt on the same embedded store, (c) an in-memory "
                + "Java walk over arrays loaded once from the same store (load: ")
                .append(String.format(Locale.ROOT, "%.1f s", results.memoryLoadSeconds)).append("). Times in ms.\n\n");
        s.append(QUESTIONS_HEADER).append('\n');
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Bench.Timing[] t : results.timings) {
            s.append(row(t[0], t[1], t[2])).append('\n');
        }
        s.append("""

                "(a) first" is the very first request, before warm-up: cold JIT and caches. The service caches
                duty analytics per revision (a revision never changes), so for exact/similar overlaps and orphaned
                duties the medians of (a) read that cache and "(a) first" is the one request that computed the answer.

                What each way runs:

                - chain of command: (a) `chainOfCommand(position:)` with every link's post, unit, holders and vacancy;
                  (b) `cypher/queries/command/chain-of-command.cypher`; (c) walk the manager array. Answer: links.
                - reports-under count: (a) `reports(position:, first: 0) { totalCount }` on a random manager;
                  (b) `command/reports-indirect-count.cypher`; (c) DFS over direct-report arrays. Answer: posts under it.
                - common superior: (a) `commonSuperior(a:, b:)` for two random posts; (b) `command/common-superior.cypher`;
                  (c) ancestors of a in a hash map, then walk up from b. Answer: the superior's key.
                - exact overlap: (a) `dutyOverlaps(mode: EXACT) { totalCount }`; (b) group duties by `norm` in Cypher;
                  (c) a hash map over the norms. Answer: overlaps (groups of 2+ duties with one normal form).
                - similar overlap: (a) `dutyOverlaps(mode: SIMILAR) { totalCount }`. (b) and (c) **not measured**: the
                  service scores similarity in Java (SmartCN terms, rarity weights, inverted index); there is no
                  equivalent Cypher, and a second implementation in the harness would not be the same question.
                - orphaned duties: (a) `orphanedDuties` with each duty's key, text and holder; (b) and (c) a
                  simpler rule — duties of a normal form no filled post carries, directly or in the owning unit —
                  which does not tell `ONLY_CONCURRENT` apart, so (b)/(c) may count fewer than (a).
                - unit metrics: (a) `unitMetrics(first: 100)` with 14 figures a unit; (b) `metrics/unit-establishment-page`
                  then `metrics/unit-structure` for the same 100 units (the two queries the service runs for a page);
                  (c) subtree walks over unit arrays for a subset of the figures. Answer: rows.

                """);

        s.append("## Concurrency (read mix over GraphQL: chain of command, reports-under count, common superior)\n\n");
        s.append("| clients | duration | requests | errors | requests/s | median | p99 |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Bench.ConcurrencyResult c : results.concurrency) {
            s.append(String.format(Locale.ROOT, "| concurrency %d | %.0f s | %,d | %d | %,.0f | %s ms | %s ms |%n",
                    c.clients(), c.seconds(), c.requests(), c.errors(), c.rps(), ms(c.medianMs()), ms(c.p99Ms())));
        }
        s.append("\nThe load generator runs on the same machine as the service (and shares its cores).\n\n");

        s.append("## Not yet measured\n\n");
        s.append("- (d) a peer, `@neo4j/graphql` (npm) on the same store: not set up yet.\n");
        s.append("- (e) PostgreSQL with recursive CTEs on the same data: not set up yet.\n");
        s.append("- (b) and (c) for similar overlap (see above).\n\n");

        s.append("## Time\n\n");
        s.append(String.format(Locale.ROOT, "Generate %.1f s, service start %.1f s, in-memory load %.1f s, whole run %.1f s (%.1f min).%n",
                generateSeconds, results.serviceStartSeconds, results.memoryLoadSeconds, results.totalSeconds, results.totalSeconds / 60));
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
        return r >= 100 ? String.format(Locale.ROOT, "%,.0f×", r) : String.format(Locale.ROOT, "%.1f×", r);
    }
}
