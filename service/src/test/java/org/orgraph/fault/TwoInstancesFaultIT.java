package org.orgraph.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.EmbeddedNeo4j;
import org.orgraph.fault.StoreInvariants.Acknowledged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, finding 8: two service processes on one database. A runs Neo4j embedded with Bolt
 * on; B is pointed at A's Bolt with {@code spring.neo4j.uri}. Imports on one are answered by
 * {@code importJob} on the other; B is killed with SIGKILL in the middle of an import and A's
 * cleanup must leave the revision alone until B's lease has run out, then remove it whole, and
 * report the job abandoned; B is restarted (its start-up cleanup and sweeps running) while A
 * imports without pause, and none of A's revisions may be touched. At the end every
 * acknowledged import is there in full and nothing unfinished is left ({@link StoreInvariants}).
 */
class TwoInstancesFaultIT {

	private static final Duration LEASE = Duration.ofSeconds(8);

	private static final String ADMIN = "two-instances-admin-token-0123456789";

	private static final long SEED = Long.getLong("orgraph.fault.seed", System.nanoTime());

	private static final String JOB = """
			query($id: ID!) { importJob(id: $id) { id organization state phase rowsTotal rowsWritten revision errorCount } }""";

	private final Path dir = Path.of("target/fault-data/two-" + UUID.randomUUID()).toAbsolutePath();

	private final List<ServiceProcess> processes = new ArrayList<>();

	private @Nullable Driver driver;

	@AfterEach
	void stopAll() throws InterruptedException {
		if (this.driver != null) {
			this.driver.close();
		}
		// B first: it uses A's database
		for (ServiceProcess process : this.processes.reversed()) {
			process.close();
		}
	}

	@Test
	void shouldLoseNothingAndRemoveNothingWronglyWithTwoInstancesOnOneDatabase() throws Exception {
		System.out.println("TwoInstancesFaultIT seed " + SEED + " (replay with -Dorgraph.fault.seed=" + SEED + ")");
		long started = System.nanoTime();
		Random random = new Random(SEED);
		int bolt = ServiceProcess.freePort();
		List<String> shared = List.of("--orgraph.demo-data=false", "--orgraph.embeddings.enabled=false",
				"--orgraph.import-lease=" + LEASE.toSeconds() + "s", "--orgraph.admin-token=" + ADMIN,
				"--orgraph.token-key=two-instances-share-one-token-key-0123456789");
		List<String> a = new ArrayList<>(shared);
		a.addAll(List.of("--orgraph.data-dir=" + this.dir.resolve("a"), "--orgraph.bolt-port=" + bolt,
				"--orgraph.bolt-password=" + OrgraphIntegrationTest.BOLT_PASSWORD));
		List<String> b = new ArrayList<>(shared);
		b.addAll(List.of("--orgraph.data-dir=" + this.dir.resolve("b"), "--spring.neo4j.uri=bolt://127.0.0.1:" + bolt,
				"--spring.neo4j.authentication.username=" + EmbeddedNeo4j.BOLT_USER,
				"--spring.neo4j.authentication.password=" + OrgraphIntegrationTest.BOLT_PASSWORD));
		ServiceProcess instanceA = start(new ServiceProcess("a", this.dir, a));
		long aReady = System.nanoTime();
		ServiceProcess instanceB = start(new ServiceProcess("b", this.dir, b));
		long bReady = System.nanoTime();
		this.driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt,
				AuthTokens.basic(EmbeddedNeo4j.BOLT_USER, OrgraphIntegrationTest.BOLT_PASSWORD));
		Attempts attempts = new Attempts();

		// a token made on A works on B: they share the database and the token key
		String editor = (String) at(instanceA.graphQl(ADMIN,
				"mutation { createApiToken(input: {name: \"two instances\", role: EDITOR}) { token } }", Map.of()),
				"data.createApiToken.token");

		// 1. an import on A is answered by importJob on B, and one on B by importJob on A
		Imported onA = attempts.importOn(instanceA, editor, "two-a", 200, random, false);
		Map<String, Object> jobOnB = job(instanceB, editor, onA.jobId());
		assertThat(jobOnB).as("importJob on B of A's import").containsEntry("state", "COMPLETE")
			.containsEntry("organization", "two-a").containsEntry("revision", onA.revision());
		Imported onB = attempts.importOn(instanceB, editor, "two-b", 1_000, random, true);
		Map<String, Object> firstSeenOnA = job(instanceA, editor, onB.jobId());
		assertThat(firstSeenOnA).as("importJob on A, as soon as B accepted the import").isNotNull()
			.containsEntry("organization", "two-b");
		Map<String, Object> doneOnA = awaitJob(instanceA, editor, onB.jobId(), j -> !"WRITING".equals(j.get("state")),
				Duration.ofMinutes(2));
		assertThat(doneOnA).containsEntry("state", "COMPLETE");
		assertThat(doneOnA.get("rowsWritten")).isEqualTo(doneOnA.get("rowsTotal"));
		attempts.acknowledge(new Acknowledged("two-b", (Integer) doneOnA.get("revision"), onB.attempt()));
		long phase1 = System.nanoTime();

		// A imports without pause from here on, while B is killed and restarted
		AtomicBoolean stop = new AtomicBoolean();
		List<long[]> writesOnA = new CopyOnWriteArrayList<>();
		AtomicInteger failuresOnA = new AtomicInteger();
		long writerSeed = random.nextLong();
		Thread writer = Thread.ofPlatform().name("writer-a").start(() -> {
			Random own = new Random(writerSeed);
			while (!stop.get()) {
				long from = System.nanoTime();
				try {
					attempts.importOn(instanceA, editor, "two-a", 100 + own.nextInt(700), own, false);
					writesOnA.add(new long[] { from, System.nanoTime() });
				}
				catch (Exception | AssertionError ex) {
					failuresOnA.incrementAndGet();
					ex.printStackTrace();
				}
			}
		});

		// 2. B killed in the middle of a large import
		Imported cutOff = attempts.importOn(instanceB, editor, "two-b", 20_000, random, true);
		Map<String, Object> writing = awaitJob(instanceA, editor, cutOff.jobId(),
				j -> !"WRITING".equals(j.get("state")) || ((Integer) j.get("rowsWritten")) > 0, Duration.ofMinutes(2));
		assertThat(writing).as("B's large import seen writing from A").containsEntry("state", "WRITING");
		instanceB.kill();
		long killed = System.currentTimeMillis();
		Record building = revisionOfJob(cutOff.jobId());
		assertThat(building).as("the revision B was writing when it was killed").isNotNull();
		assertThat(building.get("status").asString()).isEqualTo("building");
		String cutOffRevision = building.get("id").asString();
		long lastHeartbeat = building.get("heartbeatAt").asLong();
		assertThat(job(instanceA, editor, cutOff.jobId())).as("within the lease, the job still counts as running")
			.containsEntry("state", "WRITING");
		// B's revision is removed within three leases (plus slack) of its last heartbeat
		await().atMost(Duration.ofMillis(lastHeartbeat + 3 * LEASE.toMillis() + 30_000 - killed))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> revisionOfJob(cutOff.jobId()) == null);
		long removed = System.currentTimeMillis();
		assertThat(removed - lastHeartbeat).as("removed only once B's lease ran out (heartbeat %d, removed by %d)",
				lastHeartbeat, removed).isGreaterThanOrEqualTo(LEASE.toMillis());
		assertThat(nodesOf(cutOffRevision)).as("nothing of the removed revision is left").isZero();
		Map<String, Object> abandoned = job(instanceA, editor, cutOff.jobId());
		assertThat(abandoned).as("B's job, asked on A after B's lease ran out").containsEntry("state", "FAILED")
			.containsEntry("phase", "abandoned");
		long phase2 = System.nanoTime();

		// 3. B restarted while A writes: its start-up cleanup and sweeps must leave A's revisions alone
		long bRestarting = System.nanoTime();
		instanceB.start();
		instanceB.awaitReady(Duration.ofMinutes(3));
		long bRestarted = System.nanoTime();
		Imported afterRestart = attempts.importOn(instanceB, editor, "two-b", 500, random, false);
		assertThat(job(instanceA, editor, afterRestart.jobId())).containsEntry("state", "COMPLETE");
		// at least two of A's imports after one of B's sweeps (every lease) could have run
		int writtenBefore = writesOnA.size();
		try {
			await().pollDelay(LEASE.plusSeconds(1))
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> writesOnA.size() >= writtenBefore + 2);
		}
		catch (ConditionTimeoutException ex) {
			// the overlap assertion below says whether enough of A's imports ran
		}
		stop.set(true);
		writer.join(Duration.ofMinutes(3));
		assertThat(writer.isAlive()).as("A's writer stopped").isFalse();
		long overlapping = writesOnA.stream().filter(w -> w[0] < bRestarted && w[1] > bRestarting).count();
		assertThat(overlapping).as("imports on A while B restarted and cleaned up").isPositive();
		assertThat(failuresOnA).as("A's imports never fail because of B").hasValue(0);

		// nothing lost, nothing half-written, nothing removed wrongly
		List<String> breaches = new ArrayList<>();
		StoreInvariants.Tally tally = new StoreInvariants(this.driver).check(attempts.expected, attempts.acknowledged, breaches);
		assertThat(breaches).as("store after the run (seed %d)", SEED).isEmpty();
		assertThat(tally.acknowledgedChecked()).isEqualTo(attempts.acknowledged.size());
		System.out.printf("TwoInstancesFaultIT: A ready in %d s, B in %d s; jobs across instances %d s; B killed mid-import, "
				+ "its revision removed %d ms after its last heartbeat (lease %d ms), %d s; B restarted in %d s while A "
				+ "imported (%d imports overlapping); %d imports acknowledged and checked (%d on A meanwhile), %s; %d s in all%n",
				seconds(started, aReady), seconds(aReady, bReady), seconds(bReady, phase1), removed - lastHeartbeat,
				LEASE.toMillis(), seconds(phase1, phase2), seconds(bRestarting, bRestarted), overlapping,
				attempts.acknowledged.size(), writesOnA.size(), tally, seconds(started, System.nanoTime()));
	}

	private ServiceProcess start(ServiceProcess process) throws InterruptedException {
		this.processes.add(process);
		process.start();
		process.awaitReady(Duration.ofMinutes(3));
		return process;
	}

	/** An import one instance accepted: its job, and (done at once) its revision. */
	record Imported(String jobId, int attempt, @Nullable Integer revision) {
	}

	/** Generated documents and what the instances acknowledged of them. */
	static final class Attempts {

		final Map<Integer, OrgDocuments.Expected> expected = new java.util.concurrent.ConcurrentHashMap<>();

		final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();

		private final AtomicInteger counter = new AtomicInteger();

		/** Imports a new document; done at once ({@code 201}) it is acknowledged, in the background ({@code 202}) not yet. */
		Imported importOn(ServiceProcess instance, String token, String org, int positions, Random random, boolean async)
				throws Exception {
			int attempt = this.counter.incrementAndGet();
			OrgDocuments.Document document = OrgDocuments.generate(org, attempt, positions, random);
			this.expected.put(attempt, document.expected());
			ServiceProcess.Answer answer = instance.importDocument(token, org, document.json(), async);
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(async ? 202 : 201);
			// both answers name the job: /api/v1/imports/{id}
			assertThat(answer.location()).startsWith("/api/v1/imports/");
			String jobId = answer.location().substring("/api/v1/imports/".length());
			if (async) {
				return new Imported(jobId, attempt, null);
			}
			int revision = (Integer) answer.body().get("revision");
			acknowledge(new Acknowledged(org, revision, attempt));
			return new Imported(jobId, attempt, revision);
		}

		void acknowledge(Acknowledged imported) {
			this.acknowledged.add(imported);
		}

	}

	private static Map<String, Object> job(ServiceProcess instance, String token, String id) throws Exception {
		Map<String, Object> answer = instance.graphQl(token, JOB, Map.of("id", id));
		assertThat(answer.get("errors")).as(answer.toString()).isNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> job = (Map<String, Object>) at(answer, "data.importJob");
		return job;
	}

	private static Map<String, Object> awaitJob(ServiceProcess instance, String token, String id,
			java.util.function.Predicate<Map<String, Object>> until, Duration atMost) throws Exception {
		java.util.concurrent.Callable<Map<String, Object>> read = () -> {
			Map<String, Object> job = job(instance, token, id);
			assertThat(job).as("job %s on instance at port %d", id, instance.port()).isNotNull();
			return job;
		};
		try {
			return await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(read, until::test);
		}
		catch (ConditionTimeoutException ex) {
			return read.call(); // as it stands: the caller's assertion says what it is not
		}
	}

	private @Nullable Record revisionOfJob(String jobId) {
		try (Session session = this.driver.session()) {
			List<Record> rows = session.run("""
					MATCH (r:Revision {jobId: $job})
					RETURN r.id AS id, r.status AS status, r.heartbeatAt.epochMillis AS heartbeatAt""",
					Map.of("job", jobId)).list();
			return rows.isEmpty() ? null : rows.getFirst();
		}
	}

	private long nodesOf(String revision) {
		try (Session session = this.driver.session()) {
			long n = 0;
			for (String label : List.of("Unit", "Position", "Person", "Duty")) {
				n += session.run("MATCH (n:$($label) {rev: $rev}) RETURN count(n) AS n", Map.of("label", label, "rev", revision))
					.single().get("n").asLong();
			}
			return n;
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Object at(Map<String, Object> answer, String path) {
		Object value = answer;
		for (String step : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = ((Map<String, Object>) map).get(step);
		}
		return value;
	}

	private static long seconds(long from, long to) {
		return Duration.ofNanos(to - from).toSeconds();
	}

}
