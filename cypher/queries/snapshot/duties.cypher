// Every duty of a revision with the unit or position that holds it (holderKind null: no holder).
// $rev
// returns: key, text, norm, holderKind, holder
MATCH (d:Duty)
WHERE d.rev = $rev
OPTIONAL MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d)
RETURN d.key AS key, d.text AS text, d.norm AS norm,
       CASE WHEN h IS NULL THEN null WHEN h:Unit THEN 'UNIT' ELSE 'POSITION' END AS holderKind,
       h.key AS holder
