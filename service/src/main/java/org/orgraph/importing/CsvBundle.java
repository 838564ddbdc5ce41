package org.orgraph.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;
import org.orgraph.importing.Table.Row;

/**
 * One CSV bundle being read: the problems found, and the units, positions and people the
 * files have given so far, with the lookups later files resolve their references against.
 * Each file kind is read by its own class ({@code CsvUnitsFile} and so on) into this.
 */
final class CsvBundle {

	private static final Pattern COUNT = Pattern.compile("\\+?(\\d{1,9})(?:\\.0*)?\\s*[人名个]?");

	final String orgKey;

	final List<ImportProblem> problems = new ArrayList<>();

	/** A whole file could not be read: there is no document to validate. */
	boolean unreadable;

	final List<String> fileNames = new ArrayList<>();

	final Map<String, Object> encodings = new LinkedHashMap<>();

	final List<UnitDraft> units = new ArrayList<>();

	final Map<String, UnitDraft> unitsByKey = new HashMap<>();

	/** Keys declared in units.csv. */
	final Set<String> unitKeys = new HashSet<>();

	/** Unit name to key; null value when several units share the name. */
	final Map<String, @Nullable String> unitKeysByName = new HashMap<>();

	/** No units.csv: units are the distinct department names. */
	boolean unitsFromDepartments = true;

	final List<PositionDraft> positions = new ArrayList<>();

	final Map<String, PositionDraft> positionsByKey = new HashMap<>();

	final List<PersonDraft> people = new ArrayList<>();

	/** Employee id to the first position the employee (or a vacancy row) names. */
	final Map<String, String> positionsByEmployee = new HashMap<>();

	CsvBundle(String orgKey) {
		this.orgKey = orgKey;
	}

	OrgDocument document(String name) {
		Map<String, Object> metadata = Map.of("format", CsvBundleParser.FORMAT, "files", List.copyOf(this.fileNames),
				"encodings", Map.copyOf(this.encodings));
		return new OrgDocument(this.orgKey, name, this.units.stream().map(UnitDraft::build).toList(),
				this.positions.stream().map(PositionDraft::build).toList(),
				this.people.stream().map(PersonDraft::build).toList(), metadata);
	}

	// ---- cells ---------------------------------------------------------------------------

	/** A cell cleaned as {@link CsvBundleParser#clean} does; null when blank or the column is absent. */
	static @Nullable String value(Table table, Row row, ColumnSpec column) {
		return CsvBundleParser.clean(table.cell(row, column));
	}

	/** The cleaned values of the file's known columns, in column order. */
	private static List<@Nullable String> values(Table table, Row row) {
		@Nullable String[] values = new String[table.columns().size()];
		int i = 0;
		for (ColumnSpec column : table.columns().keySet()) {
			values[i++] = value(table, row, column);
		}
		return Arrays.asList(values);
	}

	boolean duplicateRow(Table table, Row row, Map<List<@Nullable String>, Integer> seen) {
		Integer first = seen.putIfAbsent(values(table, row), row.line());
		if (first == null) {
			return false;
		}
		warn(Location.of(table.file(), row.line(), 1), ProblemCodes.DUPLICATE_ROW,
				"line %d repeats line %d; it was read once".formatted(row.line(), first));
		return true;
	}

	@Nullable Integer count(Table table, Row row, ColumnSpec column) {
		String value = value(table, row, column);
		if (value == null) {
			return null;
		}
		Matcher matcher = COUNT.matcher(value);
		if (matcher.matches()) {
			return Integer.valueOf(matcher.group(1));
		}
		error(table.at(row, column), ProblemCodes.BAD_VALUE,
				"%s '%s' is not a whole number of seats".formatted(column.label(), value));
		return null;
	}

	String title(Table table, Row row, ColumnSpec column, String positionKey) {
		String title = value(table, row, column);
		if (title == null) {
			warn(table.at(row, column), ProblemCodes.EMPTY_VALUE,
					"position %s has no title; its key stands in for it".formatted(positionKey));
			return positionKey;
		}
		return title;
	}

	void missing(Table table, Row row, ColumnSpec column, String what) {
		error(table.at(row, column), ProblemCodes.MISSING_FIELD,
				"line %d has no %s (column %s)".formatted(row.line(), what, column.label()));
	}

	// ---- problems ------------------------------------------------------------------------

	void fatal(Location at, String code, String message) {
		this.unreadable = true;
		error(at, code, message);
	}

	void error(Location at, String code, String message) {
		this.problems.add(ImportProblem.error(at, code, message));
	}

	void warn(Location at, String code, String message) {
		this.problems.add(ImportProblem.warning(at, code, message));
	}

	void problem(Location at, String code, String message, Severity severity) {
		if (severity == Severity.ERROR) {
			fatal(at, code, message);
		}
		else {
			warn(at, code, message);
		}
	}

	// ---- units ---------------------------------------------------------------------------

	/**
	 * A department or parent as written: a unit key, else the name of exactly one unit.
	 * Without units.csv every department name is a unit of its own.
	 */
	UnitRef resolveUnit(String ref, Location at) {
		return resolveUnitIn(ref, at, this.unitsFromDepartments);
	}

	UnitRef resolveUnitIn(String ref, Location at, boolean fromDepartments) {
		if (fromDepartments) {
			if (!this.unitsByKey.containsKey(ref)) {
				UnitDraft unit = new UnitDraft(ref, ref, at);
				this.units.add(unit);
				this.unitsByKey.put(ref, unit);
			}
			return new UnitRef(ref, true);
		}
		if (this.unitKeysByName.containsKey(ref) && !isUnitKey(ref)) {
			String key = this.unitKeysByName.get(ref);
			if (key != null) {
				return new UnitRef(key, true);
			}
			error(at, ProblemCodes.UNKNOWN_UNIT,
					"'%s' is the name of several units in units.csv; use the unit key instead".formatted(ref));
			return new UnitRef(ref, false);
		}
		return new UnitRef(ref, isUnitKey(ref));
	}

	private boolean isUnitKey(String ref) {
		return this.unitKeys.contains(ref);
	}

	boolean isAmbiguousUnitName(String ref) {
		return this.unitKeysByName.containsKey(ref) && this.unitKeysByName.get(ref) == null;
	}

	void addPosition(PositionDraft position) {
		this.positions.add(position);
		this.positionsByKey.putIfAbsent(position.key, position);
	}

	// ---- drafts --------------------------------------------------------------------------

	/** A reference resolved against the units: the key to store and whether a unit has it. */
	record UnitRef(String key, boolean known) {
	}

	static final class UnitDraft {

		final String key;

		final String name;

		@Nullable String parent;

		@Nullable String kind;

		@Nullable Integer plannedHeadcount;

		final List<Duty> duties = new ArrayList<>();

		final Location at;

		UnitDraft(String key, String name, Location at) {
			this.key = key;
			this.name = name;
			this.at = at;
		}

		Unit build() {
			return new Unit(this.key, this.name, this.parent, this.kind, this.plannedHeadcount, List.copyOf(this.duties),
					this.at);
		}

	}

	static final class PositionDraft {

		final String key;

		final String title;

		final String unit;

		@Nullable String reportsTo;

		@Nullable Integer headcount;

		@Nullable String grade;

		@Nullable String concurrentWith;

		final List<Duty> duties = new ArrayList<>();

		final Location at;

		/** Rows of a people file that name this post, each one seat. */
		int seats = 1;

		/** Declared in positions.csv, so the people file does not define it. */
		boolean declared;

		PositionDraft(String key, String title, String unit, Location at) {
			this.key = key;
			this.title = title;
			this.unit = unit;
			this.at = at;
		}

		Position build() {
			Integer seatsOrHeadcount = (!this.declared && this.seats > 1) ? Integer.valueOf(this.seats) : this.headcount;
			return new Position(this.key, this.title, this.unit, this.reportsTo, seatsOrHeadcount, this.grade,
					List.copyOf(this.duties), this.concurrentWith, 0, this.at);
		}

	}

	static final class PersonDraft {

		final String key;

		final String name;

		final List<Holding> holds = new ArrayList<>();

		final Location at;

		PersonDraft(String key, String name, Location at) {
			this.key = key;
			this.name = name;
			this.at = at;
		}

		boolean holds(String position) {
			return this.holds.stream().anyMatch((holding) -> holding.position().equals(position));
		}

		Person build() {
			return new Person(this.key, this.name, List.copyOf(this.holds), this.at);
		}

	}

}
