package org.orgraph.config;

import org.orgraph.graph.OrgraphProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Publishes the limits {@link GraphQlLimits} enforces, so a client (the org chart page, a
 * notebook) can size its batches to them rather than learn them from refusals.
 */
@Controller
class GraphQlLimitsController {

	/** The answer to {@code graphqlLimits}: the configured limits, in the schema's units. */
	record Limits(int maxDepth, int maxIntrospectionDepth, boolean introspection, int maxComplexity,
			int defaultListSize, int maxAliases, int maxRootFields, int maxDirectives, int maxRequestBytes,
			int timeoutMillis, int maxPageSize) {
	}

	private final Limits limits;

	GraphQlLimitsController(GraphQlLimitsProperties graphQl, OrgraphProperties orgraph) {
		this.limits = new Limits(graphQl.maxDepth(), graphQl.maxIntrospectionDepth(), graphQl.introspection(),
				graphQl.maxComplexity(), graphQl.defaultListSize(), graphQl.maxAliases(), graphQl.maxRootFields(),
				graphQl.maxDirectives(), Math.toIntExact(graphQl.maxRequestSize().toBytes()),
				Math.toIntExact(graphQl.timeout().toMillis()),
				orgraph.maxPageSize());
	}

	@QueryMapping
	Limits graphqlLimits() {
		return this.limits;
	}

}
