package org.orgraph.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.orgraph.GeneratedOrganization;
import org.orgraph.Imports;
import org.orgraph.command.CommandFixtures;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.metrics.Establishment.VacancyStatus;
import org.orgraph.metrics.MetricsViews.Scope;
import org.orgraph.metrics.MetricsViews.UnitMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: organisation metrics, vacancies, the units export and every page of unit metrics,
 * unit vacancies and position vacancies read from a revision's projection equal those of
 * {@code metrics/vacancies}, {@code metrics/org-metrics}, {@code metrics/unit-metrics},
 * {@code metrics/vacancies-units-page}, {@code metrics/vacancies-positions-page} and
 * {@code metrics/export-units-page}, on the demo organisations, both DFID organograms,
 * {@code loop} (a cycle, a chain longer than the bound), a generated 20,000-post organisation
 * (planned headcounts, two-seat posts, duties, vacant posts, concurrent holders, units without a
 * head or with two) and one with a reporting chain longer than 64 links and a cycle.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectedMetricsIT {

	private static final int GENERATED_POSTS = 20_000;

	@Autowired
	WebTestClient http;

	@Autowired
	Driver driver;

	@Autowired
	MetricsReader metrics;

	@Autowired
	ExportTables exports;

	private static final int PAGE = 100;

	private final List<String> revisions = new ArrayList<>();

	@BeforeAll
	void importOrganizations() throws Exception {
		Imports imports = new Imports(this.http);
		imports.allDemos().forEach(key -> this.revisions.add(key + "/1"));
		imports.dfid();
		this.revisions.addAll(List.of("dfid/1", "dfid/2"));
		CommandFixtures.importLoop(imports, this.driver);
		this.revisions.add("loop/1");
		GeneratedOrganization.write(this.driver, "generated/1", GENERATED_POSTS, 20261207L);
		this.revisions.add("generated/1");
		this.driver.executableQuery("""
				CREATE (u:Unit {rev: 'deep/1', key: 'D', name: 'Deep', plannedHeadcount: 80})
				WITH u
				UNWIND range(0, 70) AS i
				CREATE (:Position {rev: 'deep/1', key: 'C' + i, title: 'Link ' + i, headcount: 1, juniorFte: 0.0})-[:IN]->(u)
				""").execute();
		this.driver.executableQuery("""
				UNWIND range(1, 70) AS i
				MATCH (a:Position {rev: 'deep/1', key: 'C' + i}), (b:Position {rev: 'deep/1', key: 'C' + (i - 1)})
				CREATE (a)-[:REPORTS_TO {line: true, derived: false}]->(b)
				""").execute();
		this.driver.executableQuery("""
				MATCH (u:Unit {rev: 'deep/1', key: 'D'})
				CREATE (a:Position {rev: 'deep/1', key: 'X1', title: 'Loop', headcount: 1})-[:IN]->(u),
				       (b:Position {rev: 'deep/1', key: 'X2', title: 'Loop', headcount: 1})-[:IN]->(u),
				       (a)-[:REPORTS_TO {line: true}]->(b), (b)-[:REPORTS_TO {line: true}]->(a)
				""").execute();
		this.revisions.add("deep/1");
	}

	@Test
	void shouldGiveTheSameOrganisationMetricsAsCypher() {
		for (String rev : this.revisions) {
			Scope scope = scope(rev);
			assertThat(this.metrics.figures(Revision.of(rev))).as("%s is projected exactly", rev).isNotNull();
			assertThat(this.metrics.orgMetrics(scope, true, false)).as("org metrics of %s", rev)
				.isEqualTo(this.metrics.orgMetrics(scope, false, false));
			assertThat(this.metrics.vacancies(scope, true)).as("vacancies of %s", rev)
				.isEqualTo(this.metrics.vacancies(scope, false));
		}
		assertThat(this.metrics.orgMetrics(scope("generated/1"), true, false).positions()).isEqualTo(GENERATED_POSTS);
		assertThat(this.metrics.orgMetrics(scope("deep/1"), true, false).reportingDepth()).isEqualTo(64);
	}

	@Test
	void shouldPageEveryUnitsMetricsAsCypherDoes() {
		int rows = 0;
		int headed = 0;
		int medians = 0;
		for (String rev : this.revisions) {
			Scope scope = scope(rev);
			String after = "";
			while (true) {
				List<UnitMetrics> byCypher = this.metrics.unitMetrics(scope, after, PAGE, false);
				assertThat(this.metrics.unitMetrics(scope, after, PAGE, true)).as("unit metrics of %s after '%s'", rev, after)
					.isEqualTo(byCypher);
				rows += byCypher.size();
				headed += (int) byCypher.stream().filter(m -> m.reportingDepth() != null).count();
				medians += (int) byCypher.stream()
					.filter(m -> m.subtreeSpanMedian() != null && m.subtreeSpanMedian() % 1 != 0)
					.count();
				if (byCypher.size() < PAGE) {
					break;
				}
				after = byCypher.getLast().unit().key();
			}
		}
		// every unit of every revision, with heads, reporting depths and medians between two spans among them
		assertThat(rows).isEqualTo(this.driver.executableQuery("MATCH (u:Unit) WHERE u.rev IN $revs RETURN count(u) AS n")
			.withParameters(Map.of("revs", this.revisions))
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asInt());
		assertThat(headed).isGreaterThan(100);
		assertThat(medians).isGreaterThan(10);
	}

	@Test
	void shouldPageUnitVacanciesByStatusAsCypherDoes() {
		pagesAgree("units", 37, this.metrics::unitVacancies, v -> v.unit().key());
	}

	@Test
	void shouldPagePositionVacanciesByStatusAsCypherDoes() {
		pagesAgree("posts", 1_000, this.metrics::positionVacancies, v -> v.position().key());
	}

	/** One page of a vacancy listing, from the projection or from Cypher. */
	private interface VacancyPages<T> {

		List<T> page(Scope scope, String after, int size, @Nullable List<VacancyStatus> statuses, boolean projected);

	}

	/** Every page of a listing, under three status filters, is the same from the projection as from Cypher. */
	private <T> void pagesAgree(String what, int size, VacancyPages<T> pages, Function<T, String> key) {
		List<List<VacancyStatus>> filters = new ArrayList<>();
		filters.add(null);
		filters.add(List.of(VacancyStatus.SHORTFALL));
		filters.add(List.of(VacancyStatus.OVER_ESTABLISHMENT, VacancyStatus.FULL));
		for (String rev : this.revisions) {
			Scope scope = scope(rev);
			for (List<VacancyStatus> statuses : filters) {
				String after = "";
				while (true) {
					List<T> byCypher = pages.page(scope, after, size, statuses, false);
					assertThat(pages.page(scope, after, size, statuses, true))
						.as("%s of %s with status %s after '%s'", what, rev, statuses, after)
						.isEqualTo(byCypher);
					if (byCypher.size() < size) {
						break;
					}
					after = key.apply(byCypher.getLast());
				}
			}
		}
	}

	@Test
	void shouldExportTheSameUnitsTableAsCypher() {
		for (String rev : this.revisions) {
			List<Map<String, @Nullable Object>> byCypher = new ArrayList<>();
			this.exports.units(scope(rev), byCypher::addAll, false);
			List<Map<String, @Nullable Object>> byProjection = new ArrayList<>();
			this.exports.units(scope(rev), byProjection::addAll, true);
			assertThat(byProjection).as("units table of %s", rev).isEqualTo(byCypher);
		}
	}

	private static Scope scope(String rev) {
		Revision revision = Revision.of(rev);
		return new Scope(new OrganizationView(revision.organization(), revision.organization(), revision.number()),
				revision);
	}

}
