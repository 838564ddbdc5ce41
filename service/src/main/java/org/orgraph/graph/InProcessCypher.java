package org.orgraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Runs Cypher inside the embedded engine, in the service's own JVM: no Bolt, no Netty, no
 * packing and unpacking of every value. Rows come back as the driver's records, so the
 * features' mappers read both ways the same; errors come back as the driver's exceptions with
 * the engine's status code, as they would over Bolt.
 *
 * <p>Results may hold nodes, maps, lists and plain values (strings, numbers, booleans,
 * temporals); a query of ours returning anything else (relationships, paths, points) fails
 * loudly rather than being converted half-way. Nodes are read inside the transaction.
 */
final class InProcessCypher {

	private final GraphDatabaseService database;

	/** Tries a transaction again while it fails on a passing condition, as the driver's managed transactions do. */
	private final RetryTemplate retry;

	/**
	 * @param maxRetryTime how long transactions that fail on a passing condition (a deadlock
	 * between two writers) are tried again ({@code spring.neo4j.max-transaction-retry-time})
	 */
	InProcessCypher(GraphDatabaseService database, Duration maxRetryTime) {
		this.database = database;
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.predicate(InProcessCypher::retryable)
			.delay(Duration.ofMillis(50))
			.multiplier(2)
			.jitter(Duration.ofMillis(10))
			.maxDelay(Duration.ofSeconds(1))
			.maxRetries(Long.MAX_VALUE)
			.timeout(maxRetryTime)
			.build());
	}

	/**
	 * Runs a statement in one transaction, committed when {@code write}, and maps each row as it
	 * arrives. A transaction that fails on a transient condition is tried again, with growing,
	 * jittered waits, for up to the retry time; the mapper then sees the rows of the try that
	 * succeeded only.
	 */
	<T> List<T> run(String cypher, Map<String, ?> parameters, Duration timeout, boolean write, Function<Record, T> mapper) {
		return this.retry.invoke(() -> once(cypher, parameters, timeout, write, mapper));
	}

	/** As the driver decides: a transaction that was terminated, or whose lock client stopped, is not tried again. */
	private static boolean retryable(Throwable ex) {
		return ex instanceof TransientException t
				&& !t.code().equals("Neo.TransientError.Transaction.Terminated")
				&& !t.code().equals("Neo.TransientError.Transaction.LockClientStopped");
	}

	private <T> List<T> once(String cypher, Map<String, ?> parameters, Duration timeout, boolean write,
			Function<Record, T> mapper) {
		try (Transaction tx = this.database.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			List<T> mapped = new ArrayList<>();
			try (Result result = tx.execute(cypher, params(parameters))) {
				List<String> keys = result.columns();
				while (result.hasNext()) {
					mapped.add(mapper.apply(record(keys, result.next())));
				}
			}
			if (write) {
				tx.commit();
			}
			return mapped;
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	/**
	 * Runs a statement that manages its own transactions ({@code CALL … IN TRANSACTIONS}): the
	 * engine's implicit transaction, as Bolt's auto-commit gives it.
	 */
	void autoCommit(String cypher, Map<String, ?> parameters, Duration timeout) {
		try {
			this.database.executeTransactionally(cypher, params(parameters), result -> {
				result.accept(row -> true);
				return null;
			}, timeout);
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	static Record record(List<String> keys, Map<String, Object> row) {
		List<Value> values = new ArrayList<>(keys.size());
		for (String key : keys) {
			values.add(value(row.get(key)));
		}
		return new InternalRecord(keys, values);
	}

	static Value value(Object value) {
		return switch (value) {
			case null -> Values.NULL;
			case Node node -> node(node);
			case Map<?, ?> map -> {
				Map<String, Value> converted = new LinkedHashMap<>(map.size() * 2);
				map.forEach((k, v) -> converted.put((String) k, value(v)));
				yield Values.value(converted);
			}
			case List<?> list -> {
				List<Value> converted = new ArrayList<>(list.size());
				list.forEach(v -> converted.add(value(v)));
				yield Values.value(converted);
			}
			case org.neo4j.graphdb.Entity entity -> throw new IllegalArgumentException(
					"in-process results carry nodes, not " + entity.getClass().getSimpleName() + ": return its properties");
			default -> Values.value(value);
		};
	}

	@SuppressWarnings("removal")
	private static Value node(Node node) {
		List<String> labels = new ArrayList<>(2);
		for (Label label : node.getLabels()) {
			labels.add(label.name());
		}
		Map<String, Object> properties = node.getAllProperties();
		Map<String, Value> converted = new HashMap<>(properties.size() * 2);
		properties.forEach((k, v) -> converted.put(k, Values.value(v)));
		return new NodeValue(new InternalNode(node.getId(), node.getElementId(), labels, converted));
	}

	/** Parameters as the engine takes them: plain Java maps, lists and values, as our callers pass them. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> params(Map<String, ?> parameters) {
		return (Map<String, Object>) parameters;
	}

	/** The engine's failure as the driver would report it over Bolt, keeping its status code. */
	static RuntimeException translated(RuntimeException ex) {
		String code = switch (ex) {
			case QueryExecutionException q -> q.getStatusCode();
			case Status.HasStatus s -> s.status().code().serialize();
			default -> null;
		};
		if (code == null) {
			return ex;
		}
		String message = ex.getMessage() == null ? code : ex.getMessage();
		RuntimeException reported = code.startsWith("Neo.ClientError.") ? new ClientException(code, message)
				: code.startsWith("Neo.TransientError.") ? new TransientException(code, message)
						: new DatabaseException(code, message);
		// the driver's exceptions take no cause beside a code: the engine's trace stays for the log
		reported.addSuppressed(ex);
		return reported;
	}

}
