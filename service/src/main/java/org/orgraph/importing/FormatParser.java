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

}
