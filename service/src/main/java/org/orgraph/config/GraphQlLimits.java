package org.orgraph.config;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses GraphQL documents that ask for too much before they are validated or run, each
 * with a stable {@code extensions.code}, and stops fetching fields once a request has run
 * out of time. Spring Boot adds every {@code Instrumentation} bean to graphql-java.
 * <p>
 * A document seen before comes from {@link ParsedDocuments} without being validated again;
 * its shape is then measured just before the operation runs, because the weight depends on
 * this request's variables ({@code first: $n}).
 */
@Component
class GraphQlLimits extends SimplePerformantInstrumentation {

	/** A field asked for after the request's deadline; answered with code {@code TIMEOUT}. */
	static final class QueryTimeoutException extends RuntimeException {

		QueryTimeoutException(String message) {
			super(message);
		}

	}

	private final GraphQlLimitsProperties limits;

	private final Clock clock;

	@Autowired
	GraphQlLimits(GraphQlLimitsProperties limits) {
		this(limits, Clock.systemUTC());
	}

	GraphQlLimits(GraphQlLimitsProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/** One request: when it must end, and whether its document has been measured yet. */
	private static final class RequestState implements InstrumentationState {

		private final Instant at;

		private volatile boolean measured;

		RequestState(Instant at) {
			this.at = at;
		}

		Instant at() {
			return this.at;
		}

	}

	@Override
	public @Nullable CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new RequestState(this.clock.instant().plus(this.limits.timeout())));
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		refuseOrPass(parameters.getSchema(), parameters.getDocument(), parameters.getOperation(),
				parameters.getVariables(), state);
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		if (!(state instanceof RequestState request) || !request.measured) {
			ExecutionContext execution = parameters.getExecutionContext();
			refuseOrPass(execution.getGraphQLSchema(), execution.getDocument(),
					execution.getExecutionInput().getOperationName(), execution.getExecutionInput().getVariables(),
					state);
		}
		return SimpleInstrumentationContext.noOp();
	}

	private void refuseOrPass(GraphQLSchema schema, Document document, @Nullable String operation,
			Map<String, Object> variables, InstrumentationState state) {
		QueryShape.Measures measured = QueryShape.measure(schema, document, operation, variables,
				this.limits.defaultListSize(), this.limits.maxComplexity());
		List<GraphQLError> errors = refusals(measured);
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		if (state instanceof RequestState request) {
			request.measured = true;
		}
	}

	List<GraphQLError> refusals(QueryShape.Measures measured) {
		List<GraphQLError> errors = new ArrayList<>();
		refuse(errors, measured.depth(), this.limits.maxDepth(), "QUERY_TOO_DEEP", "the query nests %d levels deep, at most %d are allowed");
		// with introspection off, Spring refuses __schema and __type whatever their depth
		refuse(errors, measured.introspectionDepth(), this.limits.maxIntrospectionDepth(), "QUERY_TOO_DEEP",
				"the introspection query nests %d levels deep, at most %d are allowed");
		refuse(errors, measured.complexity(), this.limits.maxComplexity(), "QUERY_TOO_COMPLEX",
				"the query weighs more than %d (fields times list sizes), at most %d is allowed");
		refuse(errors, measured.aliases(), this.limits.maxAliases(), "TOO_MANY_ALIASES", "the query has %d aliases, at most %d are allowed");
		refuse(errors, measured.rootFields(), this.limits.maxRootFields(), "TOO_MANY_ROOT_FIELDS",
				"the operation asks for %d root fields, at most %d are allowed");
		refuse(errors, measured.directives(), this.limits.maxDirectives(), "TOO_MANY_DIRECTIVES",
				"a field carries %d directives, at most %d are allowed");
		return errors;
	}

	private static void refuse(List<GraphQLError> errors, long actual, long limit, String code, String message) {
		if (actual > limit) {
			errors.add(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message(message.formatted(code.equals("QUERY_TOO_COMPLEX") ? limit : actual, limit))
				.extensions(Map.of("code", code, "limit", limit))
				.build());
		}
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() || !(state instanceof RequestState request)) {
			return dataFetcher;
		}
		return env -> {
			if (this.clock.instant().isAfter(request.at())) {
				throw new QueryTimeoutException("the request ran longer than " + this.limits.timeout().toMillis()
						+ " ms; ask for less (a smaller first:, fewer fields)");
			}
			return dataFetcher.get(env);
		};
	}

}
