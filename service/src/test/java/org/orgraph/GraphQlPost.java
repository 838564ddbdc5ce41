package org.orgraph;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: a GraphQL request as plain JSON over HTTP, for tests that look at the raw answer. */
public final class GraphQlPost {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private GraphQlPost() {
	}

	/** POSTs {@code query} with {@code variables} to {@code /graphql}; the answer must be {@code 200}. */
	public static Map<String, Object> answer(WebTestClient http, String query, Map<String, Object> variables) {
		Map<String, Object> body = http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

}
