package org.orgraph.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTests {

	@Test
	void shouldNeutraliseEveryCellThatStartsLikeAFormula() {
		assertThat(TableWriter.Csv.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(TableWriter.Csv.neutralise("+SUM(1,2)")).isEqualTo("'+SUM(1,2)");
		assertThat(TableWriter.Csv.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(TableWriter.Csv.neutralise("@cmd")).isEqualTo("'@cmd");
		assertThat(TableWriter.Csv.neutralise("\tx")).isEqualTo("'\tx");
		assertThat(TableWriter.Csv.neutralise("\rx")).isEqualTo("'\rx");
		assertThat(TableWriter.Csv.neutralise("财务部 = 3")).isEqualTo("财务部 = 3");
		assertThat(TableWriter.Csv.neutralise("")).isEmpty();
		// issue 16: OWASP's rule covers cells led by separators, which Excel with ';' or ','
		// as its separator splits into a formula cell
		assertThat(TableWriter.Csv.neutralise(";=1+1")).isEqualTo("';=1+1");
		assertThat(TableWriter.Csv.neutralise(",=1+1")).isEqualTo("',=1+1");
		assertThat(TableWriter.Csv.neutralise(";;,@SUM(A1)")).isEqualTo("';;,@SUM(A1)");
		assertThat(TableWriter.Csv.neutralise("; minutes, not =")).isEqualTo("; minutes, not =");
		assertThat(TableWriter.Csv.neutralise(";")).isEqualTo(";");
	}

	@Test
	void shouldWriteNumbersAndBooleansAsTheyAreAndListsJoined() {
		assertThat(TableWriter.Csv.cell(-1)).isEqualTo("-1");
		assertThat(TableWriter.Csv.cell(-0.5)).isEqualTo("-0.5");
		assertThat(TableWriter.Csv.cell(1.0E-4)).isEqualTo("0.00010");
		assertThat(TableWriter.Csv.cell(74.92)).isEqualTo("74.92");
		assertThat(TableWriter.Csv.cell(true)).isEqualTo("true");
		assertThat(TableWriter.Csv.cell(null)).isEmpty();
		assertThat(TableWriter.Csv.cell(List.of("P01", "P02"))).isEqualTo("P01;P02");
		assertThat(TableWriter.Csv.cell(List.of("=A1", "B"))).isEqualTo("'=A1;B");
	}

	@Test
	void shouldWriteUtf8WithABomAndRfc4180Quoting() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableWriter writer = new TableWriter.Csv(out);
		writer.header(List.of("key", "name", "seats"));
		writer.page(List.of(row("key", "U1", "name", "财务部, \"总部\"", "seats", 3),
				row("key", "U2", "name", "two\nlines", "seats", null)));
		writer.finish();
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFkey,name,seats\r\nU1,\"财务部, \"\"总部\"\"\",3\r\nU2,\"two\nlines\",\r\n");
	}

	@Test
	void shouldWriteAJsonArrayOfRowsWithTheHeadersKeys() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableWriter writer = new TableWriter.Json(out, JsonMapper.builder().build());
		writer.header(List.of("key", "name", "rate", "mismatch", "extra"));
		writer.page(List.of(row("key", "U1", "name", "=财务部", "rate", 0.25, "mismatch", true)));
		writer.page(List.of());
		writer.finish();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("[{\"key\":\"U1\",\"name\":\"=财务部\",\"rate\":0.25,\"mismatch\":true,\"extra\":null}]");
	}

	private static Map<String, @Nullable Object> row(@Nullable Object... keyValues) {
		Map<String, @Nullable Object> row = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			row.put((String) keyValues[i], keyValues[i + 1]);
		}
		return row;
	}

}
