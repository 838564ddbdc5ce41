package org.orgraph;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every top-level package is a module: no cycles between them, and no module reaches into
 * another's internals. A new dependency that closes a cycle fails here, naming it.
 */
class ModuleStructureTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(OrgraphApplication.class);

	@Test
	void shouldHaveNoCyclesAndUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void shouldFindEveryFeatureAsAModule() {
		assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("command", "config", "documents", "duties", "graph", "history", "importing",
					"metrics", "organization", "projection", "security");
	}

	@Test
	void shouldKeepTheKernelFreeOfFeatures() {
		ApplicationModule kernel = MODULES.getModuleByName("graph").orElseThrow();
		assertThat(kernel.getBootstrapDependencies(MODULES).toList()).isEmpty();
		MODULES.stream()
			.filter(module -> !module.getIdentifier().toString().equals("graph"))
			.forEach(module -> assertThat(kernel.getDirectDependencies(MODULES).contains(module))
				.as("graph depends on %s", module.getIdentifier())
				.isFalse());
	}

}
