package org.orgraph.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.CsvBundle.PositionDraft;
import org.orgraph.importing.CsvBundle.UnitRef;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.Table.Row;

/** {@code duties.csv}: duty texts, each on a unit, a position or the position of a person. */
final class CsvDutiesFile {

	static final ColumnSpec HOLDER_KIND = ColumnSpec.of("holder_kind", "kind", "承担者类型");

	static final ColumnSpec HOLDER = ColumnSpec.of("holder", "holder_key", "承担者");

	static final ColumnSpec TEXT = ColumnSpec.of("text", "duty", "description", "职责", "职责内容", "职责描述");

	static final ColumnSpec KEY = ColumnSpec.of("key", "duty_id", "duty_key", "职责编号");

	static final List<ColumnSpec> COLUMNS = List.of(HOLDER_KIND, HOLDER, TEXT, KEY);

	private final CsvBundle bundle;

	CsvDutiesFile(CsvBundle bundle) {
		this.bundle = bundle;
	}

	private enum HolderKind {

		UNIT, POSITION, PERSON;

		static @Nullable HolderKind of(String value) {
			return switch (value.toLowerCase(Locale.ROOT)) {
				case "unit", "department", "dept", "部门", "单位" -> UNIT;
				case "position", "post", "岗位", "职位" -> POSITION;
				case "person", "employee", "人员", "员工" -> PERSON;
				default -> null;
			};
		}

	}

	void read(ImportFile file) {
		CsvBundle bundle = this.bundle;
		Table sheet = new CsvTableReader(bundle).read(file, COLUMNS, Set.of(HOLDER_KIND, HOLDER, TEXT),
				Severity.WARNING);
		if (sheet == null) {
			return;
		}
		Map<List<@Nullable String>, Integer> seen = new HashMap<>();
		for (Row row : sheet.rows()) {
			String kindValue = CsvBundle.value(sheet, row, HOLDER_KIND);
			String holder = CsvBundle.value(sheet, row, HOLDER);
			String text = CsvBundle.value(sheet, row, TEXT);
			if (kindValue == null) {
				bundle.missing(sheet, row, HOLDER_KIND, "holder kind");
				continue;
			}
			if (holder == null) {
				bundle.missing(sheet, row, HOLDER, "holder");
				continue;
			}
			if (text == null) {
				bundle.missing(sheet, row, TEXT, "duty text");
				continue;
			}
			HolderKind kind = HolderKind.of(kindValue);
			if (kind == null) {
				bundle.error(sheet.at(row, HOLDER_KIND), ProblemCodes.BAD_VALUE,
						"holder kind '%s' is not unit (部门), position (岗位) or person (员工)".formatted(kindValue));
				continue;
			}
			if (bundle.duplicateRow(sheet, row, seen)) {
				continue;
			}
			String key = CsvBundle.value(sheet, row, KEY);
			Duty duty = new Duty(key, text, sheet.at(row, (key != null) ? KEY : TEXT));
			List<Duty> duties = holderDuties(sheet, row, kind, holder);
			if (duties != null) {
				duties.add(duty);
			}
		}
	}

	/**
	 * Duties live on their holder, so a duty whose holder is unknown has nowhere to go in
	 * the document and is reported here rather than by the validator.
	 */
	private @Nullable List<Duty> holderDuties(Table sheet, Row row, HolderKind kind, String holder) {
		CsvBundle bundle = this.bundle;
		Location at = sheet.at(row, HOLDER);
		switch (kind) {
			case UNIT -> {
				UnitRef ref = bundle.unitsFromDepartments ? new UnitRef(holder, bundle.unitsByKey.containsKey(holder))
						: bundle.resolveUnitIn(holder, at, false);
				if (ref.known()) {
					return bundle.unitsByKey.get(ref.key()).duties;
				}
				if (!bundle.isAmbiguousUnitName(holder)) {
					bundle.error(at, ProblemCodes.UNKNOWN_UNIT, "no unit has key or name '%s'".formatted(holder));
				}
				return null;
			}
			case POSITION -> {
				PositionDraft position = bundle.positionsByKey.get(holder);
				if (position != null) {
					return position.duties;
				}
				bundle.error(at, ProblemCodes.UNKNOWN_POSITION, "no position has key '%s'".formatted(holder));
				return null;
			}
			case PERSON -> {
				String positionKey = bundle.positionsByEmployee.get(holder);
				PositionDraft position = (positionKey != null) ? bundle.positionsByKey.get(positionKey) : null;
				if (position != null) {
					return position.duties;
				}
				bundle.error(at, ProblemCodes.UNKNOWN_POSITION,
						"no employee '%s' holds a position in the people file".formatted(holder));
				return null;
			}
			default -> throw new IllegalStateException(kind.name());
		}
	}

}
