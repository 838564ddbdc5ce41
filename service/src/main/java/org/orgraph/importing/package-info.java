/**
 * Turning files (org-document JSON, CSV bundles, UK organograms) into a validated new revision.
 */
@NullMarked
package org.orgraph.importing;

import org.jspecify.annotations.NullMarked;
