package org.orgraph.graph;

/**
 * Neo4j did not answer before the deadline (the connection stalled) or could not be reached:
 * the request fails now rather than hang, and can be retried once the database is back.
 */
public class DatabaseUnreachableException extends RuntimeException {

	public DatabaseUnreachableException(String message) {
		super(message);
	}

}
