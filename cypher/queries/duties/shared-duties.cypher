// job: exact duty overlaps read from the revision's projection (Query.dutyOverlaps mode EXACT, the overlaps export)
// The duties whose normal form another duty of the revision shares (marked `shared` at import,
// see SharedNorms), with the unit or position that holds each: everything exact overlaps need
// beyond the structure. Placeholder texts are never marked.
// $rev
// returns: key, text, norm, holderKind, holder
MATCH (d:Duty)
WHERE d.rev = $rev AND d.shared = true
OPTIONAL MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d)
RETURN d.key AS key, d.text AS text, d.norm AS norm,
       CASE WHEN h IS NULL THEN null WHEN h:Unit THEN 'UNIT' ELSE 'POSITION' END AS holderKind,
       h.key AS holder
