package org.orgraph;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import graphql.GraphQLError;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Test helper: the stable code of a GraphQL error ({@code errors[i].extensions.code}), read
 * from a tester's response, from graphql-java's own errors, or from a raw JSON answer.
 */
public final class GraphQlErrors {

	private GraphQlErrors() {
	}

	/** Sends {@code request} and expects an error with {@code code} among the answer's errors. */
	public static void expectCode(GraphQlTester.Request<?> request, String code) {
		request.execute().errors().expect(withCode(code)).verify();
	}

	/** Matches an error whose code is {@code code}; combine with {@code and(…)} to check the message too. */
	public static Predicate<ResponseError> withCode(String code) {
		return error -> code.equals(code(error));
	}

	public static @Nullable Object code(ResponseError error) {
		return error.getExtensions().get("code");
	}

	public static @Nullable Object code(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		return extensions == null ? null : extensions.get("code");
	}

	/**
	 * The codes of a raw JSON answer's errors, in order: none when it has no errors, and
	 * {@code "null"} for an error without a code.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> codes(Map<String, Object> answer) {
		Object errors = answer.get("errors");
		if (errors == null) {
			return List.of();
		}
		return ((List<Map<String, Object>>) errors).stream()
			.map(error -> error.get("extensions") instanceof Map<?, ?> extensions ? String.valueOf(extensions.get("code"))
					: "null")
			.toList();
	}

}
