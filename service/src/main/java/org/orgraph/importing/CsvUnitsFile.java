package org.orgraph.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.CsvBundle.UnitDraft;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.Table.Row;

/** {@code units.csv}: the units by key, with their parents; without it units come from department names. */
final class CsvUnitsFile {

	static final ColumnSpec KEY = ColumnSpec.of("key", "unit_id", "unit_key", "department_id", "dept_id", "部门编号",
			"部门编码", "部门代码");

	static final ColumnSpec NAME = ColumnSpec.of("name", "unit_name", "department", "department_name", "部门", "部门名称");

	static final ColumnSpec PARENT = ColumnSpec.of("parent", "parent_key", "parent_id", "parent_unit", "上级部门",
			"上级部门编号", "上级部门名称");

	static final ColumnSpec KIND = ColumnSpec.of("kind", "unit_kind", "type", "类型", "部门类型");

	static final ColumnSpec PLANNED_HEADCOUNT = ColumnSpec.of("planned_headcount", "headcount", "编制", "编制人数");

	static final List<ColumnSpec> COLUMNS = List.of(KEY, NAME, PARENT, KIND, PLANNED_HEADCOUNT);

	private final CsvBundle bundle;

	CsvUnitsFile(CsvBundle bundle) {
		this.bundle = bundle;
	}

	void read(ImportFile file) {
		CsvBundle bundle = this.bundle;
		Table sheet = new CsvTableReader(bundle).read(file, COLUMNS, Set.of(KEY, NAME), Severity.WARNING);
		if (sheet == null) {
			return;
		}
		bundle.unitsFromDepartments = false;
		Map<List<@Nullable String>, Integer> seen = new HashMap<>();
		List<Row> kept = new ArrayList<>();
		for (Row row : sheet.rows()) {
			String key = CsvBundle.value(sheet, row, KEY);
			String name = CsvBundle.value(sheet, row, NAME);
			if (key == null) {
				bundle.missing(sheet, row, KEY, "unit key");
			}
			else if (name == null) {
				bundle.missing(sheet, row, NAME, "unit name");
			}
			else if (!bundle.duplicateRow(sheet, row, seen)) {
				kept.add(row);
				bundle.unitKeys.add(key);
				if (!bundle.unitKeysByName.containsKey(name)) {
					bundle.unitKeysByName.put(name, key);
				}
				else if (!Objects.equals(bundle.unitKeysByName.get(name), key)) {
					bundle.unitKeysByName.put(name, null);
				}
			}
		}
		// parents may come after their children, so resolve them once every unit is known
		for (Row row : kept) {
			String key = Objects.requireNonNull(CsvBundle.value(sheet, row, KEY));
			String name = Objects.requireNonNull(CsvBundle.value(sheet, row, NAME));
			String parent = CsvBundle.value(sheet, row, PARENT);
			UnitDraft unit = new UnitDraft(key, name, sheet.at(row, (parent != null) ? PARENT : KEY));
			if (parent != null) {
				unit.parent = bundle.resolveUnitIn(parent, sheet.at(row, PARENT), false).key();
			}
			unit.kind = CsvBundle.value(sheet, row, KIND);
			unit.plannedHeadcount = bundle.count(sheet, row, PLANNED_HEADCOUNT);
			bundle.units.add(unit);
			bundle.unitsByKey.putIfAbsent(key, unit);
		}
	}

}
