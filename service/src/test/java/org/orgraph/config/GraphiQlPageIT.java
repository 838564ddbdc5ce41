package org.orgraph.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL works offline: the page and every script and style it loads come from the service. */
@OrgraphIntegrationTest
class GraphiQlPageIT {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@Autowired
	WebTestClient http;

	@Test
	void shouldServeGraphiQlAndAllItsAssetsLocally() {
		String page = this.http.get().uri("/graphiql").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("<div id=\"graphiql\">").doesNotContain("http://").doesNotContain("https://");
		Matcher assets = ASSET.matcher(page);
		int count = 0;
		while (assets.find()) {
			String asset = assets.group(1);
			if (asset.startsWith("data:")) {
				continue;
			}
			// graphiql.min.css and .js are bigger than WebTestClient's default 256 KiB buffer
			byte[] body = this.http.mutate()
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
				.build()
				.get().uri(asset).exchange().expectStatus().isOk()
				.expectBody(byte[].class).returnResult().getResponseBody();
			assertThat(body).as(asset).hasSizeGreaterThan(100);
			count++;
		}
		assertThat(count).isEqualTo(5);
		String script = this.http.get().uri("/graphiql/orgraph-graphiql.js").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(script).contains("url: '/graphql'");
	}

}
