package org.orgraph.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A Relay connection over key-ordered items. Cursors are the opaque (base64) key of the item,
 * so paging costs the page, not the offset.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, @Nullable Integer totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

	/**
	 * Builds a page from {@code limit + 1} fetched items: the extra one only says there is more.
	 */
	public static <T> Connection<T> of(List<T> fetched, int limit, boolean hasPrevious, Function<T, String> key) {
		List<T> page = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
		List<Edge<T>> edges = page.stream().map(item -> new Edge<>(encode(key.apply(item)), item)).toList();
		return new Connection<>(edges, new PageInfo(hasPrevious, fetched.size() > limit,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
				null);
	}

	/**
	 * A page of an already ordered in-memory list (analytics results): the items after the
	 * one whose id the cursor names.
	 */
	public static <T> Connection<T> slice(List<T> all, int limit, @Nullable String after, Function<T, String> id) {
		int start = 0;
		String afterId = decode(after);
		if (!afterId.isEmpty()) {
			start = -1;
			for (int i = 0; i < all.size(); i++) {
				if (id.apply(all.get(i)).equals(afterId)) {
					start = i + 1;
					break;
				}
			}
			if (start < 0) {
				throw new InvalidCursorException(after == null ? "" : after);
			}
		}
		List<T> fetched = all.subList(start, Math.min(all.size(), start + limit + 1));
		return of(fetched, limit, start > 0, id).withTotalCount(all.size());
	}

	/** The same page, saying how many items there are across all pages. */
	public Connection<T> withTotalCount(int total) {
		return new Connection<>(this.edges, this.pageInfo, total);
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** The key a cursor stands for; '' (before every key) when there is no cursor. */
	public static String decode(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return "";
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith("k:")) {
				return decoded.substring(2);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below
		}
		throw new InvalidCursorException(cursor);
	}

	/** A cursor this service did not hand out. */
	public static final class InvalidCursorException extends RuntimeException implements ErrorCoded {

		InvalidCursorException(String cursor) {
			super("invalid cursor \"" + cursor + "\"; use a cursor from a previous page");
		}


		@Override
		public String code() {
			return "INVALID_CURSOR";
		}

	}

}
