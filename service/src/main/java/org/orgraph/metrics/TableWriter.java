package org.orgraph.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export table page by page straight to the response, so a table of a million rows
 * never sits in memory as one string: {@link #header}, then {@link #page} per page, then
 * {@link #finish}.
 */
sealed interface TableWriter permits TableWriter.Csv, TableWriter.Json {

	void header(List<String> columns);

	/** A page of rows; each row is written with the header's columns, in that order (missing: null). */
	void page(List<Map<String, @Nullable Object>> rows);

	/**
	 * Ends the table. Called only when every row was written: a failure part-way leaves the
	 * output unterminated (and the connection is dropped), so a cut-off export never looks whole.
	 */
	void finish();

	/**
	 * UTF-8 with a byte-order mark, RFC 4180 (commas, CRLF, quotes doubled), formula cells
	 * neutralised. The BOM is what makes Excel read the file as UTF-8 rather than the ANSI code
	 * page (GBK on Chinese Windows), where 中文 turns into mojibake.
	 */
	final class Csv implements TableWriter {

		static final char BOM = '\uFEFF';

		private final CSVPrinter printer;

		private List<String> columns = List.of();

		Csv(OutputStream out) {
			try {
				BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
				writer.write(BOM);
				this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void header(List<String> columns) {
			this.columns = columns;
			try {
				this.printer.printRecord(columns);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void page(List<Map<String, @Nullable Object>> rows) {
			try {
				List<String> cells = new ArrayList<>(this.columns.size());
				for (Map<String, @Nullable Object> row : rows) {
					cells.clear();
					for (String column : this.columns) {
						cells.add(cell(row.get(column)));
					}
					this.printer.printRecord(cells);
				}
				this.printer.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void finish() {
			try {
				this.printer.close(true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The text of a CSV cell: empty for null, plain decimals, lists joined with ';', text neutralised. */
		static String cell(@Nullable Object value) {
			return switch (value) {
				case null -> "";
				case String text -> neutralise(text);
				case Double d -> BigDecimal.valueOf(d).toPlainString();
				case Float f -> BigDecimal.valueOf(f).toPlainString();
				case Number n -> n.toString();
				case Boolean b -> b.toString();
				case Collection<?> list -> neutralise(list.stream().map(Csv::plain).collect(Collectors.joining(";")));
				default -> neutralise(value.toString());
			};
		}

		private static String plain(@Nullable Object value) {
			return value instanceof String text ? text : cell(value);
		}

		/**
		 * A text cell starting with {@code = + - @}, a tab or a carriage return gets a leading
		 * apostrophe, so a spreadsheet shows it as text instead of running it as a formula
		 * (CSV injection, e.g. a unit named {@code =HYPERLINK(…)}). As OWASP's rule says, the
		 * same holds after leading separators ({@code ;=1+1}, {@code ,=1+1}): a spreadsheet
		 * that splits on {@code ;} or {@code ,} starts a cell there, quoted or not.
		 */
		static String neutralise(String text) {
			int i = 0;
			while (i < text.length() && (text.charAt(i) == ';' || text.charAt(i) == ',')) {
				i++;
			}
			if (i < text.length()) {
				char first = text.charAt(i);
				if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
					return "'" + text;
				}
			}
			return text;
		}

	}

	/** A JSON array of row objects with the same keys as the CSV header; values keep their JSON types. */
	final class Json implements TableWriter {

		private final JsonGenerator generator;

		private List<String> columns = List.of();

		Json(OutputStream out, JsonMapper mapper) {
			this.generator = mapper.createGenerator(out);
		}

		@Override
		public void header(List<String> columns) {
			this.columns = columns;
			this.generator.writeStartArray();
		}

		@Override
		public void page(List<Map<String, @Nullable Object>> rows) {
			for (Map<String, @Nullable Object> row : rows) {
				this.generator.writeStartObject();
				for (String column : this.columns) {
					this.generator.writeName(column);
					value(row.get(column));
				}
				this.generator.writeEndObject();
			}
			this.generator.flush();
		}

		private void value(@Nullable Object value) {
			switch (value) {
				case null -> this.generator.writeNull();
				case String text -> this.generator.writeString(text);
				case Integer n -> this.generator.writeNumber(n);
				case Long n -> this.generator.writeNumber(n);
				case Double d -> this.generator.writeNumber(d);
				case Float f -> this.generator.writeNumber(f);
				case BigDecimal d -> this.generator.writeNumber(d);
				case Boolean b -> this.generator.writeBoolean(b);
				case Collection<?> list -> {
					this.generator.writeStartArray();
					list.forEach(this::value);
					this.generator.writeEndArray();
				}
				default -> this.generator.writeString(value.toString());
			}
		}

		@Override
		public void finish() {
			this.generator.writeEndArray();
			this.generator.close();
		}

	}

}
