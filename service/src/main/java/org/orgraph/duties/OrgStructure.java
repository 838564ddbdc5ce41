package org.orgraph.duties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;

/**
 * What the duty analytics read of a revision's structure to say how two holders relate and
 * who settles their overlap: each post's unit and solid-line manager, each unit's parent and
 * head, and the names shown. Read from a {@link RevisionSnapshot} or, when the revision's
 * projection holds it exactly, from the projection ({@link ProjectedStructure}). Keys a
 * revision does not hold answer null. Walks stop after {@link #maxDepth()} steps, so a cycle
 * cannot loop them.
 */
interface OrgStructure {

	Revision rev();

	int maxDepth();

	/** The post's unit; null when the revision has no such post. */
	@Nullable String unitOfPosition(String position);

	/** The post's solid-line manager; null at a top or for an unknown post. */
	@Nullable String manager(String position);

	@Nullable String title(String position);

	/** The unit's parent; null at a root or for an unknown unit. */
	@Nullable String parentUnit(String unit);

	/** The post heading the unit; null when none does. */
	@Nullable String head(String unit);

	@Nullable String unitName(String unit);

	/** Whether nobody holds the post. */
	boolean vacant(String position);

	/**
	 * Whether the post is filled only alongside another: the source declares it held together
	 * with another post (兼任, {@code CONCURRENT_WITH} from it), or every holder holds another post too.
	 */
	boolean concurrentOnly(String position);

	/** The posts directly in each unit, in key order: worked out once, then looked up by unit key. */
	Function<String, List<String>> positionsByUnit();

	/** The unit itself, then its parent, … up to the top (at most {@link #maxDepth()} steps). */
	default List<String> unitAncestry(String unit) {
		return walk(unit, this::parentUnit);
	}

	/** The position itself, then its solid-line manager, … up to the top (at most {@link #maxDepth()} steps). */
	default List<String> chain(String position) {
		return walk(position, this::manager);
	}

	/** Whether {@code upper} is on {@code position}'s chain of command ({@link #chain}), the post itself included. */
	default boolean inChain(String position, String upper) {
		return chain(position).contains(upper);
	}

	/** Whether both posts have a solid-line manager and it is the same post. */
	default boolean sameManager(String a, String b) {
		String manager = manager(a);
		return manager != null && manager.equals(manager(b));
	}

	/** Whether both units have a parent and it is the same unit. */
	default boolean sameParentUnit(String a, String b) {
		String parent = parentUnit(a);
		return parent != null && parent.equals(parentUnit(b));
	}

	/** Whether {@code ancestor} is the unit itself or one of its ancestors ({@link #unitAncestry}). */
	default boolean inAncestry(String unit, String ancestor) {
		return unitAncestry(unit).contains(ancestor);
	}

	/**
	 * The lowest post on every one of the posts' chains of command ({@link #chain}), or null when
	 * they share none (or there are no posts): who settles what they hold in common.
	 */
	default @Nullable String lowestCommonSuperior(List<String> positions) {
		List<String> common = null;
		for (String position : positions) {
			List<String> chain = chain(position);
			if (common == null) {
				common = new ArrayList<>(chain);
			}
			else {
				Set<String> other = new HashSet<>(chain);
				common.removeIf(p -> !other.contains(p));
			}
		}
		return common == null || common.isEmpty() ? null : common.getFirst();
	}

	/** {@code start}, then {@code next} of it, … until null, a repeat, or {@link #maxDepth()} steps. */
	private List<String> walk(String start, UnaryOperator<@Nullable String> next) {
		List<String> path = new ArrayList<>();
		String current = start;
		while (current != null && path.size() <= maxDepth() && !path.contains(current)) {
			path.add(current);
			current = next.apply(current);
		}
		return path;
	}

	/** The position that answers for a unit: its head, or the nearest ancestor unit's head. */
	default @Nullable String answerableFor(String unit) {
		for (String u : unitAncestry(unit)) {
			String head = head(u);
			if (head != null) {
				return head;
			}
		}
		return null;
	}

}
