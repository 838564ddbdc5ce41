package org.orgraph.duties;

import java.util.List;


/** Finds pairs of differently worded duties that say the same thing, with the evidence. */
interface SimilarDuties {

	/** The score a pair needs by default to count as an overlap. */
	double defaultMinScore();

	/**
	 * Pairs scoring at least {@code minScore}, each once, excluding pairs with the same normal
	 * form. Throws {@link DutySimilarity.TooManyPairsException} when there are more than the
	 * service will hold ({@code orgraph.max-similar-pairs}).
	 */
	List<Pair> find(List<RevisionSnapshot.Duty> duties, double minScore);

	record Pair(String a, String b, double score, List<String> matched, List<String> onlyInA, List<String> onlyInB) {
	}

}
