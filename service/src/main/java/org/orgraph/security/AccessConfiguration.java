package org.orgraph.security;

import org.orgraph.graph.AccessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.orgraph.graph.OrgraphProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * What a caller may see (organisations, names) and the start-up work: the admin token from
 * {@code ORGRAPH_ADMIN_TOKEN}, and the loud warning when reads are open. Also active for the
 * command line, where there is no caller and everything is visible.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class AccessConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

	@Bean
	TokenKey tokenKey(OrgraphProperties properties, @Value("${orgraph.token-key:}") String configured) {
		return TokenKey.load(configured, properties.dataDir());
	}

	@Bean
	AccessPolicy accessPolicy(TokenKey key) {
		return new AccessPolicy() {
			/**
			 * 64 bits of an HMAC under the server's key: stable for the same person, unrelated for
			 * neighbouring keys, collisions negligible (one in about 10^19 pairs), and not
			 * reversible by trying employee numbers without the key.
			 */
			@Override
			public String pseudonym(String organization, String personKey) {
				return "Person " + key.mac("pseudonym\u0000" + organization + "\u0000" + personKey)
					.substring(0, 16)
					.toUpperCase(java.util.Locale.ROOT);
			}

			@Override
			public boolean canRead(String organization) {
				return Callers.current().map(c -> c.canRead(organization)).orElse(true);
			}

			@Override
			public boolean canSeeNames() {
				return Callers.current().map(c -> c.role().includes(Role.ANALYST)).orElse(true);
			}
		};
	}

	@Bean
	@Order(-10)
	ApplicationRunner securityStartup(ApiTokens tokens, SecurityProperties properties, Environment environment) {
		return args -> {
			tokens.keyLegacyTokensOnce();
			if (environment.getProperty("orgraph.token-key", "").isBlank()
					&& !environment.getProperty("spring.neo4j.uri", "embedded").equals("embedded")) {
				log.warn("orgraph.token-key is not set: tokens are keyed with {} in this instance's data directory; "
						+ "every instance on this database must share one key", TokenKey.FILE);
			}
			String admin = environment.getProperty("orgraph.admin-token", environment.getProperty("ORGRAPH_ADMIN_TOKEN", ""));
			if (!admin.isBlank()) {
				tokens.bootstrapAdmin(admin.strip());
				log.info("Admin token from ORGRAPH_ADMIN_TOKEN is active");
			}
			if (properties.anonymousRole() != null) {
				log.warn("""

						**********************************************************************
						*  OPEN READS: requests without a token act as {}.
						*  This is the dev profile's setting, for local use with demo data.
						*  Never run it in front of real HR data (unset
						*  orgraph.security.anonymous-role, drop the dev profile).
						**********************************************************************""",
						properties.anonymousRole());
			}
			else if (admin.isBlank() && tokens.list().isEmpty()) {
				log.warn("No API token exists: set ORGRAPH_ADMIN_TOKEN to bootstrap an admin token");
			}
		};
	}

}
