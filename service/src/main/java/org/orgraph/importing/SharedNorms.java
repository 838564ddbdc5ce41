package org.orgraph.importing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.orgraph.importing.RevisionPlan.DutyRow;

/**
 * The normal forms two or more of a revision's duties share: the duties that make up its exact
 * overlaps, marked {@code shared} when written so the analytics read only them instead of every
 * duty of the revision. Placeholder texts and texts without words are left out, as the analytics
 * leave them out.
 * <p>
 * Most normal forms of a large plan are held once. Their hashes are sorted in an {@code int[]}
 * (4 bytes a duty) and only the duties whose hash occurs twice are counted by text (and asked
 * whether they are placeholders), instead of a map entry for each of the six million duties of a
 * 1M-person organisation.
 */
final class SharedNorms {

	private SharedNorms() {
	}

	/**
	 * {@code placeholder}: whether the duty at that index of {@code duties} is a placeholder; asked
	 * only of duties whose normal form's hash occurs more than once.
	 */
	static Set<String> of(List<DutyRow> duties, IntPredicate placeholder) {
		int[] hashes = new int[duties.size()];
		int count = 0;
		for (DutyRow d : duties) {
			// placeholders are told apart among the candidates only: asking every duty costs more than the count
			if (!d.norm().isEmpty()) {
				hashes[count++] = d.norm().hashCode();
			}
		}
		int[] repeated = repeated(Arrays.copyOf(hashes, count));
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < duties.size(); i++) {
			String norm = duties.get(i).norm();
			if (!norm.isEmpty() && Arrays.binarySearch(repeated, norm.hashCode()) >= 0 && !placeholder.test(i)) {
				counts.merge(norm, 1, Integer::sum);
			}
		}
		Set<String> shared = new HashSet<>();
		counts.forEach((norm, n) -> {
			if (n > 1) {
				shared.add(norm);
			}
		});
		return shared;
	}

	/** The values that occur more than once, sorted; {@code values} is sorted in place. */
	static int[] repeated(int[] values) {
		Arrays.sort(values);
		int[] repeated = new int[values.length / 2];
		int size = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] == values[i - 1] && (size == 0 || repeated[size - 1] != values[i])) {
				repeated[size++] = values[i];
			}
		}
		return Arrays.copyOf(repeated, size);
	}

}
