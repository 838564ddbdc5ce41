package org.orgraph;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The clients an {@link OrgraphIntegrationTest} talks to the running service with: HTTP and
 * GraphQL (both sending the admin token) and the test's own driver to the same database.
 */
public abstract class IntegrationTestSupport {

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected HttpGraphQlTester graphQl;

	@Autowired
	protected Driver driver;

	/** Imports through the real HTTP endpoint. */
	protected Imports imports() {
		return new Imports(this.http);
	}

}
