/**
 * Browsing an organisation: its units, positions, people and duties, a page or a key at a
 * time, and full-text search.
 */
@NullMarked
package org.orgraph.organization;

import org.jspecify.annotations.NullMarked;
