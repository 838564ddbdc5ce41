/**
 * Cross-cutting configuration: the embedded or external Neo4j, the graph schema, limits.
 */
@NullMarked
package org.orgraph.config;

import org.jspecify.annotations.NullMarked;
