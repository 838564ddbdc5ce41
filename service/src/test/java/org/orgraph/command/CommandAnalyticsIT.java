package org.orgraph.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlDocuments.execute;
import static org.orgraph.GraphQlErrors.expectCode;

/**
 * Reports, span of control, layers and reporting anomalies on the DFID organograms (checked
 * against the CSVs), demo organisations, and an organisation rewritten into a cycle.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandAnalyticsIT extends IntegrationTestSupport {

	CommandFixtures.Snapshot march;

	CommandFixtures.Snapshot september;

	@BeforeAll
	void importOrganizations() throws IOException {
		CommandFixtures.importAll(imports(), this.driver, "hotel-ops-centre", "commercial-mgmt-company",
				"training-ops-dept");
		this.march = CommandFixtures.snapshot(Imports.DFID_MARCH);
		this.september = CommandFixtures.snapshot(Imports.DFID_SEPTEMBER);
	}

	@Test
	void shouldCountEveryPostUnderThePermanentSecretaryButTheOtherTops() {
		// March: 75 posts, tops A1 and A11 (nobody under A11): 73 posts are under A1
		assertThat(this.march.rows()).hasSize(75);
		assertThat(this.march.tops()).containsExactly("A1", "A11");
		assertThat(under(this.march, "A1")).isEqualTo(73);
		reports("dfid", "A1", false, 1, null, 1).path("reports.totalCount").entity(Integer.class).isEqualTo(73);
		// September: 89 posts, tops A1 and the self-reporting B52, B130, B41 (nobody under them)
		assertThat(this.september.tops()).containsExactly("A1", "B130", "B41", "B52");
		assertThat(under(this.september, "A1")).isEqualTo(85);
		reports("dfid", "A1", false, 1, null, 2).path("reports.totalCount").entity(Integer.class).isEqualTo(85);
		// the current revision is September's
		reports("dfid", "A1", false, 1, null, null).path("reports.totalCount").entity(Integer.class).isEqualTo(85);
		reports("dfid", "A11", false, 10, null, 1).path("reports.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void shouldCountWithoutAPageWhenOnlyTheCountIsAskedFor() {
		count("dfid", "A1", false, 1).path("reports.totalCount").entity(Integer.class).isEqualTo(73);
		count("dfid", "A1", false, null).path("reports.totalCount").entity(Integer.class).isEqualTo(85);
		count("dfid", "A11", false, 1).path("reports.totalCount").entity(Integer.class).isEqualTo(0);
		count("dfid", "A1", true, null)
			.path("reports.totalCount")
			.entity(Integer.class)
			.isEqualTo(reports("dfid", "A1", true, 100, null, null).path("reports.edges")
				.entityList(Object.class)
				.get()
				.size());
		expectCode(this.graphQl.documentName("reportsCount").variable("org", "dfid").variable("position", "B999"),
				"NOT_FOUND");
		expectCode(this.graphQl.documentName("reportsCount")
			.variable("org", "dfid")
			.variable("position", "B999")
			.variable("direct", true), "NOT_FOUND");
	}

	@Test
	void shouldListDirectReportsInKeyOrderWithTheirSpans() {
		// read off the March CSV: the posts whose "Reports to Senior Post" is A1
		GraphQlTester.Response response = reports("dfid", "A1", true, null, null, 1);
		response.path("reports.edges[*].node.key").entityList(String.class).containsExactly("A2", "A22", "A3", "A5", "B108");
		response.path("reports.totalCount").entity(Integer.class).isEqualTo(5);
		response.path("reports.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<Integer> spans = response.path("reports.edges[*].node.span").entityList(Integer.class).get();
		List<String> keys = List.of("A2", "A22", "A3", "A5", "B108");
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			long direct = this.march.manager().values().stream().filter(key::equals).count();
			assertThat(spans.get(i)).as(key).isEqualTo((int) direct);
		}
		response.path("reports.edges[*].node.layer").entityList(Integer.class).satisfies(list -> assertThat(list).containsOnly(1));
		this.graphQl.document("{ organization(key: \"dfid\") { position(key: \"A1\", revision: 1) { span layer } } }")
			.execute()
			.path("organization.position.span")
			.entity(Integer.class)
			.isEqualTo(5)
			.path("organization.position.layer")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void shouldPageThroughIndirectReportsByKey() {
		List<String> keys = new ArrayList<>();
		String after = null;
		boolean more = true;
		int pages = 0;
		while (more) {
			GraphQlTester.Response page = reports("dfid", "A1", false, 10, after, 1);
			keys.addAll(page.path("reports.edges[*].node.key").entityList(String.class).get());
			page.path("reports.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			more = page.path("reports.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("reports.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(8);
		List<String> expected = this.march.rows()
			.keySet()
			.stream()
			.filter(p -> !p.equals("A1") && this.march.chain(p).getLast().equals("A1"))
			.sorted()
			.toList();
		assertThat(keys).hasSize(73).doesNotHaveDuplicates().isSorted().isEqualTo(expected);
		// B53 sits five links below A1 (B53 → B44 → B89 → A10 → A22 → A1)
		GraphQlTester.Response b53 = reports("dfid", "A10", false, 100, null, 1);
		List<String> underA10 = b53.path("reports.edges[*].node.key").entityList(String.class).get();
		assertThat(underA10).contains("B89", "B44", "B53").doesNotContain("A10", "A22");
		assertThat(layerOf(b53, "B53")).isEqualTo(5);
	}

	@Test
	void shouldCountLayersAsTheCsvDoes() {
		// March: the longest chain has 6 posts (e.g. B53 … A1); September: 5
		int marchLayers = this.march.rows().keySet().stream().mapToInt(p -> this.march.chain(p).size()).max().orElseThrow();
		int septemberLayers = this.september.rows().keySet().stream().mapToInt(p -> this.september.chain(p).size()).max().orElseThrow();
		assertThat(marchLayers).isEqualTo(6);
		assertThat(septemberLayers).isEqualTo(5);
		this.graphQl.document("{ organization(key: \"dfid\") { march: layers(revision: 1) september: layers } }")
			.execute()
			.path("organization.march")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("organization.september")
			.entity(Integer.class)
			.isEqualTo(5);
	}

	@Test
	void shouldReportTheTwoMarchTopsAndNothingElseAboutTheirLines() {
		GraphQlTester.Response response = anomalies("dfid", 1, null);
		response.path("reportingAnomalies.revision").entity(Integer.class).isEqualTo(1);
		response.path("reportingAnomalies.tops[*].position.key").entityList(String.class).containsExactly("A1", "A11");
		response.path("reportingAnomalies.tops[*].postsUnder").entityList(Integer.class).containsExactly(73, 0);
		response.path("reportingAnomalies.tops[*].directReports").entityList(Integer.class).containsExactly(5, 0);
		response.path("reportingAnomalies.tops[1].reason")
			.entity(String.class)
			.satisfies(reason -> assertThat(reason).startsWith("one of 2 tops: A11 (").contains("no solid line above it"));
		response.path("reportingAnomalies.cycles").entityList(Object.class).hasSize(0);
		response.path("reportingAnomalies.postsWithoutTop").entityList(Object.class).hasSize(0);
		response.path("reportingAnomalies.concurrentPosts").entityList(Object.class).hasSize(0);
	}

	@Test
	void shouldReportTheSeptemberSelfReportsAsExtraTops() {
		GraphQlTester.Response response = anomalies("dfid", null, null);
		response.path("reportingAnomalies.revision").entity(Integer.class).isEqualTo(2);
		response.path("reportingAnomalies.tops[*].position.key")
			.entityList(String.class)
			.containsExactly("A1", "B130", "B41", "B52");
		response.path("reportingAnomalies.tops[*].postsUnder").entityList(Integer.class).containsExactly(85, 0, 0, 0);
	}

	@Test
	void shouldFindStatedLinesThatLeaveTheUnitAsTheCsvPlacesThem() {
		// every DFID unit hangs directly under the organisation unit, so a line is outside when
		// the manager sits in another Unit of the CSV
		for (int revision = 1; revision <= 2; revision++) {
			CommandFixtures.Snapshot csv = revision == 1 ? this.march : this.september;
			List<String> expected = csv.manager()
				.entrySet()
				.stream()
				.filter(e -> !csv.unit(e.getKey()).equals(csv.unit(e.getValue())))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			List<String> actual = anomalies("dfid", revision, null).path("reportingAnomalies.linesOutsideUnit[*].position.key")
				.entityList(String.class)
				.get();
			assertThat(actual).as("revision " + revision).isEqualTo(expected);
			assertThat(actual).hasSize(revision == 1 ? 26 : 8);
		}
		GraphQlTester.Response march = anomalies("dfid", 1, null);
		List<Map<String, Object>> lines = march.path("reportingAnomalies.linesOutsideUnit")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		Map<String, Object> b53 = lines.stream().filter(keyIs("B53")).findFirst().orElseThrow();
		assertThat(b53.get("reason")).isEqualTo("B53 (Deputy Director, Head of Global Partnerships Department) in "
				+ "Policy & International reports to B44 (Head of the DFID-Pakistan Flood "
				+ "Response Team) in Country programmes, which is neither its own unit nor a unit above it");
		// the demo documents place 部门 heads under 总经理 in the 高层管理团队 office, a sibling unit
		anomalies("commercial-mgmt-company", null, null).path("reportingAnomalies.linesOutsideUnit[*].position.key")
			.entityList(String.class)
			.containsExactly("P03", "P07", "P11", "P14", "P18", "P21");
	}

	@Test
	void shouldFindUnitsNobodyHeads() {
		// 酒店运营管理中心 has one post, 总经理 in 总经理办公室 (U01): the other seven units have no head
		GraphQlTester.Response response = anomalies("hotel-ops-centre", null, null);
		response.path("reportingAnomalies.unitsWithoutHead[*].unit.key")
			.entityList(String.class)
			.containsExactly("U00", "U02", "U03", "U04", "U05", "U06", "U07");
		response.path("reportingAnomalies.unitsWithoutHead[*].positions").entityList(Integer.class).satisfies(list -> assertThat(list).containsOnly(0));
		response.path("reportingAnomalies.unitsWithoutHead[*].childUnits")
			.entityList(Integer.class)
			.containsExactly(2, 0, 0, 0, 2, 0, 0);
		response.path("reportingAnomalies.unitsWithoutHead[4].reason")
			.entity(String.class)
			.isEqualTo("no post heads 营销部 (U05): it has no posts of its own (2 child units)");
		response.path("reportingAnomalies.tops").entityList(Object.class).hasSize(0);
	}

	@Test
	void shouldListPeopleOverTheConcurrentPostThreshold() {
		anomalies("commercial-mgmt-company", null, null).path("reportingAnomalies.concurrentPosts")
			.entityList(Object.class)
			.hasSize(0);
		GraphQlTester.Response response = anomalies("commercial-mgmt-company", null, 1);
		response.path("reportingAnomalies.maxConcurrentPosts").entity(Integer.class).isEqualTo(1);
		response.path("reportingAnomalies.concurrentPosts[*].person.key").entityList(String.class).containsExactly("E0002");
		response.path("reportingAnomalies.concurrentPosts[0].posts[*].key").entityList(String.class).containsExactly("P02", "P03");
		response.path("reportingAnomalies.concurrentPosts[0].count").entity(Integer.class).isEqualTo(2);
		response.path("reportingAnomalies.concurrentPosts[0].reason")
			.entity(String.class)
			.isEqualTo("person E0002 holds 2 posts, more than 1: P02 (副总经理), P03 (招商总监)");
		expectCode(this.graphQl.documentName("reportingAnomalies")
			.variable("org", "commercial-mgmt-company")
			.variable("maxConcurrentPosts", -1), "BAD_ARGUMENT");
	}

	@Test
	void shouldReportTheCycleAndThePostsThatNeverReachATop() {
		GraphQlTester.Response response = anomalies("loop", null, null);
		response.path("reportingAnomalies.cycles[*].positions[*].key").entityList(String.class).containsExactly("P10", "P11");
		response.path("reportingAnomalies.cycles[0].reason")
			.entity(String.class)
			.isEqualTo("the solid lines loop: P10 (市场部经理) → P11 (市场推广人员) → P10 (市场部经理), so none of these 2 posts reaches a top");
		// on the cycle, running into it, and the chain of 70 vacant posts beyond 64 links
		response.path("reportingAnomalies.postsWithoutTop[*].position.key")
			.entityList(String.class)
			.containsExactly("L65", "L66", "L67", "L68", "L69", "L70", "P10", "P11", "P12");
		response.path("reportingAnomalies.postsWithoutTop[*].cycleEntry.key")
			.entityList(String.class)
			.containsExactly("P10", "P11", "P10");
		response.path("reportingAnomalies.postsWithoutTop[*].linksToCycle")
			.entityList(Integer.class)
			.containsExactly(null, null, null, null, null, null, 0, 0, 1);
		response.path("reportingAnomalies.postsWithoutTop[8].reason")
			.entity(String.class)
			.isEqualTo("P12 (客户服务代表) reaches no top: its chain runs into a reporting cycle at P10 (市场部经理) after 1 link");
		response.path("reportingAnomalies.postsWithoutTop[0].reason")
			.entity(String.class)
			.isEqualTo("L65 (Link 65) reaches no top within 64 solid reporting links");
		// P01 is the only top: the cycle has none
		response.path("reportingAnomalies.tops").entityList(Object.class).hasSize(0);
		// under P10: P11 and P12, never P10 itself
		reports("loop", "P10", false, 10, null, null).path("reports.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("P11", "P12");
		reports("loop", "P10", false, 10, null, null).path("reports.totalCount").entity(Integer.class).isEqualTo(2);
		this.graphQl.document("""
				{ organization(key: "loop") {
				    layers
				    p12: position(key: "P12") { layer span }
				    l64: position(key: "L64") { layer }
				    l65: position(key: "L65") { layer }
				} }""")
			.execute()
			.path("organization.layers")
			.entity(Integer.class)
			.isEqualTo(65)
			.path("organization.p12.layer")
			.valueIsNull()
			.path("organization.p12.span")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("organization.l64.layer")
			.entity(Integer.class)
			.isEqualTo(64)
			.path("organization.l65.layer")
			.valueIsNull();
	}

	@Test
	void shouldAnswerUnknownPositionsWithNotFoundAndUnknownOrganizationsWithNull() {
		expectCode(this.graphQl.documentName("reports").variable("org", "dfid").variable("position", "B999"), "NOT_FOUND");
		reports("no-such-org", "A1", null, null, null, null).path("reports").valueIsNull();
		anomalies("no-such-org", null, null).path("reportingAnomalies").valueIsNull();
		expectCode(this.graphQl.documentName("reports")
			.variable("org", "dfid")
			.variable("position", "A1")
			.variable("after", "bm90LWEtY3Vyc29y"), "INVALID_CURSOR");
	}

	private int under(CommandFixtures.Snapshot csv, String top) {
		return (int) csv.rows().keySet().stream().filter(p -> !p.equals(top) && csv.chain(p).getLast().equals(top)).count();
	}

	private static Integer layerOf(GraphQlTester.Response response, String key) {
		List<Map<String, Object>> nodes = response.path("reports.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return (Integer) nodes.stream().filter(n -> key.equals(n.get("key"))).findFirst().orElseThrow().get("layer");
	}

	private static Predicate<Map<String, Object>> keyIs(String key) {
		return line -> line.get("position") instanceof Map<?, ?> p && key.equals(p.get("key"));
	}

	private GraphQlTester.Response reports(String org, String position, Boolean direct, Integer first, String after,
			Integer revision) {
		return execute(this.graphQl, "reports", "org", org, "position", position, "direct", direct, "first", first,
				"after", after, "revision", revision);
	}

	private GraphQlTester.Response count(String org, String position, Boolean direct, Integer revision) {
		return execute(this.graphQl, "reportsCount", "org", org, "position", position, "direct", direct, "revision",
				revision);
	}

	private GraphQlTester.Response anomalies(String org, Integer revision, Integer maxConcurrentPosts) {
		GraphQlTester.Request<?> request = this.graphQl.documentName("reportingAnomalies")
			.variable("org", org)
			.variable("revision", revision);
		if (maxConcurrentPosts != null) {
			request = request.variable("maxConcurrentPosts", maxConcurrentPosts);
		}
		return request.execute();
	}

}
