// Identity: an organisation by its key; everything else by (rev, key) within one revision.
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE;
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (r:Revision) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT unit_rev_key IF NOT EXISTS FOR (u:Unit) REQUIRE (u.rev, u.key) IS UNIQUE;
// Posts and people: an index on (rev, key), not a constraint, as for duties below. Their keys are
// unique within a revision by validation (OrgValidator refuses a repeated key) and a revision is
// written once, so a constraint only cost each of a million posts and people an index seek and a
// lock at creation. Stores made with the constraints lose them here.
DROP CONSTRAINT position_rev_key IF EXISTS;
DROP CONSTRAINT person_rev_key IF EXISTS;
CREATE INDEX position_rev_key_index IF NOT EXISTS FOR (p:Position) ON (p.rev, p.key);
CREATE INDEX person_rev_key_index IF NOT EXISTS FOR (p:Person) ON (p.rev, p.key);
// Duties: an index on (rev, key), not a constraint (020-indexes.cypher).
