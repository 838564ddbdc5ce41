package org.orgraph.graph;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Cypher file compiles against the migrated database, so a broken query fails the build. */
@OrgraphIntegrationTest
class CypherFilesIT {

	@Autowired
	CypherQueries queries;

	@Autowired
	Driver driver;

	@TestFactory
	List<DynamicTest> everyQueryFileCompiles() {
		assertThat(this.queries.all()).hasSizeGreaterThan(30);
		return this.queries.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
			try (Session session = this.driver.session()) {
				session.run("EXPLAIN " + e.getValue(), Map.of()).consume();
			}
		})).toList();
	}

	/** A scan of every node grows with the whole store, every revision of every organisation. */
	@TestFactory
	List<DynamicTest> noQueryScansEveryNodeInTheStore() {
		return this.queries.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
			try (Session session = this.driver.session()) {
				Plan plan = session.run("EXPLAIN " + e.getValue(), Map.of()).consume().plan();
				assertThat(operators(plan)).as("plan of %s", e.getKey()).doesNotContain("AllNodesScan");
			}
		})).toList();
	}

	/**
	 * With Neo4j embedded, reads run in-process in transactions the engine does not hold to read
	 * access as Bolt's read sessions do: the reading features' files must not write.
	 */
	@TestFactory
	List<DynamicTest> readingFeaturesQueriesOnlyRead() {
		List<String> reading = List.of("graph/", "organization/", "command/", "metrics/", "duties/snapshot-",
				"duties/shared-", "duties/duties-of-", "projection/");
		List<Map.Entry<String, String>> files = this.queries.all().entrySet().stream()
			.filter(e -> reading.stream().anyMatch(e.getKey()::startsWith))
			.toList();
		assertThat(files).hasSizeGreaterThan(40);
		return files.stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
			try (Session session = this.driver.session()) {
				assertThat(session.run("EXPLAIN " + e.getValue(), Map.of()).consume().queryType())
					.as("query type of %s", e.getKey())
					.isEqualTo(QueryType.READ_ONLY);
			}
		})).toList();
	}

	/**
	 * The import's later phases find the nodes its first phases created by element id: one seek
	 * per end of a relationship, never an index lookup or a scan of a label.
	 */
	@TestFactory
	List<DynamicTest> importPhasesFindTheirNodesByElementId() {
		List<String> linking = List.of("link-units", "create-positions", "link-concurrent", "link-heads",
				"create-unit-duties", "create-position-duties", "link-reporting", "link-holdings");
		return linking.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
			try (Session session = this.driver.session()) {
				Plan plan = session.run("EXPLAIN " + this.queries.get("importing/" + name), Map.of()).consume().plan();
				assertThat(operators(plan)).as("plan of %s", name)
					.contains("NodeByElementIdSeek")
					.doesNotContain("NodeByLabelScan", "NodeIndexSeek", "NodeUniqueIndexSeek", "AllNodesScan");
			}
		})).toList();
	}

	/**
	 * Exact overlaps and orphans read the duties the import marked shared (or the lists of them it
	 * wrote) through their own index, never every duty of the revision through the (rev, key) index (six million at 1M people).
	 */
	@Test
	void sharedDutiesAreFoundThroughTheirIndex() {
		try (Session session = this.driver.session()) {
			Plan plan = session.run("EXPLAIN " + this.queries.get("duties/shared-duties"), Map.of()).consume().plan();
			assertThat(details(plan)).as("plan of duties/shared-duties").anyMatch(d -> d.contains("Duty(rev, shared)"));
			assertThat(operators(plan)).doesNotContain("NodeByLabelScan", "AllNodesScan");
			Plan lists = session.run("EXPLAIN " + this.queries.get("duties/shared-duty-lists"), Map.of()).consume().plan();
			assertThat(details(lists)).as("plan of duties/shared-duty-lists")
				.anyMatch(d -> d.contains("SharedDuties(rev, index)"));
			assertThat(operators(lists)).doesNotContain("NodeByLabelScan", "AllNodesScan");
			Plan holders = session.run("EXPLAIN " + this.queries.get("duties/duties-of-holders"), Map.of())
				.consume()
				.plan();
			assertThat(operators(holders)).as("plan of duties/duties-of-holders")
				.contains("NodeUniqueIndexSeek")
				.doesNotContain("NodeByLabelScan", "AllNodesScan");
		}
	}

	private static List<String> details(Plan plan) {
		List<String> all = new java.util.ArrayList<>();
		org.neo4j.driver.Value details = plan.arguments().get("Details");
		if (details != null) {
			all.add(details.asString());
		}
		plan.children().forEach(child -> all.addAll(details(child)));
		return all;
	}

	private static List<String> operators(Plan plan) {
		List<String> all = new java.util.ArrayList<>();
		all.add(plan.operatorType().replaceAll("@.*", ""));
		plan.children().forEach(child -> all.addAll(operators(child)));
		return all;
	}

	@Test
	void schemaHasTheRevisionKeyIndexesAndTheNameIndex() {
		try (Session session = this.driver.session()) {
			List<String> constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get("name").asString());
			assertThat(constraints).contains("organization_key", "revision_id", "unit_rev_key")
				.doesNotContain("duty_rev_key", "position_rev_key", "person_rev_key");
			List<String> indexes = session.run("SHOW RANGE INDEXES YIELD name, properties RETURN name + ':' + "
					+ "reduce(s = '', p IN properties | s + '/' + p) AS s").list(r -> r.get("s").asString());
			assertThat(indexes).as("duties, posts and people are found by (rev, key) through an index")
				.contains("duty_rev_key_index:/rev/key", "duty_rev_shared:/rev/shared", "position_rev_key_index:/rev/key",
						"person_rev_key_index:/rev/key");
			List<String> fulltext = session.run("SHOW FULLTEXT INDEXES YIELD name, state RETURN name + ':' + state AS s")
				.list(r -> r.get("s").asString());
			assertThat(fulltext).contains("name_search:ONLINE").doesNotContain("names:ONLINE");
		}
	}

	@Test
	void applyingTheSchemaTwiceChangesNothing() {
		try (Session session = this.driver.session()) {
			long before = session.run("SHOW INDEXES YIELD name RETURN count(*) AS n").single().get("n").asLong();
			for (String statement : GraphSchema.statements()) {
				session.run(statement).consume();
			}
			long after = session.run("SHOW INDEXES YIELD name RETURN count(*) AS n").single().get("n").asLong();
			assertThat(after).isEqualTo(before);
		}
	}

}
