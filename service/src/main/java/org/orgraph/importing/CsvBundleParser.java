package org.orgraph.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.orgraph.importing.OrgDocument.Location;

/**
 * Reads the CSV bundle HR systems export: {@code people.csv} (one row per employee with a
 * manager id, or rows pointing at {@code positions.csv}), and optionally {@code units.csv},
 * {@code positions.csv}, {@code duties.csv} and {@code org.csv}. Column names are matched
 * loosely (case, spaces, underscores, common English and Chinese aliases); the reference is
 * {@code docs/import-csv.md}.
 * <p>
 * References between rows (managers, parents, units) go into the document as given, resolved
 * only where the bundle's shape demands it (a manager id becomes the manager's position, a
 * department name becomes a unit key); {@code OrgValidator} checks them. The exceptions are
 * references the document has no place for: a duty whose holder does not exist, a unit name
 * several units share, a manager id that only fills in a declared post's {@code reports_to},
 * a vacant seat of a post positions.csv does not declare.
 * <p>
 * Each file kind has its own reader ({@link CsvOrgFile}, {@link CsvUnitsFile},
 * {@link CsvPositionsFile}, {@link CsvPeopleFile}, {@link CsvDutiesFile}) filling one
 * {@link CsvBundle}, in the order here: units before the positions and people that name them.
 */
final class CsvBundleParser implements FormatParser {

	static final String FORMAT = "csv-bundle";

	/** Prefix of the position a person gets when the people file has no position column. */
	static final String OWN_POSITION_PREFIX = "P-";

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public ParseResult parse(String orgKey, List<ImportFile> files) {
		return read(new CsvBundle(orgKey), files);
	}

	/** The files a bundle may hold, recognised by name whatever the directory or case. */
	enum Role {

		ORG("org.csv", "organization.csv", "organisation.csv"), UNITS("units.csv", "部门.csv"),
		POSITIONS("positions.csv", "岗位.csv"), PEOPLE("people.csv", "employees.csv", "人员.csv", "员工.csv"),
		DUTIES("duties.csv", "职责.csv");

		private final List<String> names;

		Role(String... names) {
			this.names = List.of(names);
		}

		static @Nullable Role of(String fileName) {
			String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
				.strip()
				.toLowerCase(Locale.ROOT);
			for (Role role : values()) {
				if (role.names.contains(base)) {
					return role;
				}
			}
			return null;
		}

		String fileName() {
			return this.names.getFirst();
		}

	}

	private static ParseResult read(CsvBundle bundle, List<ImportFile> files) {
		Map<Role, ImportFile> byRole = new EnumMap<>(Role.class);
		for (ImportFile file : files) {
			Role role = Role.of(file.name());
			if (role == null) {
				bundle.warn(Location.of(file.name(), 0, 0), ProblemCodes.UNKNOWN_FILE,
						("'%s' is not part of a CSV bundle (people.csv, units.csv, positions.csv, duties.csv, "
								+ "org.csv); it was not read").formatted(file.name()));
			}
			else if (byRole.containsKey(role)) {
				bundle.fatal(Location.of(file.name(), 0, 0), ProblemCodes.UNKNOWN_FILE,
						"the bundle already has %s as its %s; send one file per kind"
							.formatted(byRole.get(role).name(), role.fileName()));
			}
			else {
				byRole.put(role, file);
				bundle.fileNames.add(file.name());
			}
		}
		if (!byRole.containsKey(Role.PEOPLE) && !byRole.containsKey(Role.POSITIONS)) {
			bundle.fatal(Location.of(Role.PEOPLE.fileName(), 0, 0), ProblemCodes.MISSING_FILE,
					"a CSV bundle needs people.csv (or employees.csv) or positions.csv");
			return new ParseResult(null, bundle.problems);
		}
		String name = bundle.orgKey;
		if (byRole.containsKey(Role.ORG)) {
			name = new CsvOrgFile(bundle).read(byRole.get(Role.ORG));
		}
		if (byRole.containsKey(Role.UNITS)) {
			new CsvUnitsFile(bundle).read(byRole.get(Role.UNITS));
		}
		boolean positionsGiven = byRole.containsKey(Role.POSITIONS);
		if (positionsGiven) {
			new CsvPositionsFile(bundle).read(byRole.get(Role.POSITIONS));
		}
		if (byRole.containsKey(Role.PEOPLE)) {
			new CsvPeopleFile(bundle).read(byRole.get(Role.PEOPLE), positionsGiven);
		}
		if (byRole.containsKey(Role.DUTIES)) {
			new CsvDutiesFile(bundle).read(byRole.get(Role.DUTIES));
		}
		if (bundle.unreadable) {
			return new ParseResult(null, bundle.problems);
		}
		return new ParseResult(bundle.document(name), bundle.problems);
	}

	/**
	 * Header names compare without case, spaces, underscores, hyphens, dots and the asterisks
	 * import templates put on required columns: {@code Employee ID}, {@code employee_id} and
	 * {@code *EmployeeId} are one column.
	 */
	static String normaliseHeader(String header) {
		StringBuilder out = new StringBuilder(header.length());
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_' && c != '-' && c != '.'
					&& c != '*' && c != '＊' && c != '\uFEFF') {
				out.append(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	/**
	 * Trims a cell (including no-break and ideographic spaces) and unwraps Excel's
	 * {@code ="00123"}, which HR systems write to keep leading zeros; blank is null.
	 */
	static @Nullable String clean(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String value = strip(raw);
		if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
			value = strip(value.substring(2, value.length() - 1));
		}
		return value.isEmpty() ? null : value;
	}

	private static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isBlank(value.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
	}

}
