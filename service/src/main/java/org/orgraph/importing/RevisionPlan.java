package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A validated organisation ready to be written as one revision: plain rows for the batched
 * writes, with the derived parts (unit heads, implicit reporting lines, duty keys) worked out.
 * It holds nothing of the parsed document but these rows, so the document (with the position
 * of every item in the files) can go once the plan is made.
 *
 * @param metadata the document's fields the format does not know, kept on the revision
 */
record RevisionPlan(String key, String name, Map<String, Object> metadata, List<UnitRow> units, List<PositionRow> positions,
		List<ReportingRow> reporting, List<HeadRow> heads, List<PersonRow> people, List<HoldingRow> holdings,
		List<DutyRow> duties, Map<String, Integer> counts) {

	record UnitRow(String key, String name, @Nullable String parent, @Nullable String kind,
			@Nullable Integer plannedHeadcount) {
	}

	record PositionRow(String key, String title, String unit, int headcount, @Nullable String grade,
			@Nullable String concurrentWith, double juniorFte) {
	}

	/** A reporting line; {@code derived} when the document did not state it (unit-head rule). */
	record ReportingRow(String from, String to, boolean derived) {
	}

	record HeadRow(String position, String unit) {
	}

	record PersonRow(String key, String name) {
	}

	record HoldingRow(String person, String position, double fte, boolean acting) {
	}

	/**
	 * {@code holderKind} is {@code UNIT} or {@code POSITION}. {@code givenKey} is the key the
	 * document gave, null when it gave plain text: the key is then derived from the holder and
	 * the duty's place in its list ({@code P:<post>:<n>}), on demand rather than held, since a
	 * large organisation has millions of duties. {@code placeholder}: the text is a stand-in (see
	 * {@code PlaceholderDuties}), asked once per distinct text while planning.
	 */
	record DutyRow(@Nullable String givenKey, int ordinal, String text, String norm, boolean placeholder,
			String holderKind, String holder) {

		String key() {
			return this.givenKey != null ? this.givenKey : derivedKey(this.holderKind, this.holder, this.ordinal);
		}

		static String derivedKey(String holderKind, String holder, int ordinal) {
			return (holderKind.equals("UNIT") ? "U:" : "P:") + holder + ":" + ordinal;
		}

	}

	/** Units, positions, people and duties: the items of the organisation. */
	int rowCount() {
		return this.units.size() + this.positions.size() + this.people.size() + this.duties.size();
	}

	/** Every row the writer sends, nodes and relationships: what import progress counts. */
	int writeCount() {
		long parents = this.units.stream().filter(u -> u.parent() != null).count();
		long concurrent = this.positions.stream().filter(p -> p.concurrentWith() != null).count();
		return (int) (rowCount() + parents + concurrent + this.heads.size() + this.reporting.size()
				+ this.holdings.size());
	}

}
