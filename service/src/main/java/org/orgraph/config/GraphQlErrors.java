package org.orgraph.config;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.ClientException;
import org.orgraph.command.InvalidArgumentException;
import org.orgraph.command.KeyNotFoundException;
import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.DutySimilarity;
import org.orgraph.graph.Connection;
import org.orgraph.graph.DatabaseUnreachableException;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.RevisionNotFoundException;
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
			case RevisionNotFoundException e -> "REVISION_NOT_FOUND";
			case OrgReader.PageSizeException e -> "PAGE_SIZE";
			case OrgReader.SearchTooLongException e -> "SEARCH_TOO_LONG";
			case Connection.InvalidCursorException e -> "INVALID_CURSOR";
			case KeyNotFoundException e -> "NOT_FOUND";
			case InvalidArgumentException e -> "BAD_ARGUMENT";
			case DutySimilarity.TooManyPairsException e -> "TOO_MANY_OVERLAPS";
			case DutyAnalytics.AnalysisPendingException e -> "ANALYSIS_PENDING";
			case DutyAnalytics.AnalysisUnavailableException e -> "ANALYSIS_UNAVAILABLE";
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
		if (ex instanceof DutyAnalytics.AnalysisPendingException pending) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(ex.getMessage())
				.extensions(Map.of("code", code, "progress", Map.of("texts", pending.progress().texts(), "embedded",
						pending.progress().embedded())))
				.build();
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.endsWith("NOT_FOUND") ? ErrorType.NOT_FOUND
					: code.equals("FORBIDDEN") ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(Map.of("code", code))
			.build();
	}

}
