package org.orgraph.history;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.duties.Orphan;
import org.orgraph.duties.Overlap;

/**
 * What changed from one revision to another. Units and positions are matched by the user's
 * keys: an item whose key is in both revisions is the same item. People are matched as
 * {@link PeopleMatching} says (person keys where the source has them, names where it does
 * not), and so are the holders of a post; where the source's post keys are seats that may be
 * reused (UK organograms), a post is the same role when its key and title both match, or when
 * its title is found once in each revision.
 *
 * @param peopleMatchedBy {@code PERSON_KEY} or {@code NAME}
 */
record RevisionDiff(int from, int to, List<Change> unitsAdded, List<Change> unitsRemoved,
		List<Change> unitsMoved, List<Change> positionsAdded, List<Change> positionsRemoved, List<Change> positionsMoved,
		List<Change> reportingChanged, List<Change> holdersChanged, List<Orphan> dutiesNewlyOrphaned,
		List<Overlap> dutiesNewlyOverlapping, List<PersonChange> peopleJoined, List<PersonChange> peopleLeft,
		List<PersonChange> peopleMoved, String peopleMatchedBy) {

	/**
	 * One changed item: its key and name (title for positions), and the value before and
	 * after as keys (parent unit, unit, manager, or the holders' person keys; null when absent).
	 */
	public record Change(String key, String name, @Nullable String before, @Nullable String after) {
	}

	/**
	 * A person who joined, left or moved: the key and name in the revision that has them (the
	 * later one when both do), and the posts held before and after.
	 */
	public record PersonChange(String key, String name, List<HeldPost> before, List<HeldPost> after) {
	}

	public record HeldPost(String key, String title, String unit) {
	}

	/** {@link #summary()} in Chinese. */
	public String summaryZh() {
		return "新增部门 %d 个，撤销 %d 个，调整 %d 个；新增岗位 %d 个，撤销 %d 个，调整 %d 个；汇报关系变化 %d 条；任职人员变化的岗位 %d 个；新加入 %d 人，离开 %d 人，调动 %d 人；新增无人承担的职责 %d 项；新增职责重叠 %d 处"
			.formatted(this.unitsAdded.size(), this.unitsRemoved.size(), this.unitsMoved.size(),
					this.positionsAdded.size(), this.positionsRemoved.size(), this.positionsMoved.size(),
					this.reportingChanged.size(), this.holdersChanged.size(), this.peopleJoined.size(),
					this.peopleLeft.size(), this.peopleMoved.size(), this.dutiesNewlyOrphaned.size(),
					this.dutiesNewlyOverlapping.size());
	}

	public String summary() {
		return "%d units added, %d removed, %d moved; %d positions added, %d removed, %d moved; %d reporting lines changed; %d posts changed holders; %d people joined, %d left, %d moved; %d duties newly orphaned; %d new overlaps"
			.formatted(this.unitsAdded.size(), this.unitsRemoved.size(), this.unitsMoved.size(),
					this.positionsAdded.size(), this.positionsRemoved.size(), this.positionsMoved.size(),
					this.reportingChanged.size(), this.holdersChanged.size(), this.peopleJoined.size(),
					this.peopleLeft.size(), this.peopleMoved.size(), this.dutiesNewlyOrphaned.size(),
					this.dutiesNewlyOverlapping.size());
	}

}
