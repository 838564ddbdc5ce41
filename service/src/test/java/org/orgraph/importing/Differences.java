package org.orgraph.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

/** Test helper: what differs between two documents, readable when the values are hostile. */
final class Differences {

	private Differences() {
	}

	/**
	 * Where two documents differ, locations and metadata aside, each as "path: expected, actual"
	 * with values shortened and escaped, so that a failure stays readable with values of
	 * 100 000 characters.
	 */
	static List<String> between(OrgDocument expected, @Nullable OrgDocument actual) {
		if (actual == null) {
			return List.of("no document");
		}
		Map<String, Object> want = flatten(expected);
		Map<String, Object> got = flatten(actual);
		Set<String> paths = new LinkedHashSet<>(want.keySet());
		paths.addAll(got.keySet());
		List<String> differences = new ArrayList<>();
		for (String path : paths) {
			if (!Objects.equals(want.get(path), got.get(path))) {
				differences.add("%s: expected %s, was %s".formatted(path, shown(want.get(path)), shown(got.get(path))));
			}
		}
		return differences;
	}

	private static Map<String, Object> flatten(OrgDocument document) {
		Map<String, Object> paths = new LinkedHashMap<>();
		paths.put("key", document.key());
		paths.put("name", document.name());
		for (int i = 0; i < document.units().size(); i++) {
			Unit unit = document.units().get(i);
			String at = "units[" + i + "].";
			paths.put(at + "key", unit.key());
			paths.put(at + "name", unit.name());
			paths.put(at + "parent", String.valueOf(unit.parent()));
			paths.put(at + "kind", String.valueOf(unit.kind()));
			paths.put(at + "plannedHeadcount", String.valueOf(unit.plannedHeadcount()));
			flattenDuties(paths, at, unit.duties());
		}
		for (int i = 0; i < document.positions().size(); i++) {
			Position position = document.positions().get(i);
			String at = "positions[" + i + "].";
			paths.put(at + "key", position.key());
			paths.put(at + "title", position.title());
			paths.put(at + "unit", position.unit());
			paths.put(at + "reportsTo", String.valueOf(position.reportsTo()));
			paths.put(at + "headcount", String.valueOf(position.headcount()));
			paths.put(at + "grade", String.valueOf(position.grade()));
			paths.put(at + "concurrentWith", String.valueOf(position.concurrentWith()));
			paths.put(at + "juniorFte", position.juniorFte());
			flattenDuties(paths, at, position.duties());
		}
		for (int i = 0; i < document.people().size(); i++) {
			Person person = document.people().get(i);
			String at = "people[" + i + "].";
			paths.put(at + "key", person.key());
			paths.put(at + "name", person.name());
			for (int j = 0; j < person.holds().size(); j++) {
				Holding holding = person.holds().get(j);
				paths.put(at + "holds[" + j + "]", holding.position() + " fte " + holding.fte() + " acting "
						+ holding.acting());
			}
		}
		return paths;
	}

	private static void flattenDuties(Map<String, Object> paths, String at, List<Duty> duties) {
		for (int j = 0; j < duties.size(); j++) {
			paths.put(at + "duties[" + j + "].key", String.valueOf(duties.get(j).key()));
			paths.put(at + "duties[" + j + "].text", duties.get(j).text());
		}
	}

	/** A value for a failure message: Java-escaped, at most 120 characters of it, and its length. */
	static String shown(@Nullable Object value) {
		if (value == null) {
			return "(absent)";
		}
		String text = value.toString();
		StringBuilder out = new StringBuilder("\"");
		text.codePoints().limit(120).forEach((cp) -> {
			if (cp == '"' || cp == '\\') {
				out.append('\\').appendCodePoint(cp);
			}
			else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || Character.getType(cp) == Character.FORMAT
					|| Character.getType(cp) == Character.LINE_SEPARATOR
					|| Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
				out.append("\\u%04X".formatted(cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		out.append(text.codePointCount(0, text.length()) > 120 ? "…\"" : "\"");
		return out + " (" + text.length() + " chars)";
	}

}
