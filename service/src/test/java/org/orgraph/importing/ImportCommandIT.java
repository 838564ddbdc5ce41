package org.orgraph.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgraph.OrgraphApplication;
import org.orgraph.OrgraphIntegrationTest;
import org.orgraph.graph.EmbeddedNeo4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line import, pointed at the running service's database over Bolt (the
 * external-database mode): exit codes, output, and the data it leaves.
 */
@OrgraphIntegrationTest
class ImportCommandIT {

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	HttpGraphQlTester graphQl;

	@TempDir
	Path dir;

	@Test
	void shouldImportFilesFromTheCommandLineAndExitZero() throws Exception {
		Path senior = copy("department_for_international_development-2013-09-30-senior.csv");
		Path junior = copy("department_for_international_development-2013-09-30-junior.csv");

		Run run = run("import", "--org", "dfid-cli", "--format", "uk-organogram", senior.toString(), junior.toString(),
				"--spring.neo4j.uri=" + this.neo4j.boltUri(), "--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + OrgraphIntegrationTest.BOLT_PASSWORD);

		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("\"organization\" : \"dfid-cli\"").contains("\"revision\" : 1").contains("\"positions\" : 89");
		this.graphQl.document("{ organization(key: \"dfid-cli\") { currentRevision position(key: \"B139\") { reportsTo { position { key } } } } }")
			.execute()
			.path("organization.position.reportsTo[0].position.key")
			.entity(String.class)
			.isEqualTo("B38");
	}

	@Test
	void shouldPrintTheProblemsAndExitOneWhenTheInputIsRejected() throws Exception {
		Path file = this.dir.resolve("broken.json");
		Files.writeString(file, """
				{"units": [{"key": "A", "name": "A", "parent": "B"}]}""");

		Run run = run("import", "--org", "broken", file.toString(), "--spring.neo4j.uri=" + this.neo4j.boltUri(),
				"--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + OrgraphIntegrationTest.BOLT_PASSWORD);

		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).contains("UNKNOWN_PARENT").contains("\"line\" : 1");
		this.graphQl.document("{ organization(key: \"broken\") { key } }").execute().path("organization").valueIsNull();
	}

	@Test
	void shouldExplainItsUsage() {
		Run run = run("import", "--org");
		assertThat(run.exit()).isEqualTo(64);
		assertThat(run.err()).contains("usage: java -jar orgraph.jar import --org KEY");
	}

	record Run(int exit, String out, String err) {
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = ImportCommand.run(OrgraphApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path copy(String name) throws Exception {
		Path target = this.dir.resolve(name);
		try (var in = getClass().getResourceAsStream("/uk-organograms/" + name)) {
			Files.copy(in, target);
		}
		return target;
	}

}
