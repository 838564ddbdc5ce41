package org.orgraph.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One organisation read from a document: units, posts and their duties, each with the line and
 * exact excerpt it came from, and what the reader skipped or guessed.
 */
final class Extraction {

	/** Where an item came from. {@code kind}: unit, position, parent, reportsTo, concurrentWith, headcount, duty, person. */
	record Source(String kind, String key, String file, int line, String excerpt) {
	}

	record Warning(String file, int line, String code, String message) {
	}

	static final class Duty {

		final String key;

		final String text;

		final int line;

		Duty(String key, String text, int line) {
			this.key = key;
			this.text = text;
			this.line = line;
		}

	}

	static final class Unit {

		final String key;

		final String name;

		@Nullable Unit parent;

		final String kind;

		@Nullable Integer plannedHeadcount;

		final List<Duty> duties = new ArrayList<>();

		final List<Duty> summaries = new ArrayList<>();

		final int line;

		Unit(String key, String name, @Nullable Unit parent, String kind, int line) {
			this.key = key;
			this.name = name;
			this.parent = parent;
			this.kind = kind;
			this.line = line;
		}

	}

	static final class Position {

		final String key;

		final String title;

		Unit unit;

		@Nullable Position reportsTo;

		@Nullable Integer headcount;

		@Nullable Position concurrentWith;

		final List<Duty> duties = new ArrayList<>();

		final List<Duty> summaries = new ArrayList<>();

		final int line;

		Position(String key, String title, Unit unit, int line) {
			this.key = key;
			this.title = title;
			this.unit = unit;
			this.line = line;
		}

	}

	/** Someone the document names as holding a post (总经理:张三, 由李四兼任). */
	static final class Person {

		final String key;

		final String name;

		final List<Position> holds = new ArrayList<>();

		final int line;

		Person(String key, String name, int line) {
			this.key = key;
			this.name = name;
			this.line = line;
		}

	}

	final String file;

	final String title;

	final int firstLine;

	String name;

	final List<Unit> units = new ArrayList<>();

	final List<Position> positions = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

	final List<Source> sources = new ArrayList<>();

	final List<Warning> warnings = new ArrayList<>();

	Extraction(String file, String title, String name, int firstLine) {
		this.file = file;
		this.title = title;
		this.name = name;
		this.firstLine = firstLine;
	}

	Unit root() {
		return this.units.getFirst();
	}

	int dutyCount() {
		return this.units.stream().mapToInt(u -> u.duties.size()).sum()
				+ this.positions.stream().mapToInt(p -> p.duties.size()).sum();
	}

	/** The org document (docs/import.md), with {@code sources} kept in it as revision metadata. */
	Map<String, Object> document(@Nullable String key) {
		Map<String, Object> doc = new LinkedHashMap<>();
		if (key != null) {
			doc.put("key", key);
		}
		doc.put("name", this.name);
		doc.put("source", this.file + (this.title.isEmpty() ? "" : " (" + this.title + ")"));
		List<Map<String, Object>> units = new ArrayList<>();
		for (Unit u : this.units) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", u.key);
			m.put("name", u.name);
			m.put("parent", u.parent == null ? null : u.parent.key);
			m.put("kind", u.kind);
			if (u.plannedHeadcount != null) {
				m.put("plannedHeadcount", u.plannedHeadcount);
			}
			m.put("duties", duties(u.duties));
			units.add(m);
		}
		doc.put("units", units);
		List<Map<String, Object>> positions = new ArrayList<>();
		for (Position p : this.positions) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", p.key);
			m.put("title", p.title);
			m.put("unit", p.unit.key);
			m.put("reportsTo", p.reportsTo == null ? null : p.reportsTo.key);
			if (p.headcount != null) {
				m.put("headcount", p.headcount);
			}
			m.put("duties", duties(p.duties));
			m.put("concurrentWith", p.concurrentWith == null ? null : p.concurrentWith.key);
			positions.add(m);
		}
		doc.put("positions", positions);
		List<Map<String, Object>> people = new ArrayList<>();
		for (Person p : this.people) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", p.key);
			m.put("name", p.name);
			m.put("holds", p.holds.stream().map(h -> Map.<String, Object>of("position", h.key)).toList());
			people.add(m);
		}
		doc.put("people", people);
		doc.put("sources", sources());
		return doc;
	}

	List<Map<String, Object>> sources() {
		return this.sources.stream().map(s -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", s.kind());
			m.put("key", s.key());
			m.put("file", s.file());
			m.put("line", s.line());
			m.put("excerpt", s.excerpt());
			return m;
		}).toList();
	}

	List<Map<String, Object>> warningMaps() {
		return this.warnings.stream().map(w -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", w.file());
			m.put("line", w.line());
			m.put("code", w.code());
			m.put("message", w.message());
			return m;
		}).toList();
	}

	private static List<Map<String, Object>> duties(List<Duty> duties) {
		return duties.stream().map(d -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", d.key);
			m.put("text", d.text);
			return m;
		}).toList();
	}

}
