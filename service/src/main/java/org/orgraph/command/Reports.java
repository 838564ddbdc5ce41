package org.orgraph.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Connection;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Paging;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.projection.Projection;
import org.springframework.stereotype.Component;

/**
 * Who is under whom along solid lines: the reports of a post (direct, or at any depth), span
 * of control and layers. Depths are bounded by {@link Traversal#maxDepth()}. Answers come from
 * the revision's projection when it holds the revision exactly ({@link ChainOfCommand#projection}),
 * else from the Cypher files.
 */
@Component
class Reports {

	private final Graph graph;

	private final Paging paging;

	private final Traversal traversal;

	private final ChainOfCommand chains;

	Reports(Graph graph, Paging paging, Traversal traversal, ChainOfCommand chains) {
		this.graph = graph;
		this.paging = paging;
		this.traversal = traversal;
		this.chains = chains;
	}

	/**
	 * A page of reports, key-ordered like every connection; {@code totalCount} is computed
	 * only when asked for ({@link #count}), unless it is known already ({@link #countOnly}).
	 */
	record ReportsConnection(List<Connection.Edge<PositionView>> edges, Connection.PageInfo pageInfo, Revision rev,
			String position, boolean direct, @Nullable Integer totalCount) {
	}

	/**
	 * A page of the posts under {@code position}. Direct reports cost O(direct reports) per
	 * page; indirect ones O(posts under the post) per page (the subtree is expanded and the
	 * page's keys picked by a top-k sort), whatever the offset, since cursors are keys.
	 * Throws {@link KeyNotFoundException} for a position the revision does not have.
	 */
	ReportsConnection page(Revision rev, String position, boolean direct, @Nullable Integer first,
			@Nullable String after) {
		Projection projection = this.chains.projection(rev);
		if (projection != null) {
			int m = projection.position(position);
			if (m < 0) {
				throw KeyNotFoundException.of(rev, "position", position);
			}
			Connection<PositionView> page = this.paging.page(first, after, PositionView::key, (from, limit) -> {
				List<PositionView> fetched = new ArrayList<>();
				for (int p : projection.reports(m, direct, from, limit, this.traversal.maxDepth())) {
					fetched.add(ChainOfCommand.position(rev, projection, p));
				}
				return fetched;
			});
			return new ReportsConnection(page.edges(), page.pageInfo(), rev, position, direct, null);
		}
		if (this.graph.read("command/reports-direct-count", countParameters(rev, position, true), r -> r).isEmpty()) {
			throw KeyNotFoundException.of(rev, "position", position);
		}
		Connection<PositionView> page = this.paging.page(first, after, PositionView::key, (from, limit) -> {
			Map<String, Object> params = new HashMap<>();
			params.put("rev", rev.id());
			params.put("key", position);
			params.put("after", from);
			params.put("limit", limit);
			if (!direct) {
				params.put("maxDepth", this.traversal.maxDepth());
			}
			return this.graph.read(direct ? "command/reports-direct" : "command/reports-indirect", params,
					r -> PositionView.of(rev, r.get("p").asNode(), r.get("holders")));
		});
		return new ReportsConnection(page.edges(), page.pageInfo(), rev, position, direct, null);
	}

	/**
	 * The reports of {@code position} when only their number is wanted: the count query alone
	 * (it also finds the post, so one round trip), no page. Throws {@link KeyNotFoundException}
	 * for a position the revision does not have.
	 */
	ReportsConnection countOnly(Revision rev, String position, boolean direct, @Nullable Integer first) {
		this.paging.size(first);
		Projection projection = this.chains.projection(rev);
		if (projection != null) {
			int m = projection.position(position);
			if (m < 0) {
				throw KeyNotFoundException.of(rev, "position", position);
			}
			return new ReportsConnection(List.of(), new Connection.PageInfo(false, false, null, null), rev, position,
					direct, count(projection, m, direct));
		}
		List<Integer> counts = this.graph.read(direct ? "command/reports-direct-count" : "command/reports-indirect-count",
				countParameters(rev, position, direct), r -> r.get("n").asInt());
		if (counts.isEmpty()) {
			throw KeyNotFoundException.of(rev, "position", position);
		}
		return new ReportsConnection(List.of(), new Connection.PageInfo(false, false, null, null), rev, position, direct,
				counts.getFirst());
	}

	/**
	 * How many posts a page's query reaches in all. Direct: O(direct reports). Indirect: a
	 * bounded variable-length count, O(posts under the post), done in the database so only
	 * one number crosses the wire (DFID's 75 posts or a 100k-post subtree alike).
	 */
	int count(ReportsConnection reports) {
		if (reports.totalCount() != null) {
			return reports.totalCount();
		}
		Projection projection = this.chains.projection(reports.rev());
		if (projection != null) {
			int m = projection.position(reports.position());
			return m < 0 ? 0 : count(projection, m, reports.direct());
		}
		return this.graph
			.read(reports.direct() ? "command/reports-direct-count" : "command/reports-indirect-count",
					countParameters(reports.rev(), reports.position(), reports.direct()), r -> r.get("n").asInt())
			.stream()
			.findFirst()
			.orElse(0);
	}

	private int count(Projection projection, int m, boolean direct) {
		return direct ? projection.directReportCount(m) : projection.reportCount(m, this.traversal.maxDepth());
	}

	private Map<String, Object> countParameters(Revision rev, String position, boolean direct) {
		Map<String, Object> params = new HashMap<>();
		params.put("rev", rev.id());
		params.put("key", position);
		if (!direct) {
			params.put("maxDepth", this.traversal.maxDepth());
		}
		return params;
	}

	/** Span of control of many posts of one revision: one query, O(posts + their direct reports). */
	Map<String, Integer> spans(Revision rev, List<String> keys) {
		Map<String, Integer> spans = new LinkedHashMap<>();
		Projection projection = this.chains.projection(rev);
		if (projection != null) {
			for (String key : keys) {
				int m = projection.position(key);
				if (m >= 0) {
					spans.put(key, projection.directReportCount(m));
				}
			}
			return spans;
		}
		this.graph.read("command/position-span", Map.of("rev", rev, "keys", keys), r -> r)
			.forEach(r -> spans.put(r.get("key").asString(), r.get("span").asInt()));
		return spans;
	}

	/**
	 * Layer (links up to the top, 0 for a top) of many posts of one revision; absent for a post
	 * that reaches no top (a cycle, or a chain longer than the bound). One query, O(d²) per post
	 * for chains of d links.
	 */
	Map<String, Integer> layers(Revision rev, List<String> keys) {
		Map<String, Integer> layers = new LinkedHashMap<>();
		Projection projection = this.chains.projection(rev);
		if (projection != null) {
			for (String key : keys) {
				int p = projection.position(key);
				int layer = p < 0 ? -1 : projection.layer(p, this.traversal.maxDepth());
				if (layer >= 0) {
					layers.put(key, layer);
				}
			}
			return layers;
		}
		this.graph
			.read("command/position-layer", Map.of("rev", rev.id(), "keys", keys, "maxDepth", this.traversal.maxDepth()),
					r -> r)
			.forEach(r -> layers.put(r.get("key").asString(), r.get("layer").asInt()));
		return layers;
	}

	/**
	 * The number of layers of a revision: 1 + the longest chain from a post to its top, 0
	 * without posts. O(posts): the walk goes down from each top once.
	 */
	int organizationLayers(Revision rev) {
		Projection projection = this.chains.projection(rev);
		if (projection != null) {
			return projection.layers(this.traversal.maxDepth());
		}
		return this.graph
			.read("command/organization-layers", Map.of("rev", rev.id(), "maxDepth", this.traversal.maxDepth()),
					r -> r.get("layers").asInt())
			.getFirst();
	}

}
