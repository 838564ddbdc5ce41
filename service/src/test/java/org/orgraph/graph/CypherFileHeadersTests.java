package org.orgraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Cypher file says, on its first line, the schema fields it serves ({@code // serves:
 * Query.chainOfCommand}) or the job it does ({@code // job: import …}), and every field it
 * names exists: from a field to its Cypher file and back is one search.
 */
class CypherFileHeadersTests {

	private static final Pattern FIELD = Pattern.compile("\\b([A-Z]\\w*)\\.(\\w+)");

	@TestFactory
	List<DynamicTest> everyFileNamesWhatItServes() throws IOException {
		Set<String> fields = schemaFields();
		return new CypherQueries().all().entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
			String first = file.getValue().lines().findFirst().orElse("");
			assertThat(first).as("first line of %s", file.getKey()).matches("// (serves|job): .+");
			Matcher named = FIELD.matcher(first);
			int count = 0;
			while (named.find()) {
				count++;
				assertThat(fields).as("%s names a schema field", file.getKey()).contains(named.group());
			}
			if (first.startsWith("// serves:")) {
				assertThat(count + (first.contains("/api/v1/") ? 1 : 0)).as("%s serves something", file.getKey())
					.isPositive();
			}
		})).toList();
	}

	private static Set<String> schemaFields() throws IOException {
		try (InputStream schema = CypherFileHeadersTests.class.getResourceAsStream("/graphql/schema.graphqls")) {
			TypeDefinitionRegistry registry = new SchemaParser()
				.parse(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
			Set<String> fields = new HashSet<>();
			registry.types().values().forEach(type -> {
				if (type instanceof ObjectTypeDefinition object) {
					object.getFieldDefinitions().forEach(f -> fields.add(object.getName() + "." + f.getName()));
				}
			});
			registry.objectTypeExtensions().forEach((name, extensions) -> extensions
				.forEach(e -> e.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(f -> fields.add(name + "." + f))));
			return fields;
		}
	}

}
