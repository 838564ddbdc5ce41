/**
 * The graph model shared by every feature: labels, relationships, revisions and the Cypher
 * files that read them.
 */
@NullMarked
package org.orgraph.graph;

import org.jspecify.annotations.NullMarked;
