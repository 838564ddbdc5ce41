package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidate pairs of an organisation with Chinese and English duties: the two models' vectors
 * (512 and 384 numbers) are searched apart, so the nearest-neighbour graph of a large
 * organisation is built at all (one graph over both failed: "vector dimension: expected 512, but
 * it has 384") and a near duplicate is found in each language. Vectors here are random unit
 * vectors with one planted near copy per language, so the test needs no model.
 */
class SimilarCandidatesTests {

	private final Random random = new Random(14);

	@Test
	void shouldSearchEachModelsVectorsApartAboveTheExactLimit() {
		int perLanguage = SemanticSimilarDuties.EXACT_UP_TO + 500;
		List<String> texts = new ArrayList<>();
		Map<String, DutyComponents.Parts> parts = new HashMap<>();
		Map<String, OverlapScorer.Profile> profiles = new HashMap<>();
		for (int i = 0; i < perLanguage; i++) {
			add("核对第" + i + "号库房的台账", 512, texts, parts, profiles, null);
			add("Reconcile the ledger of store room " + i, 384, texts, parts, profiles, null);
		}
		int zhCopy = add("核对第7号库房的台账并上报", 512, texts, parts, profiles, profiles.get("核对第7号库房的台账").vector());
		int enCopy = add("Reconcile the ledger of store room 7 and report", 384, texts, parts, profiles,
				profiles.get("Reconcile the ledger of store room 7").vector());

		Set<Long> pairs = SemanticSimilarDuties.candidates(texts, parts, profiles);

		assertThat(pairs).contains(pair(texts.indexOf("核对第7号库房的台账"), zhCopy),
				pair(texts.indexOf("Reconcile the ledger of store room 7"), enCopy));
		// no pair crosses the languages: their vectors are not comparable
		assertThat(pairs).noneMatch(p -> chinese(texts.get((int) (p >>> 32))) != chinese(texts.get((int) (long) p)));
		assertThat(OverlapScorer.dot(profiles.get(texts.get(0)).vector(), profiles.get(texts.get(1)).vector())).isZero();
	}

	private int add(String text, int dimension, List<String> texts, Map<String, DutyComponents.Parts> parts,
			Map<String, OverlapScorer.Profile> profiles, float[] near) {
		DutyComponents.Parts p = new DutyComponents.Parts(text, List.of(), List.of());
		float[] v = new float[dimension];
		double norm = 0;
		for (int i = 0; i < dimension; i++) {
			v[i] = (float) (near == null ? this.random.nextGaussian() : near[i] + 0.05 * this.random.nextGaussian());
			norm += v[i] * v[i];
		}
		for (int i = 0; i < dimension; i++) {
			v[i] /= (float) Math.sqrt(norm);
		}
		texts.add(text);
		parts.put(text, p);
		profiles.put(text, new OverlapScorer.Profile(p, v, List.of()));
		return texts.size() - 1;
	}

	private static boolean chinese(String text) {
		return "zh".equals(DutyEmbeddings.modelFor(text));
	}

	private static long pair(int a, int b) {
		return ((long) Math.min(a, b) << 32) | Math.max(a, b);
	}

}
