package org.orgraph;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.projection.Projections;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Deletes every node but the API tokens before a test class runs, so classes never see each other's data,
 * and drops the revision projections: the next class may write a revision under an id used before.
 */
public final class EmptyStore implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		Driver driver = application.getBean(Driver.class);
		// one statement a batch, each its own transaction: a store the load tests filled takes longer to
		// empty than the query timeout allows one statement, even one committing in batches inside
		try (Session session = driver.session()) {
			long deleted;
			do {
				deleted = session.run("MATCH (n) WHERE NOT n:ApiToken WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n")
					.single()
					.get("n")
					.asLong();
			}
			while (deleted > 0);
		}
		application.getBeanProvider(Projections.class).ifAvailable(Projections::clear);
	}

}
