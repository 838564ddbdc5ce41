package org.orgraph.duties;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * With {@code orgraph.max-similar-pairs} below the pairs a demo organisation has at the default
 * threshold, the default is refused, and raising {@code minScore} — what the refusal asks for —
 * answers.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = "orgraph.max-similar-pairs=" + SimilarPairCapIT.CAP)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarPairCapIT extends IntegrationTestSupport {

	static final int CAP = 8;

	static final String ORG = "online-ops-dept";

	@BeforeAll
	void importDemoOrganization() throws Exception {
		imports().demo(ORG);
	}

	@Test
	void shouldRefuseTheDefaultThresholdButAnswerARaisedOne() {
		this.graphQl.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: SIMILAR) { totalCount } }")
			.execute()
			.errors()
			.expect(withCode("TOO_MANY_OVERLAPS").and(e -> e.getMessage().contains("score " + OverlapScorer.DEFAULT_MIN_SCORE + " or more")))
			.verify();

		// raising minScore, as the refusal asks, answers once the pairs fit under the cap
		Double answered = null;
		List<Double> held = List.of();
		for (double minScore : List.of(0.9, 0.95, 0.98, 0.99)) {
			try {
				held = scores(minScore);
				answered = minScore;
				break;
			}
			catch (AssertionError refused) {
				// still above the cap at this threshold
			}
		}
		assertThat(answered).as("some raised threshold answers").isNotNull();
		double at = answered;
		assertThat(held).hasSizeLessThanOrEqualTo(CAP).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(at));
		// a higher threshold is filtered from the pairs held at the lower one
		List<Double> higher = scores(0.99);
		assertThat(higher).isEqualTo(held.stream().filter(s -> s >= 0.99).toList());
	}

	private List<Double> scores(double minScore) {
		return this.graphQl
			.document("{ dutyOverlaps(org: \"" + ORG + "\", mode: SIMILAR, minScore: " + minScore
					+ ", first: 100) { totalCount edges { node { score } } } }")
			.execute()
			.path("dutyOverlaps.edges[*].node.score")
			.entityList(Double.class)
			.get();
	}

}
