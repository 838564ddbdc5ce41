package org.orgraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlowAnswersTests {

	private final SlowAnswers<String, Integer> answers = new SlowAnswers<>(2, Duration.ofMinutes(1));

	@Test
	void shouldWorkOutAnAnswerOnceForCallersArrivingTogether() throws Exception {
		AtomicInteger computations = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(callers.submit(() -> this.answers.get("rev/1", () -> {
					computations.incrementAndGet();
					started.countDown();
					await(release);
					return 42;
				})));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			release.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(42);
			}
		}
		assertThat(computations).hasValue(1);
		assertThat(this.answers.get("rev/1", () -> 0)).isEqualTo(42);
	}

	@Test
	void shouldHandAFailureToTheCallerUnwrappedAndNotKeepIt() {
		assertThatThrownBy(() -> this.answers.get("rev/2", () -> {
			throw new IllegalStateException("too many pairs");
		})).isExactlyInstanceOf(IllegalStateException.class).hasMessage("too many pairs");
		assertThat(this.answers.keys()).doesNotContain("rev/2");
		assertThat(this.answers.get("rev/2", () -> 7)).isEqualTo(7);
	}

	/**
	 * What deadlocked the service under load: an answer worked out with a parallel stream (on the
	 * common pool) while other answers of the same cache come and go. A cache computing inside
	 * its map holds a bin lock meanwhile, and its eviction of a key sharing that bin, running on
	 * the common pool, then holds the worker the parallel stream waits for.
	 */
	@Test
	void shouldLetOtherAnswersComeAndGoWhileOneIsWorkedOutOnTheCommonPool() throws Exception {
		CountDownLatch othersDone = new CountDownLatch(1);
		try (ExecutorService slow = Executors.newSingleThreadExecutor()) {
			Future<Integer> sum = slow.submit(() -> this.answers.get("slow", () -> {
				await(othersDone);
				return IntStream.range(0, 200_000).parallel().map(i -> i % 7).sum();
			}));
			for (int i = 0; i < 500; i++) {
				int n = i;
				assertThat(this.answers.get("other/" + i, () -> n)).isEqualTo(n);
			}
			othersDone.countDown();
			assertThat(sum.get(20, TimeUnit.SECONDS)).isEqualTo(IntStream.range(0, 200_000).map(i -> i % 7).sum());
		}
		assertThat(this.answers.keys()).hasSizeLessThan(500);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
