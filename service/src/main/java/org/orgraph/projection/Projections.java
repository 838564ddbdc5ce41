package org.orgraph.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The projections of the revisions being read, by revision id. A revision is loaded on its first
 * request, by one loader thread in the background, and shared by every later request; a path
 * question waits for the load at most {@code orgraph.projection-wait} and is otherwise answered
 * by Cypher (the same answers, in milliseconds) while the load goes on, so a large revision's
 * first path questions never wait out a timeout; a question over the whole revision waits up to
 * {@code orgraph.projection-scan-wait}, as its Cypher would take longer than the load. When a revision completes and the organisation's older revision was
 * being read, the new one is loaded straight away. The cache is bounded by the projections'
 * bytes ({@code orgraph.projection-cache}); past it the least recently used are dropped.
 * Revisions never change once complete, so nothing is invalidated, except when a revision id is
 * written again (a failed import's number reused): its {@link RevisionCompleted} drops the old
 * projection.
 */
@Component
public class Projections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Projections.class);

	private final ProjectionLoader.Rows rows;

	private final long limit;

	private final Duration wait;

	private final Duration scanWait;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong clock = new AtomicLong();

	private final AtomicLong loads = new AtomicLong();

	private final AtomicLong loadMillis = new AtomicLong();

	private final AtomicLong evictions = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final ExecutorService loader = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("projection-loader").factory());

	private volatile boolean closed;

	private volatile long lastLoadMillis;

	/**
	 * @param size the most bytes the projections may take together; unset, a quarter of the
	 * heap; 0 turns projections off (every answer from Cypher)
	 * @param wait how long a request waits for its revision's projection to load before Cypher
	 * answers it instead
	 */
	@Autowired
	public Projections(Graph graph, @Value("${orgraph.projection-cache:}") @Nullable DataSize size,
			@Value("${orgraph.projection-wait:2s}") Duration wait,
			@Value("${orgraph.projection-scan-wait:60s}") Duration scanWait) {
		this((query, params, row) -> graph.readEach("projection/" + query, params, r -> {
			row.accept(r);
			return Boolean.TRUE;
		}), size != null ? size.toBytes() : Runtime.getRuntime().maxMemory() / 4, wait, scanWait);
	}

	Projections(ProjectionLoader.Rows rows, long limit, Duration wait, Duration scanWait) {
		this.rows = rows;
		this.limit = limit;
		this.wait = wait;
		this.scanWait = scanWait;
	}

	/** Whether answers may come from projections at all ({@code orgraph.projection-cache} above 0). */
	public boolean enabled() {
		return this.limit > 0;
	}

	/**
	 * The projection of a complete revision, when it is loaded or loads within
	 * {@code orgraph.projection-wait}; null when projections are off, or while it is still
	 * loading (Cypher answers meanwhile). The caller must have resolved {@code revision} to a
	 * complete revision.
	 */
	public @Nullable Projection get(Revision revision) {
		return get(revision.id(), this.wait);
	}

	/**
	 * The projection of a complete revision for a question over the whole revision (metrics,
	 * vacancies, anomalies, exports): their Cypher files take longer than the load itself, so
	 * such a question waits for the load up to {@code orgraph.projection-scan-wait}; null when
	 * projections are off, the load failed or is still going on after that.
	 */
	public @Nullable Projection forScan(Revision revision) {
		return get(revision.id(), this.scanWait);
	}

	/**
	 * The projection of a complete revision once it has loaded, however long that takes; null
	 * when projections are off or the load failed.
	 */
	public @Nullable Projection await(Revision revision) {
		return get(revision.id(), null);
	}

	private @Nullable Projection get(String rev, @Nullable Duration wait) {
		if (!enabled() || this.closed) {
			return null;
		}
		Entry entry = this.entries.computeIfAbsent(rev, Entry::new);
		entry.used = this.clock.incrementAndGet();
		Projection projection = entry.projection;
		if (projection != null) {
			return projection;
		}
		CompletableFuture<Projection> loading = start(entry);
		try {
			return wait == null ? loading.get() : loading.get(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (ExecutionException | CancellationException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private CompletableFuture<Projection> start(Entry entry) {
		if (entry.started.compareAndSet(false, true)) {
			try {
				this.loader.execute(() -> load(entry));
			}
			catch (RejectedExecutionException ex) {
				this.entries.remove(entry.rev, entry);
				entry.loaded.completeExceptionally(ex);
			}
		}
		return entry.loaded;
	}

	private void load(Entry entry) {
		if (this.closed || this.entries.get(entry.rev) != entry) {
			entry.loaded.cancel(false);
			return;
		}
		long started = System.nanoTime();
		try {
			Projection projection = ProjectionLoader.load(entry.rev, this.rows);
			long millis = (System.nanoTime() - started) / 1_000_000;
			this.loads.incrementAndGet();
			this.loadMillis.addAndGet(millis);
			this.lastLoadMillis = millis;
			entry.projection = projection;
			log.info("projected revision {}: {} posts, {} KB, {} ms", entry.rev, projection.positionCount(),
					projection.bytes() / 1024, millis);
			evict(entry);
			entry.loaded.complete(projection);
		}
		catch (RuntimeException ex) {
			this.entries.remove(entry.rev, entry);
			if (!this.closed) {
				this.failures.incrementAndGet();
				log.warn("could not project revision {} (Cypher answers its questions): {}", entry.rev,
						ex.toString());
			}
			entry.loaded.completeExceptionally(ex);
		}
	}

	/** Drops the least recently used projections until the rest fit, never the one just loaded. */
	private synchronized void evict(Entry keep) {
		long total = bytes();
		if (total <= this.limit) {
			return;
		}
		List<Entry> loaded = new ArrayList<>(this.entries.values().stream().filter(e -> e.projection != null && e != keep).toList());
		loaded.sort(Comparator.comparingLong(e -> e.used));
		for (Entry e : loaded) {
			if (total <= this.limit) {
				break;
			}
			if (this.entries.remove(e.rev, e)) {
				total -= e.projection.bytes();
				this.evictions.incrementAndGet();
			}
		}
	}

	/**
	 * A revision was completed: whatever was projected under its id is stale, and the
	 * organisation's older revisions are superseded. Their projections go too, so a stream of
	 * imports does not fill the cache with revisions nobody reads any more; a question that names
	 * an old revision projects it again.
	 */
	@EventListener
	void onRevisionCompleted(RevisionCompleted completed) {
		Revision current = completed.rev();
		boolean read = false;
		for (Entry e : List.copyOf(this.entries.values())) {
			Revision held = Revision.of(e.rev);
			if (held.organization().equals(current.organization()) && held.number() <= current.number()
					&& this.entries.remove(e.rev, e)) {
				read |= e.projection != null && held.number() < current.number();
			}
		}
		if (read && enabled() && !this.closed) {
			// the organisation is being read: its next questions will name the new revision
			start(this.entries.computeIfAbsent(current.id(), Entry::new));
		}
	}

	@Override
	public void destroy() {
		this.closed = true;
		this.loader.shutdownNow();
	}

	/** Drops every projection (the store was emptied under the service). */
	public void clear() {
		this.entries.clear();
	}

	/** Bytes the loaded projections take. */
	public long bytes() {
		long total = 0;
		for (Entry e : this.entries.values()) {
			Projection p = e.projection;
			total += p == null ? 0 : p.bytes();
		}
		return total;
	}

	/** What the health endpoint shows. */
	public Stats stats() {
		int count = (int) this.entries.values().stream().filter(e -> e.projection != null).count();
		int loading = (int) this.entries.values().stream().filter(e -> e.projection == null && e.started.get()).count();
		return new Stats(count, loading, bytes(), this.limit, this.loads.get(), this.loadMillis.get(),
				this.lastLoadMillis, this.evictions.get(), this.failures.get());
	}

	/**
	 * The cache in numbers: loaded projections and their bytes, loads under way, loads and their
	 * time, evictions, failed loads.
	 */
	public record Stats(int count, int loading, long bytes, long limit, long loads, long loadMillis,
			long lastLoadMillis, long evictions, long failures) {
	}

	private static final class Entry {

		final String rev;

		volatile @Nullable Projection projection;

		volatile long used;

		final AtomicBoolean started = new AtomicBoolean();

		final CompletableFuture<Projection> loaded = new CompletableFuture<>();

		Entry(String rev) {
			this.rev = rev;
		}

	}

}
