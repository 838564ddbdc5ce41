package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Revisions;

/**
 * One complete revision held in memory for analytics that look at the whole organisation at
 * once (similar overlaps, orphans, revision comparison). Revisions are immutable, so a snapshot never
 * goes stale; {@link RevisionSnapshots} caches a few. Walks up the unit tree and reporting
 * lines stop after {@code maxDepth} steps, so a cycle cannot loop them.
 */
public record RevisionSnapshot(Revision rev, Map<String, Unit> units, Map<String, Position> positions,
		Map<String, List<Holding>> holdingsByPosition, Map<String, List<Holding>> holdingsByPerson,
		Map<String, Duty> duties, int maxDepth) implements OrgStructure {

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

	@Override
	public boolean vacant(String position) {
		return holders(position).isEmpty();
	}

	@Override
	public @Nullable String unitOfPosition(String position) {
		Position p = this.positions.get(position);
		return p == null ? null : p.unit();
	}

	@Override
	public @Nullable String manager(String position) {
		Position p = this.positions.get(position);
		return p == null ? null : p.manager();
	}

	@Override
	public @Nullable String title(String position) {
		Position p = this.positions.get(position);
		return p == null ? null : p.title();
	}

	@Override
	public @Nullable String parentUnit(String unit) {
		Unit u = this.units.get(unit);
		return u == null ? null : u.parent();
	}

	@Override
	public @Nullable String head(String unit) {
		Unit u = this.units.get(unit);
		return u == null ? null : u.head();
	}

	@Override
	public @Nullable String unitName(String unit) {
		Unit u = this.units.get(unit);
		return u == null ? null : u.name();
	}

	/** Positions directly in a unit, in key order, by unit key. */
	public Map<String, List<String>> positionsInUnits() {
		Map<String, List<String>> byUnit = new HashMap<>();
		this.positions.values().forEach(p -> byUnit.computeIfAbsent(p.unit(), k -> new ArrayList<>()).add(p.key()));
		byUnit.values().forEach(keys -> keys.sort(null));
		return byUnit;
	}

	@Override
	public Function<String, List<String>> positionsByUnit() {
		Map<String, List<String>> byUnit = positionsInUnits();
		return unit -> byUnit.getOrDefault(unit, List.of());
	}

	@Override
	public boolean concurrentOnly(String position) {
		Position p = this.positions.get(position);
		if (p != null && p.concurrentWith() != null) {
			return true;
		}
		List<Holding> holders = holders(position);
		return !holders.isEmpty() && holders.stream().allMatch(h -> this.holdingsByPerson.get(h.person()).size() > 1);
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
