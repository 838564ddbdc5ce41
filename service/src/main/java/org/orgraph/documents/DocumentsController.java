package org.orgraph.documents;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Unit.source}, {@code Position.source} and {@code Duty.source}: the file, line and
 * excerpt an item was read from, kept in the metadata of a revision imported from a document.
 * Revisions are immutable, so each revision's sources are read once and cached.
 */
@Controller
class DocumentsController {

	/** The GraphQL {@code SourceRef}. */
	record SourceRef(String file, int line, String excerpt) {
	}

	private final Graph graph;

	private final JsonMapper json;

	private final Cache<Revision, Map<String, SourceRef>> byRevision = Caffeine.newBuilder()
		.maximumSize(64)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	DocumentsController(Graph graph, JsonMapper json) {
		this.graph = graph;
		this.json = json;
	}

	@BatchMapping(typeName = "Unit", field = "source")
	Map<UnitView, @Nullable SourceRef> unitSource(List<UnitView> units) {
		return lookup(units, UnitView::rev, u -> "unit:" + u.key());
	}

	@BatchMapping(typeName = "Position", field = "source")
	Map<PositionView, @Nullable SourceRef> positionSource(List<PositionView> positions) {
		return lookup(positions, PositionView::rev, p -> "position:" + p.key());
	}

	@BatchMapping(typeName = "Duty", field = "source")
	Map<DutyView, @Nullable SourceRef> dutySource(List<DutyView> duties) {
		return lookup(duties, DutyView::rev, d -> "duty:" + d.key());
	}

	private <T> Map<T, @Nullable SourceRef> lookup(List<T> items, Function<T, Revision> rev, Function<T, String> id) {
		Set<Revision> missing = new LinkedHashSet<>();
		Map<Revision, Map<String, SourceRef>> sources = new HashMap<>();
		for (T item : items) {
			Revision r = rev.apply(item);
			Map<String, SourceRef> cached = this.byRevision.getIfPresent(r);
			if (cached != null) {
				sources.put(r, cached);
			}
			else {
				missing.add(r);
			}
		}
		if (!missing.isEmpty()) {
			this.graph.read("documents/sources", Map.of("revs", missing.stream().map(Revision::id).toList()), rec -> {
				Revision r = Revision.of(rec.get("rev").asString());
				Map<String, SourceRef> parsed = parse(rec.get("metadata").asString(null));
				this.byRevision.put(r, parsed);
				sources.put(r, parsed);
				return r;
			});
		}
		Map<T, @Nullable SourceRef> answer = new LinkedHashMap<>();
		for (T item : items) {
			Map<String, SourceRef> m = sources.getOrDefault(rev.apply(item), Map.of());
			answer.put(item, m.get(id.apply(item)));
		}
		return answer;
	}

	private Map<String, SourceRef> parse(@Nullable String metadata) {
		if (metadata == null || !metadata.contains("\"sources\"")) {
			return Map.of();
		}
		Map<String, Object> meta = this.json.readValue(metadata, new TypeReference<Map<String, Object>>() {
		});
		Map<String, SourceRef> out = new HashMap<>();
		if (meta.get("sources") instanceof List<?> list) {
			for (Object o : list) {
				if (o instanceof Map<?, ?> s && s.get("kind") instanceof String kind && s.get("key") instanceof String key
						&& (kind.equals("unit") || kind.equals("position") || kind.equals("duty"))) {
					Object line = s.get("line");
					out.putIfAbsent(kind + ":" + key, new SourceRef(String.valueOf(s.get("file")),
							line instanceof Number n ? n.intValue() : 0, String.valueOf(s.get("excerpt"))));
				}
			}
		}
		return out;
	}

}
