package org.orgraph.importing;

import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The native org-document JSON ({@code docs/import.md}). Reads with a streaming parser so
 * every object keeps the line and column it started at; unknown top-level fields become
 * revision metadata, unknown fields elsewhere are reported as warnings and ignored.
 */
final class OrgJsonParser implements FormatParser {

	static final String FORMAT = "org-json";

	private static final JsonFactory JSON = new JsonFactory();

	private static final Set<String> TOP_FIELDS = Set.of("key", "name", "units", "positions", "people");

	private static final Set<String> UNIT_FIELDS = Set.of("key", "name", "parent", "kind", "plannedHeadcount", "duties");

	private static final Set<String> POSITION_FIELDS = Set.of("key", "title", "unit", "reportsTo", "headcount", "grade",
			"duties", "concurrentWith", "juniorFte");

	private static final Set<String> PERSON_FIELDS = Set.of("key", "name", "holds");

	private static final Set<String> HOLDING_FIELDS = Set.of("position", "fte", "acting");

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public ParseResult parse(String orgKey, List<ImportFile> files) {
		ParseResult notOne = FormatParser.notOneFile(files, "an org document import (one JSON file)");
		if (notOne != null) {
			return notOne;
		}
		ImportFile file = files.getFirst();
		if (file.length() == 0) {
			return new ParseResult(null,
					List.of(ImportProblem.error(Location.of(file.name(), 0, 0), ProblemCodes.EMPTY_FILE, "the file is empty")));
		}
		// only the charset is found here (without decoding the whole text): the parser reads the text from
		// the bytes as it goes, so a large document is held once, as its bytes
		Charset charset;
		try {
			charset = TextDecoder.charset(file.bytes());
		}
		catch (TextDecoder.UndecodableException ex) {
			return new ParseResult(null, List.of(ImportProblem.error(Location.of(file.name(), ex.line(), ex.column()),
					ProblemCodes.BAD_ENCODING, ex.getMessage())));
		}
		Reader reader = new Reader(file.name());
		try (JsonParser parser = JSON.createParser(text(file, charset))) {
			Mapper mapper = new Mapper(reader, orgKey);
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new MalformedException("no JSON value", parser.currentLocation());
			}
			ParseResult result;
			if (first == JsonToken.START_OBJECT) {
				result = mapper.document(parser);
			}
			else {
				// not an object: read it all (it may be malformed further on), then refuse it
				reader.value(parser, first, 0);
				result = null;
			}
			if (parser.nextToken() != null) {
				throw new MalformedException("unexpected content after the document", parser.currentTokenLocation());
			}
			if (result == null) {
				return new ParseResult(null, List.of(ImportProblem.error(Location.of(file.name(), 1, 1),
						ProblemCodes.MALFORMED_JSON, "the document must be a JSON object")));
			}
			return result;
		}
		catch (MalformedException ex) {
			return malformed(file.name(), ex.code, ex.getMessage(), ex.location);
		}
		catch (JacksonException ex) {
			return malformed(file.name(), ProblemCodes.MALFORMED_JSON, ex.getOriginalMessage(),
					ex.getLocation());
		}
	}

	/** The bytes as text, in the charset they decoded in, without the UTF-8 byte order mark. */
	private static java.io.Reader text(ImportFile file, Charset charset) {
		boolean bom = charset.equals(StandardCharsets.UTF_8) && TextDecoder.hasUtf8Bom(file.bytes());
		return new InputStreamReader(file.open(bom ? 3 : 0), charset);
	}

	private static ParseResult malformed(String file, String code, @Nullable String message,
			@Nullable TokenStreamLocation at) {
		int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
		int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
		return new ParseResult(null, List.of(ImportProblem.error(Location.of(file, line, column), code,
				code.equals(ProblemCodes.MALFORMED_JSON) ? "not valid JSON: " + message : message)));
	}

	/**
	 * JSON may escape half of a surrogate pair ({@code "\ud800"}); such a string is not
	 * Unicode text, could not be stored or sent back as UTF-8, and is refused.
	 */
	private static String unicode(String value, TokenStreamLocation at) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new MalformedException(ProblemCodes.BAD_VALUE,
						"a string holds an unpaired surrogate (\\u%04X at character %d): not Unicode text"
							.formatted((int) c, i + 1), at);
			}
		}
		return value;
	}

	private static final class MalformedException extends RuntimeException {

		private final TokenStreamLocation location;

		private final String code;

		MalformedException(String message, TokenStreamLocation location) {
			this(ProblemCodes.MALFORMED_JSON, message, location);
		}

		MalformedException(String code, String message, TokenStreamLocation location) {
			super(message);
			this.code = code;
			this.location = location;
		}

	}

	/** Reads JSON into maps and lists, remembering where each object and value started. */
	private static final class Reader {

		private final String file;

		private final Map<Object, Location> objectStarts = new IdentityHashMap<>();

		private final Map<Map<?, ?>, Map<String, Location>> fieldStarts = new IdentityHashMap<>();

		Reader(String file) {
			this.file = file;
		}

		/** Forgets the positions of what was read so far (the items already turned into records). */
		void clear() {
			this.objectStarts.clear();
			this.fieldStarts.clear();
		}

		@Nullable Object value(JsonParser parser, JsonToken token, int depth) {
			if (depth > 32) {
				throw new MalformedException("nested deeper than 32 levels", parser.currentTokenLocation());
			}
			return switch (token) {
				case START_OBJECT -> {
					Location at = at(parser.currentTokenLocation());
					Map<String, @Nullable Object> map = new LinkedHashMap<>();
					Map<String, Location> fields = new LinkedHashMap<>();
					JsonToken next;
					while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
						String name = unicode(parser.currentName(), parser.currentTokenLocation());
						Location fieldAt = at(parser.currentTokenLocation());
						if (map.containsKey(name)) {
							throw new MalformedException("field \"" + name + "\" appears twice in one object",
									parser.currentTokenLocation());
						}
						map.put(name, value(parser, parser.nextToken(), depth + 1));
						fields.put(name, fieldAt);
					}
					this.objectStarts.put(map, at);
					this.fieldStarts.put(map, fields);
					yield map;
				}
				case START_ARRAY -> {
					Location at = at(parser.currentTokenLocation());
					List<@Nullable Object> list = new ArrayList<>();
					JsonToken next;
					while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
						list.add(value(parser, next, depth + 1));
					}
					this.objectStarts.put(list, at);
					yield list;
				}
				case VALUE_STRING -> {
					String s = unicode(parser.getString(), parser.currentTokenLocation());
					this.objectStarts.put(s, at(parser.currentTokenLocation()));
					yield s;
				}
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
				case VALUE_TRUE -> Boolean.TRUE;
				case VALUE_FALSE -> Boolean.FALSE;
				case VALUE_NULL -> null;
				default -> throw new MalformedException("unexpected " + token, parser.currentTokenLocation());
			};
		}

		Location at(TokenStreamLocation location) {
			return Location.of(this.file, location.getLineNr(), location.getColumnNr());
		}

		Location startOf(Object value, Location fallback) {
			Location at = this.objectStarts.get(value);
			return at == null ? fallback : at;
		}

		Location field(Map<?, ?> object, String name) {
			Map<String, Location> fields = this.fieldStarts.get(object);
			Location at = fields == null ? null : fields.get(name);
			return at == null ? startOf(object, Location.of(this.file, 0, 0)) : at;
		}

	}

	/**
	 * Turns the document into an {@link OrgDocument}, collecting every problem rather than
	 * stopping at the first. The top-level object is read field by field and each unit,
	 * position and person is turned into its record as soon as it has been read, so only one
	 * item at a time is held as maps (a document of a million people would not fit twice).
	 * Problems come out in the order of a reading of the whole document: the organisation's
	 * fields, then units, positions and people, each list's misplaced entries first.
	 */
	private static final class Mapper {

		private final Reader reader;

		private final String orgKey;

		/** Where problems go: the list of the part being read. */
		private List<Noted> problems = new ArrayList<>();

		/** Unknown fields already reported in the part being read (reported once each). */
		private Set<String> unknownFieldsReported = new HashSet<>();

		Mapper(Reader reader, String orgKey) {
			this.reader = reader;
			this.orgKey = orgKey;
		}

		/** A problem, with the name it is reported once under (null: reported every time). */
		private record Noted(ImportProblem problem, @Nullable String once) {
		}

		/** One of the lists units, positions and people as it is read. */
		private final class Section<T> {

			final List<T> items = new ArrayList<>();

			final List<Noted> misplaced = new ArrayList<>();

			final List<Noted> problems = new ArrayList<>();

			final Set<String> reported = new HashSet<>();

			boolean streamed;

		}

		ParseResult document(JsonParser parser) {
			Location topAt = this.reader.at(parser.currentTokenLocation());
			Map<String, @Nullable Object> top = new LinkedHashMap<>();
			Map<String, Location> topFields = new LinkedHashMap<>();
			Section<OrgDocument.Unit> units = new Section<>();
			Section<OrgDocument.Position> positions = new Section<>();
			Section<OrgDocument.Person> people = new Section<>();
			JsonToken next;
			while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String name = unicode(parser.currentName(), parser.currentTokenLocation());
				Location fieldAt = this.reader.at(parser.currentTokenLocation());
				if (topFields.containsKey(name)) {
					throw new MalformedException("field \"" + name + "\" appears twice in one object",
							parser.currentTokenLocation());
				}
				topFields.put(name, fieldAt);
				JsonToken value = parser.nextToken();
				if (value == JsonToken.START_ARRAY && name.equals("units")) {
					stream(parser, name, units, this::unit);
				}
				else if (value == JsonToken.START_ARRAY && name.equals("positions")) {
					stream(parser, name, positions, this::position);
				}
				else if (value == JsonToken.START_ARRAY && name.equals("people")) {
					stream(parser, name, people, this::person);
				}
				else {
					top.put(name, this.reader.value(parser, value, 1));
				}
			}
			if (next != JsonToken.END_OBJECT) {
				throw new MalformedException("unexpected " + next, parser.currentTokenLocation());
			}
			this.reader.clear();
			this.reader.objectStarts.put(top, topAt);
			this.reader.fieldStarts.put(top, topFields);

			List<Noted> heading = new ArrayList<>();
			this.problems = heading;
			String key = optionalString(top, "key");
			if (key != null && !key.equals(this.orgKey)) {
				error(this.reader.field(top, "key"), ProblemCodes.ORG_KEY_MISMATCH,
						"the document's key \"" + key + "\" differs from the organisation \"" + this.orgKey
								+ "\" it is imported into");
			}
			String name = optionalString(top, "name");
			Map<String, Object> metadata = new LinkedHashMap<>();
			for (Map.Entry<String, @Nullable Object> field : top.entrySet()) {
				if (!TOP_FIELDS.contains(field.getKey()) && field.getValue() != null) {
					metadata.put(field.getKey(), field.getValue());
				}
			}
			for (Map.Entry<String, Section<?>> list : Map.<String, Section<?>>of("units", units, "positions", positions,
					"people", people).entrySet()) {
				if (!list.getValue().streamed) {
					// absent, null or not a list: no items, and an error for the last
					this.problems = list.getValue().misplaced;
					objects(top, list.getKey());
				}
			}
			List<ImportProblem> all = new ArrayList<>();
			Set<String> reported = new HashSet<>();
			for (List<Noted> part : List.of(heading, units.misplaced, units.problems, positions.misplaced,
					positions.problems, people.misplaced, people.problems)) {
				for (Noted noted : part) {
					if (noted.once() == null || reported.add(noted.once())) {
						all.add(noted.problem());
					}
				}
			}
			if (units.items.isEmpty() && positions.items.isEmpty()) {
				all.add(ImportProblem.error(this.reader.startOf(top, Location.of(this.reader.file, 1, 1)),
						ProblemCodes.MISSING_FIELD, "the document has neither units nor positions"));
			}
			OrgDocument document = new OrgDocument(this.orgKey, name == null ? this.orgKey : name, units.items,
					positions.items, people.items, metadata);
			return new ParseResult(document, all);
		}

		/** Reads a list of the top-level object item by item, turning each object into its record at once. */
		private <T> void stream(JsonParser parser, String field, Section<T> section,
				Function<Map<?, ?>, T> record) {
			section.streamed = true;
			this.problems = section.problems;
			this.unknownFieldsReported = section.reported;
			Location listAt = this.reader.at(parser.currentTokenLocation());
			JsonToken next;
			while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
				Object item = this.reader.value(parser, next, 2);
				if (item instanceof Map<?, ?> map) {
					section.items.add(record.apply(map));
				}
				else {
					section.misplaced.add(new Noted(ImportProblem.error(listAt, ProblemCodes.BAD_VALUE,
							"every entry of \"" + field + "\" must be an object"), null));
				}
				this.reader.clear();
			}
		}

		private OrgDocument.Unit unit(Map<?, ?> u) {
			unknownFields(u, UNIT_FIELDS, "unit");
			Location at = this.reader.startOf(u, Location.of(this.reader.file, 0, 0));
			return new OrgDocument.Unit(required(u, "key", "unit"), required(u, "name", "unit"),
					optionalString(u, "parent"), optionalString(u, "kind"), optionalInt(u, "plannedHeadcount"),
					duties(u), at);
		}

		private OrgDocument.Position position(Map<?, ?> p) {
			unknownFields(p, POSITION_FIELDS, "position");
			Location at = this.reader.startOf(p, Location.of(this.reader.file, 0, 0));
			Double juniorFte = optionalNumber(p, "juniorFte");
			return new OrgDocument.Position(required(p, "key", "position"), required(p, "title", "position"),
					required(p, "unit", "position"), optionalString(p, "reportsTo"), optionalInt(p, "headcount"),
					optionalString(p, "grade"), duties(p), optionalString(p, "concurrentWith"),
					juniorFte == null ? 0 : juniorFte, at);
		}

		private OrgDocument.Person person(Map<?, ?> p) {
			unknownFields(p, PERSON_FIELDS, "person");
			Location at = this.reader.startOf(p, Location.of(this.reader.file, 0, 0));
			List<Holding> holds = new ArrayList<>();
			for (Map<?, ?> h : objects(p, "holds")) {
				unknownFields(h, HOLDING_FIELDS, "holding");
				Double fte = optionalNumber(h, "fte");
				if (fte != null && (fte <= 0 || fte > 1)) {
					error(this.reader.field(h, "fte"), ProblemCodes.BAD_VALUE, "fte must be in (0, 1], got " + fte);
				}
				holds.add(new Holding(required(h, "position", "holding"), fte == null ? 1.0 : fte,
						Boolean.TRUE.equals(optionalBoolean(h, "acting")), this.reader.startOf(h, at)));
			}
			return new OrgDocument.Person(required(p, "key", "person"), required(p, "name", "person"), holds, at);
		}

		private List<Duty> duties(Map<?, ?> holder) {
			List<Duty> duties = new ArrayList<>();
			Object raw = holder.get("duties");
			if (raw == null) {
				return duties;
			}
			if (!(raw instanceof List<?> list)) {
				error(this.reader.field(holder, "duties"), ProblemCodes.BAD_VALUE, "\"duties\" must be a list");
				return duties;
			}
			for (Object d : list) {
				Location at = d == null ? this.reader.field(holder, "duties") : this.reader.startOf(d, this.reader.field(holder, "duties"));
				if (d instanceof String text) {
					if (text.isBlank()) {
						error(at, ProblemCodes.MISSING_FIELD, "a duty's text is empty");
					}
					else {
						duties.add(new Duty(null, text.strip(), at));
					}
				}
				else if (d instanceof Map<?, ?> m) {
					unknownFields(m, Set.of("key", "text"), "duty");
					duties.add(new Duty(optionalString(m, "key"), required(m, "text", "duty"), at));
				}
				else {
					error(at, ProblemCodes.BAD_VALUE, "a duty is a string or {\"key\", \"text\"}");
				}
			}
			return duties;
		}

		private List<Map<?, ?>> objects(Map<?, ?> parent, String field) {
			Object raw = parent.get(field);
			List<Map<?, ?>> result = new ArrayList<>();
			if (raw == null) {
				return result;
			}
			if (!(raw instanceof List<?> list)) {
				error(this.reader.field(parent, field), ProblemCodes.BAD_VALUE, "\"" + field + "\" must be a list");
				return result;
			}
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					result.add(map);
				}
				else {
					error(this.reader.startOf(list, this.reader.field(parent, field)), ProblemCodes.BAD_VALUE,
							"every entry of \"" + field + "\" must be an object");
				}
			}
			return result;
		}

		private void unknownFields(Map<?, ?> object, Set<String> known, String what) {
			for (Object name : object.keySet()) {
				if (!known.contains(name) && this.unknownFieldsReported.add(what + "." + name)) {
					this.problems.add(new Noted(ImportProblem.warning(this.reader.field(object, (String) name),
							ProblemCodes.UNKNOWN_FIELD, "unknown " + what + " field \"" + name + "\" ignored"),
							what + "." + name));
				}
			}
		}

		private String required(Map<?, ?> object, String field, String what) {
			String value = optionalString(object, field);
			if (value == null) {
				error(this.reader.startOf(object, Location.of(this.reader.file, 0, 0)), ProblemCodes.MISSING_FIELD,
						"a " + what + " needs \"" + field + "\"");
				return "";
			}
			return value;
		}

		private @Nullable String optionalString(Map<?, ?> object, String field) {
			Object value = object.get(field);
			if (value == null) {
				return null;
			}
			if (value instanceof String s) {
				String trimmed = s.strip();
				return trimmed.isEmpty() ? null : trimmed;
			}
			if (value instanceof Number n) {
				return n.toString();
			}
			error(this.reader.field(object, field), ProblemCodes.BAD_VALUE, "\"" + field + "\" must be a string");
			return null;
		}

		private @Nullable Integer optionalInt(Map<?, ?> object, String field) {
			Object value = object.get(field);
			if (value == null) {
				return null;
			}
			if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
					&& n.doubleValue() < 10_000_000) {
				return n.intValue();
			}
			error(this.reader.field(object, field), ProblemCodes.BAD_VALUE,
					"\"" + field + "\" must be a whole number ≥ 0, got " + value);
			return null;
		}

		private @Nullable Double optionalNumber(Map<?, ?> object, String field) {
			Object value = object.get(field);
			if (value == null) {
				return null;
			}
			if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
				return n.doubleValue();
			}
			error(this.reader.field(object, field), ProblemCodes.BAD_VALUE,
					"\"" + field + "\" must be a number ≥ 0, got " + value);
			return null;
		}

		private @Nullable Boolean optionalBoolean(Map<?, ?> object, String field) {
			Object value = object.get(field);
			if (value == null || value instanceof Boolean) {
				return (Boolean) value;
			}
			error(this.reader.field(object, field), ProblemCodes.BAD_VALUE, "\"" + field + "\" must be true or false");
			return null;
		}

		private void error(Location at, String code, String message) {
			this.problems.add(new Noted(ImportProblem.error(at, code, message), null));
		}

	}

}
