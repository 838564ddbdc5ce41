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
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code dutyOverlaps}, {@code orphanedDuties} and {@code dutyGaps}. */
@Controller
class DutyGraphQlController {

	private final DutyAnalytics analytics;

	private final OrgReader reader;

	DutyGraphQlController(DutyAnalytics analytics, OrgReader reader) {
		this.analytics = analytics;
		this.reader = reader;
	}

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
			@Argument @Nullable Integer revision, @Argument @Nullable Integer first, @Argument @Nullable String after) {
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
		if (mode == Overlap.Kind.SIMILAR && this.analytics.degraded()) {
			// said on every answer, never silently (DegradedAnswers puts it in the response's extensions)
			context.put(DEGRADED, "the embedding models are not available: similar overlaps are scored from words alone");
		}
		return Connection.slice(all, limit, after, Overlap::id);
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
