package org.orgraph.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Graph;
import org.orgraph.graph.RevisionNotFoundException;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.orgraph.metrics.Establishment.VacancyStatus;
import org.orgraph.metrics.MetricsViews.OrgMetrics;
import org.orgraph.metrics.MetricsViews.PositionVacancy;
import org.orgraph.metrics.MetricsViews.Scope;
import org.orgraph.metrics.MetricsViews.Spans;
import org.orgraph.metrics.MetricsViews.UnitMetrics;
import org.orgraph.metrics.MetricsViews.UnitStructure;
import org.orgraph.metrics.MetricsViews.UnitVacancy;
import org.orgraph.metrics.MetricsViews.Vacancies;
import org.orgraph.projection.Projection;
import org.orgraph.projection.Projection.OrgFigures;
import org.orgraph.projection.Projections;
import org.orgraph.projection.UnitRollup;
import org.springframework.stereotype.Component;

/**
 * Reads vacancies and metrics of one revision. Organisation totals and key-ordered pages of unit
 * rows come from the revision's projection when it holds the revision exactly (every unit rolled
 * up over its subtree once, so a page costs its size); otherwise through {@link Graph} (read
 * transactions with the query timeout), where each unit is rolled up over its subtree in Cypher
 * and a page costs the size of its units' subtrees, whatever the offset.
 */
@Component
class MetricsReader {

	private final Graph graph;

	private final Revisions revisions;

	private final DutyFindings dutyFindings;

	private final Projections projections;

	MetricsReader(Graph graph, Revisions revisions, DutyFindings dutyFindings, Projections projections) {
		this.graph = graph;
		this.revisions = revisions;
		this.dutyFindings = dutyFindings;
		this.projections = projections;
	}

	/** The organisation's totals from the revision's projection, null when Cypher must answer. */
	@Nullable OrgFigures figures(Revision rev) {
		Projection projection = exact(rev);
		return projection != null ? projection.orgFigures() : null;
	}

	/** The revision's projection when it holds the revision exactly, null when Cypher must answer. */
	@Nullable Projection exact(Revision rev) {
		Projection projection = this.projections.forScan(rev);
		return projection != null && projection.exactPaths() && projection.exactUnits() ? projection : null;
	}

	/**
	 * The revision to read: the current one when {@code revision} is null. Empty for an unknown
	 * organisation; {@link org.orgraph.graph.RevisionNotFoundException} for a revision it lacks.
	 */
	Optional<Scope> scope(String org, @Nullable Integer revision) {
		return this.revisions.organization(org).map(o -> {
			Revision rev = this.revisions.resolve(o, revision);
			return new Scope(o, rev);
		});
	}

	/**
	 * Organisation totals of the establishment. O(units × unit depth + positions + holdings), one
	 * query ({@code metrics/vacancies}).
	 */
	Vacancies vacancies(Scope scope) {
		return vacancies(scope, true);
	}

	/** {@link #vacancies}, from the projection when {@code projected} and it holds the revision exactly. */
	Vacancies vacancies(Scope scope, boolean projected) {
		OrgFigures f = projected ? figures(scope.rev()) : null;
		if (f != null) {
			return new Vacancies(scope, f.planned(), f.seats(), f.filled(), Establishment.round(f.filledFte()),
					f.vacantSeats(), f.excessSeats(), f.shortPositions(), f.overEstablishedPositions());
		}
		Record r = this.graph.read("metrics/vacancies", Map.of("rev", scope.rev()), x -> x).getFirst();
		return new Vacancies(scope, r.get("planned").asInt(), r.get("seats").asInt(), r.get("filled").asInt(),
				fte(r.get("filledFte")), r.get("vacantSeats").asInt(), r.get("excessSeats").asInt(),
				r.get("shortPositions").asInt(), r.get("overEstablishedPositions").asInt());
	}

	/**
	 * One page of units with their 编制 rolled up: from the revision's unit roll-ups when its
	 * projection holds it exactly (O(page) once they are worked out), else
	 * {@code metrics/vacancies-units-page} (O(Σ subtree size of the page's units)). With a status
	 * filter the scan goes on until the page is full.
	 */
	List<UnitVacancy> unitVacancies(Scope scope, String after, int limit, @Nullable List<VacancyStatus> statuses) {
		return unitVacancies(scope, after, limit, statuses, true);
	}

	/** {@link #unitVacancies}, from the projection when {@code projected} and it holds the revision exactly. */
	List<UnitVacancy> unitVacancies(Scope scope, String after, int limit, @Nullable List<VacancyStatus> statuses,
			boolean projected) {
		Projection projection = projected ? exact(scope.rev()) : null;
		if (projection != null) {
			UnitRollup rollup = projection.unitRollup();
			List<UnitVacancy> page = new ArrayList<>();
			for (int u = projection.firstUnitAfter(after); u < projection.unitCount() && page.size() < limit; u++) {
				UnitVacancy v = unitVacancy(scope.rev(), projection, rollup, u);
				if (statuses == null || statuses.contains(v.status())) {
					page.add(v);
				}
			}
			return page;
		}
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("rev", scope.rev());
		params.put("after", after);
		params.put("limit", limit);
		params.put("statuses", statuses == null ? null : statuses.stream().map(Enum::name).toList());
		return this.graph.read("metrics/vacancies-units-page", params, r -> unitVacancy(scope.rev(), r));
	}

	/**
	 * One page of posts with seats against holders: from the revision's projection when it holds
	 * the revision exactly, else {@code metrics/vacancies-positions-page}. O(page × holders)
	 * without a status filter.
	 */
	List<PositionVacancy> positionVacancies(Scope scope, String after, int limit,
			@Nullable List<VacancyStatus> statuses) {
		return positionVacancies(scope, after, limit, statuses, true);
	}

	/** {@link #positionVacancies}, from the projection when {@code projected} and it holds the revision exactly. */
	List<PositionVacancy> positionVacancies(Scope scope, String after, int limit,
			@Nullable List<VacancyStatus> statuses, boolean projected) {
		Projection projection = projected ? exact(scope.rev()) : null;
		if (projection != null) {
			List<PositionVacancy> page = new ArrayList<>();
			for (int p = projection.firstPositionAfter(after); p < projection.positionCount() && page.size() < limit; p++) {
				int seats = projection.headcount(p);
				int[] holdings = projection.holdingsOf(p);
				VacancyStatus status = VacancyStatus.of(holdings.length, seats);
				if (statuses != null && !statuses.contains(status)) {
					continue;
				}
				List<String> holders = new ArrayList<>(holdings.length);
				double fte = 0;
				for (int h : holdings) {
					holders.add(projection.personKey(projection.holdingPerson(h)));
					fte += projection.fte(h);
				}
				PositionView position = new PositionView(scope.rev(), projection.positionKey(p), projection.title(p),
						projection.grade(p), seats, projection.juniorFte(p), holders.size());
				int u = projection.unitOf(p);
				page.add(new PositionVacancy(position, u < 0 ? null : projection.unitKey(u), seats,
						Establishment.round(fte), holders, status));
			}
			return page;
		}
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("rev", scope.rev());
		params.put("after", after);
		params.put("limit", limit);
		params.put("statuses", statuses == null ? null : statuses.stream().map(Enum::name).toList());
		return this.graph.read("metrics/vacancies-positions-page", params, r -> {
			Node p = r.get("p").asNode();
			List<String> holders = r.get("holders").asList(Value::asString);
			PositionView position = new PositionView(scope.rev(), p.get("key").asString(), p.get("title").asString(),
					p.get("grade").asString(null), r.get("seats").asInt(), p.get("juniorFte").asDouble(0), holders.size());
			return new PositionVacancy(position, r.get("unit").asString(null), r.get("seats").asInt(), fte(r.get("filledFte")),
					holders, VacancyStatus.valueOf(r.get("status").asString()));
		});
	}

	/**
	 * One page of unit metrics: the establishment roll-up of the page, then the structure of the
	 * same units. From the revision's unit roll-ups when its projection holds it exactly (O(page)
	 * once they are worked out), else from the Cypher files (O(Σ subtree size of the page's units,
	 * plus the reporting chains below their heads)).
	 */
	List<UnitMetrics> unitMetrics(Scope scope, String after, int limit) {
		return unitMetrics(scope, after, limit, true);
	}

	/** {@link #unitMetrics}, from the projection when {@code projected} and it holds the revision exactly. */
	List<UnitMetrics> unitMetrics(Scope scope, String after, int limit, boolean projected) {
		Projection projection = projected ? exact(scope.rev()) : null;
		if (projection != null) {
			UnitRollup rollup = projection.unitRollup();
			List<UnitMetrics> page = new ArrayList<>();
			for (int u = projection.firstUnitAfter(after); u < projection.unitCount() && page.size() < limit; u++) {
				page.add(UnitMetrics.of(unitVacancy(scope.rev(), projection, rollup, u),
						unitStructure(projection, rollup, u)));
			}
			return page;
		}
		List<UnitVacancy> page = unitVacancies(scope, after, limit, null, false);
		if (page.isEmpty()) {
			return List.of();
		}
		Map<String, UnitStructure> structure = new HashMap<>();
		this.graph.read("metrics/unit-metrics",
				Map.of("rev", scope.rev().id(), "keys", page.stream().map(v -> v.unit().key()).toList()),
				r -> Map.entry(r.get("key").asString(), unitStructure(r)))
			.forEach(entry -> structure.put(entry.getKey(), entry.getValue()));
		return page.stream().map(v -> UnitMetrics.of(v, structure.get(v.unit().key()))).toList();
	}

	/**
	 * Organisation metrics: {@code metrics/vacancies} and {@code metrics/org-metrics}
	 * (O(units × unit depth + positions + holdings + reporting lines × reporting depth)), plus the
	 * the duty findings.
	 */
	OrgMetrics orgMetrics(Scope scope) {
		return orgMetrics(scope, true, true);
	}

	/**
	 * {@link #orgMetrics}: the totals from the revision's projection when {@code projected} and it
	 * holds the revision exactly, else from the Cypher files; the duty findings when {@code findings}.
	 */
	OrgMetrics orgMetrics(Scope scope, boolean projected, boolean findings) {
		return orgMetrics(scope, projected, findings ? Findings.ALL : Findings.NONE);
	}

	/**
	 * Which duty findings to work out: a dashboard that does not ask for similar overlaps does not
	 * start them (at 1M people, similar overlaps from words alone do not fit a 4 GB heap).
	 */
	record Findings(boolean exact, boolean similar, boolean orphans) {

		static final Findings ALL = new Findings(true, true, true);

		static final Findings NONE = new Findings(false, false, false);

	}

	/** {@link #orgMetrics}, with only the duty findings {@code findings} names (the rest null). */
	OrgMetrics orgMetrics(Scope scope, boolean projected, Findings findings) {
		@Nullable Integer exact = findings.exact() ? this.dutyFindings.exactOverlaps(scope.rev()) : null;
		@Nullable Integer similar = findings.similar() ? this.dutyFindings.similarOverlaps(scope.rev()) : null;
		@Nullable Integer orphans = findings.orphans() ? this.dutyFindings.orphans(scope.rev()) : null;
		OrgFigures f = projected ? figures(scope.rev()) : null;
		if (f != null) {
			Spans spans = new Spans(f.managers(), Establishment.round(f.spanMean()), Establishment.round(f.spanMedian()),
					f.spanMax(), f.narrowSpans());
			return new OrgMetrics(scope.organization(), scope.revision(), f.units(), f.positions(), f.people(),
					f.holdings(), f.planned(), f.seats(), f.filled(), Establishment.round(f.filledFte()),
					f.vacantSeats(), f.excessSeats(), f.vacantPositions(), Establishment.round(f.juniorFte()),
					spans.managers(), spans.mean(), spans.median(), spans.max(), spans.narrowShare(), f.unitDepth(),
					f.reportingDepth(), f.tops(), f.unitDuties(), f.positionDuties(),
					exact, similar, orphans);
		}
		Record e = this.graph.read("metrics/vacancies", Map.of("rev", scope.rev()), x -> x).getFirst();
		Record s = this.graph.read("metrics/org-metrics", Map.of("rev", scope.rev()), x -> x).getFirst();
		Spans spans = spans(s, "");
		return new OrgMetrics(scope.organization(), scope.revision(), e.get("units").asInt(), e.get("positions").asInt(),
				e.get("people").asInt(), e.get("holdings").asInt(), e.get("planned").asInt(), e.get("seats").asInt(),
				e.get("filled").asInt(), fte(e.get("filledFte")), e.get("vacantSeats").asInt(),
				e.get("excessSeats").asInt(), e.get("vacantPositions").asInt(), fte(e.get("juniorFte")),
				spans.managers(), spans.mean(), spans.median(), spans.max(), spans.narrowShare(),
				s.get("unitDepth").asInt(), s.get("reportingDepth").asInt(), s.get("tops").asInt(),
				e.get("unitDuties").asInt(), e.get("positionDuties").asInt(),
				exact, similar, orphans);
	}

	private static UnitVacancy unitVacancy(Revision rev, Projection projection, UnitRollup rollup, int u) {
		UnitView unit = new UnitView(rev, projection.unitKey(u), projection.unitName(u), projection.unitKind(u),
				projection.plannedHeadcount(u));
		int parent = projection.unitParent(u);
		int parts = rollup.parts(u);
		int planned = unit.plannedHeadcount() != null ? unit.plannedHeadcount() : parts;
		return new UnitVacancy(unit, parent < 0 ? null : projection.unitKey(parent), planned, parts,
				VacancyStatus.of(rollup.subtreeFilled(u), planned), rollup.ownPositions(u), rollup.ownSeats(u),
				rollup.ownFilled(u), Establishment.round(rollup.ownFilledFte(u)), rollup.ownVacantSeats(u),
				rollup.ownExcessSeats(u), rollup.subtreePositions(u), rollup.subtreeSeats(u), rollup.subtreeFilled(u),
				Establishment.round(rollup.subtreeFilledFte(u)), rollup.subtreeVacantSeats(u),
				rollup.subtreeExcessSeats(u));
	}

	private static UnitStructure unitStructure(Projection projection, UnitRollup rollup, int u) {
		int head = projection.unitHead(u);
		return new UnitStructure(projection.unitDepth(u), projection.unitSubtreeSize(u), rollup.subtreeUnitDepth(u),
				head < 0 ? null : projection.positionKey(head), rollup.reportingDepth(u), rollup.ownPeople(u),
				rollup.subtreePeople(u), spans(rollup.spans(u, true)), spans(rollup.spans(u, false)),
				projection.unitDutyCount(u), rollup.ownPositionDuties(u), rollup.subtreeUnitDuties(u),
				rollup.subtreePositionDuties(u));
	}

	private static Spans spans(UnitRollup.Spans s) {
		return new Spans(s.managers(), Establishment.round(s.mean()), Establishment.round(s.median()), s.max(),
				s.narrow());
	}

	private static UnitVacancy unitVacancy(Revision rev, Record r) {
		Node u = r.get("u").asNode();
		UnitView unit = new UnitView(rev, u.get("key").asString(), u.get("name").asString(), u.get("kind").asString(null),
				u.get("plannedHeadcount").computeOrDefault(Value::asInt, null));
		return new UnitVacancy(unit, r.get("parent").asString(null), r.get("planned").asInt(), r.get("parts").asInt(),
				VacancyStatus.valueOf(r.get("status").asString()), r.get("ownPositions").asInt(),
				r.get("ownSeats").asInt(), r.get("ownFilled").asInt(), fte(r.get("ownFilledFte")),
				r.get("ownVacantSeats").asInt(), r.get("ownExcessSeats").asInt(), r.get("subtreePositions").asInt(),
				r.get("subtreeSeats").asInt(), r.get("subtreeFilled").asInt(), fte(r.get("subtreeFilledFte")),
				r.get("subtreeVacantSeats").asInt(), r.get("subtreeExcessSeats").asInt());
	}

	private static UnitStructure unitStructure(Record r) {
		return new UnitStructure(r.get("depth").asInt(), r.get("subtreeUnits").asInt(), r.get("subtreeUnitDepth").asInt(),
				r.get("head").asString(null), r.get("reportingDepth").computeOrDefault(Value::asInt, null), r.get("ownPeople").asInt(),
				r.get("subtreePeople").asInt(), spans(r, "own"), spans(r, "subtree"), r.get("ownUnitDuties").asInt(),
				r.get("ownPositionDuties").asInt(), r.get("subtreeUnitDuties").asInt(),
				r.get("subtreePositionDuties").asInt());
	}

	/** The span columns {@code <prefix>Managers, <prefix>SpanMean, …} (unprefixed: managers, spanMean, …). */
	private static Spans spans(Record r, String prefix) {
		Function<String, String> column = name -> prefix.isEmpty() ? name
				: prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		return new Spans(r.get(column.apply("managers")).asInt(), decimal(r.get(column.apply("spanMean"))),
				decimal(r.get(column.apply("spanMedian"))), r.get(column.apply("spanMax")).computeOrDefault(Value::asInt, null),
				r.get(column.apply("narrowSpans")).asInt());
	}

	private static double fte(Value value) {
		return value.isNull() ? 0.0 : Establishment.round(value.asDouble());
	}

	private static @Nullable Double decimal(Value value) {
		return value.isNull() ? null : Establishment.round(value.asDouble());
	}

}
