package org.orgraph.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of bad input gets its stable code and location, and changes nothing: the
 * previous revision stays current and no node or relationship appears or disappears.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedImportsIT extends IntegrationTestSupport {

	static final String VALID = """
			{"key": "acme", "name": "Acme 集团",
			 "units": [
			   {"key": "HQ", "name": "总部", "parent": null},
			   {"key": "FIN", "name": "财务部", "parent": "HQ", "duties": ["负责公司预算编制"]}
			 ],
			 "positions": [
			   {"key": "CEO", "title": "总经理", "unit": "HQ"},
			   {"key": "CFO", "title": "财务总监", "unit": "FIN", "reportsTo": "CEO"}
			 ],
			 "people": [{"key": "E1", "name": "Demo Person", "holds": [{"position": "CEO"}]}]}
			""";

	Imports imports;

	@BeforeAll
	void importAValidRevision() {
		this.imports = imports();
		assertThat(this.imports.json("acme", VALID).status()).isEqualTo(201);
	}

	static Stream<Arguments> badDocuments() {
		return Stream.of(
				Arguments.of("malformed JSON", "{\"key\": \"acme\",\n \"units\": [\n  {\"key\": \"HQ\" \"name\": \"x\"}]}",
						"MALFORMED_JSON", 3, 16),
				Arguments.of("empty file", "", "EMPTY_FILE", 0, 0),
				Arguments.of("not an object", "[1, 2]", "MALFORMED_JSON", 1, 1),
				Arguments.of("unknown parent", VALID.replace("\"parent\": \"HQ\"", "\"parent\": \"NOPE\""),
						"UNKNOWN_PARENT", 4, 4),
				Arguments.of("unknown unit", VALID.replace("\"unit\": \"FIN\"", "\"unit\": \"LEGAL\""), "UNKNOWN_UNIT", 8,
						4),
				Arguments.of("unknown manager", VALID.replace("\"reportsTo\": \"CEO\"", "\"reportsTo\": \"COO\""),
						"UNKNOWN_MANAGER", 8, 4),
				Arguments.of("self report", VALID.replace("\"reportsTo\": \"CEO\"", "\"reportsTo\": \"CFO\""),
						"SELF_REPORT", 8, 4),
				Arguments.of("reporting cycle",
						VALID.replace("{\"key\": \"CEO\", \"title\": \"总经理\", \"unit\": \"HQ\"}",
								"{\"key\": \"CEO\", \"title\": \"总经理\", \"unit\": \"HQ\", \"reportsTo\": \"CFO\"}"),
						"CYCLE", 7, 4),
				Arguments.of("unit cycle", VALID.replace("\"parent\": null", "\"parent\": \"FIN\""), "UNIT_CYCLE", 3, 4),
				Arguments.of("duplicate key", VALID.replace("{\"key\": \"CFO\"", "{\"key\": \"CEO\""), "DUPLICATE_KEY", 8,
						4),
				Arguments.of("unknown held position", VALID.replace("[{\"position\": \"CEO\"}]", "[{\"position\": \"CTO\"}]"),
						"UNKNOWN_POSITION", 10, 60),
				Arguments.of("bad headcount", VALID.replace("\"parent\": \"HQ\",", "\"parent\": \"HQ\", \"plannedHeadcount\": \"five\","),
						"BAD_VALUE", 4, 50),
				Arguments.of("missing name", VALID.replace("\"title\": \"财务总监\", ", ""), "MISSING_FIELD", 8, 4),
				Arguments.of("document for another organisation", VALID.replace("\"key\": \"acme\"", "\"key\": \"other\""),
						"ORG_KEY_MISMATCH", 1, 2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badDocuments")
	void shouldRejectWithCodeAndLocationAndChangeNothing(String name, String document, String code, int line, int column) {
		Map<String, Long> nodesBefore = Imports.nodeCounts(this.driver);
		long relationshipsBefore = Imports.relationshipCount(this.driver);

		Imports.Answer answer = this.imports.json("acme", document);

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
		assertThat(answer.errors()).as(answer.body().toString())
			.anySatisfy(error -> {
				assertThat(error.get("code")).isEqualTo(code);
				assertThat(error.get("file")).isEqualTo("document.json");
				assertThat(error.get("line")).isEqualTo(line);
				assertThat(error.get("column")).isEqualTo(column);
				assertThat((String) error.get("message")).isNotBlank();
			});
		assertNothingChanged(nodesBefore, relationshipsBefore);
	}

	@ParameterizedTest(name = "{0}, streamed")
	@MethodSource("badDocuments")
	void shouldRejectAStreamedBodyAsOneOfKnownLength(String name, String document, String code, int line, int column) {
		Map<String, Long> nodesBefore = Imports.nodeCounts(this.driver);
		long relationshipsBefore = Imports.relationshipCount(this.driver);

		Imports.Answer answer = this.imports.jsonStreamed("acme", document.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
		assertThat(answer.errors()).as(answer.body().toString())
			.anySatisfy(error -> assertThat(List.of(error.get("code"), error.get("line"), error.get("column")))
				.containsExactly(code, line, column));
		assertNothingChanged(nodesBefore, relationshipsBefore);
	}

	@Test
	void shouldRejectBytesThatAreNeitherUtf8NorGbkWithTheirLine() {
		byte[] utf8 = VALID.getBytes(StandardCharsets.UTF_8);
		byte[] broken = utf8.clone();
		int at = VALID.indexOf("财务部");
		int offset = VALID.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
		broken[offset + 1] = (byte) 0xFF;
		Map<String, Long> nodesBefore = Imports.nodeCounts(this.driver);
		long relationshipsBefore = Imports.relationshipCount(this.driver);

		Imports.Answer answer = this.imports.json("acme", broken);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.errors()).singleElement().satisfies(error -> {
			assertThat(error.get("code")).isEqualTo("BAD_ENCODING");
			assertThat(error.get("line")).isEqualTo(4);
		});
		assertNothingChanged(nodesBefore, relationshipsBefore);
	}

	@Test
	void shouldReadGbkDocumentsLikeUtf8Ones() {
		String document = VALID.replace("\"acme\"", "\"acme-gbk\"");
		Imports.Answer answer = this.imports.json("acme-gbk", document.getBytes(Charset.forName("GB18030")));
		assertThat(answer.status()).isEqualTo(201);
		this.graphQl.document("{ organization(key: \"acme-gbk\") { name unit(key: \"FIN\") { name duties { text } } } }")
			.execute()
			.path("organization.name")
			.entity(String.class)
			.isEqualTo("Acme 集团")
			.path("organization.unit.duties[0].text")
			.entity(String.class)
			.isEqualTo("负责公司预算编制");
	}

	@Test
	void shouldReadAStreamedGbkDocumentLikeOneOfKnownLength() {
		String document = VALID.replace("\"acme\"", "\"acme-gbk-streamed\"");
		Imports.Answer answer = this.imports.jsonStreamed("acme-gbk-streamed", document.getBytes(Charset.forName("GB18030")));
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		assertThat(answer.counts()).containsEntry("units", 2).containsEntry("positions", 2).containsEntry("duties", 1);
		this.graphQl.document("{ organization(key: \"acme-gbk-streamed\") { name unit(key: \"FIN\") { duties { text } } } }")
			.execute()
			.path("organization.name")
			.entity(String.class)
			.isEqualTo("Acme 集团")
			.path("organization.unit.duties[0].text")
			.entity(String.class)
			.isEqualTo("负责公司预算编制");
	}

	@Test
	void shouldRejectAnUnknownFormatAndABadOrganizationKey() {
		Imports.Answer format = this.imports.files("acme", "xlsx", Map.of("org.xlsx", new byte[] { 1, 2 }));
		assertThat(format.status()).isEqualTo(422);
		assertThat(format.errors()).extracting(e -> e.get("code")).containsExactly("UNKNOWN_FORMAT");
		Imports.Answer key = this.imports.json("bad key!", VALID);
		assertThat(key.status()).isIn(404, 422);
	}

	@Test
	void shouldReportRejectionsThroughTheGraphQlMutationAsPayload() {
		this.graphQl.document("""
				mutation($doc: String!) {
				  importOrganization(input: {org: "acme", document: $doc}) {
				    revision
				    errors { code line column }
				  }
				}""")
			.variable("doc", VALID.replace("\"reportsTo\": \"CEO\"", "\"reportsTo\": \"CFO\""))
			.execute()
			.path("importOrganization.revision")
			.valueIsNull()
			.path("importOrganization.errors[0].code")
			.entity(String.class)
			.isEqualTo("SELF_REPORT");
		assertCurrentRevision(1);
	}

	@Test
	void shouldMakeANewRevisionCurrentOnlyForAValidImport() {
		this.graphQl.document("""
				mutation($doc: String!) {
				  importOrganization(input: {org: "acme-two", document: $doc}) {
				    revision
				    organization { key currentRevision }
				    errors { code }
				  }
				}""")
			.variable("doc", VALID.replace("\"acme\"", "\"acme-two\""))
			.execute()
			.path("importOrganization.revision")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("importOrganization.organization.currentRevision")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	private void assertNothingChanged(Map<String, Long> nodesBefore, long relationshipsBefore) {
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(nodesBefore);
		assertThat(Imports.relationshipCount(this.driver)).isEqualTo(relationshipsBefore);
		assertCurrentRevision(1);
	}

	private void assertCurrentRevision(int expected) {
		this.graphQl.document("{ organization(key: \"acme\") { currentRevision revisions { number } } }")
			.execute()
			.path("organization.currentRevision")
			.entity(Integer.class)
			.isEqualTo(expected)
			.path("organization.revisions[*].number")
			.entityList(Integer.class)
			.containsExactly(expected);
	}

}
