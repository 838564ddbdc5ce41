// serves: ReportingAnomalies.unitsWithoutHead
// Units no post heads, with how many posts and child units they have. Cost: O(units).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $limit
// returns: u (Unit), positions, children
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key IS NOT NULL AND NOT EXISTS { (u)<-[:HEADS]-(:Position) }
RETURN u,
       COUNT { (u)<-[:IN]-(:Position) } AS positions,
       COUNT { (u)<-[:PART_OF]-(:Unit) } AS children
ORDER BY u.key
LIMIT $limit
