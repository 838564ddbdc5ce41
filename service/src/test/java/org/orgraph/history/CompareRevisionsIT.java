package org.orgraph.history;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.orgraph.GraphQlErrors.withCode;

/** The DFID snapshots of March and September 2013 compared, checked against the two CSVs. */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareRevisionsIT extends IntegrationTestSupport {

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

	static final String MARCH = Imports.DFID_MARCH;

	static final String SEPTEMBER = Imports.DFID_SEPTEMBER;

	@BeforeAll
	void importBothSnapshots() throws Exception {
		imports().dfid();
	}

	@Test
	void shouldListPostsAddedAndRemovedBetweenTheSnapshots() throws Exception {
		Map<String, String[]> march = posts(MARCH);
		Map<String, String[]> september = posts(SEPTEMBER);
		Set<String> added = new TreeSet<>(september.keySet());
		added.removeAll(march.keySet());
		Set<String> removed = new TreeSet<>(march.keySet());
		removed.removeAll(september.keySet());
		Set<String> newManager = new TreeSet<>();
		for (String post : september.keySet()) {
			if (march.containsKey(post)) {
				String before = manager(march.get(post), post);
				String after = manager(september.get(post), post);
				if (!java.util.Objects.equals(before, after)) {
					newManager.add(post);
				}
			}
		}
		assertThat(added).isNotEmpty();

		var response = this.graphQl.documentName("compareRevisions").variable("org", "dfid").variable("from", 1).execute();
		response.path("compareRevisions.from").entity(Integer.class).isEqualTo(1);
		response.path("compareRevisions.to").entity(Integer.class).isEqualTo(2);
		assertThat(response.path("compareRevisions.positionsAdded[*].key").entityList(String.class).get())
			.containsExactlyElementsOf(added);
		assertThat(response.path("compareRevisions.positionsRemoved[*].key").entityList(String.class).get())
			.containsExactlyElementsOf(removed);
		assertThat(response.path("compareRevisions.reportingChanged[*].key").entityList(String.class).get())
			.containsExactlyElementsOf(newManager);
		response.path("compareRevisions.summary")
			.entity(String.class)
			.satisfies(s -> assertThat(s).contains(added.size() + " positions added"));
		// TMG and ICAI appear only in the September junior file
		response.path("compareRevisions.unitsAdded[*].key").entityList(String.class).contains("TMG", "ICAI");
	}

	/**
	 * Issue 15: holders are people, matched by normalised name (the releases' holder keys are
	 * seats), so a name in another word order or spelled differently on the same post is no
	 * change, and a role that moved to a new key under the same title is followed.
	 */
	@Test
	void shouldMatchHoldersAsPeopleNotSeats() {
		var response = this.graphQl.document("""
				{ compareRevisions(org: "dfid", from: 1, to: 2) {
				    peopleMatchedBy zh: summary(lang: "zh")
				    holdersChanged { key name before after }
				    peopleLeft { key name before { key title } }
				    peopleJoined { key name after { key title } }
				    peopleMoved { name before { key unit } after { key unit } } } }
				""").execute();
		response.path("compareRevisions.peopleMatchedBy").entity(String.class).isEqualTo("NAME");
		response.path("compareRevisions.zh").entity(String.class)
			.satisfies(z -> assertThat(z).contains("任职人员变化的岗位 3 个；新加入 40 人，离开 20 人"));
		List<Map<String, Object>> holders = response.path("compareRevisions.holdersChanged").entityList(MAP).get();
		// the three roles whose title is the same in both releases and whose holder changed, read off the CSVs
		assertThat(holders).extracting(h -> h.get("key"), h -> h.get("before"), h -> h.get("after"))
			.containsExactly(tuple("A7", "Michael Anderson", "Nicholas Dyer"),
					tuple("B121", "Cameron Lindy", "Helen Winterton"), tuple("B91", "Austin Chris", "Timothy Wheeler"));
		// the Permanent Secretary, Mark Lowcock, is in post in both releases: no change
		assertThat(holders).extracting(h -> h.get("key")).doesNotContain("A1");
		// names reordered (Barrett John / John Barrett) or written differently on one post are one person
		List<String> left = response.path("compareRevisions.peopleLeft[*].name").entityList(String.class).get();
		List<String> joined = response.path("compareRevisions.peopleJoined[*].name").entityList(String.class).get();
		assertThat(left).contains("Michael Anderson", "Bowman Mark", "Manuel, Marcus")
			.doesNotContain("Mark Lowcock", "Barrett John", "Dyer Nick", "Chris Whitty", "Kevin Mallet");
		assertThat(joined).contains("Anthony Smith", "Rachel Turner")
			.doesNotContain("Mark Lowcock", "John Barrett", "Nicholas Dyer", "Christopher Whitty", "Kevin Mallett");
		assertThat(left).hasSize(20);
		assertThat(joined).hasSize(40);
		// B44 stays John Barrett's key but he moved from the Pakistan flood team to a head of profession
		assertThat(response.path("compareRevisions.peopleMoved").entityList(MAP).get())
			.extracting(m -> m.get("name"))
			.contains("John Barrett");
	}

	@Test
	void shouldShowAViewerPseudonymsInsteadOfTheHoldersNames() {
		String token = this.graphQl
			.document("mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }")
			.variable("i", Map.of("name", "dashboard", "role", "VIEWER"))
			.execute()
			.path("createApiToken.token").entity(String.class).get();
		HttpGraphQlTester viewer = this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
		var response = viewer.document("""
				{ compareRevisions(org: "dfid", from: 1, to: 2) {
				    holdersChanged { key before after } peopleLeft { name } } }""").execute();
		List<Map<String, Object>> holders = response.path("compareRevisions.holdersChanged").entityList(MAP).get();
		assertThat(holders).hasSize(3).allSatisfy(h -> {
			assertThat((String) h.get("before")).startsWith("Person ");
			assertThat((String) h.get("after")).startsWith("Person ");
		});
		assertThat(response.path("compareRevisions.peopleLeft[*].name").entityList(String.class).get())
			.hasSize(20)
			.allSatisfy(n -> assertThat(n).startsWith("Person "))
			.doesNotContain("Michael Anderson");
	}

	@Test
	void shouldReportAnUnknownRevision() {
		this.graphQl.document("{ compareRevisions(org: \"dfid\", from: 7) { summary } }")
			.execute()
			.errors()
			.expect(withCode("REVISION_NOT_FOUND"))
			.verify();
	}

	/** Post → row, read independently of the importer; eliminated posts and post 0 are not posts. */
	private static Map<String, String[]> posts(String snapshot) throws Exception {
		String text = new ClassPathResource("uk-organograms/" + snapshot + "-senior.csv").getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setAllowMissingColumnNames(true).get()
			.parse(new StringReader(text)).getRecords();
		Map<String, String[]> posts = new HashMap<>();
		for (CSVRecord row : rows) {
			String post = row.get("Post Unique Reference").strip();
			if (post.equals("0") || row.get("Name").strip().equalsIgnoreCase("eliminated")) {
				continue;
			}
			posts.putIfAbsent(post, new String[] { row.get("Reports to Senior Post").strip() });
		}
		return posts;
	}

	private static String manager(String[] row, String post) {
		String m = row[0];
		return m.equalsIgnoreCase("XX") || m.isEmpty() || m.equals(post) ? null : m;
	}

}
