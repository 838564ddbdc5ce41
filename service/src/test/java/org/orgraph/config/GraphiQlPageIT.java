package org.orgraph.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
			// read as a stream: the GraphiQL bundle is larger than the test client's buffer
			long size = this.http.get().uri(asset).exchange().expectStatus().isOk()
				.returnResult(DataBuffer.class).getResponseBody()
				.map(buffer -> {
					long n = buffer.readableByteCount();
					DataBufferUtils.release(buffer);
					return n;
				})
				.reduce(0L, Long::sum)
				.block();
			assertThat(size).as(asset).isGreaterThan(100);
			count++;
		}
		assertThat(count).isEqualTo(5);
		String script = this.http.get().uri("/graphiql/orgraph-graphiql.js").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(script).contains("url: '/graphql'");
	}

}
