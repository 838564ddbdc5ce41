package org.orgraph.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.Orphan;
import org.orgraph.duties.Overlap;
import org.orgraph.graph.RevisionSnapshot;
import org.orgraph.graph.RevisionSnapshots;
import org.orgraph.history.RevisionDiff.Change;
import org.springframework.stereotype.Service;

/**
 * Compares two revisions in memory: O(U + P + H + D) over both snapshots, plus the duty
 * analytics of each (cached per revision).
 */
@Service
public class RevisionComparison {

	private final RevisionSnapshots snapshots;

	private final DutyAnalytics duties;

	RevisionComparison(RevisionSnapshots snapshots, DutyAnalytics duties) {
		this.snapshots = snapshots;
		this.duties = duties;
	}

	public RevisionDiff compare(String org, int from, int to) {
		RevisionSnapshot a = this.snapshots.get(org + "/" + from);
		RevisionSnapshot b = this.snapshots.get(org + "/" + to);

		List<Change> unitsAdded = added(a.units(), b.units(), RevisionSnapshot.Unit::name);
		List<Change> unitsRemoved = added(b.units(), a.units(), RevisionSnapshot.Unit::name);
		List<Change> unitsMoved = changed(a.units(), b.units(), RevisionSnapshot.Unit::name,
				RevisionSnapshot.Unit::parent);

		List<Change> positionsAdded = added(a.positions(), b.positions(), RevisionSnapshot.Position::title);
		List<Change> positionsRemoved = added(b.positions(), a.positions(), RevisionSnapshot.Position::title);
		List<Change> positionsMoved = changed(a.positions(), b.positions(), RevisionSnapshot.Position::title,
				RevisionSnapshot.Position::unit);
		List<Change> reporting = changed(a.positions(), b.positions(), RevisionSnapshot.Position::title,
				RevisionSnapshot.Position::manager);

		List<Change> holders = new ArrayList<>();
		for (String key : b.positions().keySet()) {
			if (a.positions().containsKey(key)) {
				String before = holderList(a, key);
				String after = holderList(b, key);
				if (!before.equals(after)) {
					holders.add(new Change(key, b.positions().get(key).title(), before, after));
				}
			}
		}

		Set<String> orphanedBefore = this.duties.orphans(a.rev()).stream().map(o -> o.duty().key()).collect(Collectors.toSet());
		List<Orphan> newlyOrphaned = this.duties.orphans(b.rev()).stream()
			.filter(o -> !orphanedBefore.contains(o.duty().key()))
			.toList();

		Set<Set<String>> overlapsBefore = overlapSignatures(a.rev());
		List<Overlap> newlyOverlapping = new ArrayList<>();
		allOverlaps(b.rev()).stream().filter(o -> !overlapsBefore.contains(signature(o))).forEach(newlyOverlapping::add);

		return new RevisionDiff(from, to, unitsAdded, unitsRemoved, unitsMoved, positionsAdded, positionsRemoved,
				positionsMoved, reporting, holders, newlyOrphaned, newlyOverlapping);
	}

	private List<Overlap> allOverlaps(String rev) {
		List<Overlap> all = new ArrayList<>(this.duties.exactOverlaps(rev, DutyAnalytics.OverlapFilter.NONE));
		all.addAll(this.duties.similarOverlaps(rev, this.duties.defaultMinScore(), DutyAnalytics.OverlapFilter.NONE));
		return all;
	}

	private Set<Set<String>> overlapSignatures(String rev) {
		return allOverlaps(rev).stream().map(RevisionComparison::signature).collect(Collectors.toSet());
	}

	private static Set<String> signature(Overlap o) {
		return o.duties().stream().map(d -> d.key()).collect(Collectors.toSet());
	}

	private static String holderList(RevisionSnapshot s, String position) {
		return s.holders(position).stream()
			.map(RevisionSnapshot.Holding::person)
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static <T> List<Change> added(Map<String, T> before, Map<String, T> after,
			java.util.function.Function<T, String> name) {
		return after.entrySet().stream()
			.filter(e -> !before.containsKey(e.getKey()))
			.map(e -> new Change(e.getKey(), name.apply(e.getValue()), null, null))
			.sorted(Comparator.comparing(Change::key))
			.toList();
	}

	private static <T> List<Change> changed(Map<String, T> before, Map<String, T> after,
			java.util.function.Function<T, String> name, java.util.function.Function<T, String> value) {
		List<Change> changes = new ArrayList<>();
		after.forEach((key, now) -> {
			T then = before.get(key);
			if (then != null && !Objects.equals(value.apply(then), value.apply(now))) {
				changes.add(new Change(key, name.apply(now), value.apply(then), value.apply(now)));
			}
		});
		changes.sort(Comparator.comparing(Change::key));
		return changes;
	}

}
