package org.orgraph.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a format parser produced: the document (null when the input could not be read at all)
 * and the problems it met on the way.
 */
public record ParseResult(@Nullable OrgDocument document, List<ImportProblem> problems) {

	public ParseResult {
		problems = List.copyOf(problems);
	}

	public boolean hasErrors() {
		return this.document == null || this.problems.stream().anyMatch(ImportProblem::isError);
	}

}
