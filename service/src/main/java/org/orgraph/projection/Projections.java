package org.orgraph.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The projections of the revisions being read, by revision id. A revision is loaded on its first
 * request and shared by every later one; concurrent first requests wait for the one load. The
 * cache is bounded by the projections' bytes ({@code orgraph.projection-cache}); past it the
 * least recently used are dropped. Revisions never change once complete, so nothing is
 * invalidated, except when a revision id is written again (a failed import's number reused):
 * its {@link RevisionCompleted} drops the old projection.
 */
@Component
public class Projections {

	private static final Logger log = LoggerFactory.getLogger(Projections.class);

	private final Graph graph;

	private final long limit;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong clock = new AtomicLong();

	private final AtomicLong loads = new AtomicLong();

	private final AtomicLong loadMillis = new AtomicLong();

	private final AtomicLong evictions = new AtomicLong();

	private volatile long lastLoadMillis;

	/**
	 * @param size the most bytes the projections may take together; unset, a quarter of the
	 * heap; 0 turns projections off (every answer from Cypher)
	 */
	public Projections(Graph graph, @Value("${orgraph.projection-cache:}") @Nullable DataSize size) {
		this.graph = graph;
		this.limit = size != null ? size.toBytes() : Runtime.getRuntime().maxMemory() / 4;
	}

	/** Whether answers may come from projections at all ({@code orgraph.projection-cache} above 0). */
	public boolean enabled() {
		return this.limit > 0;
	}

	/** The projection of a complete revision; null when projections are turned off. */
	public @Nullable Projection get(Revision revision) {
		return get(revision.id());
	}

	/**
	 * The projection of a complete revision, loaded on first use. Null when projections are
	 * off. The caller must have resolved {@code rev} to a complete revision.
	 */
	@Nullable Projection get(String rev) {
		if (!enabled()) {
			return null;
		}
		Entry entry = this.entries.computeIfAbsent(rev, Entry::new);
		entry.used = this.clock.incrementAndGet();
		Projection projection = entry.projection;
		return projection != null ? projection : load(entry);
	}

	private Projection load(Entry entry) {
		synchronized (entry) {
			if (entry.projection != null) {
				return entry.projection;
			}
			long started = System.nanoTime();
			Projection projection;
			try {
				projection = ProjectionLoader.load(entry.rev, (query, params, row) -> this.graph
					.readEach("projection/" + query, params, r -> {
						row.accept(r);
						return Boolean.TRUE;
					}));
			}
			catch (RuntimeException ex) {
				this.entries.remove(entry.rev, entry);
				throw ex;
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			this.loads.incrementAndGet();
			this.loadMillis.addAndGet(millis);
			this.lastLoadMillis = millis;
			entry.projection = projection;
			log.info("projected revision {}: {} posts, {} KB, {} ms", entry.rev, projection.positionCount(),
					projection.bytes() / 1024, millis);
			evict(entry);
			return projection;
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
		this.entries.keySet().removeIf(id -> {
			Revision held = Revision.of(id);
			return held.organization().equals(current.organization()) && held.number() <= current.number();
		});
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
		return new Stats(count, bytes(), this.limit, this.loads.get(), this.loadMillis.get(), this.lastLoadMillis,
				this.evictions.get());
	}

	/** The cache in numbers: loaded projections and their bytes, loads and their time, evictions. */
	public record Stats(int count, long bytes, long limit, long loads, long loadMillis, long lastLoadMillis,
			long evictions) {
	}

	private static final class Entry {

		final String rev;

		volatile @Nullable Projection projection;

		volatile long used;

		Entry(String rev) {
			this.rev = rev;
		}

	}

}
