package org.orgraph.metrics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BI exports over HTTP: columns, BOM and quoting, Chinese text, formula cells, past
 * revisions, errors, and a table long enough to take several pages.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsIT extends IntegrationTestSupport {

	static final String OPS = "ops-staff-structure";

	static final String MARCH = Imports.DFID_MARCH;

	static final String SEPTEMBER = Imports.DFID_SEPTEMBER;

	/** Rows of the paging organisation: more than two export pages (ExportTables.PAGE). */
	static final int MANY = 2 * ExportTables.PAGE + 500;

	@Autowired
	JsonMapper json;

	@BeforeAll
	void importOrganizations() throws IOException {
		Imports imports = imports();
		imports.demo(OPS);
		imports.dfid();
		assertThat(imports.json("formula", """
				{"key": "formula", "name": "Formula Ltd",
				 "units": [{"key": "U1", "name": "=HYPERLINK(\\"x\\")", "parent": null}],
				 "positions": [{"key": "P1", "title": "+SUM(1,2)", "unit": "U1", "duties": ["@cmd|' /C calc'!A0", "-3+3"]}],
				 "people": [{"key": "E1", "name": "@Ada, \\"Lovelace\\"", "holds": [{"position": "P1"}]}]}
				""").status()).isEqualTo(201);
		StringBuilder many = new StringBuilder("{\"key\": \"many\", \"name\": \"Many\", \"units\": [{\"key\": \"U\", \"name\": \"全体\", \"parent\": null}], \"positions\": [");
		for (int i = 0; i < MANY; i++) {
			many.append(i == 0 ? "" : ",")
				.append("{\"key\": \"P%05d\", \"title\": \"岗位 %d\", \"unit\": \"U\"%s}".formatted(i, i,
						i == 0 ? "" : ", \"reportsTo\": \"P00000\""));
		}
		many.append("]}");
		assertThat(imports.json("many", many.toString()).status()).isEqualTo(201);
	}

	@Test
	void shouldStartThePositionsCsvWithABomAndTheFixedColumns() {
		Export export = get("/api/v1/orgs/" + OPS + "/exports/positions.csv");
		assertThat(export.status()).isEqualTo(200);
		assertThat(Arrays.copyOf(export.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(export.headers().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(export.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"ops-staff-structure-positions-r1.csv\"");
		String text = export.text();
		assertThat(text).startsWith("\uFEFFkey,title,unit,reportsTo,headcount,filled,");
		assertThat(text.substring(1).lines().findFirst().orElseThrow()).isEqualTo(String.join(",", ExportTables.POSITIONS));
		// RFC 4180: CRLF after every record
		assertThat(text).contains("\r\n").doesNotContain("\n\n");
	}

	@Test
	void shouldRoundTripChineseTextBetweenTheCsvAndTheJson() throws IOException {
		List<CSVRecord> csv = csv(get("/api/v1/orgs/" + OPS + "/exports/positions.csv"));
		List<Map<String, Object>> json = json(get("/api/v1/orgs/" + OPS + "/exports/positions.json"));
		assertThat(csv).hasSize(13);
		assertThat(json).hasSize(13);
		for (int i = 0; i < csv.size(); i++) {
			Map<String, Object> row = json.get(i);
			assertThat(row.keySet()).containsExactlyElementsOf(ExportTables.POSITIONS);
			for (String column : List.of("key", "title", "unit", "unitName", "reportsTo")) {
				Object value = row.get(column);
				assertThat(csv.get(i).get(column)).as(column).isEqualTo(value == null ? "" : value.toString());
			}
		}
		Map<String, CSVRecord> byKey = csv.stream().collect(Collectors.toMap(r -> r.get("key"), r -> r));
		assertThat(byKey.get("P07").get("title")).isEqualTo("数据分析师");
		assertThat(byKey.get("P07").get("unitName")).isEqualTo("数据分析团队");
		assertThat(byKey.get("P07").get("headcount")).isEqualTo("3");
		assertThat(byKey.get("P07").get("filled")).isEqualTo("2");
		assertThat(byKey.get("P07").get("reportsTo")).isEqualTo("P06");
		assertThat(byKey.get("P07").get("reportsToDerived")).isEqualTo("false");
		assertThat(byKey.get("P13").get("reportsTo")).isEqualTo("P12");
		assertThat(byKey.get("P13").get("reportsToDerived")).isEqualTo("true");
		assertThat(byKey.get("P01").get("reportsTo")).isEmpty();
		assertThat(byKey.get("P01").get("directReports")).isEqualTo("4");
		assertThat(byKey.get("P01").get("headOf")).isEqualTo("U00");
	}

	@Test
	void shouldNeutraliseCellsASpreadsheetWouldRunAsFormulas() throws IOException {
		Export units = get("/api/v1/orgs/formula/exports/units.csv");
		assertThat(units.text()).contains("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(csv(units).getFirst().get("name")).isEqualTo("'=HYPERLINK(\"x\")");
		CSVRecord post = csv(get("/api/v1/orgs/formula/exports/positions.csv")).getFirst();
		assertThat(post.get("title")).isEqualTo("'+SUM(1,2)");
		assertThat(post.get("unitName")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(post.get("headcount")).isEqualTo("1");
		assertThat(csv(get("/api/v1/orgs/formula/exports/people.csv")).getFirst().get("name"))
			.isEqualTo("'@Ada, \"Lovelace\"");
		assertThat(csv(get("/api/v1/orgs/formula/exports/duties.csv"))).extracting(r -> r.get("text"))
			.containsExactlyInAnyOrder("'@cmd|' /C calc'!A0", "'-3+3");
		// JSON is data, not a sheet: the text stays as it is
		assertThat(json(get("/api/v1/orgs/formula/exports/units.json")).getFirst().get("name"))
			.isEqualTo("=HYPERLINK(\"x\")");
	}

	@Test
	void shouldServeAPastRevisionWhenAsked() throws IOException {
		Export march = get("/api/v1/orgs/dfid/exports/positions.csv?revision=1");
		assertThat(march.status()).isEqualTo(200);
		assertThat(march.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"dfid-positions-r1.csv\"");
		List<CSVRecord> posts = csv(march);
		assertThat(posts).hasSize(75);
		assertThat(posts).allSatisfy(p -> assertThat(p.get("filled")).isEqualTo("1"));
		// every solid line as the March senior file states it
		Map<String, String> lines = MetricsIT.reportingLinesInCsv(MARCH + "-senior.csv");
		Map<String, String> exported = posts.stream()
			.filter(p -> !p.get("reportsTo").isEmpty())
			.collect(Collectors.toMap(p -> p.get("key"), p -> p.get("reportsTo")));
		assertThat(exported).isEqualTo(lines);
		assertThat(posts.stream().filter(p -> p.get("reportsTo").isEmpty()).map(p -> p.get("key")))
			.containsExactlyInAnyOrder("A1", "A11");

		Export current = get("/api/v1/orgs/dfid/exports/positions.csv");
		assertThat(current.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"dfid-positions-r2.csv\"");
		assertThat(csv(current)).hasSize(89);
		assertThat(json(get("/api/v1/orgs/dfid/exports/org-metrics.json?revision=1")).getFirst())
			.containsEntry("revision", 1)
			.containsEntry("positions", 75)
			.containsEntry("tops", 2);
	}

	@Test
	void shouldExportOverlapsAndOrphansWithTheirHeaderEvenWhenEmpty() throws IOException {
		Export overlaps = get("/api/v1/orgs/" + OPS + "/exports/overlaps.csv");
		assertThat(overlaps.status()).isEqualTo(200);
		String text = new String(overlaps.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFid,kind,score,extent,relation,settledBy,dutyKeys,dutyTexts,holderKinds,holderKeys,"
				+ "holderNames,matched,onlyInFirst,onlyInSecond,meaning,explanation,verdict,reviewNote,reviewedBy,reviewedAt");
		Export orphans = get("/api/v1/orgs/" + OPS + "/exports/orphans.csv");
		assertThat(new String(orphans.body(), StandardCharsets.UTF_8).strip())
			.isEqualTo("\uFEFFdutyKey,text,holderKind,holderKey,holderName,reason,explanation");
	}

	@Test
	void shouldAnswer404WithAJsonErrorForWhatItDoesNotHave() throws IOException {
		expectError("/api/v1/orgs/no-such-org/exports/units.csv", 404, "ORGANIZATION_NOT_FOUND");
		expectError("/api/v1/orgs/" + OPS + "/exports/salaries.csv", 404, "TABLE_NOT_FOUND");
		expectError("/api/v1/orgs/" + OPS + "/exports/units.xlsx", 404, "TABLE_NOT_FOUND");
		expectError("/api/v1/orgs/" + OPS + "/exports/units.csv?revision=9", 404, "REVISION_NOT_FOUND");
		expectError("/api/v1/orgs/" + OPS + "/exports/units.csv?revision=last", 400, "BAD_REVISION");
		// a client that only accepts CSV still gets the JSON error, not a 406
		EntityExchangeResult<byte[]> csvOnly = this.http.get()
			.uri("/api/v1/orgs/no-such-org/exports/units.csv")
			.header(HttpHeaders.ACCEPT, "text/csv")
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(csvOnly.getStatus().value()).isEqualTo(404);
		assertThat(new String(csvOnly.getResponseBody(), StandardCharsets.UTF_8)).contains("ORGANIZATION_NOT_FOUND");
	}

	@Test
	void shouldServeEveryTableWithItsDocumentedColumnsInBothFormats() throws IOException {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		tables.put("units", ExportTables.UNITS);
		tables.put("positions", ExportTables.POSITIONS);
		tables.put("people", ExportTables.PEOPLE);
		tables.put("duties", ExportTables.DUTIES);
		tables.put("vacancies", ExportTables.VACANCIES);
		tables.put("metrics", ExportTables.METRICS);
		tables.put("org-metrics", ExportTables.ORG_METRICS);
		Map<String, Integer> rows = Map.of("units", 5, "positions", 13, "people", 11, "duties", 5, "vacancies", 5 + 13,
				"metrics", 5, "org-metrics", 1);
		for (var table : tables.entrySet()) {
			Export csv = get("/api/v1/orgs/" + OPS + "/exports/" + table.getKey() + ".csv");
			assertThat(csv.status()).as(table.getKey()).isEqualTo(200);
			assertThat(csv(csv).getFirst().getParser().getHeaderNames()).as(table.getKey())
				.containsExactlyElementsOf(table.getValue());
			assertThat(csv(csv)).as(table.getKey()).hasSize(rows.get(table.getKey()));
			List<Map<String, Object>> json = json(get("/api/v1/orgs/" + OPS + "/exports/" + table.getKey() + ".json"));
			assertThat(json).as(table.getKey()).hasSize(rows.get(table.getKey()));
			assertThat(json).allSatisfy(row -> assertThat(row.keySet()).containsExactlyElementsOf(table.getValue()));
		}
		// a few figures the other tests derive by hand (VacanciesIT, MetricsIT)
		Map<String, CSVRecord> vacancies = csv(get("/api/v1/orgs/" + OPS + "/exports/vacancies.csv")).stream()
			.collect(Collectors.toMap(r -> r.get("kind") + ":" + r.get("key"), r -> r));
		assertThat(vacancies.get("UNIT:U03").get("mismatch")).isEqualTo("true");
		assertThat(vacancies.get("UNIT:U03").get("shortfall")).isEqualTo("7");
		assertThat(vacancies.get("UNIT:U03").get("reason")).contains("The stated 10 does not match the sum of its parts, 4");
		assertThat(vacancies.get("UNIT:U00").get("planned")).isEqualTo("23");
		assertThat(vacancies.get("UNIT:U00").get("plannedHeadcount")).isEmpty();
		assertThat(vacancies.get("POSITION:P07").get("unit")).isEqualTo("U02");
		assertThat(vacancies.get("POSITION:P07").get("status")).isEqualTo("SHORTFALL");
		CSVRecord org = csv(get("/api/v1/orgs/" + OPS + "/exports/org-metrics.csv")).getFirst();
		assertThat(org.get("organization")).isEqualTo(OPS);
		assertThat(org.get("planned")).isEqualTo("23");
		assertThat(org.get("vacancyRate")).isEqualTo("0.521739");
		assertThat(org.get("spanMedian")).isEqualTo("3.0");
		assertThat(org.get("exactOverlaps")).isEqualTo("0");
		assertThat(org.get("orphans")).isEqualTo("0");
		CSVRecord top = csv(get("/api/v1/orgs/" + OPS + "/exports/metrics.csv")).getFirst();
		assertThat(top.get("unit")).isEqualTo("U00");
		assertThat(top.get("subtreeSeats")).isEqualTo("15");
		assertThat(top.get("head")).isEqualTo("P01");
		CSVRecord team = csv(get("/api/v1/orgs/" + OPS + "/exports/units.csv")).get(2);
		assertThat(team.get("key")).isEqualTo("U02");
		assertThat(team.get("name")).isEqualTo("数据分析团队");
		assertThat(team.get("plannedHeadcount")).isEqualTo("4");
		assertThat(team.get("seats")).isEqualTo("4");
		assertThat(team.get("parent")).isEqualTo("U00");
	}

	@Test
	void shouldStreamATableLongerThanAPageInKeyOrder() throws IOException {
		List<CSVRecord> posts = csv(get("/api/v1/orgs/many/exports/positions.csv"));
		assertThat(posts).hasSize(MANY);
		List<String> keys = posts.stream().map(r -> r.get("key")).toList();
		assertThat(keys).doesNotHaveDuplicates().isSorted();
		assertThat(keys.getLast()).isEqualTo("P%05d".formatted(MANY - 1));
		assertThat(posts.getFirst().get("directReports")).isEqualTo(Integer.toString(MANY - 1));
		List<Map<String, Object>> json = json(get("/api/v1/orgs/many/exports/positions.json"));
		assertThat(json).extracting(r -> (String) r.get("key")).containsExactlyElementsOf(keys);
		List<CSVRecord> vacancies = csv(get("/api/v1/orgs/many/exports/vacancies.csv"));
		assertThat(vacancies).hasSize(1 + MANY);
		assertThat(vacancies.getFirst().get("reason")).contains(MANY + " post seats");
	}

	record Export(int status, HttpHeaders headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private Export get(String uri) {
		EntityExchangeResult<byte[]> result = this.http.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.get()
			.uri(uri)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		byte[] body = result.getResponseBody();
		return new Export(result.getStatus().value(), result.getResponseHeaders(), body == null ? new byte[0] : body);
	}

	/** Strictly UTF-8 after the BOM, RFC 4180, with the header as column names. */
	private static List<CSVRecord> csv(Export export) throws IOException {
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(export.body())).toString();
		assertThat(text).startsWith("\uFEFF");
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text.substring(1)))) {
			return new ArrayList<>(parser.getRecords());
		}
	}

	private List<Map<String, Object>> json(Export export) {
		assertThat(export.status()).as(export.text()).isEqualTo(200);
		assertThat(export.headers().getContentType().toString()).startsWith("application/json");
		return this.json.readValue(export.body(), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	private void expectError(String uri, int status, String code) {
		Export export = get(uri);
		assertThat(export.status()).as(uri).isEqualTo(status);
		Map<String, Object> body = this.json.readValue(export.body(), new TypeReference<Map<String, Object>>() {
		});
		assertThat(body).as(uri).containsOnlyKeys("errors");
		@SuppressWarnings("unchecked")
		Map<String, Object> error = ((List<Map<String, Object>>) body.get("errors")).getFirst();
		assertThat(error).as(uri).containsEntry("code", code).containsKey("message");
		assertThat((String) error.get("message")).as(uri).isNotBlank();
	}

}
