package org.orgraph.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.GraphQlPost;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 8: import jobs lived in one instance's memory, so another instance on the
 * same database answered {@code importJob} with null. Now they are stored: a job another
 * instance runs is answered with its progress, one whose instance stopped is reported
 * abandoned once its lease ran out, and finished jobs are forgotten after the expiry.
 */
@OrgraphIntegrationTest
class ImportJobsIT {

	static final String JOB = """
			query($id: ID!) { importJob(id: $id) { id organization format state phase rowsTotal rowsWritten
			  startedAt finishedAt revision errorCount } }""";

	@Autowired
	WebTestClient http;

	@Autowired
	Driver driver;

	@Autowired
	ImportJobs jobs;

	@Autowired
	RevisionLeases leases;

	@AfterEach
	void clean() {
		run("MATCH (j:ImportJob) WHERE j.id STARTS WITH 'other-' DELETE j", Map.of());
	}

	@Test
	void shouldAnswerAFinishedImportFromTheDatabase() throws Exception {
		String document = new ClassPathResource("demo/car-rental-ops-company.json").getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8);
		Map<String, Object> payload = data(GraphQlPost.answer(this.http,
				"mutation($d: String!) { importOrganization(input: {org: \"car-rental-ops-company\", document: $d}) { revision jobId errors { code } } }",
				Map.of("d", document)), "importOrganization");
		String id = (String) payload.get("jobId");
		assertThat(id).as(payload.toString()).isNotNull();

		Map<String, Object> job = data(GraphQlPost.answer(this.http, JOB, Map.of("id", id)), "importJob");
		assertThat(job).containsEntry("state", "COMPLETE").containsEntry("organization", "car-rental-ops-company")
			.containsEntry("revision", 1).containsEntry("phase", "done").containsEntry("errorCount", 0);
		assertThat(job.get("rowsWritten")).isEqualTo(job.get("rowsTotal"));
		assertThat(job.get("finishedAt")).isNotNull();
		// stored, with this instance as its owner: any instance on the database reads the same node
		try (Session session = this.driver.session()) {
			var stored = session.run("MATCH (j:ImportJob {id: $id}) RETURN j.state AS state, j.revision AS revision, "
					+ "j.owner IS NOT NULL AS owned, j.counts AS counts", Map.of("id", id)).single();
			assertThat(stored.get("state").asString()).isEqualTo("COMPLETE");
			assertThat(stored.get("revision").asInt()).isEqualTo(1);
			assertThat(stored.get("owned").asBoolean()).isTrue();
			assertThat(stored.get("counts").asString()).contains("\"positions\"");
		}
		// REST answers the same job, with its result
		Map<String, Object> rest = this.http.get().uri("/api/v1/imports/" + id).exchange().expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			}).returnResult().getResponseBody();
		assertThat(rest).containsEntry("state", "COMPLETE");
		Map<?, ?> result = (Map<?, ?>) rest.get("result");
		assertThat(result.get("revision")).isEqualTo(1);
		// where the time went, phase by phase, as stored with the job: every write phase with its rows
		List<?> phases = (List<?>) result.get("phases");
		assertThat(phases.stream().map(p -> (String) ((Map<?, ?>) p).get("phase")).toList()).containsSubsequence("parse", "validate and plan", "open revision", "create-units", "create-positions",
					"create-people", "create-duties", "link-reporting", "link-holdings", "make current");
		Map<?, ?> counts = (Map<?, ?>) result.get("counts");
		assertThat(phases).filteredOn(p -> ((Map<?, ?>) p).get("phase").equals("create-duties"))
			.singleElement()
			.satisfies(p -> assertThat(((Map<?, ?>) p).get("rows")).isEqualTo(counts.get("duties")));
		assertThat(phases).allSatisfy(p -> assertThat(((Number) ((Map<?, ?>) p).get("millis")).longValue())
			.isGreaterThanOrEqualTo(0));
	}

	@Test
	void shouldAnswerAJobAnotherInstanceIsRunningWithItsProgress() {
		stored("other-live", "WRITING", 2, null);

		Map<String, Object> job = data(GraphQlPost.answer(this.http, JOB, Map.of("id", "other-live")), "importJob");

		assertThat(job).containsEntry("state", "WRITING").containsEntry("phase", "people")
			.containsEntry("rowsWritten", 40).containsEntry("rowsTotal", 100).containsEntry("organization", "jobs-other");
		assertThat(job.get("finishedAt")).isNull();
		assertThat(job.get("revision")).isNull();
	}

	@Test
	void shouldReportAJobWhoseInstanceStoppedAsAbandonedOnceItsLeaseRanOut() {
		long lease = this.leases.lease().toSeconds();
		stored("other-dead", "WRITING", 2 * lease, null);
		stored("other-alive", "WRITING", Math.max(0, lease / 4), null);

		Map<String, Object> dead = data(GraphQlPost.answer(this.http, JOB, Map.of("id", "other-dead")), "importJob");
		Map<String, Object> alive = data(GraphQlPost.answer(this.http, JOB, Map.of("id", "other-alive")), "importJob");

		assertThat(dead).containsEntry("state", "FAILED").containsEntry("phase", ImportJobs.ABANDONED);
		assertThat(alive).containsEntry("state", "WRITING");
	}

	@Test
	void shouldForgetFinishedJobsAfterTheExpiry() {
		long expiry = this.jobs.expiry().toSeconds();
		stored("other-old", "COMPLETE", 2 * expiry, 2 * expiry);
		stored("other-recent", "COMPLETE", 60, 60L);
		stored("other-abandoned-long-ago", "WRITING", 2 * expiry, null);

		assertThat(data(GraphQlPost.answer(this.http, JOB, Map.of("id", "other-old")), "importJob")).isNull();
		assertThat(data(GraphQlPost.answer(this.http, JOB, Map.of("id", "other-recent")), "importJob"))
			.containsEntry("state", "COMPLETE").containsEntry("revision", 3);

		assertThat(this.jobs.expire()).isEqualTo(2);
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH (j:ImportJob) WHERE j.id STARTS WITH 'other-' RETURN j.id AS id ORDER BY id")
				.list(r -> r.get("id").asString())).containsExactly("other-recent");
		}
	}

	/** A job as another instance stores it: last heartbeat and finish that many seconds ago. */
	private void stored(String id, String state, long heartbeatSecondsAgo, Long finishedSecondsAgo) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("state", state);
		params.put("beat", heartbeatSecondsAgo);
		params.put("finished", finishedSecondsAgo);
		run("""
				CREATE (:ImportJob {id: $id, org: 'jobs-other', format: 'org-json', state: $state,
				  phase: CASE $state WHEN 'COMPLETE' THEN 'done' ELSE 'people' END, rowsTotal: 100,
				  rowsWritten: CASE $state WHEN 'COMPLETE' THEN 100 ELSE 40 END,
				  startedAt: datetime() - duration({seconds: $beat + 5}),
				  finishedAt: CASE WHEN $finished IS NULL THEN null ELSE datetime() - duration({seconds: $finished}) END,
				  revision: CASE $state WHEN 'COMPLETE' THEN 3 ELSE null END,
				  currentRevision: CASE $state WHEN 'COMPLETE' THEN 3 ELSE null END,
				  counts: CASE $state WHEN 'COMPLETE' THEN '{"units": 1}' ELSE null END,
				  millis: CASE $state WHEN 'COMPLETE' THEN 12 ELSE null END,
				  problems: '[]', errorCount: 0, warningCount: 0, owner: 'another-instance',
				  heartbeatAt: datetime() - duration({seconds: $beat})})""", params);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> answer, String field) {
		assertThat(answer.get("errors")).as(answer.toString()).isNull();
		return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
	}

	private void run(String cypher, Map<String, Object> params) {
		try (Session session = this.driver.session()) {
			session.run(cypher, params).consume();
		}
	}

}
