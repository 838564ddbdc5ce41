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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.HostileStrings;
import org.orgraph.Seed;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.orgraph.importing.ParserChecks.NOWHERE;
import static org.orgraph.importing.ParserChecks.assertCheckable;
import static org.orgraph.importing.ParserChecks.breaks;
import static org.orgraph.importing.ParserChecks.lineCount;
import static org.orgraph.importing.ParserChecks.located;

/**
 * Hostile text in every free-text column of a UK organogram (references, names, grades, job
 * titles, functions, units, organisation, parent department), written as publishers write it
 * (quoted or not, columns in any order under any documented spelling, CRLF, LF or CR, with or
 * without BOM, job shares, junior counts), arrives in the {@link OrgDocument} as written less
 * the documented clean-up, each post and holder at its line. The real DFID releases, corrupted
 * at random (columns dropped, duplicated or shuffled, rows cut short, repeated or shuffled,
 * quotes injected, text in FTE and grade columns, bytes that are not UTF-8, files emptied,
 * missing or doubled), give only the documented errors and warnings, never an exception.
 * Seeded (see {@link Seed}): 120 organograms and 240 corrupted releases, the same on every run.
 */
class UkOrganogramParserHostileTests {

	@RegisterExtension
	static final Seed SEED = Seed.orDefault(20261127L);

	private static final String ORG = "dfid";

	/** docs/import-uk-organogram.md: the codes that are errors, and those that are warnings. */
	private static final Set<String> ERRORS = Set.of(ProblemCodes.BAD_ENCODING, ProblemCodes.EMPTY_FILE,
			ProblemCodes.MALFORMED_CSV, ProblemCodes.MISSING_COLUMN, ProblemCodes.MISSING_FILE,
			ProblemCodes.HEADER_ONLY);

	private static final Set<String> WARNINGS = Set.of(ProblemCodes.HEADER_ONLY, ProblemCodes.ELIMINATED_POST,
			ProblemCodes.DUPLICATE_ROW, ProblemCodes.BAD_VALUE, ProblemCodes.EMPTY_VALUE, ProblemCodes.UNKNOWN_POSITION,
			ProblemCodes.RAGGED_ROW);



	private final UkOrganogramParser parser = new UkOrganogramParser();

	static IntStream organograms() {
		return IntStream.range(0, 120);
	}

	/** Every corruption 15 times. */
	static IntStream corruptedReleases() {
		return IntStream.range(0, 15 * Corruption.values().length);
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("organograms")
	void shouldReadEveryHostileValueAsWrittenLessTheDocumentedCleanUp(int n) {
		Organogram organogram = new Publisher(SEED.random(n)).organogram();

		ParseResult result = this.parser.parse(ORG, organogram.files());

		assertThat(located(result)).containsExactlyInAnyOrderElementsOf(organogram.problems());
		OrgDocument document = result.document();
		assertThat(Differences.between(organogram.expected(), document)).isEmpty();
		assertThat(document.positions()).extracting(Position::at).containsExactlyElementsOf(organogram.positionsAt());
		assertThat(document.people()).extracting(Person::at).containsExactlyElementsOf(organogram.peopleAt());
		assertThat(document.metadata()).containsEntry("seniorRows", organogram.seniorRows())
			.containsEntry("juniorRows", organogram.juniorRows())
			.containsEntry("juniorFteTotal", organogram.juniorFteTotal().doubleValue())
			.containsEntry("juniorFteUnassigned", organogram.juniorFteUnassigned().doubleValue());
		assertCheckable(document, OrgValidator.Strictness.PUBLISHED);
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("corruptedReleases")
	void shouldReportEveryCorruptionOfARealReleaseAsDocumented(int n) {
		Random random = SEED.random(n);
		Release release = Release.of(random);
		Corruption corruption = Corruption.values()[n % Corruption.values().length];
		Corrupted corrupted = corruption.apply(release, random);

		ParseResult result = this.parser.parse(ORG, corrupted.files());

		assertDocumented(result, corrupted.files());
		corrupted.expectation().accept(result);
	}

	// ---- the documented reading of a cell ------------------------------------------------------

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

	private static boolean isQuote(char c) {
		return c == '"' || c == '\u201C' || c == '\u201D';
	}

	/** Names that are conventions, not holders: blank, Vacant, N/D, Not disclosed, Eliminated. */
	private static boolean isConvention(String name) {
		return Set.of("", "vacant", "nd", "notdisclosed", "eliminated").contains(UkOrganogramParser.normalise(name));
	}

	private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

	// ---- the contract, whatever is sent ------------------------------------------------------------

	/**
	 * Problems with the documented codes and severities, naming a file that was sent (or none,
	 * when the senior file is missing), a line within it and a column; a document or an error;
	 * and a document the organisation check takes without failing.
	 */
	private static void assertDocumented(ParseResult result, List<ImportFile> files) {
		Map<String, Integer> lines = new HashMap<>();
		files.forEach((file) -> lines.put(file.name(), lineCount(file.content())));
		lines.putIfAbsent("", 0);
		assertThat(result.problems()).allSatisfy((problem) -> {
			assertThat(problem.code()).isIn(problem.isError() ? ERRORS : WARNINGS);
			assertThat(problem.file()).isIn(lines.keySet());
			assertThat(problem.line()).isBetween(0, lines.get(problem.file()));
			assertThat(problem.column()).isNotNegative();
			assertThat(problem.message()).isNotBlank();
		});
		if (result.document() == null) {
			assertThat(result.problems()).anyMatch(ImportProblem::isError);
			return;
		}
		assertCheckable(result.document(), OrgValidator.Strictness.PUBLISHED);
	}





	// ---- files as published ---------------------------------------------------------------------

	/** How a release is written again: without blank lines, so that its rows keep their published lines. */
	private static final long RELEASE_LAYOUT = 0;

	/** A CSV file: header and rows of cells as typed, written as RFC 4180 text. */
	private static final class Sheet {

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
	private record Rendered(Sheet sheet, String text, int[] rowLines) {

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
	private record Organogram(List<ImportFile> files, OrgDocument expected, List<Tuple> problems,
			List<Location> positionsAt, List<Location> peopleAt, int seniorRows, int juniorRows,
			BigDecimal juniorFteTotal, BigDecimal juniorFteUnassigned) {
	}

	/** Writes one organogram with hostile text wherever the schema has free text. */
	private static final class Publisher {

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

	private static final String MARCH = "department_for_international_development-2013-03-31";

	private static final String SEPTEMBER = "department_for_international_development-2013-09-30";

	private static final Map<String, Sheet> PUBLISHED = new HashMap<>();

	private static final Map<String, ParseResult> BASELINES = new HashMap<>();

	/** Each published file as written again, unchanged. */
	private static final Map<String, ImportFile> REWRITTEN = new HashMap<>();

	/** A DFID release as published (its senior file and, mostly, its junior file) and what it gives. */
	private record Release(String date, Sheet senior, @Nullable Sheet junior, ParseResult baseline) {

		static Release of(Random random) {
			String date = random.nextBoolean() ? MARCH : SEPTEMBER;
			boolean withJunior = random.nextInt(4) != 0;
			Sheet senior = published(date + "-senior.csv");
			Sheet junior = withJunior ? published(date + "-junior.csv") : null;
			ParseResult baseline = BASELINES.computeIfAbsent(date + withJunior,
					(key) -> new UkOrganogramParser().parse(ORG, files(senior, junior)));
			return new Release(date, senior, junior, baseline);
		}

		private static synchronized Sheet published(String name) {
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

		private static synchronized ImportFile rewritten(Sheet published) {
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

	/** What is sent, and what, beyond the contract, reading it must show. */
	private record Corrupted(List<ImportFile> files, Consumer<ParseResult> expectation) {
	}

	/** What the columns of a release are to the parser. */
	private enum Role {

		REQUIRED, READ, IGNORED;

		static Role of(String header, boolean senior) {
			String name = UkOrganogramParser.normalise(header);
			Set<String> required = senior ? Set.of("postuniquereference", "reportstoseniorpost", "name", "jobtitle",
					"unit", "organisation", "organization") : Set.of("reportingseniorpost", "numberofpostsinfte");
			Set<String> read = senior ? Set.of("gradeorequivalent", "grade", "jobteamfunction", "parentdepartment", "fte")
					: Set.of("unit", "organisation", "organization", "parentdepartment");
			return required.contains(name) ? REQUIRED : read.contains(name) ? READ : IGNORED;
		}

	}

	/** Ways a release gets broken on its way to the importer, each case taking the next in turn. */
	private enum Corruption {

		SHUFFLED_COLUMNS, DROPPED_COLUMN, DUPLICATED_COLUMN, SHORT_ROWS, REPEATED_ROW, SHUFFLED_ROWS,
		INJECTED_QUOTES, TEXT_IN_FTE, HOSTILE_TEXT, NOT_UTF8, TRUNCATED_FILE, HEADER_ONLY, EMPTY_FILE, NO_SENIOR_FILE,
		SECOND_SENIOR_FILE, RENAMED_FILES;

		Corrupted apply(Release release, Random random) {
			Sheet sheet = release.pick(random).copy();
			return switch (this) {
				case SHUFFLED_COLUMNS -> {
					List<Integer> order = new ArrayList<>(IntStream.range(0, sheet.header.size()).boxed().toList());
					Collections.shuffle(order, random);
					yield sameDocument(release, release.filesWith(sheet, reorder(sheet, order).render().file()));
				}
				case DROPPED_COLUMN -> droppedColumn(release, sheet, random);
				case DUPLICATED_COLUMN -> {
					List<Integer> order = new ArrayList<>(IntStream.range(0, sheet.header.size()).boxed().toList());
					int column = random.nextInt(order.size());
					order.add(column + 1, column);
					yield sameDocument(release, release.filesWith(sheet, reorder(sheet, order).render().file()));
				}
				case SHORT_ROWS -> shortRows(release, sheet, random);
				case REPEATED_ROW -> repeatedRow(release, sheet, random);
				case SHUFFLED_ROWS -> {
					Collections.shuffle(sheet.rows, random);
					yield new Corrupted(release.filesWith(sheet, sheet.render().file()), (result) -> {
						OrgDocument document = result.document();
						assertThat(keys(document)).isEqualTo(keys(release.document()));
						assertThat(document.metadata()).isEqualTo(release.document().metadata());
					});
				}
				case INJECTED_QUOTES -> {
					StringBuilder text = new StringBuilder(sheet.render().text());
					for (int i = 1 + random.nextInt(3); i > 0; i--) {
						text.insert(charBoundary(text.toString(), random.nextInt(text.length() + 1)), '"');
					}
					yield anyOutcome(release.filesWith(sheet, sheet.render().file(text.toString())));
				}
				case TEXT_IN_FTE -> textInFte(release, sheet, random);
				case HOSTILE_TEXT -> hostileText(release, sheet, random);
				case NOT_UTF8 -> notUtf8(release, sheet, random);
				case TRUNCATED_FILE -> {
					byte[] content = sheet.render().file().content();
					yield anyOutcome(release.filesWith(sheet,
							new ImportFile(sheet.name, Arrays.copyOf(content, random.nextInt(content.length + 1)))));
				}
				case HEADER_ONLY -> {
					sheet.rows.clear();
					boolean senior = release.isSenior(sheet);
					yield new Corrupted(release.filesWith(sheet, sheet.render().file()), (result) -> {
						assertThat(located(result)).contains(tuple(ProblemCodes.HEADER_ONLY, sheet.name, 1, 0,
								senior ? Severity.ERROR : Severity.WARNING));
						assertThat(result.document() == null).isEqualTo(senior);
					});
				}
				case EMPTY_FILE -> {
					String text = List.of("", "\r\n\r\n", "\n").get(random.nextInt(3));
					boolean senior = release.isSenior(sheet);
					yield new Corrupted(
							release.filesWith(sheet, new ImportFile(sheet.name, text.getBytes(StandardCharsets.UTF_8))),
							(result) -> {
								assertThat(located(result))
									.contains(tuple(ProblemCodes.EMPTY_FILE, sheet.name, 0, 0, Severity.ERROR));
								assertThat(result.document() == null).isEqualTo(senior);
							});
				}
				case NO_SENIOR_FILE -> {
					List<ImportFile> files = new ArrayList<>();
					if (release.junior() != null) {
						files.add(Release.rewritten(release.junior()));
					}
					yield new Corrupted(files, (result) -> {
						assertThat(result.document()).isNull();
						assertThat(located(result))
							.containsExactly(tuple(ProblemCodes.MISSING_FILE, "", 0, 0, Severity.ERROR));
					});
				}
				case SECOND_SENIOR_FILE -> {
					Sheet other = Release.published((release.date().equals(MARCH) ? SEPTEMBER : MARCH) + "-senior.csv");
					List<ImportFile> files = new ArrayList<>(release.filesWith(sheet, sheet.render().file()));
					files.add(Release.rewritten(other));
					yield new Corrupted(files, (result) -> {
						assertThat(result.document()).isNull();
						assertThat(located(result))
							.contains(tuple(ProblemCodes.MISSING_FILE, other.name, 1, 0, Severity.ERROR));
					});
				}
				case RENAMED_FILES -> {
					List<ImportFile> files = new ArrayList<>();
					for (Sheet each : Arrays.asList(release.senior(), release.junior())) {
						if (each != null) {
							String name = HostileStrings.sample(random).lines().findFirst().orElse("") + files.size();
							files.add(random.nextInt(files.size() + 1), each.renamed(name).render().file());
						}
					}
					yield new Corrupted(files, (result) -> {
						assertThat(Differences.between(release.document(), result.document())).isEmpty();
						assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line,
								ImportProblem::column, ImportProblem::severity)
							.containsExactlyInAnyOrderElementsOf(release.baseline()
								.problems()
								.stream()
								.map((p) -> tuple(p.code(), p.line(), p.column(), p.severity()))
								.toList());
					});
				}
			};
		}

	}

	private static Corrupted anyOutcome(List<ImportFile> files) {
		return new Corrupted(files, (result) -> {
		});
	}

	/** The same document as the release gives, and the same problems, perhaps in other columns. */
	private static Corrupted sameDocument(Release release, List<ImportFile> files) {
		return new Corrupted(files, (result) -> {
			assertThat(Differences.between(release.document(), result.document())).isEmpty();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::file, ImportProblem::line,
					ImportProblem::severity)
				.containsExactlyInAnyOrderElementsOf(release.baseline()
					.problems()
					.stream()
					.map((p) -> tuple(p.code(), p.file(), p.line(), p.severity()))
					.toList());
		});
	}

	/** The sheet with its columns in the given order (an index twice: that column twice). */
	private static Sheet reorder(Sheet sheet, List<Integer> order) {
		Sheet reordered = new Sheet(sheet.name, order.stream().map(sheet.header::get).toList(), sheet.newline, sheet.bom,
				sheet.layout);
		sheet.rows.forEach((row) -> reordered.rows.add(order.stream().map(row::get).toList()));
		return reordered;
	}

	/** Unit, post and holder keys, in no order: what a release holds whatever the order of its rows. */
	private static List<Set<String>> keys(@Nullable OrgDocument document) {
		assertThat(document).isNotNull();
		return List.of(new HashSet<>(document.units().stream().map(Unit::key).toList()),
				new HashSet<>(document.positions().stream().map(Position::key).toList()),
				new HashSet<>(document.people().stream().map(Person::key).toList()));
	}

	/** A required column gone: refused; a column read gone: the same posts and holders; any other: no change. */
	private static Corrupted droppedColumn(Release release, Sheet sheet, Random random) {
		int column = random.nextInt(sheet.header.size());
		String header = sheet.header.get(column);
		List<Integer> order = new ArrayList<>(IntStream.range(0, sheet.header.size()).boxed().toList());
		order.remove(column);
		List<ImportFile> files = release.filesWith(sheet, reorder(sheet, order).render().file());
		boolean senior = release.isSenior(sheet);
		return switch (Role.of(header, senior)) {
			case REQUIRED -> new Corrupted(files, (result) -> {
				assertThat(located(result))
					.contains(tuple(ProblemCodes.MISSING_COLUMN, sheet.name, 1, 0, Severity.ERROR));
				assertThat(result.document() == null).isEqualTo(senior);
				assertThat(result.hasErrors()).isTrue();
			});
			case READ -> new Corrupted(files, (result) -> {
				assertThat(result.hasErrors()).isFalse();
				// the posts and their holders; units may go with a junior file's Unit column
				assertThat(keys(result.document()).subList(1, 3)).isEqualTo(keys(release.document()).subList(1, 3));
				String name = UkOrganogramParser.normalise(header);
				if (senior && name.startsWith("grade")) {
					assertThat(result.document().positions()).extracting(Position::grade).containsOnlyNulls();
				}
				if (senior && name.equals("jobteamfunction")) {
					assertThat(result.document().positions()).flatExtracting(Position::duties).isEmpty();
				}
				if (senior && name.equals("fte")) {
					assertThat(result.document().people()).flatExtracting(Person::holds)
						.extracting(Holding::fte)
						.containsOnly(1.0);
				}
			});
			case IGNORED -> sameDocument(release, files);
		};
	}

	/** Rows cut short: a warning at each (whose cells left are not all blank), at the first cell missing. */
	private static Corrupted shortRows(Release release, Sheet sheet, Random random) {
		List<Integer> rows = new ArrayList<>(IntStream.range(0, sheet.rows.size()).boxed().toList());
		Collections.shuffle(rows, random);
		Map<Integer, Integer> cut = new HashMap<>();
		for (int row : rows.subList(0, Math.min(rows.size(), 1 + random.nextInt(3)))) {
			List<String> cells = sheet.rows.get(row);
			int kept = 1 + random.nextInt(cells.size() - 1);
			sheet.rows.set(row, cells.subList(0, kept));
			if (cells.subList(0, kept).stream().anyMatch((cell) -> !clean(cell).isEmpty())) {
				cut.put(row, kept);
			}
		}
		Rendered rendered = sheet.render();
		List<Tuple> expected = new ArrayList<>();
		cut.forEach((row, kept) -> expected
			.add(tuple(ProblemCodes.RAGGED_ROW, sheet.name, rendered.rowLines()[row], kept + 1, Severity.WARNING)));
		return new Corrupted(release.filesWith(sheet, rendered.file()), (result) -> {
			assertThat(result.hasErrors()).isFalse();
			assertThat(located(result)).containsAll(expected);
		});
	}

	/**
	 * A row repeated later in its file. A named holder's post is counted once, with a warning at
	 * the repeat; junior staff are counted again.
	 */
	private static Corrupted repeatedRow(Release release, Sheet sheet, Random random) {
		int row = random.nextInt(sheet.rows.size());
		int repeat = row + 1 + random.nextInt(sheet.rows.size() - row);
		int line = sheet.render().rowLines()[row];
		sheet.rows.add(repeat, new ArrayList<>(sheet.rows.get(row)));
		Rendered rendered = sheet.render();
		List<ImportFile> files = release.filesWith(sheet, rendered.file());
		if (!release.isSenior(sheet)) {
			String fte = clean(sheet.rows.get(row).get(sheet.column("Number of Posts in FTE") - 1));
			BigDecimal more = NUMBER.matcher(fte).matches() ? new BigDecimal(fte) : BigDecimal.ZERO;
			Map<String, Object> metadata = release.document().metadata();
			return new Corrupted(files, (result) -> {
				assertThat(result.document().metadata()).containsEntry("juniorRows", (int) metadata.get("juniorRows") + 1)
					.containsEntry("juniorFteTotal",
							BigDecimal.valueOf((double) metadata.get("juniorFteTotal")).add(more).doubleValue());
			});
		}
		boolean named = release.document()
			.people()
			.stream()
			.anyMatch((person) -> person.at().line() == line && !person.name().equals(UkOrganogramParser.NOT_DISCLOSED));
		if (!named) {
			return anyOutcome(files);
		}
		return new Corrupted(files, (result) -> {
			assertThat(located(result)).contains(tuple(ProblemCodes.DUPLICATE_ROW, sheet.name,
					rendered.rowLines()[repeat], sheet.column("Post Unique Reference"), Severity.WARNING));
			assertThat(keys(result.document())).isEqualTo(keys(release.document()));
		});
	}

	/** Text where a number of FTE belongs: a warning at each such cell, and 1.0 (a holder) or 0 (juniors) assumed. */
	private static Corrupted textInFte(Release release, Sheet sheet, Random random) {
		boolean senior = release.isSenior(sheet);
		int column = sheet.column(senior ? "FTE" : "Number of Posts in FTE");
		Rendered published = sheet.render();
		Map<Location, Person> holders = new HashMap<>();
		release.document().people().forEach((person) -> holders.put(person.holds().getFirst().at(), person));
		List<Integer> warned = new ArrayList<>();
		List<String> changedHolders = new ArrayList<>();
		BigDecimal lost = BigDecimal.ZERO;
		List<Integer> rows = new ArrayList<>(IntStream.range(0, sheet.rows.size()).boxed().toList());
		Collections.shuffle(rows, random);
		for (int row : rows.subList(0, 1 + random.nextInt(3))) {
			String value = HostileStrings.sample(random);
			while (clean(value).isEmpty() || NUMBER.matcher(clean(value)).matches()) {
				value = HostileStrings.sample(random);
			}
			String before = clean(sheet.rows.get(row).get(column - 1));
			List<String> cells = new ArrayList<>(sheet.rows.get(row));
			cells.set(column - 1, value);
			sheet.rows.set(row, cells);
			Location at = Location.of(sheet.name, published.rowLines()[row], column);
			if (!senior) {
				warned.add(row);
				lost = lost.add(NUMBER.matcher(before).matches() ? new BigDecimal(before) : BigDecimal.ZERO);
			}
			else if (holders.containsKey(at)) {
				warned.add(row);
				changedHolders.add(holders.get(at).key());
			}
		}
		// the text may hold line breaks: later rows move down
		Rendered rendered = sheet.render();
		List<Tuple> expected = warned.stream()
			.map((row) -> tuple(ProblemCodes.BAD_VALUE, sheet.name, rendered.rowLines()[row], column, Severity.WARNING))
			.toList();
		BigDecimal total = BigDecimal.valueOf((double) release.document().metadata().get("juniorFteTotal"))
			.subtract(lost);
		return new Corrupted(release.filesWith(sheet, rendered.file()), (result) -> {
			assertThat(result.hasErrors()).isFalse();
			assertThat(located(result)).containsAll(expected);
			assertThat(result.document().people()).filteredOn((person) -> changedHolders.contains(person.key()))
				.flatExtracting(Person::holds)
				.extracting(Holding::fte)
				.hasSize(changedHolders.size())
				.allMatch((fte) -> fte == 1.0);
			if (!senior) {
				assertThat((double) result.document().metadata().get("juniorFteTotal")).isEqualTo(total.doubleValue());
			}
		});
	}

	/**
	 * Hostile text in a free-text cell of a real row: the grade, title, function, unit or holder
	 * of the post the row defines (or the unit of junior staff), as written less the clean-up.
	 */
	private static Corrupted hostileText(Release release, Sheet sheet, Random random) {
		Rendered rendered = sheet.render();
		String value = HostileStrings.sample(random);
		while (clean(value).isEmpty() || isConvention(name(value))) {
			value = HostileStrings.sample(random);
		}
		String written = value;
		if (!release.isSenior(sheet)) {
			int row = random.nextInt(sheet.rows.size());
			List<String> cells = new ArrayList<>(sheet.rows.get(row));
			cells.set(sheet.column("Unit") - 1, written);
			sheet.rows.set(row, cells);
			return new Corrupted(release.filesWith(sheet, sheet.render().file()), (result) -> {
				assertThat(result.document().units()).extracting(Unit::key, Unit::kind)
					.contains(tuple(clean(written), "unit"));
			});
		}
		// a row that defines a post no other row names
		Map<String, Long> rowsPerPost = new HashMap<>();
		sheet.rows.forEach((cells) -> rowsPerPost.merge(clean(cells.getFirst()), 1L, Long::sum));
		List<Integer> rows = IntStream.range(0, sheet.rows.size())
			.filter((r) -> rowsPerPost.get(clean(sheet.rows.get(r).getFirst())) == 1)
			.boxed()
			.toList();
		int row = rows.get(random.nextInt(rows.size()));
		String ref = clean(sheet.rows.get(row).getFirst());
		String header = List.of("Grade (or equivalent)", "Job Title", "Job/Team Function", "Unit", "Name")
			.get(random.nextInt(5));
		boolean vacant = Set.of("", "vacant")
			.contains(UkOrganogramParser.normalise(name(sheet.rows.get(row).get(sheet.column("Name") - 1))));
		List<String> cells = new ArrayList<>(sheet.rows.get(row));
		cells.set(sheet.column(header) - 1, written);
		sheet.rows.set(row, cells);
		int line = rendered.rowLines()[row];
		return new Corrupted(release.filesWith(sheet, sheet.render().file()), (result) -> {
			Position position = result.document()
				.positions()
				.stream()
				.filter((p) -> p.key().equals(ref))
				.findFirst()
				.orElseThrow();
			switch (header) {
				case "Grade (or equivalent)" -> assertThat(position.grade()).isEqualTo(clean(written));
				case "Job Title" -> assertThat(position.title()).isEqualTo(clean(written));
				case "Job/Team Function" -> assertThat(position.duties()).extracting(Duty::key, Duty::text)
					.containsExactly(tuple(ref + "-function", clean(written)));
				case "Unit" -> {
					assertThat(position.unit()).isEqualTo(clean(written));
					assertThat(result.document().units()).extracting(Unit::key, Unit::kind)
						.contains(tuple(clean(written), "unit"));
				}
				default -> assertThat(result.document().people()).filteredOn((p) -> p.at().line() == line)
					.extracting(Person::key, Person::name)
					.containsExactly(tuple(ref + "-holder", name(written)));
			}
			if (vacant && header.equals("Name")) {
				assertThat(result.document().people()).hasSize(release.document().people().size() + 1);
			}
		});
	}

	/** A byte that is no UTF-8 (Windows-1252 £ or é): refused at its line and column. */
	private static Corrupted notUtf8(Release release, Sheet sheet, Random random) {
		String text = sheet.render().text();
		int at = random.nextInt(text.length());
		while (text.charAt(at) == '\r' || text.charAt(at) == '\n' || Character.isSurrogate(text.charAt(at))) {
			at = random.nextInt(text.length());
		}
		String before = text.substring(0, at);
		byte[] prefix = before.getBytes(StandardCharsets.UTF_8);
		byte[] suffix = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
		byte[] content = Arrays.copyOf(prefix, prefix.length + 1 + suffix.length);
		content[prefix.length] = (byte) List.of(0xA3, 0xE9, 0x80, 0xFF).get(random.nextInt(4)).intValue();
		System.arraycopy(suffix, 0, content, prefix.length + 1, suffix.length);
		int line = (int) before.chars().filter((c) -> c == '\n').count() + 1;
		int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
		boolean senior = release.isSenior(sheet);
		return new Corrupted(release.filesWith(sheet, new ImportFile(sheet.name, content)), (result) -> {
			assertThat(located(result))
				.contains(tuple(ProblemCodes.BAD_ENCODING, sheet.name, line, column, Severity.ERROR));
			assertThat(result.document() == null).isEqualTo(senior);
		});
	}

	/** {@code at}, or one before it when it would split a surrogate pair. */
	private static int charBoundary(String text, int at) {
		return (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) ? at - 1 : at;
	}

}
