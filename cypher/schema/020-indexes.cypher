// Lookups by revision alone (counts, whole-revision scans, deleting a failed revision).
CREATE INDEX revision_org_number IF NOT EXISTS FOR (r:Revision) ON (r.org, r.number);
// Duties are grouped by normal form in memory (revision snapshots), never looked up by it: an
// index on (rev, norm) cost every import an index entry holding each duty's whole normal form,
// and served no query. Stores made while it existed lose it here.
DROP INDEX duty_rev_norm IF EXISTS;
// Duties are most of the nodes an import writes. Their keys are unique within a revision by
// construction (the validator refuses a duplicate given key; a made key ends in the duty's place
// in its holder's list) and a revision is never written again, so a uniqueness constraint only
// cost every duty an index seek and a lock at creation. The (rev, key) index stays for lookups,
// pages in key order and deleting a failed revision. Stores made with the constraint lose it here.
DROP CONSTRAINT duty_rev_key IF EXISTS;
CREATE INDEX duty_rev_key_index IF NOT EXISTS FOR (d:Duty) ON (d.rev, d.key);
// The duties another duty of the revision shares a normal form with, marked `shared` at import:
// exact overlaps read only these (duties/shared-duties). Unmarked duties lack the property, so
// they take no entry.
CREATE INDEX duty_rev_shared IF NOT EXISTS FOR (d:Duty) ON (d.rev, d.shared);
// The same duties listed a few thousand to a node at import (importing/create-shared-duties),
// read in the import's order (duties/shared-duty-lists).
CREATE INDEX shared_duties_rev_index IF NOT EXISTS FOR (c:SharedDuties) ON (c.rev, c.index);
