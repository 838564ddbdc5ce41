package org.orgraph.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.command.ChainOfCommand.Chain;
import org.orgraph.command.ChainOfCommand.CommonSuperior;
import org.orgraph.command.ChainOfCommand.Resolved;
import org.orgraph.graph.Graph;
import org.orgraph.projection.Projection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: every answer read from a revision's projection is the answer the Cypher files give,
 * on the 19 demo organisations, the two DFID organograms, {@code loop} (a cycle, a dotted line
 * and a chain longer than the bound) and a generated organisation of 20,000 posts with derived
 * and dotted lines, vacant posts and concurrent holders and posts: every position's chain of command, span and layer;
 * report counts (direct and at any depth) and first pages of reports for every position of the
 * small organisations and a sample of the generated one; a sample of common superiors.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionEqualityIT {

	private static final int GENERATED_POSTS = 20_000;

	@Autowired
	WebTestClient http;

	@Autowired
	Driver driver;

	@Autowired
	Graph graph;

	@Autowired
	ChainOfCommand chains;

	@Autowired
	Traversal traversal;

	private final List<String> revisions = new ArrayList<>();

	@BeforeAll
	void importOrganizations() throws Exception {
		Imports imports = new Imports(this.http);
		List<Callable<Void>> demos = new ArrayList<>();
		for (Resource demo : new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.json")) {
			String key = demo.getFilename().replace(".json", "");
			demos.add(() -> {
				CommandFixtures.importDemo(imports, key);
				return null;
			});
			this.revisions.add(key + "/1");
		}
		// side by side: each import is mostly waiting on its own commits
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (Future<Void> done : pool.invokeAll(demos)) {
				done.get();
			}
		}
		assertThat(this.revisions).hasSize(19);
		CommandFixtures.importDfid(imports);
		this.revisions.addAll(List.of("dfid/1", "dfid/2"));
		CommandFixtures.importLoop(imports, this.driver);
		this.revisions.add("loop/1");
		writeGenerated(GENERATED_POSTS, 20261207L);
		this.revisions.add("generated/1");
	}

	@Test
	void shouldProjectEveryRevisionExactly() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			assertThat(projection).as(rev).isNotNull();
			int positions = this.driver.executableQuery("MATCH (p:Position {rev: $rev}) RETURN count(p) AS n")
				.withParameters(Map.of("rev", rev))
				.execute()
				.records()
				.getFirst()
				.get("n")
				.asInt();
			assertThat(projection.positionCount()).as(rev).isEqualTo(positions);
		}
		assertThat(this.chains.projection("generated/1").positionCount()).isEqualTo(GENERATED_POSTS);
	}

	@Test
	void shouldWalkEveryChainOfCommandAsCypherDoes() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = keys(projection);
			for (int from = 0; from < keys.size(); from += 2000) {
				Resolved batch = new Resolved(keys.subList(from, Math.min(keys.size(), from + 2000)), null);
				List<Chain> byCypher = this.chains.chainsByCypher(rev, batch);
				List<Chain> byProjection = this.chains.chains(rev, batch, projection);
				assertThat(byProjection).as("chains of %s from %s", rev, keys.get(from)).isEqualTo(byCypher);
			}
		}
		Chain loop = this.chains.chains("loop/1", new Resolved(List.of("P12"), null), this.chains.projection("loop/1"))
			.getFirst();
		assertThat(loop.cycle()).isTrue();
		assertThat(this.chains.chains("loop/1", new Resolved(List.of("L70"), null), this.chains.projection("loop/1"))
			.getFirst()
			.truncated()).isTrue();
	}

	@Test
	void shouldWalkPeoplesChainsAsCypherDoes() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			Random random = new Random(rev.hashCode());
			for (int i = 0; i < Math.min(200, projection.positionCount()); i++) {
				int p = random.nextInt(projection.positionCount());
				int[] holdings = projection.holdingsOf(p);
				if (holdings.length == 0) {
					continue;
				}
				String person = projection.personKey(projection.holdingPerson(holdings[0]));
				Resolved resolved = this.chains.person(rev, person);
				assertThat(this.chains.chains(rev, resolved, projection)).as("chains of %s in %s", person, rev)
					.isEqualTo(this.chains.chainsByCypher(rev, resolved));
			}
		}
	}

	@Test
	void shouldCountReportsAsCypherDoes() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = sample(projection, rev.startsWith("generated") ? 1500 : Integer.MAX_VALUE);
			for (String key : keys) {
				int m = projection.position(key);
				Map<String, Object> params = Map.of("rev", rev, "key", key, "maxDepth", this.traversal.maxDepth());
				assertThat(projection.directReportCount(m)).as("direct reports of %s in %s", key, rev)
					.isEqualTo(count("command/reports-direct-count", params));
				assertThat(projection.reportCount(m, this.traversal.maxDepth())).as("reports of %s in %s", key, rev)
					.isEqualTo(count("command/reports-indirect-count", params));
			}
			// a smaller bound cuts deep subtrees: the interval count gives way to a walk
			for (String key : keys.subList(0, Math.min(keys.size(), 200))) {
				int m = projection.position(key);
				assertThat(projection.reportCount(m, 3)).as("reports of %s in %s within 3 links", key, rev)
					.isEqualTo(count("command/reports-indirect-count", Map.of("rev", rev, "key", key, "maxDepth", 3)));
			}
		}
	}

	@Test
	void shouldPageReportsAsCypherDoes() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			for (String key : sample(projection, 150)) {
				int m = projection.position(key);
				for (boolean direct : new boolean[] { true, false }) {
					String after = "";
					for (int page = 0; page < 3; page++) {
						List<String> byProjection = new ArrayList<>();
						for (int p : projection.reports(m, direct, after, 11, this.traversal.maxDepth())) {
							byProjection.add(projection.positionKey(p));
						}
						Map<String, Object> params = new HashMap<>(
								Map.of("rev", rev, "key", key, "after", after, "limit", 11));
						if (!direct) {
							params.put("maxDepth", this.traversal.maxDepth());
						}
						List<String> byCypher = this.graph.read(direct ? "command/reports-direct" : "command/reports-indirect",
								params, r -> r.get("p").get("key").asString());
						assertThat(byProjection).as("reports of %s in %s after '%s' (direct %s)", key, rev, after, direct)
							.isEqualTo(byCypher);
						if (byCypher.size() < 11) {
							break;
						}
						after = byCypher.get(9);
					}
				}
			}
		}
	}

	@Test
	void shouldFindTheSameCommonSuperiors() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			Random random = new Random(rev.hashCode() * 31L);
			int pairs = Math.min(rev.startsWith("generated") ? 400 : 60, projection.positionCount() * 2);
			for (int i = 0; i < pairs; i++) {
				String a = projection.positionKey(random.nextInt(projection.positionCount()));
				String b = projection.positionKey(random.nextInt(projection.positionCount()));
				Resolved ra = new Resolved(List.of(a), null);
				Resolved rb = new Resolved(List.of(b), null);
				CommonSuperior byCypher = this.chains.commonSuperiorByCypher(rev, ra, rb);
				assertThat(this.chains.commonSuperior(rev, ra, rb, projection)).as("superior of %s and %s in %s", a, b, rev)
					.isEqualTo(byCypher);
			}
		}
	}

	@Test
	void shouldGiveTheSameSpansAndLayers() {
		for (String rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = keys(projection);
			Map<String, Integer> spans = new HashMap<>();
			this.graph.read("command/position-spans", Map.of("rev", rev, "keys", keys), r -> r)
				.forEach(r -> spans.put(r.get("key").asString(), r.get("span").asInt()));
			Map<String, Integer> layers = new HashMap<>();
			this.graph
				.read("command/position-layers", Map.of("rev", rev, "keys", keys, "maxDepth", this.traversal.maxDepth()),
						r -> r)
				.forEach(r -> layers.put(r.get("key").asString(), r.get("layer").asInt()));
			for (String key : keys) {
				int p = projection.position(key);
				assertThat(projection.directReportCount(p)).as("span of %s in %s", key, rev).isEqualTo(spans.get(key));
				int layer = projection.layer(p, this.traversal.maxDepth());
				assertThat(layer < 0 ? null : layer).as("layer of %s in %s", key, rev).isEqualTo(layers.get(key));
			}
			assertThat(projection.layers(this.traversal.maxDepth())).as("layers of %s", rev)
				.isEqualTo(this.graph
					.read("command/organization-layers", Map.of("rev", rev, "maxDepth", this.traversal.maxDepth()),
							r -> r.get("layers").asInt())
					.getFirst());
		}
	}

	private int count(String query, Map<String, Object> params) {
		return this.graph.read(query, params, r -> r.get("n").asInt()).getFirst();
	}

	private static List<String> keys(Projection projection) {
		List<String> keys = new ArrayList<>();
		for (int p = 0; p < projection.positionCount(); p++) {
			keys.add(projection.positionKey(p));
		}
		return keys;
	}

	/** Every position when there are at most {@code size}; else the managers first, then others, seeded. */
	private static List<String> sample(Projection projection, int size) {
		if (projection.positionCount() <= size) {
			return keys(projection);
		}
		List<String> managers = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (int p = 0; p < projection.positionCount(); p++) {
			(projection.directReportCount(p) > 0 ? managers : others).add(projection.positionKey(p));
		}
		Collections.shuffle(managers, new Random(7));
		Collections.shuffle(others, new Random(11));
		List<String> sample = new ArrayList<>(managers.subList(0, Math.min(managers.size(), size * 2 / 3)));
		sample.addAll(others.subList(0, Math.min(others.size(), size - sample.size())));
		return sample;
	}

	/**
	 * Writes revision {@code generated/1} of {@code posts} posts straight into the store (an import
	 * of this size takes the better part of a minute on two shared cores): a reporting tree about
	 * twelve levels deep with spans of 1 to 12; a unit for every manager of three or more in the top
	 * eight levels, a third of its staff's lines marked derived as the import would derive them;
	 * one post in twenty vacant; one holder in fifty also holding the manager's post (acting, half
	 * time); a dotted line from one post in a hundred; one post in two hundred declared
	 * {@code CONCURRENT_WITH} its manager; keys whose order differs from the order they were made in.
	 */
	private void writeGenerated(int posts, long seed) {
		Random random = new Random(seed);
		int[] manager = new int[posts];
		int[] level = new int[posts];
		manager[0] = -1;
		List<Integer> frontier = new ArrayList<>(List.of(0));
		int made = 1;
		while (made < posts) {
			List<Integer> next = new ArrayList<>();
			for (int m : frontier) {
				int span = random.nextInt(10) < 8 ? 2 + random.nextInt(5) : 1 + random.nextInt(12);
				for (int i = 0; i < span && made < posts; i++) {
					manager[made] = m;
					level[made] = level[m] + 1;
					next.add(made++);
				}
			}
			frontier = next;
		}
		int[] reports = new int[posts];
		for (int p = 1; p < posts; p++) {
			reports[manager[p]]++;
		}
		String[] unit = new String[posts];
		boolean[] head = new boolean[posts];
		List<Map<String, Object>> units = new ArrayList<>();
		List<Map<String, Object>> positions = new ArrayList<>();
		List<Map<String, Object>> lines = new ArrayList<>();
		List<Map<String, Object>> holdings = new ArrayList<>();
		for (int p = 0; p < posts; p++) {
			if (p == 0 || (reports[p] >= 3 && level[p] < 8)) {
				unit[p] = "U" + Integer.toString(p, 36);
				head[p] = true;
				Map<String, Object> row = new HashMap<>(Map.of("key", unit[p], "name", "Unit " + p + " 部门" + (p % 97)));
				if (p > 0) {
					row.put("parent", unit[manager[p]]);
				}
				units.add(row);
			}
			else {
				unit[p] = unit[manager[p]];
			}
			positions.add(Map.of("key", key(p), "unit", unit[p],
					"title", List.of("Analyst", "Manager", "经理", "Director", "专员", "Officer").get(p % 6) + " " + (p % 40)));
			if (p > 0) {
				boolean staffOfHead = !head[p] && head[manager[p]] && unit[manager[p]].equals(unit[p]);
				lines.add(Map.of("from", key(p), "to", key(manager[p]), "line", true, "derived",
						staffOfHead && random.nextInt(3) == 0, "concurrent", random.nextInt(200) == 0));
				if (random.nextInt(100) == 0) {
					lines.add(Map.of("from", key(p), "to", key(random.nextInt(p)), "line", false, "derived", false,
							"concurrent", false));
				}
			}
			if (random.nextInt(20) != 0) {
				String person = "E" + (posts - p);
				boolean second = p > 0 && random.nextInt(50) == 0;
				holdings.add(Map.of("person", person, "name", "Person " + p + " 员工", "position", key(p), "fte",
						second ? 0.5 : 1.0, "acting", false));
				if (second) {
					holdings.add(Map.of("person", person, "name", "Person " + p + " 员工", "position", key(manager[p]),
							"fte", 0.5, "acting", true));
				}
			}
		}
		String rev = "generated/1";
		batches(units, "UNWIND $rows AS row CREATE (:Unit {rev: $rev, key: row.key, name: row.name})", rev);
		batches(units, """
				UNWIND $rows AS row
				MATCH (u:Unit {rev: $rev, key: row.key}), (parent:Unit {rev: $rev, key: row.parent})
				CREATE (u)-[:PART_OF]->(parent)""", rev);
		batches(positions, """
				UNWIND $rows AS row
				MATCH (u:Unit {rev: $rev, key: row.unit})
				CREATE (:Position {rev: $rev, key: row.key, title: row.title, headcount: 1, juniorFte: 0.0})-[:IN]->(u)""",
				rev);
		batches(lines, """
				UNWIND $rows AS row
				MATCH (a:Position {rev: $rev, key: row.from}), (m:Position {rev: $rev, key: row.to})
				CREATE (a)-[:REPORTS_TO {line: row.line, derived: row.derived}]->(m)
				FOREACH (x IN CASE WHEN row.concurrent THEN [1] ELSE [] END | CREATE (a)-[:CONCURRENT_WITH]->(m))""", rev);
		batches(holdings, """
				UNWIND $rows AS row
				MATCH (p:Position {rev: $rev, key: row.position})
				MERGE (person:Person {rev: $rev, key: row.person})
				  ON CREATE SET person.name = row.name
				CREATE (person)-[:HOLDS {fte: row.fte, acting: row.acting}]->(p)""", rev);
	}

	private void batches(List<Map<String, Object>> rows, String cypher, String rev) {
		for (int from = 0; from < rows.size(); from += 5000) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + 5000));
			this.driver.executableQuery(cypher).withParameters(Map.of("rows", batch, "rev", rev)).execute();
		}
	}

	private static String key(int p) {
		// not in creation order: P-7 sorts after P-10
		return "P-" + Integer.toString(p * 7919 % 1_000_003, 10);
	}

}
