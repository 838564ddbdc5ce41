package org.orgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every statement under {@code cypher/queries/<feature>/<name>.cypher}, loaded once and looked
 * up as {@code "feature/name"}. Keeping Cypher in files lets a test EXPLAIN all of them.
 */
@Component
final class CypherQueries {

	private static final String ROOT = "cypher/queries/";

	private final Map<String, String> statements;

	public CypherQueries() {
		this.statements = load();
	}

	public String get(String name) {
		String statement = this.statements.get(name);
		if (statement == null) {
			throw new IllegalArgumentException("no Cypher file " + ROOT + name + ".cypher");
		}
		return statement;
	}

	public Map<String, String> all() {
		return this.statements;
	}

	private static Map<String, String> load() {
		try {
			Map<String, String> byName = new TreeMap<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.cypher")) {
				String url = resource.getURL().toString();
				String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length(), url.length() - ".cypher".length());
				byName.put(name, resource.getContentAsString(StandardCharsets.UTF_8).strip());
			}
			return Map.copyOf(byName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Cypher files", ex);
		}
	}

}
