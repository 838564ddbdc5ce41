package org.orgraph.duties;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the embedding models ({@code orgraph.embeddings.enabled=false} stands for a platform
 * ONNX Runtime does not support) the service still answers similar overlaps, from words alone,
 * and says so on every answer and in health.
 */
@OrgraphIntegrationTest
@TestPropertySource(properties = "orgraph.embeddings.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DegradedSimilarIT {

	@Autowired
	WebTestClient http;

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeAll
	void importDemoOrganization() throws Exception {
		byte[] json = new ClassPathResource("demo/hotel-ops-centre.json").getContentAsByteArray();
		assertThat(new Imports(this.http).json("hotel-ops-centre", json).status()).isEqualTo(201);
	}

	@Test
	void shouldAnswerFromWordsAloneAndSaySo() {
		var response = this.graphQl.documentName("dutyOverlaps")
			.variable("org", "hotel-ops-centre")
			.variable("mode", "SIMILAR")
			.execute();
		List<String> texts = response.path("dutyOverlaps.edges[0].node.duties[*].text").entityList(String.class).get();
		assertThat(texts).containsExactly("监督各部门的运营工作,确保酒店的高效运营", "指导各部门的运营工作,确保酒店的高效运营");
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
