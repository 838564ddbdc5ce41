package org.orgraph.duties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.duties.DutyAnalytics.OverlapFilter;
import org.orgraph.graph.Revision;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: exact overlaps and orphaned duties read from the duties an import marks shared and
 * lists a few thousand to a node (and,
 * for orphans, the duties of holders that do not carry them on their own) with the structure
 * from the revision's projection are the ones the whole-revision snapshot gives, duty for duty
 * (holders, relation, who settles them, reasons, explanations), on the 19 demo organisations,
 * both DFID organograms and an imported organisation of 4,000 posts with duties repeated across
 * posts, units and branches, leading 负责 the normal form drops, placeholders, vacant posts,
 * posts held concurrently and units without posts; a revision written before imports listed its
 * shared duties is answered from their marks, and one written before imports marked them from
 * its snapshot.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyAnalyticsFromProjectionIT extends IntegrationTestSupport {

	private static final int GENERATED_POSTS = 4_000;

	@Autowired
	DutyAnalytics analytics;

	@Autowired
	RevisionSnapshots snapshots;

	@Autowired
	JsonMapper json;

	private final List<Revision> revisions = new ArrayList<>();

	@BeforeAll
	void importOrganizations() {
		imports().allDemos().forEach(key -> this.revisions.add(new Revision(key, 1)));
		imports().dfid();
		this.revisions.addAll(List.of(new Revision("dfid", 1), new Revision("dfid", 2)));
		assertThat(imports().json("generated", this.json.writeValueAsBytes(generated("generated", GENERATED_POSTS, new Random(18))))
			.status()).isEqualTo(201);
		this.revisions.add(new Revision("generated", 1));
	}

	@Test
	void shouldFindTheSameExactOverlapsAsTheWholeRevisionDoes() {
		int groups = 0;
		for (Revision rev : this.revisions) {
			ProjectedStructure projected = this.snapshots.projected(rev);
			assertThat(projected).as("projection of %s", rev).isNotNull();
			assertThat(this.snapshots.sharedDuties(rev)).as("marks of %s", rev).isPresent();
			RevisionSnapshot snapshot = this.snapshots.get(rev);
			List<Overlap> whole = this.analytics.computeExact(snapshot, snapshot.duties().values());
			List<Overlap> answered = this.analytics.exactOverlaps(rev, OverlapFilter.NONE);
			assertThat(answered).as("exact overlaps of %s", rev).isEqualTo(whole);
			// the import marked exactly the duties of those groups
			assertThat(this.snapshots.sharedDuties(rev).orElseThrow())
				.extracting(RevisionSnapshot.Duty::key)
				.as("shared duties of %s", rev)
				.containsExactlyInAnyOrderElementsOf(whole.stream().flatMap(o -> o.duties().stream()).map(d -> d.key()).toList());
			groups += whole.size();
			// the import's lists hold the duties it marked, each with its text, norm and holder
			assertThat(this.snapshots.sharedDuties(rev).orElseThrow()).as("lists of %s", rev)
				.containsExactlyInAnyOrderElementsOf(this.driver.executableQuery("""
					MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d:Duty {rev: $rev, shared: true})
					RETURN d.key AS key, d.text AS text, d.norm AS norm,
					       CASE WHEN h:Unit THEN 'UNIT' ELSE 'POSITION' END AS holderKind, h.key AS holder""")
					.withParameters(Map.of("rev", rev.id()))
					.execute()
					.records()
					.stream()
					.map(r -> new RevisionSnapshot.Duty(r.get("key").asString(), r.get("text").asString(),
							r.get("norm").asString(), r.get("holderKind").asString(), r.get("holder").asString()))
					.toList());
		}
		List<Overlap> generated = this.analytics.exactOverlaps(new Revision("generated", 1), OverlapFilter.NONE);
		assertThat(generated).hasSizeGreaterThan(100);
		// holders related in several ways: the relation is read from the projection, not only keys compared
		assertThat(generated.stream().map(Overlap::relation).distinct().toList())
			.contains(HolderRelation.CROSS_BRANCH, HolderRelation.SIBLINGS, HolderRelation.SAME_HOLDER)
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(generated.stream().filter(o -> o.settledBy() != null)).isNotEmpty();
		assertThat(groups).isGreaterThan(generated.size());
	}

	@Test
	void shouldRelateHoldersOnIdsAsTheWholeRevisionDoesByKey() {
		int pairs = 0;
		for (Revision rev : this.revisions) {
			ProjectedStructure projected = this.snapshots.projected(rev);
			assertThat(projected).as("projection of %s", rev).isNotNull();
			RevisionSnapshot snapshot = this.snapshots.get(rev);
			// the first posts and units by key, and a key the revision does not have
			List<String> posts = new ArrayList<>(snapshot.positions().keySet().stream().sorted().limit(40).toList());
			posts.add("NOT-A-POST");
			List<String> units = new ArrayList<>(snapshot.units().keySet().stream().sorted().limit(40).toList());
			units.add("NOT-A-UNIT");
			for (String a : posts) {
				for (String b : posts) {
					assertThat(projected.inChain(a, b)).as("%s: %s in the line of %s", rev, b, a)
						.isEqualTo(snapshot.inChain(a, b));
					assertThat(projected.sameManager(a, b)).as("%s: %s and %s under one manager", rev, a, b)
						.isEqualTo(snapshot.sameManager(a, b));
					pairs++;
				}
			}
			for (String u : units) {
				for (String v : units) {
					assertThat(projected.inAncestry(u, v)).as("%s: %s above %s", rev, v, u)
						.isEqualTo(snapshot.inAncestry(u, v));
					assertThat(projected.sameParentUnit(u, v)).as("%s: %s and %s under one unit", rev, u, v)
						.isEqualTo(snapshot.sameParentUnit(u, v));
				}
			}
		}
		assertThat(pairs).isGreaterThan(5_000);
	}

	@Test
	void shouldFindTheSameOrphansAsTheWholeRevisionDoes() {
		Map<OrphanReason, Integer> reasons = new java.util.EnumMap<>(OrphanReason.class);
		for (Revision rev : this.revisions) {
			RevisionSnapshot snapshot = this.snapshots.get(rev);
			List<Orphan> whole = this.analytics.computeOrphans(snapshot, snapshot.duties().values());
			assertThat(this.analytics.orphans(rev)).as("orphans of %s", rev).isEqualTo(whole);
			whole.forEach(o -> reasons.merge(o.reason(), 1, Integer::sum));
		}
		// the generated organisation has every reason but a duty without holder, which no import writes
		assertThat(reasons).containsKeys(OrphanReason.UNIT_ONLY, OrphanReason.ALL_HOLDERS_VACANT,
				OrphanReason.ONLY_CONCURRENT);
	}

	@Test
	void shouldFilterByRelationAndUnitSubtreeAsTheWholeRevisionDoes() {
		Revision rev = new Revision("generated", 1);
		RevisionSnapshot snapshot = this.snapshots.get(rev);
		List<Overlap> whole = this.analytics.computeExact(snapshot, snapshot.duties().values());
		for (String unit : List.of("U0", "U3", "U17")) {
			List<Overlap> answered = this.analytics.exactOverlaps(rev, new OverlapFilter(Set.of(), unit));
			List<Overlap> expected = whole.stream()
				.filter(o -> o.duties().stream().anyMatch(d -> {
					String u = d.holder().kind() == org.orgraph.graph.Views.HolderKind.UNIT ? d.holder().key()
							: snapshot.positions().get(d.holder().key()).unit();
					return snapshot.unitAncestry(u).contains(unit);
				}))
				.toList();
			assertThat(answered).as("under %s", unit).isEqualTo(expected).isNotEmpty();
		}
		List<Overlap> siblings = this.analytics.exactOverlaps(rev,
				new OverlapFilter(Set.of(HolderRelation.SIBLINGS), null));
		assertThat(siblings).isNotEmpty()
			.isEqualTo(whole.stream().filter(o -> o.relation() == HolderRelation.SIBLINGS).toList());
	}

	@Test
	void shouldAnswerARevisionWrittenBeforeImportsMarkedItsDuties() {
		assertThat(imports().json("unmarked", this.json.writeValueAsBytes(generated("unmarked", 300, new Random(7)))).status())
			.isEqualTo(201);
		Revision rev = new Revision("unmarked", 1);
		this.driver.executableQuery("""
				MATCH (r:Revision {id: $rev}) REMOVE r.sharedDutiesMarked
				WITH r MATCH (d:Duty {rev: $rev}) REMOVE d.shared""").withParameters(Map.of("rev", rev.id())).execute();
		assertThat(this.snapshots.sharedDuties(rev)).isEmpty();
		RevisionSnapshot snapshot = this.snapshots.get(rev);
		assertThat(this.analytics.exactOverlaps(rev, OverlapFilter.NONE)).isNotEmpty()
			.isEqualTo(this.analytics.computeExact(snapshot, snapshot.duties().values()));
		assertThat(this.analytics.orphans(rev)).isNotEmpty()
			.isEqualTo(this.analytics.computeOrphans(snapshot, snapshot.duties().values()));
	}

	@Test
	void shouldAnswerARevisionWrittenBeforeImportsListedItsSharedDutiesFromTheirMarks() {
		assertThat(imports().json("unlisted", this.json.writeValueAsBytes(generated("unlisted", 300, new Random(11)))).status())
			.isEqualTo(201);
		Revision rev = new Revision("unlisted", 1);
		List<Overlap> fromLists = this.analytics.computeExact(this.snapshots.projected(rev),
				this.snapshots.sharedDuties(rev).orElseThrow());
		this.driver.executableQuery("""
				MATCH (r:Revision {id: $rev}) REMOVE r.sharedDutiesListed
				WITH r MATCH (c:SharedDuties {rev: $rev}) DELETE c""").withParameters(Map.of("rev", rev.id())).execute();
		RevisionSnapshot snapshot = this.snapshots.get(rev);
		List<Overlap> whole = this.analytics.computeExact(snapshot, snapshot.duties().values());
		assertThat(whole).isNotEmpty().isEqualTo(fromLists);
		assertThat(this.analytics.exactOverlaps(rev, OverlapFilter.NONE)).isEqualTo(whole);
		assertThat(this.analytics.orphans(rev)).isNotEmpty()
			.isEqualTo(this.analytics.computeOrphans(snapshot, snapshot.duties().values()));
	}

	/**
	 * An organisation of {@code posts} posts in about {@code posts / 40} units, three levels deep,
	 * whose duties are drawn from a small pool, so that the same duty is held by siblings, a unit
	 * and its own post, posts in other branches and, now and then, twice by one post; some with a
	 * leading 负责 and some placeholders.
	 */
	static Map<String, Object> generated(String key, int posts, Random random) {
		int unitCount = Math.max(3, posts / 40);
		List<String> pool = new ArrayList<>();
		for (int i = 0; i < posts / 2; i++) {
			pool.add(random.nextBoolean() ? "编制第" + i + "项年度预算并跟踪执行" : "Review contract batch " + i + " with suppliers");
		}
		List<Map<String, Object>> units = new ArrayList<>();
		for (int u = 0; u < unitCount + 3; u++) {
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("key", "U" + u);
			unit.put("name", "部门" + u);
			// the last three have no posts
			unit.put("parent", u == 0 ? null : "U" + (u <= 6 ? 0 : 1 + random.nextInt(Math.min(6, unitCount - 1))));
			unit.put("duties", List.of(pool.get(random.nextInt(pool.size())), "单位职责" + u));
			units.add(unit);
		}
		List<Map<String, Object>> positions = new ArrayList<>();
		List<Map<String, Object>> people = new ArrayList<>();
		for (int p = 0; p < posts; p++) {
			int unit = p < unitCount ? p : random.nextInt(unitCount);
			Map<String, Object> post = new LinkedHashMap<>();
			post.put("key", "P" + p);
			post.put("title", "岗位" + p);
			post.put("unit", "U" + unit);
			// the first post of each unit heads it and reports to the parent unit's first post
			String manager = p < unitCount ? (unit == 0 ? null : "P" + units.get(unit).get("parent").toString().substring(1))
					: "P" + unit;
			post.put("reportsTo", manager);
			List<String> duties = new ArrayList<>();
			for (int d = 0; d < 3; d++) {
				String text = random.nextInt(3) == 0 ? pool.get(random.nextInt(pool.size())) : "岗位" + p + "的第" + d + "项职责";
				duties.add(random.nextInt(5) == 0 ? "负责" + text : text);
			}
			if (random.nextInt(20) == 0) {
				duties.add("完成领导交办的其他工作");
			}
			if (random.nextInt(50) == 0) {
				duties.add(duties.getFirst());
			}
			post.put("duties", duties);
			positions.add(post);
			if (p >= unitCount && random.nextInt(40) == 0) {
				// held together with the unit's first post by someone who holds that one too (兼任)
				post.put("concurrentWith", "P" + unit);
				people.add(Map.of("key", "C" + p, "name", "兼任人员" + p,
						"holds", List.of(Map.of("position", "P" + unit, "fte", 1.0, "acting", false),
								Map.of("position", "P" + p, "fte", 0.2, "acting", false))));
			}
			if (random.nextInt(10) != 0 && !post.containsKey("concurrentWith")) {
				List<Map<String, Object>> holds = new ArrayList<>();
				holds.add(Map.of("position", "P" + p, "fte", 1.0, "acting", false));
				if (p > unitCount && random.nextInt(30) == 0) {
					// also holds the post before, which may be held by another too
					holds.add(Map.of("position", "P" + (p - 1), "fte", 0.5, "acting", true));
				}
				people.add(Map.of("key", "E" + p, "name", "人员" + p, "holds", holds));
			}
		}
		return Map.of("key", key, "name", "生成的组织", "units", units, "positions", positions, "people", people);
	}

}
