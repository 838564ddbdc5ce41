package org.orgraph.command;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;

class TraversalTests {

	@Test
	void shouldHonourALowerMaxDepthAndCapAHigherOneAtTheCypherBound() {
		assertThat(traversal(64).maxDepth()).isEqualTo(64);
		assertThat(traversal(10).maxDepth()).isEqualTo(10);
		assertThat(traversal(1000).maxDepth()).isEqualTo(Traversal.CYPHER_BOUND).isEqualTo(64);
		assertThat(traversal(-1).maxDepth()).isZero();
	}

	@Test
	void shouldNameTheOrganisationAndRevisionOfAMissingKey() {
		assertThat(KeyNotFoundException.of(new Revision("dfid", 2), "position", "B999"))
			.hasMessage("organisation \"dfid\" has no position \"B999\" in revision 2");
	}

	private static Traversal traversal(int maxDepth) {
		return new Traversal(new OrgraphProperties(Path.of("data"), false, 0, Duration.ofSeconds(10), 500, maxDepth, 0));
	}

}
