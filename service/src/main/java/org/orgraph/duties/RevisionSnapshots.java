package org.orgraph.duties;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.SlowAnswers;
import org.springframework.stereotype.Component;

/**
 * Loads whole revisions into memory, four queries each (units, positions, holdings, duties:
 * O(size of the revision)), and keeps the most recently used few. A revision never changes
 * once complete, so the cache needs no invalidation: a new import is a new revision id.
 */
@Component
public class RevisionSnapshots {

	private final Graph graph;

	private final int maxDepth;

	private final SlowAnswers<Revision, RevisionSnapshot> cache = new SlowAnswers<>(8, Duration.ofMinutes(30));

	public RevisionSnapshots(Graph graph, OrgraphProperties properties) {
		this.graph = graph;
		this.maxDepth = properties.maxDepth();
	}

	public RevisionSnapshot get(Revision rev) {
		return this.cache.get(rev, () -> load(rev));
	}

	private RevisionSnapshot load(Revision rev) {
		Map<String, Object> params = Map.of("rev", rev.id());
		List<RevisionSnapshot.Unit> units = this.graph.readEach("duties/snapshot-units", params,
				r -> new RevisionSnapshot.Unit(r.get("key").asString(), r.get("name").asString(),
						r.get("parent").asString(null), r.get("head").asString(null),
						r.get("plannedHeadcount").computeOrDefault(Value::asInt, null)));
		List<RevisionSnapshot.Position> positions = this.graph.readEach("duties/snapshot-positions", params,
				r -> new RevisionSnapshot.Position(r.get("key").asString(), r.get("title").asString(),
						r.get("unit").asString(), r.get("manager").asString(null),
						r.get("derived").asBoolean(false), r.get("concurrentWith").asString(null),
						r.get("headcount").asInt(1)));
		List<RevisionSnapshot.Holding> holdings = this.graph.readEach("duties/snapshot-holdings", params,
				r -> new RevisionSnapshot.Holding(r.get("person").asString(), r.get("name").asString(),
						r.get("position").asString(), r.get("fte").asDouble(1.0), r.get("acting").asBoolean(false)));
		// each row brings its own copy of its holder's key and kind: share the ones already held
		// (six million duties at 1M people, most of them a post's)
		Map<String, String> keys = new HashMap<>(units.size() + positions.size());
		units.forEach(u -> keys.put(u.key(), u.key()));
		positions.forEach(x -> keys.put(x.key(), x.key()));
		List<RevisionSnapshot.Duty> duties = this.graph.readEach("duties/snapshot-duties", params,
				r -> new RevisionSnapshot.Duty(r.get("key").asString(), r.get("text").asString(),
						r.get("norm").asString(""), holderKind(r.get("holderKind")),
						shared(keys, r.get("holder").asString(null))));
		return RevisionSnapshot.of(rev, units, positions, holdings, duties, this.maxDepth);
	}

	private static @Nullable String holderKind(Value kind) {
		return kind.asString(null).equals("UNIT") ? "UNIT" : "POSITION";
	}

	private static @Nullable String shared(Map<String, String> keys, @Nullable String key) {
		return key == null ? null : keys.getOrDefault(key, key);
	}

}
