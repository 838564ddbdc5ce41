package org.orgraph.command;

/** Arguments that cannot be answered as given ({@code extensions.code} BAD_ARGUMENT). */
public final class InvalidArgumentException extends RuntimeException {

	InvalidArgumentException(String message) {
		super(message);
	}

}
