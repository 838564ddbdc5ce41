/**
 * Compact per-revision projections: a complete, immutable revision laid out once in dense
 * arrays (parent arrays, compressed sparse rows, pre-order intervals, one string arena) and
 * kept in a cache bounded by bytes, so path questions are answered from memory.
 */
@NullMarked
package org.orgraph.projection;

import org.jspecify.annotations.NullMarked;
