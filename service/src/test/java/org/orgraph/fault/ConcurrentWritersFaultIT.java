package org.orgraph.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.fault.StoreInvariants.Acknowledged;
import org.orgraph.importing.ImportService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many imports of the same organisation at once, released together: every one is acknowledged
 * with its own revision number, the numbers are dense, the newest is current, and nothing is
 * doubled, lost or left half-written.
 */
@OrgraphIntegrationTest
class ConcurrentWritersFaultIT {

	private static final int WRITERS = 6;

	private static final int IMPORTS_EACH = 4;

	@Autowired
	ImportService imports;

	@Autowired
	Driver driver;

	@Test
	void shouldGiveConcurrentImportsOfOneOrganisationDistinctDenseRevisions() throws Exception {
		Attempts attempts = new Attempts();
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> writers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
			for (int w = 0; w < WRITERS; w++) {
				long seed = 31L * w;
				writers.add(pool.submit(() -> {
					Random random = new Random(seed);
					go.await();
					for (int i = 0; i < IMPORTS_EACH; i++) {
						attempts.importNext(this.imports, "race", 20 + random.nextInt(600), random);
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> writer : writers) {
				writer.get();
			}
		}

		List<Integer> numbers = attempts.acknowledged.stream().map(Acknowledged::revision).sorted().toList();
		assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, WRITERS * IMPORTS_EACH).boxed().toList());
		try (Session session = this.driver.session()) {
			int current = session.run("MATCH (o:Organization {key: 'race'}) RETURN o.currentRevision AS n")
				.single()
				.get("n")
				.asInt();
			assertThat(current).isEqualTo(WRITERS * IMPORTS_EACH);
		}
		List<String> breaches = new ArrayList<>();
		StoreInvariants.Tally tally = new StoreInvariants(this.driver).check(attempts.expected, attempts.acknowledged, breaches);
		System.out.println("ConcurrentWritersFaultIT: " + attempts.acknowledged.size() + " concurrent imports, " + tally);
		assertThat(breaches).isEmpty();
		assertThat(tally.completeRevisions()).isEqualTo(WRITERS * IMPORTS_EACH);
	}

}
