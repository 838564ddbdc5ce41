package org.orgraph;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.SchemaReport;

/** The schema inspection report of the service's start-up, kept for tests to read. */
public final class SchemaReports {

	private static volatile @Nullable SchemaReport startup;

	private SchemaReports() {
	}

	static void record(SchemaReport report) {
		startup = report;
	}

	public static @Nullable SchemaReport startup() {
		return startup;
	}

}
