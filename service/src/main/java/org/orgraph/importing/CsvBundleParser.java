package org.orgraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

/**
 * Reads the CSV bundle HR systems export: {@code people.csv} (one row per employee with a
 * manager id, or rows pointing at {@code positions.csv}), and optionally {@code units.csv},
 * {@code positions.csv}, {@code duties.csv} and {@code org.csv}. Column names are matched
 * loosely (case, spaces, underscores, common English and Chinese aliases); the reference is
 * {@code docs/import-csv.md}.
 * <p>
 * References between rows (managers, parents, units) go into the document as given, resolved
 * only where the bundle's shape demands it (a manager id becomes the manager's position, a
 * department name becomes a unit key); {@code OrgValidator} checks them. The exceptions are
 * references the document has no place for: a duty whose holder does not exist, a unit name
 * several units share, a manager id that only fills in a declared post's {@code reports_to},
 * a vacant seat of a post positions.csv does not declare.
 */
final class CsvBundleParser implements FormatParser {

	static final String FORMAT = "csv-bundle";

	/** Prefix of the position a person gets when the people file has no position column. */
	static final String OWN_POSITION_PREFIX = "P-";

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public ParseResult parse(String orgKey, List<ImportFile> files) {
		return new Reading(orgKey).read(files);
	}

	/** The files a bundle may hold, recognised by name whatever the directory or case. */
	enum Role {

		ORG("org.csv", "organization.csv", "organisation.csv"), UNITS("units.csv", "部门.csv"),
		POSITIONS("positions.csv", "岗位.csv"), PEOPLE("people.csv", "employees.csv", "人员.csv", "员工.csv"),
		DUTIES("duties.csv", "职责.csv");

		private final List<String> names;

		Role(String... names) {
			this.names = List.of(names);
		}

		static @Nullable Role of(String fileName) {
			String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
				.strip()
				.toLowerCase(Locale.ROOT);
			for (Role role : values()) {
				if (role.names.contains(base)) {
					return role;
				}
			}
			return null;
		}

		String fileName() {
			return this.names.getFirst();
		}

	}

	// ---- columns -------------------------------------------------------------------------

	/** A column a file may have: its name in messages and every header that means it, as written. */
	private interface Column {

		int ordinal();

		String label();

		List<String> aliases();

	}

	private enum OrgColumn implements Column {

		NAME("name", "org_name", "organization", "organisation", "organization_name", "organisation_name", "名称",
				"组织名称", "公司名称", "单位名称"),
		KEY("key", "org_key", "组织编号");

		private final List<String> aliases;

		OrgColumn(String... aliases) {
			this.aliases = List.of(aliases);
		}

		@Override
		public String label() {
			return this.aliases.getFirst();
		}

		@Override
		public List<String> aliases() {
			return this.aliases;
		}

	}

	private enum UnitColumn implements Column {

		KEY("key", "unit_id", "unit_key", "department_id", "dept_id", "部门编号", "部门编码", "部门代码"),
		NAME("name", "unit_name", "department", "department_name", "部门", "部门名称"),
		PARENT("parent", "parent_key", "parent_id", "parent_unit", "上级部门", "上级部门编号", "上级部门名称"),
		KIND("kind", "unit_kind", "type", "类型", "部门类型"),
		PLANNED_HEADCOUNT("planned_headcount", "headcount", "编制", "编制人数");

		private final List<String> aliases;

		UnitColumn(String... aliases) {
			this.aliases = List.of(aliases);
		}

		@Override
		public String label() {
			return this.aliases.getFirst();
		}

		@Override
		public List<String> aliases() {
			return this.aliases;
		}

	}

	private enum PositionColumn implements Column {

		KEY("key", "position_id", "position_key", "post_id", "岗位编号", "岗位编码", "岗位代码"),
		TITLE("title", "position_title", "job_title", "岗位名称", "岗位", "职位"),
		UNIT("unit", "unit_key", "department", "dept", "部门", "所属部门", "部门编号"),
		REPORTS_TO("reports_to", "parent_position", "上级岗位", "上级岗位编号", "汇报岗位"),
		HEADCOUNT("headcount", "编制", "编制人数"), GRADE("grade", "job_grade", "职级"),
		CONCURRENT_WITH("concurrent_with", "兼任");

		private final List<String> aliases;

		PositionColumn(String... aliases) {
			this.aliases = List.of(aliases);
		}

		@Override
		public String label() {
			return this.aliases.getFirst();
		}

		@Override
		public List<String> aliases() {
			return this.aliases;
		}

	}

	private enum PeopleColumn implements Column {

		ID("employee_id", "id", "employee_number", "emp_id", "staff_id", "工号", "员工编号", "员工工号", "人员编号"),
		NAME("name", "full_name", "employee_name", "姓名", "员工姓名"),
		TITLE("title", "job_title", "position_title", "职位", "岗位", "职务", "岗位名称"),
		DEPARTMENT("department", "dept", "unit", "部门", "所属部门", "部门名称"),
		MANAGER("manager_id", "reports_to", "supervisor_id", "line_manager_id", "上级工号", "直接上级", "直接上级工号"),
		POSITION("position_id", "position_key", "post_id", "岗位编号", "岗位编码"), FTE("fte"),
		ACTING("acting", "是否代理", "代理"), GRADE("grade", "job_grade", "职级");

		private final List<String> aliases;

		PeopleColumn(String... aliases) {
			this.aliases = List.of(aliases);
		}

		@Override
		public String label() {
			return this.aliases.getFirst();
		}

		@Override
		public List<String> aliases() {
			return this.aliases;
		}

	}

	private enum DutyColumn implements Column {

		HOLDER_KIND("holder_kind", "kind", "承担者类型"), HOLDER("holder", "holder_key", "承担者"),
		TEXT("text", "duty", "description", "职责", "职责内容", "职责描述"), KEY("key", "duty_id", "duty_key", "职责编号");

		private final List<String> aliases;

		DutyColumn(String... aliases) {
			this.aliases = List.of(aliases);
		}

		@Override
		public String label() {
			return this.aliases.getFirst();
		}

		@Override
		public List<String> aliases() {
			return this.aliases;
		}

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

	/**
	 * Header names compare without case, spaces, underscores, hyphens, dots and the asterisks
	 * import templates put on required columns: {@code Employee ID}, {@code employee_id} and
	 * {@code *EmployeeId} are one column.
	 */
	static String normaliseHeader(String header) {
		StringBuilder out = new StringBuilder(header.length());
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_' && c != '-' && c != '.'
					&& c != '*' && c != '＊' && c != '\uFEFF') {
				out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	// ---- values --------------------------------------------------------------------------

	private static final Pattern COUNT = Pattern.compile("\\+?(\\d{1,9})(?:\\.0*)?\\s*[人名个]?");

	private static final Pattern DECIMAL = Pattern.compile("(\\d+(?:[.,]\\d*)?|[.,]\\d+)\\s*(%?)");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "t");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "f");

	/**
	 * Trims a cell (including no-break and ideographic spaces) and unwraps Excel's
	 * {@code ="00123"}, which HR systems write to keep leading zeros; blank is null.
	 */
	static @Nullable String clean(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String value = strip(raw);
		if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
			value = strip(value.substring(2, value.length() - 1));
		}
		return value.isEmpty() ? null : value;
	}

	private static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isBlank(value.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

	// ---- one parse -----------------------------------------------------------------------

	/** One file's rows, with values already cleaned and put in column order. */
	private record Sheet(String file, int[] columns, List<Row> rows) {

		boolean has(Column column) {
			return this.columns[column.ordinal()] > 0;
		}

		@Nullable String get(Row row, Column column) {
			return row.values()[column.ordinal()];
		}

		/** Where a cell is; column 1 when the file lacks that column. */
		Location at(Row row, Column column) {
			return Location.of(this.file, row.line(), Math.max(1, this.columns[column.ordinal()]));
		}

	}

	private record Row(int line, @Nullable String[] values) {
	}

	private static final class UnitDraft {

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

	private static final class PositionDraft {

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

	private static final class PersonDraft {

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

	/** A reference resolved against the units: the key to store and whether a unit has it. */
	private record UnitRef(String key, boolean known) {
	}

	private static final class Reading {

		private final String orgKey;

		private final List<ImportProblem> problems = new ArrayList<>();

		/** A whole file could not be read: there is no document to validate. */
		private boolean unreadable;

		private final List<String> fileNames = new ArrayList<>();

		private final Map<String, Object> encodings = new LinkedHashMap<>();

		private final List<UnitDraft> units = new ArrayList<>();

		private final Map<String, UnitDraft> unitsByKey = new HashMap<>();

		/** Keys declared in units.csv. */
		private final Set<String> unitKeys = new HashSet<>();

		/** Unit name to key; null value when several units share the name. */
		private final Map<String, @Nullable String> unitKeysByName = new HashMap<>();

		/** No units.csv: units are the distinct department names. */
		private boolean unitsFromDepartments = true;

		private final List<PositionDraft> positions = new ArrayList<>();

		private final Map<String, PositionDraft> positionsByKey = new HashMap<>();

		private final List<PersonDraft> people = new ArrayList<>();

		/** Employee id to the first position the employee (or a vacancy row) names. */
		private final Map<String, String> positionsByEmployee = new HashMap<>();

		Reading(String orgKey) {
			this.orgKey = orgKey;
		}

		ParseResult read(List<ImportFile> files) {
			Map<Role, ImportFile> byRole = new EnumMap<>(Role.class);
			for (ImportFile file : files) {
				Role role = Role.of(file.name());
				if (role == null) {
					warn(Location.of(file.name(), 0, 0), ProblemCodes.UNKNOWN_FILE,
							("'%s' is not part of a CSV bundle (people.csv, units.csv, positions.csv, duties.csv, "
									+ "org.csv); it was not read").formatted(file.name()));
				}
				else if (byRole.containsKey(role)) {
					fatal(Location.of(file.name(), 0, 0), ProblemCodes.UNKNOWN_FILE,
							"the bundle already has %s as its %s; send one file per kind"
								.formatted(byRole.get(role).name(), role.fileName()));
				}
				else {
					byRole.put(role, file);
					this.fileNames.add(file.name());
				}
			}
			if (!byRole.containsKey(Role.PEOPLE) && !byRole.containsKey(Role.POSITIONS)) {
				fatal(Location.of(Role.PEOPLE.fileName(), 0, 0), ProblemCodes.MISSING_FILE,
						"a CSV bundle needs people.csv (or employees.csv) or positions.csv");
				return new ParseResult(null, this.problems);
			}
			String name = this.orgKey;
			if (byRole.containsKey(Role.ORG)) {
				name = readOrg(byRole.get(Role.ORG));
			}
			if (byRole.containsKey(Role.UNITS)) {
				readUnits(byRole.get(Role.UNITS));
			}
			boolean positionsGiven = byRole.containsKey(Role.POSITIONS);
			if (positionsGiven) {
				readPositions(byRole.get(Role.POSITIONS));
			}
			if (byRole.containsKey(Role.PEOPLE)) {
				readPeople(byRole.get(Role.PEOPLE), positionsGiven);
			}
			if (byRole.containsKey(Role.DUTIES)) {
				readDuties(byRole.get(Role.DUTIES));
			}
			if (this.unreadable) {
				return new ParseResult(null, this.problems);
			}
			Map<String, Object> metadata = Map.of("format", FORMAT, "files", List.copyOf(this.fileNames), "encodings",
					Map.copyOf(this.encodings));
			OrgDocument document = new OrgDocument(this.orgKey, name,
					this.units.stream().map(UnitDraft::build).toList(),
					this.positions.stream().map(PositionDraft::build).toList(),
					this.people.stream().map(PersonDraft::build).toList(), metadata);
			return new ParseResult(document, this.problems);
		}

		// ---- org.csv --------------------------------------------------------------------

		private String readOrg(ImportFile file) {
			Sheet sheet = readSheet(file, OrgColumn.values(), EnumSet.of(OrgColumn.NAME), Severity.WARNING);
			if (sheet == null) {
				return this.orgKey;
			}
			Row row = sheet.rows().getFirst();
			if (sheet.rows().size() > 1) {
				error(Location.of(sheet.file(), sheet.rows().get(1).line(), 1), ProblemCodes.BAD_VALUE,
						"org.csv describes one organisation in one row; found %d rows".formatted(sheet.rows().size()));
			}
			String key = sheet.get(row, OrgColumn.KEY);
			if (key != null && !key.equals(this.orgKey)) {
				error(sheet.at(row, OrgColumn.KEY), ProblemCodes.ORG_KEY_MISMATCH,
						"org.csv is for '%s' but is being imported into '%s'".formatted(key, this.orgKey));
			}
			String name = sheet.get(row, OrgColumn.NAME);
			if (name == null) {
				warn(sheet.at(row, OrgColumn.NAME), ProblemCodes.EMPTY_VALUE,
						"the organisation has no name; using its key '%s'".formatted(this.orgKey));
				return this.orgKey;
			}
			return name;
		}

		// ---- units.csv ------------------------------------------------------------------

		private void readUnits(ImportFile file) {
			Sheet sheet = readSheet(file, UnitColumn.values(), EnumSet.of(UnitColumn.KEY, UnitColumn.NAME),
					Severity.WARNING);
			if (sheet == null) {
				return;
			}
			this.unitsFromDepartments = false;
			Map<List<@Nullable String>, Integer> seen = new HashMap<>();
			List<Row> kept = new ArrayList<>();
			for (Row row : sheet.rows()) {
				String key = sheet.get(row, UnitColumn.KEY);
				String name = sheet.get(row, UnitColumn.NAME);
				if (key == null) {
					missing(sheet, row, UnitColumn.KEY, "unit key");
				}
				else if (name == null) {
					missing(sheet, row, UnitColumn.NAME, "unit name");
				}
				else if (!duplicateRow(sheet, row, seen)) {
					kept.add(row);
					this.unitKeys.add(key);
					if (!this.unitKeysByName.containsKey(name)) {
						this.unitKeysByName.put(name, key);
					}
					else if (!Objects.equals(this.unitKeysByName.get(name), key)) {
						this.unitKeysByName.put(name, null);
					}
				}
			}
			// parents may come after their children, so resolve them once every unit is known
			for (Row row : kept) {
				String key = sheet.get(row, UnitColumn.KEY);
				String name = sheet.get(row, UnitColumn.NAME);
				String parent = sheet.get(row, UnitColumn.PARENT);
				UnitDraft unit = new UnitDraft(key, name, sheet.at(row, parent != null ? UnitColumn.PARENT : UnitColumn.KEY));
				if (parent != null) {
					unit.parent = resolveUnitIn(parent, sheet.at(row, UnitColumn.PARENT), false).key();
				}
				unit.kind = sheet.get(row, UnitColumn.KIND);
				unit.plannedHeadcount = count(sheet, row, UnitColumn.PLANNED_HEADCOUNT);
				this.units.add(unit);
				this.unitsByKey.putIfAbsent(key, unit);
			}
		}

		/**
		 * A department or parent as written: a unit key, else the name of exactly one unit.
		 * Without units.csv every department name is a unit of its own.
		 */
		private UnitRef resolveUnit(String ref, Location at) {
			return resolveUnitIn(ref, at, this.unitsFromDepartments);
		}

		private UnitRef resolveUnitIn(String ref, Location at, boolean fromDepartments) {
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

		private boolean isAmbiguousUnitName(String ref) {
			return this.unitKeysByName.containsKey(ref) && this.unitKeysByName.get(ref) == null;
		}

		// ---- positions.csv --------------------------------------------------------------

		private void readPositions(ImportFile file) {
			Sheet sheet = readSheet(file, PositionColumn.values(),
					EnumSet.of(PositionColumn.KEY, PositionColumn.TITLE, PositionColumn.UNIT), Severity.ERROR);
			if (sheet == null) {
				return;
			}
			Map<List<@Nullable String>, Integer> seen = new HashMap<>();
			for (Row row : sheet.rows()) {
				String key = sheet.get(row, PositionColumn.KEY);
				String unitRef = sheet.get(row, PositionColumn.UNIT);
				if (key == null) {
					missing(sheet, row, PositionColumn.KEY, "position key");
					continue;
				}
				if (unitRef == null) {
					missing(sheet, row, PositionColumn.UNIT, "unit");
					continue;
				}
				if (duplicateRow(sheet, row, seen)) {
					continue;
				}
				UnitRef unit = resolveUnit(unitRef, sheet.at(row, PositionColumn.UNIT));
				String reportsTo = sheet.get(row, PositionColumn.REPORTS_TO);
				Column located = !unit.known() ? PositionColumn.UNIT
						: (reportsTo != null) ? PositionColumn.REPORTS_TO : PositionColumn.KEY;
				PositionDraft position = new PositionDraft(key, title(sheet, row, PositionColumn.TITLE, key),
						unit.key(), sheet.at(row, located));
				position.declared = true;
				position.reportsTo = reportsTo;
				position.headcount = count(sheet, row, PositionColumn.HEADCOUNT);
				position.grade = sheet.get(row, PositionColumn.GRADE);
				position.concurrentWith = sheet.get(row, PositionColumn.CONCURRENT_WITH);
				addPosition(position);
			}
		}

		private void addPosition(PositionDraft position) {
			this.positions.add(position);
			this.positionsByKey.putIfAbsent(position.key, position);
		}

		private String title(Sheet sheet, Row row, Column column, String positionKey) {
			String title = sheet.get(row, column);
			if (title == null) {
				warn(sheet.at(row, column), ProblemCodes.EMPTY_VALUE,
						"position %s has no title; its key stands in for it".formatted(positionKey));
				return positionKey;
			}
			return title;
		}

		// ---- people.csv -----------------------------------------------------------------

		/**
		 * Two shapes. Without positions.csv each row is a seat: the person's own position
		 * ({@code P-<employee id>}) or the one its position id names, reporting to the
		 * manager's position. With positions.csv rows only say who holds which post.
		 */
		private void readPeople(ImportFile file, boolean positionsGiven) {
			Set<PeopleColumn> required = positionsGiven
					? EnumSet.of(PeopleColumn.ID, PeopleColumn.NAME, PeopleColumn.POSITION)
					: EnumSet.of(PeopleColumn.ID, PeopleColumn.NAME, PeopleColumn.TITLE, PeopleColumn.DEPARTMENT,
							PeopleColumn.MANAGER);
			Severity emptySeverity = this.positions.isEmpty() ? Severity.ERROR : Severity.WARNING;
			Sheet sheet = readSheet(file, PeopleColumn.values(), required, emptySeverity);
			if (sheet == null) {
				return;
			}
			// first pass: every employee's position, since managers may come after their reports
			Map<List<@Nullable String>, Integer> seen = HashMap.newHashMap(sheet.rows().size());
			List<Row> kept = new ArrayList<>(sheet.rows().size());
			for (Row row : sheet.rows()) {
				String id = sheet.get(row, PeopleColumn.ID);
				String name = sheet.get(row, PeopleColumn.NAME);
				String positionId = sheet.get(row, PeopleColumn.POSITION);
				boolean vacancy = name == null && positionId != null;
				if (!vacancy && id == null) {
					missing(sheet, row, PeopleColumn.ID, "employee id");
					continue;
				}
				if (!vacancy && name == null) {
					missing(sheet, row, PeopleColumn.NAME, "name");
					continue;
				}
				if (positionsGiven && positionId == null) {
					missing(sheet, row, PeopleColumn.POSITION, "position id");
					continue;
				}
				// identical vacancy rows are several empty seats of one post, not a mistake
				if (!vacancy && duplicateRow(sheet, row, seen)) {
					continue;
				}
				if (id != null) {
					this.positionsByEmployee.putIfAbsent(id,
							(positionId != null) ? positionId : OWN_POSITION_PREFIX + id);
				}
				kept.add(row);
			}
			Map<String, PersonDraft> peopleById = HashMap.newHashMap(kept.size());
			Set<String> managersApplied = new HashSet<>();
			for (Row row : kept) {
				String id = sheet.get(row, PeopleColumn.ID);
				String name = sheet.get(row, PeopleColumn.NAME);
				String positionId = sheet.get(row, PeopleColumn.POSITION);
				String positionKey = (positionId != null) ? positionId : OWN_POSITION_PREFIX + id;
				String manager = sheet.get(row, PeopleColumn.MANAGER);
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
				Location holdingAt = sheet.at(row, (positionId != null) ? PeopleColumn.POSITION : PeopleColumn.ID);
				Holding holding = new Holding(positionKey, fte, acting, holdingAt);
				PersonDraft person = peopleById.get(id);
				// the same employee on several rows holds several posts (兼任); a clash of
				// names or posts stays two people for the validator to report as a duplicate key
				if (person != null && person.name.equals(name) && !person.holds(positionKey)) {
					person.holds.add(holding);
					continue;
				}
				PersonDraft added = new PersonDraft(id, name, sheet.at(row, PeopleColumn.ID));
				added.holds.add(holding);
				this.people.add(added);
				peopleById.putIfAbsent(id, added);
			}
		}

		/** People file alone: the first row naming a post defines it, later ones add seats. */
		private void seatInPosition(Sheet sheet, Row row, @Nullable String positionId, String positionKey,
				@Nullable String manager) {
			if (positionId != null) {
				PositionDraft existing = this.positionsByKey.get(positionKey);
				if (existing != null) {
					existing.seats++;
					return;
				}
			}
			String department = sheet.get(row, PeopleColumn.DEPARTMENT);
			if (department == null) {
				missing(sheet, row, PeopleColumn.DEPARTMENT, "department");
				return;
			}
			UnitRef unit = resolveUnit(department, sheet.at(row, PeopleColumn.DEPARTMENT));
			Column located = !unit.known() ? PeopleColumn.DEPARTMENT : (manager != null) ? PeopleColumn.MANAGER
					: (positionId != null) ? PeopleColumn.POSITION : PeopleColumn.ID;
			PositionDraft position = new PositionDraft(positionKey, title(sheet, row, PeopleColumn.TITLE, positionKey),
					unit.key(), sheet.at(row, located));
			if (manager != null) {
				// an unknown manager keeps the key their own position would have had, so the
				// validator reports it at this row's manager cell
				position.reportsTo = this.positionsByEmployee.getOrDefault(manager, OWN_POSITION_PREFIX + manager);
			}
			position.grade = sheet.get(row, PeopleColumn.GRADE);
			addPosition(position);
		}

		/**
		 * People file beside positions.csv: the post must be declared there. A manager fills
		 * in a post's missing reports_to; positions.csv wins where it says.
		 */
		private void linkToDeclaredPosition(Sheet sheet, Row row, String positionKey, @Nullable String manager,
				boolean vacancy, Set<String> managersApplied) {
			PositionDraft position = this.positionsByKey.get(positionKey);
			if (position == null) {
				if (vacancy) {
					// a vacancy row produces no person, so nothing else would carry this reference
					error(sheet.at(row, PeopleColumn.POSITION), ProblemCodes.UNKNOWN_POSITION,
							"vacant post %s is not in positions.csv".formatted(positionKey));
				}
				return;
			}
			if (manager == null || position.reportsTo != null || !managersApplied.add(positionKey)) {
				return;
			}
			String managerPosition = this.positionsByEmployee.get(manager);
			if (managerPosition == null) {
				error(sheet.at(row, PeopleColumn.MANAGER), ProblemCodes.UNKNOWN_MANAGER,
						"manager %s is not an employee in %s".formatted(manager, sheet.file()));
				return;
			}
			position.reportsTo = managerPosition;
		}

		private double fte(Sheet sheet, Row row) {
			String value = sheet.get(row, PeopleColumn.FTE);
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
			error(sheet.at(row, PeopleColumn.FTE), ProblemCodes.BAD_VALUE,
					"fte '%s' is not a number from 0 to 1 (or a percentage)".formatted(value));
			return 1.0;
		}

		private boolean acting(Sheet sheet, Row row) {
			String value = sheet.get(row, PeopleColumn.ACTING);
			if (value == null) {
				return false;
			}
			String lower = value.toLowerCase(Locale.ROOT);
			if (TRUE.contains(lower)) {
				return true;
			}
			if (!FALSE.contains(lower)) {
				error(sheet.at(row, PeopleColumn.ACTING), ProblemCodes.BAD_VALUE,
						"acting '%s' is not true/false, 1/0 or 是/否".formatted(value));
			}
			return false;
		}

		// ---- duties.csv -----------------------------------------------------------------

		private void readDuties(ImportFile file) {
			Sheet sheet = readSheet(file, DutyColumn.values(),
					EnumSet.of(DutyColumn.HOLDER_KIND, DutyColumn.HOLDER, DutyColumn.TEXT), Severity.WARNING);
			if (sheet == null) {
				return;
			}
			Map<List<@Nullable String>, Integer> seen = new HashMap<>();
			for (Row row : sheet.rows()) {
				String kindValue = sheet.get(row, DutyColumn.HOLDER_KIND);
				String holder = sheet.get(row, DutyColumn.HOLDER);
				String text = sheet.get(row, DutyColumn.TEXT);
				if (kindValue == null) {
					missing(sheet, row, DutyColumn.HOLDER_KIND, "holder kind");
					continue;
				}
				if (holder == null) {
					missing(sheet, row, DutyColumn.HOLDER, "holder");
					continue;
				}
				if (text == null) {
					missing(sheet, row, DutyColumn.TEXT, "duty text");
					continue;
				}
				HolderKind kind = HolderKind.of(kindValue);
				if (kind == null) {
					error(sheet.at(row, DutyColumn.HOLDER_KIND), ProblemCodes.BAD_VALUE,
							"holder kind '%s' is not unit (部门), position (岗位) or person (员工)".formatted(kindValue));
					continue;
				}
				if (duplicateRow(sheet, row, seen)) {
					continue;
				}
				String key = sheet.get(row, DutyColumn.KEY);
				Duty duty = new Duty(key, text, sheet.at(row, (key != null) ? DutyColumn.KEY : DutyColumn.TEXT));
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
		private @Nullable List<Duty> holderDuties(Sheet sheet, Row row, HolderKind kind, String holder) {
			Location at = sheet.at(row, DutyColumn.HOLDER);
			switch (kind) {
				case UNIT -> {
					UnitRef ref = this.unitsFromDepartments ? new UnitRef(holder, this.unitsByKey.containsKey(holder))
							: resolveUnitIn(holder, at, false);
					if (ref.known()) {
						return this.unitsByKey.get(ref.key()).duties;
					}
					if (!isAmbiguousUnitName(holder)) {
						error(at, ProblemCodes.UNKNOWN_UNIT, "no unit has key or name '%s'".formatted(holder));
					}
					return null;
				}
				case POSITION -> {
					PositionDraft position = this.positionsByKey.get(holder);
					if (position != null) {
						return position.duties;
					}
					error(at, ProblemCodes.UNKNOWN_POSITION, "no position has key '%s'".formatted(holder));
					return null;
				}
				case PERSON -> {
					String positionKey = this.positionsByEmployee.get(holder);
					PositionDraft position = (positionKey != null) ? this.positionsByKey.get(positionKey) : null;
					if (position != null) {
						return position.duties;
					}
					error(at, ProblemCodes.UNKNOWN_POSITION,
							"no employee '%s' holds a position in the people file".formatted(holder));
					return null;
				}
				default -> throw new IllegalStateException(kind.name());
			}
		}

		// ---- reading a file -------------------------------------------------------------

		/**
		 * Decodes and parses one file into rows holding the known columns. Null when there is
		 * nothing to use: unreadable, a required column missing, or no rows.
		 */
		private @Nullable Sheet readSheet(ImportFile file, Column[] columns, Set<? extends Column> required,
				Severity emptySeverity) {
			String name = file.name();
			String text;
			try {
				TextDecoder.Decoded decoded = TextDecoder.decode(file.content());
				text = decoded.text();
				this.encodings.put(name, decoded.charset().name());
			}
			catch (TextDecoder.UndecodableException ex) {
				fatal(Location.of(name, ex.line(), ex.column()), ProblemCodes.BAD_ENCODING, ex.getMessage());
				return null;
			}
			char delimiter = sniffDelimiter(text);
			CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
			int[] positions = null;
			int width = 0;
			int headerLine = 0;
			List<@Nullable String> headerCells = List.of();
			List<Row> rows = new ArrayList<>();
			LineCounter lines = new LineCounter(text);
			long lastRecordStart = 0;
			try (CSVParser parser = format.parse(new StringReader(text))) {
				Iterator<CSVRecord> records = parser.iterator();
				while (true) {
					CSVRecord record;
					try {
						if (!records.hasNext()) {
							break;
						}
						record = records.next();
					}
					catch (UncheckedIOException ex) {
						malformed(name, text, (int) lastRecordStart, delimiter, ex.getCause());
						return null;
					}
					lastRecordStart = record.getCharacterPosition();
					int line = lines.lineAt((int) lastRecordStart);
					if (isBlankRecord(record)) {
						continue;
					}
					if (positions == null) {
						headerLine = line;
						width = record.size();
						headerCells = cells(record);
						positions = header(name, line, record, columns, required);
						if (positions == null) {
							return null;
						}
						continue;
					}
					if (record.size() != width) {
						error(Location.of(name, line, record.size()), ProblemCodes.RAGGED_ROW,
								"line %d has %d cells but the header has %d".formatted(line, record.size(), width));
						continue;
					}
					// exports printed page by page repeat the header
					if (Objects.equals(clean(record.get(0)), headerCells.getFirst()) && cells(record).equals(headerCells)) {
						warn(Location.of(name, line, 1), ProblemCodes.DUPLICATE_ROW,
								"line %d repeats the header of line %d; it was skipped".formatted(line, headerLine));
						continue;
					}
					@Nullable String[] values = new String[columns.length];
					for (int i = 0; i < columns.length; i++) {
						values[i] = (positions[i] > 0) ? clean(record.get(positions[i] - 1)) : null;
					}
					rows.add(new Row(line, values));
				}
			}
			catch (IOException ex) {
				// a StringReader does not fail, and Commons CSV reports malformed input unchecked
				throw new UncheckedIOException(ex);
			}
			if (positions == null) {
				problem(Location.of(name, 0, 0), ProblemCodes.EMPTY_FILE, "%s is empty".formatted(name), emptySeverity);
				return null;
			}
			if (rows.isEmpty()) {
				problem(Location.of(name, headerLine, 0), ProblemCodes.HEADER_ONLY,
						"%s has a header but no rows".formatted(name), emptySeverity);
				return null;
			}
			return new Sheet(name, positions, rows);
		}

		/** Maps each known column to its 1-based position in the header, 0 when absent. */
		private int @Nullable [] header(String file, int line, CSVRecord header, Column[] columns,
				Set<? extends Column> required) {
			Map<String, Column> byAlias = new HashMap<>();
			for (Column column : columns) {
				for (String alias : column.aliases()) {
					byAlias.putIfAbsent(normaliseHeader(alias), column);
				}
			}
			int[] positions = new int[columns.length];
			List<String> ignored = new ArrayList<>();
			int firstIgnored = 0;
			for (int i = 0; i < header.size(); i++) {
				String title = clean(header.get(i));
				if (title == null) {
					continue;
				}
				Column column = byAlias.get(normaliseHeader(title));
				if (column != null && positions[column.ordinal()] == 0) {
					positions[column.ordinal()] = i + 1;
					continue;
				}
				ignored.add((column == null) ? "'%s'".formatted(title) : "'%s' (column %d already gives %s)"
					.formatted(title, positions[column.ordinal()], column.label()));
				if (firstIgnored == 0) {
					firstIgnored = i + 1;
				}
			}
			if (!ignored.isEmpty()) {
				warn(Location.of(file, line, firstIgnored), ProblemCodes.UNKNOWN_FIELD,
						"%s: column%s %s not read".formatted(file, (ignored.size() > 1) ? "s" : "",
								String.join(", ", ignored)));
			}
			boolean complete = true;
			for (Column column : columns) {
				if (required.contains(column) && positions[column.ordinal()] == 0) {
					fatal(Location.of(file, line, 0), ProblemCodes.MISSING_COLUMN,
							"%s has no %s column (accepted headers: %s)".formatted(file, column.label(),
									String.join(", ", column.aliases())));
					complete = false;
				}
			}
			return complete ? positions : null;
		}

		/** Commons CSV gave up: find where quoting broke, which its message does not say exactly. */
		private void malformed(String file, String text, int from, char delimiter, @Nullable Throwable cause) {
			QuoteProblem problem = QuoteProblem.find(text, from, delimiter);
			if (problem != null) {
				LineCounter lines = new LineCounter(text);
				int line = lines.lineAt(problem.position());
				int character = problem.position() - lines.lineStart() + 1;
				fatal(Location.of(file, line, problem.cell()), ProblemCodes.MALFORMED_CSV,
						"line %d, cell %d, character %d: %s".formatted(line, problem.cell(), character,
								problem.message()));
			}
			else {
				int line = new LineCounter(text).lineAt(from);
				fatal(Location.of(file, line, 0), ProblemCodes.MALFORMED_CSV,
						"cannot read the CSV after line %d: %s".formatted(line,
								(cause != null) ? cause.getMessage() : "malformed quoting"));
			}
		}

		private boolean duplicateRow(Sheet sheet, Row row, Map<List<@Nullable String>, Integer> seen) {
			Integer first = seen.putIfAbsent(Arrays.asList(row.values()), row.line());
			if (first == null) {
				return false;
			}
			warn(Location.of(sheet.file(), row.line(), 1), ProblemCodes.DUPLICATE_ROW,
					"line %d repeats line %d; it was read once".formatted(row.line(), first));
			return true;
		}

		private @Nullable Integer count(Sheet sheet, Row row, Column column) {
			String value = sheet.get(row, column);
			if (value == null) {
				return null;
			}
			Matcher matcher = COUNT.matcher(value);
			if (matcher.matches()) {
				return Integer.valueOf(matcher.group(1));
			}
			error(sheet.at(row, column), ProblemCodes.BAD_VALUE,
					"%s '%s' is not a whole number of seats".formatted(column.label(), value));
			return null;
		}

		private void missing(Sheet sheet, Row row, Column column, String what) {
			error(sheet.at(row, column), ProblemCodes.MISSING_FIELD,
					"line %d has no %s (column %s)".formatted(row.line(), what, column.label()));
		}

		private void fatal(Location at, String code, String message) {
			this.unreadable = true;
			error(at, code, message);
		}

		private void error(Location at, String code, String message) {
			this.problems.add(ImportProblem.error(at, code, message));
		}

		private void warn(Location at, String code, String message) {
			this.problems.add(ImportProblem.warning(at, code, message));
		}

		private void problem(Location at, String code, String message, Severity severity) {
			if (severity == Severity.ERROR) {
				fatal(at, code, message);
			}
			else {
				warn(at, code, message);
			}
		}

	}

	private static List<@Nullable String> cells(CSVRecord record) {
		List<@Nullable String> cells = new ArrayList<>(record.size());
		for (String value : record) {
			cells.add(clean(value));
		}
		return cells;
	}

	private static boolean isBlankRecord(CSVRecord record) {
		for (String value : record) {
			if (clean(value) != null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Comma unless the header line plainly uses semicolons (European Excel) or tabs; quoted
	 * text is not counted. Only the header line counts: in a one-column file (org.csv with
	 * just a name) a semicolon or tab in the value below is text, not a separator.
	 */
	static char sniffDelimiter(String text) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		boolean header = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				if (c == '\n' || c == '\r') {
					if (header || commas + semicolons + tabs > 0) {
						break;
					}
				}
				else if (c == ',') {
					commas++;
				}
				else if (c == ';') {
					semicolons++;
				}
				else if (c == '\t') {
					tabs++;
				}
			}
			header |= !Character.isWhitespace(c);
		}
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return (tabs > commas) ? '\t' : ',';
	}

	/**
	 * Physical line numbers of positions in the text, counted forward only: a record's
	 * position comes from Commons CSV, so quoted line breaks inside cells are counted too.
	 */
	private static final class LineCounter {

		private final String text;

		private int position;

		private int line = 1;

		private int lineStart;

		LineCounter(String text) {
			this.text = text;
		}

		int lineAt(int target) {
			for (; this.position < target; this.position++) {
				char c = this.text.charAt(this.position);
				if (c == '\n' || (c == '\r' && (this.position + 1 >= this.text.length()
						|| this.text.charAt(this.position + 1) != '\n'))) {
					this.line++;
					this.lineStart = this.position + 1;
				}
			}
			return this.line;
		}

		int lineStart() {
			return this.lineStart;
		}

	}

	/**
	 * Where RFC 4180 quoting breaks, read the way Commons CSV reads it: a quote opens a cell
	 * only as the cell's first character, a doubled quote inside stands for one, and only
	 * spaces may follow the closing quote before the next delimiter or line end.
	 */
	private record QuoteProblem(int position, int cell, String message) {

		static @Nullable QuoteProblem find(String text, int from, char delimiter) {
			int cell = 1;
			boolean cellStart = true;
			int i = from;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (cellStart && c == '"') {
					int open = i++;
					while (true) {
						if (i >= text.length()) {
							return new QuoteProblem(open, cell, "this quoted cell is never closed");
						}
						if (text.charAt(i) == '"') {
							if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
								i += 2;
								continue;
							}
							i++;
							break;
						}
						i++;
					}
					while (i < text.length() && text.charAt(i) != delimiter && text.charAt(i) != '\n'
							&& text.charAt(i) != '\r') {
						if (!Character.isWhitespace(text.charAt(i))) {
							return new QuoteProblem(i, cell, "text after the closing quote of a quoted cell "
									+ "(write a quote inside a quoted cell as \"\")");
						}
						i++;
					}
					cellStart = false;
					continue;
				}
				if (c == delimiter) {
					cell++;
					cellStart = true;
				}
				else if (c == '\n' || c == '\r') {
					cell = 1;
					cellStart = true;
				}
				else {
					cellStart = false;
				}
				i++;
			}
			return null;
		}

	}

}
