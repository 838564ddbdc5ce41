package org.orgraph.metrics;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.DutySimilarity;
import org.springframework.stereotype.Component;

/**
 * Duty overlap and orphan counts of one revision for the metrics ({@code orgMetrics} and the
 * {@code org-metrics} export), as the duty analytics list them (cached per revision there).
 */
@Component
class DutyFindings {

	private final DutyAnalytics duties;

	DutyFindings(DutyAnalytics duties) {
		this.duties = duties;
	}

	int exactOverlaps(Revision rev) {
		return this.duties.exactOverlaps(rev, DutyAnalytics.OverlapFilter.NONE).size();
	}

	@Nullable Integer similarOverlaps(Revision rev) {
		try {
			// metrics do not wait for the duties' analysis: null until it is done (it starts now if it had not)
			return this.duties.similarOverlaps(rev, this.duties.defaultMinScore(), DutyAnalytics.OverlapFilter.NONE,
					java.time.Duration.ZERO).size();
		}
		catch (DutySimilarity.TooManyPairsException | DutyAnalytics.AnalysisPendingException ex) {
			return null;
		}
	}

	int orphans(Revision rev) {
		return this.duties.orphans(rev).size();
	}

}
