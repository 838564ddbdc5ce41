package org.orgraph.projection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalRecord;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionCompleted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: a revision's projection loads in the background. A request waits for it at most
 * {@code orgraph.projection-wait} and is answered by Cypher (a null projection) while it loads;
 * a failed load is retried by the next request; an organisation being read has its new revision
 * loaded as soon as it completes.
 */
class ProjectionsTests {

	/** Rows of one post per revision, held back until {@link #release} is counted down. */
	private final CountDownLatch release = new CountDownLatch(1);

	private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final ProjectionLoader.Rows rows = (query, params, row) -> {
		String rev = (String) params.get("rev");
		if (query.equals("units")) {
			this.loads.computeIfAbsent(rev, r -> new AtomicInteger()).incrementAndGet();
			try {
				assertThat(this.release.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (this.failuresLeft.getAndDecrement() > 0) {
				throw new IllegalStateException("the database went away");
			}
			row.accept(new InternalRecord(List.of("key", "name", "kind", "plannedHeadcount", "parent", "parents", "duties"),
					List.of(Values.value("U"), Values.value("Unit"), Values.NULL, Values.NULL, Values.NULL,
							Values.value(0), Values.value(0))));
		}
		else if (query.equals("positions")) {
			row.accept(new InternalRecord(
					List.of("key", "title", "grade", "headcount", "juniorFte", "unit", "units", "concurrentTo", "concurrentFrom",
							"duties"),
					List.of(Values.value("P1"), Values.value("Head"), Values.NULL, Values.value(1), Values.value(0.0),
							Values.value("U"), Values.value(1), Values.value(0), Values.value(0), Values.value(0))));
		}
	};

	private final Projections projections = new Projections(this.rows, 1L << 30, Duration.ZERO, Duration.ofSeconds(30));

	@AfterEach
	void stop() {
		this.release.countDown();
		this.projections.destroy();
	}

	@Test
	void aRequestIsAnsweredByCypherWhileItsRevisionLoads() {
		Revision rev = Revision.of("org/1");
		assertThat(this.projections.get(rev)).isNull();
		assertThat(this.projections.get(rev)).as("asked again while loading").isNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.projections.stats().loading() == 1);

		this.release.countDown();
		Projection loaded = this.projections.await(rev);

		assertThat(loaded).isNotNull();
		assertThat(loaded.positionKey(loaded.position("P1"))).isEqualTo("P1");
		assertThat(this.projections.get(rev)).isSameAs(loaded);
		assertThat(this.loads.get("org/1")).as("one load for every request").hasValue(1);
		assertThat(this.projections.stats().count()).isEqualTo(1);
		assertThat(this.projections.stats().loading()).isZero();
	}

	@Test
	void aRequestWaitsForALoadWithinTheWait() {
		Projections patient = new Projections(this.rows, 1L << 30, Duration.ofSeconds(30), Duration.ofSeconds(30));
		try {
			this.release.countDown();
			assertThat(patient.get(Revision.of("org/1"))).isNotNull();
		}
		finally {
			patient.destroy();
		}
	}

	@Test
	void aQuestionOverTheWholeRevisionWaitsForTheLoad() {
		Revision rev = Revision.of("org/1");
		assertThat(this.projections.get(rev)).as("a path question does not wait").isNull();
		Thread.ofVirtual().start(() -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.projections.stats().loading() == 1);
			this.release.countDown();
		});
		assertThat(this.projections.forScan(rev)).as("a scan waits up to its own limit").isNotNull();
	}

	@Test
	void aFailedLoadIsRetriedByTheNextRequest() {
		this.failuresLeft.set(1);
		this.release.countDown();
		Revision rev = Revision.of("org/1");

		assertThat(this.projections.await(rev)).as("the load failed").isNull();
		assertThat(this.projections.stats().failures()).isEqualTo(1);
		assertThat(this.projections.await(rev)).as("loaded again").isNotNull();
		assertThat(this.loads.get("org/1")).hasValue(2);
	}

	@Test
	void anOrganisationBeingReadHasItsNewRevisionLoadedWhenItCompletes() {
		this.release.countDown();
		assertThat(this.projections.await(Revision.of("read/1"))).isNotNull();
		this.projections.onRevisionCompleted(new RevisionCompleted(Revision.of("unread/2")));
		this.projections.onRevisionCompleted(new RevisionCompleted(Revision.of("read/2")));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.loads.containsKey("read/2"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.projections.stats().loading() == 0);
		assertThat(this.projections.get(Revision.of("read/2"))).as("loaded before anyone asked").isNotNull();
		assertThat(this.loads).as("the superseded revision dropped, the new one loaded once, nothing of the other")
			.containsOnlyKeys("read/1", "read/2");
		assertThat(this.loads.get("read/2")).hasValue(1);
		assertThat(this.projections.stats().count()).isEqualTo(1);
	}

	@Test
	void aStoppedServiceLoadsNothing() {
		this.projections.destroy();
		assertThat(this.projections.get(Revision.of("org/1"))).isNull();
		assertThat(this.loads).isEmpty();
	}

}
