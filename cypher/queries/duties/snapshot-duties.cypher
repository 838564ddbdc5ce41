// job: the revision snapshot the duty analytics and compareRevisions read (Query.dutyOverlaps, Query.orphanedDuties, Query.compareRevisions)
// Every duty of a revision with the unit or position that holds it (holderKind null: no holder).
// Placeholder texts (withheld, post eliminated, "any other duties as assigned") are left out:
// the analytics must not count them as duties held twice or by nobody.
// $rev
// returns: key, text, norm, holderKind, holder
MATCH (d:Duty)
WHERE d.rev = $rev AND NOT coalesce(d.placeholder, false)
OPTIONAL MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d)
RETURN d.key AS key, d.text AS text, d.norm AS norm,
       CASE WHEN h IS NULL THEN null WHEN h:Unit THEN 'UNIT' ELSE 'POSITION' END AS holderKind,
       h.key AS holder
