package org.orgraph.duties;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.withCode;

/** Overlaps and orphans on the seed-derived demo organisations, checked by reading their documents. */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyAnalyticsIT extends IntegrationTestSupport {

	@BeforeAll
	void importDemoOrganizations() throws Exception {
		imports().demo("online-ops-dept", "hotel-ops-centre", "ops-team-three-depts", "commercial-mgmt-company");
	}

	@Test
	void shouldFindTheDutyTheDepartmentAndItsDataTeamBothHold() {
		// 线上运营管理部门 (U00) and its 数据分析团队 (U02) both list 跟踪和分析用户行为,优化用户体验和业务运营;
		// the team has no head, so the department's 部门领导 (P01) would settle it.
		this.graphQl.documentName("dutyOverlaps")
			.variable("org", "online-ops-dept")
			.variable("mode", "EXACT")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("dutyOverlaps.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("EXACT")
			.path("dutyOverlaps.edges[0].node.score")
			.entity(Double.class)
			.isEqualTo(1.0)
			.path("dutyOverlaps.edges[0].node.duties[*].holder.key")
			.entityList(String.class)
			.containsExactly("U00", "U02")
			.path("dutyOverlaps.edges[0].node.duties[0].text")
			.entity(String.class)
			.isEqualTo("跟踪和分析用户行为,优化用户体验和业务运营")
			.path("dutyOverlaps.edges[0].node.relation")
			.entity(String.class)
			.isEqualTo("PARENT_CHILD")
			.path("dutyOverlaps.edges[0].node.settledBy.key")
			.entity(String.class)
			.isEqualTo("P01")
			.path("dutyOverlaps.edges[0].node.explanation")
			.entity(String.class)
			.satisfies(e -> assertThat(e).contains("数据分析团队").contains("a unit and one of its sub-units").contains("部门领导 (P01)"));
	}

	@Test
	void shouldFindTheSupervisingAndGuidingDutiesAsSimilarWithTheirEvidence() {
		// 总经理办公室 (U01): 监督各部门的运营工作,确保酒店的高效运营
		// 运营管理部 (U03, under U01): 指导各部门的运营工作,确保酒店的高效运营
		var response = HotelOverlaps.similarWithSupervisingAndGuidingFirst(this.graphQl);
		response.path("dutyOverlaps.edges[0].node.score")
			.entity(Double.class)
			.satisfies(score -> assertThat(score).isGreaterThanOrEqualTo(OverlapScorer.DEFAULT_MIN_SCORE).isLessThan(1.0));
		response.path("dutyOverlaps.edges[0].node.relation").entity(String.class).isEqualTo("PARENT_CHILD");
		response.path("dutyOverlaps.edges[0].node.settledBy.title").entity(String.class).isEqualTo("总经理");
		response.path("dutyOverlaps.edges[0].node.evidence.matched")
			.entityList(String.class)
			.satisfies(matched -> assertThat(String.join("", matched)).contains("运营"));
		response.path("dutyOverlaps.edges[0].node.evidence.onlyInFirst")
			.entityList(String.class)
			.satisfies(only -> assertThat(String.join("", only)).contains("监督"));
		response.path("dutyOverlaps.edges[0].node.extent").entity(String.class).isEqualTo("FULL");
		response.path("dutyOverlaps.edges[0].node.evidence.meaning")
			.entity(Double.class)
			.satisfies(cosine -> assertThat(cosine).isGreaterThan(0.8));
		// the same action on a shared object (制定 + 目标), the rest different: found, although no word
		// template matches it
		int edges = response.path("dutyOverlaps.edges").entityList(Object.class).get().size();
		List<List<String>> pairs = new java.util.ArrayList<>();
		for (int i = 0; i < edges; i++) {
			pairs.add(response.path("dutyOverlaps.edges[" + i + "].node.duties[*].text").entityList(String.class).get());
		}
		assertThat(pairs).anySatisfy(pair -> assertThat(pair).containsExactlyInAnyOrder("制定酒店的运营规划和目标",
				"制定酒店的战略目标和计划"));
	}

	@Test
	void shouldExportTheOverlapsAndOrphansForSpreadsheets() {
		List<java.util.Map<String, Object>> overlaps = this.http.get()
			.uri("/api/v1/orgs/online-ops-dept/exports/overlaps.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<java.util.Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(overlaps).filteredOn(row -> "EXACT".equals(row.get("kind"))).singleElement().satisfies(row -> {
			assertThat(row.get("relation")).isEqualTo("PARENT_CHILD");
			assertThat(row.get("settledBy")).isEqualTo("P01");
			assertThat(row.get("holderKeys")).isEqualTo(List.of("U00", "U02"));
		});
		String orphans = this.http.get()
			.uri("/api/v1/orgs/hotel-ops-centre/exports/orphans.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(orphans.lines().skip(1).filter(l -> l.contains(",UNIT_ONLY,")).count()).isEqualTo(15);
	}

	@Test
	void shouldRejectAScoreOutsideZeroToOne() {
		this.graphQl.document("{ dutyOverlaps(org: \"hotel-ops-centre\", mode: SIMILAR, minScore: 1.5) { totalCount } }")
			.execute()
			.errors()
			.expect(withCode("BAD_ARGUMENT"))
			.verify();
	}

	@Test
	void shouldFilterOverlapsByRelationAndUnitSubtree() {
		this.graphQl.document("""
				{ dutyOverlaps(org: "online-ops-dept", relations: [SIBLINGS]) { totalCount } }""")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		this.graphQl.document("""
				{ dutyOverlaps(org: "online-ops-dept", unit: "U01") { totalCount } }""")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		this.graphQl.document("""
				{ dutyOverlaps(org: "online-ops-dept", unit: "U02") { totalCount } }""")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void shouldCallDutiesOfUnitsWithoutPostsOrphaned() {
		// 酒店运营管理中心: only 总经理办公室 (U01) has a post; the five other units with duties
		// (U02–U06, three duties each) have none.
		List<String> reasons = this.graphQl.document("""
				{ orphanedDuties(org: "hotel-ops-centre") { duty { key holder { kind key } } reason explanation } }""")
			.execute()
			.path("orphanedDuties[*].reason")
			.entityList(String.class)
			.get();
		assertThat(reasons).hasSize(15).containsOnly("UNIT_ONLY");
		List<String> holders = this.graphQl.document("""
				{ orphanedDuties(org: "hotel-ops-centre") { duty { holder { key } } } }""")
			.execute()
			.path("orphanedDuties[*].duty.holder.key")
			.entityList(String.class)
			.get();
		assertThat(holders).containsOnly("U02", "U03", "U04", "U05", "U06").doesNotContain("U01");
	}

	@Test
	void shouldNotCallADutyOrphanedWhenAFilledPostElsewhereHoldsIt() {
		// 13 team duties of 线上运营管理部门 have no post, but the one the department itself also
		// holds (and its 部门领导 is filled) is covered.
		this.graphQl.document("""
				{ orphanedDuties(org: "online-ops-dept") { duty { key text } reason } }""")
			.execute()
			.path("orphanedDuties[*].duty.text")
			.entityList(String.class)
			.hasSize(12)
			.doesNotContain("跟踪和分析用户行为,优化用户体验和业务运营");
	}

	@Test
	void shouldFlagDutiesHeldOnlyThroughConcurrentPosts() {
		// In the commercial company E0002 holds both 副总经理 and 招商总监 (兼任, 0.5 each).
		List<String> reasons = this.graphQl.document("""
				{ orphanedDuties(org: "commercial-mgmt-company") { duty { holder { key } } reason explanation } }""")
			.execute()
			.path("orphanedDuties[*].reason")
			.entityList(String.class)
			.get();
		assertThat(reasons).contains("ONLY_CONCURRENT", "ALL_HOLDERS_VACANT");
	}

	@Test
	void shouldListPostsWithoutDutiesAndEmptyUnits() {
		// ops-team-three-depts has units and duties but no posts at all; its top unit has no duties.
		this.graphQl.document("""
				{ dutyGaps(org: "ops-team-three-depts") { positionsWithoutDuties { key } unitsWithoutPositionsOrDuties { key name } }
				  orphanedDuties(org: "ops-team-three-depts") { reason } }""")
			.execute()
			.path("dutyGaps.positionsWithoutDuties")
			.entityList(Object.class)
			.hasSize(0)
			.path("dutyGaps.unitsWithoutPositionsOrDuties[*].key")
			.entityList(String.class)
			.containsExactly("U00")
			.path("orphanedDuties[*].reason")
			.entityList(String.class)
			.hasSize(11)
			.satisfies(reasons -> assertThat(reasons).containsOnly("UNIT_ONLY"));
	}

}
