// Lookups by revision alone (counts, whole-revision scans, deleting a failed revision).
CREATE INDEX revision_org_number IF NOT EXISTS FOR (r:Revision) ON (r.org, r.number);
// Duties are grouped by normal form in memory (revision snapshots), never looked up by it: an
// index on (rev, norm) cost every import an index entry holding each duty's whole normal form,
// and served no query. Stores made while it existed lose it here.
DROP INDEX duty_rev_norm IF EXISTS;
