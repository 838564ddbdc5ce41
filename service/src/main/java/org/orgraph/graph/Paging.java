package org.orgraph.graph;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Page sizes and keyset pages: every list the service answers in pages asks here how many
 * items a {@code first} means and fetches one item more than the page, after the key the
 * cursor names.
 */
@Component
public class Paging {

	private final int maxPageSize;

	public Paging(OrgraphProperties properties) {
		this.maxPageSize = properties.maxPageSize();
	}

	/** The page size {@code first} asks for: 100 (or the maximum) when absent. */
	public int size(@Nullable Integer first) {
		if (first == null) {
			return Math.min(100, this.maxPageSize);
		}
		if (first < 0 || first > this.maxPageSize) {
			throw new PageSizeException(first, this.maxPageSize);
		}
		return first;
	}

	/**
	 * A keyset page: {@code fetch} gets the key after which to start ("" for the first page)
	 * and how many items to read, one more than the page holds.
	 */
	public <T> Connection<T> page(@Nullable Integer first, @Nullable String after, Function<T, String> key,
			Fetch<T> fetch) {
		int limit = size(first);
		String from = Connection.decode(after);
		return Connection.of(fetch.after(from, limit + 1), limit, !from.isEmpty(), key);
	}

	/** Reads up to {@code limit} items ordered by key, after {@code key}. */
	@FunctionalInterface
	public interface Fetch<T> {

		List<T> after(String key, int limit);

	}

	/** A {@code first} outside 0…max page size. */
	public static final class PageSizeException extends RuntimeException implements ErrorCoded {

		PageSizeException(int first, int max) {
			super("first must be between 0 and " + max + ", got " + first);
		}

		@Override
		public String code() {
			return "PAGE_SIZE";
		}

	}

}
