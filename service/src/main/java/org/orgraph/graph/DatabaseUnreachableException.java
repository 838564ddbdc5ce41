package org.orgraph.graph;

/**
 * Neo4j did not answer before the deadline (the connection stalled) or could not be reached
 * (the driver gave up: {@code ServiceUnavailableException}, {@code SessionExpiredException}):
 * the request fails now rather than hang, and can be retried once the database is back.
 * {@link Graph} throws only this for all of these, so every caller handles one type.
 */
public class DatabaseUnreachableException extends RuntimeException {

	public DatabaseUnreachableException(String message) {
		super(message);
	}

	public DatabaseUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
