package org.orgraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;
import org.orgraph.importing.Table.Row;

/**
 * Reads a UK government organogram as departments publish it: one senior-posts CSV (a row per
 * post, with the post it reports to) and optionally one junior-posts CSV (staff counted in FTE
 * under a senior post). Files are recognised by their columns, not their names. Column names
 * are matched after lower-casing and dropping everything but letters and digits, because
 * releases spell them differently ("Reports To Senior Post", "Job / Team Function").
 * <p>
 * Everything the published conventions say is read as they say (XX = top, N/D = not
 * disclosed, Vacant, Eliminated, post 0); anything else odd is loaded as written and reported,
 * never repaired silently. Reporting lines are kept raw: whether a manager exists is the
 * validator's question.
 */
final class UkOrganogramParser implements FormatParser {

	static final String FORMAT = "uk-organogram";

	static final String NOT_DISCLOSED = "Not disclosed";

	// trailing data: "odd quoting" such as "Smith" Jr, which strict RFC 4180 rejects outright
	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrailingData(true).get();

	private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** The columns read, under the names the schema gives them and the variants releases use. */
	private static final ColumnSpec REFERENCE = ColumnSpec.of("Post Unique Reference");

	private static final ColumnSpec NAME = ColumnSpec.of("Name");

	private static final ColumnSpec GRADE = ColumnSpec.of("Grade (or equivalent)", "Grade");

	private static final ColumnSpec TITLE = ColumnSpec.of("Job Title");

	private static final ColumnSpec FUNCTION = ColumnSpec.of("Job/Team Function");

	private static final ColumnSpec PARENT_DEPARTMENT = ColumnSpec.of("Parent Department");

	private static final ColumnSpec ORGANISATION = ColumnSpec.of("Organisation", "Organization");

	private static final ColumnSpec UNIT = ColumnSpec.of("Unit");

	private static final ColumnSpec REPORTS_TO = ColumnSpec.of("Reports to Senior Post");

	private static final ColumnSpec FTE = ColumnSpec.of("FTE");

	private static final ColumnSpec REPORTING_SENIOR_POST = ColumnSpec.of("Reporting Senior Post");

	private static final ColumnSpec JUNIOR_FTE = ColumnSpec.of("Number of Posts in FTE");

	private static final ColumnSpec DATE = ColumnSpec.of("As at date", "As of date", "As at", "As of", "Snapshot date",
			"Reference date", "Effective date", "Date");

	private static final List<ColumnSpec> COLUMNS = List.of(REFERENCE, NAME, GRADE, TITLE, FUNCTION, PARENT_DEPARTMENT,
			ORGANISATION, UNIT, REPORTS_TO, FTE, REPORTING_SENIOR_POST, JUNIOR_FTE, DATE);

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public ParseResult parse(String orgKey, List<ImportFile> files) {
		List<ImportProblem> problems = new ArrayList<>();
		List<Table> seniors = new ArrayList<>();
		List<Table> juniors = new ArrayList<>();
		boolean unreadable = false;
		for (ImportFile file : files) {
			PostsFile sheet = read(file, problems);
			if (sheet == null) {
				unreadable = true;
			}
			else {
				(sheet.kind() == Kind.SENIOR ? seniors : juniors).add(sheet.table());
			}
		}
		if (seniors.isEmpty()) {
			if (!unreadable) {
				problems.add(ImportProblem.error(Location.of("", 0, 0), ProblemCodes.MISSING_FILE,
						"no senior-posts file (with columns \"Post Unique Reference\" and \"Reports to Senior Post\") among the %d file(s) given"
							.formatted(files.size())));
			}
			return new ParseResult(null, problems);
		}
		if (seniors.size() > 1) {
			for (Table extra : seniors.subList(1, seniors.size())) {
				problems.add(ImportProblem.error(Location.of(extra.file(), 1, 0), ProblemCodes.MISSING_FILE,
						"exactly one senior-posts file expected, but %s is one too, besides %s".formatted(extra.file(),
								seniors.getFirst().file())));
			}
			return new ParseResult(null, problems);
		}
		for (Table extra : juniors.subList(Math.min(1, juniors.size()), juniors.size())) {
			problems.add(ImportProblem.error(Location.of(extra.file(), 1, 0), ProblemCodes.MISSING_FILE,
					"at most one junior-posts file expected, but %s is one too, besides %s".formatted(extra.file(),
							juniors.getFirst().file())));
		}
		Reading reading = new Reading(orgKey, seniors.getFirst(), problems);
		if (juniors.size() == 1) {
			reading.juniors(juniors.getFirst());
		}
		return new ParseResult(reading.document(files), problems);
	}

	/** Decodes and splits one file, and tells senior from junior by its header. */
	private static @Nullable PostsFile read(ImportFile file, List<ImportProblem> problems) {
		String text;
		try {
			TextDecoder.Decoded decoded = TextDecoder.decode(file.content());
			text = decoded.text();
			if (!StandardCharsets.UTF_8.equals(decoded.charset())) {
				// GBK reads Windows-1252 accents and £ as Chinese: for a UK file that is never right
				int at = firstNonAscii(text);
				LineIndex lines = new LineIndex(text);
				problems.add(ImportProblem.error(Location.of(file.name(), lines.lineOf(at), lines.columnOf(at)),
						ProblemCodes.BAD_ENCODING,
						"%s is not UTF-8 (it only reads as %s, which a UK organogram never is; probably Windows-1252); save the file as UTF-8"
							.formatted(file.name(), decoded.charset().name())));
				return null;
			}
		}
		catch (TextDecoder.UndecodableException ex) {
			problems.add(ImportProblem.error(Location.of(file.name(), ex.line(), ex.column()), ProblemCodes.BAD_ENCODING,
					ex.getMessage()));
			return null;
		}
		LineIndex lines = new LineIndex(text);
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSV.parse(new StringReader(text))) {
			for (CSVRecord record : parser) {
				rows.add(new Row(lines.lineOf(contentStart(text, record.getCharacterPosition())), record.toList()));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			int line = rows.isEmpty() ? 1 : rows.getLast().nextLine();
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			problems.add(ImportProblem.error(Location.of(file.name(), line, 0), ProblemCodes.MALFORMED_CSV,
					"cannot read the CSV from the record starting on line %d: %s".formatted(line, cause.getMessage())));
			return null;
		}
		if (rows.isEmpty()) {
			problems.add(ImportProblem.error(Location.of(file.name(), 0, 0), ProblemCodes.EMPTY_FILE,
					file.name() + " is empty"));
			return null;
		}
		return classify(file.name(), rows, problems);
	}

	/**
	 * Where a record's text starts. Commons CSV gives the position where it began reading the
	 * record, before the empty lines it skips; the record is on the line after them.
	 */
	private static int contentStart(String text, long position) {
		int start = (int) position;
		while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
			start++;
		}
		return start;
	}

	private static @Nullable PostsFile classify(String file, List<Row> rows, List<ImportProblem> problems) {
		Row header = rows.getFirst();
		Map<ColumnSpec, Integer> columns = LinkedHashMap.newLinkedHashMap(COLUMNS.size());
		int width = 0;
		for (ColumnSpec column : COLUMNS) {
			columns.put(column, find(column, header.cells()) + 1);
		}
		for (int i = 0; i < header.cells().size(); i++) {
			if (!normalise(header.cells().get(i)).isEmpty()) {
				width = i + 1;
			}
		}
		Location headerAt = Location.of(file, header.line(), 0);
		@Nullable Kind kind = Kind.SENIOR.isIn(columns) ? Kind.SENIOR : Kind.JUNIOR.isIn(columns) ? Kind.JUNIOR : null;
		if (kind == null) {
			problems.add(ImportProblem.error(headerAt, ProblemCodes.MISSING_COLUMN,
					"%s is neither a senior-posts file (lacks %s) nor a junior-posts file (lacks %s)".formatted(file,
							Kind.SENIOR.missing(columns, Kind.SENIOR.identifying),
							Kind.JUNIOR.missing(columns, Kind.JUNIOR.identifying))));
			return null;
		}
		String missing = kind.missing(columns, kind.required);
		if (!missing.isEmpty()) {
			problems.add(ImportProblem.error(headerAt, ProblemCodes.MISSING_COLUMN,
					"%s looks like a %s file but lacks %s".formatted(file, kind.label, missing)));
			return null;
		}
		if (rows.size() == 1) {
			String message = "%s has a header but no rows".formatted(file);
			if (kind == Kind.SENIOR) {
				problems.add(ImportProblem.error(headerAt, ProblemCodes.HEADER_ONLY, message + ": no posts to load"));
				return null;
			}
			problems.add(ImportProblem.warning(headerAt, ProblemCodes.HEADER_ONLY, message + ": no junior staff counted"));
		}
		return new PostsFile(kind, new Table(file, columns, width, rows.subList(1, rows.size())));
	}

	/** Index in the header, -1 when absent; preferred spellings first, then leftmost. */
	private static int find(ColumnSpec column, List<String> header) {
		for (String alias : column.aliases()) {
			String name = normalise(alias);
			for (int i = 0; i < header.size(); i++) {
				if (normalise(header.get(i)).equals(name)) {
					return i;
				}
			}
		}
		return -1;
	}

	/** A file read as senior or junior posts. */
	private record PostsFile(Kind kind, Table table) {
	}

	/** The cell as written; empty when the file lacks the column or the row is short of it. */
	private static String cell(Table sheet, Row row, ColumnSpec column) {
		@Nullable String cell = sheet.cell(row, column);
		return (cell != null) ? cell : "";
	}

	private static String value(Table sheet, Row row, ColumnSpec column) {
		return clean(cell(sheet, row, column));
	}

	/** A free-text value: also without wrapping quotes and list artefacts. */
	private static String text(Table sheet, Row row, ColumnSpec column) {
		return unlist(holderName(cell(sheet, row, column)));
	}

	private static boolean isBlank(Row row) {
		return row.cells().stream().allMatch((cell) -> clean(cell).isEmpty());
	}

	/** State of one parse: the senior posts first, then the junior counts hung under them. */
	private static final class Reading {

		private final String orgKey;

		private final Table senior;

		private final List<ImportProblem> problems;

		private final String organisation;

		private final Map<String, Unit> units = new LinkedHashMap<>();

		private final Map<String, Post> posts = new LinkedHashMap<>();

		private final Map<String, Integer> eliminated = new HashMap<>();

		/** The first row of each reference that is not marked Eliminated. */
		private final Map<String, Integer> liveRows = new HashMap<>();

		/** Posts whose manager was eliminated, and that manager's reference. */
		private final Map<String, String> linesToEliminated = new LinkedHashMap<>();

		private @Nullable DataDate asOf;

		private final List<Person> people = new ArrayList<>();

		private final Map<String, BigDecimal> juniorFte = new HashMap<>();

		private BigDecimal juniorFteTotal = BigDecimal.ZERO;

		private BigDecimal juniorFteUnassigned = BigDecimal.ZERO;

		private int seniorRows;

		private int juniorRows;

		Reading(String orgKey, Table senior, List<ImportProblem> problems) {
			this.orgKey = orgKey;
			this.senior = senior;
			this.problems = problems;
			this.organisation = organisationName();
			for (Row row : senior.rows()) {
				String ref = value(senior, row, REFERENCE);
				if (!isBlank(row) && !ref.isEmpty()
						&& Holder.of(holderName(cell(senior, row, NAME))) != Holder.ELIMINATED) {
					this.liveRows.putIfAbsent(ref, row.line());
				}
			}
			for (Row row : senior.rows()) {
				@Nullable String date = senior.has(DATE) ? DataDate.parse(value(senior, row, DATE)) : null;
				if (date != null && this.asOf == null) {
					this.asOf = new DataDate(date, "column");
				}
				if (!isBlank(row)) {
					this.seniorRows++;
					checkWidth(senior, row);
					post(row);
				}
			}
			detachFromEliminated();
		}

		/**
		 * A post reporting to an eliminated post reports, in this release, to nobody it names.
		 * It is loaded as a top post, and the warning says why, so that the extra top explains
		 * itself; which post took over the line is the next release's to say, not ours to guess.
		 */
		private void detachFromEliminated() {
			for (Post post : this.posts.values()) {
				@Nullable Integer gone = (post.reportsTo != null && !this.posts.containsKey(post.reportsTo))
						? this.eliminated.get(post.reportsTo) : null;
				if (gone != null) {
					warn(Location.of(this.senior.file(), post.at.line(), this.senior.number(REPORTS_TO)),
							ProblemCodes.ELIMINATED_POST,
							"post %s reports to %s, which is marked Eliminated on line %d; loaded as a top post without a reporting line"
								.formatted(post.ref, post.reportsTo, gone));
					this.linesToEliminated.put(post.ref, post.reportsTo);
					post.reportsTo = null;
				}
			}
		}

		private String organisationName() {
			for (Row row : this.senior.rows()) {
				String name = firstNonEmpty(value(this.senior, row, ORGANISATION),
						value(this.senior, row, PARENT_DEPARTMENT));
				if (!name.isEmpty()) {
					return name;
				}
			}
			warn(Location.of(this.senior.file(), 2, this.senior.number(ORGANISATION)), ProblemCodes.EMPTY_VALUE,
					"no row names its Organisation or Parent Department; the organisation is named after its key "
							+ this.orgKey);
			return this.orgKey;
		}

		private void post(Row row) {
			Table sheet = this.senior;
			String ref = value(sheet, row, REFERENCE);
			if (ref.isEmpty()) {
				warn(sheet.at(row, REFERENCE), ProblemCodes.EMPTY_VALUE, "no Post Unique Reference; row skipped");
				return;
			}
			if (ref.equals("0")) {
				warn(sheet.at(row, REFERENCE), ProblemCodes.BAD_VALUE,
						"post reference 0 (paid but not in a post) on line %d; row skipped".formatted(row.line()));
				return;
			}
			String name = holderName(cell(sheet, row, NAME));
			Holder holder = Holder.of(name);
			if (holder == Holder.ELIMINATED) {
				@Nullable Integer live = this.liveRows.get(ref);
				if (live != null) {
					// stated rule: a row naming a holder, N/D or Vacant describes a post that exists
					warn(sheet.at(row, NAME), ProblemCodes.DUPLICATE_ROW,
							"post %s is marked Eliminated on line %d but appears as a live post on line %d; loaded from its live row(s), the Eliminated row ignored"
								.formatted(ref, row.line(), live));
					return;
				}
				this.eliminated.putIfAbsent(ref, row.line());
				warn(sheet.at(row, NAME), ProblemCodes.ELIMINATED_POST,
						"post %s on line %d is marked Eliminated (gone since the last release); not loaded"
							.formatted(ref, row.line()));
				return;
			}
			String unitName = text(sheet, row, UNIT);
			String title = text(sheet, row, TITLE);
			String reportsToRaw = value(sheet, row, REPORTS_TO);
			Post post = this.posts.get(ref);
			if (post == null) {
				post = newPost(row, ref, unitName, title, reportsToRaw);
				this.posts.put(ref, post);
			}
			else {
				List<String> differing = new ArrayList<>();
				differ(differing, "Job Title", post.title, title);
				differ(differing, "Reports to Senior Post", post.reportsToRaw, reportsToRaw);
				differ(differing, "Unit", post.unitRaw, unitName);
				String conflict = differing.isEmpty() ? ""
						: "; it differs in %s, line %d's values kept".formatted(String.join(", ", differing),
								post.at.line());
				@Nullable Integer same = (holder == Holder.NAMED) ? post.holders.get(name.toLowerCase(Locale.ROOT)) : null;
				if (same != null) {
					warn(sheet.at(row, REFERENCE), ProblemCodes.DUPLICATE_ROW,
							"post %s on line %d repeats line %d with the same holder %s; counted once%s"
								.formatted(ref, row.line(), same, name, conflict));
					return;
				}
				if (!differing.isEmpty()) {
					// a job share is normal; rows of one post that disagree are not
					warn(sheet.at(row, REFERENCE), ProblemCodes.DUPLICATE_ROW,
							"post %s appears again on line %d (first on line %d), read as a job share of %d seats%s"
								.formatted(ref, row.line(), post.at.line(), post.seats + 1, conflict));
				}
			}
			post.seats++;
			if (holder == Holder.VACANT) {
				return;
			}
			double fte = fte(row, ref);
			String key = (post.seats == 1) ? ref + "-holder" : ref + "-holder-" + post.seats;
			Location fteAt = sheet.has(FTE) ? sheet.at(row, FTE) : sheet.at(row, NAME);
			if (holder == Holder.NAMED) {
				post.holders.putIfAbsent(name.toLowerCase(Locale.ROOT), row.line());
			}
			this.people.add(new Person(key, (holder == Holder.UNDISCLOSED) ? NOT_DISCLOSED : name,
					List.of(new Holding(ref, fte, false, fteAt)), sheet.at(row, NAME)));
		}

		private Post newPost(Row row, String ref, String unitName, String title, String reportsToRaw) {
			Table sheet = this.senior;
			String organisationUnit = organisationUnit(sheet, row);
			@Nullable String unit = unit(sheet, row, organisationUnit);
			if (unit == null) {
				warn(sheet.at(row, UNIT), ProblemCodes.EMPTY_VALUE,
						"post %s has no Unit; placed directly in %s".formatted(ref, organisationUnit));
				unit = organisationUnit;
			}
			if (title.isEmpty()) {
				warn(sheet.at(row, TITLE), ProblemCodes.EMPTY_VALUE,
						"post %s has no Job Title".formatted(ref));
			}
			@Nullable String reportsTo = reportsToRaw;
			if (reportsToRaw.equalsIgnoreCase("XX")) {
				reportsTo = null;
			}
			else if (reportsToRaw.isEmpty()) {
				warn(sheet.at(row, REPORTS_TO), ProblemCodes.EMPTY_VALUE,
						"post %s has a blank Reports to Senior Post; loaded as a top post reporting to nobody, as if it said XX"
							.formatted(ref));
				reportsTo = null;
			}
			String function = text(sheet, row, FUNCTION);
			List<Duty> duties = function.isEmpty() ? List.of()
					: List.of(new Duty(ref + "-function", function, sheet.at(row, FUNCTION)));
			String grade = value(sheet, row, GRADE);
			return new Post(ref, title, unit, unitName, reportsTo, reportsToRaw, grade.isEmpty() ? null : grade,
					duties, sheet.at(row, REFERENCE));
		}

		private double fte(Row row, String ref) {
			String value = value(this.senior, row, FTE);
			if (value.isEmpty()) {
				return 1.0;
			}
			@Nullable BigDecimal number = number(value);
			if (number == null) {
				warn(this.senior.at(row, FTE), ProblemCodes.BAD_VALUE,
						"FTE %s of post %s is not a number; 1.0 assumed".formatted(quote(value), ref));
				return 1.0;
			}
			return number.doubleValue();
		}

		void juniors(Table sheet) {
			for (Row row : sheet.rows()) {
				if (!isBlank(row)) {
					this.juniorRows++;
					checkWidth(sheet, row);
					junior(sheet, row);
				}
			}
		}

		private void junior(Table sheet, Row row) {
			String ref = value(sheet, row, REPORTING_SENIOR_POST);
			String value = value(sheet, row, JUNIOR_FTE);
			@Nullable BigDecimal fte = number(value);
			if (fte == null) {
				warn(sheet.at(row, JUNIOR_FTE), value.isEmpty() ? ProblemCodes.EMPTY_VALUE : ProblemCodes.BAD_VALUE,
						"Number of Posts in FTE %s on line %d is not a number; counted as 0".formatted(quote(value),
								row.line()));
				fte = BigDecimal.ZERO;
			}
			this.juniorFteTotal = this.juniorFteTotal.add(fte);
			if (sheet.has(UNIT)) {
				unit(sheet, row, organisationUnit(sheet, row));
			}
			if (this.posts.containsKey(ref)) {
				this.juniorFte.merge(ref, fte, BigDecimal::add);
				return;
			}
			this.juniorFteUnassigned = this.juniorFteUnassigned.add(fte);
			if (ref.isEmpty()) {
				warn(sheet.at(row, REPORTING_SENIOR_POST), ProblemCodes.EMPTY_VALUE,
						"junior staff on line %d name no Reporting Senior Post; their %s FTE is counted under no post"
							.formatted(row.line(), fte.toPlainString()));
				return;
			}
			@Nullable Integer gone = this.eliminated.get(ref);
			String why = (gone != null) ? "was eliminated (senior file line %d)".formatted(gone)
					: "is not in the senior-posts file";
			warn(sheet.at(row, REPORTING_SENIOR_POST), ProblemCodes.UNKNOWN_POSITION,
					"junior staff on line %d report to senior post %s, which %s; their %s FTE is counted under no post"
						.formatted(row.line(), ref, why, fte.toPlainString()));
		}

		/** The unit of a row's Organisation, under its Parent Department when that differs. */
		private String organisationUnit(Table sheet, Row row) {
			String department = value(sheet, row, PARENT_DEPARTMENT);
			String name = firstNonEmpty(value(sheet, row, ORGANISATION), department, this.organisation);
			@Nullable String parent = null;
			if (!department.isEmpty() && !department.equals(name)) {
				addUnit(department, null, "department", sheet.at(row, PARENT_DEPARTMENT));
				parent = department;
			}
			addUnit(name, parent, "organization", sheet.at(row, ORGANISATION));
			return name;
		}

		private @Nullable String unit(Table sheet, Row row, String organisationUnit) {
			String name = text(sheet, row, UNIT);
			if (name.isEmpty()) {
				return null;
			}
			addUnit(name, organisationUnit, "unit", sheet.at(row, UNIT));
			return name;
		}

		private void addUnit(String key, @Nullable String parent, String kind, Location at) {
			this.units.putIfAbsent(key, new Unit(key, key, parent, kind, null, List.of(), at));
		}

		private void checkWidth(Table sheet, Row row) {
			List<String> cells = row.cells();
			if (cells.size() < sheet.width()) {
				warn(Location.of(sheet.file(), row.line(), cells.size() + 1), ProblemCodes.RAGGED_ROW,
						"line %d has %d cells where the header names %d; the missing cells are read as empty"
							.formatted(row.line(), cells.size(), sheet.width()));
				return;
			}
			for (int i = sheet.width(); i < cells.size(); i++) {
				if (!clean(cells.get(i)).isEmpty()) {
					warn(Location.of(sheet.file(), row.line(), i + 1), ProblemCodes.RAGGED_ROW,
							"line %d has text in column %d, beyond the last named column %d; ignored"
								.formatted(row.line(), i + 1, sheet.width()));
					return;
				}
			}
		}

		private void warn(Location at, String code, String message) {
			this.problems.add(ImportProblem.warning(at, code, message));
		}

		OrgDocument document(List<ImportFile> files) {
			List<Position> positions = new ArrayList<>();
			for (Post post : this.posts.values()) {
				double fte = this.juniorFte.getOrDefault(post.ref, BigDecimal.ZERO).doubleValue();
				positions.add(new Position(post.ref, post.title, post.unit, post.reportsTo, post.seats, post.grade,
						post.duties, null, fte, post.at));
			}
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("format", FORMAT);
			metadata.put("files", files.stream().map(ImportFile::name).toList());
			metadata.put("seniorRows", this.seniorRows);
			metadata.put("juniorRows", this.juniorRows);
			metadata.put("juniorFteTotal", this.juniorFteTotal.doubleValue());
			metadata.put("juniorFteUnassigned", this.juniorFteUnassigned.doubleValue());
			// holder keys are seats (B44-holder), not people: comparisons must match people by name
			metadata.put("personKeys", "seats");
			if (!this.linesToEliminated.isEmpty()) {
				metadata.put("linesToEliminatedPosts", Map.copyOf(this.linesToEliminated));
			}
			@Nullable DataDate date = (this.asOf != null) ? this.asOf : DataDate.fromFileNames(files);
			if (date != null) {
				metadata.put("asOf", date.date());
				metadata.put("asOfFrom", date.from());
			}
			return new OrgDocument(this.orgKey, this.organisation, new ArrayList<>(this.units.values()), positions,
					this.people, metadata);
		}

	}

	/**
	 * The date the data describes (a release's "as at" date), which names the revision better
	 * than the day it was imported.
	 *
	 * @param from where it was read: {@code column} or {@code file name}
	 */
	record DataDate(String date, String from) {

		private static final Pattern IN_NAME = Pattern
			.compile("(?<![0-9])(\\d{4})([-_.]?)(\\d{2})\\2(\\d{2})(?![0-9])");

		private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

		static @Nullable DataDate fromFileNames(List<ImportFile> files) {
			for (ImportFile file : files) {
				java.util.regex.Matcher m = IN_NAME.matcher(file.name());
				while (m.find()) {
					@Nullable String date = date(m.group(1), m.group(3), m.group(4));
					if (date != null) {
						return new DataDate(date, "file name");
					}
				}
			}
			return null;
		}

		/** {@code 2013-03-31}, {@code 31/03/2013} or {@code 2013-03-31T…}; null for anything else. */
		static @Nullable String parse(String value) {
			java.util.regex.Matcher iso = IN_NAME.matcher(value);
			if (iso.lookingAt() && !iso.group(2).isEmpty()) {
				return date(iso.group(1), iso.group(3), iso.group(4));
			}
			java.util.regex.Matcher uk = DAY_FIRST.matcher(value);
			return uk.matches() ? date(uk.group(3), uk.group(2), uk.group(1)) : null;
		}

		private static @Nullable String date(String year, String month, String day) {
			try {
				return java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
					.toString();
			}
			catch (java.time.DateTimeException ex) {
				return null;
			}
		}

	}

	/** A senior post being read; job-share rows add seats to it. */
	private static final class Post {

		final String ref;

		final String title;

		final String unit;

		final String unitRaw;

		@Nullable String reportsTo;

		final String reportsToRaw;

		final @Nullable String grade;

		final List<Duty> duties;

		final Location at;

		/** Named holders, lower-cased, and the line each was read on. */
		final Map<String, Integer> holders = new HashMap<>();

		int seats;

		Post(String ref, String title, String unit, String unitRaw, @Nullable String reportsTo, String reportsToRaw,
				@Nullable String grade, List<Duty> duties, Location at) {
			this.ref = ref;
			this.title = title;
			this.unit = unit;
			this.unitRaw = unitRaw;
			this.reportsTo = reportsTo;
			this.reportsToRaw = reportsToRaw;
			this.grade = grade;
			this.duties = duties;
			this.at = at;
		}

	}

	/** What the Name column says about the seat. */
	private enum Holder {

		NAMED, VACANT, UNDISCLOSED, ELIMINATED;

		static Holder of(String name) {
			return switch (normalise(name)) {
				case "vacant", "vacancy", "vacantpost" -> VACANT;
				// the guidance: a blank or N/D name is a filled post whose holder is not named
				// (junior SCS may withhold their names); DFID's 2013 files write ND
				case "", "nd", "notdisclosed", "withheld", "namewithheld", "redacted", "notgiven" -> UNDISCLOSED;
				case "eliminated" -> ELIMINATED;
				default -> NAMED;
			};
		}

	}

	private enum Kind {

		SENIOR("senior-posts", List.of(REFERENCE, REPORTS_TO),
				List.of(REFERENCE, REPORTS_TO, NAME, TITLE, UNIT, ORGANISATION)),

		JUNIOR("junior-posts", List.of(REPORTING_SENIOR_POST, JUNIOR_FTE),
				List.of(REPORTING_SENIOR_POST, JUNIOR_FTE));

		final String label;

		final List<ColumnSpec> identifying;

		final List<ColumnSpec> required;

		Kind(String label, List<ColumnSpec> identifying, List<ColumnSpec> required) {
			this.label = label;
			this.identifying = identifying;
			this.required = required;
		}

		boolean isIn(Map<ColumnSpec, Integer> columns) {
			return this.identifying.stream().allMatch((column) -> columns.get(column) > 0);
		}

		String missing(Map<ColumnSpec, Integer> columns, List<ColumnSpec> wanted) {
			return String.join(", ",
					wanted.stream().filter((column) -> columns.get(column) == 0).map((c) -> quote(c.label())).toList());
		}

	}

	static String normalise(String name) {
		return NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	/** Trims, folds non-breaking spaces and runs of whitespace into one space. */
	static String clean(String value) {
		return value.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
	}

	/**
	 * Names arrive wrapped in extra quotes ({@code ""Smith John""}); an apostrophe inside is
	 * kept, and so is a quote at one end only ({@code Smith, John "Jack"}).
	 */
	static String holderName(String raw) {
		String name = clean(raw);
		while (name.length() >= 2 && isQuote(name.charAt(0)) && isQuote(name.charAt(name.length() - 1))) {
			name = clean(name.substring(1, name.length() - 1));
		}
		return name;
	}

	/** A Python list printed into a cell ({@code [u'Policy', u'Finance']}), as some republished files have. */
	private static final Pattern PY_LIST = Pattern.compile("\\[\\s*(u?(['\"]).*?\\2\\s*(,\\s*u?(['\"]).*?\\4\\s*)*)\\]");

	private static final Pattern PY_ITEM = Pattern.compile("u?(['\"])(.*?)\\1\\s*(?:,|$)");

	/** {@code [u'a', u'b']} → {@code a; b}; any other text as it is. */
	static String unlist(String value) {
		if (!PY_LIST.matcher(value).matches()) {
			return value;
		}
		List<String> items = new ArrayList<>();
		java.util.regex.Matcher item = PY_ITEM.matcher(value.substring(1, value.length() - 1).strip());
		while (item.find()) {
			String text = clean(item.group(2));
			if (!text.isEmpty() && !items.contains(text)) {
				items.add(text);
			}
		}
		return String.join("; ", items);
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D';
	}

	private static @Nullable BigDecimal number(String value) {
		return NUMBER.matcher(value).matches() ? new BigDecimal(value) : null;
	}

	private static String firstNonEmpty(String... values) {
		for (String value : values) {
			if (!value.isEmpty()) {
				return value;
			}
		}
		return "";
	}

	private static void differ(List<String> differing, String column, String first, String again) {
		if (!first.equals(again)) {
			differing.add("%s (%s, then %s)".formatted(column, quote(first), quote(again)));
		}
	}

	private static String quote(String value) {
		return "\"" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "\"";
	}

	private static int firstNonAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0x7F) {
				return i;
			}
		}
		return 0;
	}

}
