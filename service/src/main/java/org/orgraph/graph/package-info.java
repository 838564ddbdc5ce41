/**
 * The kernel every feature uses: the embedded or external Neo4j and the Cypher files run on it,
 * the graph schema, a revision and how a request resolves one, items by key, pages and the
 * shared read models.
 */
@NullMarked
package org.orgraph.graph;

import org.jspecify.annotations.NullMarked;
