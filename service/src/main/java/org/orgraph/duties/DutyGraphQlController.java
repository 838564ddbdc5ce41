package org.orgraph.duties;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.RevisionSnapshot;
import org.orgraph.security.AuditTrail;
import org.orgraph.security.Callers;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code dutyOverlaps}, {@code orphanedDuties} and {@code dutyGaps}. */
@Controller
class DutyGraphQlController {

	private final DutyAnalytics analytics;

	private final OrgReader reader;

	private final OverlapReviews reviews;

	private final AuditTrail audit;

	DutyGraphQlController(DutyAnalytics analytics, OrgReader reader, OverlapReviews reviews, AuditTrail audit) {
		this.analytics = analytics;
		this.reader = reader;
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
	Connection<Overlap> dutyOverlaps(graphql.GraphQLContext context, @Argument String org, @Argument Overlap.Kind mode, @Argument @Nullable Double minScore,
			@Argument @Nullable List<HolderRelation> relations, @Argument @Nullable String unit,
			@Argument @Nullable Integer revision, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Boolean includeDistinct) {
		int limit = this.reader.pageSize(first);
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

	@BatchMapping(typeName = "Overlap")
	Map<Overlap, OverlapReviews.@Nullable Review> review(List<Overlap> overlaps) {
		Map<String, Map<String, OverlapReviews.Review>> byOrg = new java.util.HashMap<>();
		Map<Overlap, OverlapReviews.@Nullable Review> result = new LinkedHashMap<>();
		for (Overlap o : overlaps) {
			String org = o.rev().substring(0, o.rev().lastIndexOf('/'));
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
		String rev = revision(org, revision)
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
		int number = Integer.parseInt(rev.substring(rev.lastIndexOf('/') + 1));
		// the audit trail names the duties by key; their texts and the note stay in the review
		this.audit.record(Callers.describeCurrent(), "review-overlap", org, number,
				verdict.name() + ": " + duties.get(0) + " / " + duties.get(1));
		return review;
	}

	@QueryMapping
	Connection<DutyTheme> dutyThemes(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.reader.pageSize(first);
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
						.map(k -> this.reader.position(rev, k).orElseThrow())
						.toList(),
					this.analytics.unitsWithoutPositionsOrDuties(rev).stream()
						.map(k -> this.reader.unit(rev, k).orElseThrow())
						.toList()))
			.orElse(new DutyGaps(List.of(), List.of()));
	}

	@BatchMapping(typeName = "Overlap")
	Map<Overlap, @Nullable PositionView> settledBy(List<Overlap> overlaps) {
		List<Overlap> settled = overlaps.stream().filter(o -> o.settledBy() != null).toList();
		Map<Overlap, List<PositionView>> found = this.reader.batch(settled, Overlap::rev,
				o -> java.util.Objects.requireNonNull(o.settledBy()), "graph/positions-with-key",
				(rev, r) -> PositionView.of(rev, r));
		Map<Overlap, @Nullable PositionView> result = new LinkedHashMap<>();
		overlaps.forEach(o -> {
			List<PositionView> list = found.get(o);
			result.put(o, list == null || list.isEmpty() ? null : list.getFirst());
		});
		return result;
	}

	private Optional<String> revision(String org, @Nullable Integer revision) {
		return this.reader.organization(org).map(o -> this.reader.revision(o, revision));
	}

}
