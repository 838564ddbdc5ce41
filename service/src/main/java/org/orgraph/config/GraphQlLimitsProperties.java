package org.orgraph.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one GraphQL request may ask for ({@code orgraph.graphql.*}). The defaults are
 * derived from the largest legitimate documents; {@code docs/security.md} lists how.
 *
 * @param introspection answer {@code __schema} and {@code __type} (GraphiQL's docs explorer needs it)
 * @param maxDepth the deepest field nesting, fragments expanded; a root field is depth 1
 * @param maxIntrospectionDepth the deepest nesting under {@code __schema} and {@code __type}, held
 * apart from {@code maxDepth} because those selections read only the schema and GraphiQL's own
 * introspection query (graphql-js's, which most tools send) nests 13 levels: a type reference
 * unwrapped seven times
 * @param maxComplexity fields counted once each, a list field's selection multiplied by its
 * {@code first} (or {@code defaultListSize})
 * @param defaultListSize what a list without {@code first} is assumed to hold when weighing a query
 * @param maxAliases aliased fields in one operation, fragments expanded
 * @param maxRootFields fields at the top of one operation
 * @param maxDirectives directives on one field, fragment spread or inline fragment
 * @param maxRequestSize the largest body {@code POST /graphql} reads
 * @param timeout how long one request may run; no field is fetched after it
 */
@ConfigurationProperties("orgraph.graphql")
public record GraphQlLimitsProperties(
		@DefaultValue("false") boolean introspection,
		@DefaultValue("12") int maxDepth,
		@DefaultValue("14") int maxIntrospectionDepth,
		@DefaultValue("10000") int maxComplexity,
		@DefaultValue("5") int defaultListSize,
		@DefaultValue("30") int maxAliases,
		@DefaultValue("10") int maxRootFields,
		@DefaultValue("4") int maxDirectives,
		@DefaultValue("256KB") DataSize maxRequestSize,
		@DefaultValue("10s") Duration timeout) {
}
