package org.orgraph.duties;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.Graph;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duty vectors are kept in the graph: after an organisation's duties are analysed, a service that
 * starts again (here: a second embeddings component with an empty memory, on the same graph)
 * takes them from the store and embeds none of them; what is stored is a key and a vector, never
 * the text.
 */
@OrgraphIntegrationTest
class DutyMeaningsIT extends IntegrationTestSupport {

	private static final String ORG = "meanings-store";

	@Autowired
	private DutyEmbeddings embeddings;

	@Autowired
	private Graph graph;

	@Test
	void shouldTakeStoredVectorsInsteadOfEmbeddingAgainAfterARestart() throws Exception {
		// texts of their own: other tests in this context leave theirs in the embeddings' memory
		imports().json(ORG, organisation(System.nanoTime()));
		// similar overlaps need every text and clause embedded: asking for them waits for it
		this.graphQl.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: SIMILAR) { totalCount } }")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.satisfies(n -> assertThat(n).isNotNegative());
		List<String> texts;
		try (Session session = this.driver.session()) {
			texts = session.run("""
					MATCH (o:Organization {key: $org})<-[:OF]-(r:Revision {number: o.currentRevision})
					MATCH (d:Duty {rev: r.id}) RETURN DISTINCT d.text AS text""", Map.of("org", ORG))
				.list(r -> DutyComponents.meaningText(r.get("text").asString()));
			List<Map<String, Object>> stored = session
				.run("""
						MATCH (m:DutyMeaning)
						RETURN m.key AS key, size(keys(m)) = 2 AND m.key IS NOT NULL AND m.vector IS NOT NULL AS onlyKeyAndVector,
						  size(m.vector) AS bytes""")
				.list(r -> r.asMap());
			assertThat(stored).isNotEmpty()
				.allSatisfy(m -> assertThat(m).containsEntry("onlyKeyAndVector", true))
				// bge-small-zh has 512 dimensions, bge-small-en 384 (other tests in this context store English texts too)
				.allSatisfy(m -> assertThat(((Number) m.get("bytes")).intValue())
					.isEqualTo((((String) m.get("key")).startsWith("bge-small-zh") ? 512 : 384) * Float.BYTES))
				.allSatisfy(m -> assertThat((String) m.get("key")).matches("bge-small-(zh|en)-v1\\.5-q:[0-9a-f]{64}"));
			assertThat(stored).extracting(m -> (String) m.get("key"))
				.containsAll(texts.stream().map(t -> DutyMeanings.key(DutyEmbeddings.modelName(t), t)).toList());
		}

		assertThat(texts).hasSizeGreaterThanOrEqualTo(30);
		DutyEmbeddings restarted = new DutyEmbeddings(true, 10_000, new DutyMeanings(this.graph));
		int[] progress = { -1 };
		restarted.embedMissing(texts, done -> progress[0] = done);
		assertThat(progress[0]).isEqualTo(texts.size());
		assertThat(restarted.health().getDetails()).containsEntry("textsEmbedded", 0L)
			.containsEntry("textsFromStore", (long) texts.size());
		for (String text : texts) {
			assertThat(restarted.vector(text)).as(text).containsExactly(this.embeddings.vector(text));
		}

		// a text nobody embedded before is embedded, and kept for the next start
		String fresh = "制定酒店的节能改造计划并组织实施";
		restarted.embedMissing(List.of(fresh), done -> {
		});
		assertThat(restarted.health().getDetails()).containsEntry("textsEmbedded", 1L);
		DutyEmbeddings third = new DutyEmbeddings(true, 10_000, new DutyMeanings(this.graph));
		third.embedMissing(List.of(fresh), done -> {
		});
		assertThat(third.health().getDetails()).containsEntry("textsEmbedded", 0L).containsEntry("textsFromStore", 1L);
		assertThat(third.vector(fresh)).containsExactly(restarted.vector(fresh));
	}

	/** Thirty duties worded like a real department's, each carrying this run's number so no other test holds them. */
	private static String organisation(long run) throws Exception {
		String[] work = { "编制部门年度预算并跟踪执行", "组织开展客户满意度调查", "制定市场推广计划", "审核供应商合同", "维护客户关系档案",
				"协调跨部门项目进度" };
		List<Map<String, Object>> positions = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			positions.add(Map.of("key", "P" + i, "title", "专员" + i, "unit", "U0", "duties",
					List.of(work[i % work.length] + ",第" + run + "批第" + i + "项")));
		}
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("key", ORG, "name",
				"向量存储验证部", "units", List.of(Map.of("key", "U0", "name", "运营部", "duties", List.of())), "positions",
				positions));
	}

}
