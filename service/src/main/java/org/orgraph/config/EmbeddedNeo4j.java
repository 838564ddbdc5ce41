package org.orgraph.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neo4j engine running inside the service's JVM. The service runs its queries on the
 * engine directly ({@code Graph}), and Bolt stays open on 127.0.0.1 for Neo4j Browser,
 * cypher-shell and the driver's own uses (schema, health).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService managementService;

	private final URI boltUri;

	private final GraphDatabaseService database;

	private EmbeddedNeo4j(DatabaseManagementService managementService, URI boltUri, GraphDatabaseService database) {
		this.managementService = managementService;
		this.boltUri = boltUri;
		this.database = database;
	}

	/**
	 * Opens (or creates) the store under {@code dataDir} and starts Bolt on 127.0.0.1.
	 */
	public static EmbeddedNeo4j start(Path dataDir, int boltPort, Duration transactionTimeout) {
		Path home = dataDir.toAbsolutePath().resolve("neo4j");
		long started = System.nanoTime();
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
			.setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout.multipliedBy(6))
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			.build();
		GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		int port = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		URI uri = URI.create("bolt://127.0.0.1:" + port);
		log.info("Embedded Neo4j started in {} ms, store {}, Bolt on {}", (System.nanoTime() - started) / 1_000_000,
				home, boltPort == 0 ? "a private loopback port" : uri);
		return new EmbeddedNeo4j(service, uri, db);
	}

	public URI boltUri() {
		return this.boltUri;
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
