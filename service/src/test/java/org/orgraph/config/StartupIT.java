package org.orgraph.config;

import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.SchemaReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: what a newcomer reads at start-up. The schema inspection Boot logs finds nothing
 * to complain about, and there is no default user whose generated password would be printed.
 */
@OrgraphIntegrationTest
class StartupIT {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldMapEverySchemaFieldWithTheNullnessTheSchemaStates() {
		SchemaReport report = SchemaReports.startup();
		assertThat(report).as("the start-up schema inspection").isNotNull();
		assertThat(report.fieldNullnessErrors()).as(report.toString()).isEmpty();
		assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
	}

	@Test
	void shouldHaveNoDefaultUserAndSoNoGeneratedPassword() {
		assertThat(this.context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReadyMessage.class)).hasSize(1);
	}

}
