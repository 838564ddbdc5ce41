package org.orgraph.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.orgraph.GraphQlErrors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How big legitimate documents are (the figures behind the defaults in docs/security.md) and
 * how hostile ones are measured.
 */
class QueryShapeTests {

	static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator
		.makeUnExecutableSchema(new SchemaParser().parse(read(Path.of("../schema.graphqls"))));

	static final GraphQlLimitsProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("orgraph.graphql", GraphQlLimitsProperties.class);

	/** The documents the tests and GraphiQL send, with the largest {@code first} a test passes. */
	static Map<String, Document> legitimateDocuments() throws IOException {
		Map<String, Document> documents = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/graphql-test"))) {
			for (Path file : files.toList()) {
				documents.put(file.getFileName().toString(), Parser.parse(read(file)));
			}
		}
		// every GraphiQL example: the quoted lines of each lines(...) call in the page's script
		String js = read(Path.of("src/main/resources/static/graphiql/orgraph-graphiql.js"));
		Matcher org = Pattern.compile("var ORG = '([^']+)'").matcher(js);
		String orgKey = org.find() ? org.group(1) : "org";
		Pattern quoted = Pattern.compile("^\\s*'(.*)'\\s*(\\)?)[,;)]*\\s*$");
		StringBuilder example = null;
		int n = 0;
		for (String raw : js.split("\n")) {
			String line = raw.replace("' + ORG + '", orgKey);
			if (line.contains("lines(") && !line.contains("function lines")) {
				example = new StringBuilder();
				continue;
			}
			if (example == null) {
				continue;
			}
			Matcher m = quoted.matcher(line);
			if (!m.matches()) {
				example = null;
				continue;
			}
			example.append(m.group(1).replace("\\'", "'")).append('\n');
			String text = example.toString();
			long open = text.chars().filter(c -> c == '{').count();
			if (m.group(2) != null && open > 0 && open == text.chars().filter(c -> c == '}').count()) {
				documents.put("GraphiQL example " + (++n), Parser.parse(text));
				example = null;
			}
		}
		assertThat(n).as("GraphiQL examples found").isGreaterThan(5);
		return documents;
	}

	static QueryShape.Measures measure(Document document) {
		return QueryShape.measure(SCHEMA, document, null, Map.of("first", 100), DEFAULTS.defaultListSize(),
				DEFAULTS.maxComplexity());
	}

	@Test
	void shouldLetEveryLegitimateDocumentThroughWithAMargin() throws IOException {
		Map<String, QueryShape.Measures> measured = legitimateDocuments().entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> measure(e.getValue()), (a, b) -> a, TreeMap::new));
		measured.forEach((name, m) -> System.out.printf("%-28s depth %2d  complexity %5d  aliases %d  root fields %d  directives %d%n",
				name, m.depth(), m.complexity(), m.aliases(), m.rootFields(), m.directives()));
		GraphQlLimits limits = new GraphQlLimits(DEFAULTS);
		measured.forEach((name, m) -> assertThat(limits.refusals(m)).as(name).isEmpty());
		int deepest = measured.values().stream().mapToInt(QueryShape.Measures::depth).max().orElseThrow();
		long heaviest = measured.values().stream().mapToLong(QueryShape.Measures::complexity).max().orElseThrow();
		// reportsTo.graphql follows three reporting lines; dutyOverlaps.graphql with first: 100 (extent and
		// the evidence's meaning and contrast added 300)
		assertThat(deepest).isEqualTo(9);
		assertThat(heaviest).isEqualTo(5301);
		assertThat(DEFAULTS.maxDepth()).isGreaterThanOrEqualTo(deepest + 3);
		assertThat((long) DEFAULTS.maxComplexity()).isGreaterThanOrEqualTo(heaviest + heaviest / 2);
	}

	@Test
	void shouldCountDepthThroughFragments() {
		QueryShape.Measures m = measure(Parser.parse("""
				{ organization(key: "a") { ...u } }
				fragment u on Organization { unit(key: "b") { children { children { key } } } }
				"""));
		assertThat(m.depth()).isEqualTo(5);
	}

	@Test
	void shouldWeighListsByTheirFirstAndOtherListsByTheDefault() {
		QueryShape.Measures paged = measure(Parser.parse("{ organization(key: \"a\") { units(first: 50) { edges { node { key name } } } } }"));
		// organization 1 + units (1 + 50 × edges (1 + node (1 + 2)))
		assertThat(paged.complexity()).isEqualTo(1 + 1 + 50 * (1 + 1 + 2));
		QueryShape.Measures lists = measure(Parser.parse("{ organizations { key revisions { number } } }"));
		// organizations 1 + 5 × (key 1 + revisions (1 + 5 × 1))
		assertThat(lists.complexity()).isEqualTo(1 + 5 * (1 + 1 + 5));
	}

	@Test
	void shouldCountAliasesRootFieldsAndDirectives() {
		QueryShape.Measures m = measure(Parser.parse("""
				query { a: organizations { key } b: organizations { k: key } __typename @skip(if: false) @include(if: true) }
				"""));
		assertThat(m.aliases()).isEqualTo(3);
		assertThat(m.rootFields()).isEqualTo(3);
		assertThat(m.directives()).isEqualTo(2);
	}

	@Test
	void shouldStopMeasuringAFragmentBombOnceTheBudgetIsSpent() {
		StringBuilder bomb = new StringBuilder("{ organizations { ...f0 } }\n");
		for (int i = 0; i < 40; i++) {
			bomb.append("fragment f%d on Organization { ...f%d ...f%d }\n".formatted(i, i + 1, i + 1));
		}
		bomb.append("fragment f40 on Organization { key }\n");
		long started = System.nanoTime();
		QueryShape.Measures m = measure(Parser.parse(bomb.toString()));
		assertThat(m.complexity()).isGreaterThan(DEFAULTS.maxComplexity());
		assertThat(System.nanoTime() - started).as("2^40 expansions were not walked").isLessThan(5_000_000_000L);
	}

	@Test
	void shouldNotFollowAFragmentCycle() {
		QueryShape.Measures m = measure(Parser.parse("""
				{ organizations { ...a } }
				fragment a on Organization { key ...b }
				fragment b on Organization { name ...a }
				"""));
		assertThat(m.complexity()).isEqualTo(1 + 5 * 2);
	}

	@Test
	void shouldMeasureGraphiQlsIntrospectionQueryApartFromTheDataDepth() {
		QueryShape.Measures m = measure(Parser.parse(read(Path.of("src/test/resources/graphiql/introspection.graphql"))));

		// __schema, types, fields, args, type and seven ofType: 13 levels, all of them schema
		assertThat(m.introspectionDepth()).isEqualTo(13);
		assertThat(m.depth()).isZero();
		assertThat(new GraphQlLimits(DEFAULTS).refusals(m)).isEmpty();
	}

	@Test
	void shouldStillRefuseDeepDataBesideIntrospection() {
		QueryShape.Measures m = measure(Parser.parse("{ __schema { queryType { name } } organization(key: \"a\") { "
				+ "unit(key: \"b\") { " + "parent { ".repeat(10) + "key" + " }".repeat(10) + " } } }"));

		assertThat(m.depth()).isEqualTo(13);
		assertThat(m.introspectionDepth()).isEqualTo(3);
		assertThat(new GraphQlLimits(DEFAULTS).refusals(m)).extracting(GraphQlErrors::code)
			.containsExactly("QUERY_TOO_DEEP");
	}

	@Test
	void shouldRefuseIntrospectionDeeperThanItsOwnLimit() {
		QueryShape.Measures m = measure(Parser.parse(
				"{ __type(name: \"Position\") { " + "ofType { ".repeat(14) + "name" + " }".repeat(14) + " } }"));

		assertThat(m.introspectionDepth()).isEqualTo(16);
		assertThat(new GraphQlLimits(DEFAULTS).refusals(m)).singleElement()
			.satisfies(e -> assertThat(e.getMessage()).isEqualTo("the introspection query nests 16 levels deep, at most 14 are allowed"));
	}

	@Test
	void shouldRefuseEachLimitWithItsCode() {
		GraphQlLimits limits = new GraphQlLimits(DEFAULTS);
		var errors = limits.refusals(new QueryShape.Measures(13, 10_001, 31, 11, 5));
		assertThat(errors).extracting(GraphQlErrors::code)
			.containsExactly("QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX", "TOO_MANY_ALIASES", "TOO_MANY_ROOT_FIELDS",
					"TOO_MANY_DIRECTIVES");
		assertThat(limits.refusals(new QueryShape.Measures(12, 10_000, 30, 10, 4))).isEmpty();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
