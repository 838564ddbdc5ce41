package org.orgraph.duties;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: orphaned duties as a connection with totalCount, grouped where one cause explains
 * many, and explained in Chinese or English.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrphanFindingsIT extends IntegrationTestSupport {

	@BeforeAll
	void importDemoOrganizations() throws Exception {
		imports().demo("hotel-ops-centre", "commercial-mgmt-company");
	}

	@Test
	void shouldGroupDutiesOfUnitsWithoutPostsIntoOneFinding() {
		// 酒店运营管理中心: five units with three duties each and no post (DutyAnalyticsIT)
		this.graphQl.document("""
				{ orphanFindings(org: "hotel-ops-centre") { totalCount dutyCount
				    edges { node { id reason dutyCount holderCount holders { key } duties(first: 2) { duty { key } }
				                   en: explanation(lang: "en") zh: explanation(lang: "zh-CN") } } } }""")
			.execute()
			.path("orphanFindings.totalCount").entity(Integer.class).isEqualTo(1)
			.path("orphanFindings.dutyCount").entity(Integer.class).isEqualTo(15)
			.path("orphanFindings.edges[0].node.reason").entity(String.class).isEqualTo("UNIT_ONLY")
			.path("orphanFindings.edges[0].node.holderCount").entity(Integer.class).isEqualTo(5)
			.path("orphanFindings.edges[0].node.holders[*].key").entityList(String.class)
			.containsExactly("U02", "U03", "U04", "U05", "U06")
			.path("orphanFindings.edges[0].node.duties").entityList(Object.class).hasSize(2)
			.path("orphanFindings.edges[0].node.en").entity(String.class)
			.isEqualTo("5 units have duties but no posts: 15 duties nobody holds")
			.path("orphanFindings.edges[0].node.zh").entity(String.class)
			.isEqualTo("5 个部门有职责却没有岗位：共 15 项职责无人承担");
	}

	@Test
	void shouldPageOrphanedDutiesWithTheirTotal() {
		List<String> all = this.graphQl.document("{ orphanedDuties(org: \"commercial-mgmt-company\") { duty { key } } }")
			.execute()
			.path("orphanedDuties[*].duty.key")
			.entityList(String.class)
			.get();
		assertThat(all).hasSizeGreaterThan(2);
		this.graphQl.document("""
				{ orphanedDutiesPage(org: "commercial-mgmt-company", first: 2) {
				    totalCount pageInfo { hasNextPage } edges { node { duty { key } reason } } } }""")
			.execute()
			.path("orphanedDutiesPage.totalCount").entity(Integer.class).isEqualTo(all.size())
			.path("orphanedDutiesPage.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("orphanedDutiesPage.edges[*].node.duty.key").entityList(String.class).containsExactly(all.subList(0, 2).toArray(String[]::new));
		// the findings account for every orphaned duty once
		List<Integer> counts = this.graphQl.document("{ orphanFindings(org: \"commercial-mgmt-company\") { edges { node { dutyCount } } } }")
			.execute()
			.path("orphanFindings.edges[*].node.dutyCount")
			.entityList(Integer.class)
			.get();
		assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all.size());
	}

	@Test
	void shouldExplainOverlapsInChineseToo() {
		// 总经理办公室 监督… and its sub-unit 运营管理部 指导… (README tour)
		this.graphQl.document("""
				{ dutyOverlaps(org: "hotel-ops-centre", mode: SIMILAR) { edges { node {
				    en: explanation(lang: "en") zh: explanation(lang: "zh") } } } }""")
			.execute()
			.path("dutyOverlaps.edges[0].node.en").entity(String.class)
			.satisfies(e -> assertThat(e).startsWith("Two duties state the same responsibility in other words").contains("Settled by 总经理 (P01)"))
			.path("dutyOverlaps.edges[0].node.zh").entity(String.class)
			.satisfies(z -> assertThat(z).startsWith("两项职责措辞不同，但说的是同一项职责：")
				.contains("由部门 总经理办公室（U01）承担", "承担者之间：一个部门和它的下级部门", "由 总经理（P01）协调解决")
				.doesNotContain("Settled", "held"));
	}

	@Test
	void shouldExplainInTheLanguageTheRequestAsksFor() {
		String query = "{ orphanedDuties(org: \"commercial-mgmt-company\") { reason explanation } }";
		List<String> chinese = this.graphQl.mutate()
			.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
			.build()
			.document(query)
			.execute()
			.path("orphanedDuties[*].explanation")
			.entityList(String.class)
			.get();
		List<String> english = this.graphQl.mutate()
			.header("Accept-Language", "en-GB")
			.build()
			.document(query)
			.execute()
			.path("orphanedDuties[*].explanation")
			.entityList(String.class)
			.get();
		assertThat(chinese).isNotEmpty().allSatisfy(e -> assertThat(e).containsPattern("[承担空缺兼任]").doesNotContain("held", "vacant"));
		assertThat(english).hasSameSizeAs(chinese).allSatisfy(e -> assertThat(e).containsAnyOf("held", "vacant"));
		// the argument wins over the header
		this.graphQl.mutate()
			.header("Accept-Language", "zh-CN")
			.build()
			.document("{ orphanedDuties(org: \"commercial-mgmt-company\") { explanation(lang: \"en\") } }")
			.execute()
			.path("orphanedDuties[*].explanation")
			.entityList(String.class)
			.containsExactly(english.toArray(String[]::new));
	}

}
