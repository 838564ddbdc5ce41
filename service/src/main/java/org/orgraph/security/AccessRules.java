package org.orgraph.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revisions;
import org.springframework.http.HttpMethod;

/**
 * The one table of who may call what: every GraphQL root field and every HTTP endpoint with
 * the least role it needs. GraphQL root fields are checked by {@link RootFieldAccess}, HTTP
 * paths by {@link SecurityConfiguration}; both read this table, and a root field missing from
 * it is refused to everyone (a new field needs a line here, and {@code AccessMatrixIT} a row).
 * <p>
 * The role is half of the rule. The other half, a token limited to one organisation, is
 * applied where the organisation is resolved: {@code Revisions.organization} for reads (the
 * others do not exist), {@code ImportService} for writes and import jobs, {@link ApiTokens}
 * and {@link AuditTrail} for tokens and the audit trail.
 */
final class AccessRules {

	private AccessRules() {
	}

	/** {@code Query.field} or {@code Mutation.field} → the least role. */
	static final Map<String, Role> GRAPHQL = Map.ofEntries(
			Map.entry("Query.organizations", Role.VIEWER),
			Map.entry("Query.organization", Role.VIEWER),
			Map.entry("Query.dutyOverlaps", Role.VIEWER),
			Map.entry("Query.orphanedDuties", Role.VIEWER),
			Map.entry("Query.dutyGaps", Role.VIEWER),
			Map.entry("Query.compareRevisions", Role.VIEWER),
			Map.entry("Query.vacancies", Role.VIEWER),
			Map.entry("Query.orgMetrics", Role.VIEWER),
			Map.entry("Query.unitMetrics", Role.VIEWER),
			Map.entry("Query.chainOfCommand", Role.VIEWER),
			Map.entry("Query.commonSuperior", Role.VIEWER),
			Map.entry("Query.reports", Role.VIEWER),
			Map.entry("Query.reportingAnomalies", Role.VIEWER),
			Map.entry("Query.dutyThemes", Role.VIEWER),
			Map.entry("Query.orphanedDutiesPage", Role.VIEWER),
			Map.entry("Query.orphanFindings", Role.VIEWER),
			// what one request may ask for: no data, any caller with a token
			Map.entry("Query.graphqlLimits", Role.VIEWER),
			// a consultant's verdict on an overlap is a write
			Map.entry("Mutation.reviewOverlap", Role.EDITOR),
			// a job names the files and the token that ran it: as REST's /api/v1/imports/{id}
			Map.entry("Query.importJob", Role.EDITOR),
			Map.entry("Mutation.importOrganization", Role.EDITOR),
			Map.entry("Mutation.editOrganization", Role.EDITOR),
			Map.entry("Query.apiTokens", Role.ADMIN),
			Map.entry("Query.auditTrail", Role.ADMIN),
			Map.entry("Mutation.createApiToken", Role.ADMIN),
			Map.entry("Mutation.revokeApiToken", Role.ADMIN));

	/** An HTTP endpoint: method (null: any) and Ant-style path pattern. */
	record Endpoint(@Nullable HttpMethod method, String pattern, @Nullable Role role) {
	}

	/**
	 * The HTTP endpoints, in the order they are matched; a null role is open to anyone (no
	 * data there: health, the pages, their static files). Anything else needs an admin.
	 */
	static final List<Endpoint> HTTP = List.of(
			new Endpoint(null, "/actuator/health", null),
			new Endpoint(null, "/actuator/health/**", null),
			new Endpoint(null, "/error", null),
			new Endpoint(HttpMethod.GET, "/", null),
			new Endpoint(HttpMethod.GET, "/index.html", null),
			new Endpoint(HttpMethod.GET, "/favicon.ico", null),
			new Endpoint(HttpMethod.GET, "/graphiql", null),
			new Endpoint(HttpMethod.GET, "/graphiql/**", null),
			// /_static/** is where mvnpm jars (ECharts) put their files, as WebJars use /webjars/**
			new Endpoint(HttpMethod.GET, "/webjars/**", null),
			new Endpoint(HttpMethod.GET, "/_static/**", null),
			new Endpoint(HttpMethod.GET, "/ui/**", null),
			new Endpoint(HttpMethod.GET, "/css/**", null),
			new Endpoint(HttpMethod.GET, "/js/**", null),
			new Endpoint(HttpMethod.GET, "/assets/**", null),
			new Endpoint(HttpMethod.GET, "/documents.html", null),
			new Endpoint(HttpMethod.GET, "/documents/**", null),
			// reading a document writes nothing: analysts may try it
			new Endpoint(HttpMethod.POST, "/api/v1/documents/extract", Role.ANALYST),
			new Endpoint(HttpMethod.POST, "/api/v1/orgs/*/imports", Role.EDITOR),
			new Endpoint(null, "/api/v1/imports/**", Role.EDITOR),
			new Endpoint(HttpMethod.GET, "/api/v1/orgs/*/exports/**", Role.VIEWER),
			new Endpoint(null, "/graphql", Role.VIEWER));

	/** The least role for a GraphQL root field; empty when the table has no line for it. */
	static Optional<Role> rootField(String type, String field) {
		return Optional.ofNullable(GRAPHQL.get(type + "." + field));
	}

}
