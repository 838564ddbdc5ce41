package org.orgraph.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * No data without a token: health, the GraphiQL page and the web pages' static files are open
 * (they hold no data); GraphQL and exports need a viewer, imports an editor, as
 * {@link AccessRules} lists them; GraphQL root fields are checked against the same table by
 * {@link RootFieldAccess}. Tokens, not cookies, so there is no session and no CSRF to forge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * The pages load everything from this server (GraphiQL, React, ECharts and Cytoscape come
	 * from jars), so scripts, connections and everything else are limited to it; no inline or
	 * injected script runs. Inline styles stay allowed: GraphiQL's page and ECharts' tooltips
	 * set them, and a style cannot run code.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SecurityProperties properties) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.requestCache(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.addFilterBefore(new BearerTokenFilter(tokens, properties.anonymousRole()), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> {
				for (AccessRules.Endpoint endpoint : AccessRules.HTTP) {
					var matcher = endpoint.method() == null ? auth.requestMatchers(endpoint.pattern())
							: auth.requestMatchers(endpoint.method(), endpoint.pattern());
					if (endpoint.role() == null) {
						matcher.permitAll();
					}
					else {
						matcher.hasRole(endpoint.role().name());
					}
				}
				auth.anyRequest().hasRole(Role.ADMIN.name());
			})
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> SecurityErrors.write(response, 401,
						"UNAUTHENTICATED", "send Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> SecurityErrors.write(response, 403, "FORBIDDEN",
						"this token's role may not do that")));
		return http.build();
	}

}
