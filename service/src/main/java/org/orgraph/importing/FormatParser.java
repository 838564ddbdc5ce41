package org.orgraph.importing;

import java.util.List;

/**
 * Reads one import format into an {@link OrgDocument}. A parser reports what it cannot read
 * (encoding, shape, values) with file, line and column; structural checks across the whole
 * document (references, duplicates, cycles) are {@link OrgValidator}'s job. Other features
 * may add formats as beans (the documents feature adds {@code document}).
 */
public interface FormatParser {

	/** The name clients use in the {@code format} part: {@code org-json}, {@code csv-bundle}, … */
	String format();

	ParseResult parse(String orgKey, List<ImportFile> files);

	/**
	 * The refusal of a format that reads exactly one file, when {@code files} is not one file
	 * (MISSING_FILE for none, BAD_VALUE for several); null when it is.
	 */
	static @org.jspecify.annotations.Nullable ParseResult notOneFile(List<ImportFile> files, String what) {
		if (files.size() == 1) {
			return null;
		}
		OrgDocument.Location at = OrgDocument.Location.of(files.isEmpty() ? "" : files.getFirst().name(), 0, 0);
		return new ParseResult(null, List.of(ImportProblem.error(at,
				files.isEmpty() ? ProblemCodes.MISSING_FILE : ProblemCodes.BAD_VALUE,
				what + " takes exactly one file, got " + files.size())));
	}

}
