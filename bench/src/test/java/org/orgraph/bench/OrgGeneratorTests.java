package org.orgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgGeneratorTests {

    @Test
    void shouldWriteTheSameDocumentForTheSameSeed(@TempDir Path dir) throws Exception {
        OrgGenerator.generate("x", 1000, 7).writeJson(dir.resolve("a.json"));
        OrgGenerator.generate("x", 1000, 7).writeJson(dir.resolve("b.json"));
        OrgGenerator.generate("x", 1000, 8).writeJson(dir.resolve("c.json"));

        assertThat(Files.mismatch(dir.resolve("a.json"), dir.resolve("b.json"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a.json"), dir.resolve("c.json"))).isNotEqualTo(-1L);
    }

    @Test
    void shouldShapeTenThousandPeopleAsTheIssueAsks() {
        OrgGenerator g = OrgGenerator.generate("x", 10_000, 20261125);

        assertThat(g.personCount).isBetween(9_500, 10_500);
        assertThat(g.maxReportingDepth).isBetween(8, 15);
        assertThat(g.maxUnitDepth + 1).isBetween(6, 10);
        // about one unit to every 10-25 posts (teams, not only departments)
        assertThat((double) g.positionCount / g.unitCount).isBetween(10.0, 25.0);
        assertThat((double) g.vacantPositions / g.positionCount).isBetween(0.04, 0.06);
        assertThat((double) g.concurrentHoldings / g.positionCount).isBetween(0.015, 0.025);
        assertThat((double) g.dutyCount / g.positionCount).isBetween(3.0, 8.0 + (double) 3 * g.unitCount / g.positionCount);
        assertThat((double) g.exactDuplicates / g.dutyCount).isBetween(0.05, 0.07);
        assertThat((double) g.nearDuplicates / g.dutyCount).isBetween(0.03, 0.05);
        assertThat(g.positionDuties.stream().flatMap(d -> d.stream()).anyMatch(t -> t.startsWith("负责") || t.contains("的"))).isTrue();
        assertThat(g.positionDuties.stream().flatMap(d -> d.stream()).anyMatch(t -> t.contains(" the "))).isTrue();
    }

    @Test
    void shouldGrowTheUnitTreeWithTheOrganisation() {
        for (int people : new int[] { 1_000, 100_000 }) {
            OrgGenerator g = OrgGenerator.generate("x", people, 20261125);
            System.out.printf("%,d people: %,d positions, %,d units, unit depth %d, reporting depth %d%n", people,
                    g.positionCount, g.unitCount, g.maxUnitDepth + 1, g.maxReportingDepth);
            assertThat((double) g.positionCount / g.unitCount).as("posts per unit at %d", people).isBetween(8.0, 30.0);
            assertThat(g.maxUnitDepth + 1).isBetween(6, 10);
        }
    }

    @Test
    void shouldWriteEveryCsvFileOfTheBundle(@TempDir Path dir) throws Exception {
        OrgGenerator g = OrgGenerator.generate("x", 1000, 7);
        g.writeCsvBundle(dir);

        assertThat(Files.readAllLines(dir.resolve("units.csv"))).hasSize(g.unitCount + 1);
        assertThat(Files.readAllLines(dir.resolve("positions.csv"))).hasSize(g.positionCount + 1);
        assertThat(Files.readAllLines(dir.resolve("people.csv"))).hasSize(g.personCount + g.concurrentHoldings + 1);
        assertThat(Files.readAllLines(dir.resolve("duties.csv"))).hasSize(g.dutyCount + 1);
    }
}
