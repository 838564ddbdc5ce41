package org.orgraph.importing;

import java.util.List;

/** The input was unsound; nothing was written. Carries every problem found. */
public final class ImportRejectedException extends RuntimeException {

	private final List<ImportProblem> problems;

	public ImportRejectedException(List<ImportProblem> problems) {
		super(problems.stream().filter(ImportProblem::isError).count() + " problem(s) in the import; nothing was changed");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
