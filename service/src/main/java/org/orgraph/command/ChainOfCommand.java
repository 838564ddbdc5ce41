package org.orgraph.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Views.HoldingView;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.orgraph.projection.Projection;
import org.orgraph.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * Walks solid reporting lines ({@code REPORTS_TO {line: true}}) upwards: the chain of command
 * of a post or of each post a person holds, and the lowest common superior of two. Every walk
 * is bounded by {@link Traversal#maxDepth()} links, so a cycle is reported, never looped.
 * Answers come from the revision's {@link Projection} when it holds the revision exactly, else
 * from the Cypher files (the same answers, tested side by side in {@code ProjectionEqualityIT}).
 */
@Component
class ChainOfCommand {

	private final Graph graph;

	private final Traversal traversal;

	private final Projections projections;

	ChainOfCommand(Graph graph, Traversal traversal, Projections projections) {
		this.graph = graph;
		this.traversal = traversal;
		this.projections = projections;
	}

	/** The revision's projection when paths may be read from it, else null (ask Cypher). */
	@Nullable Projection projection(Revision rev) {
		Projection projection = this.projections.get(rev);
		return projection != null && projection.exactPaths() ? projection : null;
	}

	/**
	 * One chain of command, from {@code post} (depth 0) to the top.
	 *
	 * @param person the person whose post this is, when the chain was asked for a person
	 * @param cycle the solid lines loop: the last link reports to {@code loopsTo}, a post
	 * already in the chain, and there is no top
	 * @param truncated the walk stopped after {@code orgraph.max-depth} links with a solid
	 * line still above the last link
	 * @param top the last link's post when it is a top (neither cycle nor truncated)
	 */
	record Chain(PositionView post, @Nullable PersonView person, List<ChainLink> links, boolean cycle,
			@Nullable PositionView loopsTo, boolean truncated, @Nullable PositionView top) {
	}

	/**
	 * One post of a chain.
	 *
	 * @param acting a holder holds the post in an acting capacity
	 * @param concurrent a holder holds other posts too, or the post is declared held
	 * together with another ({@code CONCURRENT_WITH}, either way)
	 * @param line the link from this post to the next one (always solid; null on the last)
	 * @param derived the import derived that link from unit heads (null on the last)
	 * @param dottedTo posts this one reports to on dotted lines, which the chain does not follow
	 */
	record ChainLink(int depth, PositionView position, UnitView unit, List<PersonView> holders,
			List<HoldingView> holdings, boolean acting, boolean concurrent, @Nullable Boolean line,
			@Nullable Boolean derived, List<PositionView> dottedTo) {

		public boolean vacant() {
			return this.holders.isEmpty();
		}

	}

	/**
	 * The lowest post both sides reach along solid lines.
	 *
	 * @param a the post {@code a} stood for (for a person, the post giving this answer)
	 * @param pathFromA from {@code a} up to {@code position}, both included; its size is
	 * {@code depthFromA + 1}
	 */
	record CommonSuperior(PositionView position, PositionView a, PositionView b, int depthFromA, int depthFromB,
			List<PositionView> pathFromA, List<PositionView> pathFromB) {
	}

	/** What a key names: the posts it stands for, and the person when it is a person's key. */
	record Resolved(List<String> posts, @Nullable PersonView person) {
	}

	/** The posts of the person with this key. Throws {@link KeyNotFoundException} when there is none. */
	Resolved person(Revision rev, String key) {
		return resolve(rev, key, false, true, "person");
	}

	/**
	 * A key that may be a position's or a person's: a position first (it names one post, so it
	 * is the more precise reading), else a person. Throws {@link KeyNotFoundException} when it
	 * is neither.
	 */
	Resolved positionOrPerson(Revision rev, String key) {
		return resolve(rev, key, true, true, "position or person");
	}

	private Resolved resolve(Revision rev, String key, boolean positions, boolean people, String what) {
		Projection projection = projection(rev);
		if (projection != null) {
			int post = positions ? projection.position(key) : -1;
			if (post >= 0) {
				return new Resolved(List.of(projection.positionKey(post)), null);
			}
			int person = people ? projection.person(key) : -1;
			if (person >= 0) {
				List<String> posts = new ArrayList<>();
				for (int p : projection.postsOf(person)) {
					posts.add(projection.positionKey(p));
				}
				return new Resolved(posts,
						new PersonView(rev, projection.personKey(person), projection.personName(person)));
			}
			throw KeyNotFoundException.of(rev, what, key);
		}
		Map<String, Resolved> byKind = new LinkedHashMap<>();
		this.graph.read("command/posts-of", Map.of("rev", rev.id(), "key", key), r -> r).forEach(r -> {
			String kind = r.get("kind").asString();
			List<String> posts = r.get("posts").asList(Value::asString);
			byKind.put(kind, new Resolved(posts,
					kind.equals("PERSON") ? PersonView.of(rev, r.get("node").asNode()) : null));
		});
		if (positions && byKind.containsKey("POSITION")) {
			return byKind.get("POSITION");
		}
		if (people && byKind.containsKey("PERSON")) {
			return byKind.get("PERSON");
		}
		throw KeyNotFoundException.of(rev, what, key);
	}

	/**
	 * The chain of command of each post in {@code resolved}, in post key order. One query for
	 * all of them; each chain costs O(d²) for d links (the longest of the d + 1 solid paths from
	 * the post wins), d ≤ {@code orgraph.max-depth}, plus the holders and dotted lines of each link.
	 */
	List<Chain> chains(Revision rev, Resolved resolved) {
		Projection projection = projection(rev);
		return projection != null ? chains(rev, resolved, projection) : chainsByCypher(rev, resolved);
	}

	/** {@link #chains} read from a projection: O(d) per chain plus its holders and dotted lines. */
	List<Chain> chains(Revision rev, Resolved resolved, Projection projection) {
		List<Chain> chains = new ArrayList<>();
		for (String key : new LinkedHashSet<>(resolved.posts())) {
			int start = projection.position(key);
			if (start < 0) {
				continue;
			}
			int[] walk = projection.chain(start, this.traversal.maxDepth());
			List<ChainLink> links = new ArrayList<>();
			Set<Integer> seen = new HashSet<>();
			PositionView loopsTo = null;
			for (int depth = 0; depth < walk.length; depth++) {
				int p = walk[depth];
				if (!seen.add(p)) {
					loopsTo = position(rev, projection, p);
					break;
				}
				links.add(link(rev, projection, depth, p, depth == walk.length - 1));
			}
			boolean above = projection.manager(walk[walk.length - 1]) >= 0;
			boolean cycle = loopsTo != null;
			boolean truncated = !cycle && above;
			PositionView top = cycle || truncated ? null : links.getLast().position();
			chains.add(new Chain(links.getFirst().position(), resolved.person(), links, cycle, loopsTo, truncated, top));
		}
		return chains;
	}

	private static ChainLink link(Revision rev, Projection projection, int depth, int p, boolean last) {
		int u = projection.unitOf(p);
		UnitView unit = new UnitView(rev, projection.unitKey(u), projection.unitName(u), projection.unitKind(u),
				projection.plannedHeadcount(u));
		PositionView position = position(rev, projection, p).withUnit(unit);
		List<PersonView> holders = new ArrayList<>();
		List<HoldingView> holdings = new ArrayList<>();
		boolean acting = false;
		boolean otherPosts = false;
		for (int h : projection.holdingsOf(p)) {
			int who = projection.holdingPerson(h);
			PersonView person = new PersonView(rev, projection.personKey(who), projection.personName(who));
			holders.add(person);
			holdings.add(new HoldingView(person, position, projection.fte(h), projection.acting(h)));
			acting |= projection.acting(h);
			otherPosts |= projection.postCount(who) > 1;
		}
		List<PositionView> dotted = new ArrayList<>();
		for (int q : projection.dottedTo(p)) {
			dotted.add(position(rev, projection, q));
		}
		return new ChainLink(depth, position, unit, holders, holdings, acting,
				otherPosts || projection.concurrentWith(p), last ? null : Boolean.TRUE,
				last ? null : projection.derived(p), dotted);
	}

	/** The view of post {@code p}, as {@link PositionView#of} reads it from a node. */
	static PositionView position(Revision rev, Projection projection, int p) {
		return new PositionView(rev, projection.positionKey(p), projection.title(p), projection.grade(p),
				projection.headcount(p), projection.juniorFte(p), projection.holderCount(p));
	}

	/** {@link #chains} read by {@code command/chain-of-command}. */
	List<Chain> chainsByCypher(Revision rev, Resolved resolved) {
		if (resolved.posts().isEmpty()) {
			return List.of();
		}
		Map<String, List<Record>> byStart = new LinkedHashMap<>();
		resolved.posts().forEach(k -> byStart.put(k, new ArrayList<>()));
		this.graph
			.read("command/chain-of-command",
					Map.of("rev", rev.id(), "keys", resolved.posts(), "maxDepth", this.traversal.maxDepth()), r -> r)
			.forEach(r -> byStart.get(r.get("start").asString()).add(r));
		List<Chain> chains = new ArrayList<>();
		byStart.values().stream().filter(rows -> !rows.isEmpty()).forEach(rows -> chains.add(chain(rev, resolved, rows)));
		return chains;
	}

	private Chain chain(Revision rev, Resolved resolved, List<Record> rows) {
		List<ChainLink> links = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		PositionView loopsTo = null;
		for (Record r : rows) {
			PositionView position = PositionView.of(rev, r.get("p"), r.get("holders"));
			if (!seen.add(position.key())) {
				loopsTo = position;
				break;
			}
			links.add(link(rev, r, position));
		}
		boolean above = rows.getLast().get("above").asBoolean();
		boolean cycle = loopsTo != null;
		boolean truncated = !cycle && above;
		PositionView top = cycle || truncated ? null : links.getLast().position();
		return new Chain(links.getFirst().position(), resolved.person(), links, cycle, loopsTo, truncated, top);
	}

	private static ChainLink link(Revision rev, Record r, PositionView post) {
		UnitView unit = UnitView.of(rev, r.get("u"));
		PositionView position = post.withUnit(unit);
		List<PersonView> holders = new ArrayList<>();
		List<HoldingView> holdings = new ArrayList<>();
		boolean acting = false;
		boolean otherPosts = false;
		for (Value h : r.get("people").values()) {
			PersonView person = PersonView.of(rev, h.get("person"));
			holders.add(person);
			holdings.add(new HoldingView(person, position, h.get("fte").asDouble(), h.get("acting").asBoolean()));
			acting |= h.get("acting").asBoolean();
			otherPosts |= h.get("posts").asInt() > 1;
		}
		List<PositionView> dotted = r.get("dotted").asList(d -> PositionView.of(rev, d.get("p"), d.get("holders")));
		return new ChainLink(r.get("depth").asInt(), position, unit, holders, holdings,
				acting, otherPosts || r.get("concurrentWith").asBoolean(), r.get("line").computeOrDefault(Value::asBoolean, null),
				r.get("derived").computeOrDefault(Value::asBoolean, null), dotted);
	}

	/**
	 * The lowest common superior of the posts {@code a} and {@code b} stand for, null when no
	 * post is above both (different tops). With several posts on a side (a person's 兼任), every
	 * pair is tried and the answer is the superior with the fewest links in all, then the fewest
	 * on the longer side, then the smallest keys. O(|a|·|b|·d²) for chains of d links.
	 */
	@Nullable CommonSuperior commonSuperior(Revision rev, Resolved a, Resolved b) {
		if (a.posts().isEmpty() || b.posts().isEmpty()) {
			return null;
		}
		Projection projection = projection(rev);
		return projection != null ? commonSuperior(rev, a, b, projection) : commonSuperiorByCypher(rev, a, b);
	}

	/** {@link #commonSuperior} read from a projection: O(|a|·|b|·d). */
	@Nullable CommonSuperior commonSuperior(Revision rev, Resolved a, Resolved b, Projection projection) {
		Projection.Superior s = projection.commonSuperior(ids(projection, a), ids(projection, b),
				this.traversal.maxDepth());
		if (s == null) {
			return null;
		}
		List<PositionView> pathA = new ArrayList<>();
		for (int p : s.pathA()) {
			pathA.add(position(rev, projection, p));
		}
		List<PositionView> pathB = new ArrayList<>();
		for (int p : s.pathB()) {
			pathB.add(position(rev, projection, p));
		}
		return new CommonSuperior(pathA.getLast(), pathA.getFirst(), pathB.getFirst(), pathA.size() - 1,
				pathB.size() - 1, pathA, pathB);
	}

	private static int[] ids(Projection projection, Resolved resolved) {
		return resolved.posts().stream().mapToInt(projection::position).filter(p -> p >= 0).distinct().toArray();
	}

	/** {@link #commonSuperior} read by {@code command/common-superior}. */
	@Nullable CommonSuperior commonSuperiorByCypher(Revision rev, Resolved a, Resolved b) {
		if (a.posts().isEmpty() || b.posts().isEmpty()) {
			return null;
		}
		return this.graph
			.read("command/common-superior",
					Map.of("rev", rev.id(), "a", a.posts(), "b", b.posts(), "maxDepth", this.traversal.maxDepth()), r -> {
						List<PositionView> pathA = path(rev, r.get("pathA"), r.get("holdersA"));
						List<PositionView> pathB = path(rev, r.get("pathB"), r.get("holdersB"));
						return new CommonSuperior(pathA.getLast(), pathA.getFirst(), pathB.getFirst(), pathA.size() - 1,
								pathB.size() - 1, pathA, pathB);
					})
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static List<PositionView> path(Revision rev, Value nodes, Value holders) {
		List<PositionView> path = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			path.add(PositionView.of(rev, nodes.get(i).asNode(), holders.get(i)));
		}
		return path;
	}

}
