package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Revisions;

/**
 * One complete revision held in memory for analytics that look at the whole organisation at
 * once (overlaps, orphans, revision comparison). Revisions are immutable, so a snapshot never
 * goes stale; {@link RevisionSnapshots} caches a few. Walks up the unit tree and reporting
 * lines stop after {@code maxDepth} steps, so a cycle cannot loop them.
 */
public record RevisionSnapshot(Revision rev, Map<String, Unit> units, Map<String, Position> positions,
		Map<String, List<Holding>> holdingsByPosition, Map<String, List<Holding>> holdingsByPerson,
		Map<String, Duty> duties, int maxDepth) {

	public record Unit(String key, String name, @Nullable String parent, @Nullable String head,
			@Nullable Integer plannedHeadcount) {
	}

	public record Position(String key, String title, String unit, @Nullable String manager, boolean derivedLine,
			@Nullable String concurrentWith, int headcount) {
	}

	public record Holding(String person, String name, String position, double fte, boolean acting) {
	}

	/** {@code holderKind} is UNIT or POSITION; both null for a duty nothing holds. */
	public record Duty(String key, String text, String norm, @Nullable String holderKind, @Nullable String holder) {
	}

	public List<Holding> holders(String position) {
		return this.holdingsByPosition.getOrDefault(position, List.of());
	}

	public boolean vacant(String position) {
		return holders(position).isEmpty();
	}

	/** The unit itself, then its parent, … up to the top (at most {@code maxDepth} steps). */
	public List<String> unitAncestry(String unit) {
		List<String> path = new ArrayList<>();
		String current = unit;
		while (current != null && path.size() <= this.maxDepth && !path.contains(current)) {
			path.add(current);
			Unit u = this.units.get(current);
			current = u == null ? null : u.parent();
		}
		return path;
	}

	/** The position itself, then its solid-line manager, … up to the top (at most {@code maxDepth} steps). */
	public List<String> chain(String position) {
		List<String> path = new ArrayList<>();
		String current = position;
		while (current != null && path.size() <= this.maxDepth && !path.contains(current)) {
			path.add(current);
			Position p = this.positions.get(current);
			current = p == null ? null : p.manager();
		}
		return path;
	}

	/**
	 * The position that answers for a unit: its head, or the nearest ancestor unit's head.
	 */
	public @Nullable String answerableFor(String unit) {
		for (String u : unitAncestry(unit)) {
			Unit found = this.units.get(u);
			if (found != null && found.head() != null) {
				return found.head();
			}
		}
		return null;
	}

	/** Positions directly in a unit, by unit key. */
	public Map<String, List<String>> positionsByUnit() {
		Map<String, List<String>> byUnit = new HashMap<>();
		this.positions.values().forEach(p -> byUnit.computeIfAbsent(p.unit(), k -> new ArrayList<>()).add(p.key()));
		return byUnit;
	}

	static RevisionSnapshot of(Revision rev, List<Unit> units, List<Position> positions, List<Holding> holdings,
			List<Duty> duties, int maxDepth) {
		Map<String, Unit> u = new LinkedHashMap<>();
		units.forEach(x -> u.put(x.key(), x));
		Map<String, Position> p = new LinkedHashMap<>();
		positions.forEach(x -> p.put(x.key(), x));
		Map<String, List<Holding>> byPosition = new HashMap<>();
		Map<String, List<Holding>> byPerson = new HashMap<>();
		for (Holding h : holdings) {
			byPosition.computeIfAbsent(h.position(), k -> new ArrayList<>()).add(h);
			byPerson.computeIfAbsent(h.person(), k -> new ArrayList<>()).add(h);
		}
		Map<String, Duty> d = new LinkedHashMap<>();
		duties.forEach(x -> d.put(x.key(), x));
		return new RevisionSnapshot(rev, u, p, byPosition, byPerson, d, maxDepth);
	}

	/** Keys of every position reachable below {@code position} (not including it). */
	public Set<String> subordinates(String position) {
		Map<String, List<String>> reports = new HashMap<>();
		this.positions.values()
			.stream()
			.filter(x -> x.manager() != null)
			.forEach(x -> reports.computeIfAbsent(x.manager(), k -> new ArrayList<>()).add(x.key()));
		Set<String> seen = new java.util.LinkedHashSet<>();
		java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(reports.getOrDefault(position, List.of()));
		while (!queue.isEmpty()) {
			String next = queue.poll();
			if (seen.add(next)) {
				queue.addAll(reports.getOrDefault(next, List.of()));
			}
		}
		return seen;
	}

}
