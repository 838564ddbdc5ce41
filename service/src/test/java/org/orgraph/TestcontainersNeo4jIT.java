package org.orgraph;

import org.junit.jupiter.api.Test;
import org.orgraph.IntegrationTestSupport;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same import and read path against the Neo4j server image docker-compose uses, where a
 * Docker engine exists (skipped, not failed, without one). Nothing embedded starts here: the
 * service connection replaces it.
 */
@OrgraphIntegrationTest
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersNeo4jIT extends IntegrationTestSupport {

	@Container
	@ServiceConnection
	static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();

	@Test
	void shouldImportAndReadAgainstANeo4jServer() throws Exception {
		Imports.Answer answer = imports().files("dfid", "uk-organogram", Imports.organogram(Imports.DFID_MARCH));
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.counts()).containsEntry("positions", 75);
		this.graphQl.document("{ organization(key: \"dfid\") { position(key: \"B102\") { reportsTo { position { key } } } } }")
			.execute()
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("A21");
	}

}
