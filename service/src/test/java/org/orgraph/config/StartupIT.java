package org.orgraph.config;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaMappingInspector;
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
	GraphQlSource graphQl;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldMapEverySchemaFieldWithTheNullnessTheSchemaStates() {
		// the wiring Boot inspects at start-up: every configurer's data fetchers, as registered
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		this.context.getBeansOfType(RuntimeWiringConfigurer.class).values().forEach(c -> c.configure(wiring));
		GraphQLSchema schema = this.graphQl.schema();
		SchemaReport report = SchemaMappingInspector.inspect(schema, wiring.build());
		assertThat(report.fieldNullnessErrors()).as(report.toString()).isEmpty();
		assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
	}

	@Test
	void shouldHaveNoDefaultUserAndSoNoGeneratedPassword() {
		assertThat(this.context.getBeansOfType(UserDetailsService.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReadyMessage.class)).hasSize(1);
	}

}
