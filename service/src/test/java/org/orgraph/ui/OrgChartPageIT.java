package org.orgraph.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org chart page works offline: the page, its modules and every library they load are
 * served by the service itself (a version bump that breaks a path fails here, not in a browser).
 */
@OrgraphIntegrationTest
class OrgChartPageIT {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

	private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([\\w-]+\\.js)'");

	private static final Pattern LIBRARY = Pattern.compile("'(/(?:_static|webjars)/[^']+\\.js)'");

	@Autowired
	WebTestClient http;

	@Test
	void shouldServeThePageItsModulesAndLibrariesFromTheJar() {
		String page = get("/");
		assertThat(page).contains("<div id=\"chart\"").doesNotContain("http://").doesNotContain("https://");

		Set<String> assets = new LinkedHashSet<>();
		Matcher links = ASSET.matcher(page);
		while (links.find()) {
			assets.add(links.group(1));
		}
		assertThat(assets).contains("/ui/main.js", "/ui/app.css", "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js");

		Deque<String> modules = new ArrayDeque<>(Set.of("main.js"));
		Set<String> seen = new LinkedHashSet<>();
		while (!modules.isEmpty()) {
			String module = modules.pop();
			if (!seen.add(module)) {
				continue;
			}
			String source = get("/ui/" + module);
			assertThat(source).as(module).doesNotContain("http://").doesNotContain("https://");
			MODULE_IMPORT.matcher(source).results().forEach((m) -> modules.push(m.group(1)));
			LIBRARY.matcher(source).results().forEach((m) -> assets.add(m.group(1)));
		}
		assertThat(seen).contains("api.js", "chart.js", "layout.js", "metrics.js", "compare.js", "i18n.js");
		assertThat(assets).contains("/_static/echarts/6.0.0/dist/echarts.min.js");
		for (String asset : assets) {
			assertThat(get(asset)).as(asset).hasSizeGreaterThan(100);
		}
	}

	private String get(String path) {
		// the libraries are bigger than WebTestClient's default 256 KiB buffer
		WebTestClient client = this.http.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
		return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

}
