package org.orgraph.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.orgraph.importing.OrgDocument.Location;

/**
 * Applies {@link OrgEdit}s, in order, to an organisation's document. Pure: a key the document
 * does not have is a problem naming the edit (its 1-based number as the line in file
 * {@code edits}); whether the result is sound (no cycle, no duplicate key) is the validator's
 * question, as for any import.
 */
final class OrgEdits {

	static final String FILE = "edits";

	private OrgEdits() {
	}

	/** The edited document and the positions whose reporting line an edit stated or removed. */
	record Applied(OrgDocument document, List<String> changedLines, List<ImportProblem> problems) {
	}

	static Applied apply(OrgDocument doc, List<OrgEdit> edits) {
		Map<String, OrgDocument.Unit> units = new LinkedHashMap<>();
		doc.units().forEach(u -> units.put(u.key(), u));
		Map<String, OrgDocument.Position> positions = new LinkedHashMap<>();
		doc.positions().forEach(p -> positions.put(p.key(), p));
		List<String> changedLines = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		if (edits.isEmpty()) {
			problems.add(ImportProblem.error(Location.of(FILE, 0, 0), ProblemCodes.BAD_VALUE, "no edits were given"));
		}
		for (int i = 0; i < edits.size(); i++) {
			Location at = Location.of(FILE, i + 1, 0);
			switch (edits.get(i)) {
				case OrgEdit.SetReportsTo e -> {
					if (known(positions, e.position(), at, problems)
							&& (e.reportsTo() == null || known(positions, e.reportsTo(), at, problems))) {
						update(positions, e.position(), p -> new OrgDocument.Position(p.key(), p.title(), p.unit(),
								e.reportsTo(), p.headcount(), p.grade(), p.duties(), p.concurrentWith(), p.juniorFte(), at));
						changedLines.add(e.position());
					}
				}
				case OrgEdit.MovePosition e -> {
					if (known(positions, e.position(), at, problems)) {
						if (!units.containsKey(e.unit())) {
							problems.add(ImportProblem.error(at, ProblemCodes.UNKNOWN_UNIT,
									"edit " + (i + 1) + ": unit \"" + e.unit() + "\" is not in the revision"));
						}
						else {
							update(positions, e.position(), p -> new OrgDocument.Position(p.key(), p.title(), e.unit(),
									p.reportsTo(), p.headcount(), p.grade(), p.duties(), p.concurrentWith(),
									p.juniorFte(), at));
							// a move can change who heads which unit, and so the derived lines
							changedLines.add(e.position());
						}
					}
				}
				case OrgEdit.AddDuty e -> {
					OrgDocument.Duty duty = new OrgDocument.Duty(e.key(), e.text(), at);
					if (e.holderKind() == OrgEdit.HolderKind.UNIT) {
						if (!units.containsKey(e.holder())) {
							problems.add(ImportProblem.error(at, ProblemCodes.UNKNOWN_UNIT,
									"edit " + (i + 1) + ": unit \"" + e.holder() + "\" is not in the revision"));
						}
						else {
							units.computeIfPresent(e.holder(), (k, u) -> new OrgDocument.Unit(u.key(), u.name(), u.parent(),
									u.kind(), u.plannedHeadcount(), plus(u.duties(), duty), u.at()));
						}
					}
					else if (known(positions, e.holder(), at, problems)) {
						update(positions, e.holder(), p -> new OrgDocument.Position(p.key(), p.title(), p.unit(),
								p.reportsTo(), p.headcount(), p.grade(), plus(p.duties(), duty), p.concurrentWith(),
								p.juniorFte(), p.at()));
					}
				}
				case OrgEdit.RemoveDuty e -> {
					boolean removed = false;
					for (OrgDocument.Unit u : List.copyOf(units.values())) {
						List<OrgDocument.Duty> kept = without(u.duties(), e.duty());
						if (kept.size() < u.duties().size()) {
							units.put(u.key(), new OrgDocument.Unit(u.key(), u.name(), u.parent(), u.kind(),
									u.plannedHeadcount(), kept, u.at()));
							removed = true;
						}
					}
					for (OrgDocument.Position p : List.copyOf(positions.values())) {
						List<OrgDocument.Duty> kept = without(p.duties(), e.duty());
						if (kept.size() < p.duties().size()) {
							positions.put(p.key(), new OrgDocument.Position(p.key(), p.title(), p.unit(), p.reportsTo(),
									p.headcount(), p.grade(), kept, p.concurrentWith(), p.juniorFte(), p.at()));
							removed = true;
						}
					}
					if (!removed) {
						problems.add(ImportProblem.error(at, ProblemCodes.UNKNOWN_DUTY,
								"edit " + (i + 1) + ": duty \"" + e.duty() + "\" is not in the revision"));
					}
				}
			}
		}
		OrgDocument edited = new OrgDocument(doc.key(), doc.name(), List.copyOf(units.values()),
				List.copyOf(positions.values()), doc.people(), doc.metadata());
		return new Applied(edited, List.copyOf(changedLines), List.copyOf(problems));
	}

	private static boolean known(Map<String, OrgDocument.Position> positions, String key, Location at,
			List<ImportProblem> problems) {
		if (positions.containsKey(key)) {
			return true;
		}
		problems.add(ImportProblem.error(at, ProblemCodes.UNKNOWN_POSITION,
				"edit " + at.line() + ": position \"" + key + "\" is not in the revision"));
		return false;
	}

	private static void update(Map<String, OrgDocument.Position> positions, String key,
			UnaryOperator<OrgDocument.Position> change) {
		positions.computeIfPresent(key, (k, p) -> change.apply(p));
	}

	private static List<OrgDocument.Duty> plus(List<OrgDocument.Duty> duties, OrgDocument.Duty duty) {
		List<OrgDocument.Duty> all = new ArrayList<>(duties);
		all.add(duty);
		return all;
	}

	private static List<OrgDocument.Duty> without(List<OrgDocument.Duty> duties, String key) {
		return duties.stream().filter(d -> !key.equals(d.key())).toList();
	}

}
