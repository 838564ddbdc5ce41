package org.orgraph.history;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Language;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.Views.OrganizationView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code compareRevisions}. */
@Controller
class HistoryGraphQlController {

	private final RevisionComparison comparison;

	private final OrgReader reader;

	HistoryGraphQlController(RevisionComparison comparison, OrgReader reader) {
		this.comparison = comparison;
		this.reader = reader;
	}

	@QueryMapping
	@Nullable RevisionDiff compareRevisions(@Argument String org, @Argument int from, @Argument @Nullable Integer to) {
		OrganizationView organization = this.reader.organization(org).orElse(null);
		if (organization == null) {
			return null;
		}
		// resolving both numbers checks they exist (REVISION_NOT_FOUND otherwise)
		this.reader.revision(organization, from);
		String target = this.reader.revision(organization, to);
		int toNumber = Integer.parseInt(target.substring(target.lastIndexOf('/') + 1));
		return this.comparison.compare(org, from, toNumber);
	}

	@SchemaMapping(typeName = "RevisionDiff", field = "summary")
	String summary(RevisionDiff diff, @Argument @Nullable String lang, GraphQLContext context) {
		return (Language.of(lang, context) == Language.ZH) ? diff.summaryZh() : diff.summary();
	}

}
