package org.orgraph.command;

import org.orgraph.graph.ErrorCoded;
import org.orgraph.graph.Revision;

/** A position or person key the revision does not have. */
final class KeyNotFoundException extends RuntimeException implements ErrorCoded {

	private KeyNotFoundException(String message) {
		super(message);
	}

	/** {@code what}: e.g. "position". */
	static KeyNotFoundException of(Revision rev, String what, String key) {
		return new KeyNotFoundException("organisation \"" + rev.organization() + "\" has no " + what + " \"" + key
				+ "\" in revision " + rev.number());
	}

	@Override
	public String code() {
		return "NOT_FOUND";
	}

}
