package org.orgraph.duties;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Views.DutyView;

/**
 * Duties held more than once: the same text after normalisation (EXACT, score 1) or worded
 * differently but stating the same responsibility or part of it (SIMILAR, scored from meaning
 * and components, with what both share and what each has alone). {@code extent} says whether
 * the duties state the same responsibility (FULL) or share a part of it (PARTIAL).
 * {@code settledBy} is the lowest position above every holder: who would decide.
 */
public record Overlap(String id, Kind kind, double score, Extent extent, List<DutyView> duties,
		HolderRelation relation, @Nullable String settledBy, Revision rev, Evidence evidence, String explanation) {

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
