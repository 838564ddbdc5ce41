package org.orgraph.history;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.duties.Orphan;
import org.orgraph.duties.Overlap;

/**
 * What changed from one revision to another, matched by the user's keys: an item whose key
 * is in both revisions is the same item (a post reference reused for a different job looks
 * like a changed post, not a new one).
 */
public record RevisionDiff(int from, int to, List<Change> unitsAdded, List<Change> unitsRemoved,
		List<Change> unitsMoved, List<Change> positionsAdded, List<Change> positionsRemoved, List<Change> positionsMoved,
		List<Change> reportingChanged, List<Change> holdersChanged, List<Orphan> dutiesNewlyOrphaned,
		List<Overlap> dutiesNewlyOverlapping) {

	/**
	 * One changed item: its key and name (title for positions), and the value before and
	 * after as keys (parent unit, unit, manager, or the holders' person keys; null when absent).
	 */
	public record Change(String key, String name, @Nullable String before, @Nullable String after) {
	}

	public String summary() {
		return "%d units added, %d removed, %d moved; %d positions added, %d removed, %d moved; %d reporting lines changed; %d posts changed holders; %d duties newly orphaned; %d new overlaps"
			.formatted(this.unitsAdded.size(), this.unitsRemoved.size(), this.unitsMoved.size(),
					this.positionsAdded.size(), this.positionsRemoved.size(), this.positionsMoved.size(),
					this.reportingChanged.size(), this.holdersChanged.size(), this.dutiesNewlyOrphaned.size(),
					this.dutiesNewlyOverlapping.size());
	}

}
