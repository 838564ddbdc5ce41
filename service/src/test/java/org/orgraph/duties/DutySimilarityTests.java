package org.orgraph.duties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orgraph.duties.DutySimilarity.DutyInput;
import org.orgraph.duties.DutySimilarity.Result;
import org.orgraph.duties.DutySimilarity.SimilarPair;
import org.orgraph.duties.DutyText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class DutySimilarityTests {

	private static final List<LabelledPair> LABELLED = labelledPairs();

	@Test
	void labelledSetShouldCoverEveryLabelWithReasons() {
		assertThat(LABELLED).hasSizeGreaterThanOrEqualTo(60);
		for (String label : List.of("EXACT", "SIMILAR", "DIFFERENT")) {
			assertThat(LABELLED).filteredOn(p -> p.label().equals(label)).hasSizeGreaterThanOrEqualTo(15);
		}
		assertThat(LABELLED).filteredOn(p -> p.a().chars().allMatch(c -> c < 128)).hasSizeGreaterThanOrEqualTo(10);
		assertThat(LABELLED).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
	}

	@Test
	void exactModeShouldFindEveryExactPairAndNoOther() {
		Figures figures = Figures.of(LABELLED, p -> p.label().equals("EXACT"),
				p -> DutyText.normalize(p.a()).equals(DutyText.normalize(p.b())));
		System.out.println("EXACT   on " + LABELLED.size() + " labelled pairs: " + figures);

		assertThat(figures.recall()).isEqualTo(1.0);
		assertThat(figures.falsePositives()).as("SIMILAR or DIFFERENT pairs with equal normal forms").isEmpty();
	}

	@Test
	void similarModeShouldReachTheAimedPrecisionAndRecallAtTheDefaultMinScore() {
		Set<String> texts = new LinkedHashSet<>();
		LABELLED.forEach(p -> {
			texts.add(p.a());
			texts.add(p.b());
		});
		// one run over every text, keyed by the text itself, so candidate generation decides what is compared
		Result result = DutySimilarity.findSimilar(texts.stream().map(t -> new DutyInput(t, t)).toList(),
				DutySimilarity.DEFAULT_MIN_SCORE);
		Set<List<String>> found = new HashSet<>();
		result.pairs().forEach(p -> {
			found.add(List.of(p.a(), p.b()));
			found.add(List.of(p.b(), p.a()));
		});
		Figures figures = Figures.of(LABELLED, p -> !p.label().equals("DIFFERENT"),
				p -> p.a().equals(p.b()) || found.contains(List.of(p.a(), p.b())));
		System.out.printf("SIMILAR on %d labelled pairs at minScore %.2f: %s; %s%n", LABELLED.size(),
				DutySimilarity.DEFAULT_MIN_SCORE, figures, result.stats());
		figures.falseNegatives().forEach(p -> System.out.println("  missed:     " + p));
		figures.falsePositives().forEach(p -> System.out.println("  wrongly:    " + p));

		assertThat(figures.recall()).isGreaterThanOrEqualTo(0.8);
		assertThat(figures.precision()).isGreaterThanOrEqualTo(0.9);
		assertThat(result.stats().comparisons()).isLessThan(result.stats().allPairs());
	}

	@Test
	void shouldFindTheHotelsSupervisedAndGuidedOperationsAsOneDutyWithEvidence() {
		List<DutyInput> hotel = demoDuties("hotel-ops-centre");
		String supervise = key(hotel, "监督各部门的运营工作,确保酒店的高效运营");
		String guide = key(hotel, "指导各部门的运营工作,确保酒店的高效运营");

		Result result = DutySimilarity.findSimilar(hotel, DutySimilarity.DEFAULT_MIN_SCORE);

		assertThat(result.pairs()).singleElement().satisfies(pair -> {
			assertThat(List.of(pair.a(), pair.b())).containsExactlyInAnyOrder(supervise, guide);
			assertThat(pair.exact()).isFalse();
			assertThat(pair.score()).isBetween(DutySimilarity.DEFAULT_MIN_SCORE, 0.99);
			assertThat(pair.matched()).contains("运营", "工作", "部门", "高效");
			assertThat(List.of(pair.onlyInA(), pair.onlyInB())).containsExactlyInAnyOrder(List.of("监督"), List.of("指导"));
		});
	}

	@Test
	void shouldNotMatchDutiesThatShareOnlyTheTemplate() {
		String plan = "制定酒店的运营规划和目标";
		String marketing = "制定酒店的市场营销策略和计划";
		List<DutyInput> hotel = demoDuties("hotel-ops-centre");

		Result inTheHotel = DutySimilarity.findSimilar(hotel, 0.05);
		Result alone = DutySimilarity.findSimilar(List.of(new DutyInput("plan", plan), new DutyInput("mkt", marketing)),
				0.05);

		assertThat(scoreOf(inTheHotel, key(hotel, plan), key(hotel, marketing))).isPositive()
			.isLessThan(DutySimilarity.DEFAULT_MIN_SCORE);
		assertThat(scoreOf(alone, "plan", "mkt")).isPositive().isLessThan(DutySimilarity.DEFAULT_MIN_SCORE);
	}

	@Test
	void shouldGiveUpRatherThanHoldMorePairsThanAllowed() {
		List<DutyInput> hotel = demoDuties("hotel-ops-centre");
		int pairs = DutySimilarity.findSimilar(hotel, 0.05).pairs().size();

		assertThat(DutySimilarity.findSimilar(hotel, 0.05, pairs).pairs()).hasSize(pairs);
		assertThatExceptionOfType(DutySimilarity.TooManyPairsException.class)
			.isThrownBy(() -> DutySimilarity.findSimilar(hotel, 0.05, pairs - 1))
			.withMessageContaining("raise minScore");
	}

	@Test
	void shouldReportSameNormalFormsAsExactPairsScoringOne() {
		List<DutyInput> duties = List.of(new DutyInput("d1", "负责编制酒店的财务预算和预测。"),
				new DutyInput("d2", "编制酒店的财务预算和预测"), new DutyInput("d3", "1、编制酒店的财务预算和预测;"),
				new DutyInput("d4", "负责安全保卫工作,确保商业场所的安全"));

		Result result = DutySimilarity.findSimilar(duties, DutySimilarity.DEFAULT_MIN_SCORE);

		assertThat(DutySimilarity.exactGroups(duties)).containsOnlyKeys("编制酒店的财务预算和预测")
			.containsValue(List.of("d1", "d2", "d3"));
		assertThat(result.pairs()).extracting(SimilarPair::a, SimilarPair::b)
			.containsExactlyInAnyOrder(tuple("d1", "d2"),
					tuple("d1", "d3"), tuple("d2", "d3"));
		assertThat(result.pairs()).allSatisfy(p -> {
			assertThat(p.exact()).isTrue();
			assertThat(p.score()).isEqualTo(1.0);
		});
		assertThat(result.stats().distinctTexts()).isEqualTo(2);
	}

	@Test
	void shouldRejectAMinScoreOutsideTheUnitInterval() {
		List<DutyInput> none = List.of();
		assertThatIllegalArgumentException().isThrownBy(() -> DutySimilarity.findSimilar(none, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> DutySimilarity.findSimilar(none, 1.5));
	}

	/**
	 * 100,000 synthetic duties (random words from a 20,000-word vocabulary in the shape of real
	 * duties) with 100 planted near-duplicates: candidate generation must score a tiny fraction of
	 * the five billion pairs and still find every planted one.
	 */
	@Test
	void shouldScoreFarFewerPairsThanAllPairsOnAHundredThousandDuties() {
		Random random = new Random(42);
		int[] alphabet = ("管理制度规划财务预算市场营销客户服务技术研发产品质量安全生产采购物流仓储人力资源招聘培训绩效考核薪酬"
				+ "行政后勤法务合规审计风险投资融资资产运营数据分析信息系统网络平台品牌推广渠道销售合同项目工程设备设施"
				+ "能源环境保护档案会议文件公共关系媒体宣传内容用户社区活动策划创意设计测试维护支持监督检查评估改进优化"
				+ "协调沟通组织实施执行落实建设开发应用研究标准流程规范计划目标任务指标报告统计预测决策咨询培养团队文化")
			.codePoints()
			.toArray();
		String[] vocabulary = new String[20_000];
		for (int i = 0; i < vocabulary.length; i++) {
			vocabulary[i] = new String(new int[] { alphabet[random.nextInt(alphabet.length)],
					alphabet[random.nextInt(alphabet.length)] }, 0, 2);
		}
		String[] verbs = { "负责", "制定", "管理", "监督", "组织", "协调", "指导", "开展", "落实", "建立健全" };
		List<DutyInput> duties = new ArrayList<>();
		for (int d = 0; d < 100_000; d++) {
			StringBuilder text = new StringBuilder(verbs[random.nextInt(verbs.length)]);
			int words = 4 + random.nextInt(5);
			for (int i = 0; i < words; i++) {
				// squared uniform: a few words are common, most are rare, as in real duties
				text.append(vocabulary[(int) (vocabulary.length * Math.pow(random.nextDouble(), 2))]);
				text.append(i == words / 2 ? "的" : i % 3 == 2 ? "、" : "");
			}
			text.append(",确保").append(vocabulary[random.nextInt(vocabulary.length)]).append("工作的顺利进行");
			duties.add(new DutyInput("d" + d, text.toString()));
		}
		Set<List<String>> planted = new HashSet<>();
		random.ints(0, duties.size()).distinct().limit(100).forEach(d -> {
			DutyInput original = duties.get(d);
			String reworded = original.text().replaceFirst("^(" + String.join("|", verbs) + ")", "统筹");
			duties.add(new DutyInput(original.key() + "-copy", reworded));
			planted.add(List.of(original.key(), original.key() + "-copy"));
		});

		Result result = DutySimilarity.findSimilar(duties, DutySimilarity.DEFAULT_MIN_SCORE);

		System.out.println("100k synthetic duties: " + result.stats() + " of " + result.stats().allPairs() + " pairs");
		assertThat(result.stats().distinctTexts()).isGreaterThan(100_000);
		assertThat(result.stats().comparisons()).isPositive().isLessThan(result.stats().allPairs() / 100);
		assertThat(result.pairs()).extracting(p -> List.of(p.a(), p.b()).stream().sorted().toList())
			.containsAll(planted);
	}

	private static double scoreOf(Result result, String a, String b) {
		return result.pairs()
			.stream()
			.filter(p -> Set.of(p.a(), p.b()).equals(Set.of(a, b)))
			.mapToDouble(SimilarPair::score)
			.findFirst()
			.orElse(0);
	}

	private static String key(List<DutyInput> duties, String text) {
		return duties.stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow().key();
	}

	/** The duties of a demo organisation (verbatim from a seed document), keyed holder/index. */
	private static List<DutyInput> demoDuties(String org) {
		JsonNode document;
		try (InputStream in = DutySimilarityTests.class.getResourceAsStream("/demo/" + org + ".json")) {
			document = JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<DutyInput> duties = new ArrayList<>();
		for (String holders : List.of("units", "positions")) {
			for (JsonNode holder : document.path(holders).values()) {
				int i = 0;
				for (JsonNode duty : holder.path("duties").values()) {
					String text = duty.isString() ? duty.asString() : duty.path("text").asString();
					duties.add(new DutyInput(holder.path("key").asString() + "/" + i++, text));
				}
			}
		}
		return duties;
	}

	private static List<LabelledPair> labelledPairs() {
		try (InputStream in = DutySimilarityTests.class.getResourceAsStream("/duties/labelled-pairs.tsv")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			assertThat(lines.getFirst()).isEqualTo("a\tb\tlabel\treason");
			return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
				String[] f = l.split("\t", -1);
				assertThat(f).as(l).hasSize(4);
				assertThat(f[2]).as(l).isIn("EXACT", "SIMILAR", "DIFFERENT");
				return new LabelledPair(f[0], f[1], f[2], f[3]);
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record LabelledPair(String a, String b, String label, String reason) {

		@Override
		public String toString() {
			return this.label + " " + this.a + " | " + this.b;
		}

	}

	/** Precision and recall of a prediction over labelled pairs, with the pairs it got wrong. */
	record Figures(int truePositives, List<LabelledPair> falsePositives, List<LabelledPair> falseNegatives) {

		static Figures of(List<LabelledPair> pairs, Predicate<LabelledPair> positive,
				Predicate<LabelledPair> predicted) {
			int truePositives = 0;
			List<LabelledPair> falsePositives = new ArrayList<>();
			List<LabelledPair> falseNegatives = new ArrayList<>();
			for (LabelledPair pair : pairs) {
				boolean isPositive = positive.test(pair);
				boolean isPredicted = predicted.test(pair);
				if (isPositive && isPredicted) {
					truePositives++;
				}
				else if (isPredicted) {
					falsePositives.add(pair);
				}
				else if (isPositive) {
					falseNegatives.add(pair);
				}
			}
			return new Figures(truePositives, falsePositives, falseNegatives);
		}

		double precision() {
			int predicted = this.truePositives + this.falsePositives.size();
			return predicted == 0 ? 1 : (double) this.truePositives / predicted;
		}

		double recall() {
			int positives = this.truePositives + this.falseNegatives.size();
			return positives == 0 ? 1 : (double) this.truePositives / positives;
		}

		@Override
		public String toString() {
			return String.format("precision %.3f, recall %.3f (%d true positives, %d false positives, %d missed)",
					precision(), recall(), this.truePositives, this.falsePositives.size(), this.falseNegatives.size());
		}

	}

}
