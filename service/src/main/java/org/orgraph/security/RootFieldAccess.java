package org.orgraph.security;

import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies {@link AccessRules#GRAPHQL} to every GraphQL root field, whichever controller
 * answers it: a field the caller's role does not reach, or one the table does not know, is
 * answered {@code FORBIDDEN} and its fetcher never runs. The caller travels in the GraphQL
 * context (put there on the request's thread), so the check does not depend on which thread
 * a fetcher runs on.
 */
@Component
class RootFieldAccess extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Callers.current().ifPresent(caller -> request
			.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.class, caller)).build()));
		return chain.next(request);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			@Nullable InstrumentationState state) {
		if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		return env -> {
			String type = ((GraphQLNamedType) env.getParentType()).getName();
			String field = env.getField().getName();
			if (field.startsWith("__")) {
				return dataFetcher.get(env);
			}
			Caller caller = env.getGraphQlContext().get(Caller.class);
			Role needed = AccessRules.rootField(type, field)
				.orElseThrow(() -> new AccessDeniedException(type + "." + field + " has no access rule"));
			if (caller == null || !caller.role().includes(needed)) {
				throw new AccessDeniedException(field + " needs the " + needed + " role");
			}
			return dataFetcher.get(env);
		};
	}

}
