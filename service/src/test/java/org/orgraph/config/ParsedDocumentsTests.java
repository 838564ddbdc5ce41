package org.orgraph.config;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A document is parsed and validated once; one that failed is tried again every time. */
class ParsedDocumentsTests {

	private final ParsedDocuments documents = new ParsedDocuments();

	private final AtomicInteger parsed = new AtomicInteger();

	@Test
	void shouldParseAndValidateAValidDocumentOnce() {
		Function<ExecutionInput, PreparsedDocumentEntry> valid = input -> {
			this.parsed.incrementAndGet();
			return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
		};
		PreparsedDocumentEntry first = this.documents.getDocumentAsync(input("{ organizations { key } }"), valid).join();
		PreparsedDocumentEntry second = this.documents.getDocumentAsync(input("{ organizations { key } }"), valid).join();

		assertThat(second).isSameAs(first);
		assertThat(this.parsed).hasValue(1);
	}

	@Test
	void shouldNotKeepADocumentThatFailedValidation() {
		Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
			this.parsed.incrementAndGet();
			return new PreparsedDocumentEntry(ValidationError.newValidationError()
				.validationErrorType(ValidationErrorType.FieldUndefined)
				.description("no such field")
				.build());
		};
		this.documents.getDocumentAsync(input("{ salaries }"), invalid).join();
		PreparsedDocumentEntry again = this.documents.getDocumentAsync(input("{ salaries }"), invalid).join();

		assertThat(again.hasErrors()).isTrue();
		assertThat(this.parsed).hasValue(2);
	}

	private static ExecutionInput input(String document) {
		return ExecutionInput.newExecutionInput(document).build();
	}

}
