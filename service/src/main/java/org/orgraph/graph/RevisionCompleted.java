package org.orgraph.graph;

/**
 * Published once a new revision has become complete (an import or an edit committed), so that
 * analyses that take a while can start on it in the background.
 */
public record RevisionCompleted(Revision rev) {
}
