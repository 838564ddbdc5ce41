package org.orgraph.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code editOrganization} on a demo organisation and a DFID organogram: an edit writes the
 * next revision, which equals its base except for what was edited; stale bases, unknown keys
 * and loops are refused and change nothing.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditOrganizationIT extends IntegrationTestSupport {

	private static final String CAR = "car-rental-ops-company";

	private static final String EDIT = """
			mutation($org: ID!, $base: Int!, $edits: [OrgEditInput!]!) {
			  editOrganization(input: {org: $org, baseRevision: $base, edits: $edits}) {
			    revision
			    organization { currentRevision }
			    errors { file line code message }
			  }
			}""";

	@BeforeAll
	void importOrganizations() throws IOException {
		Imports imports = imports();
		imports.demo(CAR);
		imports.organogram("dfid", Imports.DFID_SEPTEMBER);
	}

	@Test
	void shouldWriteTheNextRevisionEqualToItsBaseExceptForTheEdit() {
		for (String org : List.of(CAR, "dfid")) {
			int base = current(org);
			String holder = org.equals(CAR) ? "P11" : "B44";
			Map<String, String> before = exports(org, base);
			GraphQlTester.Response edited = edit(org, base, List.of(Map.of("addDuty",
					Map.of("holderKind", "POSITION", "holder", holder, "text", "负责新业务的市场调研", "key", "EDIT-1"))));
			edited.path("editOrganization.errors").entityList(Object.class).hasSize(0);
			edited.path("editOrganization.revision").entity(Integer.class).isEqualTo(base + 1);
			edited.path("editOrganization.organization.currentRevision").entity(Integer.class).isEqualTo(base + 1);
			Map<String, String> after = exports(org, base + 1);
			for (String table : List.of("units", "people")) {
				assertThat(after.get(table)).as("%s %s after an added duty", org, table).isEqualTo(before.get(table));
			}
			// the holder's count of duties is one up; nothing else about any position changed
			assertThat(withoutColumn(after.get("positions"), "duties")).isEqualTo(withoutColumn(before.get("positions"), "duties"));
			assertThat(after.get("positions")).isNotEqualTo(before.get("positions"));
			List<String> addedLines = new ArrayList<>(after.get("duties").lines().toList());
			addedLines.removeAll(before.get("duties").lines().toList());
			assertThat(addedLines).as("%s duties", org).hasSize(1).first().asString().contains("EDIT-1", "负责新业务的市场调研", holder);
			assertThat(after.get("duties").lines().count()).isEqualTo(before.get("duties").lines().count() + 1);
		}
	}

	@Test
	void shouldMoveAReportingLineInTheNewRevisionOnly() {
		int base = current(CAR);
		edit(CAR, base, List.of(Map.of("setReportsTo", Map.of("position", "P11", "reportsTo", "P01"))))
			.path("editOrganization.revision").entity(Integer.class).isEqualTo(base + 1);
		chain(base + 1).containsExactly("P11", "P01");
		chain(base).containsExactly("P11", "P10", "P01");
		edit(CAR, base + 1, List.of(Map.of("setReportsTo", Map.of("position", "P11", "reportsTo", "P10"))))
			.path("editOrganization.revision").entity(Integer.class).isEqualTo(base + 2);
		chain(base + 2).containsExactly("P11", "P10", "P01");
		this.graphQl.document("{ auditTrail(last: 5) { action organization revision detail } }").execute()
			.path("auditTrail[?(@.action == 'edit')].revision").entityList(Integer.class).contains(base + 1, base + 2);
	}

	@Test
	void shouldRefuseALoopAStaleBaseAndUnknownKeysAndChangeNothing() {
		// one accepted edit first, so that there is an older revision to be stale against
		edit(CAR, current(CAR), List.of(Map.of("addDuty", Map.of("holderKind", "UNIT", "holder", "U01", "text", "负责车辆调度"))))
			.path("editOrganization.errors").entityList(Object.class).hasSize(0);
		int base = current(CAR);
		Map<String, Long> nodes = Imports.nodeCounts(this.driver);
		long relationships = Imports.relationshipCount(this.driver);

		// P01 is the top; P10 reports to it: P01 → P10 closes a loop
		refused(edit(CAR, base, List.of(Map.of("setReportsTo", Map.of("position", "P01", "reportsTo", "P10")))), "CYCLE");
		refused(edit(CAR, base - 1, List.of(Map.of("removeDuty", Map.of("duty", "EDIT-1")))), "CONFLICT");
		GraphQlTester.Response unknown = edit(CAR, base, List.of(
				Map.of("setReportsTo", Map.of("position", "P11", "reportsTo", "P01")),
				Map.of("movePosition", Map.of("position", "P99", "unit", "U01")),
				Map.of("removeDuty", Map.of("duty", "no-such-duty"))));
		unknown.path("editOrganization.errors[*].code").entityList(String.class)
			.containsExactly("UNKNOWN_POSITION", "UNKNOWN_DUTY");
		unknown.path("editOrganization.errors[*].line").entityList(Integer.class).containsExactly(2, 3);
		refused(edit(CAR, 999, List.of(Map.of("removeDuty", Map.of("duty", "x")))), "UNKNOWN_REVISION");
		this.graphQl.document(EDIT).variable("org", CAR).variable("base", base)
			.variable("edits", List.of(Map.of("removeDuty", Map.of("duty", "x"), "addDuty",
					Map.of("holderKind", "UNIT", "holder", "U01", "text", "两个字段"))))
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("one")));

		assertThat(current(CAR)).isEqualTo(base);
		assertThat(Imports.nodeCounts(this.driver)).isEqualTo(nodes);
		assertThat(Imports.relationshipCount(this.driver)).isEqualTo(relationships);
	}

	private void refused(GraphQlTester.Response response, String code) {
		response.path("editOrganization.revision").valueIsNull();
		response.path("editOrganization.errors[*].code").entityList(String.class).containsExactly(code);
	}

	private GraphQlTester.Response edit(String org, int base, List<Map<String, Object>> edits) {
		return this.graphQl.document(EDIT).variable("org", org).variable("base", base).variable("edits", edits).execute();
	}

	private org.assertj.core.api.ListAssert<String> chain(int revision) {
		List<String> keys = new ArrayList<>();
		this.graphQl.document("query($r: Int) { chainOfCommand(org: \"" + CAR + "\", position: \"P11\", revision: $r) "
				+ "{ links { position { key } } } }")
			.variable("r", revision)
			.execute()
			.path("chainOfCommand[0].links[*].position.key")
			.entityList(String.class)
			.satisfies(keys::addAll);
		return assertThat(keys);
	}

	private int current(String org) {
		Integer current = this.graphQl.document("query($k: ID!) { organization(key: $k) { currentRevision } }")
			.variable("k", org).execute().path("organization.currentRevision").entity(Integer.class).get();
		return current;
	}

	private static List<String> withoutColumn(String csv, String column) {
		List<String> lines = csv.lines().toList();
		int index = List.of(lines.getFirst().split(",", -1)).indexOf(column);
		assertThat(index).as("column %s in %s", column, lines.getFirst()).isNotNegative();
		return lines.stream().map(line -> {
			List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
			cells.remove(index);
			return String.join(",", cells);
		}).toList();
	}

	private Map<String, String> exports(String org, int revision) {
		Map<String, String> tables = new java.util.LinkedHashMap<>();
		for (String table : List.of("units", "positions", "people", "duties")) {
			tables.put(table, this.http.get()
				.uri("/api/v1/orgs/{org}/exports/{table}.csv?revision={r}", org, table, revision)
				.exchange()
				.expectStatus().isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		}
		return tables;
	}

}
