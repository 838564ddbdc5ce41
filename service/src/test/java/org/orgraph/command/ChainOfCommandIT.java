package org.orgraph.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlDocuments.execute;
import static org.orgraph.GraphQlErrors.expectCode;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * Chains of command and common superiors on the DFID organograms, demo organisations, and an
 * organisation whose lines were rewritten into a cycle and a chain longer than the bound.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainOfCommandIT extends IntegrationTestSupport {

	@BeforeAll
	void importOrganizations() throws IOException {
		CommandFixtures.importAll(imports(), this.driver, "commercial-mgmt-company", "training-ops-dept",
				"car-rental-ops-company");
	}

	@Test
	void shouldWalkB53UpToThePermanentSecretaryAsTheMarchCsvStatesIt() {
		// read by hand off the March senior file: B53 → B44 → B89 → A10 → A22 → A1 → XX
		GraphQlTester.Response response = chain("dfid", null, "B53", 1);
		response.path("chainOfCommand").entityList(Object.class).hasSize(1);
		response.path("chainOfCommand[0].links[*].position.key")
			.entityList(String.class)
			.containsExactly("B53", "B44", "B89", "A10", "A22", "A1");
		response.path("chainOfCommand[0].links[*].depth").entityList(Integer.class).containsExactly(0, 1, 2, 3, 4, 5);
		response.path("chainOfCommand[0].links[*].position.title")
			.entityList(String.class)
			.containsExactly("Deputy Director, Head of Global Partnerships Department",
					"Head of the DFID-Pakistan Flood Response Team", "Deputy Director, Head of DFID Pakistan",
					"Director of Western Asia & Stabilisation",
					"Director General Humanitarian, Security, Conflict and International Finance", "Permanent Secretary");
		response.path("chainOfCommand[0].links[*].position.unit.name")
			.entityList(String.class)
			.containsExactly("Policy & International", "Country programmes", "Country programmes", "Country programmes",
					"Policy & International", "DFID");
		response.path("chainOfCommand[0].links[*].holders[0].name")
			.entityList(String.class)
			.containsExactly("Curtis Ian", "Barrett John", "Turkington George", "Moazzam Malik", "Bowman Mark",
					"Mark Lowcock");
		response.path("chainOfCommand[0].links[*].vacant").entityList(Boolean.class).satisfies(list -> assertThat(list).containsOnly(false));
		response.path("chainOfCommand[0].links[*].line").entityList(Boolean.class).containsExactly(true, true, true, true, true, null);
		response.path("chainOfCommand[0].links[*].derived")
			.entityList(Boolean.class)
			.containsExactly(false, false, false, false, false, null);
		response.path("chainOfCommand[0].top.key").entity(String.class).isEqualTo("A1");
		response.path("chainOfCommand[0].cycle").entity(Boolean.class).isEqualTo(false);
		response.path("chainOfCommand[0].truncated").entity(Boolean.class).isEqualTo(false);
		response.path("chainOfCommand[0].person").valueIsNull();
	}

	@Test
	void shouldMatchTheCsvForEveryPostOfBothDfidSnapshots() throws IOException {
		for (int revision = 1; revision <= 2; revision++) {
			CommandFixtures.Snapshot csv = CommandFixtures
				.snapshot(revision == 1 ? Imports.DFID_MARCH : Imports.DFID_SEPTEMBER);
			for (String post : csv.rows().keySet()) {
				List<String> expected = csv.chain(post);
				GraphQlTester.Response response = chain("dfid", null, post, revision);
				assertThat(response.path("chainOfCommand[0].links[*].position.key").entityList(String.class).get())
					.as(post + " in revision " + revision)
					.isEqualTo(expected);
				response.path("chainOfCommand[0].top.key").entity(String.class).isEqualTo(expected.getLast());
			}
		}
	}

	@Test
	void shouldGiveAPersonHoldingTwoPostsOneChainPerPost() {
		// E0002 holds 副总经理 (P02) and 招商总监 (P03), 0.5 each; both report to 总经理 (P01)
		GraphQlTester.Response commercial = chain("commercial-mgmt-company", "E0002", null, null);
		commercial.path("chainOfCommand[*].post.key").entityList(String.class).containsExactly("P02", "P03");
		commercial.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P02", "P01");
		commercial.path("chainOfCommand[1].links[*].position.key").entityList(String.class).containsExactly("P03", "P01");
		commercial.path("chainOfCommand[*].person.key").entityList(String.class).containsExactly("E0002", "E0002");
		commercial.path("chainOfCommand[*].links[0].concurrent").entityList(Boolean.class).containsExactly(true, true);
		commercial.path("chainOfCommand[*].links[1].concurrent").entityList(Boolean.class).containsExactly(false, false);
		commercial.path("chainOfCommand[0].links[0].holdings[0].fte").entity(Double.class).isEqualTo(0.5);
		commercial.path("chainOfCommand[0].links[1].position.title").entity(String.class).isEqualTo("总经理");
		// in the training department E0002 holds 运营部经理 (P02) and 推广部主管 (P12), who is two links down
		GraphQlTester.Response training = chain("training-ops-dept", "E0002", null, null);
		training.path("chainOfCommand[*].post.key").entityList(String.class).containsExactly("P02", "P12");
		training.path("chainOfCommand[1].links[*].position.key")
			.entityList(String.class)
			.containsExactly("P12", "P09", "P01");
		training.path("chainOfCommand[1].links[*].position.unit.name")
			.entityList(String.class)
			.containsExactly("推广部", "市场部", "运营部");
		training.path("chainOfCommand[*].top.title").entityList(String.class).containsExactly("运营总监", "运营总监");
	}

	@Test
	void shouldFlagLinksTheImportDerivedFromUnitHeads() {
		// 课程顾问 (P05) states 总店长 (P04); 总店长 states nobody and heads 总店, so the import made
		// it report to the head of the parent unit 运营部, 运营总监 (P01)
		GraphQlTester.Response response = chain("training-ops-dept", null, "P05", null);
		response.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P05", "P04", "P01");
		response.path("chainOfCommand[0].links[*].derived").entityList(Boolean.class).containsExactly(false, true, null);
		response.path("chainOfCommand[0].links[*].line").entityList(Boolean.class).containsExactly(true, true, null);
		// 会计 (P08) states nobody: it reports to the head of 财务部, who states 总经理
		chain("car-rental-ops-company", null, "P08", null).path("chainOfCommand[0].links[*].derived")
			.entityList(Boolean.class)
			.containsExactly(true, false, null);
	}

	@Test
	void shouldShowVacantPostsAndActingHolders() {
		// 市场推广人员 (P11) is vacant; its manager 市场部经理 (P10) is held by Demo Person 007, acting
		GraphQlTester.Response response = chain("car-rental-ops-company", null, "P11", null);
		response.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P11", "P10", "P01");
		response.path("chainOfCommand[0].links[*].vacant").entityList(Boolean.class).containsExactly(true, false, false);
		response.path("chainOfCommand[0].links[0].holders").entityList(Object.class).hasSize(0);
		response.path("chainOfCommand[0].links[*].acting").entityList(Boolean.class).containsExactly(false, true, false);
		response.path("chainOfCommand[0].links[1].holders[*].name").entityList(String.class).containsExactly("Demo Person 007");
		response.path("chainOfCommand[0].links[1].holdings[0].acting").entity(Boolean.class).isEqualTo(true);
		response.path("chainOfCommand[0].links[*].concurrent").entityList(Boolean.class).satisfies(list -> assertThat(list).containsOnly(false));
	}

	@Test
	void shouldReportACycleInsteadOfLooping() throws IOException {
		// a document with the cycle is refused by the import, so the fixture wrote it in Cypher
		String document = new ClassPathResource("demo/car-rental-ops-company.json").getContentAsString(StandardCharsets.UTF_8)
			.replace("\"key\": \"car-rental-ops-company\"", "\"key\": \"cycle\"")
			.replace("\"市场推广人员\",\n      \"unit\": \"U04\",\n      \"reportsTo\": null",
					"\"市场推广人员\",\n      \"unit\": \"U04\",\n      \"reportsTo\": \"P10\"")
			.replace("\"市场部经理\",\n      \"unit\": \"U04\",\n      \"reportsTo\": \"P01\"",
					"\"市场部经理\",\n      \"unit\": \"U04\",\n      \"reportsTo\": \"P11\"");
		assertThat(document).contains("\"reportsTo\": \"P11\"").contains("\"reportsTo\": \"P10\"");
		Imports.Answer refused = imports().json("cycle", document);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errors()).extracting(e -> e.get("code")).contains("CYCLE");
		// written in Cypher on an imported revision: P10 → P11 → P10; P12 still reports to P10
		GraphQlTester.Response fromBelow = chain("loop", null, "P12", null);
		fromBelow.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P12", "P10", "P11");
		fromBelow.path("chainOfCommand[0].cycle").entity(Boolean.class).isEqualTo(true);
		fromBelow.path("chainOfCommand[0].loopsTo.key").entity(String.class).isEqualTo("P10");
		fromBelow.path("chainOfCommand[0].truncated").entity(Boolean.class).isEqualTo(false);
		fromBelow.path("chainOfCommand[0].top").valueIsNull();
		// the last link still says how it reports on: to P10, on a stated solid line
		fromBelow.path("chainOfCommand[0].links[*].line").entityList(Boolean.class).containsExactly(true, true, true);
		fromBelow.path("chainOfCommand[0].links[*].derived").entityList(Boolean.class).containsExactly(true, false, false);
		GraphQlTester.Response onTheCycle = chain("loop", null, "P11", null);
		onTheCycle.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P11", "P10");
		onTheCycle.path("chainOfCommand[0].loopsTo.key").entity(String.class).isEqualTo("P11");
	}

	@Test
	void shouldStopAtTheDepthBoundAndSayTheChainWasCut() {
		// L70 → L69 → … → L1 → P01 is 70 links; a walk follows 64
		GraphQlTester.Response response = chain("loop", null, "L70", null);
		List<String> keys = response.path("chainOfCommand[0].links[*].position.key").entityList(String.class).get();
		assertThat(keys).hasSize(65).startsWith("L70", "L69").endsWith("L7", "L6");
		response.path("chainOfCommand[0].truncated").entity(Boolean.class).isEqualTo(true);
		response.path("chainOfCommand[0].cycle").entity(Boolean.class).isEqualTo(false);
		response.path("chainOfCommand[0].top").valueIsNull();
		// 64 links exactly still reach the top
		GraphQlTester.Response l64 = chain("loop", null, "L64", null);
		l64.path("chainOfCommand[0].links").entityList(Object.class).hasSize(65);
		l64.path("chainOfCommand[0].top.key").entity(String.class).isEqualTo("P01");
		l64.path("chainOfCommand[0].truncated").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void shouldListDottedLinesWithoutFollowingThem() {
		// 会计 (P08) has a dotted line to 总经理 (P01) beside its derived solid line to 财务经理 (P07)
		GraphQlTester.Response response = chain("loop", null, "P08", null);
		response.path("chainOfCommand[0].links[*].position.key").entityList(String.class).containsExactly("P08", "P07", "P01");
		response.path("chainOfCommand[0].links[0].dottedTo[*].key").entityList(String.class).containsExactly("P01");
		response.path("chainOfCommand[0].links[1].dottedTo").entityList(Object.class).hasSize(0);
	}

	@Test
	void shouldFindTheLowestCommonSuperiorOfTwoDfidPostsInDifferentDirectorates() {
		// B53 (Global Partnerships, under DG Humanitarian A22) and B102 (Internal Audit, under
		// DG Corporate Performance A2) meet only at the Permanent Secretary
		GraphQlTester.Response response = superior("dfid", "B53", "B102", 1);
		response.path("commonSuperior.position.key").entity(String.class).isEqualTo("A1");
		response.path("commonSuperior.position.title").entity(String.class).isEqualTo("Permanent Secretary");
		response.path("commonSuperior.depthFromA").entity(Integer.class).isEqualTo(5);
		response.path("commonSuperior.depthFromB").entity(Integer.class).isEqualTo(3);
		response.path("commonSuperior.pathFromA[*].key")
			.entityList(String.class)
			.containsExactly("B53", "B44", "B89", "A10", "A22", "A1");
		response.path("commonSuperior.pathFromB[*].key").entityList(String.class).containsExactly("B102", "A21", "A2", "A1");
		// one above the other: the upper one itself
		GraphQlTester.Response above = superior("dfid", "B53", "B89", 1);
		above.path("commonSuperior.position.key").entity(String.class).isEqualTo("B89");
		above.path("commonSuperior.depthFromA").entity(Integer.class).isEqualTo(2);
		above.path("commonSuperior.depthFromB").entity(Integer.class).isEqualTo(0);
		// a person's key stands for their post
		superior("dfid", "B53-holder", "B102", 1).path("commonSuperior.a.key").entity(String.class).isEqualTo("B53");
		// A11 is a second top in March: nobody is above both
		superior("dfid", "A11", "B53", 1).path("commonSuperior").valueIsNull();
	}

	@Test
	void shouldTryEveryPostOfAPersonAndKeepTheClosestSuperior() {
		// E0002 holds P02 (→ P01) and P03 (→ P01); 招商经理 P04 reports to P03 (derived): P03 is
		// 0 + 1 links away, closer than P01 (1 + 2)
		GraphQlTester.Response response = superior("commercial-mgmt-company", "E0002", "P04", null);
		response.path("commonSuperior.position.key").entity(String.class).isEqualTo("P03");
		response.path("commonSuperior.a.key").entity(String.class).isEqualTo("P03");
		response.path("commonSuperior.depthFromA").entity(Integer.class).isEqualTo(0);
		response.path("commonSuperior.depthFromB").entity(Integer.class).isEqualTo(1);
		// on a cycle, the walk still ends: P12 and P11 meet at P10 (P12 → P10, P11 → P10)
		GraphQlTester.Response loop = superior("loop", "P12", "P11", null);
		loop.path("commonSuperior.position.key").entity(String.class).isEqualTo("P10");
		loop.path("commonSuperior.depthFromA").entity(Integer.class).isEqualTo(1);
		loop.path("commonSuperior.depthFromB").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void shouldAnswerUnknownKeysWithNotFoundAndUnknownOrganizationsWithNothing() {
		this.graphQl.documentName("chainOfCommand")
			.variable("org", "dfid")
			.variable("position", "B999")
			.execute()
			.errors()
			.expect(withCode("NOT_FOUND").and(e -> e.getMessage().equals("organisation \"dfid\" has no position \"B999\" in revision 2")))
			.verify();
		expectCode(this.graphQl.documentName("chainOfCommand").variable("org", "dfid").variable("person", "B999"),
				"NOT_FOUND");
		expectCode(this.graphQl.documentName("chainOfCommand").variable("org", "dfid"), "BAD_ARGUMENT");
		expectCode(this.graphQl.documentName("chainOfCommand")
			.variable("org", "dfid")
			.variable("position", "B53")
			.variable("person", "B53-holder"), "BAD_ARGUMENT");
		expectCode(this.graphQl.documentName("chainOfCommand")
			.variable("org", "dfid")
			.variable("position", "B53")
			.variable("revision", 9), "REVISION_NOT_FOUND");
		expectCode(this.graphQl.documentName("commonSuperior").variable("org", "dfid").variable("a", "B53").variable("b", "nobody"),
				"NOT_FOUND");
		chain("no-such-org", null, "B53", null).path("chainOfCommand").entityList(Object.class).hasSize(0);
		superior("no-such-org", "B53", "B102", null).path("commonSuperior").valueIsNull();
	}

	private GraphQlTester.Response chain(String org, String person, String position, Integer revision) {
		return execute(this.graphQl, "chainOfCommand", "org", org, "person", person, "position", position, "revision",
				revision);
	}

	private GraphQlTester.Response superior(String org, String a, String b, Integer revision) {
		return execute(this.graphQl, "commonSuperior", "org", org, "a", a, "b", b, "revision", revision);
	}

}
