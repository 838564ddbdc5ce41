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

	/** The revision's own count of an item kind ({@code units}, {@code positions}, {@code people}, {@code duties}). */
	public static IntSupplier revisionCount(OrgReader reader, String rev, String kind) {
		return () -> {
			int slash = rev.lastIndexOf('/');
			return reader.revisionView(rev.substring(0, slash), Integer.parseInt(rev.substring(slash + 1)))
				.map(r -> r.counts().get(kind) instanceof Number n ? n.intValue() : 0)
				.orElse(0);
		};
	}

}
