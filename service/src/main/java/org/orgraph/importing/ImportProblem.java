package org.orgraph.importing;

/**
 * Something wrong with an import's input. Errors reject the import; warnings are reported
 * with a successful import. {@code code} is stable: clients and tests match on it.
 */
public record ImportProblem(String file, int line, int column, String code, String message, Severity severity) {

	public enum Severity {

		ERROR, WARNING

	}

	public static ImportProblem error(OrgDocument.Location at, String code, String message) {
		return new ImportProblem(at.file(), at.line(), at.column(), code, message, Severity.ERROR);
	}

	public static ImportProblem warning(OrgDocument.Location at, String code, String message) {
		return new ImportProblem(at.file(), at.line(), at.column(), code, message, Severity.WARNING);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

}
