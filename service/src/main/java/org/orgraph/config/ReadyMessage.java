package org.orgraph.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells a newcomer, once everything is up, which address to open: the last line start-up
 * prints, so it is the one on screen.
 */
@Component
class ReadyMessage implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		Environment env = event.getApplicationContext().getEnvironment();
		String address = env.getProperty("server.address", "localhost");
		if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
			address = "localhost";
		}
		String base = "http://%s:%d".formatted(address.contains(":") ? "[" + address + "]" : address,
				web.getWebServer().getPort());
		log.info("Orgraph is ready: open {}/ for the org chart, {}/graphiql to ask in GraphQL (POST {}/graphql); Ctrl-C stops it",
				base, base, base);
	}

}
