package org.orgraph.projection;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Every unit's figures, for its own posts and rolled up over its subtree, as
 * {@code metrics/vacancies-units-page} and {@code metrics/unit-metrics} compute them: seats
 * against holders, 编制 (the sum of the parts where none is stated), distinct people, spans of
 * control with their median, duties, depths and the head's reporting depth. Worked out once per
 * projection from the unit tree's pre-order (a subtree is a range of it), so a page of units
 * then costs O(page). Only meaningful when the projection's {@code exactPaths()} and
 * {@code exactUnits()} hold.
 */
public final class UnitRollup {

	/** The bound {@code metrics/unit-metrics} puts on a head's reporting chains. */
	private static final int REPORTING_BOUND = 64;

	private final int[] ownPositions;

	private final int[] ownSeats;

	private final int[] ownFilled;

	private final double[] ownFte;

	private final int[] ownVacant;

	private final int[] ownExcess;

	private final int[] subtreePositions;

	private final int[] subtreeSeats;

	private final int[] subtreeFilled;

	private final double[] subtreeFte;

	private final int[] subtreeVacant;

	private final int[] subtreeExcess;

	private final int[] parts;

	private final int[] ownPeople;

	private final int[] subtreePeople;

	private final int[] ownManagers;

	private final int[] subtreeManagers;

	private final long[] ownSpanSum;

	private final long[] subtreeSpanSum;

	private final int[] ownSpanMax;

	private final int[] subtreeSpanMax;

	private final int[] ownNarrow;

	private final int[] subtreeNarrow;

	/** NaN where there are no managers. */
	private final double[] ownSpanMedian;

	private final double[] subtreeSpanMedian;

	private final int[] subtreeUnitDuties;

	private final int[] ownPositionDuties;

	private final int[] subtreePositionDuties;

	private final int[] subtreeUnitDepth;

	private final int[] childUnits;

	/** -1 for a unit without a head. */
	private final int[] reportingDepth;

	private final long bytes;

	UnitRollup(Projection projection) {
		int u = projection.unitCount();
		int n = projection.positionCount();
		this.ownPositions = new int[u];
		this.ownSeats = new int[u];
		this.ownFilled = new int[u];
		this.ownFte = new double[u];
		this.ownVacant = new int[u];
		this.ownExcess = new int[u];
		this.ownManagers = new int[u];
		this.ownSpanSum = new long[u];
		this.ownSpanMax = new int[u];
		this.ownNarrow = new int[u];
		this.ownPositionDuties = new int[u];
		// managers bucketed by their unit's pre-order number: a subtree's managers are one range
		int[] managerStart = new int[u + 1];
		for (int p = 0; p < n; p++) {
			int x = projection.unitOf(p);
			if (x < 0) {
				continue;
			}
			int seats = projection.headcount(p);
			int filled = projection.holderCount(p);
			this.ownPositions[x]++;
			this.ownSeats[x] += seats;
			this.ownFilled[x] += filled;
			this.ownFte[x] += projection.filledFte(p);
			this.ownVacant[x] += Math.max(0, seats - filled);
			this.ownExcess[x] += Math.max(0, filled - seats);
			this.ownPositionDuties[x] += projection.dutyCount(p);
			int span = projection.solidLinesIn(p);
			if (span > 0) {
				this.ownManagers[x]++;
				this.ownSpanSum[x] += span;
				this.ownSpanMax[x] = Math.max(this.ownSpanMax[x], span);
				this.ownNarrow[x] += span <= 2 ? 1 : 0;
				managerStart[projection.unitPre(x) + 1]++;
			}
		}
		for (int i = 0; i < u; i++) {
			managerStart[i + 1] += managerStart[i];
		}
		int[] spans = new int[managerStart[u]];
		int[] fill = Arrays.copyOf(managerStart, u);
		for (int p = 0; p < n; p++) {
			int x = projection.unitOf(p);
			int span = projection.solidLinesIn(p);
			if (x >= 0 && span > 0) {
				spans[fill[projection.unitPre(x)]++] = span;
			}
		}

		this.subtreePositions = this.ownPositions.clone();
		this.subtreeSeats = this.ownSeats.clone();
		this.subtreeFilled = this.ownFilled.clone();
		this.subtreeFte = this.ownFte.clone();
		this.subtreeVacant = this.ownVacant.clone();
		this.subtreeExcess = this.ownExcess.clone();
		this.subtreeManagers = this.ownManagers.clone();
		this.subtreeSpanSum = this.ownSpanSum.clone();
		this.subtreeSpanMax = this.ownSpanMax.clone();
		this.subtreeNarrow = this.ownNarrow.clone();
		this.subtreePositionDuties = this.ownPositionDuties.clone();
		this.subtreeUnitDuties = new int[u];
		this.subtreeUnitDepth = new int[u];
		this.childUnits = new int[u];
		this.parts = this.ownSeats.clone();
		for (int x = 0; x < u; x++) {
			this.subtreeUnitDuties[x] = projection.unitDutyCount(x);
		}
		// children before parents: every descendant has a larger pre-order number
		for (int i = u - 1; i >= 0; i--) {
			int x = projection.unitAt(i);
			int q = projection.unitParent(x);
			if (q < 0) {
				continue;
			}
			this.subtreePositions[q] += this.subtreePositions[x];
			this.subtreeSeats[q] += this.subtreeSeats[x];
			this.subtreeFilled[q] += this.subtreeFilled[x];
			this.subtreeFte[q] += this.subtreeFte[x];
			this.subtreeVacant[q] += this.subtreeVacant[x];
			this.subtreeExcess[q] += this.subtreeExcess[x];
			this.subtreeManagers[q] += this.subtreeManagers[x];
			this.subtreeSpanSum[q] += this.subtreeSpanSum[x];
			this.subtreeSpanMax[q] = Math.max(this.subtreeSpanMax[q], this.subtreeSpanMax[x]);
			this.subtreeNarrow[q] += this.subtreeNarrow[x];
			this.subtreePositionDuties[q] += this.subtreePositionDuties[x];
			this.subtreeUnitDuties[q] += this.subtreeUnitDuties[x];
			this.subtreeUnitDepth[q] = Math.max(this.subtreeUnitDepth[q], this.subtreeUnitDepth[x] + 1);
			this.childUnits[q]++;
			// a stated 编制 stands for the child's subtree; else the child's own parts count
			Integer planned = projection.plannedHeadcount(x);
			this.parts[q] += planned != null ? planned : this.parts[x];
		}

		// medians: each unit's own managers, then its subtree's, one range of the pre-order each
		this.ownSpanMedian = new double[u];
		this.subtreeSpanMedian = new double[u];
		int[] scratch = new int[spans.length];
		for (int x = 0; x < u; x++) {
			int pre = projection.unitPre(x);
			this.ownSpanMedian[x] = median(spans, managerStart[pre], managerStart[pre + 1], scratch);
			this.subtreeSpanMedian[x] = median(spans, managerStart[pre], managerStart[projection.unitEnd(x)], scratch);
		}

		int[][] people = people(projection);
		this.ownPeople = people[0];
		this.subtreePeople = people[1];

		this.reportingDepth = new int[u];
		for (int x = 0; x < u; x++) {
			int head = projection.unitHead(x);
			this.reportingDepth[x] = head < 0 ? -1
					: projection.inForest(head) ? Math.min(projection.height(head), REPORTING_BOUND)
							: longestInto(projection, head);
		}

		this.bytes = 16L * 31 + 4L * u * 25 + 8L * u * 6;
	}

	/** Cypher's {@code percentileCont(x, 0.5)} over {@code values[from, to)}; NaN when empty. */
	private static double median(int[] values, int from, int to, int[] scratch) {
		int size = to - from;
		if (size == 0) {
			return Double.NaN;
		}
		System.arraycopy(values, from, scratch, 0, size);
		Arrays.sort(scratch, 0, size);
		double index = 0.5 * (size - 1);
		int below = (int) Math.floor(index);
		int above = (int) Math.ceil(index);
		return scratch[below] + (scratch[above] - scratch[below]) * (index - below);
	}

	/**
	 * Distinct holders of each unit's own posts and of its subtree's. A person counts once in
	 * every unit whose subtree holds one of their posts: +1 at each of their units, −1 at the
	 * lowest common unit of each two consecutive in pre-order, then summed up the tree.
	 */
	private static int[][] people(Projection projection) {
		int u = projection.unitCount();
		int[] own = new int[u];
		int[] subtree = new int[u];
		int[] units = new int[8];
		for (int person = 0; person < projection.personCount(); person++) {
			int[] posts = projection.postsOf(person);
			if (units.length < posts.length) {
				units = new int[posts.length];
			}
			int count = 0;
			for (int p : posts) {
				int x = projection.unitOf(p);
				if (x >= 0) {
					units[count++] = projection.unitPre(x);
				}
			}
			Arrays.sort(units, 0, count);
			int previous = -1;
			for (int i = 0; i < count; i++) {
				if (units[i] == previous) {
					continue;
				}
				int x = projection.unitAt(units[i]);
				own[x]++;
				subtree[x]++;
				if (previous >= 0) {
					subtree[lowestCommon(projection, projection.unitAt(previous), x)]--;
				}
				previous = units[i];
			}
		}
		for (int i = u - 1; i >= 0; i--) {
			int x = projection.unitAt(i);
			int q = projection.unitParent(x);
			if (q >= 0) {
				subtree[q] += subtree[x];
			}
		}
		return new int[][] { own, subtree };
	}

	/** The lowest unit both are within; units form a tree at most 64 levels deep. */
	private static int lowestCommon(Projection projection, int a, int b) {
		while (projection.unitDepth(a) > projection.unitDepth(b)) {
			a = projection.unitParent(a);
		}
		while (projection.unitDepth(b) > projection.unitDepth(a)) {
			b = projection.unitParent(b);
		}
		while (a != b) {
			a = projection.unitParent(a);
			b = projection.unitParent(b);
		}
		return a;
	}

	/**
	 * The longest solid path of at most 64 links ending at {@code head}, repeating no line, for a
	 * head on a reporting cycle or below one. Every post has one solid line, so the posts reaching
	 * the head form a tree but for the way round the cycle back to the head: a depth-first walk down
	 * the direct reports, keeping off posts already on the path (the head may close it once),
	 * visits each post at most twice.
	 */
	private static int longestInto(Projection projection, int head) {
		int longest = 0;
		int[] path = new int[REPORTING_BOUND + 1];
		int[] next = new int[REPORTING_BOUND + 1];
		path[0] = head;
		next[0] = projection.reportsFrom(head);
		int depth = 0;
		while (depth >= 0) {
			int at = path[depth];
			if (next[depth] >= projection.reportsFrom(at + 1) || depth == REPORTING_BOUND) {
				depth--;
				continue;
			}
			int c = projection.reportAt(next[depth]++);
			boolean onPath = false;
			for (int i = 1; i <= depth; i++) {
				onPath |= path[i] == c;
			}
			if (onPath) {
				continue;
			}
			depth++;
			path[depth] = c;
			next[depth] = projection.reportsFrom(c);
			longest = Math.max(longest, depth);
		}
		return longest;
	}

	/** Heap the roll-ups take. */
	public long bytes() {
		return this.bytes;
	}

	public int ownPositions(int u) {
		return this.ownPositions[u];
	}

	public int ownSeats(int u) {
		return this.ownSeats[u];
	}

	public int ownFilled(int u) {
		return this.ownFilled[u];
	}

	public double ownFilledFte(int u) {
		return this.ownFte[u];
	}

	public int ownVacantSeats(int u) {
		return this.ownVacant[u];
	}

	public int ownExcessSeats(int u) {
		return this.ownExcess[u];
	}

	public int subtreePositions(int u) {
		return this.subtreePositions[u];
	}

	public int subtreeSeats(int u) {
		return this.subtreeSeats[u];
	}

	public int subtreeFilled(int u) {
		return this.subtreeFilled[u];
	}

	public double subtreeFilledFte(int u) {
		return this.subtreeFte[u];
	}

	public int subtreeVacantSeats(int u) {
		return this.subtreeVacant[u];
	}

	public int subtreeExcessSeats(int u) {
		return this.subtreeExcess[u];
	}

	/** The sum of the unit's parts: its own posts' seats plus each child unit's 编制. */
	public int parts(int u) {
		return this.parts[u];
	}

	public int ownPeople(int u) {
		return this.ownPeople[u];
	}

	public int subtreePeople(int u) {
		return this.subtreePeople[u];
	}

	/** Spans of control of the unit's own posts ({@code own}) or its subtree's. */
	public Spans spans(int u, boolean own) {
		int managers = own ? this.ownManagers[u] : this.subtreeManagers[u];
		if (managers == 0) {
			return new Spans(0, null, null, null, 0);
		}
		return own
				? new Spans(managers, (double) this.ownSpanSum[u] / managers, this.ownSpanMedian[u], this.ownSpanMax[u],
						this.ownNarrow[u])
				: new Spans(managers, (double) this.subtreeSpanSum[u] / managers, this.subtreeSpanMedian[u],
						this.subtreeSpanMax[u], this.subtreeNarrow[u]);
	}

	/** Managers (posts with at least one solid line in), their mean, median and largest span, and the spans of 1 or 2. */
	public record Spans(int managers, @Nullable Double mean, @Nullable Double median, @Nullable Integer max,
			int narrow) {
	}

	/** Levels of units below the unit. */
	public int subtreeUnitDepth(int u) {
		return this.subtreeUnitDepth[u];
	}

	public int childUnits(int u) {
		return this.childUnits[u];
	}

	public int subtreeUnitDuties(int u) {
		return this.subtreeUnitDuties[u];
	}

	public int ownPositionDuties(int u) {
		return this.ownPositionDuties[u];
	}

	public int subtreePositionDuties(int u) {
		return this.subtreePositionDuties[u];
	}

	/** The longest solid chain (at most 64 links) ending at the unit's head; null without a head. */
	public @Nullable Integer reportingDepth(int u) {
		return this.reportingDepth[u] < 0 ? null : this.reportingDepth[u];
	}

}
