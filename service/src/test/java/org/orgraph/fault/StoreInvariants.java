package org.orgraph.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;

/**
 * What must hold after any crash once the start-up cleanup has run, checked with Cypher. Every
 * breach is returned as a sentence, so a failure says what broke.
 */
final class StoreInvariants {

	/** The checks read the whole store, which a loaded machine may take longer over than the service's own queries. */
	private static final TransactionConfig CHECK = TransactionConfig.builder().withTimeout(Duration.ofMinutes(5)).build();

	private static final List<String> LABELS = List.of("Unit", "Position", "Person", "Duty");

	/** A revision the service acknowledged (the import call returned): it must be there in full. */
	record Acknowledged(String org, int revision, int attempt) {
	}

	/** Tallies for the report. */
	record Tally(int completeRevisions, int acknowledgedChecked, int partial, int duplicates, int cycles, int lost) {
	}

	private final Driver driver;

	StoreInvariants(Driver driver) {
		this.driver = driver;
	}

	Tally check(Map<Integer, OrgDocuments.Expected> attempts, List<Acknowledged> acknowledged, List<String> breaches) {
		try (Session session = this.driver.session()) {
			int partial = 0;
			int lost = 0;
			long unfinished = single(session, "MATCH (r:Revision) WHERE r.status <> 'complete' RETURN count(r) AS n", Map.of()).asLong();
			if (unfinished > 0) {
				breaches.add(unfinished + " revision(s) still not complete after the start-up cleanup");
				partial += (int) unfinished;
			}
			for (String label : LABELS) {
				// every node belongs to a complete revision: nothing half-written survives
				List<String> orphans = session
					.run("""
							MATCH (n:$($label)) WITH DISTINCT n.rev AS rev
							WHERE NOT EXISTS { MATCH (:Revision {id: rev, status: 'complete'}) } RETURN rev""",
							Map.of("label", label), CHECK)
					.list(r -> r.get("rev").asString());
				if (!orphans.isEmpty()) {
					breaches.add(label + " nodes of revisions that are not complete: " + orphans);
					partial += orphans.size();
				}
			}
			int duplicates = 0;
			for (String label : LABELS) {
				long dup = single(session, """
						MATCH (n:$($label)) WITH n.rev AS rev, n.key AS key, count(*) AS c
						WHERE c > 1 RETURN count(*) AS n""", Map.of("label", label)).asLong();
				if (dup > 0) {
					breaches.add(dup + " duplicate (rev, key) among " + label);
					duplicates += (int) dup;
				}
			}
			int cycles = positionsOnCycles(session);
			if (cycles > 0) {
				breaches.add(cycles + " positions on a reporting cycle");
			}
			// one scan per label, grouped by revision: a subquery per revision grows with the store squared
			List<Record> revisions = session.run("""
					MATCH (r:Revision {status: 'complete'})-[:OF]->(o:Organization)
					RETURN o.key AS org, r.id AS id, r.number AS number""", Map.of(), CHECK).list();
			Map<String, Map<String, Long>> counts = new java.util.HashMap<>();
			for (String label : LABELS) {
				counts.put(label, countsByRevision(session, "MATCH (n:$($label)) RETURN n.rev AS rev, count(*) AS n",
						Map.of("label", label)));
			}
			Map<String, Long> reportsTo = countsByRevision(session,
					"MATCH (p:Position)-[:REPORTS_TO {derived: false}]->() RETURN p.rev AS rev, count(*) AS n", Map.of());
			Map<String, String> unitKeys = new java.util.HashMap<>();
			session.run("MATCH (u:Unit) RETURN u.rev AS rev, min(u.key) AS key", Map.of(), CHECK)
				.forEachRemaining(r -> unitKeys.put(r.get("rev").asString(), r.get("key").asString()));
			Map<String, Integer> attemptOfRevision = new java.util.HashMap<>();
			for (Record r : revisions) {
				String id = r.get("id").asString();
				String unitKey = unitKeys.get(id);
				if (unitKey == null) {
					breaches.add("complete revision " + id + " has no units");
					partial++;
					continue;
				}
				int attempt = OrgDocuments.attemptOf(unitKey);
				attemptOfRevision.put(id, attempt);
				OrgDocuments.Expected e = attempts.get(attempt);
				Map<String, Long> found = new java.util.LinkedHashMap<>();
				LABELS.forEach(label -> found.put(label, counts.get(label).getOrDefault(id, 0L)));
				found.put("REPORTS_TO", reportsTo.getOrDefault(id, 0L));
				if (e == null || e.units() != found.get("Unit") || e.positions() != found.get("Position")
						|| e.people() != found.get("Person") || e.duties() != found.get("Duty")
						|| e.reportsTo() != found.get("REPORTS_TO")) {
					breaches.add("complete revision " + id + " does not hold all of attempt " + attempt + ": expected "
							+ e + ", found " + found);
					partial++;
				}
			}
			for (Record o : session.run("""
					MATCH (o:Organization)
					OPTIONAL MATCH (o)<-[:OF]-(r:Revision {status: 'complete'})
					WITH o, max(r.number) AS newest
					OPTIONAL MATCH (o)<-[:OF]-(c:Revision {number: o.currentRevision})
					RETURN o.key AS org, o.currentRevision AS current, newest, c.status AS status
					""", Map.of(), CHECK).list()) {
				if (o.get("newest").isNull() && o.get("current").isNull()) {
					continue;
				}
				if (o.get("current").isNull() || !"complete".equals(o.get("status").asString(null))
						|| o.get("current").asInt() != o.get("newest").asInt()) {
					breaches.add("organisation " + o.get("org").asString() + " points at revision " + o.get("current")
							+ " (status " + o.get("status") + "), newest complete is " + o.get("newest"));
					partial++;
				}
			}
			List<Acknowledged> missing = new ArrayList<>();
			for (Acknowledged a : acknowledged) {
				Integer found = attemptOfRevision.get(a.org() + "/" + a.revision());
				if (found == null || found != a.attempt()) {
					missing.add(a);
				}
			}
			if (!missing.isEmpty()) {
				breaches.add("acknowledged imports lost: " + missing);
				lost = missing.size();
			}
			return new Tally(revisions.size(), acknowledged.size(), partial, duplicates, cycles, lost);
		}
	}

	/** Every acknowledged token creation is there exactly once, every acknowledged revocation holds. */
	void checkTokens(List<String> created, List<String> revoked, List<String> breaches) {
		try (Session session = this.driver.session()) {
			Map<String, Record> found = new java.util.HashMap<>();
			for (Record r : session.run("MATCH (t:ApiToken) WHERE t.id IN $ids RETURN t.id AS id, count(*) AS copies, "
					+ "t.revokedAt IS NOT NULL AS revoked", Map.of("ids", created)).list()) {
				found.put(r.get("id").asString(), r);
			}
			List<String> lost = created.stream().filter(id -> !found.containsKey(id)).toList();
			if (!lost.isEmpty()) {
				breaches.add("acknowledged API tokens lost: " + lost);
			}
			found.values().stream().filter(r -> r.get("copies").asLong() != 1)
				.forEach(r -> breaches.add("API token " + r.get("id").asString() + " stored " + r.get("copies") + " times"));
			List<String> unrevoked = revoked.stream()
				.filter(id -> found.containsKey(id) && !found.get(id).get("revoked").asBoolean())
				.toList();
			if (!unrevoked.isEmpty()) {
				breaches.add("acknowledged revocations lost: " + unrevoked);
			}
		}
	}

	private static Map<String, Long> countsByRevision(Session session, String cypher, Map<String, Object> parameters) {
		Map<String, Long> counts = new java.util.HashMap<>();
		session.run(cypher, parameters, CHECK)
			.forEachRemaining(r -> counts.put(r.get("rev").asString(), r.get("n").asLong()));
		return counts;
	}

	private static Value single(Session session, String cypher, Map<String, Object> parameters) {
		return session.run(cypher, parameters, CHECK).single().get("n");
	}

	/**
	 * Positions on a reporting cycle, found by walking every revision's reporting lines here rather
	 * than with a variable-length pattern: solid, dotted and derived lines make many paths between
	 * two posts, and enumerating them all grows with the store, not with the answer.
	 */
	private static int positionsOnCycles(Session session) {
		Map<String, List<String>> managers = new java.util.HashMap<>();
		session.run("""
				MATCH (p:Position)-[:REPORTS_TO]->(m:Position)
				RETURN p.rev + '/' + p.key AS post, m.rev + '/' + m.key AS manager""", Map.of(), CHECK)
			.forEachRemaining(r -> managers.computeIfAbsent(r.get("post").asString(), k -> new ArrayList<>())
				.add(r.get("manager").asString()));
		// iterative depth-first search: 1 on the current path, 2 done
		Map<String, Integer> state = new java.util.HashMap<>();
		java.util.Set<String> onCycles = new java.util.HashSet<>();
		for (String start : managers.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			java.util.Deque<String> path = new java.util.ArrayDeque<>();
			java.util.Deque<java.util.Iterator<String>> next = new java.util.ArrayDeque<>();
			state.put(start, 1);
			path.push(start);
			next.push(managers.getOrDefault(start, List.of()).iterator());
			while (!path.isEmpty()) {
				if (!next.peek().hasNext()) {
					state.put(path.pop(), 2);
					next.pop();
					continue;
				}
				String manager = next.peek().next();
				Integer seen = state.get(manager);
				if (seen == null) {
					state.put(manager, 1);
					path.push(manager);
					next.push(managers.getOrDefault(manager, List.of()).iterator());
				}
				else if (seen == 1) {
					// every post on the path from the manager back to here is on the cycle
					for (String post : path) {
						onCycles.add(post);
						if (post.equals(manager)) {
							break;
						}
					}
				}
			}
		}
		return onCycles.size();
	}

}
