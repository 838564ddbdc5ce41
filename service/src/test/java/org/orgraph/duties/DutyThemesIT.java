package org.orgraph.duties;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The responsibility matrix of the hotel demo organisation: themes, their holders, the export. */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyThemesIT extends IntegrationTestSupport {

	private static final String ORG = "hotel-ops-centre";

	@BeforeAll
	void importHotel() throws Exception {
		imports().demo(ORG);
	}

	@Test
	void shouldGroupEveryDutyIntoOneThemeWithItsHolders() {
		var response = this.graphQl.document("""
				{ dutyThemes(org: "hotel-ops-centre", first: 100) { totalCount edges { node {
				    id name words duplication duties { key text } holders { kind key name } } } }
				  organization(key: "hotel-ops-centre") { duties(first: 100) { edges { node { key } } } } }""").execute();
		int themes = response.path("dutyThemes.totalCount").entity(Integer.class).get();
		List<String> keys = response.path("dutyThemes.edges[*].node.duties[*].key").entityList(String.class).get();
		int duties = response.path("organization.duties.edges[*].node.key").entityList(String.class).get().size();
		// every duty in exactly one theme, and fewer themes than duties: some were grouped
		assertThat(keys).doesNotHaveDuplicates().hasSize(duties);
		assertThat(themes).isLessThan(duties).isGreaterThan(1);

		// the office's 监督 and the operations department's 指导 of the departments' operations: one theme,
		// held by two units in different places, so a duplication
		int edges = response.path("dutyThemes.edges").entityList(Object.class).get().size();
		boolean found = false;
		for (int i = 0; i < edges && !found; i++) {
			List<String> texts = response.path("dutyThemes.edges[" + i + "].node.duties[*].text").entityList(String.class).get();
			if (texts.contains("监督各部门的运营工作,确保酒店的高效运营")) {
				assertThat(texts).contains("指导各部门的运营工作,确保酒店的高效运营");
				response.path("dutyThemes.edges[" + i + "].node.holders[*].key").entityList(String.class)
					.contains("U01", "U03");
				response.path("dutyThemes.edges[" + i + "].node.duplication").entity(Boolean.class).isEqualTo(true);
				response.path("dutyThemes.edges[" + i + "].node.name").entity(String.class)
					.satisfies(name -> assertThat(name).isNotBlank());
				found = true;
			}
		}
		assertThat(found).isTrue();
	}

	@Test
	void shouldExportTheMatrixOneRowPerThemeAndHolder() {
		byte[] body = this.http.get()
			.uri("/api/v1/orgs/" + ORG + "/exports/themes.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.getFirst())
			.isEqualTo("\uFEFFtheme,name,words,holderKind,holderKey,holderName,dutyKeys,dutyTexts,themeHolders,duplication");
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("UNIT,U03,运营管理部").contains(",true"));
	}

}
