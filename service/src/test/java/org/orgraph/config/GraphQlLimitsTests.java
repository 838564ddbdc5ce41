package org.orgraph.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits inside graphql-java: refused documents run nothing; a late field is not fetched. */
class GraphQlLimitsTests {

	private final MovableClock clock = new MovableClock();

	private final AtomicInteger fetches = new AtomicInteger();

	private final GraphQL graphQl = GraphQL.newGraphQL(schema())
		.instrumentation(new GraphQlLimits(QueryShapeTests.DEFAULTS, this.clock))
		.build();

	private GraphQLSchema schema() {
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", t -> t.dataFetcher("slow", env -> {
				this.fetches.incrementAndGet();
				this.clock.advance(QueryShapeTests.DEFAULTS.timeout().plusSeconds(1));
				return "slow";
			}).dataFetcher("fast", env -> {
				this.fetches.incrementAndGet();
				return "fast";
			}).dataFetcher("node", env -> {
				this.fetches.incrementAndGet();
				return "n";
			}).dataFetcher("nodes", env -> {
				this.fetches.incrementAndGet();
				return List.of("n");
			}))
			.type("Node", t -> t.dataFetcher("next", env -> "n").dataFetcher("name", env -> "name"))
			.build();
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
				type Query { slow: String fast: String node: Node nodes(first: Int): [Node] }
				type Node { name: String next: Node }
				"""), wiring);
	}

	@Test
	void shouldNotFetchAFieldAfterTheDeadline() {
		ExecutionResult result = this.graphQl.execute("{ slow fast }");

		assertThat(result.<java.util.Map<String, Object>>getData()).containsEntry("slow", "slow").containsEntry("fast", null);
		assertThat(result.getErrors()).singleElement()
			.satisfies(e -> assertThat(((ExceptionWhileDataFetching) e).getException())
				.isInstanceOf(GraphQlLimits.QueryTimeoutException.class))
			.satisfies(e -> assertThat(e.getPath()).containsExactly("fast"));
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void shouldFetchEverythingWithinTheDeadline() {
		ExecutionResult result = this.graphQl.execute("{ fast node { name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void shouldRefuseADeepDocumentBeforeFetchingAnything() {
		ExecutionResult result = this.graphQl
			.execute("{ fast node { " + "next { ".repeat(12) + "name" + " }".repeat(12) + " } }");

		assertThat(result.isDataPresent()).isFalse();
		assertThat(result.getErrors()).singleElement()
			.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_DEEP"));
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void shouldMeasureAKeptDocumentAgainWithEachRequestsVariables() {
		GraphQL keeping = GraphQL.newGraphQL(schema())
			.instrumentation(new GraphQlLimits(QueryShapeTests.DEFAULTS, this.clock))
			.preparsedDocumentProvider(new ParsedDocuments())
			.build();
		String document = "query($n: Int) { nodes(first: $n) { name next { name } } }";

		assertThat(keeping.execute(withFirst(document, 5)).getErrors()).isEmpty();
		ExecutionResult heavy = keeping.execute(withFirst(document, 1_000_000));

		assertThat(heavy.isDataPresent()).isFalse();
		assertThat(heavy.getErrors()).singleElement()
			.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX"));
		assertThat(this.fetches).as("only the first request fetched").hasValue(1);
	}

	private static ExecutionInput withFirst(String document, int first) {
		return ExecutionInput.newExecutionInput(document).variables(Map.of("n", first)).build();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T00:00:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
