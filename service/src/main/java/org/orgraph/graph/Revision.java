package org.orgraph.graph;

/**
 * One complete revision of an organisation: the value every read of a revision carries, from
 * the GraphQL argument to the Cypher parameter. Its {@link #id()}, {@code "<org>/<number>"},
 * is the {@code rev} property of every node the revision holds.
 */
public record Revision(String organization, int number) {

	/** The revision a node's {@code rev} property names. */
	public static Revision of(String id) {
		int slash = id.lastIndexOf('/');
		if (slash <= 0) {
			throw new IllegalArgumentException("not a revision id: " + id);
		}
		return new Revision(id.substring(0, slash), Integer.parseInt(id.substring(slash + 1)));
	}

	/** The {@code rev} property of the revision's nodes, and the {@code $rev} of every query. */
	public String id() {
		return this.organization + "/" + this.number;
	}

	@Override
	public String toString() {
		return id();
	}

}
