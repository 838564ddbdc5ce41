package org.orgraph.graph;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * A {@link Connection} page whose {@code totalCount} is worked out only when a client asks for
 * it (once), so that paging stays as cheap as the page.
 */
public record CountedConnection<T>(List<Connection.Edge<T>> edges, Connection.PageInfo pageInfo,
		IntSupplier counter) {

	public static <T> CountedConnection<T> of(Connection<T> page, IntSupplier counter) {
		return new CountedConnection<>(page.edges(), page.pageInfo(), counter);
	}

	/** How many items there are across all pages. */
	public int totalCount() {
		return this.counter.getAsInt();
	}

}
