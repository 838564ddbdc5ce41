package org.orgraph.metrics;

import org.jspecify.annotations.Nullable;

/**
 * Duty overlap and orphan counts of one revision, for the metrics ({@code orgMetrics} and the
 * {@code org-metrics} export). Implemented by the duty analytics; while no bean implements it,
 * the metrics leave these figures null. {@code rev} is a complete revision's id,
 * {@code "<org>/<number>"}, the {@code rev} property of every node of that revision.
 */
public interface DutyFindings {

	/** How many overlaps of duties with the same normalised text {@code dutyOverlaps(mode: EXACT)} lists. */
	int exactOverlaps(String rev);

	/**
	 * How many overlaps of similar duties {@code dutyOverlaps(mode: SIMILAR)} lists at its default
	 * threshold; null when there are more than the service holds (it answers TOO_MANY_OVERLAPS).
	 */
	@Nullable Integer similarOverlaps(String rev);

	/** How many orphaned duties {@code orphanedDuties} lists. */
	int orphans(String rev);

}
