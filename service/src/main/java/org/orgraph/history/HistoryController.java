package org.orgraph.history;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Language;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.OrganizationView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code compareRevisions}. */
@Controller
class HistoryController {

	private final RevisionComparison comparison;

	private final Revisions revisions;

	HistoryController(RevisionComparison comparison, Revisions revisions) {
		this.comparison = comparison;
		this.revisions = revisions;
	}

	@QueryMapping
	@Nullable RevisionDiff compareRevisions(@Argument String org, @Argument int from, @Argument @Nullable Integer to) {
		OrganizationView organization = this.revisions.organization(org).orElse(null);
		if (organization == null) {
			return null;
		}
		// resolving both numbers checks they exist (REVISION_NOT_FOUND otherwise)
		return this.comparison.compare(this.revisions.resolve(organization, from),
				this.revisions.resolve(organization, to));
	}

	@SchemaMapping(typeName = "RevisionDiff", field = "summary")
	String summary(RevisionDiff diff, @Argument @Nullable String lang, GraphQLContext context) {
		return (Language.of(lang, context) == Language.ZH) ? diff.summaryZh() : diff.summary();
	}

}
