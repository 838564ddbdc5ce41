package org.orgraph.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * What must hold after any crash once the start-up cleanup has run, checked with Cypher. Every
 * breach is returned as a sentence, so a failure says what broke.
 */
final class StoreInvariants {

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
							Map.of("label", label))
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
			int cycles = (int) single(session, """
					MATCH (p:Position)
					WHERE EXISTS { MATCH (p)-[:REPORTS_TO*1..64]->(p) }
					RETURN count(p) AS n
					""", Map.of()).asLong();
			if (cycles > 0) {
				breaches.add(cycles + " positions on a reporting cycle");
			}
			List<Record> revisions = session.run("""
					MATCH (r:Revision {status: 'complete'})-[:OF]->(o:Organization)
					OPTIONAL MATCH (u:Unit {rev: r.id}) WITH r, o, min(u.key) AS unitKey
					RETURN o.key AS org, r.id AS id, r.number AS number, unitKey,
					  COUNT { MATCH (n:Unit {rev: r.id}) } AS units,
					  COUNT { MATCH (n:Position {rev: r.id}) } AS positions,
					  COUNT { MATCH (n:Person {rev: r.id}) } AS people,
					  COUNT { MATCH (n:Duty {rev: r.id}) } AS duties,
					  COUNT { MATCH (:Position {rev: r.id})-[l:REPORTS_TO {derived: false}]->() } AS reportsTo
					""").list();
			Map<String, Integer> attemptOfRevision = new java.util.HashMap<>();
			for (Record r : revisions) {
				String id = r.get("id").asString();
				if (r.get("unitKey").isNull()) {
					breaches.add("complete revision " + id + " has no units");
					partial++;
					continue;
				}
				int attempt = OrgDocuments.attemptOf(r.get("unitKey").asString());
				attemptOfRevision.put(id, attempt);
				OrgDocuments.Expected e = attempts.get(attempt);
				if (e == null || e.units() != r.get("units").asInt() || e.positions() != r.get("positions").asInt()
						|| e.people() != r.get("people").asInt() || e.duties() != r.get("duties").asInt()
						|| e.reportsTo() != r.get("reportsTo").asInt()) {
					breaches.add("complete revision " + id + " does not hold all of attempt " + attempt + ": expected "
							+ e + ", found " + r.asMap());
					partial++;
				}
			}
			for (Record o : session.run("""
					MATCH (o:Organization)
					OPTIONAL MATCH (o)<-[:OF]-(r:Revision {status: 'complete'})
					WITH o, max(r.number) AS newest
					OPTIONAL MATCH (o)<-[:OF]-(c:Revision {number: o.currentRevision})
					RETURN o.key AS org, o.currentRevision AS current, newest, c.status AS status
					""").list()) {
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

	private static Value single(Session session, String cypher, Map<String, Object> parameters) {
		return session.run(cypher, parameters).single().get("n");
	}

}
