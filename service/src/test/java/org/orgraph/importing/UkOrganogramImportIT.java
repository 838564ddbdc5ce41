package org.orgraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Session;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The two published DFID snapshots (March and September 2013) imported as revisions 1 and 2
 * of one organisation, checked against the CSVs themselves.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UkOrganogramImportIT extends IntegrationTestSupport {

	static final String MARCH = Imports.DFID_MARCH;

	static final String SEPTEMBER = Imports.DFID_SEPTEMBER;

	Imports.Answer march;

	Imports.Answer september;

	@BeforeAll
	void importBothSnapshots() throws IOException {
		Imports imports = imports();
		this.march = imports.files("dfid", "uk-organogram", Imports.organogram(MARCH));
		this.september = imports.files("dfid", "uk-organogram", Imports.organogram(SEPTEMBER));
	}

	@Test
	void shouldLoadEverySeniorPostOfBothSnapshotsAsRevisions() {
		assertThat(this.march.status()).as(this.march.body().toString()).isEqualTo(201);
		assertThat(this.march.revision()).isEqualTo(1);
		assertThat(this.march.counts().get("positions")).isEqualTo(75);
		assertThat(this.march.counts().get("people")).isEqualTo(75);
		assertThat(this.september.status()).as(this.september.body().toString()).isEqualTo(201);
		assertThat(this.september.revision()).isEqualTo(2);
		assertThat(this.september.counts().get("positions")).isEqualTo(89);
		assertThat(this.september.counts().get("derivedReportingLines")).isEqualTo(0);
		// the September file has three posts that report to themselves: loaded, line dropped, said so
		assertThat(this.september.warnings()).filteredOn(w -> "SELF_REPORT".equals(w.get("code")))
			.extracting(w -> (String) w.get("message"))
			.hasSize(3)
			.allSatisfy(m -> assertThat(m).containsAnyOf("\"B52\"", "\"B130\"", "\"B41\"").contains("reports to itself"));
		this.graphQl.document("{ organization(key: \"dfid\") { name currentRevision revisions { number } } }")
			.execute()
			.path("organization.name")
			.entity(String.class)
			.isEqualTo("Department for International Development")
			.path("organization.currentRevision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("organization.revisions[*].number")
			.entityList(Integer.class)
			.containsExactly(2, 1);
	}

	@Test
	void shouldFindTheTopsAndNoVacantPosts() {
		assertThat(tops(1)).containsExactlyInAnyOrder("A1", "A11");
		assertThat(tops(2)).containsExactlyInAnyOrder("A1", "B52", "B130", "B41");
		assertThat(vacant(1)).isZero();
		assertThat(vacant(2)).isZero();
	}

	@Test
	void shouldReadReportingLinesAsTheCsvStatesThem() {
		// read by hand off the March senior file
		Map<String, String> march = Map.of("B102", "A21", "B44", "B89", "B53", "B44", "A10", "A22", "B60", "A12");
		march.forEach((post, manager) -> assertThat(manager(1, post)).as(post).isEqualTo(manager));
		// and off the September one
		Map<String, String> september = Map.of("B139", "B38", "B73", "B87", "A13", "B67", "B114", "B91", "B44", "A20");
		september.forEach((post, manager) -> assertThat(manager(2, post)).as(post).isEqualTo(manager));
	}

	@Test
	void shouldMatchEveryReportingLineOfBothSeniorFiles() throws IOException {
		for (int revision = 1; revision <= 2; revision++) {
			String snapshot = revision == 1 ? MARCH : SEPTEMBER;
			Map<String, String> expected = reportingLinesInCsv(snapshot + "-senior.csv");
			Map<String, String> actual = reportingLines(revision);
			assertThat(actual).as(snapshot).isEqualTo(expected);
		}
	}

	@Test
	void shouldAggregateJuniorStaffUnderTheirSeniorPost() {
		assertThat(juniorFte(1, "B41")).isCloseTo(120.2, within(1e-9));
		assertThat(juniorFte(1, "B47")).isCloseTo(107.9, within(1e-9));
		assertThat(juniorFte(1, "B100")).isCloseTo(55.2, within(1e-9));
		assertThat(juniorFte(2, "B89")).isCloseTo(91.5, within(1e-9));
		assertThat(juniorFte(2, "A23")).isCloseTo(49.8, within(1e-9));
		assertThat(totalJuniorFte(1)).isCloseTo(1464.5, within(1e-6));
		assertThat(totalJuniorFte(2)).isCloseTo(1815.0, within(1e-6));
	}

	@Test
	void shouldServeThePostWithItsFunctionAsDutyAndItsHolderOverGraphQl() {
		this.graphQl.document("""
				{ organization(key: "dfid") {
				    position(key: "B102", revision: 1) {
				      title grade vacant juniorFte
				      unit { name }
				      holders { person { name } fte }
				      duties { key text holder { kind key } }
				      reportsTo { derived position { key } }
				    }
				} }""")
			.execute()
			.path("organization.position.title")
			.entity(String.class)
			.isEqualTo("Deputy Director, Head of Internal Audit and Counter Fraud Unit")
			.path("organization.position.unit.name")
			.entity(String.class)
			.isEqualTo("Finance & Corporate Performance")
			.path("organization.position.holders[0].person.name")
			.entity(String.class)
			.isEqualTo("Johnston David")
			.path("organization.position.duties[0].text")
			.entity(String.class)
			.satisfies(text -> assertThat(text).startsWith("Leading the Internal Audit function"))
			.path("organization.position.duties[0].holder.key")
			.entity(String.class)
			.isEqualTo("B102")
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("A21");
	}

	@Test
	void shouldFindPostsAndPeopleByEnglishWords() {
		List<String> keys = this.graphQl
			.document("{ organization(key: \"dfid\") { search(text: \"internal audit\", revision: 1) { kind key name } } }")
			.execute()
			.path("organization.search[*].key")
			.entityList(String.class)
			.get();
		assertThat(keys).first().isEqualTo("B102");
		this.graphQl.document("{ organization(key: \"dfid\") { search(text: \"Johnston\", revision: 1) { kind key name } } }")
			.execute()
			.path("organization.search[0].kind")
			.entity(String.class)
			.isEqualTo("PERSON")
			.path("organization.search[0].name")
			.entity(String.class)
			.isEqualTo("Johnston David");
	}

	/**
	 * Post → manager as the CSV states it, read independently of the importer: XX (top),
	 * self-references and eliminated posts have no line.
	 */
	private Map<String, String> reportingLinesInCsv(String file) throws IOException {
		String text = new ClassPathResource("uk-organograms/" + file).getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setAllowMissingColumnNames(true).get().parse(new StringReader(text)).getRecords();
		Map<String, String> lines = new HashMap<>();
		for (CSVRecord row : rows) {
			String post = row.get("Post Unique Reference").strip();
			String manager = row.get("Reports to Senior Post").strip();
			if (post.equals("0") || row.get("Name").strip().equalsIgnoreCase("eliminated") || manager.equalsIgnoreCase("XX")
					|| manager.isEmpty() || manager.equals(post)) {
				continue;
			}
			lines.putIfAbsent(post, manager);
		}
		return lines;
	}

	private Map<String, String> reportingLines(int revision) {
		try (Session session = this.driver.session()) {
			Map<String, String> lines = new HashMap<>();
			session.run("""
					MATCH (a:Position {rev: $rev})-[:REPORTS_TO]->(b:Position)
					RETURN a.key AS post, b.key AS manager""", Map.of("rev", "dfid/" + revision))
				.forEachRemaining(r -> lines.put(r.get("post").asString(), r.get("manager").asString()));
			return lines;
		}
	}

	private List<String> tops(int revision) {
		try (Session session = this.driver.session()) {
			return session.run("""
					MATCH (a:Position {rev: $rev}) WHERE NOT (a)-[:REPORTS_TO]->()
					RETURN a.key AS key""", Map.of("rev", "dfid/" + revision)).list(r -> r.get("key").asString());
		}
	}

	private long vacant(int revision) {
		try (Session session = this.driver.session()) {
			return session.run("""
					MATCH (a:Position {rev: $rev}) WHERE NOT (a)<-[:HOLDS]-()
					RETURN count(a) AS n""", Map.of("rev", "dfid/" + revision)).single().get("n").asLong();
		}
	}

	private String manager(int revision, String post) {
		return this.graphQl.document("query($key: ID!, $rev: Int) { organization(key: \"dfid\") { "
				+ "position(key: $key, revision: $rev) { reportsTo { position { key } } } } }")
			.variable("key", post)
			.variable("rev", revision)
			.execute()
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.get();
	}

	private double juniorFte(int revision, String post) {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (a:Position {rev: $rev, key: $key}) RETURN a.juniorFte AS fte",
					Map.of("rev", "dfid/" + revision, "key", post)).single().get("fte").asDouble();
		}
	}

	private double totalJuniorFte(int revision) {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (a:Position {rev: $rev}) RETURN sum(a.juniorFte) AS fte",
					Map.of("rev", "dfid/" + revision)).single().get("fte").asDouble();
		}
	}

}
