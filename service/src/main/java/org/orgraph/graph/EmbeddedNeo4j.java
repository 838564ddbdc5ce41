package org.orgraph.graph;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neo4j engine running inside the service's JVM. The service runs its queries, schema and
 * health check on the engine directly ({@code Graph}), so Bolt is off unless a port is asked
 * for (Neo4j Browser, cypher-shell, a second instance); then it listens on 127.0.0.1 only and
 * requires Neo4j's own authentication: user {@code neo4j} with the configured password, or
 * one generated the first time Bolt is turned on and printed once.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	/** The Bolt user; its password is {@code orgraph.bolt-password} or generated. */
	public static final String BOLT_USER = "neo4j";

	/** Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}). */
	private static final int MIN_PASSWORD_LENGTH = 8;

	private final DatabaseManagementService managementService;

	private final @Nullable URI boltUri;

	private final @Nullable String boltPassword;

	private final GraphDatabaseService database;

	private EmbeddedNeo4j(DatabaseManagementService managementService, @Nullable URI boltUri,
			@Nullable String boltPassword, GraphDatabaseService database) {
		this.managementService = managementService;
		this.boltUri = boltUri;
		this.boltPassword = boltPassword;
		this.database = database;
	}

	/** Opens (or creates) the store under {@code dataDir} without Bolt. */
	public static EmbeddedNeo4j start(Path dataDir, Duration transactionTimeout) {
		return start(dataDir, null, null, transactionTimeout);
	}

	/**
	 * Opens (or creates) the store under {@code dataDir}; with a {@code boltPort} (0: any free
	 * one) Bolt listens on 127.0.0.1 and requires user {@value #BOLT_USER} with
	 * {@code boltPassword}, or, when that is null, the password set before or one generated now
	 * and printed once.
	 */
	public static EmbeddedNeo4j start(Path dataDir, @Nullable Integer boltPort, @Nullable String boltPassword,
			Duration transactionTimeout) {
		if (boltPassword != null && boltPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException("orgraph.bolt-password must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		Path home = dataDir.toAbsolutePath().resolve("neo4j");
		long started = System.nanoTime();
		boolean bolt = boltPort != null;
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, bolt)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout.multipliedBy(6))
			.setConfig(GraphDatabaseSettings.udc_enabled, false);
		if (bolt) {
			builder.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
				.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort));
		}
		DatabaseManagementService service = builder.build();
		GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		if (!bolt) {
			log.info("Embedded Neo4j started in {} ms, store {}, Bolt off", (System.nanoTime() - started) / 1_000_000,
					home);
			return new EmbeddedNeo4j(service, null, null, db);
		}
		String password = boltPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), boltPassword);
		int port = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		URI uri = URI.create("bolt://127.0.0.1:" + port);
		log.info("Embedded Neo4j started in {} ms, store {}, Bolt on {} (user {}, password required)",
				(System.nanoTime() - started) / 1_000_000, home, boltPort == 0 ? "a private loopback port" : uri, BOLT_USER);
		return new EmbeddedNeo4j(service, uri, password, db);
	}

	/**
	 * Sets the Bolt user's password: the configured one (every start, so changing it re-keys),
	 * else a generated one the first time (Neo4j's initial password still needs changing), printed
	 * once. Null when the password was generated on an earlier start and is not configured.
	 */
	private static @Nullable String boltPassword(GraphDatabaseService system, @Nullable String configured) {
		String alter = "ALTER USER " + BOLT_USER + " SET PASSWORD $password CHANGE NOT REQUIRED";
		if (configured != null) {
			try {
				system.executeTransactionally(alter, Map.of("password", configured));
			}
			catch (QueryExecutionException ex) {
				// Neo4j refuses to "change" a password to itself: then it is already the configured one
				if (!String.valueOf(ex.getMessage()).contains("cannot be the same")) {
					throw ex;
				}
			}
			return configured;
		}
		boolean initial = system.executeTransactionally(
				"SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user RETURN passwordChangeRequired",
				Map.of("user", BOLT_USER), r -> r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired")));
		if (!initial) {
			log.info("Bolt requires the password printed when Bolt was first turned on (or set orgraph.bolt-password)");
			return null;
		}
		byte[] secret = new byte[18];
		new SecureRandom().nextBytes(secret);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		system.executeTransactionally(alter, Map.of("password", generated));
		log.warn("""

				**********************************************************************
				*  Embedded Bolt is on and requires a password. Generated now and
				*  shown only this once:  user {}  password {}
				*  Store it, or set orgraph.bolt-password (env ORGRAPH_BOLT_PASSWORD).
				**********************************************************************""", BOLT_USER, generated);
		return generated;
	}

	/** Where Bolt listens; null when it is off. */
	public @Nullable URI boltUri() {
		return this.boltUri;
	}

	/** The Bolt password when this process knows it (configured, or generated at this start). */
	public @Nullable String boltPassword() {
		return this.boltPassword;
	}

	/** The engine itself, for running queries in-process (no Bolt). */
	public GraphDatabaseService database() {
		return this.database;
	}

	@Override
	public void close() {
		log.info("Stopping embedded Neo4j");
		this.managementService.shutdown();
	}

}
