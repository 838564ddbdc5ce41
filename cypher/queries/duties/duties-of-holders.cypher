// job: orphaned duties read from the revision's projection (Query.orphanedDuties, the orphans export)
// The duties of the given posts and units (the holders that do not carry their duties on their
// own: vacant posts, posts filled only concurrently, units without such a post), placeholders
// left out as the analytics leave them out. Cost: O(given holders + their duties).
// $rev, $positions, $units: keys
// returns: key, text, norm, holderKind, holder
CALL (*) {
  UNWIND $positions AS key
  MATCH (h:Position {rev: $rev, key: key})-[:RESPONSIBLE_FOR]->(d:Duty)
  RETURN d, 'POSITION' AS holderKind, key AS holder
  UNION ALL
  UNWIND $units AS key
  MATCH (h:Unit {rev: $rev, key: key})-[:OWNS]->(d:Duty)
  RETURN d, 'UNIT' AS holderKind, key AS holder
}
WITH d, holderKind, holder
WHERE NOT coalesce(d.placeholder, false)
RETURN d.key AS key, d.text AS text, d.norm AS norm, holderKind, holder
