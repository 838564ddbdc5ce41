// serves: Vacancies.units, Query.unitMetrics
// Planned headcount (编制) against seats and holders for one page of units in key order, each
// rolled up over the unit's subtree (the unit and every unit below it).
// A unit's 编制 is its stated plannedHeadcount; where none is stated, the sum of its parts: the
// seats of its own posts plus the 编制 of each child unit (stated, or again the sum of that
// child's parts). `parts` is that sum even where a figure is stated, so stated totals can be
// checked against it. Status compares the subtree's filled seats with its 编制.
// Cost: O(units + positions + holdings in each listed unit's subtree); a unit tree is at most
// 64 levels deep (orgraph.max-depth).
// $rev, $after (exclusive, '' for the start), $limit,
// $statuses (null for every unit, or a list of OVER_ESTABLISHMENT | SHORTFALL | FULL to keep)
// returns: u (Unit), parent (key or null), parts, planned, status,
//   ownPositions, ownSeats, ownFilled, ownFilledFte, ownVacantSeats, ownExcessSeats,
//   subtreePositions, subtreeSeats, subtreeFilled, subtreeFilledFte, subtreeVacantSeats, subtreeExcessSeats
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key > $after
WITH u
ORDER BY u.key
CALL (u) {
  // one path per unit of the subtree (units form a tree); `stated` counts the stated 编制
  // between d and u, d included and u excluded: d's seats count towards u only while that is 0,
  // and d's own stated 编制 only when it is the first one met
  MATCH path = (d:Unit)-[:PART_OF*0..64]->(u)
  WITH d,
       size([n IN nodes(path) WHERE n <> u AND n.plannedHeadcount IS NOT NULL]) AS stated,
       reduce(s = 0, c IN [(q:Position)-[:IN]->(d) | coalesce(q.headcount, 1)] | s + c) AS seats
  RETURN sum(CASE
               WHEN stated = 0 THEN seats
               WHEN stated = 1 AND d.plannedHeadcount IS NOT NULL THEN d.plannedHeadcount
               ELSE 0
             END) AS parts
}
CALL (u) {
  MATCH (d:Unit)-[:PART_OF*0..64]->(u)
  MATCH (p:Position)-[:IN]->(d)
  WITH d = u AS own, coalesce(p.headcount, 1) AS seats,
       [(p)<-[h:HOLDS]-(:Person) | coalesce(h.fte, 1.0)] AS ftes
  WITH own, seats, size(ftes) AS filled, reduce(s = 0.0, f IN ftes | s + f) AS fte
  WITH own, seats, filled, fte,
       CASE WHEN filled < seats THEN seats - filled ELSE 0 END AS vacant,
       CASE WHEN filled > seats THEN filled - seats ELSE 0 END AS excess
  RETURN count(*) AS subtreePositions, sum(seats) AS subtreeSeats, sum(filled) AS subtreeFilled,
         sum(fte) AS subtreeFilledFte, sum(vacant) AS subtreeVacantSeats, sum(excess) AS subtreeExcessSeats,
         count(CASE WHEN own THEN 1 END) AS ownPositions,
         sum(CASE WHEN own THEN seats ELSE 0 END) AS ownSeats,
         sum(CASE WHEN own THEN filled ELSE 0 END) AS ownFilled,
         sum(CASE WHEN own THEN fte ELSE 0.0 END) AS ownFilledFte,
         sum(CASE WHEN own THEN vacant ELSE 0 END) AS ownVacantSeats,
         sum(CASE WHEN own THEN excess ELSE 0 END) AS ownExcessSeats
}
WITH u, parts, coalesce(u.plannedHeadcount, parts) AS planned,
     ownPositions, ownSeats, ownFilled, ownFilledFte, ownVacantSeats, ownExcessSeats,
     subtreePositions, subtreeSeats, subtreeFilled, subtreeFilledFte, subtreeVacantSeats, subtreeExcessSeats
WITH *,
     CASE
       WHEN subtreeFilled > planned THEN 'OVER_ESTABLISHMENT'
       WHEN subtreeFilled < planned THEN 'SHORTFALL'
       ELSE 'FULL'
     END AS status
WHERE $statuses IS NULL OR status IN $statuses
RETURN u, COLLECT { MATCH (u)-[:PART_OF]->(parent:Unit) RETURN parent.key }[0] AS parent, parts, planned, status,
       ownPositions, ownSeats, ownFilled, ownFilledFte, ownVacantSeats, ownExcessSeats,
       subtreePositions, subtreeSeats, subtreeFilled, subtreeFilledFte, subtreeVacantSeats, subtreeExcessSeats
ORDER BY u.key
LIMIT $limit
