package org.orgraph.graph;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache of answers that take long to work out (a whole revision in memory, its
 * overlaps): each is worked out once, on the thread of the first caller, while later callers
 * for the same key wait for it; a failure is not kept, so the next caller tries again.
 *
 * <p>The work runs outside the cache's map. A plain {@code Cache.get(key, loader)} runs the
 * loader inside the map's lock for a bin that other keys share: lookups and evictions of those
 * keys wait for the whole computation, and one that itself waits on the common fork-join pool
 * (a parallel stream) deadlocks against the cache's own maintenance on that pool, which it did
 * under load. Here the map holds a future, put in and taken out in an instant; maintenance
 * runs on the calling thread.
 */
public final class SlowAnswers<K, V> {

	private final AsyncCache<K, V> cache;

	public SlowAnswers(long maximumSize, Duration expireAfterAccess) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(expireAfterAccess)
			.executor(Runnable::run)
			.buildAsync();
	}

	/**
	 * The answer for {@code key}: the one held, the one another caller is working out (waited
	 * for), or else {@code compute}'s, worked out on this thread. What {@code compute} throws
	 * reaches every caller waiting for it, unwrapped.
	 */
	public V get(K key, Supplier<V> compute) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> answer = this.cache.get(key, (k, executor) -> mine);
		if (answer == mine) {
			try {
				mine.complete(compute.get());
			}
			catch (RuntimeException | Error ex) {
				// completing exceptionally takes the entry out of the cache
				mine.completeExceptionally(ex);
				throw ex;
			}
		}
		try {
			return answer.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** The keys held or being worked out. */
	public Set<K> keys() {
		return this.cache.asMap().keySet();
	}

}
