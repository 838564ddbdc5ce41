package org.orgraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
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
class TestcontainersNeo4jIT {

	@Container
	@ServiceConnection
	static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();

	@Autowired
	WebTestClient http;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void shouldImportAndReadAgainstANeo4jServer() throws Exception {
		Imports imports = new Imports(this.http);
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String part : List.of("senior", "junior")) {
			String name = "department_for_international_development-2013-03-31-" + part + ".csv";
			files.put(name, new ClassPathResource("uk-organograms/" + name).getContentAsByteArray());
		}
		Imports.Answer answer = imports.files("dfid", "uk-organogram", files);
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.counts()).containsEntry("positions", 75);
		this.graphQl.document("{ organization(key: \"dfid\") { position(key: \"B102\") { reportsTo { position { key } } } } }")
			.execute()
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("A21");
	}

}
