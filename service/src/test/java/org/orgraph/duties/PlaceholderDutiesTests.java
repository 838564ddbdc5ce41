package org.orgraph.duties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderDutiesTests {

	@ParameterizedTest
	@ValueSource(strings = { "Information withheld on security grounds", "\"Information withheld on security grounds\"",
			"Details withheld for reasons of national security.", "Withheld", "Not disclosed", "N/A", "n/d", "TBC", "-",
			"Post Eliminated as part of the 2024 directorate reshuffle. Previously led a directorate now merged elsewhere",
			"This post has been abolished following the restructure; its work moved to the Policy Group and the Analysis Directorate, which now lead on strategy, evidence and evaluation across the whole department and its agencies",
			"Any other duties as assigned", "Other duties as required by the line manager", "To carry out any other duties as may be reasonably required",
			"Ad hoc tasks", "其他", "其它工作", "交办的其他工作", "完成领导交办的其他任务", "8. 完成上级领导交办的其他临时性工作。", "领导交办的其他事项",
			"职责：完成公司交办的临时任务" })
	void shouldRecogniseStandInsForDuties(String text) {
		assertThat(PlaceholderDuties.isPlaceholder(text)).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Manages the department's budget", "Runs the programmes directorate",
			"Leading the Internal Audit function and the Counter Fraud Unit", "Head of Profession Livelihoods & Environment",
			"Other government departments' liaison on trade policy", "Eliminating fraud and error in benefit payments",
			"Responsible for information security and withholding tax policy", "负责公司的市场推广和客户服务工作", "其他应收款的核算与管理",
			"负责其他部门预算的汇总与审核", "制定市场推广策略", "交通运输安全管理" })
	void shouldLeaveRealDutiesAlone(String text) {
		assertThat(PlaceholderDuties.isPlaceholder(text)).as(text).isFalse();
	}

}
