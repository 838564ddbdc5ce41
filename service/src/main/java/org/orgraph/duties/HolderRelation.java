package org.orgraph.duties;

/**
 * How the holders of an overlapping duty stand to each other, from closest to most distant.
 * For an overlap with more than two holders, the most distant pair decides.
 */
public enum HolderRelation {

	/** The same unit or position lists the duty twice. */
	SAME_HOLDER,
	/** A unit and a position inside it: the post carries out its unit's duty. */
	UNIT_AND_OWN_POSITION,
	/** A unit and one of its descendant units (or a position in one). */
	PARENT_CHILD,
	/** A manager and someone in their line: the duty is delegated (or not let go). */
	DELEGATION,
	/** Units with the same parent, or positions with the same manager. */
	SIBLINGS,
	/** Anything further apart: two branches of the organisation doing the same thing. */
	CROSS_BRANCH

}
