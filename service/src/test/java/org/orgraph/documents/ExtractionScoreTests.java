package org.orgraph.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the extractor against the demo organisations made by hand from seeds 000–002 (their
 * {@code source} names the seed; the seeds are under test resources). Each hand-made organisation
 * is paired with the extracted organisation it shares most names and duties with; extracted
 * organisations no hand-made one pairs with (passages of a seed nobody modelled) are not scored.
 */
class ExtractionScoreTests {

	static final Path DEMO = Path.of("src/main/resources/demo");

	static final Path SEEDS = Path.of("src/test/resources/documents/seeds");

	/** Counts for precision, recall and placement. */
	static final class Score {

		int labelDuties, extractedDuties, matchedDuties, rightHolder;

		int labelUnits, extractedUnits, matchedUnits;

		int labelPosts, extractedPosts, matchedPosts;

		int parentChecks, rightParent;

		void add(Score o) {
			labelDuties += o.labelDuties; extractedDuties += o.extractedDuties; matchedDuties += o.matchedDuties;
			rightHolder += o.rightHolder; labelUnits += o.labelUnits; extractedUnits += o.extractedUnits;
			matchedUnits += o.matchedUnits; labelPosts += o.labelPosts; extractedPosts += o.extractedPosts;
			matchedPosts += o.matchedPosts; parentChecks += o.parentChecks; rightParent += o.rightParent;
		}

		static double f1(int matched, int label, int extracted) {
			double p = extracted == 0 ? 0 : (double) matched / extracted;
			double r = label == 0 ? 0 : (double) matched / label;
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

		double dutyF1() { return f1(matchedDuties, labelDuties, extractedDuties); }

		double unitF1() { return f1(matchedUnits, labelUnits, extractedUnits); }

		double postF1() { return f1(matchedPosts, labelPosts, extractedPosts); }

		double holder() { return matchedDuties == 0 ? 0 : (double) rightHolder / matchedDuties; }

		double parent() { return parentChecks == 0 ? 0 : (double) rightParent / parentChecks; }

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"duties P %.2f R %.2f F1 %.2f (%d/%d/%d) | holder %.2f | units F1 %.2f (%d/%d/%d) | posts F1 %.2f (%d/%d/%d) | parent %.2f (%d/%d)",
					extractedDuties == 0 ? 0.0 : (double) matchedDuties / extractedDuties,
					labelDuties == 0 ? 0.0 : (double) matchedDuties / labelDuties, dutyF1(), matchedDuties, labelDuties,
					extractedDuties, holder(), unitF1(), matchedUnits, labelUnits, extractedUnits, postF1(), matchedPosts,
					labelPosts, extractedPosts, parent(), rightParent, parentChecks);
		}

	}

	/** An organisation as names: unit name → parent name (ROOT for the top), post → unit, duty → holder. */
	record Org(String name, Map<String, String> unitParent, Map<String, String> postUnit, List<String[]> duties) {
	}

	static final String ROOT = "(root)";

	static Org fromLabel(JsonNode doc) {
		Map<String, String> unitName = new HashMap<>();
		String root = null;
		for (JsonNode u : doc.get("units")) {
			unitName.put(u.get("key").asString(), u.get("name").asString());
			if (u.get("parent") == null || u.get("parent").isNull()) {
				root = u.get("key").asString();
			}
		}
		Map<String, String> unitParent = new HashMap<>();
		List<String[]> duties = new ArrayList<>();
		for (JsonNode u : doc.get("units")) {
			String key = u.get("key").asString();
			String holder = key.equals(root) ? ROOT : n(u.get("name").asString());
			if (!key.equals(root)) {
				JsonNode p = u.get("parent");
				unitParent.put(n(u.get("name").asString()), p.asString().equals(root) ? ROOT : n(unitName.get(p.asString())));
			}
			for (JsonNode d : u.path("duties")) {
				duties.add(new String[] { n(d.isString() ? d.asString() : d.get("text").asString()), holder });
			}
		}
		Map<String, String> postUnit = new HashMap<>();
		for (JsonNode p : doc.get("positions")) {
			String unit = p.get("unit").asString();
			postUnit.put(n(p.get("title").asString()), unit.equals(root) ? ROOT : n(unitName.get(unit)));
			for (JsonNode d : p.path("duties")) {
				duties.add(new String[] { n(d.isString() ? d.asString() : d.get("text").asString()), n(p.get("title").asString()) });
			}
		}
		return new Org(doc.get("name").asString(), unitParent, postUnit, duties);
	}

	static Org fromExtraction(Extraction e) {
		Map<String, String> unitParent = new HashMap<>();
		List<String[]> duties = new ArrayList<>();
		for (Extraction.Unit u : e.units) {
			String holder = u == e.root() ? ROOT : n(u.name);
			if (u != e.root()) {
				unitParent.put(n(u.name), u.parent == null || u.parent == e.root() ? ROOT : n(u.parent.name));
			}
			u.duties.forEach(d -> duties.add(new String[] { n(d.text), holder }));
		}
		Map<String, String> postUnit = new HashMap<>();
		for (Extraction.Position p : e.positions) {
			postUnit.put(n(p.title), p.unit == e.root() ? ROOT : n(p.unit.name));
			p.duties.forEach(d -> duties.add(new String[] { n(d.text), n(p.title) }));
		}
		return new Org(e.name, unitParent, postUnit, duties);
	}

	static String n(String s) {
		return OrgDocumentExtractor.norm(s);
	}

	static Score score(Org label, Org got) {
		Score s = new Score();
		s.labelDuties = label.duties().size();
		s.extractedDuties = got.duties().size();
		List<String[]> pool = new ArrayList<>(got.duties());
		for (String[] d : label.duties()) {
			String[] hit = null;
			for (String[] g : pool) {
				if (g[0].equals(d[0]) && (hit == null || g[1].equals(d[1]))) {
					hit = g;
				}
			}
			if (hit != null) {
				pool.remove(hit);
				s.matchedDuties++;
				if (hit[1].equals(d[1])) {
					s.rightHolder++;
				}
			}
		}
		s.labelUnits = label.unitParent().size();
		s.extractedUnits = got.unitParent().size();
		for (var u : label.unitParent().entrySet()) {
			if (got.unitParent().containsKey(u.getKey())) {
				s.matchedUnits++;
				s.parentChecks++;
				if (got.unitParent().get(u.getKey()).equals(u.getValue())) {
					s.rightParent++;
				}
			}
		}
		s.labelPosts = label.postUnit().size();
		s.extractedPosts = got.postUnit().size();
		for (var p : label.postUnit().entrySet()) {
			if (got.postUnit().containsKey(p.getKey())) {
				s.matchedPosts++;
				s.parentChecks++;
				if (got.postUnit().get(p.getKey()).equals(p.getValue())) {
					s.rightParent++;
				}
			}
		}
		return s;
	}

	static int overlap(Org label, Org got) {
		Score s = score(label, got);
		return s.matchedDuties * 2 + s.matchedUnits + s.matchedPosts + (n(label.name()).equals(n(got.name())) ? 3 : 0);
	}

	static Map<String, Score> scoreSeeds(StringBuilder report) throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, List<Org>> labels = new HashMap<>();
		try (Stream<Path> files = Files.list(DEMO)) {
			for (Path f : files.sorted().toList()) {
				JsonNode doc = json.readTree(f.toFile());
				String source = doc.path("source").asString("");
				labels.computeIfAbsent(source.replace("seeds/", ""), k -> new ArrayList<>()).add(fromLabel(doc));
			}
		}
		Map<String, Score> scores = new java.util.LinkedHashMap<>();
		Score overall = new Score();
		try (Stream<Path> files = Files.list(SEEDS)) {
			for (Path seed : files.sorted().toList()) {
				String name = seed.getFileName().toString();
				List<Extraction> extracted = OrgDocumentExtractor.extract(name,
						DocumentReaders.read(name, Files.readAllBytes(seed)));
				List<Org> got = new ArrayList<>(extracted.stream().map(ExtractionScoreTests::fromExtraction).toList());
				Score seedScore = new Score();
				for (Org label : labels.getOrDefault(name, List.of())) {
					Org best = null;
					int bestOverlap = 0;
					for (Org g : got) {
						int o = overlap(label, g);
						if (o > bestOverlap) {
							best = g;
							bestOverlap = o;
						}
					}
					Org pair = best == null ? new Org("", Map.of(), Map.of(), List.of()) : best;
					got.remove(best);
					Score s = score(label, pair);
					report.append(String.format(Locale.ROOT, "  %s -> %s: %s%n", label.name(), pair.name(), s));
					seedScore.add(s);
				}
				report.append(String.format(Locale.ROOT, "%s (%d organisations extracted, %d unpaired): %s%n", name,
						extracted.size(), got.size(), seedScore));
				scores.put(name, seedScore);
				overall.add(seedScore);
			}
		}
		report.append("overall: ").append(overall).append('\n');
		scores.put("overall", overall);
		return scores;
	}

	@Test
	void scoresTheExtractorAgainstTheHandMadeDemoOrganisations() throws IOException {
		StringBuilder report = new StringBuilder();
		Map<String, Score> scores = scoreSeeds(report);
		System.out.println(report);
		Score overall = scores.get("overall");
		// regression floors just under the figures measured (issue 17: duty F1 0.93, unit F1 0.94, post F1 0.91,
		// holder 0.96, parent 0.93; when the extractor was first written 0.83, 0.87, 0.86, 0.97, 0.92); the issue's
		// targets are duty F1 0.9, unit F1 0.9, holder 0.9, parent 0.85 (docs/import-documents.md, "How well it reads")
		assertThat(overall.labelDuties).isEqualTo(284);
		assertThat(overall.dutyF1()).isGreaterThanOrEqualTo(0.91);
		assertThat(overall.unitF1()).isGreaterThanOrEqualTo(0.92);
		assertThat(overall.postF1()).isGreaterThanOrEqualTo(0.89);
		assertThat(overall.holder()).isGreaterThanOrEqualTo(0.94);
		assertThat(overall.parent()).isGreaterThanOrEqualTo(0.90);
		assertThat(scores.get("002_adface64810af4a0.txt").dutyF1()).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void scoresTheExtractorOnHeldOutDocuments() throws IOException {
		StringBuilder report = new StringBuilder();
		Map<String, Score> scores = HoldoutScoring.scoreHoldout(report);
		System.out.println(report);
		Score overall = scores.get("overall");
		// figures first measured on these documents (written and labelled before the extractor was run on them):
		// duty P 0.97 R 0.88 F1 0.92, holder 0.93, unit F1 0.80, post F1 0.67, parent 0.65. They have since been
		// looked at while writing the structure rules (reporting clauses, counted lists, 各部设, 隶属于, 其中 N人), so
		// they are held out no more: duty F1 1.00, holder 1.00, unit F1 1.00, post F1 0.95, parent 0.98, headcounts
		// 31/32. The floors guard those rules; the second held-out set below is the figure to believe.
		assertThat(overall.labelDuties).isEqualTo(107);
		assertThat(overall.dutyF1()).isGreaterThanOrEqualTo(0.97);
		assertThat(overall.holder()).isGreaterThanOrEqualTo(0.97);
		assertThat(overall.unitF1()).isGreaterThanOrEqualTo(0.97);
		assertThat(overall.postF1()).isGreaterThanOrEqualTo(0.92);
		assertThat(overall.parent()).isGreaterThanOrEqualTo(0.95);
		assertThat(scores.get("plant-production.txt").dutyF1()).isGreaterThanOrEqualTo(0.96);
		assertThat(scores.get("hospital-logistics.txt").dutyF1()).isGreaterThanOrEqualTo(0.97);
		assertThat(scores.get("software-rnd-rules.txt").dutyF1()).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void scoresTheExtractorOnTheSecondHeldOutDocuments() throws IOException {
		StringBuilder report = new StringBuilder();
		Map<String, Score> scores = HoldoutScoring.scoreHoldout(HoldoutScoring.HOLDOUT2, report);
		System.out.println(report);
		Score overall = scores.get("overall");
		// regression floors just under the figures first measured on the second set, run once the structure rules
		// were done (the extractor before them: duty F1 0.83, holder 0.79, unit F1 0.69, post F1 0.55, parent 0.35):
		// duty P 0.97 R 0.87 F1 0.92, holder 0.80, unit F1 0.85, post F1 0.83, parent 0.87, headcounts 18/25;
		// per document duty F1 retail 0.88, bank 0.96
		assertThat(overall.labelDuties).isEqualTo(69);
		assertThat(overall.dutyF1()).isGreaterThanOrEqualTo(0.90);
		assertThat(overall.holder()).isGreaterThanOrEqualTo(0.77);
		assertThat(overall.unitF1()).isGreaterThanOrEqualTo(0.82);
		assertThat(overall.postF1()).isGreaterThanOrEqualTo(0.80);
		assertThat(overall.parent()).isGreaterThanOrEqualTo(0.84);
		assertThat(scores.get("retail-operations.txt").dutyF1()).isGreaterThanOrEqualTo(0.86);
		assertThat(scores.get("bank-branch-rules.txt").dutyF1()).isGreaterThanOrEqualTo(0.94);
	}

}
