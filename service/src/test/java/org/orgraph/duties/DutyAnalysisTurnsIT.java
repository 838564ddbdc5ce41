package org.orgraph.duties;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.Revision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One worker embeds every organisation's duties, and revisions take turns: a small organisation
 * imported while a large one is being analysed gets its similar overlaps long before the large
 * one's analysis ends, instead of waiting for all of it.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = "orgraph.analysis-wait=0s")
class DutyAnalysisTurnsIT extends IntegrationTestSupport {

	private static final String LARGE = "turns-large";

	private static final String SMALL = "hotel-ops-centre";

	@Autowired
	private SemanticSimilarDuties semantic;

	@Test
	void shouldAnalyseASmallOrganisationWhileALargeOneIsStillUnderWay() throws Exception {
		// 2,500 distinct duties, each with two clauses: 7,500 texts, tens of seconds of embedding
		assertThat(imports().json(LARGE, DutyAnalysisStatesIT.organisation(LARGE, 2_500)).status()).isEqualTo(201);
		Revision large = Revision.of(LARGE + "/1");
		this.semantic.start(large);
		await().atMost(Duration.ofMinutes(2)).until(() -> this.semantic.start(large).embedded() > 0);

		imports().demo(SMALL);
		Revision small = Revision.of(SMALL + "/1");
		this.semantic.start(small);
		await().atMost(Duration.ofMinutes(5)).until(() -> this.semantic.start(small).complete());
		SemanticSimilarDuties.Progress meanwhile = this.semantic.start(large);
		assertThat(meanwhile.complete()).as("the large organisation is still being analysed: %s", meanwhile).isFalse();
		assertThat(meanwhile.embedded()).isLessThan(meanwhile.texts());

		// and the small one's similar overlaps answer once its pairs are scored (their own thread)
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> this.graphQl
			.document("{ dutyOverlaps(org: \"" + SMALL + "\", mode: SIMILAR) { totalCount } }")
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.satisfies(n -> assertThat(n).isPositive()));
		await().atMost(Duration.ofMinutes(10)).until(() -> this.semantic.start(large).complete());
	}

}
