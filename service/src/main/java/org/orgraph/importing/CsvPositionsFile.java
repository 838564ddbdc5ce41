package org.orgraph.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.CsvBundle.PositionDraft;
import org.orgraph.importing.CsvBundle.UnitRef;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.Table.Row;

/** {@code positions.csv}: the posts, each in a unit, with the post it reports to. */
final class CsvPositionsFile {

	static final ColumnSpec KEY = ColumnSpec.of("key", "position_id", "position_key", "post_id", "岗位编号", "岗位编码",
			"岗位代码");

	static final ColumnSpec TITLE = ColumnSpec.of("title", "position_title", "job_title", "岗位名称", "岗位", "职位");

	static final ColumnSpec UNIT = ColumnSpec.of("unit", "unit_key", "department", "dept", "部门", "所属部门", "部门编号");

	static final ColumnSpec REPORTS_TO = ColumnSpec.of("reports_to", "parent_position", "上级岗位", "上级岗位编号",
			"汇报岗位");

	static final ColumnSpec HEADCOUNT = ColumnSpec.of("headcount", "编制", "编制人数");

	static final ColumnSpec GRADE = ColumnSpec.of("grade", "job_grade", "职级");

	static final ColumnSpec CONCURRENT_WITH = ColumnSpec.of("concurrent_with", "兼任");

	static final List<ColumnSpec> COLUMNS = List.of(KEY, TITLE, UNIT, REPORTS_TO, HEADCOUNT, GRADE, CONCURRENT_WITH);

	private final CsvBundle bundle;

	CsvPositionsFile(CsvBundle bundle) {
		this.bundle = bundle;
	}

	void read(ImportFile file) {
		CsvBundle bundle = this.bundle;
		Table sheet = new CsvTableReader(bundle).read(file, COLUMNS, Set.of(KEY, TITLE, UNIT), Severity.ERROR);
		if (sheet == null) {
			return;
		}
		Map<List<@Nullable String>, Integer> seen = new HashMap<>();
		for (Row row : sheet.rows()) {
			String key = CsvBundle.value(sheet, row, KEY);
			String unitRef = CsvBundle.value(sheet, row, UNIT);
			if (key == null) {
				bundle.missing(sheet, row, KEY, "position key");
				continue;
			}
			if (unitRef == null) {
				bundle.missing(sheet, row, UNIT, "unit");
				continue;
			}
			if (bundle.duplicateRow(sheet, row, seen)) {
				continue;
			}
			UnitRef unit = bundle.resolveUnit(unitRef, sheet.at(row, UNIT));
			String reportsTo = CsvBundle.value(sheet, row, REPORTS_TO);
			ColumnSpec located = !unit.known() ? UNIT : (reportsTo != null) ? REPORTS_TO : KEY;
			PositionDraft position = new PositionDraft(key, bundle.title(sheet, row, TITLE, key), unit.key(),
					sheet.at(row, located));
			position.declared = true;
			position.reportsTo = reportsTo;
			position.headcount = bundle.count(sheet, row, HEADCOUNT);
			position.grade = CsvBundle.value(sheet, row, GRADE);
			position.concurrentWith = CsvBundle.value(sheet, row, CONCURRENT_WITH);
			bundle.addPosition(position);
		}
	}

}
