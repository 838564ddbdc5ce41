package org.orgraph.duties;

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
			.isEqualTo("annual budget");
	}

	@Test
	void shouldDropEnglishFunctionWords() {
		assertThat(DutyText.normalize("Leadership of the DFID Afghanistan Country Office."))
			.isEqualTo(DutyText.normalize("Leadership of DFID Afghanistan country office"))
			.isEqualTo("leadership dfid afghanistan country office");
		assertThat(DutyText.normalize("Team leader, climate change frameworks & mechanisms team"))
			.isEqualTo(DutyText.normalize("Team Leader climate change frameworks and mechanisms team."));
	}

	@Test
	void shouldDropListNumbersFieldLabelsAndTrailingEtCetera() {
		assertThat(DutyText.normalize("(1) 负责物料采购、仓储管理和物流运输等工作"))
			.isEqualTo(DutyText.normalize("1、物料采购、仓储管理和物流运输"))
			.isEqualTo(DutyText.normalize("①物料采购、仓储管理和物流运输等"))
			.isEqualTo(DutyText.normalize("一、物料采购、仓储管理和物流运输等事项"))
			.isEqualTo("物料采购仓储管理和物流运输");
		assertThat(DutyText.normalize("职责:负责数据统计、分析和报告"))
			.isEqualTo(DutyText.normalize("负责数据统计、分析和报告。"));
		assertThat(DutyText.normalize("•监控团队的绩效和ＫＰＩ，提出改进建议"))
			.isEqualTo(DutyText.normalize("监控团队的绩效和KPI,提出改进建议"));
	}

	@Test
	void shouldKeepWordsThatOnlyLookLikeModalsOrEtCetera() {
		assertThat(DutyText.normalize("应急预案:制定燃气供应中断、事故处理等应急预案")).startsWith("应急预案");
		assertThat(DutyText.normalize("应收账款管理")).isEqualTo("应收账款管理");
		assertThat(DutyText.normalize("维护员工的平等")).isEqualTo("维护员工的平等");
		assertThat(DutyText.normalize("3.5倍")).isNotEqualTo(DutyText.normalize("5倍"));
	}

	@Test
	void shouldKeepDifferentDutiesApart() {
		assertThat(DutyText.normalize("监督各部门的运营工作,确保酒店的高效运营"))
			.isNotEqualTo(DutyText.normalize("指导各部门的运营工作,确保酒店的高效运营"));
	}

}
