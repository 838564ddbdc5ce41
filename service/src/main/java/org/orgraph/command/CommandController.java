package org.orgraph.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Paging;
import org.orgraph.graph.Revision;
import org.orgraph.command.ChainOfCommand.Chain;
import org.orgraph.command.ChainOfCommand.CommonSuperior;
import org.orgraph.command.ChainOfCommand.Resolved;
import org.orgraph.command.ReportingAnomalies.ConcurrentPostHolder;
import org.orgraph.command.ReportingAnomalies.LineOutsideUnit;
import org.orgraph.command.ReportingAnomalies.PostWithoutTop;
import org.orgraph.command.ReportingAnomalies.Report;
import org.orgraph.command.ReportingAnomalies.ReportingCycle;
import org.orgraph.command.ReportingAnomalies.TopPost;
import org.orgraph.command.ReportingAnomalies.UnitWithoutHead;
import org.orgraph.command.Reports.ReportsConnection;
import org.orgraph.graph.Language;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.graph.Views.PositionView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The chain-of-command fields of the schema. An unknown organisation answers empty or null;
 * an unknown position or person is an error with {@code extensions.code} NOT_FOUND.
 */
@Controller
class CommandController {

	private final Revisions revisions;

	private final ChainOfCommand chains;

	private final Reports reports;

	private final ReportingAnomalies anomalies;

	private final Paging paging;

	CommandController(Revisions revisions, Paging paging, ChainOfCommand chains, Reports reports,
			ReportingAnomalies anomalies) {
		this.revisions = revisions;
		this.paging = paging;
		this.chains = chains;
		this.reports = reports;
		this.anomalies = anomalies;
	}

	@QueryMapping
	List<Chain> chainOfCommand(@Argument String org, @Argument @Nullable String person,
			@Argument @Nullable String position, @Argument @Nullable Integer revision) {
		if ((person == null) == (position == null)) {
			throw new InvalidArgumentException("chainOfCommand needs either person or position, not "
					+ (person == null ? "neither" : "both"));
		}
		Optional<Revision> rev = revision(org, revision);
		if (rev.isEmpty()) {
			return List.of();
		}
		List<Chain> chains;
		if (person != null) {
			chains = this.chains.chains(rev.get(), this.chains.person(rev.get(), person));
		}
		else {
			// the chain query finds the post itself (depth 0), so a missing post is an empty answer
			chains = this.chains.chains(rev.get(), new Resolved(List.of(position), null));
			if (chains.isEmpty()) {
				throw KeyNotFoundException.of(rev.get(), "position", position);
			}
		}
		return chains;
	}

	@QueryMapping
	@Nullable CommonSuperior commonSuperior(@Argument String org, @Argument String a, @Argument String b,
			@Argument @Nullable Integer revision) {
		Optional<Revision> rev = revision(org, revision);
		if (rev.isEmpty()) {
			return null;
		}
		return this.chains.commonSuperior(rev.get(), this.chains.positionOrPerson(rev.get(), a),
				this.chains.positionOrPerson(rev.get(), b));
	}

	@QueryMapping
	@Nullable ReportsConnection reports(@Argument String org, @Argument String position,
			@Argument @Nullable Boolean direct, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer revision, DataFetchingFieldSelectionSet selection) {
		Optional<Revision> rev = revision(org, revision);
		if (rev.isEmpty()) {
			return null;
		}
		if (!selection.contains("edges") && !selection.contains("pageInfo")) {
			// only the count is wanted: one query, without expanding the subtree a second time for a page
			return this.reports.countOnly(rev.get(), position, Boolean.TRUE.equals(direct), first);
		}
		return this.reports.page(rev.get(), position, Boolean.TRUE.equals(direct), first, after);
	}

	@SchemaMapping(typeName = "ReportsConnection")
	int totalCount(ReportsConnection connection) {
		return this.reports.count(connection);
	}

	@QueryMapping
	@Nullable Report reportingAnomalies(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer maxConcurrentPosts, @Argument @Nullable Integer first) {
		int max = maxConcurrentPosts == null ? 2 : maxConcurrentPosts;
		if (max < 0) {
			throw new InvalidArgumentException("maxConcurrentPosts must be 0 or more, got " + max);
		}
		int limit = this.paging.size(first);
		return revision(org, revision).map(rev -> new Report(rev, max, limit)).orElse(null);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<ReportingCycle> cycles(Report report) {
		return this.anomalies.cycles(report);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<PostWithoutTop> postsWithoutTop(Report report) {
		return this.anomalies.postsWithoutTop(report);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<TopPost> tops(Report report) {
		return this.anomalies.tops(report);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<LineOutsideUnit> linesOutsideUnit(Report report) {
		return this.anomalies.linesOutsideUnit(report);
	}

	@SchemaMapping(typeName = "ReportingCycle", field = "reason")
	String reason(ReportingCycle item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "PostWithoutTop", field = "reason")
	String reason(PostWithoutTop item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "TopPost", field = "reason")
	String reason(TopPost item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "LineOutsideUnit", field = "reason")
	String reason(LineOutsideUnit item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "ConcurrentPostHolder", field = "reason")
	String reason(ConcurrentPostHolder item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "UnitWithoutHead", field = "reason")
	String reason(UnitWithoutHead item, @Argument @Nullable String lang, GraphQLContext context) {
		return item.reason().in(Language.of(lang, context));
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	int linesOutsideUnitCount(Report report) {
		return this.anomalies.linesOutsideUnitCount(report);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<ConcurrentPostHolder> concurrentPosts(Report report) {
		return this.anomalies.concurrentPosts(report);
	}

	@SchemaMapping(typeName = "ReportingAnomalies")
	List<UnitWithoutHead> unitsWithoutHead(Report report) {
		return this.anomalies.unitsWithoutHead(report);
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, Integer> span(List<PositionView> positions) {
		Map<PositionView, Integer> spans = new LinkedHashMap<>();
		byRevision(positions).forEach((rev, group) -> {
			Map<String, Integer> byKey = this.reports.spans(rev, keys(group));
			group.forEach(p -> spans.put(p, byKey.getOrDefault(p.key(), 0)));
		});
		return spans;
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, @Nullable Integer> layer(List<PositionView> positions) {
		Map<PositionView, @Nullable Integer> layers = new LinkedHashMap<>();
		byRevision(positions).forEach((rev, group) -> {
			Map<String, Integer> byKey = this.reports.layers(rev, keys(group));
			group.forEach(p -> layers.put(p, byKey.get(p.key())));
		});
		return layers;
	}

	@SchemaMapping(typeName = "Organization")
	int layers(OrganizationView org, @Argument @Nullable Integer revision) {
		return this.reports.organizationLayers(this.revisions.resolve(org, revision));
	}

	/** The revision to read, empty for an organisation the caller cannot see. */
	private Optional<Revision> revision(String org, @Nullable Integer revision) {
		return this.revisions.resolve(org, revision);
	}

	private static Map<Revision, List<PositionView>> byRevision(List<PositionView> positions) {
		Map<Revision, List<PositionView>> byRev = new HashMap<>();
		positions.forEach(p -> byRev.computeIfAbsent(p.rev(), k -> new ArrayList<>()).add(p));
		return byRev;
	}

	private static List<String> keys(List<PositionView> positions) {
		return positions.stream().map(PositionView::key).distinct().toList();
	}

}
