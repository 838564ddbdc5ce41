package org.orgraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the named Cypher files: reads in read transactions with the configured timeout, writes
 * in write transactions. Every statement is parameterised. With Neo4j embedded the statements
 * run on the engine in this JVM ({@link InProcessCypher}); against an external database,
 * through the driver over Bolt. Mappers see the driver's records either way.
 */
@Component
public class Graph {

	/** Time for the server's own timeout error to arrive before the caller stops waiting. */
	private static final Duration DEADLINE_GRACE = Duration.ofSeconds(2);

	private final Driver driver;

	private final CypherQueries queries;

	private final TransactionConfig readConfig;

	private final TransactionConfig writeConfig;

	private final Duration readDeadline;

	private final Duration writeDeadline;

	/** Each database call waits here, so the caller's thread can give up on a connection that went silent. */
	private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("graph-", 0).factory());

	/** The embedded engine, when there is one: queries skip Bolt. */
	private final @Nullable InProcessCypher inProcess;

	private final Duration readTimeout;

	private final Duration writeTimeout;

	public Graph(Driver driver, CypherQueries queries, OrgraphProperties properties, GraphSchema schema,
			ObjectProvider<EmbeddedNeo4j> embedded,
			@Value("${spring.neo4j.max-transaction-retry-time:30s}") Duration maxRetryTime) {
		this.driver = driver;
		this.queries = queries;
		EmbeddedNeo4j engine = embedded.getIfAvailable();
		this.inProcess = engine == null ? null : new InProcessCypher(engine.database(), maxRetryTime);
		this.readTimeout = properties.queryTimeout();
		this.readConfig = TransactionConfig.builder().withTimeout(properties.queryTimeout()).build();
		Duration writeTimeout = properties.queryTimeout().multipliedBy(6).plus(Duration.ofSeconds(30));
		this.writeTimeout = writeTimeout;
		this.writeConfig = TransactionConfig.builder().withTimeout(writeTimeout).build();
		// the server ends a slow transaction itself; these only fire when it cannot be heard at all
		this.readDeadline = properties.queryTimeout().plus(DEADLINE_GRACE);
		this.writeDeadline = writeTimeout.plus(DEADLINE_GRACE);
	}

	/** Runs a read query and maps each record. */
	public <T> List<T> read(String query, Map<String, ?> given, Function<Record, T> mapper) {
		Map<String, ?> parameters = bound(given);
		String cypher = this.queries.get(query);
		if (this.inProcess != null) {
			return this.inProcess.run(cypher, parameters, this.readTimeout, false, mapper);
		}
		List<Record> records = withDeadline(this.readDeadline, () -> {
			try (Session session = this.driver.session()) {
				return session.executeRead(tx -> tx.run(cypher, params(parameters)).list(), this.readConfig);
			}
		});
		// mapped on the caller's thread: mappers may consult the caller (security context)
		return mapped(records, mapper);
	}

	/**
	 * Like {@link #read}, for answers of millions of rows: each record is mapped as it arrives
	 * and let go of, so no list of records is held beside the mapped ones. Over Bolt that is on
	 * the driver's thread, so the mapper must not consult the caller (its security context is
	 * not there).
	 */
	public <T> List<T> readEach(String query, Map<String, ?> given, Function<Record, T> mapper) {
		Map<String, ?> parameters = bound(given);
		String cypher = this.queries.get(query);
		if (this.inProcess != null) {
			return this.inProcess.run(cypher, parameters, this.readTimeout, false, mapper);
		}
		return withDeadline(this.readDeadline, () -> {
			try (Session session = this.driver.session()) {
				return session.executeRead(tx -> {
					List<T> mapped = new ArrayList<>();
					Result result = tx.run(cypher, params(parameters));
					while (result.hasNext()) {
						mapped.add(mapper.apply(result.next()));
					}
					return mapped;
				}, this.readConfig);
			}
		});
	}

	/** Runs a write query in its own transaction and maps each record. */
	public <T> List<T> write(String query, Map<String, ?> given, Function<Record, T> mapper) {
		Map<String, ?> parameters = bound(given);
		String cypher = this.queries.get(query);
		if (this.inProcess != null) {
			return this.inProcess.run(cypher, parameters, this.writeTimeout, true, mapper);
		}
		List<Record> records = withDeadline(this.writeDeadline, () -> {
			try (Session session = this.driver.session()) {
				return session.executeWrite(tx -> tx.run(cypher, params(parameters)).list(), this.writeConfig);
			}
		});
		return mapped(records, mapper);
	}

	/** Runs a write query in its own transaction. */
	public void write(String query, Map<String, ?> parameters) {
		write(query, parameters, r -> r);
	}

	/**
	 * Runs a statement that manages its own transactions ({@code CALL … IN TRANSACTIONS}),
	 * which must go through an auto-commit transaction.
	 */
	public void autoCommit(String query, Map<String, ?> given) {
		Map<String, ?> parameters = bound(given);
		String cypher = this.queries.get(query);
		if (this.inProcess != null) {
			this.inProcess.autoCommit(cypher, parameters, this.writeTimeout);
			return;
		}
		withDeadline(this.writeDeadline, () -> {
			try (Session session = this.driver.session()) {
				return session.run(cypher, params(parameters), this.writeConfig).consume();
			}
		});
	}

	private static <T> List<T> mapped(List<Record> records, Function<Record, T> mapper) {
		List<T> mapped = new ArrayList<>(records.size());
		records.forEach(r -> mapped.add(mapper.apply(r)));
		return mapped;
	}

	/**
	 * Over Bolt, the driver has no read timeout: if the connection stalls (a half-open TCP connection, a
	 * hung proxy) a call would wait for ever. The call runs on its own virtual thread and the
	 * caller stops waiting at the deadline; the abandoned call ends when the connection does.
	 */
	private <T> T withDeadline(Duration deadline, Callable<T> call) {
		Future<T> result = this.calls.submit(call);
		try {
			return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new DatabaseUnreachableException("no answer from the database within " + deadline.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ServiceUnavailableException || ex.getCause() instanceof SessionExpiredException) {
				throw new DatabaseUnreachableException("the database cannot be reached: " + ex.getCause().getMessage(),
						ex.getCause());
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			throw new DatabaseUnreachableException("interrupted while waiting for the database");
		}
	}

	/** A {@link Revision} parameter binds as its id, the {@code rev} property of the revision's nodes. */
	private static Map<String, ?> bound(Map<String, ?> parameters) {
		if (parameters.values().stream().noneMatch(Revision.class::isInstance)) {
			return parameters;
		}
		Map<String, Object> bound = new HashMap<>();
		parameters.forEach((name, value) -> bound.put(name, (value instanceof Revision r) ? r.id() : value));
		return bound;
	}

	private static Map<String, Object> params(Map<String, ?> parameters) {
		return new HashMap<>(parameters);
	}

	public Driver driver() {
		return this.driver;
	}

}
