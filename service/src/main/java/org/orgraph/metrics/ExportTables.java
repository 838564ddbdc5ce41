package org.orgraph.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.orgraph.graph.AccessPolicy;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Graph;
import org.orgraph.metrics.MetricsViews.OrgMetrics;
import org.orgraph.metrics.MetricsViews.PositionVacancy;
import org.orgraph.metrics.MetricsViews.Scope;
import org.orgraph.metrics.MetricsViews.UnitMetrics;
import org.orgraph.metrics.MetricsViews.UnitVacancy;
import org.orgraph.projection.Projection;
import org.orgraph.projection.UnitRollup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The BI export tables: their columns (a contract: added to, never renamed) and their rows,
 * read in key-ordered pages so no table is ever loaded whole (docs/bi.md lists every column).
 */
@Component
class ExportTables {

	/** Every table name, in the order docs/bi.md lists them. */
	static final List<String> NAMES = List.of("units", "positions", "people", "duties", "vacancies", "metrics",
			"org-metrics", "overlaps", "orphans", "themes");

	static final List<String> UNITS = List.of("key", "name", "kind", "parent", "depth", "head", "plannedHeadcount",
			"positions", "seats", "filled", "filledFte", "duties");

	static final List<String> POSITIONS = List.of("key", "title", "unit", "reportsTo", "headcount", "filled",
			"filledFte", "vacantSeats", "grade", "juniorFte", "unitName", "reportsToDerived", "headOf", "directReports",
			"duties", "concurrentWith");

	static final List<String> PEOPLE = List.of("key", "name", "holdings", "fte", "actingHoldings", "positionKeys",
			"unitKeys");

	static final List<String> DUTIES = List.of("key", "text", "holderKind", "holderKey", "holderName", "unit");

	static final List<String> VACANCIES = List.of("kind", "key", "name", "unit", "plannedHeadcount", "planned",
			"parts", "mismatch", "seats", "filled", "filledFte", "vacantSeats", "shortfall", "excess", "status",
			"reason");

	static final List<String> METRICS = List.of("unit", "name", "parent", "depth", "subtreeUnits", "subtreeUnitDepth",
			"head", "reportingDepth", "plannedHeadcount", "planned", "ownPositions", "subtreePositions", "ownSeats",
			"subtreeSeats", "ownFilled", "subtreeFilled", "ownFilledFte", "subtreeFilledFte", "ownVacantSeats",
			"subtreeVacantSeats", "vacancyRate", "seatVacancyRate", "ownPeople", "subtreePeople", "ownManagers",
			"ownSpanMean", "ownSpanMedian", "ownSpanMax", "ownNarrowSpanShare", "subtreeManagers", "subtreeSpanMean",
			"subtreeSpanMedian", "subtreeSpanMax", "subtreeNarrowSpanShare", "ownUnitDuties", "ownPositionDuties",
			"subtreeUnitDuties", "subtreePositionDuties");

	static final List<String> ORG_METRICS = List.of("organization", "revision", "units", "positions", "people",
			"holdings", "planned", "seats", "filled", "filledFte", "vacantSeats", "excessSeats", "shortfall",
			"vacantPositions", "vacancyRate", "seatVacancyRate", "juniorFte", "managers", "spanMean", "spanMedian",
			"spanMax", "narrowSpanShare", "unitDepth", "reportingDepth", "layers", "tops", "unitDuties",
			"positionDuties", "duties", "exactOverlaps", "similarOverlaps", "orphans");

	/** Rows per page of the plain tables (one read transaction each). */
	static final int PAGE = 5_000;

	/** Units per page of the roll-up tables, whose rows each cost a subtree. */
	static final int UNIT_PAGE = 500;

	private final Graph graph;

	private final MetricsReader metrics;

	private final DutyTables dutyTables;

	private final org.orgraph.graph.AccessPolicy access;

	ExportTables(Graph graph, MetricsReader metrics, DutyTables dutyTables,
			org.orgraph.graph.AccessPolicy access) {
		this.access = access;
		this.graph = graph;
		this.metrics = metrics;
		this.dutyTables = dutyTables;
	}

	/** A table ready to stream: its columns and, page by page, its rows. */
	record Table(List<String> columns, Rows rows) {
	}

	/** Hands a table's rows to {@code page}, one key-ordered page at a time. */
	interface Rows {

		void forEachPage(Consumer<List<Map<String, @Nullable Object>>> page);

	}

	/** A table that cannot be served (yet). */
	static final class ExportException extends RuntimeException {

		private final HttpStatus status;

		private final String code;

		ExportException(HttpStatus status, String code, String message) {
			super(message);
			this.status = status;
			this.code = code;
		}

		HttpStatus status() {
			return this.status;
		}

		String code() {
			return this.code;
		}

	}

	/** The named table of a revision; {@code name} is one of {@link #NAMES}. */
	Table table(String name, Scope scope) {
		Revision rev = scope.rev();
		return switch (name) {
			case "units" -> new Table(UNITS, page -> units(scope, page, true));
			case "positions" -> new Table(POSITIONS, page -> cypher("metrics/export-positions-page", rev, page));
			case "people" -> new Table(PEOPLE, page -> cypher("metrics/export-people-page", rev,
					rows -> page.accept(rows.stream().map(row -> withVisibleName(scope, row)).toList())));
			case "duties" -> new Table(DUTIES, page -> cypher("metrics/export-duties-page", rev, page));
			case "vacancies" -> new Table(VACANCIES, page -> vacancies(scope, page));
			case "metrics" -> new Table(METRICS, page -> unitMetrics(scope, page));
			case "org-metrics" -> new Table(ORG_METRICS, page -> page.accept(List.of(row(this.metrics.orgMetrics(scope)))));
			case "overlaps", "orphans", "themes" -> dutyTable(name, rev);
			default -> throw new IllegalArgumentException("no export table " + name);
		};
	}

	/** Viewers get a pseudonym in the people table's name column, as they do over GraphQL. */
	private Map<String, @Nullable Object> withVisibleName(Scope scope, Map<String, @Nullable Object> row) {
		Map<String, @Nullable Object> copy = new java.util.LinkedHashMap<>(row);
		copy.put("name", this.access.name(scope.organization().key(), (String) row.get("key"), (String) row.get("name")));
		return copy;
	}

	private void cypher(String query, Revision rev, Consumer<List<Map<String, @Nullable Object>>> page) {
		String after = "";
		while (true) {
			List<Map<String, @Nullable Object>> rows = this.graph.read(query,
					Map.of("rev", rev.id(), "after", after, "limit", PAGE), ExportTables::row);
			if (!rows.isEmpty()) {
				page.accept(rows);
			}
			if (rows.size() < PAGE) {
				return;
			}
			after = (String) rows.getLast().get("key");
		}
	}

	/**
	 * The units table: from the revision's unit roll-ups when its projection holds it exactly
	 * (and {@code projected}), else {@code metrics/export-units-page}; the same values, typed as
	 * the Cypher driver gives them.
	 */
	void units(Scope scope, Consumer<List<Map<String, @Nullable Object>>> page, boolean projected) {
		Projection projection = projected ? this.metrics.exact(scope.rev()) : null;
		if (projection == null) {
			cypher("metrics/export-units-page", scope.rev(), page);
			return;
		}
		UnitRollup rollup = projection.unitRollup();
		for (int from = 0; from < projection.unitCount(); from += PAGE) {
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			for (int u = from; u < Math.min(projection.unitCount(), from + PAGE); u++) {
				int parent = projection.unitParent(u);
				int head = projection.unitHead(u);
				Integer planned = projection.plannedHeadcount(u);
				Map<String, @Nullable Object> row = new HashMap<>();
				row.put("key", projection.unitKey(u));
				row.put("name", projection.unitName(u));
				row.put("kind", projection.unitKind(u));
				row.put("parent", parent < 0 ? null : projection.unitKey(parent));
				row.put("depth", (long) projection.unitDepth(u));
				row.put("head", head < 0 ? null : projection.positionKey(head));
				row.put("plannedHeadcount", planned == null ? null : Long.valueOf(planned));
				row.put("positions", (long) rollup.ownPositions(u));
				row.put("seats", (long) rollup.ownSeats(u));
				row.put("filled", (long) rollup.ownFilled(u));
				row.put("filledFte", Establishment.round(rollup.ownFilledFte(u)));
				row.put("duties", (long) projection.unitDutyCount(u));
				rows.add(row);
			}
			page.accept(rows);
		}
	}

	private void vacancies(Scope scope, Consumer<List<Map<String, @Nullable Object>>> page) {
		String after = "";
		List<UnitVacancy> units;
		do {
			units = this.metrics.unitVacancies(scope, after, UNIT_PAGE, null);
			if (!units.isEmpty()) {
				page.accept(units.stream().map(ExportTables::row).toList());
				after = units.getLast().unit().key();
			}
		}
		while (units.size() == UNIT_PAGE);
		after = "";
		List<PositionVacancy> positions;
		do {
			positions = this.metrics.positionVacancies(scope, after, PAGE, null);
			if (!positions.isEmpty()) {
				page.accept(positions.stream().map(ExportTables::row).toList());
				after = positions.getLast().position().key();
			}
		}
		while (positions.size() == PAGE);
	}

	private void unitMetrics(Scope scope, Consumer<List<Map<String, @Nullable Object>>> page) {
		String after = "";
		List<UnitMetrics> units;
		do {
			units = this.metrics.unitMetrics(scope, after, UNIT_PAGE);
			if (!units.isEmpty()) {
				page.accept(units.stream().map(ExportTables::row).toList());
				after = units.getLast().unit().key();
			}
		}
		while (units.size() == UNIT_PAGE);
	}

	private Table dutyTable(String name, Revision rev) {
		DutyTables tables = this.dutyTables;
		List<Map<String, @Nullable Object>> rows = switch (name) {
			case "overlaps" -> tables.overlaps(rev);
			case "themes" -> tables.themes(rev);
			default -> tables.orphans(rev);
		};
		List<String> declared = switch (name) {
			case "overlaps" -> tables.overlapColumns();
			case "themes" -> tables.themeColumns();
			default -> tables.orphanColumns();
		};
		List<String> columns = !declared.isEmpty() ? declared
				: rows.isEmpty() ? List.of() : List.copyOf(rows.getFirst().keySet());
		return new Table(columns, page -> {
			for (int from = 0; from < rows.size(); from += PAGE) {
				page.accept(rows.subList(from, Math.min(rows.size(), from + PAGE)));
			}
		});
	}

	/** A Cypher record as a row: its columns as returned, decimals rounded to six places. */
	private static Map<String, @Nullable Object> row(Record record) {
		Map<String, @Nullable Object> row = new HashMap<>();
		record.asMap().forEach((column, value) -> row.put(column,
				value instanceof Double d ? Double.valueOf(Establishment.round(d)) : value));
		return row;
	}

	private static Map<String, @Nullable Object> row(UnitVacancy v) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("kind", "UNIT");
		row.put("key", v.unit().key());
		row.put("name", v.unit().name());
		row.put("unit", v.unit().key());
		row.put("plannedHeadcount", v.plannedHeadcount());
		row.put("planned", v.planned());
		row.put("parts", v.parts());
		row.put("mismatch", v.mismatch());
		row.put("seats", v.subtreeSeats());
		row.put("filled", v.subtreeFilled());
		row.put("filledFte", v.subtreeFilledFte());
		row.put("vacantSeats", v.subtreeVacantSeats());
		row.put("shortfall", v.shortfall());
		row.put("excess", v.excess());
		row.put("status", v.status().name());
		row.put("reason", v.reason());
		return row;
	}

	private static Map<String, @Nullable Object> row(PositionVacancy v) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("kind", "POSITION");
		row.put("key", v.position().key());
		row.put("name", v.position().title());
		row.put("unit", v.unit());
		row.put("plannedHeadcount", null);
		row.put("planned", v.seats());
		row.put("parts", null);
		row.put("mismatch", null);
		row.put("seats", v.seats());
		row.put("filled", v.filled());
		row.put("filledFte", v.filledFte());
		row.put("vacantSeats", v.vacantSeats());
		row.put("shortfall", v.vacantSeats());
		row.put("excess", v.excess());
		row.put("status", v.status().name());
		row.put("reason", v.reason());
		return row;
	}

	private static Map<String, @Nullable Object> row(UnitMetrics m) {
		return zip(METRICS, Arrays.asList(m.unit().key(), m.unit().name(), m.parent(), m.depth(), m.subtreeUnits(),
				m.subtreeUnitDepth(), m.head(), m.reportingDepth(), m.plannedHeadcount(), m.planned(), m.ownPositions(),
				m.subtreePositions(), m.ownSeats(), m.subtreeSeats(), m.ownFilled(), m.subtreeFilled(), m.ownFilledFte(),
				m.subtreeFilledFte(), m.ownVacantSeats(), m.subtreeVacantSeats(), m.vacancyRate(), m.seatVacancyRate(),
				m.ownPeople(), m.subtreePeople(), m.ownManagers(), m.ownSpanMean(), m.ownSpanMedian(), m.ownSpanMax(),
				m.ownNarrowSpanShare(), m.subtreeManagers(), m.subtreeSpanMean(), m.subtreeSpanMedian(),
				m.subtreeSpanMax(), m.subtreeNarrowSpanShare(), m.ownUnitDuties(), m.ownPositionDuties(),
				m.subtreeUnitDuties(), m.subtreePositionDuties()));
	}

	private static Map<String, @Nullable Object> row(OrgMetrics m) {
		return zip(ORG_METRICS, Arrays.asList(m.organization().key(), m.revision(), m.units(), m.positions(),
				m.people(), m.holdings(), m.planned(), m.seats(), m.filled(), m.filledFte(), m.vacantSeats(),
				m.excessSeats(), m.shortfall(), m.vacantPositions(), m.vacancyRate(), m.seatVacancyRate(), m.juniorFte(),
				m.managers(), m.spanMean(), m.spanMedian(), m.spanMax(), m.narrowSpanShare(), m.unitDepth(),
				m.reportingDepth(), m.layers(), m.tops(), m.unitDuties(), m.positionDuties(), m.duties(),
				m.exactOverlaps(), m.similarOverlaps(), m.orphans()));
	}

	/** Columns and values in the same order; a length mismatch is a programming error caught by the tests. */
	private static Map<String, @Nullable Object> zip(List<String> columns, List<@Nullable Object> values) {
		if (columns.size() != values.size()) {
			throw new IllegalStateException(columns.size() + " columns but " + values.size() + " values");
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			row.put(columns.get(i), values.get(i));
		}
		return row;
	}

}
