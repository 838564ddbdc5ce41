package org.orgraph.duties;

import org.orgraph.graph.Views.DutyView;

/** A duty nobody effectively holds, and why. */
public record Orphan(DutyView duty, OrphanReason reason, String explanation) {
}
