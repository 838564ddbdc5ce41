package org.orgraph.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.springframework.stereotype.Component;

/**
 * Walks solid reporting lines ({@code REPORTS_TO {line: true}}) upwards: the chain of command
 * of a post or of each post a person holds, and the lowest common superior of two. Every walk
 * is bounded by {@link Traversal#maxDepth()} links, so a cycle is reported, never looped.
 */
@Component
class ChainOfCommand {

	private final Graph graph;

	private final Traversal traversal;

	ChainOfCommand(Graph graph, Traversal traversal) {
		this.graph = graph;
		this.traversal = traversal;
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
