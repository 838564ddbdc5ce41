/** Duty analytics: exact and similar overlaps, orphaned responsibilities. */
@NullMarked
package org.orgraph.duties;

import org.jspecify.annotations.NullMarked;
