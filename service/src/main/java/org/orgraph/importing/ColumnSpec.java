package org.orgraph.importing;

import java.util.List;

/**
 * A column a tabular file may have: the name messages give it and every header that means it,
 * as written, the preferred spelling first. How headers are compared (case, spaces,
 * punctuation) is the reading parser's choice.
 */
record ColumnSpec(String label, List<String> aliases) {

	ColumnSpec {
		aliases = List.copyOf(aliases);
	}

	/** The first name is the label; every name, the label included, is an alias. */
	static ColumnSpec of(String label, String... aliases) {
		String[] names = new String[aliases.length + 1];
		names[0] = label;
		System.arraycopy(aliases, 0, names, 1, aliases.length);
		return new ColumnSpec(label, List.of(names));
	}

}
