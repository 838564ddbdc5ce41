package org.orgraph.command;

import org.orgraph.graph.OrgraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How far path queries walk. Cypher cannot take a variable-length bound as a parameter, so
 * every file under {@code cypher/queries/command/} carries the literal bound {@value #CYPHER_BOUND}
 * (the default {@code orgraph.max-depth}) and filters on {@code length(path) <= $maxDepth}:
 * a smaller {@code orgraph.max-depth} is honoured, a larger one is capped at the literal.
 */
@Component
final class Traversal {

	private static final Logger log = LoggerFactory.getLogger(Traversal.class);

	static final int CYPHER_BOUND = 64;

	private final int maxDepth;

	Traversal(OrgraphProperties properties) {
		if (properties.maxDepth() > CYPHER_BOUND) {
			log.warn("orgraph.max-depth={} is above the {} links the reporting queries are written for; using {}",
					properties.maxDepth(), CYPHER_BOUND, CYPHER_BOUND);
		}
		this.maxDepth = Math.max(0, Math.min(properties.maxDepth(), CYPHER_BOUND));
	}

	/** The longest reporting path any command query follows, in links. */
	int maxDepth() {
		return this.maxDepth;
	}

}
