package org.orgraph.duties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairs the issue names, scored in a real organisation's company (the hotel operations
 * centre's duties give the words their rarity): the same work on a contrasting object stays below
 * the default, paraphrases of one responsibility reach it. Holders in different branches, where
 * the relation adds nothing.
 */
class DutyContrastTests {

	private static DutyEmbeddings embeddings;

	private static List<String> company;

	@BeforeAll
	static void loadModels() {
		embeddings = new DutyEmbeddings(true, 100_000);
		assertThat(embeddings.awaitLoaded(Duration.ofMinutes(2))).isTrue();
		company = LabelledDuties.load().universes().get("hotel-ops-centre").duties().stream()
			.map(LabelledDuties.Duty::text)
			.toList();
	}

	@ParameterizedTest(name = "{0} / {1} stays below the default")
	@CsvSource({ "负责售前回访工作, 负责售后回访工作", "负责客户咨询受理, 负责客户投诉受理", "编制年度收入预算, 编制年度支出预算",
			"管理工程维修团队, 管理保洁和绿化团队" })
	void shouldKeepTheSameWorkOnContrastingObjectsApart(String a, String b) {
		double score = score(a, b);
		System.out.printf(Locale.ROOT, "contrast %s / %s: %.3f%n", a, b, score);
		assertThat(score).isLessThan(OverlapScorer.DEFAULT_MIN_SCORE);
	}

	@ParameterizedTest(name = "{0} / {1} reaches the default")
	@CsvSource({ "监督各部门的运营工作, 指导各部门的运营工作", "召集股东会, 主持召开股东大会", "制定酒店的运营规划和目标, 制定酒店的战略目标和计划" })
	void shouldFindParaphrasesOfOneResponsibility(String a, String b) {
		double score = score(a, b);
		System.out.printf(Locale.ROOT, "paraphrase %s / %s: %.3f%n", a, b, score);
		assertThat(score).isGreaterThanOrEqualTo(OverlapScorer.DEFAULT_MIN_SCORE);
	}

	@ParameterizedTest(name = "{0} / {1} is not held apart as a contrast")
	@CsvSource({ "负责制定年度销售计划, 负责制订年度销售计划", "组织实施安全培训, 组织开展安全培训" })
	void shouldNotTakeAnotherWordForTheSameActionForAContrast(String a, String b) {
		assertThat(OverlapScorer.minimalPair(a, b)).as("one short run apart").isTrue();
		assertThat(OverlapScorer.minimalPair(DutyComponents.of(a), DutyComponents.of(b))).isFalse();
		System.out.printf(Locale.ROOT, "same action %s / %s: %.3f%n", a, b, score(a, b));
	}

	private static double score(String a, String b) {
		Set<String> texts = new LinkedHashSet<>(company);
		texts.add(a);
		texts.add(b);
		Map<String, DutyComponents.Parts> parts = new HashMap<>();
		OverlapScorer.Rarity rarity = new OverlapScorer.Rarity();
		List<String> toEmbed = new ArrayList<>();
		for (String t : texts) {
			DutyComponents.Parts p = DutyComponents.of(t);
			if (parts.putIfAbsent(t, p) == null) {
				rarity.add(p);
			}
			toEmbed.add(p.text());
			toEmbed.addAll(p.clauses());
		}
		embeddings.embedMissing(toEmbed, done -> {
		});
		List<String> distinct = parts.values().stream().map(DutyComponents.Parts::text).distinct().toList();
		DutySimilarity.LexicalScorer lexical = DutySimilarity.lexicalScorer(distinct);
		DutyComponents.Parts pa = parts.get(a);
		DutyComponents.Parts pb = parts.get(b);
		return OverlapScorer.score(profile(pa), profile(pb), rarity,
				lexical.score(distinct.indexOf(pa.text()), distinct.indexOf(pb.text())), HolderRelation.CROSS_BRANCH)
			.score();
	}

	private static OverlapScorer.Profile profile(DutyComponents.Parts p) {
		return new OverlapScorer.Profile(p, embeddings.vector(p.text()), p.clauses().stream().map(embeddings::vector).toList());
	}

}
