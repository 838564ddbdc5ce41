package org.orgraph.importing;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits applied to the car-rental demo organisation (from the seed documents), before validation. */
class OrgEditsTests {

	OrgDocument car;

	@BeforeEach
	void readCarRental() throws IOException {
		ParseResult parsed = new OrgJsonParser().parse("car-rental-ops-company", List.of(new ImportFile("car.json",
				new ClassPathResource("demo/car-rental-ops-company.json").getContentAsByteArray())));
		assertThat(parsed.hasErrors()).isFalse();
		this.car = parsed.document();
	}

	@Test
	void shouldApplyEditsInOrderAndNameTheChangedLines() {
		OrgDocument.Position first = this.car.positions().get(1);
		OrgDocument.Position top = this.car.positions().getFirst();
		OrgDocument.Unit unit = this.car.units().getLast();
		OrgEdits.Applied applied = OrgEdits.apply(this.car, List.of(
				new OrgEdit.SetReportsTo(first.key(), null),
				new OrgEdit.MovePosition(first.key(), unit.key()),
				new OrgEdit.AddDuty(OrgEdit.HolderKind.UNIT, unit.key(), "负责客房清洁质量抽检", "U-NEW"),
				new OrgEdit.RemoveDuty("U-NEW")));
		assertThat(applied.problems()).isEmpty();
		assertThat(applied.changedLines()).containsExactly(first.key(), first.key());
		OrgDocument.Position moved = applied.document().positions().stream().filter(p -> p.key().equals(first.key()))
			.findFirst().orElseThrow();
		assertThat(moved.reportsTo()).isNull();
		assertThat(moved.unit()).isEqualTo(unit.key());
		assertThat(moved.title()).isEqualTo(first.title());
		assertThat(applied.document().units().getLast().duties()).isEqualTo(unit.duties());
		assertThat(applied.document().positions().getFirst()).isEqualTo(top);
		assertThat(applied.document().people()).isEqualTo(this.car.people());
		// the order of positions is kept: unit heads are read from it
		assertThat(applied.document().positions()).extracting(OrgDocument.Position::key)
			.containsExactlyElementsOf(this.car.positions().stream().map(OrgDocument.Position::key).toList());
	}

	@Test
	void shouldNameEachEditWithAnUnknownKey() {
		OrgEdits.Applied applied = OrgEdits.apply(this.car, List.of(
				new OrgEdit.SetReportsTo("P01", "NOPE"),
				new OrgEdit.MovePosition("P01", "NO-UNIT"),
				new OrgEdit.AddDuty(OrgEdit.HolderKind.POSITION, "NOPE", "x", null),
				new OrgEdit.RemoveDuty("NO-DUTY")));
		assertThat(applied.problems()).extracting(ImportProblem::code)
			.containsExactly("UNKNOWN_POSITION", "UNKNOWN_UNIT", "UNKNOWN_POSITION", "UNKNOWN_DUTY");
		assertThat(applied.problems()).extracting(ImportProblem::line).containsExactly(1, 2, 3, 4);
		assertThat(applied.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("edits"));
		assertThat(applied.changedLines()).isEmpty();
	}

	@Test
	void shouldRefuseNoEdits() {
		assertThat(OrgEdits.apply(this.car, List.of()).problems()).extracting(ImportProblem::code).containsExactly("BAD_VALUE");
	}

	@Test
	void shouldLeaveALoopToTheValidator() {
		OrgEdits.Applied applied = OrgEdits.apply(this.car, List.of(new OrgEdit.SetReportsTo("P01", "P10")));
		assertThat(applied.problems()).isEmpty();
		OrgValidator.Validation validation = new OrgValidator(OrgValidator.Strictness.DOCUMENT).validate(applied.document());
		assertThat(validation.rejected()).isTrue();
		assertThat(validation.problems()).extracting(ImportProblem::code).contains("CYCLE");
	}

}
