package org.orgraph.importing;

import java.util.List;
import java.util.Set;

import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.Table.Row;

/** {@code org.csv}: the organisation's name (and key) in one row. */
final class CsvOrgFile {

	static final ColumnSpec NAME = ColumnSpec.of("name", "org_name", "organization", "organisation",
			"organization_name", "organisation_name", "名称", "组织名称", "公司名称", "单位名称");

	static final ColumnSpec KEY = ColumnSpec.of("key", "org_key", "组织编号");

	static final List<ColumnSpec> COLUMNS = List.of(NAME, KEY);

	private final CsvBundle bundle;

	CsvOrgFile(CsvBundle bundle) {
		this.bundle = bundle;
	}

	/** The organisation's name; its key when the file gives none. */
	String read(ImportFile file) {
		String orgKey = this.bundle.orgKey;
		Table sheet = new CsvTableReader(this.bundle).read(file, COLUMNS, Set.of(NAME), Severity.WARNING);
		if (sheet == null) {
			return orgKey;
		}
		Row row = sheet.rows().getFirst();
		if (sheet.rows().size() > 1) {
			this.bundle.error(Location.of(sheet.file(), sheet.rows().get(1).line(), 1), ProblemCodes.BAD_VALUE,
					"org.csv describes one organisation in one row; found %d rows".formatted(sheet.rows().size()));
		}
		String key = CsvBundle.value(sheet, row, KEY);
		if (key != null && !key.equals(orgKey)) {
			this.bundle.error(sheet.at(row, KEY), ProblemCodes.ORG_KEY_MISMATCH,
					"org.csv is for '%s' but is being imported into '%s'".formatted(key, orgKey));
		}
		String name = CsvBundle.value(sheet, row, NAME);
		if (name == null) {
			this.bundle.warn(sheet.at(row, NAME), ProblemCodes.EMPTY_VALUE,
					"the organisation has no name; using its key '%s'".formatted(orgKey));
			return orgKey;
		}
		return name;
	}

}
