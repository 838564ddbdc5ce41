package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <li>whether one holder lists both;</li>
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

	/** The signals of one pair, in the order the model weighs them. */
	record Features(double cosine, double clauseCosine, double objectShare, double objectJaccard, double actionAgree,
			double contrast, double sameHolder, double lengthRatio) {

		static final int SIZE = 8;

		double[] values() {
			return new double[] { this.cosine, this.clauseCosine, this.objectShare, this.objectJaccard,
					this.actionAgree, this.contrast, this.sameHolder, this.lengthRatio };
		}

	}

	/** A scored pair with what both share and what each has alone. */
	record Scored(double score, boolean full, Features features, List<String> shared, List<String> onlyInFirst,
			List<String> onlyInSecond) {
	}

	/**
	 * Weights of the overlap model over {@link Features#values()} then the intercept, and of the
	 * FULL-versus-PARTIAL model. Fitted by OverlapModelTraining (a test) on the tune part of the
	 * labelled pairs; the holdout part is reported, never fitted on.
	 */
	static final double[] OVERLAP_WEIGHTS = { 6.0, 6.0, 3.0, 2.0, 1.0, -3.0, 0.5, 0.0, -13.0 };

	static final double[] FULL_WEIGHTS = { 6.0, 0.0, 1.0, 2.0, 1.0, -1.0, 0.0, 2.0, -8.0 };

	/** The score a pair needs to be reported by default: chosen on the tune universes (see the quality test). */
	static final double DEFAULT_MIN_SCORE = 0.5;

	private OverlapScorer() {
	}

	static Features features(Profile a, Profile b, Rarity rarity, boolean sameHolder) {
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
		boolean contrast = onlyA >= 1 && onlyB >= 1 && onlyA <= 2 && onlyB <= 2 && shared > 0
				&& jaccard >= 0.3 && agree >= 0.5;
		int lengthA = a.parts().text().length();
		int lengthB = b.parts().text().length();
		double ratio = Math.min(lengthA, lengthB) / (double) Math.max(1, Math.max(lengthA, lengthB));
		return new Features(cosine, clause, share, jaccard, agree, contrast ? 1 : 0, sameHolder ? 1 : 0, ratio);
	}

	static Scored score(Profile a, Profile b, Rarity rarity, boolean sameHolder) {
		Features f = features(a, b, rarity, sameHolder);
		double score = logistic(OVERLAP_WEIGHTS, f.values());
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

	static double dot(float[] a, float[] b) {
		if (a == null || b == null) {
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
