package org.orgraph.config;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves GraphiQL at {@code /graphiql} from assets inside the jar (WebJars), so it works on a
 * machine with no internet access; Spring's own page would load them from a CDN.
 */
@Controller
class GraphiQlPage {

	@GetMapping("/graphiql")
	String graphiql() {
		return "forward:/graphiql/index.html";
	}

}
