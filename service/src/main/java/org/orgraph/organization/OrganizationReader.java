package org.orgraph.organization;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.orgraph.graph.AccessPolicy;
import org.orgraph.graph.Connection;
import org.orgraph.graph.ErrorCoded;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Paging;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionItems;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.SearchHit;
import org.orgraph.graph.Views.SearchKind;
import org.orgraph.graph.Views.UnitView;
import org.springframework.stereotype.Component;

/**
 * Reads the items of one revision for browsing: pages of units, positions, people and duties,
 * single items by key, search, and the nested fields of each, in batches.
 */
@Component
class OrganizationReader {

	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private final Graph graph;

	private final Paging paging;

	private final AccessPolicy access;

	OrganizationReader(Graph graph, Paging paging, AccessPolicy access) {
		this.graph = graph;
		this.paging = paging;
		this.access = access;
	}

	Connection<UnitView> units(Revision rev, @Nullable Integer first, @Nullable String after) {
		return page("organization/units-page", rev, first, after, r -> UnitView.of(rev, r.get("u").asNode()), UnitView::key);
	}

	Connection<PositionView> positions(Revision rev, @Nullable Integer first, @Nullable String after) {
		return page("organization/positions-page", rev, first, after, r -> RevisionItems.position(rev, r), PositionView::key);
	}

	Connection<PersonView> people(Revision rev, @Nullable Integer first, @Nullable String after) {
		return page("organization/people-page", rev, first, after, r -> PersonView.of(rev, r.get("p").asNode()), PersonView::key);
	}

	Connection<DutyView> duties(Revision rev, @Nullable Integer first, @Nullable String after) {
		return page("organization/duties-page", rev, first, after,
				r -> DutyView.of(rev, r.get("d").asNode(), HolderKind.valueOf(r.get("holderKind").asString()),
						r.get("holderKey").asString(), r.get("holderName").asString()),
				DutyView::key);
	}

	/**
	 * Names and titles matching {@code text}: the full-text index first, a substring scan
	 * of the revision when the index finds nothing (single Chinese characters).
	 */
	List<SearchHit> search(Revision rev, String text, @Nullable Integer first) {
		int limit = Math.min(this.paging.size(first == null ? 20 : first), 100);
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return List.of();
		}
		// bounded before Lucene sees it: more than 1,024 clauses failed deep in the engine, with
		// the text in the stack trace, and long texts held a request thread for half a minute
		long words = trimmed.split("\\s+").length;
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_SEARCH_CHARACTERS || words > MAX_SEARCH_WORDS) {
			throw new SearchTooLongException(trimmed.codePointCount(0, trimmed.length()), words);
		}
		String terms = LUCENE_SPECIAL.matcher(trimmed).replaceAll("\\\\$1")
			.replaceAll("\\b(AND|OR|NOT)\\b", "\\\\$1");
		String revPhrase = LUCENE_SPECIAL.matcher(rev.id()).replaceAll(" ");
		String query = "(name:(" + terms + ") OR title:(" + terms + ")) AND rev:\"" + revPhrase + "\"";
		Map<String, Object> params = Map.of("query", query, "rev", rev.id(), "limit", limit);
		List<SearchHit> hits = this.graph.read("organization/search", params, this::searchHit);
		if (hits.isEmpty()) {
			hits = this.graph.read("organization/search-contains", Map.of("text", trimmed, "rev", rev.id(), "limit", limit),
					this::searchHit);
		}
		if (!this.access.canSeeNames()) {
			// a name search must not confirm who works here to a caller who sees pseudonyms
			hits = hits.stream().filter(h -> h.kind() != SearchKind.PERSON).toList();
		}
		return hits;
	}

	private SearchHit searchHit(Record r) {
		Node node = r.get("node").asNode();
		SearchKind kind = SearchKind.valueOf(r.get("kind").asString());
		String name = kind == SearchKind.POSITION ? node.get("title").asString() : node.get("name").asString();
		return new SearchHit(kind, node.get("key").asString(), name, r.get("score").asDouble());
	}

	private <T> Connection<T> page(String query, Revision rev, @Nullable Integer first, @Nullable String after,
			Function<Record, T> mapper, Function<T, String> key) {
		return this.paging.page(first, after, key,
				(from, limit) -> this.graph.read(query, Map.of("rev", rev.id(), "after", from, "limit", limit), mapper));
	}

	/** The longest search text, in characters and in words (Lucene would make a clause of each term). */
	static final int MAX_SEARCH_CHARACTERS = 200;

	static final int MAX_SEARCH_WORDS = 20;

	/** A search text over the limits; the message never repeats the text (it may be a name). */
	static final class SearchTooLongException extends RuntimeException implements ErrorCoded {

		SearchTooLongException(long characters, long words) {
			super("search text may have at most " + MAX_SEARCH_CHARACTERS + " characters and " + MAX_SEARCH_WORDS
					+ " words; got " + characters + " characters and " + words + " words");
		}

		@Override
		public String code() {
			return "SEARCH_TOO_LONG";
		}

	}

}
