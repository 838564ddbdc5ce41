package org.orgraph.importing;

import org.jspecify.annotations.Nullable;

/**
 * One change to an organisation, applied to its current revision to make the next one
 * ({@code editOrganization}). Keys are those of the revision the edit is made against.
 */
public sealed interface OrgEdit {

	/** {@code position} now reports to {@code reportsTo}; null removes the stated line (it is derived from unit heads). */
	record SetReportsTo(String position, @Nullable String reportsTo) implements OrgEdit {
	}

	/** {@code position} moves to {@code unit}. */
	record MovePosition(String position, String unit) implements OrgEdit {
	}

	/** A new duty for a unit or a position; {@code key} null derives one. */
	record AddDuty(HolderKind holderKind, String holder, String text, @Nullable String key) implements OrgEdit {
	}

	/** Removes the duty with this key, wherever it is held. */
	record RemoveDuty(String duty) implements OrgEdit {
	}

	enum HolderKind {

		UNIT, POSITION

	}

}
