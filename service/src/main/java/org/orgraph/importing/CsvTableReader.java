package org.orgraph.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.Table.Row;

/**
 * Reads one file of a CSV bundle into a {@link Table}: decodes it, finds its delimiter,
 * matches its header against the file kind's columns and keeps the rows, reporting into the
 * bundle what it could not read.
 */
final class CsvTableReader {

	private final CsvBundle bundle;

	CsvTableReader(CsvBundle bundle) {
		this.bundle = bundle;
	}

	/**
	 * Decodes and parses one file into rows of the header's width. Null when there is nothing
	 * to use: unreadable, a required column missing, or no rows.
	 */
	@Nullable Table read(ImportFile file, List<ColumnSpec> columns, Set<ColumnSpec> required, Severity emptySeverity) {
		String name = file.name();
		String text;
		try {
			TextDecoder.Decoded decoded = TextDecoder.decode(file.content());
			text = decoded.text();
			this.bundle.encodings.put(name, decoded.charset().name());
		}
		catch (TextDecoder.UndecodableException ex) {
			this.bundle.fatal(Location.of(name, ex.line(), ex.column()), ProblemCodes.BAD_ENCODING, ex.getMessage());
			return null;
		}
		char delimiter = sniffDelimiter(text);
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		Map<ColumnSpec, Integer> positions = null;
		int width = 0;
		int headerLine = 0;
		List<@Nullable String> headerCells = List.of();
		List<Row> rows = new ArrayList<>();
		LineIndex lines = new LineIndex(text);
		long lastRecordStart = 0;
		try (CSVParser parser = format.parse(new StringReader(text))) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException ex) {
					malformed(name, text, (int) lastRecordStart, delimiter, ex.getCause());
					return null;
				}
				lastRecordStart = record.getCharacterPosition();
				int line = lines.lineOf((int) lastRecordStart);
				if (isBlankRecord(record)) {
					continue;
				}
				if (positions == null) {
					headerLine = line;
					width = record.size();
					headerCells = cells(record);
					positions = header(name, line, record, columns, required);
					if (positions == null) {
						return null;
					}
					continue;
				}
				if (record.size() != width) {
					this.bundle.error(Location.of(name, line, record.size()), ProblemCodes.RAGGED_ROW,
							"line %d has %d cells but the header has %d".formatted(line, record.size(), width));
					continue;
				}
				// exports printed page by page repeat the header
				if (Objects.equals(CsvBundleParser.clean(record.get(0)), headerCells.getFirst())
						&& cells(record).equals(headerCells)) {
					this.bundle.warn(Location.of(name, line, 1), ProblemCodes.DUPLICATE_ROW,
							"line %d repeats the header of line %d; it was skipped".formatted(line, headerLine));
					continue;
				}
				rows.add(new Row(line, record.toList()));
			}
		}
		catch (IOException ex) {
			// a StringReader does not fail, and Commons CSV reports malformed input unchecked
			throw new UncheckedIOException(ex);
		}
		if (positions == null) {
			this.bundle.problem(Location.of(name, 0, 0), ProblemCodes.EMPTY_FILE, "%s is empty".formatted(name),
					emptySeverity);
			return null;
		}
		if (rows.isEmpty()) {
			this.bundle.problem(Location.of(name, headerLine, 0), ProblemCodes.HEADER_ONLY,
					"%s has a header but no rows".formatted(name), emptySeverity);
			return null;
		}
		return new Table(name, positions, width, rows);
	}

	/**
	 * Maps each known column to its 1-based position in the header, 0 when absent; the
	 * leftmost header that means a column gives it.
	 */
	private @Nullable Map<ColumnSpec, Integer> header(String file, int line, CSVRecord header, List<ColumnSpec> columns,
			Set<ColumnSpec> required) {
		Map<String, ColumnSpec> byAlias = new HashMap<>();
		Map<ColumnSpec, Integer> positions = LinkedHashMap.newLinkedHashMap(columns.size());
		for (ColumnSpec column : columns) {
			positions.put(column, 0);
			for (String alias : column.aliases()) {
				byAlias.putIfAbsent(CsvBundleParser.normaliseHeader(alias), column);
			}
		}
		List<String> ignored = new ArrayList<>();
		int firstIgnored = 0;
		for (int i = 0; i < header.size(); i++) {
			String title = CsvBundleParser.clean(header.get(i));
			if (title == null) {
				continue;
			}
			ColumnSpec column = byAlias.get(CsvBundleParser.normaliseHeader(title));
			if (column != null && positions.get(column) == 0) {
				positions.put(column, i + 1);
				continue;
			}
			ignored.add((column == null) ? "'%s'".formatted(title)
					: "'%s' (column %d already gives %s)".formatted(title, positions.get(column), column.label()));
			if (firstIgnored == 0) {
				firstIgnored = i + 1;
			}
		}
		if (!ignored.isEmpty()) {
			this.bundle.warn(Location.of(file, line, firstIgnored), ProblemCodes.UNKNOWN_FIELD,
					"%s: column%s %s not read".formatted(file, (ignored.size() > 1) ? "s" : "",
							String.join(", ", ignored)));
		}
		boolean complete = true;
		for (ColumnSpec column : columns) {
			if (required.contains(column) && positions.get(column) == 0) {
				this.bundle.fatal(Location.of(file, line, 0), ProblemCodes.MISSING_COLUMN,
						"%s has no %s column (accepted headers: %s)".formatted(file, column.label(),
								String.join(", ", column.aliases())));
				complete = false;
			}
		}
		return complete ? positions : null;
	}

	/** Commons CSV gave up: find where quoting broke, which its message does not say exactly. */
	private void malformed(String file, String text, int from, char delimiter, @Nullable Throwable cause) {
		QuoteProblem problem = QuoteProblem.find(text, from, delimiter);
		LineIndex lines = new LineIndex(text);
		if (problem != null) {
			int line = lines.lineOf(problem.position());
			int character = lines.columnOf(problem.position());
			this.bundle.fatal(Location.of(file, line, problem.cell()), ProblemCodes.MALFORMED_CSV,
					"line %d, cell %d, character %d: %s".formatted(line, problem.cell(), character, problem.message()));
		}
		else {
			int line = lines.lineOf(from);
			this.bundle.fatal(Location.of(file, line, 0), ProblemCodes.MALFORMED_CSV,
					"cannot read the CSV after line %d: %s".formatted(line,
							(cause != null) ? cause.getMessage() : "malformed quoting"));
		}
	}

	private static List<@Nullable String> cells(CSVRecord record) {
		List<@Nullable String> cells = new ArrayList<>(record.size());
		for (String value : record) {
			cells.add(CsvBundleParser.clean(value));
		}
		return cells;
	}

	private static boolean isBlankRecord(CSVRecord record) {
		for (String value : record) {
			if (CsvBundleParser.clean(value) != null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Comma unless the header line plainly uses semicolons (European Excel) or tabs; quoted
	 * text is not counted. Only the header line counts: in a one-column file (org.csv with
	 * just a name) a semicolon or tab in the value below is text, not a separator.
	 */
	static char sniffDelimiter(String text) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		boolean header = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				if (c == '\n' || c == '\r') {
					if (header || commas + semicolons + tabs > 0) {
						break;
					}
				}
				else if (c == ',') {
					commas++;
				}
				else if (c == ';') {
					semicolons++;
				}
				else if (c == '\t') {
					tabs++;
				}
			}
			header |= !Character.isWhitespace(c);
		}
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return (tabs > commas) ? '\t' : ',';
	}

	/**
	 * Where RFC 4180 quoting breaks, read the way Commons CSV reads it: a quote opens a cell
	 * only as the cell's first character, a doubled quote inside stands for one, and only
	 * spaces may follow the closing quote before the next delimiter or line end.
	 */
	private record QuoteProblem(int position, int cell, String message) {

		static @Nullable QuoteProblem find(String text, int from, char delimiter) {
			int cell = 1;
			boolean cellStart = true;
			int i = from;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (cellStart && c == '"') {
					int open = i++;
					while (true) {
						if (i >= text.length()) {
							return new QuoteProblem(open, cell, "this quoted cell is never closed");
						}
						if (text.charAt(i) == '"') {
							if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
								i += 2;
								continue;
							}
							i++;
							break;
						}
						i++;
					}
					while (i < text.length() && text.charAt(i) != delimiter && text.charAt(i) != '\n'
							&& text.charAt(i) != '\r') {
						if (!Character.isWhitespace(text.charAt(i))) {
							return new QuoteProblem(i, cell, "text after the closing quote of a quoted cell "
									+ "(write a quote inside a quoted cell as \"\")");
						}
						i++;
					}
					cellStart = false;
					continue;
				}
				if (c == delimiter) {
					cell++;
					cellStart = true;
				}
				else if (c == '\n' || c == '\r') {
					cell = 1;
					cellStart = true;
				}
				else {
					cellStart = false;
				}
				i++;
			}
			return null;
		}

	}

}
