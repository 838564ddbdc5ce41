package org.orgraph.duties;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Views.DutyView;

/**
 * Duties held more than once: the same text after normalisation (EXACT, score 1) or worded
 * differently but saying the same (SIMILAR, with the terms that matched and those that did
 * not). {@code settledBy} is the lowest position above every holder: who would decide.
 */
public record Overlap(String id, Kind kind, double score, List<DutyView> duties, HolderRelation relation,
		@Nullable String settledBy, String rev, Evidence evidence, String explanation) {

	public enum Kind {

		EXACT, SIMILAR

	}

	public record Evidence(List<String> matched, List<String> onlyInFirst, List<String> onlyInSecond) {

		static final Evidence SAME_TEXT = new Evidence(List.of(), List.of(), List.of());

	}

}
