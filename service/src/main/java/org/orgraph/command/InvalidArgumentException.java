package org.orgraph.command;

import org.orgraph.graph.ErrorCoded;

/** Arguments that cannot be answered as given. */
final class InvalidArgumentException extends RuntimeException implements ErrorCoded {

	InvalidArgumentException(String message) {
		super(message);
	}

	@Override
	public String code() {
		return "BAD_ARGUMENT";
	}

}
