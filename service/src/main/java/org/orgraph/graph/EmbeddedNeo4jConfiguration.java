package org.orgraph.graph;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Starts Neo4j in-process unless an external database is configured ({@code spring.neo4j.uri})
 * or supplied by a service connection (Testcontainers).
 */
@AutoConfiguration(before = Neo4jAutoConfiguration.class)
@ConditionalOnProperty(prefix = "spring.neo4j", name = "uri", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
@EnableConfigurationProperties(OrgraphProperties.class)
public class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(OrgraphProperties properties,
			@Value("${orgraph.bolt-password:}") String boltPassword) {
		return EmbeddedNeo4j.start(properties.dataDir(), properties.boltPort(),
				boltPassword.isBlank() ? null : boltPassword, properties.queryTimeout());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
		return new Neo4jConnectionDetails() {
			// without Bolt nothing in the service uses the driver (queries, schema and health run
			// in-process); its address then leads nowhere, so a stray use fails instead of connecting
			@Override
			public URI getUri() {
				URI bolt = neo4j.boltUri();
				return bolt != null ? bolt : URI.create("bolt://127.0.0.1:0");
			}

			@Override
			public AuthToken getAuthToken() {
				String password = neo4j.boltPassword();
				return password != null ? AuthTokens.basic(EmbeddedNeo4j.BOLT_USER, password) : AuthTokens.none();
			}
		};
	}

}
