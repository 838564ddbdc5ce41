package org.orgraph.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DutyTextTests {

	@Test
	void shouldFoldPunctuationWidthAndLeadingModals() {
		assertThat(DutyText.normalize("负责制定酒店的运营规划和目标;"))
			.isEqualTo(DutyText.normalize("制定酒店的运营规划和目标"))
			.isEqualTo("制定酒店的运营规划和目标");
		assertThat(DutyText.normalize("监督各部门的运营工作，确保酒店的高效运营"))
			.isEqualTo(DutyText.normalize("监督各部门的运营工作,确保酒店的高效运营"));
		assertThat(DutyText.normalize("主要负责 财务报表 编制。")).isEqualTo("财务报表编制");
	}

	@Test
	void shouldFoldEnglishCaseAndResponsibility() {
		assertThat(DutyText.normalize("Responsible for  the Annual Budget."))
			.isEqualTo(DutyText.normalize("the annual budget"))
			.isEqualTo("the annual budget");
	}

	@Test
	void shouldKeepDifferentDutiesApart() {
		assertThat(DutyText.normalize("监督各部门的运营工作,确保酒店的高效运营"))
			.isNotEqualTo(DutyText.normalize("指导各部门的运营工作,确保酒店的高效运营"));
	}

}
