package org.orgraph.graph;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.types.Node;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.EmbeddedNeo4j;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Neo4j embedded the service runs its queries on the engine itself, not over Bolt: the
 * records it gets must be the ones Bolt would have given, value for value, and the engine's
 * errors must carry the codes the driver would report.
 */
@OrgraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InProcessCypherIT extends IntegrationTestSupport {

	private static final String ORG = "car-rental-ops-company";

	@Autowired
	EmbeddedNeo4j embedded;

	@Autowired
	CypherQueries queries;

	InProcessCypher inProcess;

	@BeforeAll
	void importDemoOrganisation() throws IOException {
		imports().demo(ORG);
		this.inProcess = new InProcessCypher(this.embedded.database(), Duration.ofSeconds(5));
	}

	@Test
	void shouldAnswerTheChainOfCommandQueryExactlyAsBoltDoes() {
		Map<String, Object> params = Map.of("rev", ORG + "/1", "keys", List.of("P08", "P11", "P01"), "maxDepth", 64);
		List<Map<String, Object>> bolt = overBolt(this.queries.get("command/chain-of-command"), params);
		List<Map<String, Object>> here = this.inProcess.run(this.queries.get("command/chain-of-command"), params,
				Duration.ofSeconds(10), false, Record::asMap);
		assertThat(bolt).hasSize(7);
		assertThat(here).isEqualTo(bolt);
		// 会计 → 财务经理 → 总经理, with its holder's name and the derived first link
		assertThat(here).filteredOn(r -> r.get("start").equals("P08"))
			.extracting(r -> (Object) ((Map<?, ?>) r.get("p")).get("title"))
			.containsExactly((Object) "会计", "财务经理", "总经理");
	}

	@Test
	void shouldReturnNodesWithTheirLabelsPropertiesAndTemporalValues() {
		String cypher = "MATCH (u:Unit {rev: $rev}) RETURN u, u.key AS key ORDER BY u.key";
		Map<String, Object> params = Map.of("rev", ORG + "/1");
		List<Record> here = this.inProcess.run(cypher, params, Duration.ofSeconds(10), false, r -> r);
		List<Record> bolt;
		try (Session session = this.driver.session()) {
			bolt = session.run(cypher, params).list();
		}
		assertThat(here).hasSize(bolt.size()).hasSizeGreaterThan(5);
		for (int i = 0; i < here.size(); i++) {
			Node a = here.get(i).get("u").asNode();
			Node b = bolt.get(i).get("u").asNode();
			assertThat(a.elementId()).isEqualTo(b.elementId());
			assertThat(a.labels()).containsExactlyElementsOf(b.labels());
			assertThat(a.asMap()).isEqualTo(b.asMap());
		}
		assertThat(here.getFirst().get("u").asNode().get("name").asString()).isEqualTo("租赁汽车营运公司");

		String revision = "MATCH (r:Revision {id: $rev}) RETURN r.createdAt AS at, r.number AS number";
		Record created = this.inProcess.run(revision, params, Duration.ofSeconds(10), false, r -> r).getFirst();
		assertThat(created.get("at").asZonedDateTime()).isEqualTo(overBolt(revision, params).getFirst().get("at"));
		assertThat(created.get("number").asInt()).isEqualTo(1);
	}

	@Test
	void shouldStopAQueryAtItsTimeoutWithTheDriversTimeoutCode() {
		assertThatThrownBy(() -> this.inProcess.run("UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)",
				Map.of(), Duration.ofMillis(200), false, r -> r))
			.isInstanceOfSatisfying(ClientException.class,
					e -> assertThat(e.code()).startsWith("Neo.ClientError.Transaction.TransactionTimedOut"));
	}

	@Test
	void shouldReportASyntaxErrorWithItsCode() {
		assertThatThrownBy(() -> this.inProcess.run("MATCH (n RETURN n", Map.of(), Duration.ofSeconds(5), false, r -> r))
			.isInstanceOfSatisfying(ClientException.class,
					e -> assertThat(e.code()).isEqualTo("Neo.ClientError.Statement.SyntaxError"));
	}

	@Test
	void shouldRollBackAWriteThatBreaksAConstraint() {
		String create = "CREATE (:Unit {rev: $rev, key: 'X1', name: 'probe'}) WITH 1 AS one "
				+ "CREATE (:Unit {rev: $rev, key: 'U01', name: 'a second U01'})";
		assertThatThrownBy(() -> this.inProcess.run(create, Map.of("rev", ORG + "/1"), Duration.ofSeconds(5), true, r -> r))
			.isInstanceOfSatisfying(ClientException.class,
					e -> assertThat(e.code()).isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
		assertThat(overBolt("MATCH (u:Unit {rev: $rev}) WHERE u.key IN ['X1'] OR u.name = 'a second U01' RETURN u",
				Map.of("rev", ORG + "/1"))).isEmpty();
	}

	@Test
	void shouldRunBatchedDeletesInTheEnginesOwnTransactions() {
		this.inProcess.run("UNWIND range(1, 12) AS i CREATE (:Duty {rev: 'probe/1', key: 'D' + i, text: 't', norm: 't'})",
				Map.of(), Duration.ofSeconds(5), true, r -> r);
		this.inProcess.autoCommit(this.queries.get("importing/delete-revision-nodes"), Map.of("rev", "probe/1"),
				Duration.ofSeconds(30));
		assertThat(overBolt("MATCH (d:Duty {rev: 'probe/1'}) RETURN d", Map.of())).isEmpty();
	}

	private List<Map<String, Object>> overBolt(String cypher, Map<String, Object> params) {
		try (Session session = this.driver.session()) {
			return session.run(cypher, params).list(Record::asMap);
		}
	}

}
