package org.orgraph.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.awaitility.Awaitility;
import org.neo4j.driver.Session;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV bundles as HR systems export them: one row per employee with a manager id. */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvBundleImportIT extends IntegrationTestSupport {

	Imports imports;

	@BeforeAll
	void setUp() {
		this.imports = imports();
	}

	@Test
	void shouldTurnManagerIdsIntoReportingLines() throws Exception {
		Imports.Answer answer = this.imports.files("hr-en", "csv-bundle", Map.of("people.csv", fixture("hr-export-en/people.csv")));
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		assertThat(answer.counts()).containsEntry("people", 10).containsEntry("positions", 10).containsEntry("units", 3);
		assertThat(lines("hr-en/1")).isEqualTo(Map.of("P-E005", "P-E004", "P-E002", "P-E001", "P-E003", "P-E001",
				"P-E004", "P-E002", "P-E006", "P-E003", "P-E007", "P-E006", "P-E008", "P-E006", "P-E009", "P-E003",
				"P-E010", "P-E001"));
	}

	@Test
	void shouldReadTheSameExportSavedByChineseExcelAsGbk() throws Exception {
		String utf8 = new String(fixture("hr-export-zh/people.csv"), StandardCharsets.UTF_8);
		Imports.Answer answer = this.imports.files("hr-zh", "csv-bundle",
				Map.of("people.csv", utf8.getBytes(Charset.forName("GB18030"))));
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		assertThat(lines("hr-zh/1")).hasSize(9).containsEntry("P-E005", "P-E004");
		this.graphQl.document("{ organization(key: \"hr-zh\") { person(key: \"E005\") { name holds { fte position { title unit { name } } } } } }")
			.execute()
			.path("organization.person.name")
			.entity(String.class)
			.isEqualTo("李静")
			.path("organization.person.holds[0].position.title")
			.entity(String.class)
			.isEqualTo("会计")
			.path("organization.person.holds[0].position.unit.name")
			.entity(String.class)
			.isEqualTo("财务部")
			.path("organization.person.holds[0].fte")
			.entity(Double.class)
			.isEqualTo(0.5);
	}

	@Test
	void shouldImportAFullBundleWithUnitsPositionsAndDuties() throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : new String[] { "org.csv", "units.csv", "positions.csv", "people.csv", "duties.csv" }) {
			files.put(name, fixture("hotel-zh/" + name));
		}
		Imports.Answer answer = this.imports.files("hotel-csv", "csv-bundle", files);
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		assertThat((Integer) answer.counts().get("duties")).isPositive();
		assertThat((Integer) answer.counts().get("units")).isPositive();
	}

	static Stream<Arguments> badBundles() {
		String header = "Employee ID,Name,Job Title,Department,Manager ID\n";
		return Stream.of(
				Arguments.of("ragged row after a multi-line cell",
						header + "E1,\"Ann\nLee\",CEO,Exec,\nE2,Bob,CFO,Finance,E1,extra\n", "RAGGED_ROW", 4),
				Arguments.of("header only", header, "HEADER_ONLY", 1),
				Arguments.of("empty file", "", "EMPTY_FILE", 0),
				Arguments.of("unknown manager", header + "E1,Ann,CEO,Exec,\nE2,Bob,CFO,Finance,E9\n", "UNKNOWN_MANAGER", 3),
				Arguments.of("reporting cycle", header + "E1,Ann,CEO,Exec,E2\nE2,Bob,CFO,Finance,E1\n", "CYCLE", 2),
				Arguments.of("self report", header + "E1,Ann,CEO,Exec,E1\n", "SELF_REPORT", 2),
				Arguments.of("duplicate employee", header + "E1,Ann,CEO,Exec,\nE1,Bob,CFO,Finance,E1\n", "DUPLICATE_KEY", 3),
				Arguments.of("missing column", "Employee ID,Name\nE1,Ann\n", "MISSING_COLUMN", 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBundles")
	void shouldRejectBadBundlesAndChangeNothing(String name, String csv, String code, int line) {
		Imports.Answer first = this.imports.files("csv-bad", "csv-bundle",
				Map.of("people.csv", "Employee ID,Name,Job Title,Department,Manager ID\nE1,Ann,CEO,Exec,\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(first.status()).isEqualTo(201);
		Map<String, Long> nodes = Imports.nodeCounts(this.driver);
		long relationships = Imports.relationshipCount(this.driver);

		Imports.Answer answer = this.imports.files("csv-bad", "csv-bundle", Map.of("people.csv", csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
		assertThat(answer.errors()).as(answer.body().toString()).anySatisfy(error -> {
			assertThat(error.get("code")).isEqualTo(code);
			assertThat(error.get("file")).isEqualTo("people.csv");
			assertThat(error.get("line")).isEqualTo(line);
		});
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(nodes);
		assertThat(Imports.relationshipCount(this.driver)).isEqualTo(relationships);
		this.graphQl.document("{ organization(key: \"csv-bad\") { currentRevision } }")
			.execute()
			.path("organization.currentRevision")
			.entity(Integer.class)
			.isEqualTo(first.revision());
	}

	@Test
	void shouldImportAHundredThousandEmployeesInTheBackgroundWithProgress() throws Exception {
		StringBuilder csv = new StringBuilder("Employee ID,Name,Job Title,Department,Manager ID\n");
		int n = 100_000;
		for (int i = 1; i <= n; i++) {
			String manager = i == 1 ? "" : "E" + (i / 8 + 1 == i ? 1 : Math.max(1, i / 8));
			csv.append('E').append(i).append(",Demo Person ").append(i).append(",Officer ").append(i % 50)
				.append(",Dept ").append(i % 200).append(',').append(manager).append('\n');
		}
		var accepted = this.http.post()
			.uri("/api/v1/orgs/{key}/imports", "big")
			.header("Prefer", "respond-async")
			.contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
			.body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(multipart(csv.toString())))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/api/v1/imports/[0-9a-f-]+")
			.returnResult(Void.class);
		String location = accepted.getResponseHeaders().getLocation().toString();

		java.util.concurrent.atomic.AtomicBoolean sawProgress = new java.util.concurrent.atomic.AtomicBoolean();
		Map<String, Object> job = Awaitility.await()
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				Map<String, Object> polled = this.http.get().uri(location).exchange().expectStatus().isOk()
					.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.returnResult()
					.getResponseBody();
				int written = (Integer) polled.get("rowsWritten");
				if (written > 0 && written < (Integer) polled.get("rowsTotal")) {
					sawProgress.set(true);
				}
				return polled;
			}, polled -> !"VALIDATING".equals(polled.get("state")) && !"WRITING".equals(polled.get("state")));
		assertThat(job.get("state")).as(job.toString()).isEqualTo("COMPLETE");
		assertThat(job.get("rowsWritten")).isEqualTo(job.get("rowsTotal"));
		assertThat(sawProgress.get()).as("progress was visible while writing").isTrue();
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH (p:Person {rev: 'big/1'}) RETURN count(p) AS n").single().get("n").asLong()).isEqualTo(n);
			assertThat(session.run("MATCH (:Position {rev: 'big/1'})-[:REPORTS_TO]->() RETURN count(*) AS n").single().get("n").asLong())
				.isEqualTo(n - 1);
		}
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(String csv) {
		var body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "people.csv";
			}
		});
		body.part("format", "csv-bundle");
		return body.build();
	}

	private Map<String, String> lines(String rev) {
		try (Session session = this.driver.session()) {
			Map<String, String> lines = new HashMap<>();
			session.run("MATCH (a:Position {rev: $rev})-[:REPORTS_TO]->(b) RETURN a.key AS a, b.key AS b", Map.of("rev", rev))
				.forEachRemaining(r -> lines.put(r.get("a").asString(), r.get("b").asString()));
			return lines;
		}
	}

	private static byte[] fixture(String path) throws Exception {
		return new ClassPathResource("csv-bundle/" + path).getContentAsByteArray();
	}

}
