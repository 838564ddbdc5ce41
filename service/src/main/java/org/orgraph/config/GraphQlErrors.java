package org.orgraph.config;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.ClientException;
import org.orgraph.graph.DatabaseUnreachableException;
import org.orgraph.graph.ErrorCoded;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns the domain's exceptions into GraphQL errors with a stable {@code extensions.code}.
 * Anything unexpected keeps Spring's default: a generic message, details only in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		String code = switch (ex) {
			case ErrorCoded e -> e.code();
			case IllegalArgumentException e -> "BAD_ARGUMENT";
			case org.springframework.security.access.AccessDeniedException e -> "FORBIDDEN";
			case GraphQlLimits.QueryTimeoutException e -> "TIMEOUT";
			case DatabaseUnreachableException e -> "DATABASE_UNAVAILABLE";
			case ClientException e when e.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut") -> "QUERY_TIMEOUT";
			default -> null;
		};
		if (code == null) {
			return null;
		}
		if (code.equals("DATABASE_UNAVAILABLE") || code.equals("QUERY_TIMEOUT")) {
			// the driver's message names hosts and ports: the client only needs to know to retry
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message(code.equals("QUERY_TIMEOUT") ? "the database query took longer than orgraph.query-timeout"
						: "the database cannot be reached; try again shortly")
				.extensions(Map.of("code", code))
				.build();
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		if (ex instanceof ErrorCoded coded) {
			extensions.putAll(coded.extensions());
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.endsWith("NOT_FOUND") ? ErrorType.NOT_FOUND
					: code.equals("FORBIDDEN") ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(extensions)
			.build();
	}

}
