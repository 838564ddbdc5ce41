package org.orgraph.duties;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;
import org.orgraph.graph.CountedConnection;
import org.orgraph.graph.Language;
import org.orgraph.graph.Paging;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionItems;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.DutyHolderView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.orgraph.security.AuditTrail;
import org.orgraph.security.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code dutyOverlaps} and the verdicts on them, {@code dutyThemes}, {@code orphanedDuties},
 * {@code orphanedDutiesPage}, {@code orphanFindings} and {@code dutyGaps}.
 */
@Controller
class DutiesController {

	private final DutyAnalytics analytics;

	private final Revisions revisions;

	private final OverlapReviews reviews;

	private final AuditTrail audit;

	private final Paging paging;

	private final RevisionItems items;

	private final OverlapExplanations explanations;

	DutiesController(DutyAnalytics analytics, Revisions revisions, OverlapReviews reviews, AuditTrail audit,
			Paging paging, RevisionItems items, OverlapExplanations explanations) {
		this.analytics = analytics;
		this.explanations = explanations;
		this.revisions = revisions;
		this.paging = paging;
		this.items = items;
		this.reviews = reviews;
		this.audit = audit;
	}

	/** The longest note a verdict keeps. */
	static final int MAX_NOTE = 2_000;

	/** The GraphQL context key under which an answer says it is degraded, and why. */
	static final String DEGRADED = "orgraph.degraded";

	/** Adds {@code extensions.degraded} (and the reason) to a response any field of which was answered degraded. */
	@org.springframework.stereotype.Component
	static class DegradedAnswers implements org.springframework.graphql.server.WebGraphQlInterceptor {

		@Override
		public reactor.core.publisher.Mono<org.springframework.graphql.server.WebGraphQlResponse> intercept(
				org.springframework.graphql.server.WebGraphQlRequest request, Chain chain) {
			return chain.next(request).map(response -> {
				Object why = response.getExecutionInput().getGraphQLContext().get(DEGRADED);
				return why == null ? response : response.transform(builder -> builder.extensions(
						Map.of("degraded", true, "degradedReason", why)));
			});
		}

	}

	record DutyGaps(List<PositionView> positionsWithoutDuties, List<UnitView> unitsWithoutPositionsOrDuties) {
	}

	@QueryMapping
	Connection<Overlap> dutyOverlaps(GraphQLContext context, @Argument String org, @Argument Overlap.Kind mode, @Argument @Nullable Double minScore,
			@Argument @Nullable List<HolderRelation> relations, @Argument @Nullable String unit,
			@Argument @Nullable Integer revision, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Boolean includeDistinct) {
		int limit = this.paging.size(first);
		if (minScore != null && !(minScore > 0 && minScore <= 1)) {
			throw new IllegalArgumentException("minScore must be in (0, 1], got " + minScore);
		}
		Set<HolderRelation> kinds = relations == null || relations.isEmpty() ? Set.of() : EnumSet.copyOf(relations);
		DutyAnalytics.OverlapFilter filter = new DutyAnalytics.OverlapFilter(kinds, unit);
		List<Overlap> all = revision(org, revision)
			.map(rev -> mode == Overlap.Kind.EXACT ? this.analytics.exactOverlaps(rev, filter)
					: this.analytics.similarOverlaps(rev,
							minScore == null ? this.analytics.defaultMinScore() : minScore, filter))
			.orElse(List.of());
		if (mode == Overlap.Kind.SIMILAR && !Boolean.TRUE.equals(includeDistinct)) {
			// pairs a consultant judged DISTINCT are settled: hidden unless asked for
			Map<String, OverlapReviews.Review> judged = this.reviews.of(org);
			if (!judged.isEmpty()) {
				all = all.stream().filter(o -> {
					OverlapReviews.Review r = OverlapReviews.of(judged, o);
					return r == null || r.verdict() != OverlapReviews.Verdict.DISTINCT;
				}).toList();
			}
		}
		if (mode == Overlap.Kind.SIMILAR && this.analytics.degraded()) {
			// said on every answer, never silently (DegradedAnswers puts it in the response's extensions)
			context.put(DEGRADED, "the embedding models are not available: similar overlaps are scored from words alone");
		}
		return Connection.slice(all, limit, after, Overlap::id);
	}

	@SchemaMapping(typeName = "Overlap")
	String explanation(Overlap overlap, @Argument @Nullable String lang, GraphQLContext context) {
		return this.explanations.explanation(overlap, Language.of(lang, context));
	}

	@BatchMapping(typeName = "Overlap")
	Map<Overlap, OverlapReviews.@Nullable Review> review(List<Overlap> overlaps) {
		Map<String, Map<String, OverlapReviews.Review>> byOrg = new java.util.HashMap<>();
		Map<Overlap, OverlapReviews.@Nullable Review> result = new LinkedHashMap<>();
		for (Overlap o : overlaps) {
			String org = o.rev().organization();
			result.put(o, OverlapReviews.of(byOrg.computeIfAbsent(org, this.reviews::of), o));
		}
		return result;
	}

	@MutationMapping
	OverlapReviews.Review reviewOverlap(@Argument String org, @Argument List<String> duties,
			@Argument OverlapReviews.Verdict verdict, @Argument @Nullable String note,
			@Argument @Nullable Integer revision) {
		if (duties.size() != 2 || duties.get(0).equals(duties.get(1))) {
			throw new IllegalArgumentException("a verdict is on two different duties, got " + duties.size());
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw new IllegalArgumentException("a note holds at most " + MAX_NOTE + " characters, got " + note.length());
		}
		Revision rev = revision(org, revision)
			.orElseThrow(() -> new IllegalArgumentException("no organization " + org));
		List<RevisionSnapshot.Duty> pair = duties.stream()
			.map(key -> this.analytics.duty(rev, key)
				.orElseThrow(() -> new IllegalArgumentException("no duty " + key + " in revision " + rev)))
			.toList();
		if (pair.get(0).norm().equals(pair.get(1).norm())) {
			throw new IllegalArgumentException("the two duties have the same text: an EXACT overlap needs no verdict");
		}
		OverlapReviews.Review review = this.reviews.record(org, pair.get(0).text(), pair.get(1).text(), verdict, note,
				Callers.describeCurrent());
		// the audit trail names the duties by key; their texts and the note stay in the review
		this.audit.record(Callers.describeCurrent(), "review-overlap", org, rev.number(),
				verdict.name() + ": " + duties.get(0) + " / " + duties.get(1));
		return review;
	}

	@QueryMapping
	Connection<DutyTheme> dutyThemes(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.paging.size(first);
		List<DutyTheme> all = revision(org, revision).map(this.analytics::themes).orElse(List.of());
		return Connection.slice(all, limit, after, DutyTheme::id);
	}

	@QueryMapping
	List<Orphan> orphanedDuties(@Argument String org, @Argument @Nullable Integer revision) {
		return revision(org, revision).map(this.analytics::orphans).orElse(List.of());
	}

	@QueryMapping
	DutyGaps dutyGaps(@Argument String org, @Argument @Nullable Integer revision) {
		return revision(org, revision)
			.map(rev -> new DutyGaps(
					this.analytics.positionsWithoutDuties(rev).stream()
						.map(k -> this.items.position(rev, k).orElseThrow())
						.toList(),
					this.analytics.unitsWithoutPositionsOrDuties(rev).stream()
						.map(k -> this.items.unit(rev, k).orElseThrow())
						.toList()))
			.orElse(new DutyGaps(List.of(), List.of()));
	}

	@BatchMapping(typeName = "Overlap")
	Map<Overlap, @Nullable PositionView> settledBy(List<Overlap> overlaps) {
		List<Overlap> settled = overlaps.stream().filter(o -> o.settledBy() != null).toList();
		Map<Overlap, List<PositionView>> found = this.items.batch(settled, Overlap::rev,
				o -> java.util.Objects.requireNonNull(o.settledBy()), "graph/positions-with-key",
				RevisionItems::position);
		Map<Overlap, @Nullable PositionView> result = new LinkedHashMap<>();
		overlaps.forEach(o -> {
			List<PositionView> list = found.get(o);
			result.put(o, list == null || list.isEmpty() ? null : list.getFirst());
		});
		return result;
	}

	private Optional<Revision> revision(String org, @Nullable Integer revision) {
		return this.revisions.resolve(org, revision);
	}

	// orphaned duties, a page at a time and grouped where one cause explains many

	/**
	 * Every orphaned duty of one reason: one cause (units without posts, vacant posts, posts
	 * filled only concurrently, no holder at all) explains them together.
	 */
	record OrphanFinding(String id, OrphanReason reason, List<Orphan> orphans, List<DutyHolderView> holderList) {

		public int dutyCount() {
			return this.orphans.size();
		}

		public int holderCount() {
			return this.holderList.size();
		}

	}

	record OrphanFindingConnection(List<Connection.Edge<OrphanFinding>> edges, Connection.PageInfo pageInfo,
			int totalCount, int dutyCount) {
	}

	@QueryMapping
	CountedConnection<Orphan> orphanedDutiesPage(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.paging.size(first);
		List<Orphan> all = orphans(org, revision);
		return CountedConnection.of(Connection.slice(all, limit, after, o -> o.duty().key()), all::size);
	}

	@QueryMapping
	OrphanFindingConnection orphanFindings(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.paging.size(first);
		List<Orphan> all = orphans(org, revision);
		List<OrphanFinding> findings = group(all);
		Connection<OrphanFinding> page = Connection.slice(findings, limit, after, OrphanFinding::id);
		return new OrphanFindingConnection(page.edges(), page.pageInfo(), findings.size(), all.size());
	}

	@SchemaMapping(typeName = "OrphanFinding")
	List<DutyHolderView> holders(OrphanFinding finding, @Argument @Nullable Integer first) {
		return finding.holderList().subList(0, Math.min(finding.holderCount(), this.paging.size(first)));
	}

	@SchemaMapping(typeName = "OrphanFinding")
	List<Orphan> duties(OrphanFinding finding, @Argument @Nullable Integer first) {
		return finding.orphans().subList(0, Math.min(finding.dutyCount(), this.paging.size(first)));
	}

	@SchemaMapping(typeName = "OrphanFinding")
	String explanation(OrphanFinding finding, @Argument @Nullable String lang, GraphQLContext context) {
		return explain(finding, Language.of(lang, context));
	}

	@SchemaMapping(typeName = "OrphanedDuty")
	String explanation(Orphan orphan, @Argument @Nullable String lang, GraphQLContext context) {
		return orphan.explanation(Language.of(lang, context));
	}

	static List<OrphanFinding> group(List<Orphan> orphans) {
		Map<OrphanReason, List<Orphan>> byReason = new EnumMap<>(OrphanReason.class);
		orphans.forEach(o -> byReason.computeIfAbsent(o.reason(), r -> new ArrayList<>()).add(o));
		List<OrphanFinding> findings = new ArrayList<>();
		byReason.forEach((reason, group) -> {
			Map<String, DutyHolderView> holders = new LinkedHashMap<>();
			group.stream()
				.map(o -> o.duty().holder())
				.filter(h -> h != null && !h.key().isEmpty())
				.forEach(h -> holders.putIfAbsent(h.kind() + ":" + h.key(), h));
			findings.add(new OrphanFinding(reason.name(), reason, List.copyOf(group), List.copyOf(holders.values())));
		});
		findings.sort((a, b) -> Integer.compare(b.dutyCount(), a.dutyCount()));
		return findings;
	}

	static String explain(OrphanFinding f, Language language) {
		int duties = f.dutyCount();
		int holders = f.holderCount();
		if (language == Language.ZH) {
			return switch (f.reason()) {
				case UNIT_ONLY -> "%d 个部门有职责却没有岗位：共 %d 项职责无人承担".formatted(holders, duties);
				case NO_HOLDER -> "%d 项职责没有任何部门或岗位承担".formatted(duties);
				case ALL_HOLDERS_VACANT -> "%d 项职责只由空缺岗位承担（涉及 %d 个部门或岗位）".formatted(duties, holders);
				case ONLY_CONCURRENT -> "%d 项职责只由兼任的岗位承担（涉及 %d 个部门或岗位）".formatted(duties, holders);
			};
		}
		return switch (f.reason()) {
			case UNIT_ONLY -> "%s %s duties but no posts: %s nobody holds".formatted(count(holders, "unit"),
					holders == 1 ? "has" : "have", count(duties, "duty"));
			case NO_HOLDER -> "%s held by no unit or post".formatted(count(duties, "duty"));
			case ALL_HOLDERS_VACANT -> "%s carried only by vacant posts (%s)".formatted(count(duties, "duty"),
					count(holders, "holder"));
			case ONLY_CONCURRENT -> "%s carried only by posts filled concurrently (兼任) (%s)"
				.formatted(count(duties, "duty"), count(holders, "holder"));
		};
	}

	private static String count(int n, String noun) {
		String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
		return n + " " + (n == 1 ? noun : plural);
	}

	private List<Orphan> orphans(String org, @Nullable Integer revision) {
		return revision(org, revision).map(this.analytics::orphans).orElse(List.of());
	}

}
