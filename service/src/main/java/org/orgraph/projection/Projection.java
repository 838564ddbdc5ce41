package org.orgraph.projection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * One complete revision laid out in arrays: posts, units and people as dense ids in key order
 * (the order Cypher's {@code ORDER BY key} gives), solid reporting lines as a parent array with
 * the direct reports as compressed sparse rows (CSR), dotted lines and holdings as CSR, the
 * reporting forest and the unit tree numbered in pre-order so "is under" and subtree sizes are
 * O(1), and every string in one arena. Immutable once built, so any number of requests share it.
 *
 * <p>Walks follow the semantics of the files under {@code cypher/queries/command/}: the chain of
 * command is the longest solid path of at most {@code maxDepth} links that repeats no line, so
 * on a cycle it ends at the first post it reaches a second time; reports are the posts with a
 * solid path of at most {@code maxDepth} links up to the post (never the post itself). Those
 * files leave a tie between several solid lines of one post to the planner; when a revision
 * has such a post, or a post in no unit (which a chain's unit join drops), {@link #exactPaths()}
 * is false and callers ask Cypher instead. No import writes either.
 */
public final class Projection {

	/** {@link #plannedHeadcount} of a unit without one. */
	private static final int NO_HEADCOUNT = Integer.MIN_VALUE;

	private static final byte DERIVED_FALSE = 0;

	private static final byte DERIVED_TRUE = 1;

	private static final byte DERIVED_NULL = 2;

	private final String rev;

	private final StringArena strings;

	// posts
	private final KeyIndex postIndex;

	private final int[] postKey;

	private final int[] postTitle;

	private final int[] postGrade;

	private final int[] postHeadcount;

	private final double[] postJuniorFte;

	private final int[] postUnit;

	private final BitSet concurrentWith;

	/** Posts declared held together with another post on their own side ({@code CONCURRENT_WITH} from them). */
	private final BitSet concurrentDeclared;

	/** The solid line's manager, -1 at a top. */
	private final int[] manager;

	private final byte[] lineDerived;

	/** Direct reports (solid lines), in key order: {@code reports[reportStart[m] … reportStart[m + 1])}. */
	private final int[] reportStart;

	private final int[] reports;

	private final int[] dottedStart;

	private final int[] dotted;

	/** Pre-order number in the reporting forest grown from the tops; -1 for posts that reach no top. */
	private final int[] pre;

	/** One past the last pre-order number under the post. */
	private final int[] end;

	/** The post at each pre-order number. */
	private final int[] order;

	/** Links up to the top (-1: no top). */
	private final int[] depth;

	/** Links from the post down to the deepest post under it. */
	private final int[] height;

	private final int tops;

	private final int deepest;

	private final boolean exactPaths;

	// holdings: one per HOLDS relationship
	private final int[] holdingPerson;

	private final int[] holdingPost;

	private final double[] holdingFte;

	private final BitSet holdingActing;

	private final int[] postHoldingStart;

	private final int[] postHoldings;

	private final int[] personHoldingStart;

	private final int[] personHoldings;

	// units
	private final KeyIndex unitIndex;

	private final int[] unitKey;

	private final int[] unitName;

	private final int[] unitKind;

	private final int[] plannedHeadcount;

	private final int[] unitParent;

	private final int[] unitPre;

	private final int[] unitEnd;

	private final int[] unitDepth;

	/** The unit at each pre-order number of the unit tree. */
	private final int[] unitOrder;

	private final int[] unitDuties;

	/** The heading post with the smallest key ({@code HEADS}), -1 when no post heads the unit. */
	private final int[] unitHead;

	private final int[] postDuties;

	private final boolean exactUnits;

	// people
	private final KeyIndex personIndex;

	private final int[] personKey;

	private final int[] personName;

	private final long bytes;

	/** Worked out on first use; a revision never changes, so once is enough. */
	private volatile @Nullable OrgFigures figures;

	/** Per-unit roll-ups, worked out on first use and then counted in {@link #bytes()}. */
	private volatile @Nullable UnitRollup rollup;

	private Projection(Builder b) {
		this.rev = b.rev;
		this.strings = b.strings.build();
		this.postIndex = b.posts.freeze(this.strings);
		this.unitIndex = b.units.freeze(this.strings);
		this.personIndex = b.people.freeze(this.strings);
		int n = this.postIndex.size();
		this.postKey = this.postIndex.keys();
		this.postTitle = Arrays.copyOf(b.postTitle.values, n);
		this.postGrade = Arrays.copyOf(b.postGrade.values, n);
		this.postHeadcount = Arrays.copyOf(b.postHeadcount.values, n);
		this.postJuniorFte = Arrays.copyOf(b.postJuniorFte, n);
		this.postUnit = Arrays.copyOf(b.postUnit.values, n);
		this.concurrentWith = b.concurrentWith;
		this.concurrentDeclared = b.concurrentDeclared;
		int u = this.unitIndex.size();
		this.unitKey = this.unitIndex.keys();
		this.unitName = Arrays.copyOf(b.unitName.values, u);
		this.unitKind = Arrays.copyOf(b.unitKind.values, u);
		this.plannedHeadcount = Arrays.copyOf(b.plannedHeadcount.values, u);
		this.unitDuties = Arrays.copyOf(b.unitDuties.values, u);
		this.postDuties = Arrays.copyOf(b.postDuties.values, n);
		this.unitHead = new int[u];
		boolean headsKnown = true;
		for (int i = 0; i < u; i++) {
			int headRef = b.unitHeadKey.values[i];
			this.unitHead[i] = headRef == StringArena.NONE ? -1 : this.postIndex.find(this.strings.get(headRef));
			headsKnown &= headRef == StringArena.NONE || this.unitHead[i] >= 0;
		}
		this.unitParent = new int[u];
		for (int i = 0; i < u; i++) {
			int parentRef = b.unitParentKey.values[i];
			this.unitParent[i] = parentRef == StringArena.NONE ? -1 : this.unitIndex.find(this.strings.get(parentRef));
		}
		int people = this.personIndex.size();
		this.personKey = this.personIndex.keys();
		this.personName = Arrays.copyOf(b.personName.values, people);

		// solid lines: the parent array and its CSR; several solid lines from one post make paths inexact
		this.manager = new int[n];
		Arrays.fill(this.manager, -1);
		this.lineDerived = new byte[n];
		boolean severalSolid = false;
		int[] dottedCount = new int[n + 1];
		for (int i = 0; i < b.lineFrom.size; i++) {
			int from = b.lineFrom.values[i];
			if (b.lineSolid.get(i)) {
				if (this.manager[from] != -1) {
					severalSolid = true;
					continue;
				}
				this.manager[from] = b.lineTo.values[i];
				this.lineDerived[from] = b.lineDerived[i];
			}
			else {
				dottedCount[from + 1]++;
			}
		}
		int[][] csr = csr(this.manager, n);
		this.reportStart = csr[0];
		this.reports = csr[1];
		for (int i = 0; i < n; i++) {
			dottedCount[i + 1] += dottedCount[i];
		}
		this.dottedStart = dottedCount;
		this.dotted = new int[dottedCount[n]];
		int[] fill = Arrays.copyOf(dottedCount, n);
		for (int i = 0; i < b.lineFrom.size; i++) {
			if (!b.lineSolid.get(i)) {
				this.dotted[fill[b.lineFrom.values[i]]++] = b.lineTo.values[i];
			}
		}
		for (int i = 0; i < n; i++) {
			Arrays.sort(this.dotted, this.dottedStart[i], this.dottedStart[i + 1]);
		}
		boolean allInUnits = true;
		for (int i = 0; i < n; i++) {
			allInUnits &= this.postUnit[i] >= 0;
		}
		this.exactPaths = !severalSolid && allInUnits && !b.severalUnits;

		// the reporting forest in pre-order, from each top in key order
		this.pre = new int[n];
		this.end = new int[n];
		this.depth = new int[n];
		this.height = new int[n];
		Arrays.fill(this.pre, -1);
		Arrays.fill(this.depth, -1);
		int[] visit = new int[n];
		int next = 0;
		int topCount = 0;
		int deepestTop = -1;
		int[] stack = new int[Math.max(1, n)];
		for (int t = 0; t < n; t++) {
			if (this.manager[t] != -1) {
				continue;
			}
			topCount++;
			int sp = 0;
			stack[sp++] = t;
			this.depth[t] = 0;
			while (sp > 0) {
				int p = stack[--sp];
				this.pre[p] = next;
				visit[next++] = p;
				deepestTop = Math.max(deepestTop, this.depth[p]);
				// pushed in reverse so the smallest key is visited first
				for (int k = this.reportStart[p + 1] - 1; k >= this.reportStart[p]; k--) {
					int c = this.reports[k];
					this.depth[c] = this.depth[p] + 1;
					stack[sp++] = c;
				}
			}
		}
		this.order = Arrays.copyOf(visit, next);
		for (int i = next - 1; i >= 0; i--) {
			int p = this.order[i];
			this.end[p] = Math.max(this.end[p], i + 1);
			int m = this.manager[p];
			if (m >= 0) {
				this.height[m] = Math.max(this.height[m], this.height[p] + 1);
				this.end[m] = Math.max(this.end[m], this.end[p]);
			}
		}
		this.tops = topCount;
		this.deepest = deepestTop;

		// holdings, by post (people in key order) and by person (posts in key order)
		int h = b.holdingPerson.size;
		this.holdingPerson = Arrays.copyOf(b.holdingPerson.values, h);
		this.holdingPost = Arrays.copyOf(b.holdingPost.values, h);
		this.holdingFte = Arrays.copyOf(b.holdingFte, h);
		this.holdingActing = b.holdingActing;
		int[][] byPost = group(this.holdingPost, this.holdingPerson, n, people);
		this.postHoldingStart = byPost[0];
		this.postHoldings = byPost[1];
		int[][] byPerson = group(this.holdingPerson, this.holdingPost, people, n);
		this.personHoldingStart = byPerson[0];
		this.personHoldings = byPerson[1];

		// the unit tree in pre-order
		this.unitPre = new int[u];
		this.unitEnd = new int[u];
		this.unitDepth = new int[u];
		Arrays.fill(this.unitPre, -1);
		int[][] unitCsr = csr(this.unitParent, u);
		int[] unitStack = new int[Math.max(1, u)];
		int unitNext = 0;
		int[] unitOrder = new int[u];
		for (int root = 0; root < u; root++) {
			if (this.unitParent[root] != -1) {
				continue;
			}
			int sp = 0;
			unitStack[sp++] = root;
			while (sp > 0) {
				int x = unitStack[--sp];
				this.unitPre[x] = unitNext;
				unitOrder[unitNext++] = x;
				for (int k = unitCsr[0][x + 1] - 1; k >= unitCsr[0][x]; k--) {
					int c = unitCsr[1][k];
					this.unitDepth[c] = this.unitDepth[x] + 1;
					unitStack[sp++] = c;
				}
			}
		}
		int deepestUnit = 0;
		for (int i = 0; i < unitNext; i++) {
			deepestUnit = Math.max(deepestUnit, this.unitDepth[unitOrder[i]]);
		}
		this.unitOrder = unitOrder;
		this.exactUnits = !b.severalParents && unitNext == u && deepestUnit <= 64 && headsKnown;
		for (int i = unitNext - 1; i >= 0; i--) {
			int x = unitOrder[i];
			this.unitEnd[x] = Math.max(this.unitEnd[x], i + 1);
			int parent = this.unitParent[x];
			if (parent >= 0) {
				this.unitEnd[parent] = Math.max(this.unitEnd[parent], this.unitEnd[x]);
			}
		}
		this.bytes = this.strings.bytes() + this.postIndex.bytes() + this.unitIndex.bytes() + this.personIndex.bytes()
				+ ints(this.postTitle, this.postGrade, this.postHeadcount, this.postUnit, this.manager, this.reportStart,
						this.reports, this.dottedStart, this.dotted, this.pre, this.end, this.order, this.depth,
						this.height, this.holdingPerson, this.holdingPost, this.postHoldingStart, this.postHoldings,
						this.personHoldingStart, this.personHoldings, this.unitName, this.unitKind, this.plannedHeadcount,
						this.unitParent, this.unitPre, this.unitEnd, this.unitDepth, this.personName, this.unitDuties,
						this.postDuties, this.unitHead, this.unitOrder)
				+ 8L * (this.postJuniorFte.length + this.holdingFte.length) + this.lineDerived.length
				+ this.concurrentWith.size() / 8 + this.concurrentDeclared.size() / 8 + this.holdingActing.size() / 8 + 256;
	}

	private static long ints(int[]... arrays) {
		long total = 0;
		for (int[] a : arrays) {
			total += 16L + 4L * a.length;
		}
		return total;
	}

	/** Children of each node of a parent array as CSR, each row in id order. */
	private static int[][] csr(int[] parent, int n) {
		int[] start = new int[n + 1];
		for (int p : parent) {
			if (p >= 0) {
				start[p + 1]++;
			}
		}
		for (int i = 0; i < n; i++) {
			start[i + 1] += start[i];
		}
		int[] children = new int[start[n]];
		int[] fill = Arrays.copyOf(start, n);
		// ids ascend, so every row comes out sorted
		for (int c = 0; c < n; c++) {
			if (parent[c] >= 0) {
				children[fill[parent[c]]++] = c;
			}
		}
		return new int[][] { start, children };
	}

	/**
	 * Holding indices grouped by {@code by} (CSR over {@code groups}), each group ordered by
	 * {@code then} (ids below {@code thenRange}): two stable counting sorts, no boxing.
	 */
	private static int[][] group(int[] by, int[] then, int groups, int thenRange) {
		int[] byThen = new int[then.length];
		int[] count = new int[thenRange + 1];
		for (int t : then) {
			count[t + 1]++;
		}
		for (int i = 0; i < thenRange; i++) {
			count[i + 1] += count[i];
		}
		for (int i = 0; i < then.length; i++) {
			byThen[count[then[i]]++] = i;
		}
		int[] start = new int[groups + 1];
		for (int g : by) {
			start[g + 1]++;
		}
		for (int i = 0; i < groups; i++) {
			start[i + 1] += start[i];
		}
		int[] fill = Arrays.copyOf(start, groups);
		int[] rows = new int[by.length];
		for (int i : byThen) {
			rows[fill[by[i]]++] = i;
		}
		return new int[][] { start, rows };
	}

	public String rev() {
		return this.rev;
	}

	/** Heap the projection takes, estimated from its arrays, the unit roll-ups included once worked out. */
	public long bytes() {
		UnitRollup known = this.rollup;
		return this.bytes + (known == null ? 0 : known.bytes());
	}

	/**
	 * Whether paths read here answer exactly as the Cypher files do: false when a post has
	 * several solid lines or is not in exactly one unit (see the class comment).
	 */
	public boolean exactPaths() {
		return this.exactPaths;
	}

	// ---- posts

	public int positionCount() {
		return this.postKey.length;
	}

	/** The id of the position with this key, -1 when the revision has none. */
	public int position(String key) {
		return this.postIndex.find(key);
	}

	public String positionKey(int p) {
		return string(this.postKey[p]);
	}

	public String title(int p) {
		return string(this.postTitle[p]);
	}

	public @Nullable String grade(int p) {
		return this.strings.get(this.postGrade[p]);
	}

	public int headcount(int p) {
		return this.postHeadcount[p];
	}

	public double juniorFte(int p) {
		return this.postJuniorFte[p];
	}

	/** The post's unit, -1 when it has none. */
	public int unitOf(int p) {
		return this.postUnit[p];
	}

	/** Declared held together with another post ({@code CONCURRENT_WITH}, either way). */
	public boolean concurrentWith(int p) {
		return this.concurrentWith.get(p);
	}

	/**
	 * Declared, on this post's side, as held together with another post ({@code CONCURRENT_WITH}
	 * from it): the post a holder fills besides their main one (兼任).
	 */
	public boolean concurrentDeclared(int p) {
		return this.concurrentDeclared.get(p);
	}

	/** How many hold the post (HOLDS relationships). */
	public int holderCount(int p) {
		return this.postHoldingStart[p + 1] - this.postHoldingStart[p];
	}

	/** The holdings of a post, its holders in key order. */
	public int[] holdingsOf(int p) {
		return Arrays.copyOfRange(this.postHoldings, this.postHoldingStart[p], this.postHoldingStart[p + 1]);
	}

	/** The solid line's manager, -1 for a top. */
	public int manager(int p) {
		return this.manager[p];
	}

	/** The {@code derived} property of the solid line from {@code p}; null when it has none. */
	public @Nullable Boolean derived(int p) {
		return switch (this.lineDerived[p]) {
			case DERIVED_TRUE -> true;
			case DERIVED_FALSE -> false;
			default -> null;
		};
	}

	/** Posts {@code p} reports to on dotted lines, in key order. */
	public int[] dottedTo(int p) {
		return Arrays.copyOfRange(this.dotted, this.dottedStart[p], this.dottedStart[p + 1]);
	}

	/**
	 * The chain of command from {@code start}: the posts of the longest solid path of at most
	 * {@code maxDepth} links that repeats no line. On a cycle the last post is the first one
	 * reached a second time, as {@code command/chain-of-command} returns it. O(links).
	 */
	public int[] chain(int start, int maxDepth) {
		int[] chain = new int[Math.min(maxDepth, positionCount()) + 2];
		int size = 0;
		chain[size++] = start;
		int p = start;
		while (size - 1 < maxDepth && this.manager[p] >= 0) {
			int m = this.manager[p];
			boolean seen = false;
			for (int i = 0; i < size; i++) {
				if (chain[i] == m) {
					seen = true;
					break;
				}
			}
			chain[size++] = m;
			if (seen) {
				break;
			}
			p = m;
		}
		return Arrays.copyOf(chain, size);
	}

	/** Posts reporting to {@code m} on a solid line, not counting {@code m} itself. O(1). */
	public int directReportCount(int m) {
		int count = this.reportStart[m + 1] - this.reportStart[m];
		return this.manager[m] == m ? count - 1 : count;
	}

	/**
	 * Posts under {@code m} along solid paths of at most {@code maxDepth} links, not {@code m}.
	 * O(1) from the pre-order interval when the subtree is no deeper than the bound, else a walk
	 * of the subtree (or, off the forest, a bounded breadth-first search).
	 */
	public int reportCount(int m, int maxDepth) {
		if (this.pre[m] >= 0) {
			if (this.height[m] <= maxDepth) {
				return this.end[m] - this.pre[m] - 1;
			}
			int count = 0;
			for (int i = this.pre[m] + 1; i < this.end[m]; i++) {
				if (this.depth[this.order[i]] - this.depth[m] <= maxDepth) {
					count++;
				}
			}
			return count;
		}
		return under(m, maxDepth).cardinality();
	}

	/** Whether {@code p} is under {@code m} in the reporting forest. O(1). */
	public boolean isUnder(int p, int m) {
		return p != m && this.pre[m] >= 0 && this.pre[p] > this.pre[m] && this.pre[p] < this.end[m];
	}

	/** Posts reached downwards from m (a post off the forest) in at most maxDepth links, m excluded. */
	private BitSet under(int m, int maxDepth) {
		BitSet seen = new BitSet();
		ArrayDeque<int[]> queue = new ArrayDeque<>();
		queue.add(new int[] { m, 0 });
		seen.set(m);
		while (!queue.isEmpty()) {
			int[] at = queue.poll();
			if (at[1] == maxDepth) {
				continue;
			}
			for (int k = this.reportStart[at[0]]; k < this.reportStart[at[0] + 1]; k++) {
				int c = this.reports[k];
				if (!seen.get(c)) {
					seen.set(c);
					queue.add(new int[] { c, at[1] + 1 });
				}
			}
		}
		seen.clear(m);
		return seen;
	}

	/**
	 * Up to {@code limit} reports of {@code m} with keys after {@code after}, in key order:
	 * direct ones, or every post under it within {@code maxDepth} links.
	 */
	public int[] reports(int m, boolean direct, String after, int limit, int maxDepth) {
		int from = firstAfter(after);
		int[] page = new int[Math.max(0, limit)];
		int size = 0;
		if (direct) {
			for (int k = this.reportStart[m]; k < this.reportStart[m + 1] && size < limit; k++) {
				int c = this.reports[k];
				if (c >= from && c != m) {
					page[size++] = c;
				}
			}
			return Arrays.copyOf(page, size);
		}
		if (this.pre[m] >= 0) {
			int subtree = this.end[m] - this.pre[m] - 1;
			if ((long) subtree * 8 >= positionCount() - from) {
				// a big subtree: walk the ids in key order and keep those under m
				for (int p = from; p < positionCount() && size < limit; p++) {
					if (isUnder(p, m) && this.depth[p] - this.depth[m] <= maxDepth) {
						page[size++] = p;
					}
				}
				return Arrays.copyOf(page, size);
			}
			int[] found = new int[subtree];
			int count = 0;
			for (int i = this.pre[m] + 1; i < this.end[m]; i++) {
				int p = this.order[i];
				if (p >= from && this.depth[p] - this.depth[m] <= maxDepth) {
					found[count++] = p;
				}
			}
			Arrays.sort(found, 0, count);
			return Arrays.copyOf(found, Math.min(count, limit));
		}
		BitSet under = under(m, maxDepth);
		for (int p = under.nextSetBit(from); p >= 0 && size < limit; p = under.nextSetBit(p + 1)) {
			page[size++] = p;
		}
		return Arrays.copyOf(page, size);
	}

	/** The first id whose key sorts after {@code after} ('' for all). */
	private int firstAfter(String after) {
		return firstAfter(this.postKey, after);
	}

	/** The first post id whose key sorts after {@code after} ('' for all): where a key-ordered page starts. */
	public int firstPositionAfter(String after) {
		return firstAfter(after);
	}

	/** The first unit id whose key sorts after {@code after} ('' for all): where a key-ordered page starts. */
	public int firstUnitAfter(String after) {
		return firstAfter(this.unitKey, after);
	}

	private int firstAfter(int[] keys, String after) {
		if (after.isEmpty()) {
			return 0;
		}
		int lo = 0;
		int hi = keys.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (string(keys[mid]).compareTo(after) <= 0) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Links up to the post's top, 0 for a top; -1 when it reaches none within {@code maxDepth}. */
	public int layer(int p, int maxDepth) {
		return this.depth[p] >= 0 && this.depth[p] <= maxDepth ? this.depth[p] : -1;
	}

	/** 1 + the longest chain from a post to its top (at most {@code maxDepth} links); 0 without tops. */
	public int layers(int maxDepth) {
		return this.tops == 0 ? 0 : 1 + Math.min(this.deepest, maxDepth);
	}

	/**
	 * The lowest common superior of two sets of posts, as {@code command/common-superior} picks
	 * it: the post reached from some a and some b with the fewest links in all, then the fewest
	 * on the longer side, then by the superior's, a's and b's keys. Null when none is shared.
	 * O(|a|·|b|·d) for chains of d links.
	 */
	public @Nullable Superior commonSuperior(int[] a, int[] b, int maxDepth) {
		Superior best = null;
		for (int x : a) {
			int[] up = chain(x, maxDepth);
			for (int y : b) {
				int[] other = chain(y, maxDepth);
				for (int j = 0; j < other.length; j++) {
					int s = other[j];
					if (indexOf(other, s) != j) {
						continue;
					}
					int i = indexOf(up, s);
					if (i < 0) {
						continue;
					}
					Superior candidate = new Superior(s, x, y, Arrays.copyOf(up, i + 1), Arrays.copyOf(other, j + 1));
					if (best == null || candidate.compareTo(best) < 0) {
						best = candidate;
					}
				}
			}
		}
		return best;
	}

	private static int indexOf(int[] chain, int p) {
		for (int i = 0; i < chain.length; i++) {
			if (chain[i] == p) {
				return i;
			}
		}
		return -1;
	}

	/** A common superior: the post, the two posts it was reached from, and both paths up to it. */
	public record Superior(int position, int a, int b, int[] pathA, int[] pathB) implements Comparable<Superior> {

		@Override
		public int compareTo(Superior o) {
			int la = this.pathA.length - 1;
			int lb = this.pathB.length - 1;
			int oa = o.pathA.length - 1;
			int ob = o.pathB.length - 1;
			int c = Integer.compare(la + lb, oa + ob);
			if (c == 0) {
				c = Integer.compare(Math.max(la, lb), Math.max(oa, ob));
			}
			if (c == 0) {
				c = Integer.compare(this.position, o.position);
			}
			if (c == 0) {
				c = Integer.compare(this.a, o.a);
			}
			return c != 0 ? c : Integer.compare(this.b, o.b);
		}

	}

	// ---- organisation figures

	/**
	 * The organisation's totals as {@code metrics/vacancies} and {@code metrics/org-metrics}
	 * compute them. O(units + posts + holdings) the first time, then kept. Only when
	 * {@link #exactPaths()} and {@link #exactUnits()}.
	 */
	public OrgFigures orgFigures() {
		OrgFigures known = this.figures;
		if (known == null) {
			known = computeFigures();
			this.figures = known;
		}
		return known;
	}

	private OrgFigures computeFigures() {
		int n = positionCount();
		int u = unitCount();
		long[] unitSeats = new long[u];
		long seats = 0;
		int filled = 0;
		double filledFte = 0;
		int vacantSeats = 0;
		int excessSeats = 0;
		int vacantPositions = 0;
		int shortPositions = 0;
		int overEstablished = 0;
		double juniorFte = 0;
		int positionDuties = 0;
		int[] spanCounts = new int[n + 1];
		int managers = 0;
		long spanSum = 0;
		int spanMax = 0;
		int narrow = 0;
		for (int p = 0; p < n; p++) {
			int headcount = this.postHeadcount[p];
			if (this.postUnit[p] >= 0) {
				unitSeats[this.postUnit[p]] += headcount;
			}
			int holders = holderCount(p);
			double fte = 0;
			for (int k = this.postHoldingStart[p]; k < this.postHoldingStart[p + 1]; k++) {
				fte += this.holdingFte[this.postHoldings[k]];
			}
			seats += headcount;
			filled += holders;
			filledFte += fte;
			vacantSeats += Math.max(0, headcount - holders);
			excessSeats += Math.max(0, holders - headcount);
			vacantPositions += holders == 0 ? 1 : 0;
			shortPositions += holders < headcount ? 1 : 0;
			overEstablished += holders > headcount ? 1 : 0;
			juniorFte += this.postJuniorFte[p];
			positionDuties += this.postDuties[p];
			int span = solidLinesIn(p);
			if (span > 0) {
				managers++;
				spanSum += span;
				spanMax = Math.max(spanMax, span);
				narrow += span <= 2 ? 1 : 0;
				spanCounts[span]++;
			}
		}
		// 编制: a unit's stated figure when it is the only one stated on its path to the top,
		// its own seats when nothing on that path is stated (as metrics/vacancies)
		int[] stated = new int[u];
		long planned = 0;
		int unitDuties = 0;
		int unitDepth = 0;
		for (int x = 0; x < u; x++) {
			unitDuties += this.unitDuties[x];
		}
		int[] byPre = new int[u];
		for (int x = 0; x < u; x++) {
			if (this.unitPre[x] >= 0) {
				byPre[this.unitPre[x]] = x;
			}
		}
		for (int i = 0; i < u; i++) {
			int x = byPre[i];
			int parent = this.unitParent[x];
			stated[x] = (parent >= 0 ? stated[parent] : 0) + (this.plannedHeadcount[x] != NO_HEADCOUNT ? 1 : 0);
			unitDepth = Math.max(unitDepth, this.unitDepth[x]);
			if (stated[x] == 0) {
				planned += unitSeats[x];
			}
			else if (stated[x] == 1 && this.plannedHeadcount[x] != NO_HEADCOUNT) {
				planned += this.plannedHeadcount[x];
			}
		}
		Double mean = managers == 0 ? null : (double) spanSum / managers;
		Double median = managers == 0 ? null : percentile(spanCounts, managers, 0.5);
		return new OrgFigures(u, n, personCount(), holdingCount(), (int) planned, (int) seats, filled, filledFte,
				vacantSeats, excessSeats, vacantPositions, shortPositions, overEstablished, juniorFte, unitDuties,
				positionDuties, managers, mean, median, managers == 0 ? null : spanMax, narrow, unitDepth,
				this.tops == 0 ? 0 : Math.min(deepest(), 64), this.tops);
	}

	/** Cypher's {@code percentileCont} over values given as counts per value. */
	private static double percentile(int[] counts, int size, double p) {
		double index = p * (size - 1);
		int below = (int) Math.floor(index);
		int above = (int) Math.ceil(index);
		double low = valueAt(counts, below);
		double high = valueAt(counts, above);
		return low + (high - low) * (index - below);
	}

	private static int valueAt(int[] counts, int rank) {
		int seen = 0;
		for (int v = 0; v < counts.length; v++) {
			seen += counts[v];
			if (seen > rank) {
				return v;
			}
		}
		throw new IllegalArgumentException("rank " + rank);
	}

	/**
	 * An organisation's totals: the columns of {@code metrics/vacancies} and
	 * {@code metrics/org-metrics}, unrounded.
	 */
	public record OrgFigures(int units, int positions, int people, int holdings, int planned, int seats, int filled,
			double filledFte, int vacantSeats, int excessSeats, int vacantPositions, int shortPositions,
			int overEstablishedPositions, double juniorFte, int unitDuties, int positionDuties, int managers,
			@Nullable Double spanMean, @Nullable Double spanMedian, @Nullable Integer spanMax, int narrowSpans,
			int unitDepth, int reportingDepth, int tops) {
	}

	// ---- holdings and people

	public int holdingPerson(int h) {
		return this.holdingPerson[h];
	}

	public int holdingPosition(int h) {
		return this.holdingPost[h];
	}

	public double fte(int h) {
		return this.holdingFte[h];
	}

	public boolean acting(int h) {
		return this.holdingActing.get(h);
	}

	/** The id of the person with this key, -1 when the revision has none. */
	public int person(String key) {
		return this.personIndex.find(key);
	}

	public String personKey(int person) {
		return string(this.personKey[person]);
	}

	public String personName(int person) {
		return string(this.personName[person]);
	}

	/** How many posts the person holds (HOLDS relationships). */
	public int postCount(int person) {
		return this.personHoldingStart[person + 1] - this.personHoldingStart[person];
	}

	/** The posts a person holds, in key order. */
	public int[] postsOf(int person) {
		int[] posts = new int[postCount(person)];
		for (int i = 0; i < posts.length; i++) {
			posts[i] = this.holdingPost[this.personHoldings[this.personHoldingStart[person] + i]];
		}
		return posts;
	}

	// ---- units

	public int unitCount() {
		return this.unitKey.length;
	}

	public int unit(String key) {
		return this.unitIndex.find(key);
	}

	public String unitKey(int u) {
		return string(this.unitKey[u]);
	}

	public String unitName(int u) {
		return string(this.unitName[u]);
	}

	public @Nullable String unitKind(int u) {
		return this.strings.get(this.unitKind[u]);
	}

	public @Nullable Integer plannedHeadcount(int u) {
		return this.plannedHeadcount[u] == NO_HEADCOUNT ? null : this.plannedHeadcount[u];
	}

	/** The unit's parent, -1 at a root. */
	public int unitParent(int u) {
		return this.unitParent[u];
	}

	/** Levels below its root unit. */
	public int unitDepth(int u) {
		return this.unitDepth[u];
	}

	/**
	 * Whether unit questions read here answer exactly as the Cypher files do: every unit is
	 * in at most one unit and reaches a root unit within 64 levels (no PART_OF cycle).
	 */
	public boolean exactUnits() {
		return this.exactUnits;
	}

	/** The post heading the unit ({@code HEADS}; the smallest key when several do), -1 when none does. */
	public int unitHead(int u) {
		return this.unitHead[u];
	}

	/**
	 * Every unit's figures rolled up over its subtree, as {@code metrics/vacancies-units-page} and
	 * {@code metrics/unit-metrics} compute them: worked out on first use in O(units + posts +
	 * holdings + Σ managers under each unit), then kept. Only when {@link #exactPaths()} and
	 * {@link #exactUnits()}.
	 */
	public UnitRollup unitRollup() {
		UnitRollup known = this.rollup;
		if (known == null) {
			synchronized (this) {
				known = this.rollup;
				if (known == null) {
					known = new UnitRollup(this);
					this.rollup = known;
				}
			}
		}
		return known;
	}

	/** The unit at pre-order number {@code i} of the unit tree. */
	int unitAt(int i) {
		return this.unitOrder[i];
	}

	/** The unit's pre-order number in the unit tree. */
	int unitPre(int u) {
		return this.unitPre[u];
	}

	/** One past the last pre-order number in the unit's subtree. */
	int unitEnd(int u) {
		return this.unitEnd[u];
	}

	/** Whether the post is in the reporting forest (its chain reaches a top). */
	boolean inForest(int p) {
		return this.pre[p] >= 0;
	}

	/** Links from a post of the forest down to the deepest post under it. */
	int height(int p) {
		return this.height[p];
	}

	/** The first index of {@code m}'s direct reports in {@link #reportAt}; they end at {@code reportsFrom(m + 1)}. */
	int reportsFrom(int m) {
		return this.reportStart[m];
	}

	int reportAt(int k) {
		return this.reports[k];
	}

	/** The FTE the post's holders give, summed. */
	double filledFte(int p) {
		double fte = 0;
		for (int k = this.postHoldingStart[p]; k < this.postHoldingStart[p + 1]; k++) {
			fte += this.holdingFte[this.postHoldings[k]];
		}
		return fte;
	}

	/** Duties the unit OWNS. */
	public int unitDutyCount(int u) {
		return this.unitDuties[u];
	}

	/** Duties the post is RESPONSIBLE_FOR. */
	public int dutyCount(int p) {
		return this.postDuties[p];
	}

	/** Solid lines into {@code p}, a line from p to itself included (the metrics files count relationships). */
	public int solidLinesIn(int p) {
		return this.reportStart[p + 1] - this.reportStart[p];
	}

	/** Posts without a solid line. */
	public int tops() {
		return this.tops;
	}

	/** The most links from a post up to its top; 0 without tops. */
	public int deepest() {
		return Math.max(0, this.deepest);
	}

	public int personCount() {
		return this.personKey.length;
	}

	public int holdingCount() {
		return this.holdingPerson.length;
	}

	/** Whether unit {@code x} is {@code u} or inside it. O(1). */
	public boolean unitWithin(int x, int u) {
		return this.unitPre[u] >= 0 && this.unitPre[x] >= this.unitPre[u] && this.unitPre[x] < this.unitEnd[u];
	}

	/** Units in {@code u}'s subtree, itself included. O(1). */
	public int unitSubtreeSize(int u) {
		return this.unitPre[u] < 0 ? 1 : this.unitEnd[u] - this.unitPre[u];
	}

	private String string(int ref) {
		String value = this.strings.get(ref);
		return value == null ? "" : value;
	}

	/** Collects one revision's rows, label by label, and lays them out. Not thread-safe. */
	static final class Builder {

		private final String rev;

		private final StringArena.Builder strings = new StringArena.Builder();

		private final KeyIndex units = new KeyIndex(this.strings);

		private final KeyIndex posts = new KeyIndex(this.strings);

		private final KeyIndex people = new KeyIndex(this.strings);

		private final Ints unitName = new Ints();

		private final Ints unitKind = new Ints();

		private final Ints plannedHeadcount = new Ints();

		private final Ints unitParentKey = new Ints();

		private final Ints unitDuties = new Ints();

		private final Ints unitHeadKey = new Ints();

		private boolean severalParents;

		private final Ints postDuties = new Ints();

		private final Ints postTitle = new Ints();

		private final Ints postGrade = new Ints();

		private final Ints postHeadcount = new Ints();

		private double[] postJuniorFte = new double[1024];

		private final Ints postUnit = new Ints();

		private final BitSet concurrentWith = new BitSet();

		private final BitSet concurrentDeclared = new BitSet();

		private boolean severalUnits;

		private final Ints lineFrom = new Ints();

		private final Ints lineTo = new Ints();

		private final BitSet lineSolid = new BitSet();

		private byte[] lineDerived = new byte[1024];

		private final Ints personName = new Ints();

		private final Ints holdingPerson = new Ints();

		private final Ints holdingPost = new Ints();

		private double[] holdingFte = new double[1024];

		private final BitSet holdingActing = new BitSet();

		Builder(String rev) {
			this.rev = rev;
		}

		private int key(KeyIndex index, String key) {
			byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
			if (index.find(utf8) >= 0) {
				return -1;
			}
			return index.add(this.strings.add(utf8), utf8);
		}

		/** Units first, then positions, lines, people and holdings. */
		void unit(String key, @Nullable String name, @Nullable String kind, @Nullable Integer planned,
				@Nullable String parent, int parents, int duties, @Nullable String head) {
			if (key(this.units, key) < 0) {
				return;
			}
			this.unitHeadKey.add(this.strings.add(head));
			this.severalParents |= parents > 1;
			this.unitDuties.add(duties);
			this.unitName.add(this.strings.shared(name));
			this.unitKind.add(this.strings.shared(kind));
			this.plannedHeadcount.add(planned == null ? NO_HEADCOUNT : planned);
			this.unitParentKey.add(this.strings.shared(parent));
		}

		void position(String key, @Nullable String title, @Nullable String grade, int headcount, double juniorFte,
				@Nullable String unit, int units, int concurrentTo, int concurrentFrom, int duties) {
			int id = key(this.posts, key);
			if (id < 0) {
				return;
			}
			this.postDuties.add(duties);
			this.postTitle.add(this.strings.shared(title));
			this.postGrade.add(this.strings.shared(grade));
			this.postHeadcount.add(headcount);
			if (id == this.postJuniorFte.length) {
				this.postJuniorFte = Arrays.copyOf(this.postJuniorFte, 2 * id);
			}
			this.postJuniorFte[id] = juniorFte;
			this.postUnit.add(unit == null ? -1 : this.units.find(unit.getBytes(StandardCharsets.UTF_8)));
			this.severalUnits |= units > 1;
			if (concurrentTo + concurrentFrom > 0) {
				this.concurrentWith.set(id);
			}
			if (concurrentTo > 0) {
				this.concurrentDeclared.set(id);
			}
		}

		void line(String from, String to, @Nullable Boolean line, @Nullable Boolean derived) {
			if (line == null) {
				return;
			}
			int a = this.posts.find(from.getBytes(StandardCharsets.UTF_8));
			int m = this.posts.find(to.getBytes(StandardCharsets.UTF_8));
			if (a < 0 || m < 0) {
				return;
			}
			int i = this.lineFrom.size;
			this.lineFrom.add(a);
			this.lineTo.add(m);
			this.lineSolid.set(i, line);
			if (i == this.lineDerived.length) {
				this.lineDerived = Arrays.copyOf(this.lineDerived, 2 * i);
			}
			this.lineDerived[i] = derived == null ? DERIVED_NULL : derived ? DERIVED_TRUE : DERIVED_FALSE;
		}

		void person(String key, @Nullable String name) {
			if (key(this.people, key) >= 0) {
				this.personName.add(this.strings.add(name));
			}
		}

		void holding(String person, String position, double fte, boolean acting) {
			int who = this.people.find(person.getBytes(StandardCharsets.UTF_8));
			int post = this.posts.find(position.getBytes(StandardCharsets.UTF_8));
			if (who < 0 || post < 0) {
				return;
			}
			int i = this.holdingPerson.size;
			this.holdingPerson.add(who);
			this.holdingPost.add(post);
			if (i == this.holdingFte.length) {
				this.holdingFte = Arrays.copyOf(this.holdingFte, 2 * i);
			}
			this.holdingFte[i] = fte;
			if (acting) {
				this.holdingActing.set(i);
			}
		}

		Projection build() {
			return new Projection(this);
		}

	}

	/** A growable int array. */
	private static final class Ints {

		int[] values = new int[1024];

		int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, 2 * this.size);
			}
			this.values[this.size++] = value;
		}

	}

}
