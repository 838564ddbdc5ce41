/**
 * Duty analytics: exact and similar overlaps with who holds them and who would settle them,
 * and orphaned responsibilities with the reason.
 */
@NullMarked
package org.orgraph.duties;

import org.jspecify.annotations.NullMarked;
