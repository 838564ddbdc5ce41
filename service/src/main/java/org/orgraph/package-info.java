/**
 * Orgraph: an organisation stored as a revisioned Neo4j graph, answered over GraphQL.
 */
@NullMarked
package org.orgraph;

import org.jspecify.annotations.NullMarked;
