package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.HostileStrings;
import org.orgraph.Seed;
import org.orgraph.duties.DutyText;
import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Person;

import org.orgraph.importing.HostileCsvBundles.Bundle;
import org.orgraph.importing.HostileCsvBundles.Generator;
import org.orgraph.importing.HostileCsvBundles.Rendered;
import org.orgraph.importing.HostileCsvBundles.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.orgraph.importing.HostileCsvBundles.FILE_NAMES;
import static org.orgraph.importing.HostileCsvBundles.read;
import static org.orgraph.importing.ParserChecks.breaks;
import static org.orgraph.importing.ParserChecks.located;

/**
 * Hostile text in every cell of a CSV bundle (keys, names, titles, departments, grades,
 * duties), quoted as RFC 4180 asks, under any documented header, in any column and row order,
 * with comma, semicolon or tab, LF, CRLF or CR, with or without BOM, arrives in the
 * {@link OrgDocument} exactly as written (less the documented trimming), each person and duty
 * at the line and column it was written on. Bundles broken at random (quotes, cells, headers,
 * duplicate keys and rows, empty files, NUL, encoded surrogates, truncation, stray bytes) give
 * the documented problems with file, line and column, never an exception. Seeded (see
 * {@link Seed}): 150 bundles and 360 broken ones, the same on every run.
 */
class CsvBundleParserHostileTests {

	@RegisterExtension
	static final Seed SEED = Seed.orDefault(20261126L);

	private static final String ORG = HostileCsvBundles.ORG;

	/** The codes docs/import-csv.md lists for reading a bundle. */
	private static final Set<String> READING_CODES = Set.of(ProblemCodes.MISSING_FILE, ProblemCodes.UNKNOWN_FILE,
			ProblemCodes.BAD_ENCODING, ProblemCodes.EMPTY_FILE, ProblemCodes.HEADER_ONLY, ProblemCodes.MALFORMED_CSV,
			ProblemCodes.MISSING_COLUMN, ProblemCodes.UNKNOWN_FIELD, ProblemCodes.RAGGED_ROW, ProblemCodes.MISSING_FIELD,
			ProblemCodes.BAD_VALUE, ProblemCodes.EMPTY_VALUE, ProblemCodes.DUPLICATE_ROW, ProblemCodes.UNKNOWN_UNIT,
			ProblemCodes.UNKNOWN_POSITION, ProblemCodes.UNKNOWN_MANAGER, ProblemCodes.ORG_KEY_MISMATCH);

	private final CsvBundleParser parser = new CsvBundleParser();

	/** Every breakage 20 times. */
	static IntStream brokenBundles() {
		return IntStream.range(0, 20 * Breakage.values().length);
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("org.orgraph.importing.HostileCsvBundles#bundles")
	void shouldReadEveryHostileValueExactlyWhereItWasWritten(int n) {
		Bundle bundle = new Generator(SEED.random(n)).bundle();

		ParseResult result = this.parser.parse(ORG, bundle.files());

		assertThat(located(result)).containsExactlyInAnyOrderElementsOf(bundle.unknownFieldWarnings());
		OrgDocument document = result.document();
		assertThat(Differences.between(bundle.expected(), document)).isEmpty();
		assertThat(document.people()).extracting(Person::at).containsExactlyElementsOf(bundle.peopleAt());
		assertThat(duties(document)).extracting((duty) -> tuple(Differences.shown(duty.text()), duty.at()))
			.containsExactlyInAnyOrderElementsOf(bundle.dutiesAt());
		OrgValidator.Validation validation = new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(document);
		if (tooLongToStore(document)) {
			assertThat(validation.problems()).extracting(ImportProblem::code).contains(ProblemCodes.TOO_LONG);
		}
		else {
			assertThat(validation.problems()).filteredOn(ImportProblem::isError)
				.extracting(ImportProblem::code, ImportProblem::line, (problem) -> Differences.shown(problem.message()))
				.isEmpty();
		}
	}

	@ParameterizedTest(name = "[{index}] case {0}")
	@MethodSource("brokenBundles")
	void shouldReportEveryBreakageAsADocumentedProblem(int n) {
		Random random = SEED.random(n);
		Bundle bundle = new Generator(random).bundle();
		Breakage breakage = Breakage.values()[n % Breakage.values().length];
		Broken broken = breakage.apply(bundle, random);

		ParseResult result = this.parser.parse(ORG, broken.files());

		assertDocumented(result, broken.files());
		broken.expectation().accept(result);
	}

	// ---- what a well-formed bundle must give ------------------------------------------------

	private static List<Duty> duties(OrgDocument document) {
		List<Duty> duties = new ArrayList<>();
		document.units().forEach((unit) -> duties.addAll(unit.duties()));
		document.positions().forEach((position) -> duties.addAll(position.duties()));
		return duties;
	}

	/** Keys (given or derived) and duty texts beyond what the store's indexes take (see OrgValidator). */
	private static boolean tooLongToStore(OrgDocument document) {
		List<String> keys = new ArrayList<>();
		document.units().forEach((u) -> keys.add(u.key()));
		document.positions().forEach((p) -> keys.add(p.key()));
		document.people().forEach((p) -> keys.add(p.key()));
		document.units().forEach((u) -> keys.addAll(dutyKeys("U:" + u.key(), u.duties())));
		document.positions().forEach((p) -> keys.addAll(dutyKeys("P:" + p.key(), p.duties())));
		return keys.stream().anyMatch((key) -> key.length() > OrgValidator.MAX_KEY_LENGTH) || duties(document).stream()
			.anyMatch((duty) -> DutyText.normalize(duty.text())
				.getBytes(StandardCharsets.UTF_8).length > OrgValidator.MAX_DUTY_NORM_BYTES);
	}

	private static List<String> dutyKeys(String holder, List<Duty> duties) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < duties.size(); i++) {
			keys.add(duties.get(i).key() != null ? duties.get(i).key() : holder + ":" + (i + 1));
		}
		return keys;
	}

	// ---- what any bundle must give -----------------------------------------------------------

	/**
	 * The parser's contract whatever it is sent: problems with documented codes naming a file
	 * that was sent, a line within that file and a column; a document or an error; and a
	 * document the organisation check can take without failing.
	 */
	private static void assertDocumented(ParseResult result, List<ImportFile> files) {
		ParserChecks.assertDocumented(result, files, "people.csv", (problem) -> READING_CODES,
				OrgValidator.Strictness.DOCUMENT);
	}

	// ---- broken bundles --------------------------------------------------------------------------

	/** A broken bundle: the files sent and what, beyond the contract, reading them must show. */
	private record Broken(List<ImportFile> files, Consumer<ParseResult> expectation) {
	}

	/** Ways a bundle breaks, each case taking the next in turn. */
	private enum Breakage {

		EMPTY_FILE, HEADER_ONLY, UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, MISSING_CELL, EXTRA_CELL, UNKNOWN_HEADER,
		DUPLICATE_KEY, DUPLICATE_ROW, BAD_NUMBER, NUL, ENCODED_SURROGATE, TRUNCATED, STRAY_BYTES, SHUFFLED_LINES,
		UNKNOWN_FILE, SECOND_FILE, NO_PEOPLE;

		Broken apply(Bundle bundle, Random random) {
			List<String> roles = new ArrayList<>(bundle.tables().keySet());
			String role = roles.get(random.nextInt(roles.size()));
			Table table = bundle.tables().get(role);
			return switch (this) {
				case EMPTY_FILE -> emptyFile(bundle, role, random);
				case HEADER_ONLY -> headerOnly(bundle, role);
				case UNCLOSED_QUOTE -> unclosedQuote(bundle, role, random);
				case TEXT_AFTER_QUOTE -> textAfterQuote(bundle, role, random);
				case MISSING_CELL -> raggedRow(bundle, role, random, false);
				case EXTRA_CELL -> raggedRow(bundle, role, random, true);
				case UNKNOWN_HEADER -> unknownHeader(bundle, role, random);
				case DUPLICATE_KEY -> duplicateKey(bundle, random);
				case DUPLICATE_ROW -> duplicateRow(bundle, random);
				case BAD_NUMBER -> badNumber(bundle, random);
				case NUL -> {
					String text = bundle.text(role);
					int at = charBoundary(text, random.nextInt(text.length() + 1));
					String withNul = text.substring(0, at) + '\0' + text.substring(at);
					yield anyOutcome(bundle.filesWith(role, table.file(withNul)));
				}
				case ENCODED_SURROGATE -> encodedSurrogate(bundle, role, random);
				case TRUNCATED -> {
					byte[] content = table.file(bundle.text(role)).content();
					byte[] cut = Arrays.copyOf(content, random.nextInt(content.length + 1));
					yield anyOutcome(bundle.filesWith(role, new ImportFile(table.name, cut)));
				}
				case STRAY_BYTES -> {
					byte[] content = table.file(bundle.text(role)).content().clone();
					for (int i = 1 + random.nextInt(3); i > 0 && content.length > 0; i--) {
						content[random.nextInt(content.length)] = (byte) random.nextInt(256);
					}
					yield anyOutcome(bundle.filesWith(role, new ImportFile(table.name, content)));
				}
				case SHUFFLED_LINES -> {
					List<String> lines = new ArrayList<>(List.of(bundle.text(role).split("(?<=\n)")));
					Collections.shuffle(lines, random);
					yield anyOutcome(bundle.filesWith(role, table.file(String.join("", lines))));
				}
				case UNKNOWN_FILE -> unknownFile(bundle, random);
				case SECOND_FILE -> secondFile(bundle, role, random);
				case NO_PEOPLE -> {
					List<ImportFile> files = new ArrayList<>(bundle.files());
					files.removeIf((file) -> file.name().equals(bundle.tables().get("people").name)
							|| bundle.tables().containsKey("positions")
									&& file.name().equals(bundle.tables().get("positions").name));
					yield new Broken(files, (result) -> {
						assertThat(result.document()).isNull();
						assertThat(located(result))
							.contains(tuple(ProblemCodes.MISSING_FILE, "people.csv", 0, 0, Severity.ERROR));
					});
				}
			};
		}

	}

	/** Anything may come of it, as long as it is documented (see {@link #assertDocumented}). */
	private static Broken anyOutcome(List<ImportFile> files) {
		return new Broken(files, (result) -> {
		});
	}

	/** An empty people.csv (or positions.csv) stops the import; any other empty file is as if absent. */
	private static Severity emptySeverity(Bundle bundle, String role) {
		return role.equals(bundle.main()) ? Severity.ERROR : Severity.WARNING;
	}

	private static Broken emptyFile(Bundle bundle, String role, Random random) {
		Table table = bundle.tables().get(role);
		String text = List.of("", "\n\n", "\r\n \r\n", ",,,\n", "\t\n", ";;\r").get(random.nextInt(6));
		Severity severity = emptySeverity(bundle, role);
		return new Broken(bundle.filesWith(role, table.file(text)), (result) -> {
			assertThat(located(result)).contains(tuple(ProblemCodes.EMPTY_FILE, table.name, 0, 0, severity));
			assertThat(result.document() == null).isEqualTo(severity == Severity.ERROR);
		});
	}

	private static Broken headerOnly(Bundle bundle, String role) {
		Table table = new Table(bundle.tables().get(role));
		table.rows.clear();
		Rendered rendered = table.render();
		Severity severity = emptySeverity(bundle, role);
		return new Broken(bundle.filesWith(role, table.file(rendered.text())), (result) -> {
			assertThat(located(result))
				.contains(tuple(ProblemCodes.HEADER_ONLY, table.name, rendered.headerLine(), 0, severity));
			assertThat(result.document() == null).isEqualTo(severity == Severity.ERROR);
		});
	}

	/** A last line opening a quote it never closes: the line and cell where the quote is. */
	private static Broken unclosedQuote(Bundle bundle, String role, Random random) {
		Table table = bundle.tables().get(role);
		String text = bundle.text(role);
		if (!text.endsWith(table.newline)) {
			text += table.newline;
		}
		int line = breaks(text) + 1;
		text += "\"" + HostileStrings.sample(random).replace("\"", "");
		return new Broken(bundle.filesWith(role, table.file(text)), (result) -> {
			assertThat(result.document()).isNull();
			assertThat(located(result)).contains(tuple(ProblemCodes.MALFORMED_CSV, table.name, line, 1, Severity.ERROR));
			assertThat(result.problems()).anyMatch((problem) -> problem.message().contains("never closed"));
		});
	}

	/** Text after a quoted cell's closing quote ({@code "Clerk" (temp)}): that line and cell. */
	private static Broken textAfterQuote(Bundle bundle, String role, Random random) {
		Table table = bundle.tables().get(role);
		int row = random.nextInt(table.rows.size());
		int cell = random.nextInt(table.fields.size());
		Map<String, String> verbatim = new HashMap<>();
		for (int c = 0; c <= cell; c++) {
			// on one line, so that the cell's line is the row's
			String flat = table.rows.get(row).get(c).replace('\r', ' ').replace('\n', ' ');
			verbatim.put(row + ":" + c, '"' + flat.replace("\"", "\"\"") + '"');
		}
		verbatim.merge(row + ":" + cell, List.of("x", "Jr", "(temp)", "é", "中").get(random.nextInt(5)), String::concat);
		Rendered rendered = table.render(verbatim);
		return new Broken(bundle.filesWith(role, table.file(rendered.text())), (result) -> {
			assertThat(result.document()).isNull();
			assertThat(located(result)).contains(tuple(ProblemCodes.MALFORMED_CSV, table.name,
					rendered.rowLines()[row], cell + 1, Severity.ERROR));
		});
	}

	/** A row a cell short or a cell long: its line, and the number of cells it has. */
	private static Broken raggedRow(Bundle bundle, String role, Random random, boolean longer) {
		Table table = new Table(bundle.tables().get(role));
		int row = random.nextInt(table.rows.size());
		List<String> cells = table.rows.get(row);
		if (longer) {
			cells.add(HostileStrings.sample(random) + "x");
		}
		else if (cells.size() > 1) {
			cells.removeLast();
		}
		else {
			cells.add("x");
		}
		Rendered rendered = table.render();
		return new Broken(bundle.filesWith(role, table.file(rendered.text())), (result) -> {
			assertThat(result.hasErrors()).isTrue();
			assertThat(located(result)).contains(tuple(ProblemCodes.RAGGED_ROW, table.name, rendered.rowLines()[row],
					cells.size(), Severity.ERROR));
		});
	}

	/** A required column under a header nobody knows: the header line, column 0. */
	private static Broken unknownHeader(Bundle bundle, String role, Random random) {
		Table table = new Table(bundle.tables().get(role));
		List<Integer> required = IntStream.range(0, table.fields.size())
			.filter((i) -> table.fields.get(i).required())
			.boxed()
			.toList();
		int column = required.get(random.nextInt(required.size()));
		String header = HostileStrings.sample(random);
		table.header.set(column, header);
		// quoted, as a spreadsheet writes it, so that a separator in it is not taken for the file's
		Rendered rendered = table.render(Map.of("-1:" + column, '"' + header.replace("\"", "\"\"") + '"'));
		return new Broken(bundle.filesWith(role, table.file(rendered.text())), (result) -> {
			assertThat(result.document()).isNull();
			assertThat(located(result)).contains(tuple(ProblemCodes.MISSING_COLUMN, table.name,
					rendered.headerLine(), 0, Severity.ERROR));
		});
	}

	/** A unit, post or person twice under one key with different names: the check refuses it. */
	private static Broken duplicateKey(Bundle bundle, Random random) {
		List<String> roles = new ArrayList<>(List.of("units", "positions", "people"));
		roles.retainAll(bundle.tables().keySet());
		String role = roles.get(random.nextInt(roles.size()));
		Table table = new Table(bundle.tables().get(role));
		String renamed = role.equals("positions") ? "title" : "name";
		int row = random.nextInt(table.rows.size());
		List<String> copy = new ArrayList<>(table.rows.get(row));
		String before = read(copy.get(table.column(renamed) - 1));
		String name = HostileStrings.sample(random);
		while (read(name) == null || read(name).equals(before)) {
			name = HostileStrings.sample(random);
		}
		copy.set(table.column(renamed) - 1, name);
		table.rows.add(row + 1 + random.nextInt(table.rows.size() - row), copy);
		String key = read(copy.get(table.column(role.equals("people") ? "id" : "key") - 1));
		return new Broken(bundle.filesWith(role, table.file(table.render().text())), (result) -> {
			assertThat(result.document()).isNotNull();
			assertThat(new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(result.document()).problems())
				.extracting(ImportProblem::code)
				.contains((key.length() > OrgValidator.MAX_KEY_LENGTH) ? ProblemCodes.TOO_LONG
						: ProblemCodes.DUPLICATE_KEY);
		});
	}

	/** A row repeated exactly, later in its file: read once, the repeat's line reported. */
	private static Broken duplicateRow(Bundle bundle, Random random) {
		List<String> roles = new ArrayList<>(bundle.tables().keySet());
		roles.remove("org");
		String role = roles.get(random.nextInt(roles.size()));
		Table table = new Table(bundle.tables().get(role));
		int row = random.nextInt(table.rows.size());
		int repeat = row + 1 + random.nextInt(table.rows.size() - row);
		table.rows.add(repeat, new ArrayList<>(table.rows.get(row)));
		Rendered rendered = table.render();
		return new Broken(bundle.filesWith(role, table.file(rendered.text())), (result) -> {
			assertThat(located(result)).contains(tuple(ProblemCodes.DUPLICATE_ROW, table.name,
					rendered.rowLines()[repeat], 1, Severity.WARNING));
			assertThat(Differences.between(bundle.expected(), result.document())).isEmpty();
		});
	}

	private static final Pattern NUMBERISH = Pattern.compile("[0-9.,%+\\s人名个]*|[yntf]|true|false|yes|no");

	/** Text where fte, acting or a headcount belongs: that cell. */
	private static Broken badNumber(Bundle bundle, Random random) {
		List<String[]> cells = new ArrayList<>();
		for (String[] candidate : List.of(new String[] { "people", "fte" }, new String[] { "people", "acting" },
				new String[] { "units", "headcount" }, new String[] { "positions", "headcount" })) {
			if (bundle.tables().containsKey(candidate[0]) && bundle.tables().get(candidate[0]).has(candidate[1])) {
				cells.add(candidate);
			}
		}
		if (cells.isEmpty()) {
			return raggedRow(bundle, "people", random, true);
		}
		String[] chosen = cells.get(random.nextInt(cells.size()));
		Table table = new Table(bundle.tables().get(chosen[0]));
		int row = random.nextInt(table.rows.size());
		String value = HostileStrings.sample(random);
		while (read(value) == null || NUMBERISH.matcher(read(value).toLowerCase(Locale.ROOT)).matches()) {
			value = HostileStrings.sample(random);
		}
		table.rows.get(row).set(table.column(chosen[1]) - 1, value);
		Rendered rendered = table.render();
		return new Broken(bundle.filesWith(chosen[0], table.file(rendered.text())), (result) -> {
			assertThat(result.hasErrors()).isTrue();
			assertThat(located(result)).contains(tuple(ProblemCodes.BAD_VALUE, table.name, rendered.rowLines()[row],
					table.column(chosen[1]), Severity.ERROR));
		});
	}

	/**
	 * Half a surrogate pair as UTF-8 encodes it ({@code ED A0 80}, which is no UTF-8): refused
	 * at its line and column, never read as text.
	 */
	private static Broken encodedSurrogate(Bundle bundle, String role, Random random) {
		Table table = bundle.tables().get(role);
		String text = bundle.text(role);
		int at = charBoundary(text, random.nextInt(text.length() + 1));
		String before = text.substring(0, at);
		byte[] prefix = table.file(before).content();
		byte[] surrogate = { (byte) 0xED, (byte) (0xA0 + random.nextInt(32)), (byte) (0x80 + random.nextInt(64)) };
		byte[] suffix = text.substring(at).getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + 3 + suffix.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(surrogate, 0, content, prefix.length, 3);
		System.arraycopy(suffix, 0, content, prefix.length + 3, suffix.length);
		int line = (int) before.chars().filter((c) -> c == '\n').count() + 1;
		int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
		return new Broken(bundle.filesWith(role, new ImportFile(table.name, content)), (result) -> {
			assertThat(result.document()).isNull();
			assertThat(located(result))
				.contains(tuple(ProblemCodes.BAD_ENCODING, table.name, line, column, Severity.ERROR));
		});
	}

	/** A file that is no part of a bundle: a warning, and the bundle read as if it were not there. */
	private static Broken unknownFile(Bundle bundle, Random random) {
		String name = List.of("readme.txt", "people.xlsx", "people.csv.bak", "~$people.csv", "people.csv/notes")
			.get(random.nextInt(5));
		List<ImportFile> files = new ArrayList<>(bundle.files());
		files.add(random.nextInt(files.size() + 1),
				new ImportFile(name, HostileStrings.sample(random).getBytes(StandardCharsets.UTF_8)));
		return new Broken(files, (result) -> {
			assertThat(located(result)).contains(tuple(ProblemCodes.UNKNOWN_FILE, name, 0, 0, Severity.WARNING));
			assertThat(Differences.between(bundle.expected(), result.document())).isEmpty();
		});
	}

	/** A second file of one kind (employees.csv beside people.csv): refused, naming the second. */
	private static Broken secondFile(Bundle bundle, String role, Random random) {
		List<String> names = FILE_NAMES.get(role);
		String name = "old/" + names.get(random.nextInt(names.size()));
		List<ImportFile> files = new ArrayList<>(bundle.files());
		files.add(new ImportFile(name, bundle.tables().get(role).file(bundle.text(role)).content()));
		return new Broken(files, (result) -> {
			assertThat(result.document()).isNull();
			assertThat(located(result)).contains(tuple(ProblemCodes.UNKNOWN_FILE, name, 0, 0, Severity.ERROR));
		});
	}

	/** {@code at}, or one before it when it would split a surrogate pair. */
	private static int charBoundary(String text, int at) {
		return (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) ? at - 1 : at;
	}

}
