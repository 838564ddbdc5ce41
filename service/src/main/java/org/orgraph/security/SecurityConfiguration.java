package org.orgraph.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * No data without a token: health, the GraphiQL page and the web pages' static files are open
 * (they hold no data); GraphQL and exports need a viewer, imports an editor. GraphQL fields
 * that write check their role with {@code @PreAuthorize}. Tokens, not cookies, so there is no
 * session and no CSRF to forge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SecurityProperties properties) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, properties.anonymousRole()), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
				// /_static/** is where mvnpm jars (ECharts) put their files, as WebJars use /webjars/**
				.requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/graphiql", "/graphiql/**",
						"/webjars/**", "/_static/**", "/ui/**", "/css/**", "/js/**", "/assets/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/documents.html", "/documents/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/orgs/*/imports").hasRole(Role.EDITOR.name())
				.requestMatchers("/api/v1/imports/**").hasRole(Role.EDITOR.name())
				// reading a document writes nothing: analysts may try it
				.requestMatchers(HttpMethod.POST, "/api/v1/documents/extract").hasRole(Role.ANALYST.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/orgs/*/exports/**").hasRole(Role.VIEWER.name())
				.requestMatchers("/graphql").hasRole(Role.VIEWER.name())
				.anyRequest().hasRole(Role.ADMIN.name()))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> SecurityErrors.write(response, 401,
						"UNAUTHENTICATED", "send Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> SecurityErrors.write(response, 403, "FORBIDDEN",
						"this token's role may not do that")));
		return http.build();
	}

}
