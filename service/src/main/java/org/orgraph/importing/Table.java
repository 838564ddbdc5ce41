package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.OrgDocument.Location;

/**
 * One tabular file as read: where each known column stands in its header and the rows below
 * it, cells as written. The CSV bundle and UK organogram parsers each decide how a header
 * matches a column and how a cell is cleaned; this is what they share.
 *
 * @param columns every known column, in the parser's order, to its 1-based number in the
 * header (0 when the file lacks it)
 * @param width the number of header cells the parser counts as the table's width
 */
record Table(String file, Map<ColumnSpec, Integer> columns, int width, List<Row> rows) {

	boolean has(ColumnSpec column) {
		return number(column) > 0;
	}

	/** 1-based column number, 0 when the file has no such column. */
	int number(ColumnSpec column) {
		return this.columns.getOrDefault(column, 0);
	}

	/** The cell as written; null when the file lacks the column or the row is short of it. */
	@Nullable String cell(Row row, ColumnSpec column) {
		int number = number(column);
		return (number > 0 && number <= row.cells().size()) ? row.cells().get(number - 1) : null;
	}

	Location at(Row row, ColumnSpec column) {
		return Location.of(this.file, row.line(), number(column));
	}

	/** One record and the physical line it starts on. */
	record Row(int line, List<String> cells) {

		/** The line the next record starts on, counting line breaks inside quoted cells. */
		int nextLine() {
			int breaks = 0;
			for (String cell : this.cells) {
				breaks += LineIndex.breaks(cell);
			}
			return this.line + breaks + 1;
		}

	}

}
