package org.orgraph.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orgraph.metrics.Establishment.VacancyStatus;

import static org.assertj.core.api.Assertions.assertThat;

class EstablishmentTests {

	@Test
	void shouldCompareFilledSeatsWithThePlan() {
		assertThat(VacancyStatus.of(3, 2)).isEqualTo(VacancyStatus.OVER_ESTABLISHMENT);
		assertThat(VacancyStatus.of(1, 2)).isEqualTo(VacancyStatus.SHORTFALL);
		assertThat(VacancyStatus.of(0, 0)).isEqualTo(VacancyStatus.FULL);
	}

	@Test
	void shouldGiveNoRateWithoutAWhole() {
		assertThat(Establishment.rate(12, 23)).isEqualTo(0.521739);
		assertThat(Establishment.rate(0, 0)).isNull();
		assertThat(Establishment.round(73.92000000000002)).isEqualTo(73.92);
	}

	@Test
	void shouldExplainAPost() {
		assertThat(Establishment.positionReason("P1", "会计", 2, List.of("E1"), 0.5))
			.isEqualTo("P1 \"会计\": 2 seats, 1 holder (E1; 0.5 FTE): 1 seat vacant (缺编).");
		assertThat(Establishment.positionReason("P2", "Clerk", 1, List.of(), 0))
			.isEqualTo("P2 \"Clerk\": 1 seat, nobody holds it: 1 seat vacant (缺编).");
		assertThat(Establishment.positionReason("P3", "Clerk", 0, List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7"), 7))
			.isEqualTo("P3 \"Clerk\": 0 seats, 7 holders (E1, E2, E3, E4, E5 and 2 more; 7.0 FTE): "
					+ "7 holders more than its seats (超编).");
		assertThat(Establishment.positionReason("P4", "Clerk", 1, List.of("E1"), 1)).endsWith(": full.");
	}

	@Test
	void shouldExplainAUnitWithAndWithoutAStatedPlan() {
		assertThat(Establishment.unitReason(8, 6, 2, 6, 9, 8.5))
			.isEqualTo("Planned headcount (编制) 8 as stated; 9 filled (8.5 FTE) across 6 post seats in the unit and "
					+ "below it: 1 over (超编). The stated 8 does not match the sum of its parts, 6 (own posts' seats 2 "
					+ "+ child units' 编制 4).");
		assertThat(Establishment.unitReason(null, 6, 2, 6, 6, 6))
			.isEqualTo("No planned headcount (编制) stated: 6 is the sum of its parts (own posts' seats 2 + child "
					+ "units' 编制 4); 6 filled (6.0 FTE) across 6 post seats in the unit and below it: full.");
		assertThat(Establishment.unitReason(null, 0, 0, 0, 0, 0))
			.isEqualTo("No planned headcount (编制) stated and no posts in the unit or below it: nothing to fill.");
	}

}
