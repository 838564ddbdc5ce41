package org.orgraph.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.AccessPolicy;
import org.orgraph.graph.Revisions;

import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.Orphan;
import org.orgraph.duties.Overlap;
import org.orgraph.duties.RevisionSnapshot;
import org.orgraph.duties.RevisionSnapshots;
import org.orgraph.history.RevisionDiff.Change;
import org.orgraph.history.RevisionDiff.HeldPost;
import org.orgraph.history.RevisionDiff.PersonChange;
import org.springframework.stereotype.Service;

/**
 * Compares two revisions in memory: O(U + P + H + D) over both snapshots, plus the duty
 * analytics of each (cached per revision).
 */
@Service
class RevisionComparison {

	private final RevisionSnapshots snapshots;

	private final DutyAnalytics duties;

	private final Revisions revisions;

	RevisionComparison(RevisionSnapshots snapshots, DutyAnalytics duties, Revisions revisions) {
		this.snapshots = snapshots;
		this.duties = duties;
		this.revisions = revisions;
	}

	/** What changed from {@code from} to {@code to}, two revisions of one organisation. */
	public RevisionDiff compare(Revision from, Revision to) {
		String org = from.organization();
		RevisionSnapshot a = this.snapshots.get(from);
		RevisionSnapshot b = this.snapshots.get(to);

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

		boolean seats = hasSeatKeys(from) || hasSeatKeys(to);
		PeopleMatching people = new PeopleMatching(a, b, seats);
		AccessPolicy access = this.revisions.access();
		List<Change> holders = new ArrayList<>();
		roles(a, b, seats).forEach((before, after) -> {
			List<String> then = holders(a, before, people::identityBefore);
			List<String> now = holders(b, after, people::identityAfter);
			if (!then.equals(now)) {
				holders.add(new Change(after, b.positions().get(after).title(), names(org, a, before, access),
						names(org, b, after, access)));
			}
		});
		holders.sort(Comparator.comparing(Change::key));
		List<PersonChange> left = people.left().stream().map(p -> personChange(org, p, a, null, b, access)).toList();
		List<PersonChange> joined = people.joined().stream().map(p -> personChange(org, null, a, p, b, access)).toList();
		List<PersonChange> moved = new ArrayList<>();
		people.stayed().forEach((then, now) -> {
			if (!posts(then, a).equals(posts(now, b))) {
				moved.add(personChange(org, then, a, now, b, access));
			}
		});

		Set<String> orphanedBefore = this.duties.orphans(a.rev()).stream().map(o -> o.duty().key()).collect(Collectors.toSet());
		List<Orphan> newlyOrphaned = this.duties.orphans(b.rev()).stream()
			.filter(o -> !orphanedBefore.contains(o.duty().key()))
			.toList();

		Set<Set<String>> overlapsBefore = overlapSignatures(a.rev());
		List<Overlap> newlyOverlapping = new ArrayList<>();
		allOverlaps(b.rev()).stream().filter(o -> !overlapsBefore.contains(signature(o))).forEach(newlyOverlapping::add);

		return new RevisionDiff(from.number(), to.number(), unitsAdded, unitsRemoved, unitsMoved, positionsAdded, positionsRemoved,
				positionsMoved, reporting, holders, newlyOrphaned, newlyOverlapping, sortByName(joined), sortByName(left),
				sortByName(moved), seats ? "NAME" : "PERSON_KEY");
	}

	private boolean hasSeatKeys(Revision revision) {
		return this.revisions.revisionView(revision)
			.map(r -> r.metadata() != null && r.metadata().replace(" ", "").contains("\"personKeys\":\"seats\""))
			.orElse(false);
	}

	/**
	 * Posts that are the same role in both revisions, earlier key → later key. Keys are the
	 * user's identities unless they are seats, which releases reuse: then a key counts only
	 * with its title, and a title found once in each revision is one role even under new keys.
	 */
	private static Map<String, String> roles(RevisionSnapshot a, RevisionSnapshot b, boolean seats) {
		Map<String, String> roles = new LinkedHashMap<>();
		for (String key : a.positions().keySet()) {
			RevisionSnapshot.Position later = b.positions().get(key);
			if (later != null && (!seats || title(later).equals(title(a.positions().get(key))))) {
				roles.put(key, key);
			}
		}
		if (!seats) {
			return roles;
		}
		Map<String, List<String>> titlesBefore = titles(a, roles.keySet());
		Map<String, List<String>> titlesAfter = titles(b, Set.copyOf(roles.values()));
		titlesBefore.forEach((title, keys) -> {
			List<String> later = titlesAfter.get(title);
			if (keys.size() == 1 && later != null && later.size() == 1) {
				roles.put(keys.getFirst(), later.getFirst());
			}
		});
		return roles;
	}

	private static Map<String, List<String>> titles(RevisionSnapshot s, Set<String> taken) {
		Map<String, List<String>> byTitle = new HashMap<>();
		s.positions().values().stream().filter(p -> !taken.contains(p.key()) && !title(p).isEmpty())
			.forEach(p -> byTitle.computeIfAbsent(title(p), t -> new ArrayList<>()).add(p.key()));
		return byTitle;
	}

	private static String title(RevisionSnapshot.Position p) {
		return PeopleMatching.normalise(p.title()).isEmpty() ? "" : String.join(" ",
				p.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip();
	}

	/** The holders of a post as people: identities sorted, an undisclosed holder as "?". */
	private static List<String> holders(RevisionSnapshot s, String position,
			Function<RevisionSnapshot.Holding, @Nullable String> identity) {
		return s.holders(position).stream().map(h -> Objects.requireNonNullElse(identity.apply(h), "?")).sorted().toList();
	}

	private static @Nullable String names(String org, RevisionSnapshot s, String position, AccessPolicy access) {
		List<RevisionSnapshot.Holding> holders = s.holders(position);
		return holders.isEmpty() ? null : holders.stream().map(h -> access.name(org, h.person(), h.name())).sorted()
			.collect(Collectors.joining(", "));
	}

	/** The posts a person holds, as key and unit: a new title for the same post in the same unit is no move. */
	private static Set<String> posts(PeopleMatching.Person p, RevisionSnapshot s) {
		return p.posts().stream().map(k -> k + "@" + s.positions().get(k).unit().toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private static PersonChange personChange(String org, PeopleMatching.@Nullable Person then, RevisionSnapshot a,
			PeopleMatching.@Nullable Person now, RevisionSnapshot b, AccessPolicy access) {
		PeopleMatching.Person shown = Objects.requireNonNull(now != null ? now : then);
		return new PersonChange(shown.key(), access.name(org, shown.key(), shown.name()), heldPosts(then, a),
				heldPosts(now, b));
	}

	private static List<HeldPost> heldPosts(PeopleMatching.@Nullable Person p, RevisionSnapshot s) {
		if (p == null) {
			return List.of();
		}
		return p.posts().stream().map(k -> {
			RevisionSnapshot.Position position = s.positions().get(k);
			return new HeldPost(k, position.title(), position.unit());
		}).toList();
	}

	private static List<PersonChange> sortByName(List<PersonChange> changes) {
		return changes.stream().sorted(Comparator.comparing(PersonChange::name).thenComparing(PersonChange::key)).toList();
	}

	private List<Overlap> allOverlaps(Revision rev) {
		List<Overlap> all = new ArrayList<>(this.duties.exactOverlaps(rev, DutyAnalytics.OverlapFilter.NONE));
		try {
			// no waiting: a comparison answers with the exact overlaps while the revisions' duties are
			// still being analysed (another organisation's large analysis may be ahead in the queue)
			all.addAll(this.duties.similarOverlaps(rev, this.duties.defaultMinScore(), DutyAnalytics.OverlapFilter.NONE,
					java.time.Duration.ofSeconds(2)));
		}
		catch (DutyAnalytics.AnalysisPendingException ex) {
			// the similar ones join once the analysis is done
		}
		return all;
	}

	private Set<Set<String>> overlapSignatures(Revision rev) {
		return allOverlaps(rev).stream().map(RevisionComparison::signature).collect(Collectors.toSet());
	}

	private static Set<String> signature(Overlap o) {
		return o.duties().stream().map(d -> d.key()).collect(Collectors.toSet());
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
