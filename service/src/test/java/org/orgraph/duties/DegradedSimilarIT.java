package org.orgraph.duties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the embedding models ({@code orgraph.embeddings.enabled=false} stands for a platform
 * ONNX Runtime does not support) the service still answers similar overlaps, from words alone,
 * and says so on every answer and in health.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = "orgraph.embeddings.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DegradedSimilarIT extends IntegrationTestSupport {

	@BeforeAll
	void importDemoOrganization() throws Exception {
		imports().demo("hotel-ops-centre");
	}

	@Test
	void shouldAnswerFromWordsAloneAndSaySo() {
		var response = HotelOverlaps.similarWithSupervisingAndGuidingFirst(this.graphQl);
		response.path("dutyOverlaps.edges[0].node.evidence.meaning").valueIsNull();
		assertThat(response.returnResponse().getExtensions()).containsEntry("degraded", true);
	}

	@Test
	void shouldSayInHealthWhySimilarOverlapsAreDegraded() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.dutyEmbeddings.details.state")
			.isEqualTo("UNAVAILABLE")
			.jsonPath("$.components.dutyEmbeddings.details.degraded")
			.isEqualTo("similar duty overlaps answer from words alone");
	}

}
