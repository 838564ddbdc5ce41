package org.orgraph.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo organisation (turned from the seed documents) imports, with the counts an
 * independent reading of the JSON gives ({@code demo-expected.tsv}).
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOrganizationsIT extends IntegrationTestSupport {

	final Map<String, Imports.Answer> answers = new HashMap<>();

	@BeforeAll
	void importEveryDemoOrganization() throws IOException {
		Imports imports = imports();
		for (Resource file : DemoOrganizations.files()) {
			String key = file.getFilename().replace(".json", "");
			this.answers.put(key, imports.json(key, file.getContentAsByteArray()));
		}
	}

	@Test
	void shouldImportAllNineteenDemoOrganizationsWithTheExpectedCounts() throws IOException {
		List<String> lines = new ClassPathResource("demo-expected.tsv").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.skip(1)
			.toList();
		assertThat(lines).hasSize(19);
		assertThat(this.answers).hasSize(19);
		for (String line : lines) {
			String[] f = line.split("\t");
			Imports.Answer answer = this.answers.get(f[0]);
			assertThat(answer.status()).as(f[0] + " " + answer.body()).isEqualTo(201);
			assertThat(answer.revision()).isEqualTo(1);
			Map<String, Object> counts = answer.counts();
			assertThat(counts.get("units")).as(f[0] + " units").isEqualTo(Integer.parseInt(f[1]));
			assertThat(counts.get("positions")).as(f[0] + " positions").isEqualTo(Integer.parseInt(f[2]));
			assertThat(counts.get("people")).as(f[0] + " people").isEqualTo(Integer.parseInt(f[3]));
			assertThat(counts.get("duties")).as(f[0] + " duties")
				.isEqualTo(Integer.parseInt(f[4]) + Integer.parseInt(f[5]));
			List<Boolean> vacant = this.graphQl
				.document("{ organization(key: \"" + f[0] + "\") { positions(first: 500) { edges { node { vacant } } } } }")
				.execute()
				.path("organization.positions.edges[*].node.vacant")
				.entityList(Boolean.class)
				.get();
			assertThat(vacant.stream().filter(v -> v).count()).as(f[0] + " vacant").isEqualTo(Long.parseLong(f[7]));
		}
	}

	@Test
	void shouldKeepEveryDutyVerbatimWithItsHolder() {
		this.graphQl.documentName("unitDuties")
			.variable("org", "hotel-ops-centre")
			.variable("unit", "U01")
			.execute()
			.path("organization.unit.name")
			.entity(String.class)
			.isEqualTo("总经理办公室")
			.path("organization.unit.duties[*].text")
			.entityList(String.class)
			.containsExactly("制定酒店的运营规划和目标", "监督各部门的运营工作,确保酒店的高效运营", "提供战略决策和指导,确保酒店的长期发展")
			.path("organization.unit.duties[0].holder.kind")
			.entity(String.class)
			.isEqualTo("UNIT");
	}

	@Test
	void shouldDeriveReportingLinesFromUnitHeads() {
		// 会计 (P08) states no manager: it reports to the head of 财务部, 财务经理 (P07), who
		// states 总经理 (P01). 总经理 heads an office whose parent has no head: the top.
		this.graphQl.documentName("reportsTo")
			.variable("org", "car-rental-ops-company")
			.variable("position", "P08")
			.execute()
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("P07")
			.path("organization.position.reportsTo[0].derived")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("organization.position.reportsTo[0].position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("P01")
			.path("organization.position.reportsTo[0].position.reportsTo[0].derived")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("organization.position.reportsTo[0].position.reportsTo[0].position.reportsTo")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void shouldKeepUnknownTopLevelFieldsAsRevisionMetadata() {
		String metadata = this.graphQl
			.document("{ organization(key: \"hotel-ops-centre\") { revision { metadata source format } } }")
			.execute()
			.path("organization.revision.metadata")
			.entity(String.class)
			.get();
		assertThat(metadata).contains("\"source\":\"seeds/000_cccb14fed62c62df.txt\"").contains("\"notes\"");
	}

}
