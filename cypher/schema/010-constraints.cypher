// Identity: an organisation by its key; everything else by (rev, key) within one revision.
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE;
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (r:Revision) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT unit_rev_key IF NOT EXISTS FOR (u:Unit) REQUIRE (u.rev, u.key) IS UNIQUE;
CREATE CONSTRAINT position_rev_key IF NOT EXISTS FOR (p:Position) REQUIRE (p.rev, p.key) IS UNIQUE;
CREATE CONSTRAINT person_rev_key IF NOT EXISTS FOR (p:Person) REQUIRE (p.rev, p.key) IS UNIQUE;
// Duties: an index on (rev, key), not a constraint (020-indexes.cypher).
