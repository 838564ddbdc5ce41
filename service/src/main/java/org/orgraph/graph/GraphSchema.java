package org.orgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.beans.factory.ObjectProvider;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/*.cypher} (constraints, indexes, full-text) in file order at
 * start-up. Every statement says {@code IF NOT EXISTS}, so applying twice changes nothing.
 * {@link Graph} depends on this bean, so no query runs on an unmigrated database.
 */
@Component
class GraphSchema implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

	private final Driver driver;

	private final @Nullable EmbeddedNeo4j embedded;

	public GraphSchema(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded) {
		this.driver = driver;
		this.embedded = embedded.getIfAvailable();
	}

	@Override
	public void afterPropertiesSet() {
		List<String> statements = statements();
		if (this.embedded != null) {
			// in-process, as every other query: embedded Bolt is off unless asked for
			GraphDatabaseService database = this.embedded.database();
			statements.forEach(database::executeTransactionally);
			database.executeTransactionally("CALL db.awaitIndexes(300)");
		}
		else {
			try (Session session = this.driver.session()) {
				for (String statement : statements) {
					session.run(statement).consume();
				}
				session.run("CALL db.awaitIndexes(300)").consume();
			}
		}
		log.info("Graph schema applied ({} statements)", statements.size());
	}

	/** Every schema statement, in file order then statement order. */
	public static List<String> statements() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/schema/*.cypher");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			return Arrays.stream(files).flatMap(file -> split(read(file)).stream()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Resource file) {
		try {
			return file.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> split(String file) {
		String withoutComments = file.lines()
			.filter(line -> !line.strip().startsWith("//"))
			.reduce("", (a, b) -> a + b + "\n");
		return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
