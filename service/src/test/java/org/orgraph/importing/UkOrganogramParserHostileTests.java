package org.orgraph.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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

import org.orgraph.importing.HostileOrganograms.Organogram;
import org.orgraph.importing.HostileOrganograms.Publisher;
import org.orgraph.importing.HostileOrganograms.Rendered;
import org.orgraph.importing.HostileOrganograms.Release;
import org.orgraph.importing.HostileOrganograms.Sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.importing.HostileOrganograms.MARCH;
import static org.orgraph.importing.HostileOrganograms.NUMBER;
import static org.orgraph.importing.HostileOrganograms.SEPTEMBER;
import static org.orgraph.importing.HostileOrganograms.clean;
import static org.orgraph.importing.HostileOrganograms.isConvention;
import static org.orgraph.importing.HostileOrganograms.name;
import static org.assertj.core.api.Assertions.tuple;
import static org.orgraph.importing.ParserChecks.assertCheckable;
import static org.orgraph.importing.ParserChecks.breaks;
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

	private static final String ORG = HostileOrganograms.ORG;

	/** docs/import-uk-organogram.md: the codes that are errors, and those that are warnings. */
	private static final Set<String> ERRORS = Set.of(ProblemCodes.BAD_ENCODING, ProblemCodes.EMPTY_FILE,
			ProblemCodes.MALFORMED_CSV, ProblemCodes.MISSING_COLUMN, ProblemCodes.MISSING_FILE,
			ProblemCodes.HEADER_ONLY);

	private static final Set<String> WARNINGS = Set.of(ProblemCodes.HEADER_ONLY, ProblemCodes.ELIMINATED_POST,
			ProblemCodes.DUPLICATE_ROW, ProblemCodes.BAD_VALUE, ProblemCodes.EMPTY_VALUE, ProblemCodes.UNKNOWN_POSITION,
			ProblemCodes.RAGGED_ROW);

	private final UkOrganogramParser parser = new UkOrganogramParser();

	/** Every corruption 15 times. */
	static IntStream corruptedReleases() {
		return IntStream.range(0, 15 * Corruption.values().length);
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("org.orgraph.importing.HostileOrganograms#organograms")
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

	// ---- the contract, whatever is sent ------------------------------------------------------------

	/**
	 * Problems with the documented codes and severities, naming a file that was sent (or none,
	 * when the senior file is missing), a line within it and a column; a document or an error;
	 * and a document the organisation check takes without failing.
	 */
	private static void assertDocumented(ParseResult result, List<ImportFile> files) {
		ParserChecks.assertDocumented(result, files, "", (problem) -> problem.isError() ? ERRORS : WARNINGS,
				OrgValidator.Strictness.PUBLISHED);
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
