package org.orgraph.duties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.projection.Projection;

/**
 * A revision's structure read from its projection: what the duty analytics need of posts and
 * units, without loading the revision into a {@link RevisionSnapshot}. Only for a projection
 * whose paths and units are exact ({@link Projection#exactPaths()}, {@link Projection#exactUnits()}):
 * one solid line and one unit per post, one parent per unit, as the snapshot reads them.
 */
record ProjectedStructure(Revision rev, Projection projection, int maxDepth) implements OrgStructure {

	ProjectedStructure {
		if (!projection.exactPaths() || !projection.exactUnits()) {
			throw new IllegalArgumentException("the projection of " + rev + " does not hold its structure exactly");
		}
	}

	@Override
	public @Nullable String unitOfPosition(String position) {
		int p = this.projection.position(position);
		int u = p < 0 ? -1 : this.projection.unitOf(p);
		return u < 0 ? null : this.projection.unitKey(u);
	}

	@Override
	public @Nullable String manager(String position) {
		int p = this.projection.position(position);
		int m = p < 0 ? -1 : this.projection.manager(p);
		return m < 0 ? null : this.projection.positionKey(m);
	}

	@Override
	public @Nullable String title(String position) {
		int p = this.projection.position(position);
		return p < 0 ? null : this.projection.title(p);
	}

	@Override
	public @Nullable String parentUnit(String unit) {
		int u = this.projection.unit(unit);
		int parent = u < 0 ? -1 : this.projection.unitParent(u);
		return parent < 0 ? null : this.projection.unitKey(parent);
	}

	@Override
	public @Nullable String head(String unit) {
		int u = this.projection.unit(unit);
		int head = u < 0 ? -1 : this.projection.unitHead(u);
		return head < 0 ? null : this.projection.positionKey(head);
	}

	@Override
	public @Nullable String unitName(String unit) {
		int u = this.projection.unit(unit);
		return u < 0 ? null : this.projection.unitName(u);
	}

	// the walks below step along the projection's ids and make each key's string once: the same
	// answers as OrgStructure's walks by key, without a key lookup per step

	@Override
	public List<String> chain(String position) {
		int p = this.projection.position(position);
		if (p < 0) {
			return List.of(position);
		}
		int[] path = chainIds(p);
		List<String> keys = new ArrayList<>(path.length);
		for (int x : path) {
			keys.add(this.projection.positionKey(x));
		}
		return keys;
	}

	@Override
	public boolean inChain(String position, String upper) {
		return onWalk(this.projection.position(position), this.projection.position(upper), position.equals(upper),
				this.projection.positionCount(), this.projection::manager);
	}

	@Override
	public boolean inAncestry(String unit, String ancestor) {
		return onWalk(this.projection.unit(unit), this.projection.unit(ancestor), unit.equals(ancestor),
				this.projection.unitCount(), this.projection::unitParent);
	}

	@Override
	public boolean sameManager(String a, String b) {
		int p = this.projection.position(a);
		int q = this.projection.position(b);
		// a key the revision does not have has no manager
		if (p < 0 || q < 0) {
			return false;
		}
		int manager = this.projection.manager(p);
		return manager >= 0 && manager == this.projection.manager(q);
	}

	@Override
	public boolean sameParentUnit(String a, String b) {
		int u = this.projection.unit(a);
		int v = this.projection.unit(b);
		// a key the revision does not have has no parent
		if (u < 0 || v < 0) {
			return false;
		}
		int parent = this.projection.unitParent(u);
		return parent >= 0 && parent == this.projection.unitParent(v);
	}

	/**
	 * Whether {@code target} is on the walk from {@code from} ({@link #walk}); when either is not in
	 * the revision (-1), whether the keys are one, as the walk by key gives (an unknown key's walk is
	 * itself). Steps without keeping the path: past a repeat, a cycle only passes ids seen already.
	 */
	private boolean onWalk(int from, int target, boolean sameKey, int count, IntUnaryOperator next) {
		if (from < 0 || target < 0) {
			return sameKey;
		}
		int steps = Math.min(this.maxDepth + 1, count);
		for (int current = from, step = 0; current >= 0 && step < steps; current = next.applyAsInt(current), step++) {
			if (current == target) {
				return true;
			}
		}
		return false;
	}

	/** As {@link OrgStructure#lowestCommonSuperior}, on ids: one key made, for the answer. */
	@Override
	public @Nullable String lowestCommonSuperior(List<String> positions) {
		int[] common = null;
		int size = 0;
		for (String position : positions) {
			int p = this.projection.position(position);
			if (p < 0) {
				// not a post of the revision: its chain is itself alone, as OrgStructure's walk gives
				return OrgStructure.super.lowestCommonSuperior(positions);
			}
			int[] chain = chainIds(p);
			if (common == null) {
				common = chain;
				size = chain.length;
			}
			else {
				int kept = 0;
				for (int i = 0; i < size; i++) {
					if (contains(chain, chain.length, common[i])) {
						common[kept++] = common[i];
					}
				}
				size = kept;
			}
		}
		return common == null || size == 0 ? null : this.projection.positionKey(common[0]);
	}

	/** The post, its solid-line manager, … up to the top: at most {@code maxDepth + 1} posts, none twice. */
	private int[] chainIds(int p) {
		return walk(p, this.projection.positionCount(), this.projection::manager);
	}

	@Override
	public List<String> unitAncestry(String unit) {
		int u = this.projection.unit(unit);
		if (u < 0) {
			return List.of(unit);
		}
		int[] path = ancestry(u);
		List<String> keys = new ArrayList<>(path.length);
		for (int x : path) {
			keys.add(this.projection.unitKey(x));
		}
		return keys;
	}

	@Override
	public @Nullable String answerableFor(String unit) {
		int u = this.projection.unit(unit);
		if (u < 0) {
			return null;
		}
		for (int x : ancestry(u)) {
			int head = this.projection.unitHead(x);
			if (head >= 0) {
				return this.projection.positionKey(head);
			}
		}
		return null;
	}

	/** The unit, its parent, … up to the top: at most {@code maxDepth + 1} units, none twice. */
	private int[] ancestry(int u) {
		return walk(u, this.projection.unitCount(), this.projection::unitParent);
	}

	/** {@code start}, then {@code next} of it, … until none (-1), a repeat, or {@code maxDepth + 1} ids. */
	private int[] walk(int start, int count, IntUnaryOperator next) {
		int[] path = new int[Math.min(this.maxDepth + 1, count)];
		int size = 0;
		for (int current = start; current >= 0 && size < path.length && !contains(path, size, current);
				current = next.applyAsInt(current)) {
			path[size++] = current;
		}
		return Arrays.copyOf(path, size);
	}

	private static boolean contains(int[] values, int size, int value) {
		for (int i = 0; i < size; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean vacant(String position) {
		int p = this.projection.position(position);
		return p < 0 || this.projection.holderCount(p) == 0;
	}

	@Override
	public boolean concurrentOnly(String position) {
		int p = this.projection.position(position);
		return p >= 0 && concurrentOnly(p);
	}

	private boolean concurrentOnly(int p) {
		if (this.projection.concurrentDeclared(p)) {
			return true;
		}
		int[] holdings = this.projection.holdingsOf(p);
		for (int h : holdings) {
			if (this.projection.postCount(this.projection.holdingPerson(h)) < 2) {
				return false;
			}
		}
		return holdings.length > 0;
	}

	/** Posts by unit as compressed sparse rows (O(posts) once), each unit's in key order. */
	@Override
	public Function<String, List<String>> positionsByUnit() {
		int units = this.projection.unitCount();
		int[] start = new int[units + 1];
		for (int p = 0; p < this.projection.positionCount(); p++) {
			int u = this.projection.unitOf(p);
			if (u >= 0) {
				start[u + 1]++;
			}
		}
		for (int u = 0; u < units; u++) {
			start[u + 1] += start[u];
		}
		int[] fill = Arrays.copyOf(start, units);
		int[] posts = new int[start[units]];
		for (int p = 0; p < this.projection.positionCount(); p++) {
			int u = this.projection.unitOf(p);
			if (u >= 0) {
				posts[fill[u]++] = p;
			}
		}
		return unit -> {
			int u = this.projection.unit(unit);
			if (u < 0) {
				return List.of();
			}
			List<String> keys = new ArrayList<>(start[u + 1] - start[u]);
			for (int i = start[u]; i < start[u + 1]; i++) {
				keys.add(this.projection.positionKey(posts[i]));
			}
			keys.sort(null);
			return keys;
		};
	}

	/**
	 * Keys of the posts that do not carry their duties on their own (vacant, or filled only
	 * concurrently) and of the units none of whose own posts does: the holders of every duty that
	 * may be orphaned. O(posts + holdings).
	 */
	Holders notCovering() {
		List<String> posts = new ArrayList<>();
		boolean[] unitCovered = new boolean[this.projection.unitCount()];
		for (int p = 0; p < this.projection.positionCount(); p++) {
			boolean covering = this.projection.holderCount(p) > 0 && !concurrentOnly(p);
			if (!covering) {
				posts.add(this.projection.positionKey(p));
			}
			else if (this.projection.unitOf(p) >= 0) {
				unitCovered[this.projection.unitOf(p)] = true;
			}
		}
		List<String> units = new ArrayList<>();
		for (int u = 0; u < unitCovered.length; u++) {
			if (!unitCovered[u]) {
				units.add(this.projection.unitKey(u));
			}
		}
		return new Holders(posts, units);
	}

	/** Keys of posts and of units. */
	record Holders(List<String> positions, List<String> units) {
	}

}
