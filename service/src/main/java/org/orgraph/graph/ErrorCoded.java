package org.orgraph.graph;

import java.util.Map;

/**
 * An exception a client can act on: GraphQL answers it with its stable {@code extensions.code}
 * (and any further extensions) and its message, which must never carry personal data.
 */
public interface ErrorCoded {

	/** The stable {@code extensions.code}, e.g. {@code REVISION_NOT_FOUND}. */
	String code();

	/** Further {@code extensions} beside the code. */
	default Map<String, Object> extensions() {
		return Map.of();
	}

}
