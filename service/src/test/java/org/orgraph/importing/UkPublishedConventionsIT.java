package org.orgraph.importing;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 15: a release in the published format with blank and withheld names, an eliminated
 * reference that is also held, a line to an eliminated post and placeholder functions, loaded
 * end to end and asked about as a user would.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UkPublishedConventionsIT extends IntegrationTestSupport {

	static final String RELEASE = "published-conventions/department_for_examples-2024-03-31";

	Imports.Answer answer;

	@BeforeAll
	void importTheRelease() throws IOException {
		this.answer = imports().files("examples", "uk-organogram", Imports.organogram(RELEASE));
	}

	@Test
	void shouldCountOnlyVacantPostsAsVacant() {
		assertThat(this.answer.status()).as(this.answer.body().toString()).isEqualTo(201);
		assertThat(this.answer.counts().get("positions")).isEqualTo(11);
		this.graphQl.document("{ orgMetrics(org: \"examples\") { positions vacantPositions filled juniorFte } }")
			.execute()
			.path("orgMetrics.positions").entity(Integer.class).isEqualTo(11)
			.path("orgMetrics.vacantPositions").entity(Integer.class).isEqualTo(2)
			.path("orgMetrics.filled").entity(Integer.class).isEqualTo(9)
			// 47.5 FTE in the junior file, 5 of it under the eliminated D4
			.path("orgMetrics.juniorFte").entity(Double.class).satisfies(f -> assertThat(f).isCloseTo(42.5, within(1e-9)));
	}

	@Test
	void shouldCountEveryListAcrossItsPages() {
		this.graphQl.document("""
				{ organization(key: "examples") {
				    units(first: 1) { totalCount pageInfo { hasNextPage } }
				    positions(first: 2) { totalCount edges { node { key } } }
				    people(first: 1) { totalCount }
				    duties(first: 1) { totalCount } }
				  vacancies(org: "examples") {
				    positions(first: 1, status: [SHORTFALL]) { totalCount edges { node { position { key } reason zh: reason(lang: "zh") } } }
				    all: positions(first: 1) { totalCount }
				    units(first: 1, status: [SHORTFALL]) { totalCount } }
				  unitMetrics(org: "examples", first: 1) { totalCount } }""")
			.execute()
			// a department, its organisation and three units; eleven posts; nine holders; eleven functions
			.path("organization.units.totalCount").entity(Integer.class).isEqualTo(4)
			.path("organization.units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("organization.positions.totalCount").entity(Integer.class).isEqualTo(11)
			.path("organization.positions.edges").entityList(Object.class).hasSize(2)
			.path("organization.people.totalCount").entity(Integer.class).isEqualTo(9)
			.path("organization.duties.totalCount").entity(Integer.class).isEqualTo(11)
			// the two Vacant posts are the shortfall
			.path("vacancies.positions.totalCount").entity(Integer.class).isEqualTo(2)
			.path("vacancies.positions.edges[0].node.reason").entity(String.class)
			.isEqualTo("D1 \"Director Strategy\": 1 seat, nobody holds it: 1 seat vacant (缺编).")
			.path("vacancies.positions.edges[0].node.zh").entity(String.class)
			.isEqualTo("D1 \"Director Strategy\"：1 个席位，无人任职：缺编 1 个席位。")
			.path("vacancies.all.totalCount").entity(Integer.class).isEqualTo(11)
			.path("vacancies.units.totalCount").entity(Integer.class).isEqualTo(3)
			.path("unitMetrics.totalCount").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void shouldSayWhyAPostIsATop() {
		assertThat(this.answer.warnings()).filteredOn(w -> "ELIMINATED_POST".equals(w.get("code")))
			.extracting(w -> (String) w.get("message"))
			.contains("post DD1 reports to D4, which is marked Eliminated on line 9; loaded as a top post without a reporting line");
		assertThat(this.answer.warnings()).filteredOn(w -> "DUPLICATE_ROW".equals(w.get("code"))).hasSize(1);
	}

	@Test
	void shouldExplainTheTopLeftByAnEliminatedManagerAndCountLinesOutsideTheUnitTree() {
		this.graphQl.document("""
				{ reportingAnomalies(org: "examples") {
				    tops { position { key } reason zh: reason(lang: "zh") }
				    linesOutsideUnit { position { key } manager { key } }
				    linesOutsideUnitCount } }""")
			.execute()
			.path("reportingAnomalies.tops[*].position.key").entityList(String.class).containsExactly("DD1", "PS1")
			.path("reportingAnomalies.tops[0].reason").entity(String.class)
			.satisfies(r -> assertThat(r).contains("DD1 (Deputy Director Estates) has no solid line above it because the post it reports to, D4, is marked Eliminated"))
			.path("reportingAnomalies.tops[0].zh").entity(String.class)
			.isEqualTo("共 2 个顶层之一：DD1 (Deputy Director Estates) 上面没有实线汇报关系，因为它汇报的岗位 D4 在发布文件中标为已撤销（Eliminated）；直接下属 0 个岗位，全部下属 0 个")
			.path("reportingAnomalies.tops[1].reason").entity(String.class)
			.satisfies(r -> assertThat(r).doesNotContain("Eliminated"))
			// the two directors general sit in their groups and report to the Private Office
			.path("reportingAnomalies.linesOutsideUnit[*].position.key").entityList(String.class).containsExactly("DG1", "DG2")
			.path("reportingAnomalies.linesOutsideUnitCount").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void shouldMarkPlaceholdersAndLeaveThemOutOfOverlapsAndOrphans() {
		List<Map<String, Object>> duties = this.graphQl
			.document("{ organization(key: \"examples\") { duties(first: 100) { edges { node { key text placeholder } } } } }")
			.execute()
			.path("organization.duties.edges[*].node")
			.entityList(MAP)
			.get();
		assertThat(duties).filteredOn(d -> Boolean.TRUE.equals(d.get("placeholder")))
			.extracting(d -> d.get("key"))
			.containsExactlyInAnyOrder("DG1-function", "D2-function", "DD1-function", "DD2-function", "DD5-function");
		List<String> overlapping = this.graphQl
			.document("{ dutyOverlaps(org: \"examples\", mode: EXACT) { edges { node { duties { key text } } } } }")
			.execute()
			.path("dutyOverlaps.edges[*].node.duties[*].key")
			.entityList(String.class)
			.get();
		// the real duty held twice is found; "Information withheld…" on four posts is not a duty held four times
		assertThat(overlapping).containsExactlyInAnyOrder("DD3-function", "DD4-function");
		List<String> orphaned = this.graphQl
			.document("{ orphanedDuties(org: \"examples\") { duty { key } reason } }")
			.execute()
			.path("orphanedDuties[*].duty.key")
			.entityList(String.class)
			.get();
		assertThat(orphaned).doesNotContain("DG1-function", "D2-function", "DD1-function", "DD2-function", "DD5-function");
	}

	@Test
	void shouldNameTheRevisionByTheDateTheDataDescribesAndTakeADateFromTheForm() {
		this.graphQl.document("{ organization(key: \"examples\") { revisions { number asOf label createdAt } } }")
			.execute()
			.path("organization.revisions[0].asOf").entity(String.class).isEqualTo("2024-03-31")
			.path("organization.revisions[0].label").entity(String.class).isEqualTo("2024-03-31");

		Imports.Answer dated = upload("examples-dated", "30/09/2024");
		assertThat(dated.status()).as(dated.body().toString()).isEqualTo(201);
		this.graphQl.document("{ organization(key: \"examples-dated\") { revisions { asOf } } }")
			.execute()
			.path("organization.revisions[0].asOf").entity(String.class).isEqualTo("2024-09-30");

		Imports.Answer bad = upload("examples-bad-date", "last spring");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.errors()).singleElement()
			.satisfies(e -> assertThat(e.get("code")).isEqualTo("BAD_VALUE"))
			.satisfies(e -> assertThat((String) e.get("message")).contains("asOf \"last spring\" is not a date"));
		this.graphQl.document("{ organization(key: \"examples-bad-date\") { key } }")
			.execute()
			.path("organization").valueIsNull();
	}

	private Imports.Answer upload(String org, String asOf) {
		try {
			MultipartBodyBuilder body = new MultipartBodyBuilder();
			Imports.organogram(RELEASE).forEach((name, bytes) -> body.part("file", new ByteArrayResource(bytes) {
				@Override
				public String getFilename() {
					return name;
				}
			}).contentType(MediaType.APPLICATION_OCTET_STREAM));
			body.part("format", "uk-organogram");
			body.part("asOf", asOf);
			var result = this.http.post()
				.uri("/api/v1/orgs/{key}/imports", org)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(BodyInserters.fromMultipartData(body.build()))
				.exchange()
				.expectBody(MAP)
				.returnResult();
			return new Imports.Answer(result.getStatus().value(), result.getResponseBody());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

}
