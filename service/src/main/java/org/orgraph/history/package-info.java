/**
 * History: what changed between two revisions of an organisation.
 */
@NullMarked
package org.orgraph.history;

import org.jspecify.annotations.NullMarked;
