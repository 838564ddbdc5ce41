package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orgraph.duties.DutyText;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;
import org.orgraph.importing.RevisionPlan.ReportingRow;

import static org.assertj.core.api.Assertions.assertThat;

class OrgValidatorTests {

	static final Location AT = Location.of("doc.json", 1, 1);

	static Unit unit(String key, String parent) {
		return new Unit(key, key, parent, null, null, List.of(), AT);
	}

	static Position position(String key, String unit, String reportsTo) {
		return new Position(key, key, unit, reportsTo, null, null, List.of(), null, 0, AT);
	}

	static RevisionPlan plan(List<Unit> units, List<Position> positions) {
		OrgDocument doc = new OrgDocument("t", "t", units, positions, List.of(), Map.of());
		OrgValidator.Validation validation = new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(doc);
		assertThat(validation.problems()).noneMatch(ImportProblem::isError);
		return validation.plan();
	}

	@Test
	void shouldPreferAStatedLineOutsideTheUnitWhenChoosingItsHead() {
		RevisionPlan plan = plan(List.of(unit("HQ", null), unit("FIN", "HQ")),
				List.of(position("CEO", "HQ", null), position("AP", "FIN", null), position("CFO", "FIN", "CEO")));
		assertThat(plan.heads()).extracting(RevisionPlan.HeadRow::position).containsExactlyInAnyOrder("CEO", "CFO");
		assertThat(plan.reporting()).containsExactlyInAnyOrder(new ReportingRow("CFO", "CEO", false),
				new ReportingRow("AP", "CFO", true));
	}

	@Test
	void shouldDeriveAHeadsLineToTheNearestAncestorWithAHead() {
		RevisionPlan plan = plan(List.of(unit("HQ", null), unit("OPS", "HQ"), unit("TEAM", "OPS")),
				List.of(position("CEO", "HQ", null), position("LEAD", "TEAM", null), position("DEV", "TEAM", null)));
		assertThat(plan.reporting()).containsExactlyInAnyOrder(new ReportingRow("LEAD", "CEO", true),
				new ReportingRow("DEV", "LEAD", true));
	}

	@Test
	void shouldReportACycleOnceWithItsMembers() {
		OrgDocument doc = new OrgDocument("t", "t", List.of(unit("HQ", null)),
				List.of(position("A", "HQ", "C"), position("B", "HQ", "A"), position("C", "HQ", "B")), List.of(), Map.of());
		OrgValidator.Validation validation = new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(doc);
		assertThat(validation.rejected()).isTrue();
		assertThat(validation.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("A → C → B → A"));
	}

	@Test
	void shouldHoldEachDistinctDutyTextOnceAcrossHolders() {
		// equal texts, but distinct strings, as a parser reads them
		List<OrgDocument.Duty> duties = List.of(new OrgDocument.Duty(null, new String("审核 报销单据"), AT),
				new OrgDocument.Duty(null, "编制预算", AT));
		List<OrgDocument.Duty> same = List.of(new OrgDocument.Duty(null, new String("审核 报销单据"), AT));
		RevisionPlan plan = plan(List.of(new Unit("HQ", "HQ", null, null, null, duties, AT),
				new Unit("FIN", "FIN", "HQ", null, null, same, AT)), List.of(position("CEO", "HQ", null)));

		assertThat(plan.duties()).hasSize(3);
		RevisionPlan.DutyRow first = plan.duties().get(0);
		RevisionPlan.DutyRow again = plan.duties().get(2);
		assertThat(again.holder()).isEqualTo("FIN");
		assertThat(again.text()).isSameAs(first.text());
		assertThat(again.norm()).isSameAs(first.norm()).isEqualTo(DutyText.normalize("审核 报销单据"));
		assertThat(plan.duties().get(1).text()).isEqualTo("编制预算");
	}

	@Test
	void shouldRefuseKeysAndDutiesTooLongForTheIndexesInsteadOfFailingWhileWriting() {
		String longKey = "K".repeat(OrgValidator.MAX_KEY_LENGTH + 1);
		assertThat(problems(List.of(unit("HQ", null)), List.of(position(longKey, "HQ", null))))
			.extracting(ImportProblem::code)
			.containsExactly(ProblemCodes.TOO_LONG);
		// 1400 Chinese characters take 4200 bytes; 1200 take 3600 and fit
		List<OrgDocument.Duty> duties = List.of(new OrgDocument.Duty(null, "审核".repeat(700), AT),
				new OrgDocument.Duty(null, "审核".repeat(600), AT));
		assertThat(problems(List.of(new Unit("HQ", "HQ", null, null, null, duties, AT)), List.of(position("CEO", "HQ", null))))
			.extracting(ImportProblem::code)
			.containsExactly(ProblemCodes.TOO_LONG);
	}

	private static List<ImportProblem> problems(List<Unit> units, List<Position> positions) {
		OrgDocument doc = new OrgDocument("t", "t", units, positions, List.of(), Map.of());
		OrgValidator.Validation validation = new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(doc);
		assertThat(validation.rejected()).isTrue();
		return validation.problems();
	}

}
