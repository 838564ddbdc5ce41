package org.orgraph.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.CsvBundle.PersonDraft;
import org.orgraph.importing.CsvBundle.PositionDraft;
import org.orgraph.importing.CsvBundle.UnitRef;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.Table.Row;

/**
 * {@code people.csv}, in two shapes. Without positions.csv each row is a seat: the person's
 * own position ({@code P-<employee id>}) or the one its position id names, reporting to the
 * manager's position. With positions.csv rows only say who holds which post.
 */
final class CsvPeopleFile {

	static final ColumnSpec ID = ColumnSpec.of("employee_id", "id", "employee_number", "emp_id", "staff_id", "工号",
			"员工编号", "员工工号", "人员编号");

	static final ColumnSpec NAME = ColumnSpec.of("name", "full_name", "employee_name", "姓名", "员工姓名");

	static final ColumnSpec TITLE = ColumnSpec.of("title", "job_title", "position_title", "职位", "岗位", "职务",
			"岗位名称");

	static final ColumnSpec DEPARTMENT = ColumnSpec.of("department", "dept", "unit", "部门", "所属部门", "部门名称");

	static final ColumnSpec MANAGER = ColumnSpec.of("manager_id", "reports_to", "supervisor_id", "line_manager_id",
			"上级工号", "直接上级", "直接上级工号");

	static final ColumnSpec POSITION = ColumnSpec.of("position_id", "position_key", "post_id", "岗位编号", "岗位编码");

	static final ColumnSpec FTE = ColumnSpec.of("fte");

	static final ColumnSpec ACTING = ColumnSpec.of("acting", "是否代理", "代理");

	static final ColumnSpec GRADE = ColumnSpec.of("grade", "job_grade", "职级");

	static final List<ColumnSpec> COLUMNS = List.of(ID, NAME, TITLE, DEPARTMENT, MANAGER, POSITION, FTE, ACTING, GRADE);

	private static final Pattern DECIMAL = Pattern.compile("(\\d+(?:[.,]\\d*)?|[.,]\\d+)\\s*(%?)");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "t");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "f");

	private final CsvBundle bundle;

	CsvPeopleFile(CsvBundle bundle) {
		this.bundle = bundle;
	}

	void read(ImportFile file, boolean positionsGiven) {
		CsvBundle bundle = this.bundle;
		Set<ColumnSpec> required = positionsGiven ? Set.of(ID, NAME, POSITION)
				: Set.of(ID, NAME, TITLE, DEPARTMENT, MANAGER);
		Severity emptySeverity = bundle.positions.isEmpty() ? Severity.ERROR : Severity.WARNING;
		Table sheet = new CsvTableReader(bundle).read(file, COLUMNS, required, emptySeverity);
		if (sheet == null) {
			return;
		}
		// first pass: every employee's position, since managers may come after their reports
		Map<List<@Nullable String>, Integer> seen = HashMap.newHashMap(sheet.rows().size());
		List<Row> kept = new ArrayList<>(sheet.rows().size());
		for (Row row : sheet.rows()) {
			String id = CsvBundle.value(sheet, row, ID);
			String name = CsvBundle.value(sheet, row, NAME);
			String positionId = CsvBundle.value(sheet, row, POSITION);
			boolean vacancy = name == null && positionId != null;
			if (!vacancy && id == null) {
				bundle.missing(sheet, row, ID, "employee id");
				continue;
			}
			if (!vacancy && name == null) {
				bundle.missing(sheet, row, NAME, "name");
				continue;
			}
			if (positionsGiven && positionId == null) {
				bundle.missing(sheet, row, POSITION, "position id");
				continue;
			}
			// identical vacancy rows are several empty seats of one post, not a mistake
			if (!vacancy && bundle.duplicateRow(sheet, row, seen)) {
				continue;
			}
			if (id != null) {
				bundle.positionsByEmployee.putIfAbsent(id,
						(positionId != null) ? positionId : CsvBundleParser.OWN_POSITION_PREFIX + id);
			}
			kept.add(row);
		}
		Map<String, PersonDraft> peopleById = HashMap.newHashMap(kept.size());
		Set<String> managersApplied = new HashSet<>();
		for (Row row : kept) {
			String id = CsvBundle.value(sheet, row, ID);
			String name = CsvBundle.value(sheet, row, NAME);
			String positionId = CsvBundle.value(sheet, row, POSITION);
			String positionKey = (positionId != null) ? positionId : CsvBundleParser.OWN_POSITION_PREFIX + id;
			String manager = CsvBundle.value(sheet, row, MANAGER);
			if (positionsGiven) {
				linkToDeclaredPosition(sheet, row, positionKey, manager, name == null, managersApplied);
			}
			else {
				seatInPosition(sheet, row, positionId, positionKey, manager);
			}
			double fte = fte(sheet, row);
			boolean acting = acting(sheet, row);
			if (name == null) {
				continue;
			}
			Location holdingAt = sheet.at(row, (positionId != null) ? POSITION : ID);
			Holding holding = new Holding(positionKey, fte, acting, holdingAt);
			PersonDraft person = peopleById.get(id);
			// the same employee on several rows holds several posts (兼任); a clash of
			// names or posts stays two people for the validator to report as a duplicate key
			if (person != null && person.name.equals(name) && !person.holds(positionKey)) {
				person.holds.add(holding);
				continue;
			}
			PersonDraft added = new PersonDraft(id, name, sheet.at(row, ID));
			added.holds.add(holding);
			bundle.people.add(added);
			peopleById.putIfAbsent(id, added);
		}
	}

	/** People file alone: the first row naming a post defines it, later ones add seats. */
	private void seatInPosition(Table sheet, Row row, @Nullable String positionId, String positionKey,
			@Nullable String manager) {
		CsvBundle bundle = this.bundle;
		if (positionId != null) {
			PositionDraft existing = bundle.positionsByKey.get(positionKey);
			if (existing != null) {
				existing.seats++;
				return;
			}
		}
		String department = CsvBundle.value(sheet, row, DEPARTMENT);
		if (department == null) {
			bundle.missing(sheet, row, DEPARTMENT, "department");
			return;
		}
		UnitRef unit = bundle.resolveUnit(department, sheet.at(row, DEPARTMENT));
		ColumnSpec located = !unit.known() ? DEPARTMENT : (manager != null) ? MANAGER
				: (positionId != null) ? POSITION : ID;
		PositionDraft position = new PositionDraft(positionKey, bundle.title(sheet, row, TITLE, positionKey),
				unit.key(), sheet.at(row, located));
		if (manager != null) {
			// an unknown manager keeps the key their own position would have had, so the
			// validator reports it at this row's manager cell
			position.reportsTo = bundle.positionsByEmployee.getOrDefault(manager,
					CsvBundleParser.OWN_POSITION_PREFIX + manager);
		}
		position.grade = CsvBundle.value(sheet, row, GRADE);
		bundle.addPosition(position);
	}

	/**
	 * People file beside positions.csv: the post must be declared there. A manager fills
	 * in a post's missing reports_to; positions.csv wins where it says.
	 */
	private void linkToDeclaredPosition(Table sheet, Row row, String positionKey, @Nullable String manager,
			boolean vacancy, Set<String> managersApplied) {
		PositionDraft position = this.bundle.positionsByKey.get(positionKey);
		if (position == null) {
			if (vacancy) {
				// a vacancy row produces no person, so nothing else would carry this reference
				this.bundle.error(sheet.at(row, POSITION), ProblemCodes.UNKNOWN_POSITION,
						"vacant post %s is not in positions.csv".formatted(positionKey));
			}
			return;
		}
		if (manager == null || position.reportsTo != null || !managersApplied.add(positionKey)) {
			return;
		}
		String managerPosition = this.bundle.positionsByEmployee.get(manager);
		if (managerPosition == null) {
			this.bundle.error(sheet.at(row, MANAGER), ProblemCodes.UNKNOWN_MANAGER,
					"manager %s is not an employee in %s".formatted(manager, sheet.file()));
			return;
		}
		position.reportsTo = managerPosition;
	}

	private double fte(Table sheet, Row row) {
		String value = CsvBundle.value(sheet, row, FTE);
		if (value == null || value.equals("1")) {
			return 1.0;
		}
		Matcher matcher = DECIMAL.matcher(value);
		if (matcher.matches()) {
			double fte = Double.parseDouble(matcher.group(1).replace(',', '.'));
			if (!matcher.group(2).isEmpty()) {
				fte /= 100;
			}
			if (fte >= 0 && fte <= 1) {
				return fte;
			}
		}
		this.bundle.error(sheet.at(row, FTE), ProblemCodes.BAD_VALUE,
				"fte '%s' is not a number from 0 to 1 (or a percentage)".formatted(value));
		return 1.0;
	}

	private boolean acting(Table sheet, Row row) {
		String value = CsvBundle.value(sheet, row, ACTING);
		if (value == null) {
			return false;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (TRUE.contains(lower)) {
			return true;
		}
		if (!FALSE.contains(lower)) {
			this.bundle.error(sheet.at(row, ACTING), ProblemCodes.BAD_VALUE,
					"acting '%s' is not true/false, 1/0 or 是/否".formatted(value));
		}
		return false;
	}

}
