package org.orgraph.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orgraph.duties.PlaceholderDuties;
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

	@Test
	void shouldSendEachHoldersDutiesAsOneRowOfParallelLists() {
		List<DutyRow> duties = new ArrayList<>();
		duties.addAll(rows("POSITION", "P1", 3));
		duties.add(new DutyRow("given-key", 4, "负责临时工作", "负责临时工作", PlaceholderDuties.isPlaceholder("负责临时工作"), "POSITION", "P1"));
		duties.addAll(rows("POSITION", "P2", 2));
		duties.addAll(rows("POSITION", "P3", 1));
		RevisionWriter.NodeIds posts = new RevisionWriter.NodeIds("position");
		posts.put("P1", "id-1");
		posts.put("P2", "id-2");
		posts.put("P3", "id-3");

		// from the second duty of P1 to the first of P3
		java.util.function.IntPredicate placeholder = i -> duties.get(i).text().equals("duty 2");
		List<Map<String, Object>> rows = RevisionWriter.holderRows(duties, 1, 7, posts, placeholder,
				SharedNorms.of(duties, placeholder));

		assertThat(rows).extracting(r -> r.get("holder")).containsExactly("id-1", "id-2", "id-3");
		assertThat(rows.get(0).get("keys")).isEqualTo(List.of("P:P1:2", "P:P1:3", "given-key"));
		assertThat(rows.get(0).get("texts")).isEqualTo(List.of("duty 2", "duty 3", "负责临时工作"));
		assertThat(rows.get(0).get("norms")).isEqualTo(List.of("duty 2", "duty 3", "负责临时工作"));
		assertThat(rows.get(0).get("placeholders")).isEqualTo(List.of(true, false, false));
		assertThat(rows.get(1).get("keys")).isEqualTo(List.of("P:P2:1", "P:P2:2"));
		assertThat(rows.get(2).get("keys")).isEqualTo(List.of("P:P3:1"));
		// "duty 1" is held three times (two of them in these rows); the placeholder "duty 2" is never marked
		assertThat(rows.get(0).get("shared")).isEqualTo(Arrays.asList(null, null, null));
		assertThat(rows.get(1).get("shared")).isEqualTo(Arrays.asList(true, null));
		assertThat(rows.get(2).get("shared")).isEqualTo(Arrays.asList(true));

		// the same duties, as the batch's list of shared duties: the marked ones, with their holders
		Map<String, Object> list = RevisionWriter.sharedList(duties, 1, 7, placeholder, SharedNorms.of(duties, placeholder));
		assertThat(list).isNotNull();
		assertThat(list.get("index")).isEqualTo(1);
		assertThat(list.get("keys")).isEqualTo(List.of("P:P2:1", "P:P3:1"));
		assertThat(list.get("texts")).isEqualTo(List.of("duty 1", "duty 1"));
		assertThat(list.get("norms")).isEqualTo(List.of("duty 1", "duty 1"));
		assertThat(list.get("holderKinds")).isEqualTo(List.of("POSITION", "POSITION"));
		assertThat(list.get("holders")).isEqualTo(List.of("P2", "P3"));
		// a batch without shared duties writes no list
		assertThat(RevisionWriter.sharedList(duties, 2, 4, placeholder, SharedNorms.of(duties, placeholder))).isNull();
	}

	@Test
	void shouldSliceRowsIntoFixedBatches() {
		assertThat(RevisionWriter.slices(7, 3)).extracting(b -> b[0] + "-" + b[1]).containsExactly("0-3", "3-6", "6-7");
		assertThat(RevisionWriter.slices(0, 3)).isEmpty();
	}

	private static boolean sameHolder(DutyRow a, DutyRow b) {
		return a.holderKind().equals(b.holderKind()) && a.holder().equals(b.holder());
	}

	private static List<DutyRow> rows(String kind, String holder, int n) {
		List<DutyRow> rows = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(new DutyRow(null, i, "duty " + i, "duty " + i, false, kind, holder));
		}
		return rows;
	}

}
