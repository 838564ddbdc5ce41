package org.orgraph.importing;

/** Placeholder replaced below. */
public final class ImportCommand {
	public static final String NAME = "import";
	public static int run(String[] args) { throw new UnsupportedOperationException(); }
}
