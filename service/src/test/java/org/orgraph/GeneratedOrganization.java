package org.orgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neo4j.driver.Driver;

/** A large organisation for tests that compare two ways of answering (issue 18), written straight into the store. */
public final class GeneratedOrganization {

	private GeneratedOrganization() {
	}

	/**
	 * Writes revision {@code rev} of {@code posts} posts straight into the store (an import
	 * of this size takes the better part of a minute on two shared cores): a reporting tree about
	 * twelve levels deep with spans of 1 to 12; a unit for every manager of three or more in the top
	 * eight levels, headed by that manager (but one unit in seven has no head, and one in thirteen a second
	 * head: the parent unit's post it reports to), a third of its staff's lines marked derived as the import would derive them;
	 * one unit in three with a planned headcount, duties for units and one post in four, one post in
	 * eleven with two seats; one post in twenty vacant; one holder in fifty also holding the manager's post (acting, half
	 * time); a dotted line from one post in a hundred; one post in two hundred declared
	 * {@code CONCURRENT_WITH} its manager; keys whose order differs from the order they were made in.
	 */
	public static void write(Driver driver, String rev, int posts, long seed) {
		Random random = new Random(seed);
		int[] manager = new int[posts];
		int[] level = new int[posts];
		manager[0] = -1;
		List<Integer> frontier = new ArrayList<>(List.of(0));
		int made = 1;
		while (made < posts) {
			List<Integer> next = new ArrayList<>();
			for (int m : frontier) {
				int span = random.nextInt(10) < 8 ? 2 + random.nextInt(5) : 1 + random.nextInt(12);
				for (int i = 0; i < span && made < posts; i++) {
					manager[made] = m;
					level[made] = level[m] + 1;
					next.add(made++);
				}
			}
			frontier = next;
		}
		int[] reports = new int[posts];
		for (int p = 1; p < posts; p++) {
			reports[manager[p]]++;
		}
		String[] unit = new String[posts];
		boolean[] head = new boolean[posts];
		List<Map<String, Object>> units = new ArrayList<>();
		List<Map<String, Object>> positions = new ArrayList<>();
		List<Map<String, Object>> lines = new ArrayList<>();
		List<Map<String, Object>> holdings = new ArrayList<>();
		List<Map<String, Object>> heads = new ArrayList<>();
		for (int p = 0; p < posts; p++) {
			if (p == 0 || (reports[p] >= 3 && level[p] < 8)) {
				unit[p] = "U" + Integer.toString(p, 36);
				head[p] = true;
				Map<String, Object> row = new HashMap<>(Map.of("key", unit[p], "name", "Unit " + p + " 部门" + (p % 97),
						"duties", 1 + p % 3));
				if (p % 3 == 0) {
					row.put("planned", 2 + p % 17);
				}
				if (p > 0) {
					row.put("parent", unit[manager[p]]);
				}
				units.add(row);
				if (p % 7 != 5) {
					heads.add(Map.of("unit", unit[p], "position", key(p)));
				}
				if (p % 13 == 1) {
					heads.add(Map.of("unit", unit[p], "position", key(manager[p])));
				}
			}
			else {
				unit[p] = unit[manager[p]];
			}
			positions.add(Map.of("key", key(p), "unit", unit[p],
					"title", List.of("Analyst", "Manager", "经理", "Director", "专员", "Officer").get(p % 6) + " " + (p % 40),
					"headcount", p % 11 == 0 ? 2 : 1, "juniorFte", p % 13 == 0 ? 0.5 : 0.0, "duties", p % 4 == 0 ? 1 : 0));
			if (p > 0) {
				boolean staffOfHead = !head[p] && head[manager[p]] && unit[manager[p]].equals(unit[p]);
				lines.add(Map.of("from", key(p), "to", key(manager[p]), "line", true, "derived",
						staffOfHead && random.nextInt(3) == 0, "concurrent", random.nextInt(200) == 0));
				if (random.nextInt(100) == 0) {
					lines.add(Map.of("from", key(p), "to", key(random.nextInt(p)), "line", false, "derived", false,
							"concurrent", false));
				}
			}
			if (random.nextInt(20) != 0) {
				String person = "E" + (posts - p);
				boolean second = p > 0 && random.nextInt(50) == 0;
				holdings.add(Map.of("person", person, "name", "Person " + p + " 员工", "position", key(p), "fte",
						second ? 0.5 : 1.0, "acting", false));
				if (second) {
					holdings.add(Map.of("person", person, "name", "Person " + p + " 员工", "position", key(manager[p]),
							"fte", 0.5, "acting", true));
				}
			}
		}
		batches(driver, units, """
				UNWIND $rows AS row
				CREATE (u:Unit {rev: $rev, key: row.key, name: row.name, plannedHeadcount: row.planned})
				FOREACH (i IN range(1, row.duties) |
				  CREATE (u)-[:OWNS]->(:Duty {rev: $rev, key: row.key + ':' + i, text: 'Duty ' + i + ' of ' + row.name}))""",
				rev);
		batches(driver, units, """
				UNWIND $rows AS row
				MATCH (u:Unit {rev: $rev, key: row.key}), (parent:Unit {rev: $rev, key: row.parent})
				CREATE (u)-[:PART_OF]->(parent)""", rev);
		batches(driver, positions, """
				UNWIND $rows AS row
				MATCH (u:Unit {rev: $rev, key: row.unit})
				CREATE (p:Position {rev: $rev, key: row.key, title: row.title, headcount: row.headcount,
				                    juniorFte: row.juniorFte})-[:IN]->(u)
				FOREACH (i IN range(1, row.duties) |
				  CREATE (p)-[:RESPONSIBLE_FOR]->(:Duty {rev: $rev, key: row.key + ':' + i, text: 'Duty of ' + row.title}))""",
				rev);
		batches(driver, lines, """
				UNWIND $rows AS row
				MATCH (a:Position {rev: $rev, key: row.from}), (m:Position {rev: $rev, key: row.to})
				CREATE (a)-[:REPORTS_TO {line: row.line, derived: row.derived}]->(m)
				FOREACH (x IN CASE WHEN row.concurrent THEN [1] ELSE [] END | CREATE (a)-[:CONCURRENT_WITH]->(m))""", rev);
		batches(driver, heads, """
				UNWIND $rows AS row
				MATCH (p:Position {rev: $rev, key: row.position}), (u:Unit {rev: $rev, key: row.unit})
				CREATE (p)-[:HEADS]->(u)""", rev);
		batches(driver, holdings, """
				UNWIND $rows AS row
				MATCH (p:Position {rev: $rev, key: row.position})
				MERGE (person:Person {rev: $rev, key: row.person})
				  ON CREATE SET person.name = row.name
				CREATE (person)-[:HOLDS {fte: row.fte, acting: row.acting}]->(p)""", rev);
	}

	private static void batches(Driver driver, List<Map<String, Object>> rows, String cypher, String rev) {
		for (int from = 0; from < rows.size(); from += 5000) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + 5000));
			driver.executableQuery(cypher).withParameters(Map.of("rows", batch, "rev", rev)).execute();
		}
	}

	public static String key(int p) {
		// not in creation order: P-7 sorts after P-10
		return "P-" + Integer.toString(p * 7919 % 1_000_003, 10);
	}
}
