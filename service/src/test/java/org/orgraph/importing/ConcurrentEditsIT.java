package org.orgraph.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.Revisions;
import org.orgraph.security.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits of one organisation from two service instances at once (two {@link ImportService}s
 * on one database: no lock in common but the database's). Every acknowledged edit is in the
 * final revision (no lost update), revisions are dense, and two edits that would together
 * close a loop never both land.
 */
@OrgraphIntegrationTest
class ConcurrentEditsIT {

	private static final int THREADS_PER_INSTANCE = 3;

	private static final int EDITS_EACH = 3;

	@Autowired
	ImportService imports;

	@Autowired
	RevisionWriter writer;

	@Autowired
	AuditTrail audit;

	@Autowired
	RevisionDocuments documents;

	@Autowired
	Revisions reader;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Driver driver;

	@Test
	void shouldKeepEveryAcknowledgedEditWhenTwoInstancesEditAtOnce() throws Exception {
		importCarRental("race-edits");
		List<ImportService> instances = List.of(this.imports, new ImportService(this.writer, this.audit, this.documents, this.reader, event -> {
		}, this.jobs));
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		AtomicInteger conflicts = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> threads = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE)) {
			for (int i = 0; i < instances.size(); i++) {
				ImportService instance = instances.get(i);
				for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
					String thread = i + "-" + t;
					threads.add(pool.submit(() -> {
						go.await();
						for (int e = 0; e < EDITS_EACH; e++) {
							String key = "RACE-" + thread + "-" + e;
							OrgEdit edit = new OrgEdit.AddDuty(OrgEdit.HolderKind.UNIT, "U02", "负责车辆调度 " + key, key);
							while (true) {
								try {
									instance.edit("race-edits", current("race-edits"), List.of(edit));
									acknowledged.add(key);
									break;
								}
								catch (ImportRejectedException ex) {
									assertThat(ex.problems()).extracting(ImportProblem::code).containsExactly("CONFLICT");
									conflicts.incrementAndGet(); // someone else's edit landed first: read again and retry
								}
							}
						}
						return null;
					}));
				}
			}
			go.countDown();
			for (Future<?> thread : threads) {
				thread.get();
			}
		}
		int expected = instances.size() * THREADS_PER_INSTANCE * EDITS_EACH;
		System.out.printf("ConcurrentEditsIT: %d edits acknowledged after %d conflicts%n", acknowledged.size(), conflicts.get());
		assertThat(acknowledged).hasSize(expected);
		try (Session session = this.driver.session()) {
			List<String> inFinal = session.run("""
					MATCH (u:Unit {rev: 'race-edits/' + $n, key: 'U02'})-[:OWNS]->(d:Duty)
					WHERE d.key STARTS WITH 'RACE-'
					RETURN d.key AS key""", Map.of("n", current("race-edits"))).list(r -> r.get("key").asString());
			assertThat(inFinal).containsExactlyInAnyOrderElementsOf(acknowledged);
			// refused edits leave no revision behind (a number may be skipped), and each landed edit built on the one before
			List<Integer> complete = session.run("MATCH (r:Revision {org: 'race-edits'}) RETURN r.number AS n, r.status AS s ORDER BY n")
				.list(r -> {
					assertThat(r.get("s").asString()).isEqualTo("complete");
					return r.get("n").asInt();
				});
			assertThat(complete).hasSize(1 + expected).last().isEqualTo(current("race-edits"));
			for (int i = 1; i < complete.size(); i++) {
				long duties = session.run("MATCH (:Unit {rev: 'race-edits/' + $n, key: 'U02'})-[:OWNS]->(d:Duty) "
						+ "WHERE d.key STARTS WITH 'RACE-' RETURN count(d) AS c", Map.of("n", complete.get(i)))
					.single().get("c").asLong();
				assertThat(duties).as("edit duties in revision %d", complete.get(i)).isEqualTo(i);
			}
		}
	}

	@Test
	void shouldNeverLandTwoEditsThatTogetherCloseALoop() throws Exception {
		importCarRental("race-loop");
		ImportService other = new ImportService(this.writer, this.audit, this.documents, this.reader, event -> {
		}, this.jobs);
		int landedBoth = 0;
		int refused = 0;
		for (int round = 0; round < 6; round++) {
			// P04 and P10 both report to P01; each line alone is fine, both together loop
			int base = current("race-loop");
			OrgEdit oneWay = new OrgEdit.SetReportsTo("P04", "P10");
			OrgEdit otherWay = new OrgEdit.SetReportsTo("P10", "P04");
			CountDownLatch go = new CountDownLatch(1);
			try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
				Future<Boolean> a = pool.submit(() -> landed(this.imports, go, "race-loop", base, oneWay));
				Future<Boolean> b = pool.submit(() -> landed(other, go, "race-loop", base, otherWay));
				go.countDown();
				boolean first = a.get();
				boolean second = b.get();
				landedBoth += first && second ? 1 : 0;
				refused += (first ? 0 : 1) + (second ? 0 : 1);
			}
			// put both lines back for the next round
			this.imports.edit("race-loop", current("race-loop"), List.of(new OrgEdit.SetReportsTo("P04", "P01"),
					new OrgEdit.SetReportsTo("P10", "P01")));
		}
		assertThat(landedBoth).isZero();
		assertThat(refused).isEqualTo(6);
		try (Session session = this.driver.session()) {
			long looping = session.run("""
					MATCH (p:Position) WHERE p.rev STARTS WITH 'race-loop/'
					  AND EXISTS { (p)-[:REPORTS_TO*1..64]->(p) }
					RETURN count(p) AS n""").single().get("n").asLong();
			assertThat(looping).isZero();
		}
	}

	private static boolean landed(ImportService service, CountDownLatch go, String org, int base, OrgEdit edit)
			throws InterruptedException {
		go.await();
		try {
			service.edit(org, base, List.of(edit));
			return true;
		}
		catch (ImportRejectedException ex) {
			assertThat(ex.problems()).extracting(ImportProblem::code).containsAnyOf("CONFLICT", "CYCLE");
			return false;
		}
	}

	private void importCarRental(String org) throws IOException {
		String json = new ClassPathResource("demo/car-rental-ops-company.json").getContentAsString(StandardCharsets.UTF_8)
			.replace("\"car-rental-ops-company\"", "\"" + org + "\"");
		this.imports.importNow(org, "org-json", List.of(new ImportFile(org + ".json", json.getBytes(StandardCharsets.UTF_8))));
	}

	private int current(String org) {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (o:Organization {key: $org}) RETURN o.currentRevision AS n", Map.of("org", org))
				.single().get("n").asInt();
		}
	}

}
