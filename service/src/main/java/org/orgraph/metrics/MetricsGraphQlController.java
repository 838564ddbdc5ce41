package org.orgraph.metrics;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;
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
class MetricsGraphQlController {

	private final MetricsReader metrics;

	MetricsGraphQlController(MetricsReader metrics) {
		this.metrics = metrics;
	}

	@QueryMapping
	@Nullable Vacancies vacancies(@Argument String org, @Argument @Nullable Integer revision) {
		return this.metrics.scope(org, revision).map(this.metrics::vacancies).orElse(null);
	}

	@QueryMapping
	@Nullable OrgMetrics orgMetrics(@Argument String org, @Argument @Nullable Integer revision) {
		return this.metrics.scope(org, revision).map(this.metrics::orgMetrics).orElse(null);
	}

	@QueryMapping
	@Nullable Connection<UnitMetrics> unitMetrics(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.metrics.scope(org, revision).map(scope -> {
			int limit = this.metrics.pageSize(first);
			String from = Connection.decode(after);
			return Connection.of(this.metrics.unitMetrics(scope, from, limit + 1), limit, !from.isEmpty(),
					(UnitMetrics m) -> m.unit().key());
		}).orElse(null);
	}

	@SchemaMapping(typeName = "Vacancies")
	Connection<UnitVacancy> units(Vacancies vacancies, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable List<VacancyStatus> status) {
		int limit = this.metrics.pageSize(first);
		String from = Connection.decode(after);
		return Connection.of(this.metrics.unitVacancies(vacancies.scope(), from, limit + 1, status), limit,
				!from.isEmpty(), (UnitVacancy v) -> v.unit().key());
	}

	@SchemaMapping(typeName = "Vacancies")
	Connection<PositionVacancy> positions(Vacancies vacancies, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable List<VacancyStatus> status) {
		int limit = this.metrics.pageSize(first);
		String from = Connection.decode(after);
		return Connection.of(this.metrics.positionVacancies(vacancies.scope(), from, limit + 1, status), limit,
				!from.isEmpty(), (PositionVacancy v) -> v.position().key());
	}

}
