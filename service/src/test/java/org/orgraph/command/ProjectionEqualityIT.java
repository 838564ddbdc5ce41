package org.orgraph.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.orgraph.GeneratedOrganization;
import org.orgraph.Imports;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.command.ChainOfCommand.Chain;
import org.orgraph.command.ChainOfCommand.CommonSuperior;
import org.orgraph.command.ChainOfCommand.Resolved;
import org.orgraph.command.ReportingAnomalies.LineOutsideUnit;
import org.orgraph.command.ReportingAnomalies.PostWithoutTop;
import org.orgraph.command.ReportingAnomalies.Report;
import org.orgraph.command.ReportingAnomalies.ReportingCycle;
import org.orgraph.command.ReportingAnomalies.TopPost;
import org.orgraph.command.ReportingAnomalies.UnitWithoutHead;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revision;
import org.orgraph.projection.Projection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: every answer read from a revision's projection is the answer the Cypher files give,
 * on the 19 demo organisations, the two DFID organograms, {@code loop} (a cycle, a dotted line
 * and a chain longer than the bound) and a generated organisation of 20,000 posts with derived
 * and dotted lines, vacant posts and concurrent holders and posts: every position's chain of command, span and layer;
 * report counts (direct and at any depth) and first pages of reports for every position of the
 * small organisations and a sample of the generated one; a sample of common superiors; every
 * list of reporting anomalies (cycles, posts without a top, tops, lines outside the unit,
 * concurrent posts, units without a head), capped and uncapped.
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

	@Autowired
	ReportingAnomalies anomalies;

	private static final Revision LOOP = new Revision("loop", 1);

	private static final Revision GENERATED = new Revision("generated", 1);

	private final List<Revision> revisions = new ArrayList<>();

	@BeforeAll
	void importOrganizations() throws Exception {
		Imports imports = new Imports(this.http);
		imports.allDemos().forEach(key -> this.revisions.add(new Revision(key, 1)));
		assertThat(this.revisions).hasSize(19);
		imports.dfid();
		this.revisions.addAll(List.of(new Revision("dfid", 1), new Revision("dfid", 2)));
		CommandFixtures.importLoop(imports, this.driver);
		this.revisions.add(LOOP);
		GeneratedOrganization.write(this.driver, "generated/1", GENERATED_POSTS, 20261207L);
		this.revisions.add(GENERATED);
	}

	@Test
	void shouldProjectEveryRevisionExactly() {
		for (Revision rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			assertThat(projection).as(rev.id()).isNotNull();
			int positions = this.driver.executableQuery("MATCH (p:Position {rev: $rev}) RETURN count(p) AS n")
				.withParameters(Map.of("rev", rev.id()))
				.execute()
				.records()
				.getFirst()
				.get("n")
				.asInt();
			assertThat(projection.positionCount()).as(rev.id()).isEqualTo(positions);
		}
		assertThat(this.chains.projection(GENERATED).positionCount()).isEqualTo(GENERATED_POSTS);
	}

	@Test
	void shouldWalkEveryChainOfCommandAsCypherDoes() {
		for (Revision rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = keys(projection);
			for (int from = 0; from < keys.size(); from += 2000) {
				Resolved batch = new Resolved(keys.subList(from, Math.min(keys.size(), from + 2000)), null);
				List<Chain> byCypher = this.chains.chainsByCypher(rev, batch);
				List<Chain> byProjection = this.chains.chains(rev, batch, projection);
				assertThat(byProjection).as("chains of %s from %s", rev, keys.get(from)).isEqualTo(byCypher);
			}
		}
		Chain loop = this.chains.chains(LOOP, new Resolved(List.of("P12"), null), this.chains.projection(LOOP))
			.getFirst();
		assertThat(loop.cycle()).isTrue();
		assertThat(this.chains.chains(LOOP, new Resolved(List.of("L70"), null), this.chains.projection(LOOP))
			.getFirst()
			.truncated()).isTrue();
	}

	@Test
	void shouldWalkPeoplesChainsAsCypherDoes() {
		for (Revision rev : this.revisions) {
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
		for (Revision rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = sample(projection, rev.equals(GENERATED) ? 1500 : Integer.MAX_VALUE);
			for (String key : keys) {
				int m = projection.position(key);
				Map<String, Object> params = Map.of("rev", rev.id(), "key", key, "maxDepth", this.traversal.maxDepth());
				assertThat(projection.directReportCount(m)).as("direct reports of %s in %s", key, rev)
					.isEqualTo(count("command/reports-direct-count", params));
				assertThat(projection.reportCount(m, this.traversal.maxDepth())).as("reports of %s in %s", key, rev)
					.isEqualTo(count("command/reports-indirect-count", params));
			}
			// a smaller bound cuts deep subtrees: the interval count gives way to a walk
			for (String key : keys.subList(0, Math.min(keys.size(), 200))) {
				int m = projection.position(key);
				assertThat(projection.reportCount(m, 3)).as("reports of %s in %s within 3 links", key, rev)
					.isEqualTo(count("command/reports-indirect-count", Map.of("rev", rev.id(), "key", key, "maxDepth", 3)));
			}
		}
	}

	@Test
	void shouldPageReportsAsCypherDoes() {
		for (Revision rev : this.revisions) {
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
								Map.of("rev", rev.id(), "key", key, "after", after, "limit", 11));
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
		for (Revision rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			Random random = new Random(rev.hashCode() * 31L);
			int pairs = Math.min(rev.equals(GENERATED) ? 400 : 60, projection.positionCount() * 2);
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
		for (Revision rev : this.revisions) {
			Projection projection = this.chains.projection(rev);
			List<String> keys = keys(projection);
			Map<String, Integer> spans = new HashMap<>();
			this.graph.read("command/position-span", Map.of("rev", rev, "keys", keys), r -> r)
				.forEach(r -> spans.put(r.get("key").asString(), r.get("span").asInt()));
			Map<String, Integer> layers = new HashMap<>();
			this.graph
				.read("command/position-layer", Map.of("rev", rev, "keys", keys, "maxDepth", this.traversal.maxDepth()),
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

	@Test
	void shouldFindTheSameReportingAnomalies() {
		int cycles = 0;
		int unreached = 0;
		int tops = 0;
		int outside = 0;
		int concurrent = 0;
		int headless = 0;
		for (Revision rev : this.revisions) {
			Projection projection = this.anomalies.projection(rev);
			assertThat(projection).as("%s is projected exactly", rev).isNotNull();
			for (int limit : new int[] { 3, 10_000 }) {
				for (int max : new int[] { 1, 2 }) {
					Report report = new Report(rev, max, limit);
					assertThat(this.anomalies.concurrentPosts(report, projection))
						.as("concurrent posts of %s (more than %d, at most %d)", rev, max, limit)
						.isEqualTo(this.anomalies.concurrentPostsByCypher(report));
				}
				Report report = new Report(rev, 2, limit);
				List<ReportingCycle> cyclesFound = this.anomalies.cycles(report, projection);
				assertThat(cyclesFound).as("cycles of %s (at most %d)", rev, limit)
					.isEqualTo(this.anomalies.cyclesByCypher(report));
				List<PostWithoutTop> unreachedFound = this.anomalies.postsWithoutTop(report, projection);
				assertThat(unreachedFound).as("posts without a top in %s (at most %d)", rev, limit)
					.isEqualTo(this.anomalies.postsWithoutTopByCypher(report));
				List<TopPost> topsFound = this.anomalies.tops(report, projection);
				assertThat(topsFound).as("tops of %s (at most %d)", rev, limit)
					.isEqualTo(this.anomalies.topsByCypher(report));
				List<LineOutsideUnit> outsideFound = this.anomalies.linesOutsideUnit(report, projection);
				assertThat(outsideFound).as("lines outside the unit in %s (at most %d)", rev, limit)
					.isEqualTo(this.anomalies.linesOutsideUnitByCypher(report));
				List<UnitWithoutHead> headlessFound = this.anomalies.unitsWithoutHead(report, projection);
				assertThat(headlessFound).as("units without a head in %s (at most %d)", rev, limit)
					.isEqualTo(this.anomalies.unitsWithoutHeadByCypher(report));
				if (limit > 3) {
					assertThat(this.anomalies.linesOutsideUnitCount(report)).as("lines outside the unit in %s", rev)
						.isEqualTo(this.anomalies.linesOutsideUnitCountByCypher(report))
						.isEqualTo(outsideFound.size());
					cycles += cyclesFound.size();
					unreached += unreachedFound.size();
					tops += topsFound.size();
					outside += outsideFound.size();
					concurrent += this.anomalies.concurrentPosts(new Report(rev, 1, limit), projection).size();
					headless += headlessFound.size();
				}
			}
		}
		// every kind is found somewhere, so no comparison above is between two empty lists only
		assertThat(List.of(cycles, unreached, tops, outside, concurrent, headless)).allMatch(n -> n > 0);
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


}
