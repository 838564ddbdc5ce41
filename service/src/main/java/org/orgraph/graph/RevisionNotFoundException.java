package org.orgraph.graph;

/** A revision number the organisation does not have (or that never completed). */
public final class RevisionNotFoundException extends RuntimeException implements ErrorCoded {

	public RevisionNotFoundException(String org, int number) {
		super("organisation \"" + org + "\" has no revision " + number);
	}

	public RevisionNotFoundException(String org) {
		super("organisation \"" + org + "\" has no complete revision yet");
	}

	@Override
	public String code() {
		return "REVISION_NOT_FOUND";
	}

}
