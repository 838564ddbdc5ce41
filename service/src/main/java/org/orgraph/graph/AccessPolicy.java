package org.orgraph.graph;

/**
 * What the current caller may see: which organisations, and whether personal names or
 * pseudonyms. Every read goes through {@link Revisions#organization(String)} and the name
 * fields, so this is the one place both rules are applied. The security module provides
 * the real policy; without it (command-line imports, start-up) everything is visible.
 */
public interface AccessPolicy {

	boolean canRead(String organization);

	boolean canSeeNames();

	/** A stable stand-in for a person's name, the same for the same person every time. */
	default String pseudonym(String organization, String personKey) {
		return "Person " + Integer.toHexString((organization + "\u0000" + personKey).hashCode() & 0xFFFFFF).toUpperCase(java.util.Locale.ROOT);
	}

	/** The name to show for a person. */
	default String name(String organization, String personKey, String name) {
		return canSeeNames() ? name : pseudonym(organization, personKey);
	}

}
