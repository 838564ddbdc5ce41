package org.orgraph.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.DatabaseUnreachableException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} → the token's {@link Caller}. A header with an
 * unknown or revoked token is refused at once (401), never treated as anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final @Nullable Role anonymousRole;

	BearerTokenFilter(ApiTokens tokens, @Nullable Role anonymousRole) {
		this.tokens = tokens;
		this.anonymousRole = anonymousRole;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Optional<Caller> caller = Optional.empty();
		if (header != null && java.util.Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
			// which one would count depends on the proxy in front: refuse rather than pick one
			SecurityErrors.write(response, 401, "UNAUTHENTICATED", "send exactly one Authorization header");
			return;
		}
		if (header != null) {
			if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				SecurityErrors.write(response, 401, "UNAUTHENTICATED", "use an Authorization: Bearer <token> header");
				return;
			}
			try {
				caller = this.tokens.authenticate(header.substring(7).strip());
			}
			catch (DatabaseUnreachableException ex) {
				// a token not seen lately is looked up in the database: without it, say so (not 500, not 401)
				response.setHeader(HttpHeaders.RETRY_AFTER, "5");
				SecurityErrors.write(response, 503, "DATABASE_UNAVAILABLE",
						"the database cannot be reached to check the token; try again shortly");
				return;
			}
			if (caller.isEmpty()) {
				SecurityErrors.write(response, 401, "UNAUTHENTICATED", "the token is unknown or revoked");
				return;
			}
		}
		else if (this.anonymousRole != null) {
			caller = Optional.of(Caller.anonymous(this.anonymousRole));
		}
		caller.ifPresent(c -> SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(c, null, c.role().authorities())));
		chain.doFilter(request, response);
	}

}
