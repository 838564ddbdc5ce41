package org.orgraph.config;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.RevisionNotFoundException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns the domain's exceptions into GraphQL errors with a stable {@code extensions.code}.
 * Anything unexpected keeps Spring's default: a generic message, details only in the log.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		String code = switch (ex) {
			case RevisionNotFoundException e -> "REVISION_NOT_FOUND";
			case OrgReader.PageSizeException e -> "PAGE_SIZE";
			case Connection.InvalidCursorException e -> "INVALID_CURSOR";
			case IllegalArgumentException e -> "BAD_ARGUMENT";
			default -> null;
		};
		if (code == null) {
			return null;
		}
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.equals("REVISION_NOT_FOUND") ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(Map.of("code", code))
			.build();
	}

}
