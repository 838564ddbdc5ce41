package org.orgraph.metrics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * Organisation and unit metrics on ops-staff-structure (worked out by hand, see VacanciesIT for
 * its establishment) and on DFID's March 2013 organogram (checked against the CSV itself).
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT extends IntegrationTestSupport {

	static final String OPS = "ops-staff-structure";

	static final String MARCH = Imports.DFID_MARCH;

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	/** Watched, not replaced: which duty findings an org metrics query works out. */
	@MockitoSpyBean
	DutyFindings findings;

	@BeforeAll
	void importOrganizations() throws IOException {
		Imports imports = imports();
		imports.demo(OPS);
		imports.organogram("dfid", MARCH);
	}

	/**
	 * Reporting lines of ops-staff-structure: P01 (部门负责人) is the top; the team leads P02, P06,
	 * P08 state P01, and P12 heads 运营支持团队 (listed first, no manager) with a line derived to
	 * P01. The staff report to their team's head: P03 P04 P05 → P02, P07 → P06 (stated),
	 * P09 P10 P11 → P08, P13 → P12. Spans: P01 4, P02 3, P08 3, P06 1, P12 1 — five managers,
	 * mean 12 / 5 = 2.4, median 3, max 4, two of five (0.4) with a span of 1–2. The longest chain
	 * is two lines (P03 → P02 → P01): three layers. Units: U00 with four teams below, depth 1.
	 * Duties: one per team (4 unit-level) and one on P01.
	 */
	@Test
	void shouldMeasureTheDemoOrganisation() {
		Map<String, Object> metrics = orgMetrics(OPS);
		assertThat(metrics).contains(entry("revision", 1), entry("units", 5), entry("positions", 13),
				entry("people", 11), entry("holdings", 11), entry("planned", 23), entry("seats", 15),
				entry("filled", 11), entry("filledFte", 11.0), entry("vacantSeats", 4), entry("excessSeats", 0),
				entry("shortfall", 12), entry("vacantPositions", 3), entry("juniorFte", 0.0), entry("managers", 5),
				entry("spanMean", 2.4), entry("spanMedian", 3.0), entry("spanMax", 4), entry("narrowSpanShare", 0.4),
				entry("unitDepth", 1), entry("reportingDepth", 2), entry("layers", 3), entry("tops", 1),
				entry("unitDuties", 4), entry("positionDuties", 1), entry("duties", 5));
		// 12 short of 23 planned; 4 empty seats of 15
		assertThat((Double) metrics.get("vacancyRate")).isCloseTo(12.0 / 23, within(1e-6));
		assertThat((Double) metrics.get("seatVacancyRate")).isCloseTo(4.0 / 15, within(1e-6));
	}

	@Test
	void shouldCountDutyFindingsAsTheDutyAnalyticsListThem() {
		// every team of 运营部门 has a filled post and the four team duties and the head's duty all
		// differ: nothing orphaned, nothing held twice
		// dutyOverlaps waits for the duties' analysis (orgraph.analysis-wait); the metrics do not
		// wait, and say null until it is done: asked after it, they count what it lists
		Integer similar = this.graphQl.document("{ dutyOverlaps(org: \"" + OPS + "\", mode: SIMILAR) { totalCount } }")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.get();
		Map<String, Object> metrics = orgMetrics(OPS);
		assertThat(metrics).containsEntry("exactOverlaps", 0).containsEntry("orphans", 0);
		assertThat(metrics).containsEntry("similarOverlaps", similar);
	}

	@Test
	void shouldMeasureEachUnitAloneAndWithItsSubtreeInPages() {
		List<Map<String, Object>> units = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.graphQl.documentName("unitMetrics")
				.variable("org", OPS)
				.variable("first", 2)
				.variable("after", after)
				.execute();
			units.addAll(page.path("unitMetrics.edges[*].node").entityList(MAP).get());
			more = page.path("unitMetrics.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("unitMetrics.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		Map<String, Map<String, Object>> byKey = units.stream().collect(Collectors.toMap(MetricsIT::unitKey, u -> u,
				(a, b) -> a, LinkedHashMap::new));
		assertThat(byKey).containsOnlyKeys("U00", "U01", "U02", "U03", "U04");
		assertThat(List.copyOf(byKey.keySet())).isSorted();

		// U00 alone: P01 with span 4; with its subtree: everything above
		assertThat(byKey.get("U00")).contains(entry("depth", 0), entry("subtreeUnits", 5), entry("subtreeUnitDepth", 1),
				entry("reportingDepth", 2), entry("plannedHeadcount", null), entry("planned", 23),
				entry("ownPositions", 1), entry("subtreePositions", 13), entry("ownSeats", 1), entry("subtreeSeats", 15),
				entry("ownFilled", 1), entry("subtreeFilled", 11), entry("ownVacantSeats", 0),
				entry("subtreeVacantSeats", 4), entry("ownPeople", 1), entry("subtreePeople", 11),
				entry("ownManagers", 1), entry("ownSpanMean", 4.0), entry("ownSpanMax", 4),
				entry("ownNarrowSpanShare", 0.0), entry("subtreeManagers", 5), entry("subtreeSpanMean", 2.4),
				entry("subtreeSpanMedian", 3.0), entry("subtreeSpanMax", 4), entry("subtreeNarrowSpanShare", 0.4),
				entry("ownUnitDuties", 0), entry("ownPositionDuties", 1), entry("subtreeUnitDuties", 4),
				entry("subtreePositionDuties", 1));
		// 数据分析团队: 编制 4, seats 1 + 3, holders 3: 1 short of 4 (0.25), 1 empty seat of 4 (0.25);
		// P06 manages only P07: span 1, narrow
		assertThat(byKey.get("U02")).contains(entry("depth", 1), entry("subtreeUnits", 1), entry("subtreeUnitDepth", 0),
				entry("reportingDepth", 1), entry("plannedHeadcount", 4), entry("planned", 4), entry("ownPositions", 2),
				entry("ownSeats", 4), entry("ownFilled", 3), entry("vacancyRate", 0.25), entry("seatVacancyRate", 0.25),
				entry("ownPeople", 3), entry("ownManagers", 1), entry("ownSpanMedian", 1.0),
				entry("ownNarrowSpanShare", 1.0), entry("ownUnitDuties", 1), entry("ownPositionDuties", 0));
		// 运营执行团队: 编制 10 against 3 holders: 0.7 vacant; 1 empty seat of 4
		assertThat(byKey.get("U03")).contains(entry("planned", 10), entry("subtreeFilled", 3), entry("vacancyRate", 0.7),
				entry("seatVacancyRate", 0.25), entry("ownSpanMax", 3));
		assertThat(unitHead(byKey.get("U04"))).isEqualTo("P12");
	}

	/**
	 * DFID, 31 March 2013: 75 senior posts, each held by one person (two posts are listed twice
	 * with the same holder and count once), A1 and A11 report to nobody ("XX"). The figures are
	 * read off the CSV independently of the importer.
	 */
	@Test
	void shouldMeasureDfidFromTheOrganogramItself() throws IOException {
		Map<String, String> lines = reportingLinesInCsv(MARCH + "-senior.csv");
		Map<String, Long> spans = lines.values().stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
		// the rows whose "Reports to Senior Post" is A1: B108, A2, A22, A3, A5
		assertThat(spans.get("A1")).isEqualTo(5);

		Map<String, Object> metrics = orgMetrics("dfid");
		assertThat(metrics).contains(entry("positions", 75), entry("people", 75), entry("holdings", 75),
				entry("seats", 75), entry("filled", 75), entry("planned", 75), entry("vacantSeats", 0),
				entry("vacantPositions", 0), entry("shortfall", 0), entry("vacancyRate", 0.0),
				entry("seatVacancyRate", 0.0), entry("tops", 2));
		// every post holds 1.0 FTE but A11 (0.92)
		assertThat((Double) metrics.get("filledFte")).isCloseTo(74.92, within(1e-9));
		// the junior file's FTE, all assigned to senior posts (UkOrganogramImportIT: 1464.5)
		assertThat((Double) metrics.get("juniorFte")).isCloseTo(1464.5, within(1e-6));
		assertThat(metrics.get("managers")).isEqualTo(spans.size());
		assertThat(metrics.get("spanMax")).isEqualTo(spans.values().stream().mapToInt(Long::intValue).max().orElseThrow());
		assertThat((Double) metrics.get("spanMean")).isCloseTo((double) lines.size() / spans.size(), within(1e-6));
		assertThat(metrics.get("reportingDepth")).isEqualTo(longestChain(lines));
		assertThat(metrics.get("layers")).isEqualTo(longestChain(lines) + 1);

		// the unit holding A1 (DFID) measures A1's span for the unit alone
		Map<String, Object> dfidUnit = this.graphQl.documentName("unitMetrics")
			.variable("org", "dfid")
			.variable("first", 100)
			.execute()
			.path("unitMetrics.edges[*].node")
			.entityList(MAP)
			.get()
			.stream()
			.filter(u -> unitKey(u).equals("DFID"))
			.findFirst()
			.orElseThrow();
		assertThat(unitHead(dfidUnit)).isEqualTo("A1");
		assertThat(dfidUnit).contains(entry("ownManagers", 1), entry("ownSpanMax", 5), entry("ownPositions", 3));
	}

	@Test
	void shouldWorkOutOnlyTheDutyFindingsTheQueryAsksFor() {
		clearInvocations(this.findings);
		Map<String, Object> figures = this.graphQl
			.document("{ orgMetrics(org: \"dfid\") { positions exactOverlaps orphans } }")
			.execute()
			.path("orgMetrics")
			.entity(MAP)
			.get();
		assertThat(figures).containsKeys("positions", "exactOverlaps", "orphans");
		verify(this.findings, never()).similarOverlaps(any());
		this.graphQl.document("{ orgMetrics(org: \"dfid\") { positions } }").execute().path("orgMetrics.positions").hasValue();
		verify(this.findings, times(1)).exactOverlaps(any());
		verify(this.findings, times(1)).orphans(any());
		this.graphQl.document("{ orgMetrics(org: \"dfid\") { similarOverlaps } }").execute();
		verify(this.findings, times(1)).similarOverlaps(any());
	}

	@Test
	void shouldAnswerNullForAnUnknownOrganisationAndAnErrorForAnUnknownRevision() {
		this.graphQl.document("{ orgMetrics(org: \"no-such-org\") { units } unitMetrics(org: \"no-such-org\") { edges { cursor } } }")
			.execute()
			.path("orgMetrics")
			.valueIsNull()
			.path("unitMetrics")
			.valueIsNull();
		this.graphQl.document("{ orgMetrics(org: \"dfid\", revision: 2) { units } }")
			.execute()
			.errors()
			.expect(withCode("REVISION_NOT_FOUND"))
			.verify();
	}

	private Map<String, Object> orgMetrics(String org) {
		return this.graphQl.documentName("orgMetrics").variable("org", org).execute().path("orgMetrics").entity(MAP).get();
	}

	/** Post → manager as the CSV states it: XX (top), self-references and eliminated posts have none. */
	static Map<String, String> reportingLinesInCsv(String file) throws IOException {
		String text = new ClassPathResource("uk-organograms/" + file).getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setAllowMissingColumnNames(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
		Map<String, String> lines = new HashMap<>();
		for (CSVRecord row : rows) {
			String post = row.get("Post Unique Reference").strip();
			String manager = row.get("Reports to Senior Post").strip();
			if (post.equals("0") || row.get("Name").strip().equalsIgnoreCase("eliminated")
					|| manager.equalsIgnoreCase("XX") || manager.isEmpty() || manager.equals(post)) {
				continue;
			}
			lines.putIfAbsent(post, manager);
		}
		return lines;
	}

	/** The most lines any post climbs to reach a top. */
	private static int longestChain(Map<String, String> lines) {
		int longest = 0;
		for (String post : lines.keySet()) {
			int steps = 0;
			for (@Nullable String at = post; lines.containsKey(at) && steps < 64; at = lines.get(at)) {
				steps++;
			}
			longest = Math.max(longest, steps);
		}
		return longest;
	}

	@SuppressWarnings("unchecked")
	private static String unitKey(Map<String, Object> node) {
		return (String) ((Map<String, Object>) node.get("unit")).get("key");
	}

	@SuppressWarnings("unchecked")
	private static String unitHead(Map<String, Object> node) {
		return (String) ((Map<String, Object>) ((Map<String, Object>) node.get("unit")).get("head")).get("key");
	}

}
