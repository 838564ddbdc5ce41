package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
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
 * Organograms for {@link UkOrganogramParserHostileTests}: generated releases with hostile
 * text in every cell and what they must read as, and the real DFID releases of 2013 (with
 * what the parser reads from them unchanged) for corrupting.
 */
final class HostileOrganograms {

	static final String ORG = "dfid";

	private HostileOrganograms() {
	}

	static IntStream organograms() {
		return IntStream.range(0, 120);
	}

	// ---- the documented reading of a cell ------------------------------------------------------

	static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** A value as read: no-break spaces as spaces, trimmed, each run of spaces, tabs and line breaks one space. */
	static String clean(String cell) {
		return WHITESPACE.matcher(cell.replace('\u00A0', ' ').strip()).replaceAll(" ");
	}

	/** A name as read: cleaned, and without the quotes wrapping it ({@code """Smith John"""}). */
	static String name(String cell) {
		String name = clean(cell);
		while (name.length() >= 2 && isQuote(name.charAt(0)) && isQuote(name.charAt(name.length() - 1))) {
			name = clean(name.substring(1, name.length() - 1));
		}
		return name;
	}

	static boolean isQuote(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D';
	}

	/** Names that are conventions, not holders: blank, Vacant, N/D, Not disclosed, Eliminated. */
	static boolean isConvention(String name) {
		return Set.of("", "vacant", "nd", "notdisclosed", "eliminated").contains(UkOrganogramParser.normalise(name));
	}

	static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

	// ---- files as published ---------------------------------------------------------------------

	/** How a release is written again: without blank lines, so that its rows keep their published lines. */
	static final long RELEASE_LAYOUT = 0;

	/** A CSV file: header and rows of cells as typed, written as RFC 4180 text. */
	static final class Sheet {

		final String name;

		final List<String> header;

		final List<List<String>> rows = new ArrayList<>();

		final String newline;

		final boolean bom;

		/** Seeds the optional quotes and blank lines. */
		final long layout;

		Sheet(String name, List<String> header, String newline, boolean bom, long layout) {
			this.name = name;
			this.header = new ArrayList<>(header);
			this.newline = newline;
			this.bom = bom;
			this.layout = layout;
		}

		Sheet copy() {
			return renamed(this.name);
		}

		Sheet renamed(String name) {
			Sheet copy = new Sheet(name, this.header, this.newline, this.bom, this.layout);
			this.rows.forEach((row) -> copy.rows.add(new ArrayList<>(row)));
			return copy;
		}

		int column(String header) {
			return this.header.indexOf(header) + 1;
		}

		/** The text, and the line each row starts on; blank lines and optional quotes from {@code layout}. */
		Rendered render() {
			Random random = new Random(this.layout);
			boolean quoteAll = random.nextBoolean();
			StringBuilder text = new StringBuilder();
			int line = 1 + append(text, this.header, quoteAll, random);
			int[] rowLines = new int[this.rows.size()];
			for (int r = 0; r < this.rows.size(); r++) {
				text.append(this.newline);
				line++;
				if (this.layout != RELEASE_LAYOUT && random.nextInt(10) == 0) {
					text.append(this.newline);
					line++;
				}
				rowLines[r] = line;
				line += append(text, this.rows.get(r), quoteAll, random);
			}
			text.append(this.newline);
			return new Rendered(this, text.toString(), rowLines);
		}

		private static int append(StringBuilder text, List<String> cells, boolean quoteAll, Random random) {
			int breaks = 0;
			for (int c = 0; c < cells.size(); c++) {
				if (c > 0) {
					text.append(',');
				}
				String cell = cells.get(c);
				boolean quote = quoteAll || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
						|| cell.indexOf('\r') >= 0 || random.nextInt(3) == 0;
				String written = quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
				text.append(written);
				breaks += breaks(written);
			}
			return breaks;
		}

	}

	/** A sheet's text and the physical line each row starts on. */
	record Rendered(Sheet sheet, String text, int[] rowLines) {

		ImportFile file() {
			return file(this.text);
		}

		ImportFile file(String text) {
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			if (!this.sheet.bom) {
				return new ImportFile(this.sheet.name, utf8);
			}
			byte[] content = new byte[utf8.length + 3];
			content[0] = (byte) 0xEF;
			content[1] = (byte) 0xBB;
			content[2] = (byte) 0xBF;
			System.arraycopy(utf8, 0, content, 3, utf8.length);
			return new ImportFile(this.sheet.name, content);
		}

	}

	// ---- generated organograms -------------------------------------------------------------------

	/** A generated organogram: its files, what must be read from them, and where. */
	record Organogram(List<ImportFile> files, OrgDocument expected, List<Tuple> problems,
			List<Location> positionsAt, List<Location> peopleAt, int seniorRows, int juniorRows,
			BigDecimal juniorFteTotal, BigDecimal juniorFteUnassigned) {
	}

	/** Writes one organogram with hostile text wherever the schema has free text. */
	static final class Publisher {

		private static final List<String> FTES = List.of("", "1", "0.5", ".6", "1.0", "0.25");

		private static final List<String> JUNIOR_FTES = List.of("2", "4.8", "0.5", ".5", "10", "1.25");

		private final Random random;

		/** Every reference, unit and organisation name as read, so that none is written twice. */
		private final Set<String> taken = new HashSet<>();

		Publisher(Random random) {
			this.random = random;
		}

		Organogram organogram() {
			String organisation = unique();
			String department = switch (this.random.nextInt(3)) {
				case 0 -> null;
				case 1 -> organisation;
				default -> unique();
			};
			List<String> unitNames = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
				unitNames.add(unique());
			}

			// senior posts, some of them job shares (two rows, one reference)
			List<String> columns = new ArrayList<>(List.of("ref", "name", "title", "unit", "organisation", "reportsTo"));
			for (String optional : List.of("grade", "function", "fte", "Contact Phone", "Salary Cost of Reports (£)",
					"Notes", "Valid?", "URI", "")) {
				if (this.random.nextBoolean()) {
					columns.add(optional);
				}
			}
			if (department != null) {
				columns.add("department");
			}
			Collections.shuffle(columns, this.random);
			Sheet senior = sheet(pick(List.of("senior.csv", "dfid-2013-09-30-senior.csv", "Organogram (senior).CSV",
					"\u202Egnp.csv")), columns);
			List<String> refs = new ArrayList<>();
			List<Map<String, String>> rows = new ArrayList<>();
			for (int i = 1 + this.random.nextInt(8); i > 0; i--) {
				String ref = uniqueReference();
				String reportsTo = (refs.isEmpty() || this.random.nextInt(6) == 0) ? pick(List.of("XX", "xx", " XX "))
						: " ".repeat(this.random.nextInt(2)) + refs.get(this.random.nextInt(refs.size()));
				refs.add(ref);
				Map<String, String> row = new HashMap<>();
				row.put("ref", ref);
				row.put("name", holderName());
				row.put("title", text());
				row.put("unit", pick(unitNames));
				row.put("organisation", organisation);
				row.put("department", department == null ? "" : department);
				row.put("reportsTo", reportsTo);
				row.put("grade", this.random.nextBoolean() ? text() : "");
				row.put("function", this.random.nextBoolean() ? text() : "");
				row.put("fte", pick(FTES));
				for (String ignored : List.of("Contact Phone", "Salary Cost of Reports (£)", "Notes", "Valid?", "URI")) {
					row.put(ignored, text());
				}
				row.put("", "");
				rows.add(row);
				if (this.random.nextInt(5) == 0) {
					Map<String, String> share = new HashMap<>(row);
					String other = holderName();
					while (name(other).toLowerCase(Locale.ROOT).equals(name(row.get("name")).toLowerCase(Locale.ROOT))) {
						other = holderName();
					}
					share.put("name", other);
					share.put("fte", pick(FTES));
					rows.add(share);
				}
			}
			Collections.shuffle(rows, this.random);
			rows.forEach((row) -> senior.rows.add(columns.stream().map((c) -> row.getOrDefault(c, "")).toList()));
			Rendered seniorText = senior.render();

			// what the senior file must give, in the order of the file
			Map<String, Unit> units = new LinkedHashMap<>();
			Map<String, Position> positions = new LinkedHashMap<>();
			Map<String, Integer> seats = new HashMap<>();
			List<Location> positionsAt = new ArrayList<>();
			List<Person> people = new ArrayList<>();
			List<Location> peopleAt = new ArrayList<>();
			String org = clean(organisation);
			String dept = (department == null) ? "" : clean(department);
			for (int r = 0; r < rows.size(); r++) {
				Map<String, String> row = rows.get(r);
				int line = seniorText.rowLines()[r];
				String ref = clean(row.get("ref"));
				if (!positions.containsKey(ref)) {
					if (!dept.isEmpty() && !dept.equals(org)) {
						units.putIfAbsent(dept, new Unit(dept, dept, null, "department", null, List.of(), NOWHERE));
					}
					units.putIfAbsent(org, new Unit(org, org, (!dept.isEmpty() && !dept.equals(org)) ? dept : null,
							"organization", null, List.of(), NOWHERE));
					String unit = clean(row.get("unit"));
					units.putIfAbsent(unit, new Unit(unit, unit, org, "unit", null, List.of(), NOWHERE));
					String reportsTo = clean(row.get("reportsTo"));
					String grade = columns.contains("grade") ? clean(row.get("grade")) : "";
					String function = columns.contains("function") ? clean(row.get("function")) : "";
					positions.put(ref, new Position(ref, clean(row.get("title")), unit,
							reportsTo.equalsIgnoreCase("XX") ? null : reportsTo, null, grade.isEmpty() ? null : grade,
							function.isEmpty() ? List.of() : List.of(new Duty(ref + "-function", function, NOWHERE)),
							null, 0, NOWHERE));
					positionsAt.add(Location.of(senior.name, line, columns.indexOf("ref") + 1));
				}
				int seat = seats.merge(ref, 1, Integer::sum);
				double fte = (!columns.contains("fte") || row.get("fte").isEmpty()) ? 1.0
						: Double.parseDouble(row.get("fte"));
				people.add(new Person(seat == 1 ? ref + "-holder" : ref + "-holder-" + seat, name(row.get("name")),
						List.of(new Holding(ref, fte, false, NOWHERE)), NOWHERE));
				peopleAt.add(Location.of(senior.name, line, columns.indexOf("name") + 1));
			}

			// junior staff, counted under senior posts (now and then under one that is not there)
			List<ImportFile> files = new ArrayList<>(List.of(seniorText.file()));
			List<Tuple> problems = new ArrayList<>();
			Map<String, BigDecimal> juniorFte = new HashMap<>();
			BigDecimal total = BigDecimal.ZERO;
			BigDecimal unassigned = BigDecimal.ZERO;
			int juniorRows = 0;
			if (this.random.nextInt(3) != 0) {
				List<String> juniorColumns = new ArrayList<>(List.of("post", "fteCount"));
				if (department != null) {
					juniorColumns.addAll(List.of("department", "organisation"));
				}
				for (String optional : List.of("unit", "Grade", "Generic Job Title", "Payscale Minimum (£)")) {
					if (this.random.nextBoolean()) {
						juniorColumns.add(optional);
					}
				}
				Collections.shuffle(juniorColumns, this.random);
				Sheet junior = sheet(pick(List.of("junior.csv", "dfid-2013-09-30-junior.csv", "\u0000.csv")),
						juniorColumns);
				List<Map<String, String>> juniors = new ArrayList<>();
				for (int i = 1 + this.random.nextInt(6); i > 0; i--) {
					Map<String, String> row = new HashMap<>();
					boolean unknown = this.random.nextInt(8) == 0;
					row.put("post", unknown ? uniqueReference() : pick(refs));
					row.put("fteCount", pick(JUNIOR_FTES));
					row.put("department", department == null ? "" : department);
					row.put("organisation", organisation);
					row.put("unit", this.random.nextBoolean() ? pick(unitNames) : unique());
					row.put("Grade", text());
					row.put("Generic Job Title", text());
					row.put("Payscale Minimum (£)", text());
					juniors.add(row);
				}
				juniors.forEach((row) -> junior.rows.add(juniorColumns.stream().map(row::get).toList()));
				Rendered juniorText = junior.render();
				files.add(this.random.nextInt(2), juniorText.file());
				for (int r = 0; r < juniors.size(); r++) {
					Map<String, String> row = juniors.get(r);
					String ref = clean(row.get("post"));
					BigDecimal fte = new BigDecimal(row.get("fteCount"));
					total = total.add(fte);
					juniorRows++;
					if (juniorColumns.contains("unit")) {
						String unit = clean(row.get("unit"));
						units.putIfAbsent(unit, new Unit(unit, unit, org, "unit", null, List.of(), NOWHERE));
					}
					if (positions.containsKey(ref)) {
						juniorFte.merge(ref, fte, BigDecimal::add);
					}
					else {
						unassigned = unassigned.add(fte);
						problems.add(tuple(ProblemCodes.UNKNOWN_POSITION, junior.name, juniorText.rowLines()[r],
								juniorColumns.indexOf("post") + 1, Severity.WARNING));
					}
				}
			}

			List<Position> expectedPositions = positions.values()
				.stream()
				.map((p) -> new Position(p.key(), p.title(), p.unit(), p.reportsTo(), seats.get(p.key()), p.grade(),
						p.duties(), null, juniorFte.getOrDefault(p.key(), BigDecimal.ZERO).doubleValue(), NOWHERE))
				.toList();
			OrgDocument expected = new OrgDocument(ORG, org, List.copyOf(units.values()), expectedPositions, people,
					Map.of());
			return new Organogram(files, expected, problems, positionsAt, peopleAt, rows.size(), juniorRows, total,
					unassigned);
		}

		/** A sheet whose columns carry documented spellings of the given fields, in their order. */
		private Sheet sheet(String name, List<String> columns) {
			Map<String, List<String>> spellings = Map.ofEntries(
					Map.entry("ref", List.of("Post Unique Reference", "post unique reference", "POST UNIQUE REFERENCE")),
					Map.entry("name", List.of("Name", "NAME")), Map.entry("title", List.of("Job Title", "Job title")),
					Map.entry("unit", List.of("Unit", "unit")),
					Map.entry("organisation", List.of("Organisation", "Organization")),
					Map.entry("department", List.of("Parent Department", "Parent department")),
					Map.entry("reportsTo", List.of("Reports to Senior Post", "Reports To Senior Post")),
					Map.entry("grade", List.of("Grade (or equivalent)", "Grade")),
					Map.entry("function", List.of("Job/Team Function", "Job / Team Function")),
					Map.entry("fte", List.of("FTE", "fte")), Map.entry("post", List.of("Reporting Senior Post")),
					Map.entry("fteCount", List.of("Number of Posts in FTE", "Number of posts in FTE")));
			List<String> header = columns.stream()
				.map((c) -> spellings.containsKey(c) ? pick(spellings.get(c)) : c)
				.toList();
			return new Sheet(name, header, pick(List.of("\r\n", "\r\n", "\n", "\r")), this.random.nextBoolean(),
					this.random.nextLong());
		}

		/** Hostile text that reads as something; one very long value in three, cut to 40 000 characters. */
		String text() {
			String value = HostileStrings.sample(this.random);
			if (value.length() > 1000 && this.random.nextInt(3) != 0) {
				return text();
			}
			if (value.length() > 40_000) {
				value = value.substring(0, Character.isLowSurrogate(value.charAt(40_000)) ? 39_999 : 40_000);
			}
			return clean(value).isEmpty() ? text() : value;
		}

		/** Text no other reference, unit or organisation reads as. */
		String unique() {
			String value = text();
			return this.taken.add(clean(value)) ? value : unique();
		}

		/** A new reference that is none of the conventions (0, XX) and short enough to be a key. */
		String uniqueReference() {
			String value = unique();
			String ref = clean(value);
			if (ref.equals("0") || ref.equalsIgnoreCase("XX") || ref.length() > 200) {
				return uniqueReference();
			}
			return value;
		}

		/** A hostile holder's name, not one of the conventions for vacant or undisclosed posts. */
		String holderName() {
			String value = text();
			return isConvention(name(value)) ? holderName() : value;
		}

		private String pick(List<String> values) {
			return values.get(this.random.nextInt(values.size()));
		}

	}


	// ---- real releases, corrupted ------------------------------------------------------------------

	static final String MARCH = "department_for_international_development-2013-03-31";

	static final String SEPTEMBER = "department_for_international_development-2013-09-30";

	static final Map<String, Sheet> PUBLISHED = new HashMap<>();

	static final Map<String, ParseResult> BASELINES = new HashMap<>();

	/** Each published file as written again, unchanged. */
	static final Map<String, ImportFile> REWRITTEN = new HashMap<>();

	/** A DFID release as published (its senior file and, mostly, its junior file) and what it gives. */
	record Release(String date, Sheet senior, @Nullable Sheet junior, ParseResult baseline) {

		static Release of(Random random) {
			String date = random.nextBoolean() ? MARCH : SEPTEMBER;
			boolean withJunior = random.nextInt(4) != 0;
			Sheet senior = published(date + "-senior.csv");
			Sheet junior = withJunior ? published(date + "-junior.csv") : null;
			ParseResult baseline = BASELINES.computeIfAbsent(date + withJunior,
					(key) -> new UkOrganogramParser().parse(ORG, files(senior, junior)));
			return new Release(date, senior, junior, baseline);
		}

		static synchronized Sheet published(String name) {
			return PUBLISHED.computeIfAbsent(name, (file) -> {
				String path = "/uk-organograms/" + file;
				try (InputStream in = UkOrganogramParserHostileTests.class.getResourceAsStream(path)) {
					List<CSVRecord> records = CSVFormat.DEFAULT
						.parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
						.getRecords();
					Sheet sheet = new Sheet(file, records.getFirst().toList(), "\r\n", false, RELEASE_LAYOUT);
					records.subList(1, records.size()).forEach((record) -> sheet.rows.add(record.toList()));
					return sheet;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).copy();
		}

		private static List<ImportFile> files(Sheet senior, @Nullable Sheet junior) {
			List<ImportFile> files = new ArrayList<>(List.of(rewritten(senior)));
			if (junior != null) {
				files.add(rewritten(junior));
			}
			return files;
		}

		static synchronized ImportFile rewritten(Sheet published) {
			return REWRITTEN.computeIfAbsent(published.name, (name) -> published.render().file());
		}

		OrgDocument document() {
			return this.baseline.document();
		}

		/** The senior file or, when there is one, now and then the junior file. */
		Sheet pick(Random random) {
			return (this.junior != null && random.nextBoolean()) ? this.junior : this.senior;
		}

		boolean isSenior(Sheet sheet) {
			return sheet.name.equals(this.senior.name);
		}

		/** The release's files with one of them replaced (or left out, when {@code file} is null). */
		List<ImportFile> filesWith(Sheet replaced, @Nullable ImportFile file) {
			List<ImportFile> files = new ArrayList<>();
			for (Sheet sheet : Arrays.asList(this.senior, this.junior)) {
				if (sheet == null) {
					continue;
				}
				if (!sheet.name.equals(replaced.name)) {
					files.add(rewritten(sheet));
				}
				else if (file != null) {
					files.add(file);
				}
			}
			return files;
		}

	}

}
