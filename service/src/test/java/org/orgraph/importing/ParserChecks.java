package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.assertj.core.groups.Tuple;
import org.orgraph.importing.OrgDocument.Location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Test helper for the seeded reader tests: what a reader's and the organisation check's problems may be. */
final class ParserChecks {

	/** The codes of the whole-organisation check that follows reading (docs/import.md). */
	static final Set<String> CHECKING_CODES = Set.of(ProblemCodes.DUPLICATE_KEY, ProblemCodes.UNKNOWN_PARENT,
			ProblemCodes.UNKNOWN_UNIT, ProblemCodes.UNKNOWN_MANAGER, ProblemCodes.UNKNOWN_POSITION,
			ProblemCodes.SELF_REPORT, ProblemCodes.CYCLE, ProblemCodes.UNIT_CYCLE, ProblemCodes.OVER_FILLED,
			ProblemCodes.TOO_LONG);

	/** The location of expected items (locations are compared separately). */
	static final Location NOWHERE = Location.of("", 0, 0);

	private ParserChecks() {
	}

	/** Each problem as (code, file, line, column, severity). */
	static List<Tuple> located(ParseResult result) {
		return result.problems()
			.stream()
			.map((p) -> tuple(p.code(), p.file(), p.line(), p.column(), p.severity()))
			.toList();
	}

	/**
	 * A reader's contract whatever it is sent: problems with documented codes (those
	 * {@code documentedCodes} gives for each problem) naming a file that was sent (or
	 * {@code missingFile}, for the file that was not), a line within that file and a column; a
	 * document or an error; and a document the organisation check takes without failing.
	 */
	static void assertDocumented(ParseResult result, List<ImportFile> files, String missingFile,
			Function<ImportProblem, Set<String>> documentedCodes, OrgValidator.Strictness strictness) {
		Map<String, Integer> lines = new HashMap<>();
		files.forEach((file) -> lines.put(file.name(), lineCount(file.content())));
		lines.putIfAbsent(missingFile, 0);
		assertThat(result.problems()).allSatisfy((problem) -> {
			assertThat(problem.code()).isIn(documentedCodes.apply(problem));
			assertThat(problem.file()).isIn(lines.keySet());
			assertThat(problem.line()).isBetween(0, lines.get(problem.file()));
			assertThat(problem.column()).isNotNegative();
			assertThat(problem.message()).isNotBlank();
		});
		if (result.document() == null) {
			assertThat(result.problems()).anyMatch(ImportProblem::isError);
			return;
		}
		assertCheckable(result.document(), strictness);
	}

	/** The organisation check takes what was read without failing: only its own codes, each explained. */
	static void assertCheckable(OrgDocument document, OrgValidator.Strictness strictness) {
		OrgValidator.Validation validation = new OrgValidator(strictness).validate(document);
		assertThat(validation.problems()).allSatisfy((problem) -> {
			assertThat(problem.code()).isIn(CHECKING_CODES);
			assertThat(problem.message()).isNotBlank();
		});
	}

	/** Lines as a text editor shows them: LF, CRLF and a lone CR each end one. */
	static int lineCount(byte[] bytes) {
		return breaks(new String(bytes, StandardCharsets.ISO_8859_1)) + 1;
	}

	static int breaks(String text) {
		int breaks = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				breaks++;
			}
		}
		return breaks;
	}

}
