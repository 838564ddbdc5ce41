package org.orgraph.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.orgraph.GeneratedOrganization;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.metrics.MetricsViews.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: organisation metrics and vacancies read from a revision's projection equal those of
 * {@code metrics/vacancies} and {@code metrics/org-metrics}, on the demo organisations,
 * the DFID organograms, a generated 5,000-post organisation (planned headcounts, two-seat posts,
 * duties, vacant posts, concurrent holders) and one with a reporting chain longer than 64 links
 * and a cycle.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectedMetricsIT {

	@Autowired
	WebTestClient http;

	@Autowired
	Driver driver;

	@Autowired
	MetricsReader metrics;

	private final List<String> revisions = new ArrayList<>();

	@BeforeAll
	void importOrganizations() throws Exception {
		Imports imports = new Imports(this.http);
		imports.allDemos().forEach(key -> this.revisions.add(key + "/1"));
		String snapshot = "department_for_international_development-2013-03-31";
		Imports.Answer dfid = imports.files("dfid", "uk-organogram", Map.of(snapshot + "-senior.csv",
				new ClassPathResource("uk-organograms/" + snapshot + "-senior.csv").getContentAsByteArray(),
				snapshot + "-junior.csv",
				new ClassPathResource("uk-organograms/" + snapshot + "-junior.csv").getContentAsByteArray()));
		assertThat(dfid.status()).as(dfid.body().toString()).isEqualTo(201);
		this.revisions.add("dfid/1");
		GeneratedOrganization.write(this.driver, "generated/1", 5_000, 20261207L);
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
		assertThat(this.metrics.orgMetrics(scope("generated/1"), true, false).positions()).isEqualTo(5_000);
		assertThat(this.metrics.orgMetrics(scope("deep/1"), true, false).reportingDepth()).isEqualTo(64);
	}

	private static Scope scope(String rev) {
		Revision revision = Revision.of(rev);
		return new Scope(new OrganizationView(revision.organization(), revision.organization(), revision.number()),
				revision);
	}

}
