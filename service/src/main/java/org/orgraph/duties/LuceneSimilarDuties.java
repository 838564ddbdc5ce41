package org.orgraph.duties;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link SimilarDuties} through {@link DutySimilarity} (SmartCN words, character bigrams, English stems, IDF). */
@Component
class LuceneSimilarDuties implements SimilarDuties {

	private final long maxPairs;

	LuceneSimilarDuties(@Value("${orgraph.max-similar-pairs}") long maxPairs) {
		this.maxPairs = maxPairs;
	}

	@Override
	public double defaultMinScore() {
		return DutySimilarity.DEFAULT_MIN_SCORE;
	}

	@Override
	public List<Pair> find(List<RevisionSnapshot.Duty> duties, double minScore) {
		List<DutySimilarity.DutyInput> inputs = duties.stream()
			.map(d -> new DutySimilarity.DutyInput(d.key(), d.text()))
			.toList();
		return DutySimilarity.findSimilar(inputs, minScore, this.maxPairs)
			.pairs()
			.stream()
			.filter(p -> !p.exact())
			.map(p -> new Pair(p.a(), p.b(), p.score(), p.matched(), p.onlyInA(), p.onlyInB()))
			.toList();
	}

}
