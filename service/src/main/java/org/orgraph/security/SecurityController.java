package org.orgraph.security;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.jspecify.annotations.Nullable;
import org.orgraph.security.ApiTokens.CreatedToken;
import org.orgraph.security.ApiTokens.TokenInfo;
import org.orgraph.security.AuditTrail.AuditEvent;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Token management and the audit trail, for admins ({@link AccessRules}); an admin limited to
 * one organisation sees, creates, revokes and audits only inside it ({@link ApiTokens},
 * {@link AuditTrail}).
 */
@Controller
class SecurityController {

	private final ApiTokens tokens;

	private final AuditTrail audit;

	SecurityController(ApiTokens tokens, AuditTrail audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	record CreateTokenInput(String name, Role role, @Nullable String organization, @Nullable Integer expiresInDays) {
	}

	@QueryMapping
	List<TokenInfo> apiTokens() {
		return this.tokens.list();
	}

	@QueryMapping
	List<AuditEvent> auditTrail(@Argument @Nullable Integer last) {
		int limit = last == null ? 100 : last;
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("last must be between 1 and 1000, got " + limit);
		}
		return this.audit.latest(limit);
	}

	@MutationMapping
	CreatedToken createApiToken(@Argument CreateTokenInput input) {
		CreatedToken created = this.tokens.create(input.name(), input.role(), input.organization(),
				input.expiresInDays());
		this.audit.record(Callers.describeCurrent(), "token.create", input.organization(), null,
				"token " + created.info().id() + " (" + input.role()
						+ (created.info().expiresAt() == null ? "" : ", expires " + created.info().expiresAt()) + ")");
		return created;
	}

	/** A token may not outlive the token that creates it: refused with its own code, nothing created. */
	@GraphQlExceptionHandler
	GraphQLError outlivesCaller(ApiTokens.OutlivesCallerException ex, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.FORBIDDEN)
			.message(ex.getMessage())
			.extensions(Map.of("code", "TOKEN_OUTLIVES_CALLER"))
			.build();
	}

	@MutationMapping
	@Nullable TokenInfo revokeApiToken(@Argument String id) {
		TokenInfo revoked = this.tokens.revoke(id).orElse(null);
		if (revoked != null) {
			this.audit.record(Callers.describeCurrent(), "token.revoke", revoked.organization(), null, "token " + id);
		}
		return revoked;
	}

}
