package org.orgraph.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.orgraph.duties.DutyText;
import org.orgraph.duties.PlaceholderDuties;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.RevisionPlan.DutyRow;
import org.orgraph.importing.RevisionPlan.HeadRow;
import org.orgraph.importing.RevisionPlan.HoldingRow;
import org.orgraph.importing.RevisionPlan.PersonRow;
import org.orgraph.importing.RevisionPlan.PositionRow;
import org.orgraph.importing.RevisionPlan.ReportingRow;
import org.orgraph.importing.RevisionPlan.UnitRow;

/**
 * Checks a parsed document as a whole (keys, references, cycles) and, when it is sound, plans
 * the revision: unit heads, derived reporting lines and duty keys. Runs in O(units + positions
 * + people + duties): every check is a hash lookup or a walk that visits each node once.
 */
final class OrgValidator {

	/**
	 * How reporting lines are held. In the user's own documents a dangling reference is an
	 * error and a missing line is derived from unit heads. Published files (UK organograms)
	 * state every post's line (an empty one means the top) and are known to point at posts
	 * that are not in the file: such a line is dropped with a warning, and nothing is derived.
	 */
	enum Strictness {

		DOCUMENT, PUBLISHED

	}

	/** Keys are in unique indexes with the revision; an index entry holds about 8 KB. */
	static final int MAX_KEY_LENGTH = 200;

	/**
	 * A duty's normal form is indexed to find exact overlaps; Neo4j refuses index entries over
	 * about 8 KB, so the normal form may take at most this many UTF-8 bytes (about 1300 CJK
	 * characters or 4000 Latin letters).
	 */
	static final int MAX_DUTY_NORM_BYTES = 4000;

	private final Strictness strictness;

	private final List<ImportProblem> problems = new ProblemList();

	/** Each distinct duty text once, with its normal form and whether it is a placeholder. */
	private final Map<String, SharedText> dutyTexts = new HashMap<>();

	OrgValidator(Strictness strictness) {
		this.strictness = strictness;
	}

	record Validation(@Nullable RevisionPlan plan, List<ImportProblem> problems) {

		boolean rejected() {
			return this.plan == null;
		}

	}

	Validation validate(OrgDocument doc) {
		Map<String, OrgDocument.Unit> units = unique(doc.units(), OrgDocument.Unit::key, OrgDocument.Unit::at, "unit");
		Map<String, OrgDocument.Position> positions = unique(doc.positions(), OrgDocument.Position::key,
				OrgDocument.Position::at, "position");
		unique(doc.people(), OrgDocument.Person::key, OrgDocument.Person::at, "person");

		for (OrgDocument.Unit unit : doc.units()) {
			if (unit.parent() != null && !units.containsKey(unit.parent())) {
				error(unit.at(), ProblemCodes.UNKNOWN_PARENT,
						"unit \"" + unit.key() + "\" names parent \"" + unit.parent() + "\", which is not a unit here");
			}
		}
		unitCycles(doc.units(), units);

		Map<String, String> explicitLines = new LinkedHashMap<>();
		for (OrgDocument.Position p : doc.positions()) {
			if (!units.containsKey(p.unit())) {
				error(p.at(), ProblemCodes.UNKNOWN_UNIT,
						"position \"" + p.key() + "\" is in unit \"" + p.unit() + "\", which is not a unit here");
			}
			if (p.reportsTo() != null) {
				if (p.reportsTo().equals(p.key())) {
					if (this.strictness == Strictness.PUBLISHED) {
						this.problems.add(ImportProblem.warning(p.at(), ProblemCodes.SELF_REPORT, "position \"" + p.key()
								+ "\" reports to itself; loaded without a reporting line"));
					}
					else {
						error(p.at(), ProblemCodes.SELF_REPORT, "position \"" + p.key() + "\" reports to itself");
					}
				}
				else if (!positions.containsKey(p.reportsTo())) {
					String message = "position \"" + p.key() + "\" reports to \"" + p.reportsTo()
							+ "\", which is not a position here";
					if (this.strictness == Strictness.PUBLISHED) {
						this.problems.add(ImportProblem.warning(p.at(), ProblemCodes.UNKNOWN_MANAGER,
								message + "; loaded without that reporting line"));
					}
					else {
						error(p.at(), ProblemCodes.UNKNOWN_MANAGER, message);
					}
				}
				else {
					explicitLines.put(p.key(), p.reportsTo());
				}
			}
			if (p.concurrentWith() != null && !positions.containsKey(p.concurrentWith())) {
				error(p.at(), ProblemCodes.UNKNOWN_POSITION, "position \"" + p.key() + "\" is held concurrently with \""
						+ p.concurrentWith() + "\", which is not a position here");
			}
		}

		Map<String, Integer> filled = new HashMap<>();
		for (OrgDocument.Person person : doc.people()) {
			Set<String> held = new HashSet<>();
			for (OrgDocument.Holding h : person.holds()) {
				if (!positions.containsKey(h.position())) {
					error(h.at(), ProblemCodes.UNKNOWN_POSITION, "person \"" + person.key() + "\" holds \"" + h.position()
							+ "\", which is not a position here");
				}
				else if (!held.add(h.position())) {
					error(h.at(), ProblemCodes.DUPLICATE_KEY,
							"person \"" + person.key() + "\" holds \"" + h.position() + "\" twice");
				}
				else {
					filled.merge(h.position(), 1, Integer::sum);
				}
			}
		}
		if (hasErrors()) {
			return new Validation(null, this.problems);
		}

		Map<String, String> heads = heads(doc, units, explicitLines);
		List<ReportingRow> reporting = reporting(doc, units, explicitLines, heads);
		reportingCycles(doc, positions, reporting);
		List<DutyRow> duties = duties(doc);
		for (OrgDocument.Position p : doc.positions()) {
			int seats = p.headcount() == null ? 1 : p.headcount();
			int holders = filled.getOrDefault(p.key(), 0);
			if (holders > seats) {
				this.problems.add(ImportProblem.warning(p.at(), ProblemCodes.OVER_FILLED, "position \"" + p.key()
						+ "\" has " + holders + " holders for " + seats + " seat(s)"));
			}
		}
		if (hasErrors()) {
			return new Validation(null, this.problems);
		}
		return new Validation(plan(doc, heads, reporting, duties), this.problems);
	}

	private RevisionPlan plan(OrgDocument doc, Map<String, String> heads, List<ReportingRow> reporting,
			List<DutyRow> duties) {
		List<UnitRow> unitRows = doc.units()
			.stream()
			.map(u -> new UnitRow(u.key(), u.name(), u.parent(), u.kind(), u.plannedHeadcount()))
			.toList();
		List<PositionRow> positionRows = doc.positions()
			.stream()
			.map(p -> new PositionRow(p.key(), p.title(), p.unit(), p.headcount() == null ? 1 : p.headcount(),
					p.grade(), p.concurrentWith(), p.juniorFte()))
			.toList();
		List<HeadRow> headRows = heads.entrySet().stream().map(e -> new HeadRow(e.getValue(), e.getKey())).toList();
		List<PersonRow> people = doc.people().stream().map(p -> new PersonRow(p.key(), p.name())).toList();
		List<HoldingRow> holdings = doc.people()
			.stream()
			.flatMap(p -> p.holds().stream().map(h -> new HoldingRow(p.key(), h.position(), h.fte(), h.acting())))
			.toList();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("units", unitRows.size());
		counts.put("positions", positionRows.size());
		counts.put("people", people.size());
		counts.put("holdings", holdings.size());
		counts.put("duties", duties.size());
		counts.put("reportingLines", reporting.size());
		counts.put("derivedReportingLines", (int) reporting.stream().filter(ReportingRow::derived).count());
		return new RevisionPlan(doc.key(), doc.name(), doc.metadata(), unitRows, positionRows, reporting, headRows, people, holdings, duties, counts);
	}

	/**
	 * The head of a unit is the position in it whose stated line leads outside the unit; when
	 * none states one, the first listed position that states no line at all. A unit whose
	 * positions all report inside it (a cycle) has no head; the cycle check reports it.
	 */
	private Map<String, String> heads(OrgDocument doc, Map<String, OrgDocument.Unit> units,
			Map<String, String> explicitLines) {
		Map<String, String> unitOf = new HashMap<>();
		doc.positions().forEach(p -> unitOf.put(p.key(), p.unit()));
		Map<String, String> statedOutside = new LinkedHashMap<>();
		Map<String, String> unstated = new LinkedHashMap<>();
		for (OrgDocument.Position p : doc.positions()) {
			String manager = explicitLines.get(p.key());
			if (manager == null) {
				unstated.putIfAbsent(p.unit(), p.key());
			}
			else if (!p.unit().equals(unitOf.get(manager))) {
				statedOutside.putIfAbsent(p.unit(), p.key());
			}
		}
		Map<String, String> heads = new LinkedHashMap<>(unstated);
		heads.putAll(statedOutside);
		return heads;
	}

	/**
	 * Stated lines as given; a position without one reports to the head of its unit, and a
	 * head without one to the head of the nearest ancestor unit that has a head. A derived
	 * line that would lead back to the position itself is not drawn: that position is a top
	 * (the chief executive whose department is headed, on paper, by someone reporting to them).
	 */
	private List<ReportingRow> reporting(OrgDocument doc, Map<String, OrgDocument.Unit> units,
			Map<String, String> explicitLines, Map<String, String> heads) {
		List<ReportingRow> rows = new ArrayList<>();
		Map<String, String> next = new HashMap<>(explicitLines);
		for (OrgDocument.Position p : doc.positions()) {
			String manager = explicitLines.get(p.key());
			if (manager != null) {
				rows.add(new ReportingRow(p.key(), manager, false));
				continue;
			}
			if (this.strictness == Strictness.PUBLISHED) {
				continue;
			}
			String derived = derivedManager(p, units, heads);
			if (derived != null && !leadsTo(next, derived, p.key(), doc.positions().size())) {
				rows.add(new ReportingRow(p.key(), derived, true));
				next.put(p.key(), derived);
			}
		}
		return rows;
	}

	private static @Nullable String derivedManager(OrgDocument.Position p, Map<String, OrgDocument.Unit> units,
			Map<String, String> heads) {
		String head = heads.get(p.unit());
		if (head != null && !head.equals(p.key())) {
			return head;
		}
		OrgDocument.Unit unit = units.get(p.unit());
		int guard = 0;
		while (unit != null && unit.parent() != null && guard++ < units.size()) {
			unit = units.get(unit.parent());
			String ancestorHead = unit == null ? null : heads.get(unit.key());
			if (ancestorHead != null && !ancestorHead.equals(p.key())) {
				return ancestorHead;
			}
		}
		return null;
	}

	/** Whether following lines up from {@code from} reaches {@code target} (bounded by the number of positions). */
	private static boolean leadsTo(Map<String, String> next, String from, String target, int bound) {
		String current = from;
		for (int i = 0; current != null && i <= bound; i++) {
			if (current.equals(target)) {
				return true;
			}
			current = next.get(current);
		}
		return false;
	}

	private void reportingCycles(OrgDocument doc, Map<String, OrgDocument.Position> positions,
			List<ReportingRow> reporting) {
		Map<String, String> next = new HashMap<>();
		reporting.forEach(r -> next.put(r.from(), r.to()));
		Map<String, Integer> state = new HashMap<>();
		for (OrgDocument.Position start : doc.positions()) {
			List<String> path = new ArrayList<>();
			String current = start.key();
			while (current != null && state.getOrDefault(current, 0) == 0) {
				state.put(current, 1);
				path.add(current);
				current = next.get(current);
			}
			if (current != null && state.get(current) == 1) {
				List<String> cycle = path.subList(path.indexOf(current), path.size());
				error(positions.get(current).at(), ProblemCodes.CYCLE,
						"reporting lines form a cycle: " + String.join(" → ", cycle) + " → " + current);
			}
			path.forEach(k -> state.put(k, 2));
		}
	}

	private void unitCycles(List<OrgDocument.Unit> list, Map<String, OrgDocument.Unit> units) {
		Map<String, Integer> state = new HashMap<>();
		for (OrgDocument.Unit start : list) {
			List<String> path = new ArrayList<>();
			String current = start.key();
			while (current != null && units.containsKey(current) && state.getOrDefault(current, 0) == 0) {
				state.put(current, 1);
				path.add(current);
				current = units.get(current).parent();
			}
			if (current != null && state.getOrDefault(current, 0) == 1) {
				List<String> cycle = path.subList(path.indexOf(current), path.size());
				error(units.get(current).at(), ProblemCodes.UNIT_CYCLE,
						"units are their own ancestors: " + String.join(" → ", cycle) + " → " + current);
			}
			path.forEach(k -> state.put(k, 2));
		}
	}

	private List<DutyRow> duties(OrgDocument doc) {
		List<DutyRow> rows = new ArrayList<>();
		// A derived key (U:<unit>:<n>, P:<post>:<n>) cannot repeat another derived key: holders are
		// unique by now and <n> ends the key. Only a key the document gives can clash, so without
		// any (and without an empty holder key) the set of every key seen is not needed: at a
		// million people it would hold six million keys.
		boolean given = Stream.concat(doc.units().stream().flatMap(u -> u.duties().stream()),
				doc.positions().stream().flatMap(p -> p.duties().stream()))
			.anyMatch(d -> d.key() != null);
		boolean emptyHolder = doc.units().stream().anyMatch(u -> u.key().isEmpty())
				|| doc.positions().stream().anyMatch(p -> p.key().isEmpty());
		@Nullable Map<String, Location> seen = given || emptyHolder ? new HashMap<>() : null;
		for (OrgDocument.Unit u : doc.units()) {
			addDuties(rows, seen, u.duties(), "UNIT", u.key());
		}
		for (OrgDocument.Position p : doc.positions()) {
			addDuties(rows, seen, p.duties(), "POSITION", p.key());
		}
		return rows;
	}

	private void addDuties(List<DutyRow> rows, @Nullable Map<String, Location> seen, List<OrgDocument.Duty> duties,
			String holderKind, String holder) {
		int n = 0;
		for (OrgDocument.Duty d : duties) {
			n++;
			String key = d.key() != null ? d.key() : DutyRow.derivedKey(holderKind, holder, n);
			Location first = seen == null ? null : seen.putIfAbsent(key, d.at());
			if (first != null) {
				error(d.at(), ProblemCodes.DUPLICATE_KEY, "duty key \"" + key + "\" is used twice (first at line "
						+ first.line() + ")");
				continue;
			}
			if (key.length() > MAX_KEY_LENGTH) {
				error(d.at(), ProblemCodes.TOO_LONG, "a duty key is %d characters long, at most %d are allowed"
					.formatted(key.length(), MAX_KEY_LENGTH));
				continue;
			}
			// one string for every duty of the same text, normalised once: posts of a kind share most
			// of their duties, and a large organisation would otherwise hold millions of equal strings
			SharedText shared = this.dutyTexts.computeIfAbsent(d.text(),
					t -> new SharedText(t, DutyText.normalize(t), PlaceholderDuties.isPlaceholder(t)));
			String text = shared.text();
			String norm = shared.norm();
			int bytes = utf8Length(norm);
			if (bytes > MAX_DUTY_NORM_BYTES) {
				error(d.at(), ProblemCodes.TOO_LONG, ("a duty's text is too long to compare with others (%d bytes once"
						+ " normalised, at most %d): split it into several duties").formatted(bytes, MAX_DUTY_NORM_BYTES));
				continue;
			}
			rows.add(new DutyRow(d.key(), n, text, norm, shared.placeholder(), holderKind, holder));
		}
	}

	private record SharedText(String text, String norm, boolean placeholder) {
	}

	/** The length of {@code s} in UTF-8 ({@code s.getBytes(UTF_8).length}), without encoding it. */
	static int utf8Length(String s) {
		int bytes = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				// a lone surrogate is written as '?', as String.getBytes does
				bytes += Character.isSurrogate(c) ? 1 : 3;
			}
		}
		return bytes;
	}

	private <T> Map<String, T> unique(List<T> items, java.util.function.Function<T, String> key,
			java.util.function.Function<T, Location> at, String what) {
		Map<String, T> byKey = new LinkedHashMap<>();
		for (T item : items) {
			String k = key.apply(item);
			if (k.isEmpty()) {
				continue;
			}
			if (k.length() > MAX_KEY_LENGTH) {
				error(at.apply(item), ProblemCodes.TOO_LONG, "a %s key is %d characters long, at most %d are allowed"
					.formatted(what, k.length(), MAX_KEY_LENGTH));
				continue;
			}
			T first = byKey.putIfAbsent(k, item);
			if (first != null) {
				Location firstAt = at.apply(first);
				error(at.apply(item), ProblemCodes.DUPLICATE_KEY, what + " key \"" + k + "\" is used twice (first at "
						+ firstAt.file() + " line " + firstAt.line() + ")");
			}
		}
		return byKey;
	}

	private boolean hasErrors() {
		return this.problems.stream().anyMatch(ImportProblem::isError);
	}

	private void error(Location at, String code, String message) {
		this.problems.add(ImportProblem.error(at, code, message));
	}

}
