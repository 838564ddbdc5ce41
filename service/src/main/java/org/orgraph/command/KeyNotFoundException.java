package org.orgraph.command;

/** A position or person key the revision does not have ({@code extensions.code} NOT_FOUND). */
public final class KeyNotFoundException extends RuntimeException {

	private KeyNotFoundException(String message) {
		super(message);
	}

	/** {@code rev} is a revision id, {@code org/N}; {@code what} e.g. "position". */
	static KeyNotFoundException of(String rev, String what, String key) {
		int slash = rev.lastIndexOf('/');
		return new KeyNotFoundException("organisation \"" + rev.substring(0, slash) + "\" has no " + what + " \"" + key
				+ "\" in revision " + rev.substring(slash + 1));
	}

}
