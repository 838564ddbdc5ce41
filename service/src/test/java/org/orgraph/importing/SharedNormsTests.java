package org.orgraph.importing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orgraph.duties.PlaceholderDuties;
import org.orgraph.importing.RevisionPlan.DutyRow;

import static org.assertj.core.api.Assertions.assertThat;

class SharedNormsTests {

	@Test
	void shouldFindTheNormalFormsHeldMoreThanOnce() {
		List<DutyRow> duties = List.of(duty("P1", "编制年度预算"), duty("P2", "编制年度预算"), duty("P3", "审核合同"),
				duty("U1", "编制年度预算"), duty("P4", "审核合同"), duty("P5", "组织培训"));
		assertThat(SharedNorms.of(duties, i -> false)).containsExactlyInAnyOrder("编制年度预算", "审核合同");
	}

	@Test
	void shouldTellApartNormalFormsWhoseHashesCollide() {
		// "Aa" and "BB" have the same String.hashCode()
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		assertThat(SharedNorms.of(List.of(duty("P1", "Aa"), duty("P2", "BB")), i -> false)).isEmpty();
		assertThat(SharedNorms.of(List.of(duty("P1", "Aa"), duty("P2", "BB"), duty("P3", "BB")), i -> false))
			.containsExactly("BB");
	}

	@Test
	void shouldLeaveOutPlaceholdersAndTextsWithoutWords() {
		List<DutyRow> duties = List.of(duty("P1", "其他"), duty("P2", "其他"), duty("P3", ""), duty("P4", ""),
				duty("P5", "审核合同"), duty("P6", "审核合同"));
		assertThat(SharedNorms.of(duties, i -> duties.get(i).text().equals("其他"))).containsExactly("审核合同");
	}

	@Test
	void shouldListEachRepeatedValueOnce() {
		assertThat(SharedNorms.repeated(new int[] { 5, 1, 5, 3, 5, 1, 7 })).containsExactly(1, 5);
		assertThat(SharedNorms.repeated(new int[] { 1, 2, 3 })).isEmpty();
		assertThat(SharedNorms.repeated(new int[0])).isEmpty();
	}

	@Test
	void shouldCountALargePlanInOnePass() {
		List<DutyRow> duties = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			duties.add(duty("P" + i, "duty " + (i % 150_000)));
		}
		// 0..49,999 are held twice, the rest once
		assertThat(SharedNorms.of(duties, i -> false)).hasSize(50_000).contains("duty 0", "duty 49999")
			.doesNotContain("duty 50000");
	}

	private static DutyRow duty(String holder, String norm) {
		return new DutyRow(null, 1, norm, norm, PlaceholderDuties.isPlaceholder(norm), holder.startsWith("U") ? "UNIT" : "POSITION",
				holder);
	}

}
