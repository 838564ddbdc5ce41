package org.orgraph.duties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.SlowAnswers;
import org.orgraph.projection.Projection;
import org.orgraph.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * Loads whole revisions into memory, four queries each (units, positions, holdings, duties:
 * O(size of the revision)), and keeps the most recently used few; and reads the parts of a
 * revision the exact overlaps and orphans need when its projection holds its structure
 * ({@link #projected}, {@link #sharedDuties}, {@link #dutiesOf}). A revision never changes
 * once complete, so the cache needs no invalidation: a new import is a new revision id.
 */
@Component
public class RevisionSnapshots {

	private final Graph graph;

	private final int maxDepth;

	private final SlowAnswers<Revision, RevisionSnapshot> cache = new SlowAnswers<>(8, Duration.ofMinutes(30));

	private final Projections projections;

	public RevisionSnapshots(Graph graph, OrgraphProperties properties, Projections projections) {
		this.graph = graph;
		this.maxDepth = properties.maxDepth();
		this.projections = projections;
	}

	public RevisionSnapshot get(Revision rev) {
		return this.cache.get(rev, () -> load(rev));
	}

	/**
	 * The revision's structure from its projection when that holds it exactly (waiting for a load
	 * under way as long as a whole-revision question does), else from its snapshot.
	 */
	OrgStructure structure(Revision rev) {
		OrgStructure projected = projected(rev);
		return projected != null ? projected : get(rev);
	}

	/** The revision's structure from its projection, or null when the projection is off, failed or not exact. */
	@Nullable ProjectedStructure projected(Revision rev) {
		Projection projection = this.projections.forScan(rev);
		return projection != null && projection.exactPaths() && projection.exactUnits()
				? new ProjectedStructure(rev, projection, this.maxDepth) : null;
	}

	/**
	 * The revision's duties whose normal form another of its duties shares, from the lists the
	 * import wrote (a few rows of a few thousand duties each), else from their marks (a row each,
	 * for revisions written before imports listed them), or empty when the revision was written
	 * before imports marked them. O(shared duties).
	 */
	Optional<List<RevisionSnapshot.Duty>> sharedDuties(Revision rev) {
		Map<String, Object> params = Map.of("rev", rev.id());
		Record flags = this.graph.read("duties/shared-duties-marked", params, r -> r).stream().findFirst().orElse(null);
		if (flags == null || !flags.get("marked").asBoolean()) {
			return Optional.empty();
		}
		if (!flags.get("listed").asBoolean()) {
			return Optional.of(this.graph.readEach("duties/shared-duties", params, RevisionSnapshots::duty));
		}
		// each row maps to its own list (a read tried again keeps only the rows of the try that succeeded)
		List<List<RevisionSnapshot.Duty>> lists = this.graph.readEach("duties/shared-duty-lists", params,
				RevisionSnapshots::sharedList);
		List<RevisionSnapshot.Duty> duties = new ArrayList<>(lists.stream().mapToInt(List::size).sum());
		lists.forEach(duties::addAll);
		return Optional.of(duties);
	}

	/** One list of shared duties, as the import wrote it: parallel arrays. */
	private static List<RevisionSnapshot.Duty> sharedList(Record r) {
		List<String> keys = r.get("keys").asList(Value::asString);
		List<String> texts = r.get("texts").asList(Value::asString);
		List<String> norms = r.get("norms").asList(Value::asString);
		List<String> kinds = r.get("holderKinds").asList(Value::asString);
		List<String> holders = r.get("holders").asList(Value::asString);
		List<RevisionSnapshot.Duty> duties = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			duties.add(new RevisionSnapshot.Duty(keys.get(i), texts.get(i), norms.get(i),
					kinds.get(i).equals("UNIT") ? "UNIT" : "POSITION", holders.get(i)));
		}
		return duties;
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
				r -> duty(r, keys));
		return RevisionSnapshot.of(rev, units, positions, holdings, duties, this.maxDepth);
	}

	/** The duties (placeholders left out) of the given posts and units. O(those holders and their duties). */
	List<RevisionSnapshot.Duty> dutiesOf(Revision rev, ProjectedStructure.Holders holders) {
		return this.graph.readEach("duties/duties-of-holders",
				Map.of("rev", rev.id(), "positions", holders.positions(), "units", holders.units()),
				RevisionSnapshots::duty);
	}

	private static RevisionSnapshot.Duty duty(Record r) {
		return duty(r, Map.of());
	}

	private static RevisionSnapshot.Duty duty(Record r, Map<String, String> keys) {
		return new RevisionSnapshot.Duty(r.get("key").asString(), r.get("text").asString(), r.get("norm").asString(""),
				holderKind(r.get("holderKind")), shared(keys, r.get("holder").asString(null)));
	}

	private static @Nullable String holderKind(Value kind) {
		return kind.isNull() ? null : kind.asString().equals("UNIT") ? "UNIT" : "POSITION";
	}

	private static @Nullable String shared(Map<String, String> keys, @Nullable String key) {
		return key == null ? null : keys.getOrDefault(key, key);
	}

}
