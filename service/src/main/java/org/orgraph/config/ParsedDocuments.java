package org.orgraph.config;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Keeps parsed and validated GraphQL documents by their text, so a client that sends the same
 * document with other variables (every BI tool, the pages, the benchmark) skips parsing and
 * validation, which otherwise take about a quarter of a small request's time. Only documents
 * that validated are kept; validation does not depend on variables. The shape limits do, so
 * {@link GraphQlLimits} measures a kept document again on every request.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/** Characters of document text kept in all (a parsed document takes a few times its text). */
	private static final long MAX_TEXT = 4_000_000;

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
		.maximumWeight(MAX_TEXT)
		.<String, PreparsedDocumentEntry>weigher((text, entry) -> text.length())
		.build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry kept = this.documents.getIfPresent(input.getQuery());
		if (kept != null) {
			return CompletableFuture.completedFuture(kept);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.documents.put(input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

}
