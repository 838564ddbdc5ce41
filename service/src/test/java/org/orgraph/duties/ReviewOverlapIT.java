package org.orgraph.duties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.withCode;

/**
 * A consultant's verdicts on similar overlaps of the hotel demo organisation: recorded by an
 * editor only, shown on the overlap, DISTINCT pairs left out by default, kept when the
 * organisation is imported again as a new revision, and in the audit trail.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewOverlapIT extends IntegrationTestSupport {

	private static final String ORG = "hotel-ops-centre";

	private static final String SIMILAR = """
			query($includeDistinct: Boolean) { dutyOverlaps(org: "hotel-ops-centre", mode: SIMILAR, first: 100,
			  includeDistinct: $includeDistinct) { totalCount edges { node { duties { key text } review { verdict note by } } } } }""";

	private static final String REVIEW = """
			mutation($duties: [ID!]!, $verdict: OverlapVerdict!, $note: String) {
			  reviewOverlap(org: "hotel-ops-centre", duties: $duties, verdict: $verdict, note: $note) { verdict note by at } }""";

	@LocalServerPort
	int port;

	byte[] document;

	@BeforeAll
	void importHotel() throws Exception {
		this.document = new ClassPathResource("demo/" + ORG + ".json").getContentAsByteArray();
		assertThat(imports().json(ORG, this.document).status()).isEqualTo(201);
	}

	@Test
	void shouldHideAPairJudgedDistinctInThisAndLaterRevisions() throws Exception {
		int before = total(false);
		List<String> strategic = pair("制定酒店的运营规划和目标", "制定酒店的战略目标和计划");

		this.graphQl.document(REVIEW)
			.variable("duties", strategic)
			.variable("verdict", "DISTINCT")
			.variable("note", "运营规划 belongs to the office, 战略 to the planning department")
			.execute()
			.path("reviewOverlap.verdict")
			.entity(String.class)
			.isEqualTo("DISTINCT")
			.path("reviewOverlap.by")
			.entity(String.class)
			.satisfies(by -> assertThat(by).isNotBlank());

		assertThat(total(false)).isEqualTo(before - 1);
		assertThat(total(true)).isEqualTo(before);
		assertThat(this.graphQl.document(SIMILAR).variable("includeDistinct", true).execute()
			.path("dutyOverlaps.edges[*].node.review.verdict").entityList(String.class).get()).containsExactly("DISTINCT");

		// a new revision of the same document: the verdict holds, keyed by the duties' texts
		assertThat(imports().json(ORG, this.document).status()).isEqualTo(201);
		assertThat(total(false)).isEqualTo(before - 1);

		// a new verdict replaces the old one
		this.graphQl.document(REVIEW).variable("duties", pair("制定酒店的运营规划和目标", "制定酒店的战略目标和计划"))
			.variable("verdict", "PARTIAL")
			.execute()
			.path("reviewOverlap.note")
			.valueIsNull();
		assertThat(total(false)).isEqualTo(before);

		// the client report: the verdict in the overlaps export
		String csv = new String(this.http.get().uri("/api/v1/orgs/" + ORG + "/exports/overlaps.csv").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().filter(l -> l.contains("制定酒店的运营规划和目标") && l.contains("制定酒店的战略目标和计划")))
			.singleElement()
			.satisfies(line -> assertThat(line).contains(",PARTIAL,"));

		List<Map<String, Object>> audit = this.graphQl.document("{ auditTrail(last: 20) { action detail } }")
			.execute()
			.path("auditTrail")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(audit).filteredOn(e -> "review-overlap".equals(e.get("action"))).hasSize(2);
	}

	@Test
	void shouldRefuseAReviewFromAnAnalystAndBadPairs() {
		String analyst = this.graphQl
			.document("mutation { createApiToken(input: {name: \"analyst\", role: ANALYST}) { token } }")
			.execute()
			.path("createApiToken.token")
			.entity(String.class)
			.get();
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + analyst)
			.build();
		HttpGraphQlTester.create(client)
			.document(REVIEW)
			.variable("duties", pair("制定酒店的运营规划和目标", "制定酒店的战略目标和计划"))
			.variable("verdict", "DUPLICATE")
			.execute()
			.errors()
			.expect(withCode("FORBIDDEN"))
			.verify();

		this.graphQl.document(REVIEW)
			.variable("duties", List.of("no-such-duty", "U:U01:1"))
			.variable("verdict", "DUPLICATE")
			.execute()
			.errors()
			.expect(withCode("BAD_ARGUMENT").and(e -> e.getMessage().contains("no-such-duty")))
			.verify();
		this.graphQl.document(REVIEW)
			.variable("duties", List.of("U:U01:1"))
			.variable("verdict", "DUPLICATE")
			.execute()
			.errors()
			.expect(withCode("BAD_ARGUMENT"))
			.verify();
	}

	private int total(boolean includeDistinct) {
		return this.graphQl.document(SIMILAR)
			.variable("includeDistinct", includeDistinct)
			.execute()
			.path("dutyOverlaps.totalCount")
			.entity(Integer.class)
			.get();
	}

	/** The keys of the two duties with these texts, from the current revision's overlaps. */
	private List<String> pair(String first, String second) {
		var response = this.graphQl.document(SIMILAR).variable("includeDistinct", true).execute();
		List<String> keys = response.path("dutyOverlaps.edges[*].node.duties[*].key").entityList(String.class).get();
		List<String> texts = response.path("dutyOverlaps.edges[*].node.duties[*].text").entityList(String.class).get();
		return List.of(keys.get(texts.indexOf(first)), keys.get(texts.indexOf(second)));
	}

}
