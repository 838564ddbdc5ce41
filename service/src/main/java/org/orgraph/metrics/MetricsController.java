package org.orgraph.metrics;

import java.util.List;
import java.util.function.IntSupplier;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.CountedConnection;
import org.orgraph.graph.Language;
import org.orgraph.graph.Paging;
import org.orgraph.graph.Revisions;
import org.orgraph.metrics.Establishment.VacancyStatus;
import org.orgraph.metrics.MetricsViews.OrgMetrics;
import org.orgraph.metrics.MetricsViews.PositionVacancy;
import org.orgraph.metrics.MetricsViews.UnitMetrics;
import org.orgraph.metrics.MetricsViews.UnitVacancy;
import org.orgraph.metrics.MetricsViews.Vacancies;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code vacancies}, {@code orgMetrics} and {@code unitMetrics}: the figures of the BI exports
 * over GraphQL. Unknown organisations answer null; unknown revisions REVISION_NOT_FOUND.
 */
@Controller
class MetricsController {

	private final MetricsReader metrics;

	private final Revisions revisions;

	private final Paging paging;

	MetricsController(MetricsReader metrics, Revisions revisions, Paging paging) {
		this.paging = paging;
		this.metrics = metrics;
		this.revisions = revisions;
	}

	@QueryMapping
	@Nullable Vacancies vacancies(@Argument String org, @Argument @Nullable Integer revision) {
		return this.metrics.scope(org, revision).map(this.metrics::vacancies).orElse(null);
	}

	@QueryMapping
	@Nullable OrgMetrics orgMetrics(@Argument String org, @Argument @Nullable Integer revision,
			DataFetchingFieldSelectionSet selection) {
		// the duty findings only when asked for: each is worked out over the whole revision
		MetricsReader.Findings findings = new MetricsReader.Findings(selection.contains("exactOverlaps"),
				selection.contains("similarOverlaps"), selection.contains("orphans"));
		return this.metrics.scope(org, revision).map(scope -> this.metrics.orgMetrics(scope, true, findings))
			.orElse(null);
	}

	@QueryMapping
	@Nullable CountedConnection<UnitMetrics> unitMetrics(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.metrics.scope(org, revision)
			.map(scope -> CountedConnection.of(
					this.paging.page(first, after, (UnitMetrics m) -> m.unit().key(),
							(from, limit) -> this.metrics.unitMetrics(scope, from, limit)),
					() -> this.revisions.count(scope.rev(), "units")))
			.orElse(null);
	}

	@SchemaMapping(typeName = "PositionVacancy", field = "reason")
	String positionReason(PositionVacancy vacancy, @Argument @Nullable String lang, GraphQLContext context) {
		return (Language.of(lang, context) == Language.ZH) ? vacancy.reasonZh() : vacancy.reason();
	}

	@SchemaMapping(typeName = "UnitVacancy", field = "reason")
	String unitReason(UnitVacancy vacancy, @Argument @Nullable String lang, GraphQLContext context) {
		return (Language.of(lang, context) == Language.ZH) ? vacancy.reasonZh() : vacancy.reason();
	}

	@SchemaMapping(typeName = "Vacancies")
	CountedConnection<UnitVacancy> units(Vacancies vacancies, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable List<VacancyStatus> status) {
		// with a status filter the units are counted by walking them all, and only when asked
		IntSupplier count = (status == null || status.isEmpty())
				? () -> this.revisions.count(vacancies.scope().rev(), "units")
				: () -> this.metrics.unitVacancies(vacancies.scope(), "", Integer.MAX_VALUE, status).size();
		return CountedConnection.of(this.paging.page(first, after, (UnitVacancy v) -> v.unit().key(),
				(from, limit) -> this.metrics.unitVacancies(vacancies.scope(), from, limit, status)), count);
	}

	@SchemaMapping(typeName = "Vacancies")
	CountedConnection<PositionVacancy> positions(Vacancies vacancies, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable List<VacancyStatus> status) {
		IntSupplier all = () -> this.revisions.count(vacancies.scope().rev(), "positions");
		// the establishment totals already count posts by status
		IntSupplier count = () -> {
			if (status == null || status.isEmpty()) {
				return all.getAsInt();
			}
			int total = 0;
			for (VacancyStatus s : java.util.EnumSet.copyOf(status)) {
				total += switch (s) {
					case SHORTFALL -> vacancies.shortPositions();
					case OVER_ESTABLISHMENT -> vacancies.overEstablishedPositions();
					case FULL -> all.getAsInt() - vacancies.shortPositions() - vacancies.overEstablishedPositions();
				};
			}
			return total;
		};
		return CountedConnection.of(this.paging.page(first, after, (PositionVacancy v) -> v.position().key(),
				(from, limit) -> this.metrics.positionVacancies(vacancies.scope(), from, limit, status)), count);
	}

}
