package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.assertj.core.groups.Tuple;
import org.orgraph.HostileStrings;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

import static org.assertj.core.api.Assertions.tuple;
import static org.orgraph.importing.ParserChecks.NOWHERE;
import static org.orgraph.importing.ParserChecks.breaks;

/**
 * Generated CSV bundles for {@link CsvBundleParserHostileTests}: hostile text in every cell,
 * under any documented header, in any column and row order, with any delimiter, line break and
 * byte-order mark, and from what was written the document, people and duties that must be read.
 */
final class HostileCsvBundles {

	static final String ORG = "acme";

	private HostileCsvBundles() {
	}

	static IntStream bundles() {
		return IntStream.range(0, 150);
	}

	// ---- the documented reading of a cell ------------------------------------------------------

	/**
	 * A cell as docs/import-csv.md says it is read: trimmed of whitespace, no-break and
	 * full-width spaces (and byte-order marks), Excel's {@code ="…"} unwrapped; empty is absent.
	 */
	static @Nullable String read(String cell) {
		String value = trim(cell);
		if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
			value = trim(value.substring(2, value.length() - 1));
		}
		return value.isEmpty() ? null : value;
	}

	static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isSpace(value.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

	// ---- files as written ------------------------------------------------------------------------

	/** A field of a file: the headers it may be written under and whether the file needs it. */
	record Field(String name, boolean required, List<String> headers) {

		static Field required(String name, String... headers) {
			return new Field(name, true, List.of(headers));
		}

		static Field optional(String name, String... headers) {
			return new Field(name, false, List.of(headers));
		}

	}

	/** A column Orgraph does not know, read by nobody, reported once per file. */
	static final Field EXTRA = Field.optional("extra", "hire_date", "Cost Centre", "入职日期", "备注");

	/** A CSV file being written: header and rows of cells as typed, rendered as RFC 4180 text. */
	static final class Table {

		final String name;

		final List<Field> fields;

		final List<String> header = new ArrayList<>();

		final List<List<String>> rows = new ArrayList<>();

		final char delimiter;

		final String newline;

		final boolean bom;

		final long layout;

		Table(String name, List<Field> fields, Random random) {
			this.name = name;
			this.fields = fields;
			for (Field field : fields) {
				String header = field.headers().get(random.nextInt(field.headers().size()));
				this.header.add(switch (random.nextInt(4)) {
					case 0 -> header.toUpperCase(Locale.ROOT);
					case 1 -> "*" + header;
					default -> header;
				});
			}
			// a header of one cell has no separator to tell, so it is a comma
			char delimiter = new char[] { ',', ',', ',', ';', '\t' }[random.nextInt(5)];
			this.delimiter = (fields.size() > 1) ? delimiter : ',';
			this.newline = new String[] { "\n", "\r\n", "\r\n", "\r" }[random.nextInt(4)];
			this.bom = random.nextBoolean();
			this.layout = random.nextLong();
		}

		Table(Table source) {
			this.name = source.name;
			this.fields = new ArrayList<>(source.fields);
			this.header.addAll(source.header);
			source.rows.forEach((row) -> this.rows.add(new ArrayList<>(row)));
			this.delimiter = source.delimiter;
			this.newline = source.newline;
			this.bom = source.bom;
			this.layout = source.layout;
		}

		/** 1-based column of a field, 0 when the file has none. */
		int column(String field) {
			for (int i = 0; i < this.fields.size(); i++) {
				if (this.fields.get(i).name().equals(field)) {
					return i + 1;
				}
			}
			return 0;
		}

		boolean has(String field) {
			return column(field) > 0;
		}

		void add(Map<String, String> cells) {
			this.rows.add(this.fields.stream().map((field) -> cells.getOrDefault(field.name(), "")).toList());
		}

		Rendered render() {
			return render(Map.of());
		}

		/**
		 * The file's text; {@code verbatim} maps "row:column" (0-based) to text written as is,
		 * quotes and all. Blank lines, optional quotes and the last line break come from
		 * {@code layout}, so a copy renders alike.
		 */
		Rendered render(Map<String, String> verbatim) {
			Random random = new Random(this.layout);
			StringBuilder text = new StringBuilder();
			int line = 1;
			for (int i = random.nextInt(3) - 1; i > 0; i--) {
				text.append(this.newline);
				line++;
			}
			int headerLine = line;
			line += append(text, this.header, random, Map.of(), -1);
			int[] rowLines = new int[this.rows.size()];
			for (int r = 0; r < this.rows.size(); r++) {
				text.append(this.newline);
				line++;
				if (random.nextInt(8) == 0) {
					text.append(this.newline);
					line++;
				}
				rowLines[r] = line;
				line += append(text, this.rows.get(r), random, verbatim, r);
			}
			if (random.nextInt(4) != 0) {
				text.append(this.newline);
			}
			return new Rendered(text.toString(), headerLine, rowLines);
		}

		/** Appends one record and answers the line breaks inside its cells. */
		private int append(StringBuilder text, List<String> cells, Random random, Map<String, String> verbatim, int row) {
			int breaks = 0;
			for (int c = 0; c < cells.size(); c++) {
				if (c > 0) {
					text.append(this.delimiter);
				}
				String cell = cells.get(c);
				String written = verbatim.get(row + ":" + c);
				if (written == null) {
					boolean quote = cell.indexOf(this.delimiter) >= 0 || cell.indexOf('"') >= 0
							|| cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0 || random.nextInt(4) == 0;
					written = quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
				}
				text.append(written);
				breaks += breaks(written);
			}
			return breaks;
		}

		ImportFile file() {
			return file(render().text());
		}

		ImportFile file(String text) {
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			if (!this.bom) {
				return new ImportFile(this.name, utf8);
			}
			byte[] content = new byte[utf8.length + 3];
			content[0] = (byte) 0xEF;
			content[1] = (byte) 0xBB;
			content[2] = (byte) 0xBF;
			System.arraycopy(utf8, 0, content, 3, utf8.length);
			return new ImportFile(this.name, content);
		}

	}

	/** A file's text and the physical line each record starts on. */
	record Rendered(String text, int headerLine, int[] rowLines) {
	}

	// ---- bundles -------------------------------------------------------------------------------

	/**
	 * A generated bundle, by role ({@code people}, {@code positions}, {@code units},
	 * {@code duties}, {@code org}): its tables and their text, the document they must give,
	 * and where each person and duty must be said to come from.
	 */
	record Bundle(Map<String, Table> tables, Map<String, Rendered> rendered, OrgDocument expected,
			List<Location> peopleAt, List<Tuple> dutiesAt) {

		List<ImportFile> files() {
			return this.tables.keySet().stream().map((role) -> this.tables.get(role).file(text(role))).toList();
		}

		/** The files, with the one of {@code role} replaced (or left out, when {@code file} is null). */
		List<ImportFile> filesWith(String role, @Nullable ImportFile file) {
			List<ImportFile> files = new ArrayList<>();
			for (String each : this.tables.keySet()) {
				if (!each.equals(role)) {
					files.add(this.tables.get(each).file(text(each)));
				}
				else if (file != null) {
					files.add(file);
				}
			}
			return files;
		}

		String text(String role) {
			return this.rendered.get(role).text();
		}

		/** The file without which there is nothing to read: positions.csv when sent, else people.csv. */
		String main() {
			return this.tables.containsKey("positions") ? "positions" : "people";
		}

		List<Tuple> unknownFieldWarnings() {
			List<Tuple> warnings = new ArrayList<>();
			this.tables.forEach((role, table) -> {
				if (table.has(EXTRA.name())) {
					warnings.add(tuple(ProblemCodes.UNKNOWN_FIELD, table.name, this.rendered.get(role).headerLine(),
							table.column(EXTRA.name()), Severity.WARNING));
				}
			});
			return warnings;
		}

	}

	static final List<Field> ORG_FIELDS = List.of(Field.required("name", "name", "Organisation Name", "公司名称"),
			Field.optional("key", "key", "Org Key"));

	static final List<Field> UNIT_FIELDS = List.of(Field.required("key", "key", "Unit ID", "dept_id", "部门编号"),
			Field.required("name", "name", "Unit Name", "部门名称"),
			Field.optional("parent", "parent", "Parent Key", "上级部门"), Field.optional("kind", "kind", "Type", "部门类型"),
			Field.optional("headcount", "planned_headcount", "Headcount", "编制人数"));

	static final List<Field> POSITION_FIELDS = List.of(
			Field.required("key", "key", "Position ID", "岗位编码"),
			Field.required("title", "title", "Position Title", "岗位名称"),
			Field.required("unit", "unit", "Department", "所属部门"),
			Field.optional("reportsTo", "reports_to", "Parent Position", "汇报岗位"),
			Field.optional("headcount", "headcount", "编制"), Field.optional("grade", "grade", "职级"),
			Field.optional("concurrentWith", "concurrent_with", "兼任"));

	/** people.csv on its own: each row a person in a post of their own. */
	static final List<Field> PEOPLE_FIELDS = List.of(
			Field.required("id", "employee_id", "Employee ID", "staff_id", "工号", "员工编号"),
			Field.required("name", "name", "Full Name", "employee_name", "姓名"),
			Field.required("title", "title", "Job Title", "职务"),
			Field.required("department", "department", "Dept", "所属部门"),
			Field.required("manager", "manager_id", "Line Manager ID", "直接上级工号"),
			Field.optional("fte", "fte", "FTE"), Field.optional("acting", "acting", "是否代理"),
			Field.optional("grade", "grade", "Job Grade", "职级"));

	/** people.csv beside positions.csv: who holds which post; title, department and grade unread. */
	static final List<Field> HOLDER_FIELDS = List.of(
			Field.required("id", "employee_id", "Employee ID", "staff_id", "工号", "员工编号"),
			Field.required("name", "name", "Full Name", "employee_name", "姓名"),
			Field.required("position", "position_id", "Post ID", "岗位编号"), Field.optional("fte", "fte", "FTE"),
			Field.optional("acting", "acting", "是否代理"), Field.optional("title", "title", "Job Title", "职务"),
			Field.optional("department", "department", "Dept", "所属部门"), Field.optional("grade", "grade", "职级"));

	static final List<Field> DUTY_FIELDS = List.of(
			Field.required("kind", "holder_kind", "Kind", "承担者类型"),
			Field.required("holder", "holder", "Holder Key", "承担者"),
			Field.required("text", "text", "Description", "职责内容"), Field.optional("key", "key", "Duty ID", "职责编号"));

	static final Map<String, List<String>> FILE_NAMES = Map.of("org",
			List.of("org.csv", "organization.csv", "Organisation.CSV"), "units", List.of("units.csv", "部门.csv"),
			"positions", List.of("positions.csv", "岗位.csv"), "people",
			List.of("people.csv", "employees.csv", "人员.csv", "员工.csv"), "duties", List.of("duties.csv", "职责.csv"));

	static final Map<String, Double> FTES = Map.of("", 1.0, "1", 1.0, "0.5", 0.5, "50%", 0.5, "0,25", 0.25,
			" 0.75 ", 0.75, "1.0", 1.0, "0", 0.0);

	static final Map<String, Boolean> ACTING = Map.of("", false, "yes", true, "No", false, "是", true, "否",
			false, "TRUE", true, "0", false, "1", true, "f", false);

	static final Map<String, Integer> HEADCOUNTS = Map.of("3", 3, "12人", 12, "+2", 2, "4.0", 4, "8 名", 8, "1",
			1);

	static final Map<String, String> HOLDER_KINDS = Map.ofEntries(Map.entry("unit", "unit"),
			Map.entry("Department", "unit"), Map.entry("部门", "unit"), Map.entry("单位", "unit"),
			Map.entry("position", "position"), Map.entry("Post", "position"), Map.entry("岗位", "position"),
			Map.entry("person", "person"), Map.entry("Employee", "person"), Map.entry("员工", "person"));

	/** Writes one random bundle and works out, from what it wrote, what must be read. */
	static final class Generator {

		static final int LONG = 40_000;

		private final Random random;

		/** Every key, department and duty text as read, so that none is written twice. */
		private final Set<String> taken = new HashSet<>();

		private final Map<String, Table> tables = new LinkedHashMap<>();

		private final List<Unit> units = new ArrayList<>();

		private final List<Position> positions = new ArrayList<>();

		private final List<Person> people = new ArrayList<>();

		/** Each employee's post, for duties given to a person. */
		private final Map<String, String> postOf = new LinkedHashMap<>();

		private final Map<String, List<Duty>> unitDuties = new HashMap<>();

		private final Map<String, List<Duty>> postDuties = new HashMap<>();

		private final List<String> dutyTexts = new ArrayList<>();

		Generator(Random random) {
			this.random = random;
		}

		Bundle bundle() {
			String orgName = (this.random.nextInt(3) == 0) ? org() : ORG;
			List<String> unitKeys = this.random.nextBoolean() ? units() : List.of();
			List<String> departments = new ArrayList<>(unitKeys);
			for (int i = unitKeys.isEmpty() ? 1 + this.random.nextInt(3) : 0; i > 0; i--) {
				departments.add(uniqueKey());
			}
			if (this.random.nextBoolean()) {
				positionsAndHolders(departments);
			}
			else {
				peopleInOwnPosts(departments);
			}
			if (unitKeys.isEmpty()) {
				// without units.csv the units are the departments, in the order they are first named
				for (Position position : this.positions) {
					if (this.units.stream().noneMatch((unit) -> unit.key().equals(position.unit()))) {
						this.units.add(new Unit(position.unit(), position.unit(), null, null, null, List.of(), NOWHERE));
					}
				}
			}
			if (this.random.nextInt(3) != 0) {
				duties();
			}

			Map<String, Rendered> rendered = new HashMap<>();
			this.tables.forEach((role, table) -> rendered.put(role, table.render()));
			Table peopleTable = this.tables.get("people");
			List<Location> peopleAt = new ArrayList<>();
			for (int r = 0; r < peopleTable.rows.size(); r++) {
				int line = rendered.get("people").rowLines()[r];
				peopleAt.add(Location.of(peopleTable.name, line, peopleTable.column("id")));
			}
			List<Tuple> dutiesAt = new ArrayList<>();
			Table dutyTable = this.tables.get("duties");
			for (int r = 0; dutyTable != null && r < dutyTable.rows.size(); r++) {
				List<String> row = dutyTable.rows.get(r);
				boolean keyed = dutyTable.has("key") && read(row.get(dutyTable.column("key") - 1)) != null;
				Location at = Location.of(dutyTable.name, rendered.get("duties").rowLines()[r],
						dutyTable.column(keyed ? "key" : "text"));
				dutiesAt.add(tuple(Differences.shown(this.dutyTexts.get(r)), at));
			}
			OrgDocument expected = new OrgDocument(ORG, orgName,
					this.units.stream()
						.map((u) -> new Unit(u.key(), u.name(), u.parent(), u.kind(), u.plannedHeadcount(),
								this.unitDuties.getOrDefault(u.key(), List.of()), NOWHERE))
						.toList(),
					this.positions.stream()
						.map((p) -> new Position(p.key(), p.title(), p.unit(), p.reportsTo(), p.headcount(), p.grade(),
								this.postDuties.getOrDefault(p.key(), List.of()), p.concurrentWith(), 0, NOWHERE))
						.toList(),
					this.people, Map.of());
			return new Bundle(this.tables, rendered, expected, peopleAt, dutiesAt);
		}

		private String org() {
			Table table = table("org", ORG_FIELDS);
			String name = hostile();
			add(table, Map.of("name", name, "key", ORG));
			return read(name);
		}

		private List<String> units() {
			Table table = table("units", UNIT_FIELDS);
			List<String> keys = new ArrayList<>();
			List<Map<String, String>> rows = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(4); i > 0; i--) {
				keys.add(uniqueKey());
			}
			for (int i = 0; i < keys.size(); i++) {
				String parent = (table.has("parent") && i > 0 && this.random.nextInt(3) != 0)
						? keys.get(this.random.nextInt(i)) : null;
				String name = hostile();
				String kind = (table.has("kind") && this.random.nextBoolean()) ? hostile() : "";
				String headcount = (table.has("headcount") && this.random.nextBoolean()) ? pick(HEADCOUNTS.keySet()) : "";
				this.units.add(new Unit(keys.get(i), read(name), parent, read(kind), HEADCOUNTS.get(headcount), List.of(),
						NOWHERE));
				rows.add(Map.of("key", keyCell(keys.get(i)), "name", name, "parent", keyCell(parent), "kind", kind,
						"headcount", headcount));
			}
			// parents may come after their children
			reorder(this.units, addShuffled(table, rows));
			return keys;
		}

		/** positions.csv, and people.csv saying who holds which post. */
		private void positionsAndHolders(List<String> departments) {
			Table table = table("positions", POSITION_FIELDS);
			List<String> keys = new ArrayList<>();
			List<Map<String, String>> rows = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(5); i > 0; i--) {
				keys.add(uniqueKey());
			}
			for (int i = 0; i < keys.size(); i++) {
				String title = hostile();
				String unit = departments.get(this.random.nextInt(departments.size()));
				String reportsTo = (table.has("reportsTo") && i > 0 && this.random.nextInt(4) != 0)
						? keys.get(this.random.nextInt(i)) : null;
				String headcount = (table.has("headcount") && this.random.nextBoolean()) ? pick(HEADCOUNTS.keySet()) : "";
				String grade = (table.has("grade") && this.random.nextBoolean()) ? hostile() : "";
				String concurrentWith = (table.has("concurrentWith") && keys.size() > 1 && this.random.nextInt(6) == 0)
						? keys.get((i + 1 + this.random.nextInt(keys.size() - 1)) % keys.size()) : null;
				this.positions.add(new Position(keys.get(i), read(title), unit, reportsTo, HEADCOUNTS.get(headcount),
						read(grade), List.of(), concurrentWith, 0, NOWHERE));
				rows.add(Map.of("key", keyCell(keys.get(i)), "title", title, "unit", keyCell(unit), "reportsTo",
						keyCell(reportsTo), "headcount", headcount, "grade", grade, "concurrentWith",
						keyCell(concurrentWith)));
			}
			reorder(this.positions, addShuffled(table, rows));

			Table holders = table("people", HOLDER_FIELDS);
			rows = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(5); i > 0; i--) {
				String id = uniqueKey();
				String name = hostile();
				String post = keys.get(this.random.nextInt(keys.size()));
				String fte = holders.has("fte") ? pick(FTES.keySet()) : "";
				String acting = holders.has("acting") ? pick(ACTING.keySet()) : "";
				this.people.add(new Person(id, read(name),
						List.of(new Holding(post, FTES.get(fte), ACTING.get(acting), NOWHERE)), NOWHERE));
				this.postOf.put(id, post);
				rows.add(Map.of("id", keyCell(id), "name", name, "position", keyCell(post), "fte", fte, "acting", acting,
						"title", hostile(), "department", hostile(), "grade", hostile()));
			}
			reorder(this.people, addShuffled(holders, rows));
		}

		/** people.csv alone: everyone in a post of their own, reporting to their manager's. */
		private void peopleInOwnPosts(List<String> departments) {
			Table table = table("people", PEOPLE_FIELDS);
			List<String> ids = new ArrayList<>();
			List<Map<String, String>> rows = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(6); i > 0; i--) {
				ids.add(uniqueKey());
			}
			for (int i = 0; i < ids.size(); i++) {
				String id = ids.get(i);
				String post = CsvBundleParser.OWN_POSITION_PREFIX + id;
				String name = hostile();
				String title = hostile();
				String unit = departments.get(this.random.nextInt(departments.size()));
				String manager = (i > 0 && this.random.nextInt(5) != 0) ? ids.get(this.random.nextInt(i)) : null;
				String fte = table.has("fte") ? pick(FTES.keySet()) : "";
				String acting = table.has("acting") ? pick(ACTING.keySet()) : "";
				String grade = (table.has("grade") && this.random.nextBoolean()) ? hostile() : "";
				this.positions.add(new Position(post, read(title), unit,
						(manager == null) ? null : CsvBundleParser.OWN_POSITION_PREFIX + manager, null, read(grade),
						List.of(), null, 0, NOWHERE));
				this.people.add(new Person(id, read(name),
						List.of(new Holding(post, FTES.get(fte), ACTING.get(acting), NOWHERE)), NOWHERE));
				this.postOf.put(id, post);
				rows.add(Map.of("id", keyCell(id), "name", name, "title", title, "department", keyCell(unit), "manager",
						keyCell(manager), "fte", fte, "acting", acting, "grade", grade));
			}
			// managers may come after their staff; posts are read in the order of the file
			List<Integer> order = addShuffled(table, rows);
			reorder(this.people, order);
			reorder(this.positions, order);
		}

		/** duties.csv: each duty on a unit, a post, or the post an employee holds. */
		private void duties() {
			Table table = table("duties", DUTY_FIELDS);
			List<String> employees = new ArrayList<>(this.postOf.keySet());
			for (int i = 1 + this.random.nextInt(6); i > 0; i--) {
				String kind = pick(HOLDER_KINDS.keySet());
				String text = uniqueCell();
				String key = (table.has("key") && this.random.nextBoolean()) ? uniqueKey() : null;
				Duty duty = new Duty(key, read(text), NOWHERE);
				String holder;
				switch (HOLDER_KINDS.get(kind)) {
					case "unit" -> {
						holder = this.units.get(this.random.nextInt(this.units.size())).key();
						this.unitDuties.computeIfAbsent(holder, (k) -> new ArrayList<>()).add(duty);
					}
					case "position" -> {
						holder = this.positions.get(this.random.nextInt(this.positions.size())).key();
						this.postDuties.computeIfAbsent(holder, (k) -> new ArrayList<>()).add(duty);
					}
					default -> {
						holder = employees.get(this.random.nextInt(employees.size()));
						this.postDuties.computeIfAbsent(this.postOf.get(holder), (k) -> new ArrayList<>()).add(duty);
					}
				}
				add(table, Map.of("kind", kind, "holder", keyCell(holder), "text", text, "key", keyCell(key)));
				this.dutyTexts.add(read(text));
			}
		}

		/** A table with the required fields, some optional ones, perhaps a column nobody reads, shuffled. */
		private Table table(String role, List<Field> fields) {
			List<Field> chosen = new ArrayList<>();
			for (Field field : fields) {
				if (field.required() || this.random.nextBoolean()) {
					chosen.add(field);
				}
			}
			if (this.random.nextInt(3) == 0) {
				chosen.add(EXTRA);
			}
			Collections.shuffle(chosen, this.random);
			String name = pick(FILE_NAMES.get(role));
			name = switch (this.random.nextInt(6)) {
				// folders, whatever they are called, and the case of the name do not matter
				case 0 -> pick(List.of("Export", "../..", "导出 2024", "\u202Eevil", "a\u0000b")) + "/" + name;
				case 1 -> "C:\\HR\\" + name.toUpperCase(Locale.ROOT);
				default -> name;
			};
			Table table = new Table(name, chosen, this.random);
			this.tables.put(role, table);
			return table;
		}

		private void add(Table table, Map<String, String> cells) {
			Map<String, String> row = new HashMap<>(cells);
			if (table.has(EXTRA.name())) {
				row.put(EXTRA.name(), hostile());
			}
			table.add(row);
		}

		/** Adds the rows in random order and answers the order. */
		private List<Integer> addShuffled(Table table, List<Map<String, String>> rows) {
			List<Integer> order = new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
			Collections.shuffle(order, this.random);
			order.forEach((i) -> add(table, rows.get(i)));
			return order;
		}

		private static <T> void reorder(List<T> items, List<Integer> order) {
			List<T> copy = new ArrayList<>(items);
			for (int i = 0; i < order.size(); i++) {
				items.set(i, copy.get(order.get(i)));
			}
		}

		/**
		 * A hostile cell that reads as something. Of the very long values the samples hold,
		 * one in three is kept, cut to at most {@value #LONG} characters, so that a bundle
		 * has one or two of them, not a dozen of up to a million.
		 */
		String hostile() {
			String value = HostileStrings.sample(this.random);
			if (value.length() > 1000 && this.random.nextInt(3) != 0) {
				return hostile();
			}
			if (value.length() > LONG) {
				value = value.substring(0, Character.isLowSurrogate(value.charAt(LONG)) ? LONG - 1 : LONG);
			}
			return (read(value) == null) ? hostile() : value;
		}

		/** A hostile cell that reads as nothing read before. */
		String uniqueCell() {
			String value = hostile();
			return this.taken.add(read(value)) ? value : uniqueCell();
		}

		/** A new hostile key, as read: mostly short enough to store, now and then not. */
		String uniqueKey() {
			String key = read(hostile());
			if (key.length() > OrgValidator.MAX_KEY_LENGTH && this.random.nextInt(10) != 0) {
				return uniqueKey();
			}
			return this.taken.add(key) ? key : uniqueKey();
		}

		/** A cell that reads as {@code key}: as is, or the way Excel keeps leading zeros; empty for none. */
		String keyCell(@Nullable String key) {
			if (key == null) {
				return "";
			}
			return (this.random.nextInt(5) == 0 || !key.equals(read(key))) ? "=\"" + key + "\"" : key;
		}

		private String pick(Collection<String> values) {
			List<String> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			return sorted.get(this.random.nextInt(sorted.size()));
		}

	}

}
