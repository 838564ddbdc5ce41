package org.orgraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.springframework.stereotype.Component;

/**
 * Units, positions and people of one revision by key, one at a time or, for GraphQL batch
 * loading, many sources at once.
 */
@Component
public class RevisionItems {

	private final Graph graph;

	RevisionItems(Graph graph) {
		this.graph = graph;
	}

	public Optional<UnitView> unit(Revision rev, String key) {
		return this.graph.read("graph/units-by-key", Map.of("rev", rev.id(), "keys", List.of(key)),
				r -> UnitView.of(rev, r.get("u").asNode())).stream().findFirst();
	}

	public Optional<PositionView> position(Revision rev, String key) {
		return this.graph.read("graph/positions-by-key", Map.of("rev", rev.id(), "keys", List.of(key)),
				r -> position(rev, r)).stream().findFirst();
	}

	public Optional<PersonView> person(Revision rev, String key) {
		return this.graph.read("graph/people-by-key", Map.of("rev", rev.id(), "keys", List.of(key)),
				r -> PersonView.of(rev, r.get("p").asNode())).stream().findFirst();
	}

	/**
	 * Runs a per-key query for many sources at once (GraphQL batch loading), grouped by
	 * revision; every source gets an entry, empty when nothing matched.
	 */
	public <S, R> Map<S, List<R>> batch(List<S> sources, Function<S, Revision> rev, Function<S, String> key,
			String query, BiFunction<Revision, Record, R> mapper) {
		Map<Revision, List<S>> byRev = new LinkedHashMap<>();
		sources.forEach(s -> byRev.computeIfAbsent(rev.apply(s), k -> new ArrayList<>()).add(s));
		Map<S, List<R>> result = new LinkedHashMap<>();
		for (Map.Entry<Revision, List<S>> group : byRev.entrySet()) {
			Revision revision = group.getKey();
			List<String> keys = group.getValue().stream().map(key).distinct().toList();
			Map<String, List<R>> found = new HashMap<>();
			this.graph.read(query, Map.of("rev", revision.id(), "keys", keys), r -> r)
				.forEach(r -> found.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
					.add(mapper.apply(revision, r)));
			group.getValue().forEach(s -> result.put(s, found.getOrDefault(key.apply(s), List.of())));
		}
		return result;
	}

	/** A position read with its holder count, as the by-key queries return it ({@code p}, {@code holders}). */
	public static PositionView position(Revision rev, Record r) {
		return PositionView.of(rev, r.get("p").asNode(), r.get("holders"));
	}

}
