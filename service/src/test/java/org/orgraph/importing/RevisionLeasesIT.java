package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 8 (in part): with several instances on one database, cleanup removed any
 * unfinished revision, including one another instance was writing. Now a revision being
 * written holds a lease; only revisions whose lease ran out are removed.
 */
@OrgraphIntegrationTest
class RevisionLeasesIT {

	@Autowired
	ImportService imports;

	@Autowired
	RevisionLeases leases;

	@Autowired
	Driver driver;

	@AfterEach
	void clean() {
		run("MATCH (n) WHERE n.rev STARTS WITH 'lease-' OR n.id STARTS WITH 'lease-' DETACH DELETE n", Map.of());
	}

	@Test
	void shouldRemoveOnlyRevisionsWhoseLeaseRanOut() {
		building("lease-live/1", "another-instance", 5);
		building("lease-dead/1", "another-instance", 2 * this.leases.lease().toSeconds());
		building("lease-legacy/1", null, 2 * this.leases.lease().toSeconds());

		this.imports.discardUnfinished(false);

		assertThat(revisions()).containsExactly("lease-live/1");
		assertThat(units()).containsExactly("lease-live/1");
	}

	@Test
	void shouldRenewTheLeaseOfARevisionThisInstanceWrites() {
		building("lease-mine/1", this.leases.owner(), 2 * this.leases.lease().toSeconds());
		this.leases.hold("lease-mine/1");
		try {
			this.leases.renew();
			this.imports.discardUnfinished(false);
			assertThat(revisions()).containsExactly("lease-mine/1");
			// and even where the store is this process's alone, what it is writing stays
			this.imports.discardUnfinished(true);
			assertThat(revisions()).containsExactly("lease-mine/1");
		}
		finally {
			this.leases.release("lease-mine/1");
		}
		// the paired removal: released and stale, it goes
		this.imports.discardUnfinished(true);
		assertThat(revisions()).isEmpty();
	}

	private void building(String id, String owner, long heartbeatSecondsAgo) {
		java.util.HashMap<String, Object> params = new java.util.HashMap<>();
		params.put("id", id);
		params.put("owner", owner);
		params.put("ago", heartbeatSecondsAgo);
		run("""
				CREATE (:Revision {id: $id, org: 'lease', number: 1, status: 'building', owner: $owner,
				  createdAt: datetime() - duration({seconds: $ago}),
				  heartbeatAt: CASE WHEN $owner IS NULL THEN null ELSE datetime() - duration({seconds: $ago}) END})
				CREATE (:Unit {rev: $id, key: 'U', name: 'U'})""", params);
	}

	private List<String> revisions() {
		return strings("MATCH (r:Revision) WHERE r.id STARTS WITH 'lease-' RETURN r.id AS v ORDER BY v");
	}

	private List<String> units() {
		return strings("MATCH (u:Unit) WHERE u.rev STARTS WITH 'lease-' RETURN u.rev AS v ORDER BY v");
	}

	private List<String> strings(String cypher) {
		try (Session session = this.driver.session()) {
			return session.run(cypher).list(r -> r.get("v").asString());
		}
	}

	private void run(String cypher, Map<String, Object> params) {
		try (Session session = this.driver.session()) {
			session.run(cypher, params).consume();
		}
	}

}
