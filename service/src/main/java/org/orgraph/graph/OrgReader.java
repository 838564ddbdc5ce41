package org.orgraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.orgraph.config.OrgraphProperties;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.RevisionView;
import org.orgraph.graph.Views.SearchHit;
import org.orgraph.graph.Views.SearchKind;
import org.orgraph.graph.Views.UnitView;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads organisations, revisions and the items of one revision. Every read names a complete
 * revision; {@link #revision(String, Integer)} resolves "current" or a number to its id.
 */
@Component
public class OrgReader {

	private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

	private final Graph graph;

	private final JsonMapper json;

	private final int maxPageSize;

	private final AccessPolicy access;

	/**
	 * Organisations by key, for a second: every request starts by resolving its organisation's
	 * current revision, and that lookup would otherwise be a database round trip of its own.
	 * An import through this service drops the entry as soon as it makes a revision current;
	 * another instance's import on a shared database is seen within the second.
	 */
	private final Cache<String, Optional<OrganizationView>> organizations = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(1))
		.build();

	public OrgReader(Graph graph, JsonMapper json, OrgraphProperties properties, AccessPolicy access) {
		this.graph = graph;
		this.json = json;
		this.maxPageSize = properties.maxPageSize();
		this.access = access;
	}

	/** The organisations the caller may read. */
	public List<OrganizationView> organizations() {
		return this.graph.read("graph/organizations", Map.of(), r -> OrganizationView.of(r.get("o").asNode()))
			.stream()
			.filter(o -> this.access.canRead(o.key()))
			.toList();
	}

	/** An organisation the caller may read; empty when it does not exist or is not theirs to see. */
	public Optional<OrganizationView> organization(String key) {
		if (!this.access.canRead(key)) {
			return Optional.empty();
		}
		return this.organizations.get(key,
				k -> this.graph.read("graph/organization", Map.of("key", k), r -> OrganizationView.of(r.get("o").asNode()))
					.stream()
					.findFirst());
	}

	/**
	 * Forgets what {@link #organization(String)} remembers of an organisation; called once an
	 * import has made a new revision current. A lookup running meanwhile is dropped as well
	 * when it ends, so nothing read before the change outlives this call.
	 */
	public void forget(String key) {
		this.organizations.invalidate(key);
	}

	public AccessPolicy access() {
		return this.access;
	}

	public List<RevisionView> revisions(String org) {
		return this.graph.read("graph/revisions", Map.of("org", org), r -> revisionView(r.get("r").asNode()));
	}

	public Optional<RevisionView> revisionView(String org, int number) {
		return this.graph.read("graph/revision", Map.of("org", org, "number", number), r -> revisionView(r.get("r").asNode()))
			.stream()
			.findFirst();
	}

	/**
	 * The id of a complete revision: the organisation's current one when {@code number} is
	 * null. Throws {@link RevisionNotFoundException} for a number it does not have.
	 */
	public String revision(OrganizationView org, @Nullable Integer number) {
		if (number == null) {
			if (org.currentRevision() == null) {
				throw new RevisionNotFoundException(org.key());
			}
			return org.key() + "/" + org.currentRevision();
		}
		if (revisionView(org.key(), number).isEmpty()) {
			throw new RevisionNotFoundException(org.key(), number);
		}
		return org.key() + "/" + number;
	}

	public int pageSize(@Nullable Integer first) {
		if (first == null) {
			return Math.min(100, this.maxPageSize);
		}
		if (first < 0 || first > this.maxPageSize) {
			throw new PageSizeException(first, this.maxPageSize);
		}
		return first;
	}

	public Connection<UnitView> units(String rev, @Nullable Integer first, @Nullable String after) {
		return page("graph/units-page", rev, first, after, r -> UnitView.of(rev, r.get("u").asNode()), UnitView::key);
	}

	public Connection<PositionView> positions(String rev, @Nullable Integer first, @Nullable String after) {
		return page("graph/positions-page", rev, first, after, r -> position(rev, r), PositionView::key);
	}

	public Connection<PersonView> people(String rev, @Nullable Integer first, @Nullable String after) {
		return page("graph/people-page", rev, first, after, r -> PersonView.of(rev, r.get("p").asNode()), PersonView::key);
	}

	public Connection<DutyView> duties(String rev, @Nullable Integer first, @Nullable String after) {
		return page("graph/duties-page", rev, first, after,
				r -> DutyView.of(rev, r.get("d").asNode(), HolderKind.valueOf(r.get("holderKind").asString()),
						r.get("holderKey").asString(), r.get("holderName").asString()),
				DutyView::key);
	}

	public Optional<UnitView> unit(String rev, String key) {
		return this.graph.read("graph/units-by-key", Map.of("rev", rev, "keys", List.of(key)),
				r -> UnitView.of(rev, r.get("u").asNode())).stream().findFirst();
	}

	public Optional<PositionView> position(String rev, String key) {
		return this.graph.read("graph/positions-by-key", Map.of("rev", rev, "keys", List.of(key)),
				r -> position(rev, r)).stream().findFirst();
	}

	public Optional<PersonView> person(String rev, String key) {
		return this.graph.read("graph/people-by-key", Map.of("rev", rev, "keys", List.of(key)),
				r -> PersonView.of(rev, r.get("p").asNode())).stream().findFirst();
	}

	/**
	 * Names and titles matching {@code text}: the full-text index first, a substring scan
	 * of the revision when the index finds nothing (single Chinese characters).
	 */
	public List<SearchHit> search(String rev, String text, @Nullable Integer first) {
		int limit = Math.min(pageSize(first == null ? 20 : first), 100);
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
		String revPhrase = LUCENE_SPECIAL.matcher(rev).replaceAll(" ");
		String query = "(name:(" + terms + ") OR title:(" + terms + ")) AND rev:\"" + revPhrase + "\"";
		Map<String, Object> params = Map.of("query", query, "rev", rev, "limit", limit);
		List<SearchHit> hits = this.graph.read("graph/search", params, this::searchHit);
		if (hits.isEmpty()) {
			hits = this.graph.read("graph/search-contains", Map.of("text", trimmed, "rev", rev, "limit", limit),
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

	/**
	 * Runs a per-key query for many sources at once (GraphQL batch loading), grouped by
	 * revision; every source gets an entry, empty when nothing matched.
	 */
	public <S, R> Map<S, List<R>> batch(List<S> sources, Function<S, String> rev, Function<S, String> key,
			String query, BiFunction<String, Record, R> mapper) {
		Map<String, List<S>> byRev = new LinkedHashMap<>();
		sources.forEach(s -> byRev.computeIfAbsent(rev.apply(s), k -> new ArrayList<>()).add(s));
		Map<S, List<R>> result = new LinkedHashMap<>();
		for (Map.Entry<String, List<S>> group : byRev.entrySet()) {
			String revision = group.getKey();
			List<String> keys = group.getValue().stream().map(key).distinct().toList();
			Map<String, List<R>> found = new HashMap<>();
			this.graph.read(query, Map.of("rev", revision, "keys", keys), r -> r)
				.forEach(r -> found.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
					.add(mapper.apply(revision, r)));
			group.getValue().forEach(s -> result.put(s, found.getOrDefault(key.apply(s), List.of())));
		}
		return result;
	}

	static PositionView position(String rev, Record r) {
		return PositionView.of(rev, r.get("p").asNode(), r.get("holders"));
	}

	private <T> Connection<T> page(String query, String rev, @Nullable Integer first, @Nullable String after,
			Function<Record, T> mapper, Function<T, String> key) {
		int limit = pageSize(first);
		String from = Connection.decode(after);
		List<T> fetched = this.graph.read(query, Map.of("rev", rev, "after", from, "limit", limit + 1), mapper);
		return Connection.of(fetched, limit, !from.isEmpty(), key);
	}

	private RevisionView revisionView(Node r) {
		Map<String, Object> counts = r.get("counts").isNull() ? Map.of()
				: this.json.readValue(r.get("counts").asString(), new TypeReference<Map<String, Object>>() {
				});
		@Nullable String metadata = Views.nullableString(r.get("metadata"));
		Object asOf = (metadata == null) ? null
				: this.json.readValue(metadata, new TypeReference<Map<String, Object>>() {
				}).get("asOf");
		return new RevisionView(r.get("org").asString(), r.get("number").asInt(), r.get("createdAt").asZonedDateTime().toString(),
				r.get("format").asString(""), Views.nullableString(r.get("source")), metadata, counts,
				(asOf instanceof String date) ? date : null);
	}

	/** A {@code first} outside 0…max page size. */
	/** The longest search text, in characters and in words (Lucene would make a clause of each term). */
	public static final int MAX_SEARCH_CHARACTERS = 200;

	public static final int MAX_SEARCH_WORDS = 20;

	/** A search text over the limits; the message never repeats the text (it may be a name). */
	public static final class SearchTooLongException extends RuntimeException {

		SearchTooLongException(long characters, long words) {
			super("search text may have at most " + MAX_SEARCH_CHARACTERS + " characters and " + MAX_SEARCH_WORDS
					+ " words; got " + characters + " characters and " + words + " words");
		}

	}

	public static final class PageSizeException extends RuntimeException {

		PageSizeException(int first, int max) {
			super("first must be between 0 and " + max + ", got " + first);
		}

	}

}
