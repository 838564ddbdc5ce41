package org.orgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of the whole harness at 1k people (few requests, one-second concurrency levels): it starts the
 * service jar, imports both formats and answers every question every way, the peers included where Node.js
 * and PostgreSQL are installed (.ci/run installs both). Timing is not asserted here; that every row is
 * written, and that every way that answers a question gives the same answer, is.
 */
class BenchSmokeIT {

    private static final List<String> QUESTIONS_ASKED_THE_SAME_WAY = List.of(
            "chain of command", "reports-under count", "common superior", "exact overlap (whole org)",
            "unit metrics (first page, 100)");
    /** What (f), the service's projection in the harness's process, answers. */
    private static final List<String> ASKED_OF_THE_PROJECTION = List.of(
            "chain of command", "reports-under count", "common superior");
    /** What (d) @neo4j/graphql answers; (e) PostgreSQL answers all of QUESTIONS_ASKED_THE_SAME_WAY. */
    private static final List<String> ASKED_OF_THE_GRAPHQL_PEER = List.of(
            "chain of command", "reports-under count", "common superior", "exact overlap (whole org)");

    @Test
    void shouldRunEveryQuestionAtOneThousandPeopleAndWriteEveryRow(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("orgraph.jar", "../service/target/orgraph.jar"));
        assertThat(jar).as("the service jar (./mvnw -DskipTests package builds it)").exists();

        Bench.Options options = Bench.Options.parse(new String[] {
                "--size", "1k", "--requests", "5", "--warmup", "2", "--scan-requests", "1", "--scan-warmup", "0",
                "--concurrency-seconds", "1", "--clients", "1,8,32",
                "--out", dir.resolve("results").toString(), "--jar", jar.toString(), "--work", dir.resolve("work").toString()});
        Path file = new Bench(options).run();

        assertThat(file.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-1k\\.md");
        String report = Files.readString(file);
        assertThat(report).contains("**Machine:**", "| import org-json |", "| import csv-bundle |",
                "| similar overlap (whole org) |", "| orphaned duties |",
                "| concurrency 1 |", "| concurrency 8 |", "| concurrency 32 |", "## Not measured");
        boolean graphqlPeer = installed("node") && Files.isDirectory(Path.of("peer-neo4j-graphql"));
        boolean postgres = postgresInstalled();
        // where a peer cannot run, the results file says why instead
        if (!graphqlPeer) {
            assertThat(report).contains("- (d) `@neo4j/graphql`: not measured: ");
        }
        if (!postgres) {
            assertThat(report).contains("- (e) PostgreSQL: not measured: ");
        }
        for (String question : QUESTIONS_ASKED_THE_SAME_WAY) {
            List<String> answers = firstAnswers(report, question);
            assertThat(answers).as(question + ": first answers of a, b, c, d, e and f").hasSize(6);
            assertThat(answers.subList(0, 3)).as(question + ": first answers of a, b and c").containsOnly(answers.get(0));
            assertThat(answers.get(3)).as(question + ": (d) @neo4j/graphql")
                    .isEqualTo(graphqlPeer && ASKED_OF_THE_GRAPHQL_PEER.contains(question) ? answers.get(0) : "–");
            assertThat(answers.get(4)).as(question + ": (e) PostgreSQL").isEqualTo(postgres ? answers.get(0) : "–");
            assertThat(answers.get(5)).as(question + ": (f) the projection")
                    .isEqualTo(ASKED_OF_THE_PROJECTION.contains(question) ? answers.get(0) : "–");
        }
        // the floor: nothing asked, each way's own "yes"; org metrics: the service's count of posts
        assertThat(firstAnswers(report, "round trip alone (nothing asked)"))
                .containsExactly("Query", "1", "–", "–", postgres ? "1" : "–", "–");
        assertThat(firstAnswers(report, "org metrics")).containsExactly("1075", "–", "–", "–", "–", "–");
        // both imports wrote the whole organisation: the same counts, no warnings
        List<String> imports = report.lines().filter(l -> l.startsWith("| import org-json |") || l.startsWith("| import csv-bundle |")).toList();
        assertThat(imports).hasSize(2);
        assertThat(imports.get(0)).contains("\"units\":69,").endsWith("| 0 |");
        assertThat(imports.get(0).replaceAll(".*`(.*)`.*", "$1")).isEqualTo(imports.get(1).replaceAll(".*`(.*)`.*", "$1"));
    }

    private static boolean installed(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static boolean postgresInstalled() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                if (versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))) {
                    return true;
                }
            }
        }
        return installed("pg_ctl");
    }

    /** The first measured answer of each way (a to f) in a question's row. */
    private static List<String> firstAnswers(String report, String question) {
        String row = report.lines().filter(l -> l.startsWith("| " + question + " |")).findFirst().orElseThrow(
                () -> new AssertionError("no row for " + question));
        String[] cells = row.split("\\|");
        return List.of(cells[cells.length - 1].trim().split(" / "));
    }
}
