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
 * Issue 18: exact overlaps read from the duties an import marks shared and the revision's
 * projection are the ones the whole-revision snapshot gives, duty for duty (holders, relation,
 * who settles them, explanation), on the 19 demo organisations, both DFID organograms and an
 * imported organisation of 4,000 posts with duties repeated across posts, units and branches,
 * leading 负责 the normal form drops, and placeholders; and a revision written before imports
 * marked its duties is still answered, from its snapshot.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactOverlapsFromProjectionIT extends IntegrationTestSupport {

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
		}
		List<Overlap> generated = this.analytics.exactOverlaps(new Revision("generated", 1), OverlapFilter.NONE);
		assertThat(generated).hasSizeGreaterThan(100);
		// every kind of holder relation the generator makes is among them
		assertThat(generated.stream().map(Overlap::relation).distinct())
			.contains(HolderRelation.CROSS_BRANCH, HolderRelation.SIBLINGS, HolderRelation.PARENT_CHILD,
					HolderRelation.DELEGATION, HolderRelation.SAME_HOLDER);
		assertThat(groups).isGreaterThan(generated.size());
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
		for (int u = 0; u < unitCount; u++) {
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("key", "U" + u);
			unit.put("name", "部门" + u);
			unit.put("parent", u == 0 ? null : "U" + (u <= 6 ? 0 : 1 + random.nextInt(6)));
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
			if (random.nextInt(10) != 0) {
				people.add(Map.of("key", "E" + p, "name", "人员" + p,
						"holds", List.of(Map.of("position", "P" + p, "fte", 1.0, "acting", false))));
			}
		}
		return Map.of("key", key, "name", "生成的组织", "units", units, "positions", positions, "people", people);
	}

}
