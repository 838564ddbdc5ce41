/**
 * Vacancies against planned headcount (编制), organisation and unit metrics, and the BI export
 * tables (CSV and JSON) that serve the same figures.
 */
@NullMarked
package org.orgraph.metrics;

import org.jspecify.annotations.NullMarked;
