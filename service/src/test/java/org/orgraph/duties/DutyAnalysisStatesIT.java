package org.orgraph.duties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Similar overlaps before a new revision's duties have been analysed: ANALYSIS_PENDING with the
 * progress, then the answer once the background work is done. The service does not wait here
 * ({@code orgraph.analysis-wait=0s}), and the organisation has 600 distinct duty texts, which take
 * the one embedding thread seconds.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = "orgraph.analysis-wait=0s")
class DutyAnalysisStatesIT extends IntegrationTestSupport {

	private static final String ORG = "pending-analysis";

	@Test
	void shouldAnswerPendingWithProgressUntilTheDutiesAreAnalysed() throws Exception {
		assertThat(imports().json(ORG, organisation(ORG, 600)).status()).isEqualTo(201);

		var pending = this.graphQl.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: SIMILAR) { totalCount } }")
			.execute();
		List<Map<String, Object>> progress = new ArrayList<>();
		pending.errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getExtensions()).containsEntry("code", "ANALYSIS_PENDING");
				@SuppressWarnings("unchecked")
				Map<String, Object> p = (Map<String, Object>) e.getExtensions().get("progress");
				progress.add(p);
			});
		});
		// texts is 0 while the duties are still being read, then the texts and clauses to embed
		assertThat(progress.getFirst()).containsKeys("texts", "embedded");
		assertThat(((Number) progress.getFirst().get("embedded")).intValue())
			.isLessThanOrEqualTo(((Number) progress.getFirst().get("texts")).intValue());
		// EXACT never waits: it needs no meaning
		this.graphQl.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: EXACT) { totalCount } }")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);

		// the analysis goes on in the background: asked again, the answer comes once it is done
		Integer total = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
			var again = this.graphQl
				.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: SIMILAR, minScore: 0.9) { totalCount } }")
				.execute();
			List<Boolean> stillPending = new ArrayList<>();
			again.errors().satisfy(errors -> stillPending.add(!errors.isEmpty()));
			return stillPending.getFirst() ? null : again.path("dutyOverlaps.totalCount").entity(Integer.class).get();
		}, java.util.Objects::nonNull);
		assertThat(total).as("answered within two minutes").isNotNull();
	}

	/** One unit with one post per duty, each duty a distinct text. */
	static String organisation(String key, int duties) {
		List<Map<String, Object>> positions = new ArrayList<>();
		for (int i = 0; i < duties; i++) {
			positions.add(Map.of("key", "P" + i, "title", "岗位" + i, "unit", "U0", "duties",
					List.of("负责第" + i + "号区域的客户回访与满意度调查,形成第" + i + "期报告")));
		}
		return JsonMapper.builder().build().writeValueAsString(Map.of("key", key, "name", "待分析组织", "units",
				List.of(Map.of("key", "U0", "name", "运营部", "duties", List.of())), "positions", positions));
	}

}
