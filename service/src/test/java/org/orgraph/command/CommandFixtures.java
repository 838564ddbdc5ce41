package org.orgraph.command;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.Imports;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data the command tests run on: the two DFID snapshots as revisions 1 (March 2013) and 2
 * (September 2013) of {@code dfid}, demo organisations, and {@code loop}, a copy of
 * car-rental-ops-company whose lines were rewritten in Cypher (the importer refuses cycles).
 */
public final class CommandFixtures {

	private CommandFixtures() {
	}

	/** Imports the two DFID snapshots, the demo organisations {@code demos} and {@code loop}. */
	static void importAll(Imports imports, Driver driver, String... demos) throws IOException {
		imports.dfid();
		imports.demo(demos);
		importLoop(imports, driver);
	}

	/**
	 * Imports car-rental-ops-company as {@code loop} and rewrites it: 市场部经理 (P10) and
	 * 市场推广人员 (P11) report to each other (客户服务代表, P12, still reports to P10); 会计 (P08)
	 * gets a dotted line to 总经理 (P01); and a chain of 70 vacant posts L1 … L70 hangs under
	 * P01 (L1 → P01, L2 → L1, …), longer than the 64 links a walk follows.
	 */
	public static void importLoop(Imports imports, Driver driver) throws IOException {
		String json = new ClassPathResource("demo/car-rental-ops-company.json").getContentAsString(StandardCharsets.UTF_8)
			.replace("\"key\": \"car-rental-ops-company\"", "\"key\": \"loop\"");
		Imports.Answer answer = imports.json("loop", json);
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		try (Session session = driver.session()) {
			session.executeWrite(tx -> {
				tx.run("""
						MATCH (a:Position {rev: 'loop/1'})-[r:REPORTS_TO]->()
						WHERE a.key IN ['P10', 'P11']
						DELETE r""").consume();
				tx.run("""
						MATCH (a:Position {rev: 'loop/1', key: 'P10'}), (b:Position {rev: 'loop/1', key: 'P11'})
						CREATE (a)-[:REPORTS_TO {line: true, derived: false}]->(b),
						       (b)-[:REPORTS_TO {line: true, derived: false}]->(a)""").consume();
				tx.run("""
						MATCH (a:Position {rev: 'loop/1', key: 'P08'}), (b:Position {rev: 'loop/1', key: 'P01'})
						CREATE (a)-[:REPORTS_TO {line: false, derived: false}]->(b)""").consume();
				tx.run("""
						MATCH (u:Unit {rev: 'loop/1', key: 'U05'})
						UNWIND range(1, 70) AS i
						CREATE (:Position {rev: 'loop/1', key: 'L' + i, title: 'Link ' + i, headcount: 1, juniorFte: 0.0})-[:IN]->(u)""")
					.consume();
				tx.run("""
						MATCH (top:Position {rev: 'loop/1', key: 'P01'})
						MATCH (first:Position {rev: 'loop/1', key: 'L1'})
						CREATE (first)-[:REPORTS_TO {line: true, derived: false}]->(top)
						WITH 1 AS one
						UNWIND range(2, 70) AS i
						MATCH (a:Position {rev: 'loop/1', key: 'L' + i}), (b:Position {rev: 'loop/1', key: 'L' + (i - 1)})
						CREATE (a)-[:REPORTS_TO {line: true, derived: false}]->(b)""").consume();
				return null;
			});
		}
	}

	/** One DFID senior file as published, read without the importer. */
	record Snapshot(Map<String, String> manager, Map<String, CSVRecord> rows) {

		/** The posts from {@code post} up to its top by the CSV's "Reports to Senior Post". */
		List<String> chain(String post) {
			List<String> chain = new ArrayList<>(List.of(post));
			while (this.manager.containsKey(chain.getLast()) && chain.size() <= 64) {
				chain.add(this.manager.get(chain.getLast()));
			}
			return chain;
		}

		List<String> tops() {
			return this.rows.keySet().stream().filter(p -> !this.manager.containsKey(p)).sorted().toList();
		}

		String unit(String post) {
			return this.rows.get(post).get("Unit").strip();
		}

	}

	/**
	 * Post → manager as the senior CSV states it: "XX", blank, self-references, eliminated
	 * posts and managers that are not posts of the file give no line; the first row of a
	 * repeated reference counts.
	 */
	static Snapshot snapshot(String name) throws IOException {
		String text = new ClassPathResource("uk-organograms/" + name + "-senior.csv")
			.getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setAllowMissingColumnNames(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
		Map<String, CSVRecord> rows = new LinkedHashMap<>();
		for (CSVRecord row : records) {
			String post = row.get("Post Unique Reference").strip();
			if (post.isEmpty() || post.equals("0") || row.get("Name").strip().equalsIgnoreCase("eliminated")) {
				continue;
			}
			rows.putIfAbsent(post, row);
		}
		Map<String, String> manager = new HashMap<>();
		rows.forEach((post, row) -> {
			String m = row.get("Reports to Senior Post").strip();
			if (!m.isEmpty() && !m.equalsIgnoreCase("XX") && !m.equals(post) && rows.containsKey(m)) {
				manager.put(post, m);
			}
		});
		return new Snapshot(manager, rows);
	}

}
