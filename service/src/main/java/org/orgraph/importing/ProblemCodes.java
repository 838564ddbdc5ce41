package org.orgraph.importing;

/**
 * The stable codes an import problem carries. Documented in {@code docs/import.md}; clients
 * match on them, so never rename one.
 */
final class ProblemCodes {

	// reading the files
	public static final String BAD_ENCODING = "BAD_ENCODING";

	public static final String EMPTY_FILE = "EMPTY_FILE";

	public static final String HEADER_ONLY = "HEADER_ONLY";

	public static final String RAGGED_ROW = "RAGGED_ROW";

	public static final String MALFORMED_CSV = "MALFORMED_CSV";

	public static final String MALFORMED_JSON = "MALFORMED_JSON";

	public static final String MISSING_COLUMN = "MISSING_COLUMN";

	public static final String MISSING_FILE = "MISSING_FILE";

	public static final String UNKNOWN_FILE = "UNKNOWN_FILE";

	public static final String UNKNOWN_FORMAT = "UNKNOWN_FORMAT";

	public static final String MISSING_FIELD = "MISSING_FIELD";

	public static final String BAD_VALUE = "BAD_VALUE";

	public static final String BAD_ORG_KEY = "BAD_ORG_KEY";

	public static final String ORG_KEY_MISMATCH = "ORG_KEY_MISMATCH";

	// the organisation's structure
	public static final String DUPLICATE_KEY = "DUPLICATE_KEY";

	public static final String UNKNOWN_PARENT = "UNKNOWN_PARENT";

	public static final String UNKNOWN_UNIT = "UNKNOWN_UNIT";

	public static final String UNKNOWN_MANAGER = "UNKNOWN_MANAGER";

	public static final String UNKNOWN_POSITION = "UNKNOWN_POSITION";

	public static final String SELF_REPORT = "SELF_REPORT";

	public static final String CYCLE = "CYCLE";

	public static final String UNIT_CYCLE = "UNIT_CYCLE";

	/** An edit names a duty key the revision does not have. */
	public static final String UNKNOWN_DUTY = "UNKNOWN_DUTY";

	/** An edit was made against a revision that is no longer current. */
	public static final String CONFLICT = "CONFLICT";

	/** An edit names a revision the organisation does not have. */
	public static final String UNKNOWN_REVISION = "UNKNOWN_REVISION";

	// warnings: loaded, but worth a look
	public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

	public static final String DUPLICATE_ROW = "DUPLICATE_ROW";

	public static final String ELIMINATED_POST = "ELIMINATED_POST";

	public static final String OVER_FILLED = "OVER_FILLED";

	public static final String EMPTY_VALUE = "EMPTY_VALUE";

	/** A key or a duty text too long for the store's indexes (see {@code OrgValidator}). */
	public static final String TOO_LONG = "TOO_LONG";

	private ProblemCodes() {
	}

}
