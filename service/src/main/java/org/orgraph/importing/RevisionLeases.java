package org.orgraph.importing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.orgraph.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Leases on the revisions this instance is writing. Each revision names its writer
 * ({@code owner}, one id per process) and carries {@code heartbeatAt}, renewed every third of
 * the lease while the import runs; cleanup, at start-up or in the sweep of an instance sharing
 * the database, removes only revisions whose lease has run out, never one another live
 * instance is still writing ({@code orgraph.import-lease}, default 60 s).
 */
@Component
class RevisionLeases implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RevisionLeases.class);

	private final String owner = UUID.randomUUID().toString();

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	private final Graph graph;

	private final Duration lease;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("revision-leases").daemon().factory());

	RevisionLeases(Graph graph, @Value("${orgraph.import-lease:60s}") Duration lease) {
		this.graph = graph;
		this.lease = lease;
		long every = Math.max(1, lease.toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	String owner() {
		return this.owner;
	}

	Duration lease() {
		return this.lease;
	}

	void hold(String revision) {
		this.held.add(revision);
	}

	void release(String revision) {
		this.held.remove(revision);
	}

	List<String> held() {
		return List.copyOf(this.held);
	}

	/** Renews every lease this instance holds now. */
	void renew() {
		List<String> ids = held();
		if (!ids.isEmpty()) {
			this.graph.write("importing/renew-leases", Map.of("owner", this.owner, "ids", ids));
		}
	}

	/** Runs {@code task} every lease period (the sweep of instances that share a database). */
	void every(Runnable task) {
		this.timer.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("Sweep of unfinished revisions failed; tried again in {} s", this.lease.toSeconds(), ex);
			}
		}, this.lease.toMillis(), this.lease.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void renewQuietly() {
		try {
			renew();
		}
		catch (RuntimeException ex) {
			// a missed renewal is harmless while the next lands within the lease
			log.warn("Could not renew the lease of {} revision(s) being written", this.held.size(), ex);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
