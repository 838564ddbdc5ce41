package org.orgraph.importing;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The problems of one import, bounded: the first {@value #KEPT} errors and the first
 * {@value #KEPT} warnings are kept, the rest only counted. A document of millions of broken
 * rows is answered with a page of problems and the totals, not with millions of objects
 * (a 200 MB document once answered 9.1 million errors in a 1.35 GB body).
 */
final class ProblemList extends AbstractList<ImportProblem> {

	static final int KEPT = 1_000;

	private final List<ImportProblem> kept = new ArrayList<>();

	private int errors;

	private int warnings;

	private int keptErrors;

	private int keptWarnings;

	ProblemList() {
	}

	ProblemList(Collection<ImportProblem> problems) {
		addAll(problems);
	}

	@Override
	public boolean add(ImportProblem problem) {
		if (problem.isError()) {
			this.errors++;
			if (this.keptErrors < KEPT) {
				this.keptErrors++;
				this.kept.add(problem);
			}
		}
		else {
			this.warnings++;
			if (this.keptWarnings < KEPT) {
				this.keptWarnings++;
				this.kept.add(problem);
			}
		}
		return true;
	}

	@Override
	public boolean addAll(Collection<? extends ImportProblem> problems) {
		if (problems instanceof ProblemList other) {
			// the other list's totals count what it no longer holds
			other.kept.forEach(this::add);
			this.errors += other.errors - other.keptErrors;
			this.warnings += other.warnings - other.keptWarnings;
			return !problems.isEmpty();
		}
		problems.forEach(this::add);
		return !problems.isEmpty();
	}

	@Override
	public ImportProblem get(int index) {
		return this.kept.get(index);
	}

	@Override
	public int size() {
		return this.kept.size();
	}

	/** Every error found, kept or not. */
	int errorCount() {
		return this.errors;
	}

	/** Every warning found, kept or not. */
	int warningCount() {
		return this.warnings;
	}

	/** Errors in {@code problems}, counting those a {@link ProblemList} no longer holds. */
	static int errorCount(List<ImportProblem> problems) {
		return problems instanceof ProblemList list ? list.errorCount()
				: (int) problems.stream().filter(ImportProblem::isError).count();
	}

	static int warningCount(List<ImportProblem> problems) {
		return problems instanceof ProblemList list ? list.warningCount()
				: (int) problems.stream().filter(p -> !p.isError()).count();
	}

}
