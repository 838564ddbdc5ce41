package org.orgraph.fault;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty clients, nine reads to one import, over HTTP: after a warm-up a 60 s run must see no
 * 5xx (the p99 is printed), then a soak ({@code -Dorgraph.soak}, five minutes in the fault
 * profile) samples the heap after GC and must not show it climbing.
 */
@OrgraphIntegrationTest
class ServiceLoadIT {

	private static final int CLIENTS = 20;

	private static final int ORGS = 4;

	private static final Duration WARM_UP = Duration.ofSeconds(10);

	private static final Duration LOAD = Duration.parse(System.getProperty("orgraph.load", "PT60S"));

	private static final Duration SOAK = Duration.parse(System.getProperty("orgraph.soak", "PT1M"));

	private static final int HEAP_SAMPLES = 10;

	/** Far above any answer's time here (imports of one organisation queue behind each other). */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	/** Allowed rise of the heap after GC from the first to the last third of the soak. */
	private static final long HEAP_MARGIN_BYTES = 64L * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Whether a timed-out request has printed the service's threads: once is enough to read. */
	private final AtomicBoolean dumped = new AtomicBoolean();

	@LocalServerPort
	int port;

	@Test
	void shouldServeTwentyClientsWithoutServerErrorsAndKeepTheHeapFlat() throws Exception {
		for (int o = 0; o < ORGS; o++) {
			assertThat(importOrg("load-" + o, new Random(o)).statusCode()).isEqualTo(201);
		}
		run(WARM_UP, null);

		Stats load = new Stats();
		run(LOAD, load);
		long[] latencies = load.sortedMillis();
		long p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
		long p50 = latencies[latencies.length / 2];
		System.out.printf("ServiceLoadIT: %d clients for %d s: %d requests (%d writes), %d 5xx, %d other failures, "
				+ "p50 %d ms, p99 %d ms, max %d ms%n", CLIENTS, LOAD.toSeconds(), latencies.length, load.writes.get(),
				load.serverErrors.get(), load.otherFailures.get(), p50, p99, latencies[latencies.length - 1]);
		assertThat(load.serverErrors).as("5xx answers under load; first: %s", load.firstFailure.get()).hasValue(0);
		assertThat(load.otherFailures).as("failed requests under load; first: %s", load.firstFailure.get()).hasValue(0);

		List<Long> heap = soak();
		int third = Math.max(1, heap.size() / 3);
		double first = heap.subList(0, third).stream().mapToLong(Long::longValue).average().orElseThrow();
		double last = heap.subList(heap.size() - third, heap.size()).stream().mapToLong(Long::longValue).average().orElseThrow();
		System.out.printf("ServiceLoadIT soak %s: heap after GC (MB) %s; first third %.0f MB, last third %.0f MB%n", SOAK,
				heap.stream().map(b -> b / (1024 * 1024)).toList(), first / (1024 * 1024), last / (1024 * 1024));
		assertThat(last).as("heap after GC, last third against first third of the soak").isLessThan(first + HEAP_MARGIN_BYTES);
	}

	private List<Long> soak() throws Exception {
		List<Long> heap = new ArrayList<>();
		Stats stats = new Stats();
		Duration interval = SOAK.dividedBy(HEAP_SAMPLES);
		heap.add(heapAfterGc());
		for (int i = 0; i < HEAP_SAMPLES; i++) {
			run(interval, stats);
			heap.add(heapAfterGc());
		}
		assertThat(stats.serverErrors).as("5xx answers during the soak; first: %s", stats.firstFailure.get()).hasValue(0);
		return heap;
	}

	private static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** Counts of one run; {@code null} for the warm-up, which counts nothing. */
	private static final class Stats {

		final List<long[]> perClient = new ArrayList<>();

		final AtomicInteger serverErrors = new AtomicInteger();

		final AtomicInteger otherFailures = new AtomicInteger();

		final AtomicInteger writes = new AtomicInteger();

		final AtomicReference<String> firstFailure = new AtomicReference<>();

		long[] sortedMillis() {
			long[] all;
			synchronized (this.perClient) {
				all = this.perClient.stream().flatMapToLong(Arrays::stream).toArray();
			}
			Arrays.sort(all);
			return all;
		}

		void failure(String what) {
			this.firstFailure.compareAndSet(null, what);
		}

	}

	private void run(Duration duration, Stats stats) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		List<Future<?>> clients = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
			for (int c = 0; c < CLIENTS; c++) {
				long seed = c * 7919L + System.nanoTime();
				clients.add(pool.submit(() -> client(new Random(seed), end, stats)));
			}
			for (Future<?> client : clients) {
				client.get();
			}
		}
	}

	private Void client(Random random, long end, Stats stats) throws IOException, InterruptedException {
		long[] latencies = new long[1024];
		int n = 0;
		while (System.nanoTime() < end) {
			boolean write = random.nextInt(10) == 0;
			String org = "load-" + random.nextInt(ORGS);
			long started = System.nanoTime();
			String read = write ? null : readQuery(org, random);
			HttpResponse<String> answer;
			try {
				answer = write ? importOrg(org, random) : this.http.send(graphql(read), HttpResponse.BodyHandlers.ofString());
			}
			catch (HttpTimeoutException ex) {
				// the service runs in this JVM: say where its threads were when the first request gave up
				if (this.dumped.compareAndSet(false, true)) {
					System.out.println(threadDump());
				}
				throw new AssertionError("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s to "
						+ (write ? "an import of " + org : read) + " (thread dump printed at the first such request)", ex);
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (stats == null) {
				continue;
			}
			if (n == latencies.length) {
				latencies = Arrays.copyOf(latencies, n * 2);
			}
			latencies[n++] = millis;
			if (write) {
				stats.writes.incrementAndGet();
			}
			if (answer.statusCode() >= 500) {
				stats.serverErrors.incrementAndGet();
				stats.failure(answer.statusCode() + " " + answer.body());
			}
			else if (answer.statusCode() >= 300 || answer.body().contains("\"errors\"")) {
				stats.otherFailures.incrementAndGet();
				stats.failure(answer.statusCode() + " " + answer.body());
			}
		}
		if (stats != null) {
			synchronized (stats.perClient) {
				stats.perClient.add(Arrays.copyOf(latencies, n));
			}
		}
		return null;
	}

	private static String readQuery(String org, Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> "{ organizations { key name currentRevision } }";
			case 1 -> "{ orgMetrics(org: \\\"" + org + "\\\") { revision units positions people holdings } }";
			default -> "{ chainOfCommand(org: \\\"" + org + "\\\", position: \\\"A0-P" + random.nextInt(100)
					+ "\\\") { cycle links { depth position { key } } } }";
		};
	}

	private HttpResponse<String> importOrg(String org, Random random) throws IOException, InterruptedException {
		// every import of one organisation uses the same keys, so position A0-P<n> exists in every revision
		byte[] json = OrgDocuments.generate(org, 0, 200, random).json();
		HttpRequest request = request("/api/v1/orgs/" + org + "/imports")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest graphql(String query) {
		return request("/graphql").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build();
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder("ServiceLoadIT thread dump at a timed-out request:\n");
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
			for (LockInfo lock : thread.getLockedSynchronizers()) {
				dump.append("\tholds ").append(lock).append('\n');
			}
			for (MonitorInfo monitor : thread.getLockedMonitors()) {
				dump.append("\tholds monitor ").append(monitor).append('\n');
			}
		}
		return dump.toString();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + OrgraphIntegrationTest.ADMIN_TOKEN)
			.header("Content-Type", "application/json");
	}

}
