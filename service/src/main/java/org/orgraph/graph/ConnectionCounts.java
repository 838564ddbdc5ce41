package org.orgraph.graph;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code totalCount} of the connections that always know it: never null, as the schema says.
 */
@Controller
class ConnectionCounts {

	@SchemaMapping(typeName = "OverlapConnection", field = "totalCount")
	int overlapCount(Connection<?> connection) {
		return total(connection);
	}

	@SchemaMapping(typeName = "DutyThemeConnection", field = "totalCount")
	int themeCount(Connection<?> connection) {
		return total(connection);
	}

	static int total(Connection<?> connection) {
		return (connection.totalCount() != null) ? connection.totalCount() : connection.edges().size();
	}

}
