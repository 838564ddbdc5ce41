package org.orgraph.duties;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;

/**
 * Duties held more than once: the same text after normalisation (EXACT, score 1) or worded
 * differently but stating the same responsibility or part of it (SIMILAR, scored from meaning
 * and components, with what both share and what each has alone). {@code extent} says whether
 * the duties state the same responsibility (FULL) or share a part of it (PARTIAL).
 * {@code settledBy} is the lowest position above every holder: who would decide, and
 * {@code settledByTitle} its title. The explanation is written when asked for: a large
 * organisation has hundreds of thousands of exact overlaps, and a page shows a few of them.
 */
public record Overlap(String id, Kind kind, double score, Extent extent, List<DutyView> duties,
		HolderRelation relation, @Nullable String settledBy, @Nullable String settledByTitle, Revision rev,
		Evidence evidence) {

	/** The overlap in one English sentence: the duties, their holders, how they stand, who settles it. */
	public String explanation() {
		StringBuilder text = new StringBuilder();
		text.append(this.kind == Kind.EXACT ? "The same duty is held " + this.duties.size() + " times: "
				: this.extent == Extent.FULL ? "Two duties state the same responsibility in other words: "
						: "Two duties share part of a responsibility: ");
		for (int i = 0; i < this.duties.size(); i++) {
			DutyView d = this.duties.get(i);
			text.append(i == 0 ? "" : "; ")
				.append("「").append(d.text()).append("」 by ")
				.append(d.holder().kind() == HolderKind.UNIT ? "unit " : "position ")
				.append(d.holder().name()).append(" (").append(d.holder().key()).append(")");
		}
		text.append(". The holders are ").append(describe(this.relation)).append('.');
		if (!this.evidence.matched().isEmpty()) {
			text.append(" Both: ").append(String.join(" + ", this.evidence.matched()));
			if (!this.evidence.onlyInFirst().isEmpty()) {
				text.append("; only the first: ").append(String.join(" + ", this.evidence.onlyInFirst()));
			}
			if (!this.evidence.onlyInSecond().isEmpty()) {
				text.append("; only the second: ").append(String.join(" + ", this.evidence.onlyInSecond()));
			}
			text.append('.');
		}
		if (this.evidence.meaning() != null) {
			text.append(" Meaning ").append(String.format(Locale.ROOT, "%.2f", this.evidence.meaning()))
				.append(Boolean.TRUE.equals(this.evidence.contrast()) ? ", but they differ in what they act on" : "")
				.append('.');
		}
		if (this.settledBy != null) {
			text.append(" Settled by ")
				.append(this.settledByTitle == null ? this.settledBy : this.settledByTitle)
				.append(" (").append(this.settledBy).append(").");
		}
		else {
			text.append(" No common superior: the holders report to different tops.");
		}
		return text.toString();
	}

	private static String describe(HolderRelation relation) {
		return switch (relation) {
			case SAME_HOLDER -> "one and the same: it lists the duty twice";
			case UNIT_AND_OWN_POSITION -> "a unit and a post inside it";
			case PARENT_CHILD -> "a unit and one of its sub-units";
			case DELEGATION -> "a manager and someone in their line";
			case SIBLINGS -> "siblings: under the same parent unit or the same manager";
			case CROSS_BRANCH -> "in different branches of the organisation";
		};
	}

	public enum Kind {

		EXACT, SIMILAR

	}

	public enum Extent {

		/** The same responsibility (in other words). */
		FULL,
		/** One shares a component of the other: a clause, an action on the same object. */
		PARTIAL

	}

	/**
	 * What the duties share ({@code matched}: words of the first whose synonym class the second
	 * has) and what each has alone; {@code meaning} is the cosine of the two texts' embeddings and
	 * {@code contrast} whether they differ only in a contrasting object (售前/售后), both null for
	 * EXACT and for answers from words alone.
	 */
	public record Evidence(List<String> matched, List<String> onlyInFirst, List<String> onlyInSecond,
			@Nullable Double meaning, @Nullable Boolean contrast) {

		static final Evidence SAME_TEXT = new Evidence(List.of(), List.of(), List.of(), null, null);

		static Evidence ofWords(List<String> matched, List<String> onlyInFirst, List<String> onlyInSecond) {
			return new Evidence(matched, onlyInFirst, onlyInSecond, null, null);
		}

	}

}
