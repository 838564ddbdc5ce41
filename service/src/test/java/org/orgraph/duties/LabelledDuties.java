package org.orgraph.duties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The labelled duty pairs under {@code src/test/resources/duties/labels} (see the README there):
 * duty universes (one organisation's duties each), labelled pairs within them, and which
 * universes are held out from fitting.
 */
record LabelledDuties(Map<String, Universe> universes, Map<String, String> labels) {

	record Duty(String id, String holder, String text) {
	}

	record Universe(String name, String split, List<Duty> duties) {
	}

	static LabelledDuties load() {
		Path dir = directory();
		try {
			Map<String, String> splits = new LinkedHashMap<>();
			for (String[] row : rows(dir.resolve("splits.tsv"))) {
				splits.put(row[0], row[1]);
			}
			Map<String, Universe> universes = new LinkedHashMap<>();
			try (Stream<Path> files = Files.list(dir.resolve("orgs"))) {
				for (Path f : files.sorted().toList()) {
					String name = f.getFileName().toString().replaceFirst("\\.tsv$", "");
					List<Duty> duties = rows(f).stream().map(r -> new Duty(r[0], r[1], r[2])).toList();
					universes.put(name, new Universe(name, splits.getOrDefault(name, "tune"), duties));
				}
			}
			Map<String, String> labels = new LinkedHashMap<>();
			for (String[] row : rows(dir.resolve("pairs.tsv"))) {
				labels.put(pairKey(row[0], row[1], row[2]), row[3]);
			}
			return new LabelledDuties(universes, labels);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String pairKey(String universe, String a, String b) {
		return universe + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
	}

	/** FULL, PARTIAL, CONTRAST, DISTINCT, or null for a pair nobody labelled (a non-overlap). */
	String label(String universe, String a, String b) {
		return this.labels.get(pairKey(universe, a, b));
	}

	private static Path directory() {
		String override = System.getProperty("orgraph.labels.dir");
		if (override != null) {
			return Path.of(override);
		}
		try {
			return Path.of(Objects.requireNonNull(LabelledDuties.class.getResource("/duties/labels/pairs.tsv")).toURI())
				.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String[]> rows(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank() && !line.startsWith("#")) {
				rows.add(line.split("\t", -1));
			}
		}
		return rows;
	}

}
