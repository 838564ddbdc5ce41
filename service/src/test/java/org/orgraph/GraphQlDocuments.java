package org.orgraph;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Test helper: runs a GraphQL document kept as a file ({@code graphql-test/<name>.graphql}) by name. */
public final class GraphQlDocuments {

	private GraphQlDocuments() {
	}

	/**
	 * Runs document {@code name} with {@code variables} given as name, value, name, value, …;
	 * a null value is sent as null.
	 */
	public static GraphQlTester.Response execute(GraphQlTester graphQl, String name, @Nullable Object... variables) {
		if (variables.length % 2 != 0) {
			throw new IllegalArgumentException("variables come in name, value pairs");
		}
		GraphQlTester.Request<?> request = graphQl.documentName(name);
		for (int i = 0; i < variables.length; i += 2) {
			request = request.variable((String) variables[i], variables[i + 1]);
		}
		return request.execute();
	}

}
