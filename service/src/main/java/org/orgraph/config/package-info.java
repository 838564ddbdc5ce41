/**
 * The GraphQL endpoint's configuration: request limits, error codes, the GraphiQL page and the
 * ready message.
 */
@NullMarked
package org.orgraph.config;

import org.jspecify.annotations.NullMarked;
