// Lookups by revision alone (counts, whole-revision scans, deleting a failed revision).
CREATE INDEX revision_org_number IF NOT EXISTS FOR (r:Revision) ON (r.org, r.number);
CREATE INDEX duty_rev_norm IF NOT EXISTS FOR (d:Duty) ON (d.rev, d.norm);
