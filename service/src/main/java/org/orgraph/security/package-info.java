/**
 * Who may do what: bearer tokens with roles, organisation restrictions, pseudonymised names
 * for viewers, and the audit trail of every write.
 */
@NullMarked
package org.orgraph.security;

import org.jspecify.annotations.NullMarked;
