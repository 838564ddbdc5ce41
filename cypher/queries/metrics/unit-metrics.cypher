// serves: Query.unitMetrics
// Structure figures of the listed units, for the unit alone ("own": its own posts) and for its
// subtree (the unit and every unit below it). Span of control = direct solid-line reports of a
// post; a manager is a post with a span of at least 1; "narrow" spans are 1 or 2.
// Cost: O(units + positions + holdings + direct reports in each listed unit's subtree), plus the
// solid-line chains below the unit's head (one path per post: every import format writes at most
// one solid line per post); unit and reporting paths at most 64 long.
// $rev, $keys (unit keys)
// returns: key, depth (PART_OF steps up to the top unit), subtreeUnits, subtreeUnitDepth (levels
//   of units below it), head (key of the heading post or null), reportingDepth (longest chain of
//   solid lines ending at the head; null without a head),
//   ownPeople, subtreePeople (distinct holders of the posts),
//   ownManagers, ownSpanMean, ownSpanMedian, ownSpanMax, ownNarrowSpans,
//   subtreeManagers, subtreeSpanMean, subtreeSpanMedian, subtreeSpanMax, subtreeNarrowSpans,
//   ownUnitDuties, ownPositionDuties, subtreeUnitDuties, subtreePositionDuties
UNWIND $keys AS key
MATCH (u:Unit {rev: $rev, key: key})
CALL (u) {
  MATCH path = (u)-[:PART_OF*0..64]->(top:Unit)
  WHERE NOT (top)-[:PART_OF]->(:Unit)
  RETURN max(length(path)) AS depth
}
CALL (u) {
  MATCH path = (d:Unit)-[:PART_OF*0..64]->(u)
  RETURN count(d) AS subtreeUnits, max(length(path)) AS subtreeUnitDepth,
         sum(COUNT { (d)-[:OWNS]->(:Duty) }) AS subtreeUnitDuties,
         sum(CASE WHEN d = u THEN COUNT { (d)-[:OWNS]->(:Duty) } ELSE 0 END) AS ownUnitDuties
}
CALL (u) {
  MATCH (d:Unit)-[:PART_OF*0..64]->(u)
  MATCH (p:Position)-[:IN]->(d)
  WITH d = u AS own,
       COUNT { (p)<-[:REPORTS_TO {line: true}]-(:Position) } AS span,
       COUNT { (p)-[:RESPONSIBLE_FOR]->(:Duty) } AS duties
  WITH own, duties, CASE WHEN span > 0 THEN span END AS span
  RETURN count(span) AS subtreeManagers, avg(span) AS subtreeSpanMean,
         percentileCont(span, 0.5) AS subtreeSpanMedian, max(span) AS subtreeSpanMax,
         count(CASE WHEN span <= 2 THEN 1 END) AS subtreeNarrowSpans,
         count(CASE WHEN own THEN span END) AS ownManagers,
         avg(CASE WHEN own THEN span END) AS ownSpanMean,
         percentileCont(CASE WHEN own THEN span END, 0.5) AS ownSpanMedian,
         max(CASE WHEN own THEN span END) AS ownSpanMax,
         count(CASE WHEN own AND span <= 2 THEN 1 END) AS ownNarrowSpans,
         sum(duties) AS subtreePositionDuties,
         sum(CASE WHEN own THEN duties ELSE 0 END) AS ownPositionDuties
}
CALL (u) {
  MATCH (d:Unit)-[:PART_OF*0..64]->(u)
  MATCH (person:Person)-[:HOLDS]->(:Position)-[:IN]->(d)
  RETURN count(DISTINCT person) AS subtreePeople, count(DISTINCT CASE WHEN d = u THEN person END) AS ownPeople
}
CALL (u) {
  OPTIONAL MATCH (head:Position)-[:HEADS]->(u)
  WITH head
  ORDER BY head.key
  LIMIT 1
  OPTIONAL MATCH chain = (:Position)-[:REPORTS_TO*1..64 {line: true}]->(head)
  WITH head, max(length(chain)) AS longest
  RETURN head.key AS head, CASE WHEN head IS NULL THEN null ELSE coalesce(longest, 0) END AS reportingDepth
}
RETURN u.key AS key, depth, subtreeUnits, subtreeUnitDepth, head, reportingDepth, ownPeople, subtreePeople,
       ownManagers, ownSpanMean, ownSpanMedian, ownSpanMax, ownNarrowSpans,
       subtreeManagers, subtreeSpanMean, subtreeSpanMedian, subtreeSpanMax, subtreeNarrowSpans,
       ownUnitDuties, ownPositionDuties, subtreeUnitDuties, subtreePositionDuties
