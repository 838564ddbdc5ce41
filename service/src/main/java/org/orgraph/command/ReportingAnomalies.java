package org.orgraph.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Language;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.RevisionView;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.orgraph.projection.Projection;
import org.orgraph.projection.Projections;
import org.orgraph.projection.UnitRollup;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is wrong with a revision's reporting lines, one list per kind, each item saying why
 * in a sentence. Each list is its own query, run only when the field is asked for, and holds
 * at most {@code limit} items in key order.
 */
@Component
class ReportingAnomalies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Graph graph;

	private final Traversal traversal;

	private final Revisions revisions;

	private final Projections projections;

	ReportingAnomalies(Graph graph, Traversal traversal, Revisions revisions, Projections projections) {
		this.graph = graph;
		this.traversal = traversal;
		this.revisions = revisions;
		this.projections = projections;
	}

	/**
	 * The revision's projection when every list may be read from it (it holds the revision's paths
	 * and unit tree exactly), else null: ask Cypher.
	 */
	@Nullable Projection projection(Revision rev) {
		Projection projection = this.projections.forScan(rev);
		return projection != null && projection.exactPaths() && projection.exactUnits() ? projection : null;
	}

	/** The question: which revision, the concurrent-post threshold, and the cap on each list. */
	record Report(Revision rev, int maxConcurrentPosts, int limit) {

		/** {@code ReportingAnomalies.revision}. */
		public int revision() {
			return this.rev.number();
		}

	}

	/** Why an item is listed, in English and in Chinese. */
	record Reason(String en, String zh) {

		String in(Language language) {
			return (language == Language.ZH) ? this.zh : this.en;
		}

		Reason prefixed(String en, String zh) {
			return new Reason(en + this.en, zh + this.zh);
		}

	}

	/** Posts whose solid lines loop, from the smallest key in the order the lines run. */
	record ReportingCycle(List<PositionView> positions, Reason reason) {
	}

	/**
	 * A post that reaches no top.
	 *
	 * @param cycleEntry the first post on a cycle its chain meets (itself when it is on one),
	 * null when the chain is only longer than the bound
	 * @param linksToCycle links from the post to {@code cycleEntry}
	 */
	record PostWithoutTop(PositionView position, @Nullable PositionView cycleEntry, @Nullable Integer linksToCycle,
			Reason reason) {
	}

	/** One of several tops: a post with no solid line above it. */
	record TopPost(PositionView position, int directReports, int postsUnder, Reason reason) {
	}

	/** A stated solid line to a manager outside the post's unit and the units above it. */
	record LineOutsideUnit(PositionView position, UnitView unit, PositionView manager, UnitView managerUnit,
			Reason reason) {
	}

	/** A person holding more posts than the threshold. */
	record ConcurrentPostHolder(PersonView person, List<PositionView> posts, Reason reason) {

		public int count() {
			return this.posts.size();
		}

	}

	/** A unit no post heads. */
	record UnitWithoutHead(UnitView unit, int positions, int childUnits, Reason reason) {
	}

	/**
	 * Solid-line cycles of at most {@code orgraph.max-depth} posts. O(posts · d) for chains of
	 * d links: each post tries to walk back to itself.
	 */
	List<ReportingCycle> cycles(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? cycles(report, projection) : cyclesByCypher(report);
	}

	/**
	 * {@link #cycles} read from a projection: only posts off the reporting forest can be on a
	 * cycle, each walked at most {@code maxDepth} links. O(posts + posts off the forest · d).
	 */
	List<ReportingCycle> cycles(Report report, Projection projection) {
		int bound = this.traversal.maxDepth();
		List<ReportingCycle> cycles = new ArrayList<>();
		for (int p = 0; p < projection.positionCount() && cycles.size() < report.limit(); p++) {
			if (projection.manager(p) < 0 || projection.layer(p, Integer.MAX_VALUE) >= 0) {
				continue;
			}
			int[] walk = projection.chain(p, bound);
			boolean smallest = true;
			for (int q : walk) {
				smallest &= q >= p;
			}
			if (walk.length > 1 && walk[walk.length - 1] == p && smallest) {
				List<PositionView> posts = new ArrayList<>();
				for (int i = 0; i < walk.length - 1; i++) {
					posts.add(ChainOfCommand.position(report.rev(), projection, walk[i]));
				}
				cycles.add(cycle(posts));
			}
		}
		return cycles;
	}

	/** {@link #cycles} from {@code command/reporting-anomalies-cycles}. */
	List<ReportingCycle> cyclesByCypher(Report report) {
		Revision rev = report.rev();
		return this.graph.read("command/reporting-anomalies-cycles", bounded(report), r -> {
			List<PositionView> posts = new ArrayList<>();
			for (int i = 0; i < r.get("posts").size(); i++) {
				posts.add(PositionView.of(rev, r.get("posts").get(i).asNode(), r.get("holders").get(i)));
			}
			return cycle(posts);
		});
	}

	private static ReportingCycle cycle(List<PositionView> posts) {
		String loop = posts.stream().map(ReportingAnomalies::name).collect(Collectors.joining(" → "));
		String around = loop + " → " + name(posts.getFirst());
		return new ReportingCycle(posts, new Reason(
				"the solid lines loop: " + around + ", so none of these " + posts.size() + " posts reaches a top",
				"实线汇报关系形成闭环：" + around + "，这 " + posts.size() + " 个岗位都到达不了顶层"));
	}

	/**
	 * Posts whose chain never reaches a top: on a cycle, running into one, or longer than the
	 * bound. O(posts · d) to find them, O(d²) more for each one found.
	 */
	List<PostWithoutTop> postsWithoutTop(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? postsWithoutTop(report, projection) : postsWithoutTopByCypher(report);
	}

	/**
	 * {@link #postsWithoutTop} read from a projection: a post with a solid line reaches no top when
	 * it is off the reporting forest or deeper than the bound, O(1) each; for each one listed, its
	 * walk of at most 2·d links finds the cycle it runs into. O(posts + limit · d²).
	 */
	List<PostWithoutTop> postsWithoutTop(Report report, Projection projection) {
		int maxDepth = this.traversal.maxDepth();
		List<PostWithoutTop> found = new ArrayList<>();
		if (maxDepth == 0) {
			// no walk of at least one link fits the bound: command/reporting-anomalies-unreached lists none
			return found;
		}
		for (int p = 0; p < projection.positionCount() && found.size() < report.limit(); p++) {
			if (projection.manager(p) < 0 || projection.layer(p, maxDepth) >= 0) {
				continue;
			}
			PositionView post = ChainOfCommand.position(report.rev(), projection, p);
			// the first post met twice is where the walk enters its cycle
			int[] walk = projection.chain(p, 2 * maxDepth);
			int last = walk[walk.length - 1];
			int entry = -1;
			for (int i = 0; i < walk.length - 1 && entry < 0; i++) {
				if (walk[i] == last) {
					entry = i;
				}
			}
			boolean onShortCycle = entry >= 0 && entry <= maxDepth && walk.length - 1 - entry <= maxDepth;
			found.add(withoutTop(post, onShortCycle ? ChainOfCommand.position(report.rev(), projection, last) : null,
					onShortCycle ? entry : -1, maxDepth));
		}
		return found;
	}

	/** {@link #postsWithoutTop} from {@code command/reporting-anomalies-unreached}. */
	List<PostWithoutTop> postsWithoutTopByCypher(Report report) {
		Revision rev = report.rev();
		int maxDepth = this.traversal.maxDepth();
		return this.graph.read("command/reporting-anomalies-unreached", bounded(report), r -> {
			PositionView post = PositionView.of(rev, r.get("p").asNode(), r.get("holders"));
			if (r.get("entry").isNull()) {
				return withoutTop(post, null, -1, maxDepth);
			}
			return withoutTop(post, PositionView.of(rev, r.get("entry").asNode(), r.get("entryHolders")),
					r.get("links").asInt(), maxDepth);
		});
	}

	private static PostWithoutTop withoutTop(PositionView post, @Nullable PositionView entry, int links, int maxDepth) {
		if (entry == null) {
			return new PostWithoutTop(post, null, null,
					new Reason(name(post) + " reaches no top within " + maxDepth + " solid reporting links",
							name(post) + " 在 " + maxDepth + " 级实线汇报之内到达不了顶层"));
		}
		Reason reason = links == 0
				? new Reason(name(post) + " is on a reporting cycle, so it reaches no top",
						name(post) + " 在汇报闭环上，到达不了顶层")
				: new Reason(name(post) + " reaches no top: its chain runs into a reporting cycle at " + name(entry)
						+ " after " + links + (links == 1 ? " link" : " links"),
						name(post) + " 到达不了顶层：其汇报链经过 " + links + " 级后在 " + name(entry) + " 处进入闭环");
		return new PostWithoutTop(post, links == 0 ? post : entry, links, reason);
	}

	/**
	 * Every top (post without a solid line above it) when there is more than one; empty when
	 * there is one or none. O(posts): each post below a top is reached once.
	 */
	List<TopPost> tops(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? tops(report, projection) : topsByCypher(report);
	}

	/**
	 * {@link #tops} read from a projection: a top heads its tree of the reporting forest, so its
	 * count is O(1) unless that tree is deeper than the bound. O(posts).
	 */
	List<TopPost> tops(Report report, Projection projection) {
		Map<String, String> toEliminated = linesToEliminatedPosts(report);
		List<TopPost> tops = new ArrayList<>();
		for (int p = 0; p < projection.positionCount() && tops.size() < report.limit(); p++) {
			if (projection.manager(p) < 0) {
				tops.add(top(ChainOfCommand.position(report.rev(), projection, p), projection.solidLinesIn(p),
						projection.reportCount(p, this.traversal.maxDepth()), toEliminated));
			}
		}
		return moreThanOne(tops, report);
	}

	/** {@link #tops} from {@code command/reporting-anomalies-tops}. */
	List<TopPost> topsByCypher(Report report) {
		Revision rev = report.rev();
		Map<String, String> toEliminated = linesToEliminatedPosts(report);
		return moreThanOne(this.graph.read("command/reporting-anomalies-tops", bounded(report),
				r -> top(PositionView.of(rev, r.get("p").asNode(), r.get("holders")), r.get("direct").asInt(),
						r.get("under").asInt(), toEliminated)), report);
	}

	private static TopPost top(PositionView top, int direct, int under, Map<String, String> toEliminated) {
		String gone = toEliminated.get(top.key());
		String why = (gone == null) ? " has no solid line above it; "
				: " has no solid line above it because the post it reports to, " + gone
						+ ", is marked Eliminated in the release; ";
		String whyZh = (gone == null) ? " 上面没有实线汇报关系；"
				: " 上面没有实线汇报关系，因为它汇报的岗位 " + gone + " 在发布文件中标为已撤销（Eliminated）；";
		return new TopPost(top, direct, under, new Reason(name(top) + why + direct
				+ (direct == 1 ? " post reports" : " posts report") + " to it, " + under + " in all",
				name(top) + whyZh + "直接下属 " + direct + " 个岗位，全部下属 " + under + " 个"));
	}

	/** Every top, each saying how many there are, when there is more than one; else none. */
	private static List<TopPost> moreThanOne(List<TopPost> tops, Report report) {
		if (tops.size() < 2) {
			return List.of();
		}
		int n = tops.size();
		return tops.stream()
			.map(t -> new TopPost(t.position(), t.directReports(), t.postsUnder(),
					t.reason().prefixed("one of " + (n == report.limit() ? "at least " : "") + n + " tops: ",
							(n == report.limit() ? "至少 " : "共 ") + n + " 个顶层之一：")))
			.toList();
	}

	/**
	 * Stated (not derived) solid lines to a manager whose unit is neither the post's unit nor
	 * a unit above it. O(lines · unit depth).
	 */
	List<LineOutsideUnit> linesOutsideUnit(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? linesOutsideUnit(report, projection) : linesOutsideUnitByCypher(report);
	}

	/**
	 * {@link #linesOutsideUnit} read from a projection: one solid line per post, "is within" O(1)
	 * from the unit tree's pre-order. O(posts), stopping at the cap.
	 */
	List<LineOutsideUnit> linesOutsideUnit(Report report, Projection projection) {
		Revision rev = report.rev();
		List<LineOutsideUnit> lines = new ArrayList<>();
		for (int p = 0; p < projection.positionCount() && lines.size() < report.limit(); p++) {
			if (outsideUnit(projection, p)) {
				int m = projection.manager(p);
				lines.add(lineOutsideUnit(ChainOfCommand.position(rev, projection, p), unit(rev, projection, p),
						ChainOfCommand.position(rev, projection, m), unit(rev, projection, m)));
			}
		}
		return lines;
	}

	/** Whether the post's solid line is stated and runs to a manager outside its unit and the units above. */
	private static boolean outsideUnit(Projection projection, int p) {
		int m = projection.manager(p);
		return m >= 0 && !Boolean.TRUE.equals(projection.derived(p))
				&& !projection.unitWithin(projection.unitOf(p), projection.unitOf(m));
	}

	private static UnitView unit(Revision rev, Projection projection, int p) {
		int u = projection.unitOf(p);
		return new UnitView(rev, projection.unitKey(u), projection.unitName(u), projection.unitKind(u),
				projection.plannedHeadcount(u));
	}

	/** {@link #linesOutsideUnit} from {@code command/reporting-anomalies-lines-outside-unit}. */
	List<LineOutsideUnit> linesOutsideUnitByCypher(Report report) {
		Revision rev = report.rev();
		return this.graph.read("command/reporting-anomalies-lines-outside-unit", Map.of("rev", rev.id(), "limit", report.limit()),
				r -> lineOutsideUnit(PositionView.of(rev, r.get("p").asNode(), r.get("holders")),
						UnitView.of(rev, r.get("u").asNode()),
						PositionView.of(rev, r.get("m").asNode(), r.get("managerHolders")),
						UnitView.of(rev, r.get("mu").asNode())));
	}

	private static LineOutsideUnit lineOutsideUnit(PositionView post, UnitView unit, PositionView manager,
			UnitView managerUnit) {
		return new LineOutsideUnit(post, unit, manager, managerUnit, new Reason(
				name(post) + " in " + name(unit) + " reports to " + name(manager) + " in " + name(managerUnit)
						+ ", which is neither its own unit nor a unit above it",
				name(post) + "（" + name(unit) + "）向 " + name(manager) + "（" + name(managerUnit)
						+ "）汇报，后者既不是本部门也不是上级部门"));
	}

	/** How many lines {@link #linesOutsideUnit} would list without its cap. */
	int linesOutsideUnitCount(Report report) {
		Projection projection = projection(report.rev());
		if (projection != null) {
			int count = 0;
			for (int p = 0; p < projection.positionCount(); p++) {
				count += outsideUnit(projection, p) ? 1 : 0;
			}
			return count;
		}
		return linesOutsideUnitCountByCypher(report);
	}

	/** {@link #linesOutsideUnitCount} from {@code command/reporting-anomalies-lines-outside-unit-count}. */
	int linesOutsideUnitCountByCypher(Report report) {
		return this.graph.read("command/reporting-anomalies-lines-outside-unit-count", Map.of("rev", report.rev().id()),
				r -> r.get("count").asInt()).getFirst();
	}

	/** Posts the import loaded as tops because their manager was eliminated (UK organograms). */
	private Map<String, String> linesToEliminatedPosts(Report report) {
		return this.revisions.revisionView(report.rev())
			.map(RevisionView::metadata)
			.filter(m -> m != null && m.contains("linesToEliminatedPosts"))
			.map(ReportingAnomalies::linesToEliminated)
			.orElse(Map.of());
	}

	private static Map<String, String> linesToEliminated(String metadata) {
		Object lines = JSON.readValue(metadata, new TypeReference<Map<String, Object>>() {
		}).get("linesToEliminatedPosts");
		Map<String, String> map = new java.util.HashMap<>();
		if (lines instanceof Map<?, ?> m) {
			m.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
		}
		return map;
	}

	/** People holding more than {@code maxConcurrentPosts} posts. O(people + holdings). */
	List<ConcurrentPostHolder> concurrentPosts(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? concurrentPosts(report, projection) : concurrentPostsByCypher(report);
	}

	/** {@link #concurrentPosts} read from a projection. O(people + holdings), stopping at the cap. */
	List<ConcurrentPostHolder> concurrentPosts(Report report, Projection projection) {
		Revision rev = report.rev();
		List<ConcurrentPostHolder> holders = new ArrayList<>();
		for (int who = 0; who < projection.personCount() && holders.size() < report.limit(); who++) {
			if (projection.postCount(who) > report.maxConcurrentPosts()) {
				List<PositionView> posts = new ArrayList<>();
				for (int p : projection.postsOf(who)) {
					posts.add(ChainOfCommand.position(rev, projection, p));
				}
				holders.add(concurrentPostHolder(report,
						new PersonView(rev, projection.personKey(who), projection.personName(who)), posts));
			}
		}
		return holders;
	}

	/** {@link #concurrentPosts} from {@code command/reporting-anomalies-concurrent-posts}. */
	List<ConcurrentPostHolder> concurrentPostsByCypher(Report report) {
		Revision rev = report.rev();
		return this.graph.read("command/reporting-anomalies-concurrent-posts",
				Map.of("rev", rev.id(), "max", report.maxConcurrentPosts(), "limit", report.limit()),
				r -> concurrentPostHolder(report, PersonView.of(rev, r.get("person").asNode()), r.get("posts")
					.asList((Value v) -> PositionView.of(rev, v.get("p").asNode(), v.get("holders")))));
	}

	private static ConcurrentPostHolder concurrentPostHolder(Report report, PersonView person,
			List<PositionView> posts) {
		String held = posts.stream().map(ReportingAnomalies::name).collect(Collectors.joining(", "));
		return new ConcurrentPostHolder(person, posts, new Reason(
				"person " + person.key() + " holds " + posts.size() + " posts, more than "
						+ report.maxConcurrentPosts() + ": " + held,
				"人员 " + person.key() + " 担任 " + posts.size() + " 个岗位，超过 " + report.maxConcurrentPosts()
						+ " 个：" + held));
	}

	/** Units no post heads. O(units). */
	List<UnitWithoutHead> unitsWithoutHead(Report report) {
		Projection projection = projection(report.rev());
		return projection != null ? unitsWithoutHead(report, projection) : unitsWithoutHeadByCypher(report);
	}

	/** {@link #unitsWithoutHead} read from a projection and its unit roll-ups. O(units), stopping at the cap. */
	List<UnitWithoutHead> unitsWithoutHead(Report report, Projection projection) {
		Revision rev = report.rev();
		List<UnitWithoutHead> units = new ArrayList<>();
		for (int u = 0; u < projection.unitCount() && units.size() < report.limit(); u++) {
			if (projection.unitHead(u) < 0) {
				UnitRollup rollup = projection.unitRollup();
				units.add(unitWithoutHead(new UnitView(rev, projection.unitKey(u), projection.unitName(u),
						projection.unitKind(u), projection.plannedHeadcount(u)), rollup.ownPositions(u),
						rollup.childUnits(u)));
			}
		}
		return units;
	}

	/** {@link #unitsWithoutHead} from {@code command/reporting-anomalies-units-without-head}. */
	List<UnitWithoutHead> unitsWithoutHeadByCypher(Report report) {
		Revision rev = report.rev();
		return this.graph.read("command/reporting-anomalies-units-without-head", Map.of("rev", rev.id(), "limit", report.limit()),
				r -> unitWithoutHead(UnitView.of(rev, r.get("u").asNode()), r.get("positions").asInt(),
						r.get("children").asInt()));
	}

	private static UnitWithoutHead unitWithoutHead(UnitView unit, int positions, int children) {
		Reason reason = positions == 0
				? new Reason("no post heads " + name(unit) + ": it has no posts of its own"
						+ (children == 0 ? "" : " (" + children + (children == 1 ? " child unit)" : " child units)")),
						"没有岗位担任 " + name(unit) + " 的负责人：它没有自己的岗位"
								+ (children == 0 ? "" : "（下属部门 " + children + " 个）"))
				: new Reason("none of the " + positions + (positions == 1 ? " post" : " posts") + " in " + name(unit)
						+ " heads it (their lines stay inside the unit)",
						name(unit) + " 的 " + positions + " 个岗位都不是它的负责人（它们的汇报关系都在部门内部）");
		return new UnitWithoutHead(unit, positions, children, reason);
	}

	private Map<String, Object> bounded(Report report) {
		return Map.of("rev", report.rev(), "maxDepth", this.traversal.maxDepth(), "limit", report.limit());
	}

	private static String name(PositionView p) {
		return p.key() + " (" + p.title() + ")";
	}

	/** The unit's name, with its key when that says something more (UK units are keyed by name). */
	private static String name(UnitView u) {
		return u.key().equals(u.name()) ? u.name() : u.name() + " (" + u.key() + ")";
	}

}
