package org.orgraph.metrics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of the {@code overlaps} and {@code orphans} exports of one revision, supplied by the
 * duty analytics. While no bean implements it those exports answer 404 {@code TABLE_NOT_AVAILABLE}.
 * Every row of a table has the same keys in the same order; keys become the CSV header and the
 * JSON property names, so once published they must never be renamed. Values are strings,
 * numbers, booleans, null, or lists of those (written to CSV joined with {@code ;}).
 * {@code rev} is a complete revision's id, {@code "<org>/<number>"}.
 */
public interface DutyTables {

	List<Map<String, @Nullable Object>> overlaps(String rev);

	List<Map<String, @Nullable Object>> orphans(String rev);

	/** The responsibility matrix: one row per theme and holder. */
	default List<Map<String, @Nullable Object>> themes(String rev) {
		return List.of();
	}

	/** The themes table's columns. */
	default List<String> themeColumns() {
		return List.of();
	}

	/** The overlaps table's columns, so an empty table still has its header; empty: the first row's keys. */
	default List<String> overlapColumns() {
		return List.of();
	}

	/** The orphans table's columns, so an empty table still has its header; empty: the first row's keys. */
	default List<String> orphanColumns() {
		return List.of();
	}

}
