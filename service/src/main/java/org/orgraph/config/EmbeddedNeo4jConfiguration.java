package org.orgraph.config;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
	EmbeddedNeo4j embeddedNeo4j(OrgraphProperties properties) {
		return EmbeddedNeo4j.start(properties.dataDir(), properties.boltPort(), properties.queryTimeout());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return neo4j.boltUri();
			}

			@Override
			public AuthToken getAuthToken() {
				return AuthTokens.none();
			}
		};
	}

}
