package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whether two duties state the same responsibility, or part of it, from what they mean and what
 * they are made of. No single signal is enough: a sentence embedding measures the topic
 * (售前回访 and 售后回访 are 0.91 apart in bge-small-zh, 咨询受理 and 投诉受理 0.79), words miss
 * paraphrases (召集股东会 / 主持召开股东大会). So a pair is scored from
 * <ul>
 * <li>the cosine of the whole texts, and the best cosine between their clauses (a short duty is
 * often one clause of a longer one);</li>
 * <li>the objects they share, weighted by how rare each is in the organisation (IDF), as a share
 * of the smaller duty and of both;</li>
 * <li>whether their actions agree (同义词词林 classes: 制定/拟定, 监督/督促);</li>
 * <li>a contrast: everything shared but one differing object on each side (售前/售后, Sudan/DRC) —
 * the same work on a different thing is a different duty;</li>
 * <li>their similarity in words and character bigrams weighted by rarity (what SIMILAR was
 * before);</li>
 * <li>how their holders stand to each other: a unit and its own post, a manager and their line,
 * one holder listing both are where duplicates are (a post's duty often restates its unit's);</li>
 * </ul>
 * combined by a logistic model fitted on labelled pairs (see docs/analytics-duties.md: how it was
 * fitted, on which pairs, and how it does on pairs it was not fitted on).
 */
final class OverlapScorer {

	/** A duty ready to be compared: its parts and the vectors of its text and clauses (null without a model). */
	record Profile(DutyComponents.Parts parts, float[] vector, List<float[]> clauseVectors) {
	}

	/** Rarity of each word key in one organisation's duties. */
	static final class Rarity {

		private final Map<String, Integer> documents = new HashMap<>();

		private int texts;

		void add(DutyComponents.Parts parts) {
			this.texts++;
			new LinkedHashSet<>(parts.words().stream().map(DutyComponents.Word::key).toList())
				.forEach(k -> this.documents.merge(k, 1, Integer::sum));
		}

		double of(String key) {
			int df = this.documents.getOrDefault(key, 0);
			return Math.log((this.texts + 1.0) / (df + 0.5)) + 0.5;
		}

	}

	/**
	 * The signals of one pair, in the order the model weighs them. The holder relation enters as
	 * one-hots against siblings and other branches (where overlaps are rarest); {@code unknown} is
	 * set only for labelled texts whose organisation structure is not known.
	 */
	record Features(double cosine, double clauseCosine, double objectShare, double objectJaccard, double actionAgree,
			double contrast, double minimalPair, double lengthRatio, double lexical, double sameHolder,
			double unitAndOwnPosition, double delegation, double parentChild, double unknownRelation) {

		static final int SIZE = 14;

		static final int RELATION = 9;

		double[] values() {
			return new double[] { this.cosine, this.clauseCosine, this.objectShare, this.objectJaccard,
					this.actionAgree, this.contrast, this.minimalPair, this.lengthRatio, this.lexical, this.sameHolder,
					this.unitAndOwnPosition, this.delegation, this.parentChild, this.unknownRelation };
		}

		/** Whether the two differ in what they act on: shared work on other objects, or one word apart in the middle. */
		boolean contrasting() {
			return this.contrast > 0 || this.minimalPair > 0;
		}

		/** The same texts held by another pair of holders. */
		double[] values(@Nullable HolderRelation relation) {
			double[] v = values();
			for (int i = RELATION; i < SIZE; i++) {
				v[i] = 0;
			}
			int at = relationIndex(relation);
			if (at >= 0) {
				v[at] = 1;
			}
			return v;
		}

	}

	/** Where a relation's one-hot sits in {@link Features#values()}, or -1 for the baseline. */
	static int relationIndex(@Nullable HolderRelation relation) {
		if (relation == null) {
			return Features.RELATION + 4;
		}
		return switch (relation) {
			case SAME_HOLDER -> Features.RELATION;
			case UNIT_AND_OWN_POSITION -> Features.RELATION + 1;
			case DELEGATION -> Features.RELATION + 2;
			case PARENT_CHILD -> Features.RELATION + 3;
			case SIBLINGS, CROSS_BRANCH -> -1;
		};
	}

	/** A scored pair with what both share and what each has alone. */
	record Scored(double score, boolean full, Features features, List<String> shared, List<String> onlyInFirst,
			List<String> onlyInSecond) {
	}

	/**
	 * Weights of the overlap model over {@link Features#values()} then the intercept, and of the
	 * FULL-versus-PARTIAL model. Fitted by DutyOverlapQualityTests ({@code -Dorgraph.fit=true}) on
	 * the tune part of the labelled pairs, with the penalty chosen by leaving one organisation out
	 * at a time; the holdout part is reported, never fitted on.
	 */
	static final double[] OVERLAP_WEIGHTS = { 2.661, 3.015, 1.875, 2.893, 0.201, -0.565, -0.632, -0.309, 2.525,
			0.511, 0.545, 0.789, 0.765, -0.544, -4.791 };

	static final double[] FULL_WEIGHTS = { 2.646, 1.847, 0.449, 1.251, 0.438, 0.108, 0.000, 0.244, 1.079, 0.187,
			-0.071, -0.276, 0.238, 0.325, -5.519 };

	/**
	 * The score a pair needs to be reported by default: the threshold with the best F1 over the tune
	 * universes' left-out scores (each organisation scored by a model fitted without it), pairs
	 * nobody labelled counted as non-overlaps (see the quality test).
	 */
	static final double DEFAULT_MIN_SCORE = 0.85;

	/**
	 * The most a minimal pair ({@link #minimalPair}) scores, whatever its other signals: below any
	 * sensible {@code minScore} and below what links a theme. Few labelled pairs are minimal
	 * pairs, so the model alone gives the signal little weight; none of the 230 labelled overlaps
	 * is one, while the worst false positives (售前回访 / 售后回访) are.
	 */
	static final double MINIMAL_PAIR_CEILING = 0.3;

	private static final int MINIMAL_PAIR = 6;

	static {
		// the ceiling reads the signal where Features#values puts it
		if (new Features(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0).values()[MINIMAL_PAIR] != 1) {
			throw new IllegalStateException("OverlapScorer.MINIMAL_PAIR does not point at Features.minimalPair");
		}
	}

	private OverlapScorer() {
	}

	/** How likely the pair with these signals ({@link Features#values()}) is an overlap. */
	static double likelihood(double[] x) {
		double score = logistic(OVERLAP_WEIGHTS, x);
		return x[MINIMAL_PAIR] > 0 ? Math.min(score, MINIMAL_PAIR_CEILING) : score;
	}

	static Features features(Profile a, Profile b, Rarity rarity, double lexical, @Nullable HolderRelation relation) {
		double cosine = dot(a.vector(), b.vector());
		double clause = cosine;
		List<float[]> ca = new ArrayList<>(a.clauseVectors());
		ca.add(a.vector());
		List<float[]> cb = new ArrayList<>(b.clauseVectors());
		cb.add(b.vector());
		for (float[] x : ca) {
			for (float[] y : cb) {
				clause = Math.max(clause, dot(x, y));
			}
		}
		Map<String, Double> objectsA = weights(a.parts().objects(), rarity);
		Map<String, Double> objectsB = weights(b.parts().objects(), rarity);
		double shared = 0;
		for (Map.Entry<String, Double> e : objectsA.entrySet()) {
			if (objectsB.containsKey(e.getKey())) {
				shared += e.getValue();
			}
		}
		double sumA = sum(objectsA);
		double sumB = sum(objectsB);
		double share = Math.min(sumA, sumB) == 0 ? 0 : shared / Math.min(sumA, sumB);
		double jaccard = sumA + sumB - shared == 0 ? 0 : shared / (sumA + sumB - shared);
		Set<String> actionsA = keys(a.parts().actions());
		Set<String> actionsB = keys(b.parts().actions());
		double agree;
		if (actionsA.isEmpty() || actionsB.isEmpty()) {
			agree = 0.5;
		}
		else {
			agree = actionsA.stream().anyMatch(actionsB::contains) ? 1 : 0;
		}
		int onlyA = (int) objectsA.keySet().stream().filter(k -> !objectsB.containsKey(k)).count();
		int onlyB = (int) objectsB.keySet().stream().filter(k -> !objectsA.containsKey(k)).count();
		int sharedCount = objectsA.size() - onlyA;
		// everything but one or two objects on each side is shared: the same work on another thing
		boolean contrast = onlyA >= 1 && onlyB >= 1 && onlyA <= 2 && onlyB <= 2 && sharedCount >= Math.max(onlyA, onlyB)
				&& agree >= 0.5;
		int lengthA = a.parts().text().length();
		int lengthB = b.parts().text().length();
		double ratio = Math.min(lengthA, lengthB) / (double) Math.max(1, Math.max(lengthA, lengthB));
		double[] rel = new double[5];
		int at = relationIndex(relation);
		if (at >= 0) {
			rel[at - Features.RELATION] = 1;
		}
		return new Features(cosine, clause, share, jaccard, agree, contrast ? 1 : 0,
				minimalPair(a.parts(), b.parts()) ? 1 : 0, ratio, lexical, rel[0], rel[1], rel[2], rel[3],
				rel[4]);
	}

	/**
	 * Two texts the same but for one short run in the middle (售前回访 / 售后回访, 编制年度收入预算 /
	 * 编制年度支出预算, Head DFID Kenya / Head DFID Ghana): one template filled with two
	 * objects, so two duties. Up to four characters (Chinese) or two words (other scripts) on each
	 * side, after a shared start and with at least half of the longer text shared; a different
	 * first word is a different action on the same thing, and a reordering is not a contrast.
	 */
	static boolean minimalPair(String a, String b) {
		boolean chinese = "zh".equals(DutyEmbeddings.modelFor(a + b));
		List<String> x = units(a, chinese);
		List<String> y = units(b, chinese);
		int prefix = 0;
		while (prefix < Math.min(x.size(), y.size()) && x.get(prefix).equals(y.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < Math.min(x.size(), y.size()) - prefix
				&& x.get(x.size() - 1 - suffix).equals(y.get(y.size() - 1 - suffix))) {
			suffix++;
		}
		int onlyX = x.size() - prefix - suffix;
		int onlyY = y.size() - prefix - suffix;
		int limit = chinese ? 4 : 2;
		if (prefix == 0 || onlyX < 1 || onlyY < 1 || onlyX > limit || onlyY > limit
				|| prefix + suffix < 0.5 * Math.max(x.size(), y.size())) {
			return false;
		}
		List<String> runX = new ArrayList<>(x.subList(prefix, prefix + onlyX));
		List<String> runY = new ArrayList<>(y.subList(prefix, prefix + onlyY));
		java.util.Collections.sort(runX);
		java.util.Collections.sort(runY);
		return !runX.equals(runY);
	}

	/**
	 * A minimal pair whose differing words are not a different action (制定/制订, 实施/开展: the same
	 * work, perhaps worded otherwise) nor synonyms (one 同义词词林 class): a contrast of objects.
	 */
	static boolean minimalPair(DutyComponents.Parts a, DutyComponents.Parts b) {
		if (!minimalPair(a.text(), b.text())) {
			return false;
		}
		Set<String> surfacesA = new java.util.HashSet<>(a.words().stream().map(DutyComponents.Word::surface).toList());
		Set<String> surfacesB = new java.util.HashSet<>(b.words().stream().map(DutyComponents.Word::surface).toList());
		List<DutyComponents.Word> onlyA = a.words().stream().filter(w -> !surfacesB.contains(w.surface())).toList();
		List<DutyComponents.Word> onlyB = b.words().stream().filter(w -> !surfacesA.contains(w.surface())).toList();
		if (onlyA.isEmpty() || onlyB.isEmpty()) {
			return true;
		}
		boolean actions = onlyA.stream().allMatch(DutyComponents.Word::action)
				&& onlyB.stream().allMatch(DutyComponents.Word::action);
		Set<String> keysB = keys(onlyB);
		boolean synonyms = onlyA.stream().anyMatch(w -> keysB.contains(w.key()));
		return !actions && !synonyms;
	}

	/** Characters of a Chinese text without punctuation or spaces; lower-case words of any other. */
	private static List<String> units(String text, boolean chinese) {
		List<String> units = new ArrayList<>();
		if (chinese) {
			text.codePoints()
				.filter(Character::isLetterOrDigit)
				.forEach(cp -> units.add(Character.toString(Character.toLowerCase(cp))));
		}
		else {
			for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (!w.isEmpty()) {
					units.add(w);
				}
			}
		}
		return units;
	}

	static Scored score(Profile a, Profile b, Rarity rarity, double lexical, @Nullable HolderRelation relation) {
		Features f = features(a, b, rarity, lexical, relation);
		double score = likelihood(f.values());
		boolean full = logistic(FULL_WEIGHTS, f.values()) >= 0.5;
		Set<String> keysA = keys(a.parts().words());
		Set<String> keysB = keys(b.parts().words());
		List<String> shared = new ArrayList<>();
		List<String> onlyA = new ArrayList<>();
		List<String> onlyB = new ArrayList<>();
		for (DutyComponents.Word w : a.parts().words()) {
			(keysB.contains(w.key()) ? shared : onlyA).add(w.surface());
		}
		for (DutyComponents.Word w : b.parts().words()) {
			if (!keysA.contains(w.key())) {
				onlyB.add(w.surface());
			}
		}
		return new Scored(score, full, f, distinct(shared), distinct(onlyA), distinct(onlyB));
	}

	static double logistic(double[] weights, double[] x) {
		double z = weights[x.length];
		for (int i = 0; i < x.length; i++) {
			z += weights[i] * x[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	/** The cosine of two unit vectors; 0 without both, or for two models' vectors (a Chinese and an English text). */
	static double dot(float[] a, float[] b) {
		if (a == null || b == null || a.length != b.length) {
			return 0;
		}
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static Map<String, Double> weights(List<DutyComponents.Word> words, Rarity rarity) {
		Map<String, Double> w = new HashMap<>();
		words.forEach(word -> w.put(word.key(), rarity.of(word.key())));
		return w;
	}

	private static double sum(Map<String, Double> weights) {
		return weights.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static Set<String> keys(List<DutyComponents.Word> words) {
		Set<String> keys = new LinkedHashSet<>();
		words.forEach(w -> keys.add(w.key()));
		return keys;
	}

	private static List<String> distinct(List<String> words) {
		return List.copyOf(new LinkedHashSet<>(words));
	}

}
