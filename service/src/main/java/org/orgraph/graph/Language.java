package org.orgraph.graph;

import java.util.Locale;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The language explanations are written in: a field's {@code lang} argument ({@code zh},
 * {@code en}, {@code zh-CN}, …) when given, else the request's {@code Accept-Language}, else
 * English. Every explanation text the API returns exists in both.
 */
public enum Language {

	EN, ZH;

	static final String CONTEXT_KEY = "orgraph.acceptLanguage";

	/** {@code lang} when it names a language, else the request's Accept-Language. */
	public static Language of(@Nullable String lang, @Nullable GraphQLContext context) {
		if (lang != null && !lang.isBlank()) {
			return parse(lang);
		}
		String header = (context != null) ? context.get(CONTEXT_KEY) : null;
		return (header != null) ? parse(header) : EN;
	}

	/** The first language of a tag or an Accept-Language list that is Chinese or English. */
	static Language parse(String value) {
		for (String part : value.split(",")) {
			String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
			if (tag.startsWith("zh")) {
				return ZH;
			}
			if (tag.startsWith("en")) {
				return EN;
			}
		}
		return EN;
	}

	/** Copies the request's Accept-Language where resolvers can read it. */
	@Component
	static class AcceptLanguage implements WebGraphQlInterceptor {

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			String header = request.getHeaders().getFirst("Accept-Language");
			if (header != null && !header.isBlank() && header.length() <= 200) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(context -> context.put(CONTEXT_KEY, header))
					.build());
			}
			return chain.next(request);
		}

	}

}
