package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One organisation as read from any import format, before validation. Every item remembers
 * where it came from so problems can name file, line and column.
 *
 * @param metadata fields the format does not know (e.g. {@code source}, {@code notes}), kept on the revision
 */
public record OrgDocument(String key, String name, List<Unit> units, List<Position> positions, List<Person> people,
		Map<String, Object> metadata) {

	public OrgDocument {
		units = List.copyOf(units);
		positions = List.copyOf(positions);
		people = List.copyOf(people);
		metadata = Map.copyOf(metadata);
	}

	/** A department, division, team… ; {@code parent} null for a top unit. */
	public record Unit(String key, String name, @Nullable String parent, @Nullable String kind,
			@Nullable Integer plannedHeadcount, List<Duty> duties, Location at) {
	}

	/**
	 * A post. {@code headcount} is the number of seats (编制) for the post, 1 when not stated.
	 * {@code juniorFte} is staff reported only as aggregates under the post (UK junior files).
	 */
	public record Position(String key, String title, String unit, @Nullable String reportsTo,
			@Nullable Integer headcount, @Nullable String grade, List<Duty> duties, @Nullable String concurrentWith,
			double juniorFte, Location at) {
	}

	public record Person(String key, String name, List<Holding> holds, Location at) {
	}

	public record Holding(String position, double fte, boolean acting, Location at) {
	}

	/** A duty; {@code key} null when the document gave plain text (a key is then derived). */
	public record Duty(@Nullable String key, String text, Location at) {
	}

	/** Where an item was read: file name, 1-based line and column (0 when unknown). */
	public record Location(String file, int line, int column) {

		public static Location of(String file, int line, int column) {
			return new Location(file, line, column);
		}

	}

}
