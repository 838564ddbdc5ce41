package org.orgraph.duties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The in-process embedding models: which text goes where, unit vectors, each text embedded once. */
class DutyEmbeddingsTests {

	private static DutyEmbeddings embeddings;

	@BeforeAll
	static void load() {
		embeddings = new DutyEmbeddings(true, 10_000);
		assertThat(embeddings.awaitLoaded(Duration.ofMinutes(2))).isTrue();
	}

	@Test
	void shouldSendChineseToTheChineseModelAndTheRestToTheEnglishOne() {
		assertThat(DutyEmbeddings.modelFor("负责预算编制")).isEqualTo("zh");
		assertThat(DutyEmbeddings.modelFor("Head of DFID 中国")).isEqualTo("zh");
		assertThat(DutyEmbeddings.modelFor("Head of Internal Audit")).isEqualTo("en");
	}

	@Test
	void shouldEmbedOnlyTheTextsNotSeenBeforeAsARevisedImportDoes() {
		List<String> first = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			first.add("负责第" + i + "片区的门店巡检与整改跟踪");
		}
		embeddings.embedMissing(first, done -> {
		});
		List<String> revised = new ArrayList<>(first);
		revised.set(42, "负责第42片区的门店巡检、整改跟踪与月度通报");
		assertThat(embeddings.missing(revised)).isEqualTo(1);
		AtomicInteger last = new AtomicInteger();
		List<Integer> reported = new ArrayList<>();
		embeddings.embedMissing(revised, done -> {
			reported.add(done);
			last.set(done);
		});
		// one text in a hundred changed: progress starts at the 99 already embedded, one is embedded
		assertThat(reported.getFirst()).isEqualTo(99);
		assertThat(last.get()).isEqualTo(100);
		assertThat(embeddings.missing(revised)).isZero();
	}

	@Test
	void shouldGiveUnitVectorsThatPlaceParaphrasesCloserThanUnrelatedDuties() {
		List<String> texts = List.of("召集股东会", "主持召开股东大会", "编制年度财务预算", "Lead the audit function");
		embeddings.embedMissing(texts, done -> {
		});
		for (String t : texts) {
			assertThat(OverlapScorer.dot(embeddings.vector(t), embeddings.vector(t))).isCloseTo(1.0, within(1e-3));
		}
		double paraphrase = OverlapScorer.dot(embeddings.vector("召集股东会"), embeddings.vector("主持召开股东大会"));
		double unrelated = OverlapScorer.dot(embeddings.vector("召集股东会"), embeddings.vector("编制年度财务预算"));
		assertThat(paraphrase).isGreaterThan(unrelated + 0.1);
	}

}
