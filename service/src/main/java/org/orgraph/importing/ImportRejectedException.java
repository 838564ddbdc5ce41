package org.orgraph.importing;

import java.util.List;

/**
 * The input was unsound; nothing was written. Carries the problems found (the first
 * {@value ProblemList#KEPT} errors and warnings) and how many there were in all.
 */
public final class ImportRejectedException extends RuntimeException {

	private final List<ImportProblem> problems;

	private final int errorCount;

	private final int warningCount;

	public ImportRejectedException(List<ImportProblem> problems) {
		super(ProblemList.errorCount(problems) + " problem(s) in the import; nothing was changed");
		this.errorCount = ProblemList.errorCount(problems);
		this.warningCount = ProblemList.warningCount(problems);
		this.problems = List.copyOf(problems instanceof ProblemList ? problems : new ProblemList(problems));
	}

	/** The problems kept: at most {@value ProblemList#KEPT} errors and as many warnings. */
	public List<ImportProblem> problems() {
		return this.problems;
	}

	/** Every error found, including those not kept. */
	public int errorCount() {
		return this.errorCount;
	}

	public int warningCount() {
		return this.warningCount;
	}

}
