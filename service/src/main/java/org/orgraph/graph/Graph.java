package org.orgraph.graph;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.orgraph.config.OrgraphProperties;
import org.springframework.stereotype.Component;

/**
 * Runs the named Cypher files through the driver: reads in read transactions with the
 * configured timeout, writes in write transactions. Every statement is parameterised.
 */
@Component
public class Graph {

	private final Driver driver;

	private final CypherQueries queries;

	private final TransactionConfig readConfig;

	private final TransactionConfig writeConfig;

	public Graph(Driver driver, CypherQueries queries, OrgraphProperties properties, GraphSchema schema) {
		this.driver = driver;
		this.queries = queries;
		this.readConfig = TransactionConfig.builder().withTimeout(properties.queryTimeout()).build();
		this.writeConfig = TransactionConfig.builder()
			.withTimeout(properties.queryTimeout().multipliedBy(6).plus(Duration.ofSeconds(30)))
			.build();
	}

	/** Runs a read query and maps each record. */
	public <T> List<T> read(String query, Map<String, ?> parameters, Function<Record, T> mapper) {
		String cypher = this.queries.get(query);
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params(parameters)).list(mapper::apply),
					this.readConfig);
		}
	}

	/** Runs a write query in its own transaction and maps each record. */
	public <T> List<T> write(String query, Map<String, ?> parameters, Function<Record, T> mapper) {
		String cypher = this.queries.get(query);
		try (Session session = this.driver.session()) {
			return session.executeWrite(tx -> tx.run(cypher, params(parameters)).list(mapper::apply),
					this.writeConfig);
		}
	}

	/** Runs a write query in its own transaction. */
	public void write(String query, Map<String, ?> parameters) {
		write(query, parameters, r -> r);
	}

	/**
	 * Runs a statement that manages its own transactions ({@code CALL … IN TRANSACTIONS}),
	 * which must go through an auto-commit transaction.
	 */
	public void autoCommit(String query, Map<String, ?> parameters) {
		String cypher = this.queries.get(query);
		try (Session session = this.driver.session()) {
			session.run(cypher, params(parameters), this.writeConfig).consume();
		}
	}

	private static Map<String, Object> params(Map<String, ?> parameters) {
		return new HashMap<>(parameters);
	}

	public Driver driver() {
		return this.driver;
	}

}
