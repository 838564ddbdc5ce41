package org.orgraph.metrics;

import org.jspecify.annotations.Nullable;
import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.DutySimilarity;
import org.springframework.stereotype.Component;

/** The duty analytics' counts as metrics figures (cached per revision by {@link DutyAnalytics}). */
@Component
class DutyAnalyticsFindings implements DutyFindings {

	private final DutyAnalytics duties;

	DutyAnalyticsFindings(DutyAnalytics duties) {
		this.duties = duties;
	}

	@Override
	public int exactOverlaps(String rev) {
		return this.duties.exactOverlaps(rev, DutyAnalytics.OverlapFilter.NONE).size();
	}

	@Override
	public @Nullable Integer similarOverlaps(String rev) {
		try {
			// metrics do not wait for the duties' analysis: null until it is done (it starts now if it had not)
			return this.duties.similarOverlaps(rev, this.duties.defaultMinScore(), DutyAnalytics.OverlapFilter.NONE,
					java.time.Duration.ZERO).size();
		}
		catch (DutySimilarity.TooManyPairsException | DutyAnalytics.AnalysisPendingException ex) {
			return null;
		}
	}

	@Override
	public int orphans(String rev) {
		return this.duties.orphans(rev).size();
	}

}
