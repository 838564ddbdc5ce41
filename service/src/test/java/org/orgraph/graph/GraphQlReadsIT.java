package org.orgraph.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlErrors.withCode;

/** Browsing over GraphQL: lists, paging, lookups by key, search, revisions and their errors. */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlReadsIT extends IntegrationTestSupport {

	@BeforeAll
	void importTwoOrganizations() throws Exception {
		Imports imports = imports();
		imports.demo("hotel-ops-centre", "training-ops-dept");
		// a second revision of the hotel, without its marketing department's sales unit
		String hotel = new ClassPathResource("demo/hotel-ops-centre.json").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(imports.json("hotel-ops-centre", hotel.replace("\"name\": \"销售部\"", "\"name\": \"销售与客户部\"")).status())
			.isEqualTo(201);
	}

	@Test
	void shouldListOrganizationsByKey() {
		this.graphQl.document("{ organizations { key name currentRevision } }")
			.execute()
			.path("organizations[*].key")
			.entityList(String.class)
			.containsExactly("hotel-ops-centre", "training-ops-dept")
			.path("organizations[0].name")
			.entity(String.class)
			.isEqualTo("酒店运营管理中心")
			.path("organizations[0].currentRevision")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void shouldPageThroughEveryDutyWithCursors() {
		List<String> keys = new ArrayList<>();
		String after = null;
		boolean more = true;
		int pages = 0;
		while (more) {
			var response = this.graphQl.documentName("dutiesPage")
				.variable("org", "training-ops-dept")
				.variable("after", after)
				.execute();
			keys.addAll(response.path("organization.duties.edges[*].node.key").entityList(String.class).get());
			more = response.path("organization.duties.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("organization.duties.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(4);
		assertThat(keys).hasSize(36).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void shouldRefuseAPageLargerThanTheLimitAndAForeignCursor() {
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { units(first: 501) { edges { cursor } } } }")
			.execute()
			.errors()
			.expect(withCode("PAGE_SIZE"))
			.verify();
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { units(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } } }")
			.execute()
			.errors()
			.expect(withCode("INVALID_CURSOR"))
			.verify();
	}

	@Test
	void shouldReadAnOlderRevisionWhenAsked() {
		this.graphQl.document("""
				{ organization(key: "hotel-ops-centre") {
				    now: unit(key: "U07") { name }
				    before: unit(key: "U07", revision: 1) { name }
				} }""")
			.execute()
			.path("organization.now.name")
			.entity(String.class)
			.isEqualTo("销售与客户部")
			.path("organization.before.name")
			.entity(String.class)
			.isEqualTo("销售部");
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { units(revision: 9) { edges { cursor } } } }")
			.execute()
			.errors()
			.expect(withCode("REVISION_NOT_FOUND").and(e -> e.getMessage().contains("has no revision 9")))
			.verify();
	}

	@Test
	void shouldFindNamesAndTitlesInChineseAndEnglish() {
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { search(text: \"财务\") { kind key name } } }")
			.execute()
			.path("organization.search[0].name")
			.entity(String.class)
			.isEqualTo("财务部");
		// one character: below the full-text index's bigrams, found by the substring fallback
		List<String> names = this.graphQl
			.document("{ organization(key: \"training-ops-dept\") { search(text: \"部\", first: 50) { name } } }")
			.execute()
			.path("organization.search[*].name")
			.entityList(String.class)
			.get();
		assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).contains("部"));
		List<String> people = this.graphQl
			.document("{ organization(key: \"training-ops-dept\") { search(text: \"示例人员\") { kind name } } }")
			.execute()
			.path("organization.search[*].kind")
			.entityList(String.class)
			.get();
		assertThat(people).isNotEmpty().containsOnly("PERSON");
		// Lucene syntax in user text is searched for, not interpreted
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { search(text: \"财务 AND rev:* OR (\") { key } } }")
			.execute()
			.errors()
			.verify();
	}

	@Test
	void shouldNotMixRevisionsOrOrganizationsInSearch() {
		List<String> hits = this.graphQl
			.document("{ organization(key: \"hotel-ops-centre\") { search(text: \"销售\", first: 50) { key name } } }")
			.execute()
			.path("organization.search[*].name")
			.entityList(String.class)
			.get();
		assertThat(hits).contains("销售与客户部").doesNotContain("销售部");
	}

	@Test
	void shouldAnswerNullForAnUnknownOrganizationOrKey() {
		this.graphQl.document("{ organization(key: \"nope\") { key } }").execute().path("organization").valueIsNull();
		this.graphQl.document("{ organization(key: \"hotel-ops-centre\") { unit(key: \"NOPE\") { key } } }")
			.execute()
			.path("organization.unit")
			.valueIsNull();
	}

}
