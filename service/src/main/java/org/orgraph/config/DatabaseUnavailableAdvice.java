package org.orgraph.config;

import java.util.List;
import java.util.Map;

import org.orgraph.graph.DatabaseUnreachableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every REST endpoint (imports, exports, jobs) answers {@code 503 DATABASE_UNAVAILABLE} with
 * {@code Retry-After} while Neo4j cannot be reached, in the error shape the API uses, instead of
 * a 500. GraphQL says the same through {@code GraphQlErrors}, the token check through its filter.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

	@ExceptionHandler(DatabaseUnreachableException.class)
	ResponseEntity<Map<String, Object>> unavailable(DatabaseUnreachableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("code", "DATABASE_UNAVAILABLE", "message",
					"the database cannot be reached; try again shortly"))));
	}

}
