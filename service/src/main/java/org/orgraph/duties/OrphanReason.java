package org.orgraph.duties;

/** Why nobody effectively holds a duty. */
public enum OrphanReason {

	/** No unit or position holds it. */
	NO_HOLDER,
	/** Held by a unit that has no positions, and no post anywhere holds the same duty. */
	UNIT_ONLY,
	/** Every post holding it (and every post in its holding unit) is vacant. */
	ALL_HOLDERS_VACANT,
	/** Held only through posts whose holders hold them concurrently with another post (兼任). */
	ONLY_CONCURRENT

}
