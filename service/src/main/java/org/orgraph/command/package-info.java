/**
 * Path analytics over solid reporting lines: chains of command, common superiors, reports,
 * spans, layers and reporting anomalies.
 */
@NullMarked
package org.orgraph.command;

import org.jspecify.annotations.NullMarked;
