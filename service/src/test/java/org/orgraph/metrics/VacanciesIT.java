package org.orgraph.metrics;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * Vacancies against 编制 on the one demo organisation that states team sizes,
 * ops-staff-structure (demo/ops-staff-structure.json), worked out by hand from the document:
 *
 * <pre>
 * unit                 stated 编制  posts (seats)                         holders                  filled
 * U00 运营部门          —           P01 (1)                               E0001                    1
 * U01 运营策划团队      5           P02 P03 P04 P05 (1 each: 4)          E0002 E0003 E0004        3
 * U02 数据分析团队      4           P06 (1) P07 (headcount 3): 4          E0005; E0006 E0007       3
 * U03 运营执行团队      10          P08 P09 P10 P11 (1 each: 4)          E0008 E0009 E0010        3
 * U04 运营支持团队      3           P12 P13 (1 each: 2)                  E0011                    1
 * </pre>
 *
 * U00 states no 编制, so its 编制 is the sum of its parts: its own seat (P01) plus the four
 * teams' stated 5 + 4 + 10 + 3 = 1 + 22 = 23; its subtree has 15 seats and 11 holders, 12 short.
 * U01 (5 ≠ 4 seats), U03 (10 ≠ 4) and U04 (3 ≠ 2) state more than their posts' seats add up to:
 * mismatches; U02's 4 = 1 + 3 matches. Every team is short: U01 by 2, U02 by 1, U03 by 7, U04 by 2.
 * Posts short of holders: P05, P10, P13 (nobody) and P07 (2 of 3): 4 vacant seats in all.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VacanciesIT extends IntegrationTestSupport {

	static final String ORG = "ops-staff-structure";

	@BeforeAll
	void importTheDemoOrganization() throws Exception {
		imports().demo(ORG);
	}

	@Test
	void shouldTotalTheOrganisationsEstablishment() {
		GraphQlTester.Response response = vacancies(null);
		Map<String, Object> totals = response.path("vacancies").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
		assertThat(totals).contains(entry("revision", 1), entry("planned", 23), entry("seats", 15), entry("filled", 11),
				entry("filledFte", 11.0), entry("vacantSeats", 4), entry("excessSeats", 0), entry("shortfall", 12),
				entry("excess", 0), entry("status", "SHORTFALL"), entry("shortPositions", 4),
				entry("overEstablishedPositions", 0));
	}

	@Test
	void shouldRollThePlannedHeadcountUpTheUnitTree() {
		Map<String, Map<String, Object>> units = units(vacancies(null));
		assertThat(units).containsOnlyKeys("U00", "U01", "U02", "U03", "U04");

		Map<String, Object> top = units.get("U00");
		assertThat(top).contains(entry("plannedHeadcount", null), entry("planned", 23), entry("parts", 23),
				entry("mismatch", false), entry("ownPositions", 1), entry("ownSeats", 1), entry("ownFilled", 1),
				entry("subtreePositions", 13), entry("subtreeSeats", 15), entry("subtreeFilled", 11),
				entry("subtreeFilledFte", 11.0), entry("subtreeVacantSeats", 4), entry("shortfall", 12),
				entry("status", "SHORTFALL"));
		assertThat((String) top.get("reason")).isEqualTo("No planned headcount (编制) stated: 23 is the sum of its parts "
				+ "(own posts' seats 1 + child units' 编制 22); 11 filled (11.0 FTE) across 15 post seats in the unit "
				+ "and below it: 12 short (缺编).");

		// stated → planned, parts (own seats, no children), filled, shortfall, mismatch
		expectTeam(units.get("U01"), 5, 4, 3, 2, true);
		expectTeam(units.get("U02"), 4, 4, 3, 1, false);
		expectTeam(units.get("U03"), 10, 4, 3, 7, true);
		expectTeam(units.get("U04"), 3, 2, 1, 2, true);
		assertThat(units.get("U02")).contains(entry("ownPositions", 2), entry("ownSeats", 4));
	}

	@Test
	void shouldExplainEveryStatedTotalThatDoesNotMatchItsParts() {
		Map<String, Map<String, Object>> units = units(vacancies(null));
		assertThat((String) units.get("U03").get("reason")).isEqualTo("Planned headcount (编制) 10 as stated; 3 filled "
				+ "(3.0 FTE) across 4 post seats in the unit and below it: 7 short (缺编). The stated 10 does not "
				+ "match the sum of its parts, 4 (own posts' seats 4 + child units' 编制 0).");
		assertThat((String) units.get("U02").get("reason")).isEqualTo("Planned headcount (编制) 4 as stated; 3 filled "
				+ "(3.0 FTE) across 4 post seats in the unit and below it: 1 short (缺编).");
		assertThat(units.values().stream().filter(u -> (Boolean) u.get("mismatch")).map(u -> unitKey(u)))
			.containsExactlyInAnyOrder("U01", "U03", "U04");
	}

	@Test
	void shouldCompareEveryPostsSeatsWithItsHolders() {
		List<Map<String, Object>> posts = positions(vacancies(null));
		assertThat(posts).hasSize(13);
		Map<String, String> status = posts.stream().collect(Collectors.toMap(VacanciesIT::positionKey, p -> (String) p.get("status")));
		assertThat(status).containsEntry("P05", "SHORTFALL").containsEntry("P07", "SHORTFALL")
			.containsEntry("P10", "SHORTFALL").containsEntry("P13", "SHORTFALL")
			.containsEntry("P01", "FULL").containsEntry("P06", "FULL");
		assertThat(status.values().stream().filter("FULL"::equals)).hasSize(9);

		Map<String, Object> analysts = posts.stream().filter(p -> positionKey(p).equals("P07")).findFirst().orElseThrow();
		assertThat(analysts).contains(entry("seats", 3), entry("filled", 2), entry("filledFte", 2.0),
				entry("vacantSeats", 1), entry("excess", 0));
		assertThat((String) analysts.get("reason"))
			.isEqualTo("P07 \"数据分析师\": 3 seats, 2 holders (E0006, E0007; 2.0 FTE): 1 seat vacant (缺编).");
		Map<String, Object> events = posts.stream().filter(p -> positionKey(p).equals("P10")).findFirst().orElseThrow();
		assertThat((String) events.get("reason"))
			.isEqualTo("P10 \"活动策划专员\": 1 seat, nobody holds it: 1 seat vacant (缺编).");
	}

	@Test
	void shouldListOnlyThePostsWithTheAskedStatus() {
		assertThat(positions(vacancies(List.of("SHORTFALL")))).extracting(VacanciesIT::positionKey).containsExactly("P05", "P07", "P10", "P13");
		assertThat(positions(vacancies(List.of("OVER_ESTABLISHMENT")))).isEmpty();
		// every unit is short of its 编制; none is full or over
		String units = "{ vacancies(org: \"" + ORG + "\", revision: 1) { units(status: [%s]) { edges { node { unit { key } } } } } }";
		this.graphQl.document(units.formatted("SHORTFALL"))
			.execute()
			.path("vacancies.units.edges[*].node.unit.key")
			.entityList(String.class)
			.containsExactly("U00", "U01", "U02", "U03", "U04");
		this.graphQl.document(units.formatted("FULL, OVER_ESTABLISHMENT"))
			.execute()
			.path("vacancies.units.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldFlagOverEstablishmentWhenMorePeopleHoldAPostThanItHasSeats() throws Exception {
		// revision 2: two more people in 部门负责人 (1 seat) and U02 without the unfilled seat of 数据分析师
		String document = new ClassPathResource("demo/" + ORG + ".json").getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"headcount\": 3,", "\"headcount\": 2,")
			.replace("\"people\": [", """
					"people": [
					  {"key": "E0101", "name": "示例人员101", "holds": [{"position": "P01", "fte": 0.5}]},
					  {"key": "E0102", "name": "示例人员102", "holds": [{"position": "P01", "fte": 0.5}]},""");
		assertThat(imports().json(ORG, document).status()).isEqualTo(201);

		GraphQlTester.Response now = vacancies(null, null);
		assertThat(now.path("vacancies.revision").entity(Integer.class).get()).isEqualTo(2);
		// P01: 1 seat, 3 holders (2.0 FTE): 2 over. U00's 编制 is still 23; its subtree fills 13.
		Map<String, Object> head = positions(now).stream().filter(p -> positionKey(p).equals("P01")).findFirst().orElseThrow();
		assertThat(head).contains(entry("seats", 1), entry("filled", 3), entry("filledFte", 2.0), entry("excess", 2),
				entry("status", "OVER_ESTABLISHMENT"));
		assertThat((String) head.get("reason"))
			.isEqualTo("P01 \"部门负责人\": 1 seat, 3 holders (E0001, E0101, E0102; 2.0 FTE): 2 holders more than its seats (超编).");
		// U02: 编制 4 stated, now 1 + 2 = 3 seats: a mismatch; 3 holders, still 1 short of 编制
		Map<String, Map<String, Object>> units = units(now);
		assertThat(units.get("U02")).contains(entry("parts", 3), entry("mismatch", true), entry("subtreeFilled", 3),
				entry("shortfall", 1));
		assertThat(units.get("U00")).contains(entry("planned", 23), entry("subtreeSeats", 14), entry("subtreeFilled", 13));
		assertThat(now.path("vacancies.excessSeats").entity(Integer.class).get()).isEqualTo(2);
		assertThat(now.path("vacancies.overEstablishedPositions").entity(Integer.class).get()).isEqualTo(1);

		// revision 1 is unchanged
		assertThat(vacancies(null).path("vacancies.excessSeats").entity(Integer.class).get()).isZero();
	}

	@Test
	void shouldAnswerNullForAnUnknownOrganisationAndAnErrorForAnUnknownRevision() {
		this.graphQl.document("{ vacancies(org: \"no-such-org\") { planned } }")
			.execute()
			.path("vacancies")
			.valueIsNull();
		this.graphQl.document("{ vacancies(org: \"" + ORG + "\", revision: 9) { planned } }")
			.execute()
			.errors()
			.expect(withCode("REVISION_NOT_FOUND"))
			.verify();
	}

	/** Revision 1, the document as published (one test adds a revision 2). */
	private GraphQlTester.Response vacancies(@Nullable List<String> status) {
		return vacancies(status, 1);
	}

	private GraphQlTester.Response vacancies(@Nullable List<String> status, @Nullable Integer revision) {
		return this.graphQl.documentName("vacancies")
			.variable("org", ORG)
			.variable("revision", revision)
			.variable("status", status)
			.execute();
	}

	private static void expectTeam(Map<String, Object> unit, int planned, int parts, int filled, int shortfall,
			boolean mismatch) {
		assertThat(unit).as(unitKey(unit)).contains(entry("plannedHeadcount", planned), entry("planned", planned),
				entry("parts", parts), entry("subtreeFilled", filled), entry("ownFilled", filled),
				entry("shortfall", shortfall), entry("excess", 0), entry("status", "SHORTFALL"),
				entry("mismatch", mismatch));
	}

	private static Map<String, Map<String, Object>> units(GraphQlTester.Response response) {
		List<Map<String, Object>> nodes = response.path("vacancies.units.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return nodes.stream().collect(Collectors.toMap(VacanciesIT::unitKey, n -> n));
	}

	private static List<Map<String, Object>> positions(GraphQlTester.Response response) {
		return response.path("vacancies.positions.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	private static String unitKey(Map<String, Object> node) {
		return (String) ((Map<String, Object>) node.get("unit")).get("key");
	}

	@SuppressWarnings("unchecked")
	private static String positionKey(Map<String, Object> node) {
		return (String) ((Map<String, Object>) node.get("position")).get("key");
	}

}
