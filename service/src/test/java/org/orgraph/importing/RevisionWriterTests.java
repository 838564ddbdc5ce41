package org.orgraph.importing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orgraph.importing.RevisionPlan.DutyRow;

import static org.assertj.core.api.Assertions.assertThat;

/** Duty batches written side by side never share a holder. */
class RevisionWriterTests {

	@Test
	void shouldCutDutiesOnlyWhereTheHolderOrItsKindChanges() {
		List<DutyRow> duties = new ArrayList<>();
		duties.addAll(rows("UNIT", "U1", 3));
		duties.addAll(rows("POSITION", "U1", 2));
		duties.addAll(rows("POSITION", "P1", 4));
		duties.addAll(rows("POSITION", "P2", 1));
		duties.addAll(rows("POSITION", "P3", 5));

		List<int[]> batches = RevisionWriter.holderBatches(duties, 3);

		assertThat(batches).extracting(b -> b[0] + "-" + b[1]).containsExactly("0-3", "3-9", "9-15");
		for (int[] batch : batches) {
			assertThat(batch[0] == 0 || !sameHolder(duties.get(batch[0] - 1), duties.get(batch[0]))).isTrue();
		}
	}

	@Test
	void shouldCoverEveryDutyOnceInOrder() {
		List<DutyRow> duties = new ArrayList<>();
		for (int p = 0; p < 50; p++) {
			duties.addAll(rows("POSITION", "P" + p, 1 + p % 7));
		}
		int next = 0;
		for (int[] batch : RevisionWriter.holderBatches(duties, 10)) {
			assertThat(batch[0]).isEqualTo(next);
			assertThat(batch[1]).isGreaterThan(batch[0]);
			next = batch[1];
		}
		assertThat(next).isEqualTo(duties.size());
		assertThat(RevisionWriter.holderBatches(List.of(), 10)).isEmpty();
	}

	private static boolean sameHolder(DutyRow a, DutyRow b) {
		return a.holderKind().equals(b.holderKind()) && a.holder().equals(b.holder());
	}

	private static List<DutyRow> rows(String kind, String holder, int n) {
		List<DutyRow> rows = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(new DutyRow(null, i, "duty " + i, "duty " + i, kind, holder));
		}
		return rows;
	}

}
