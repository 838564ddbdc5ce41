// serves: Query.orgMetrics
// Organisation structure of one revision: span of control (direct solid-line reports of a post;
// a manager has at least one; "narrow" spans are 1 or 2), how deep the unit tree and the
// solid-line reporting tree go, and how many posts report to nobody (tops).
// Cost: O(units × unit depth + positions + reporting lines × reporting depth): one chain per post, as
// every import format writes at most one solid line per post; paths at most 64 long.
// $rev
// returns: managers, spanMean, spanMedian, spanMax, narrowSpans, unitDepth (PART_OF steps from the
//   deepest unit to its top unit), reportingDepth (solid lines from the lowest post to its top), tops
CALL () {
  MATCH (p:Position)
  WHERE p.rev = $rev AND p.key IS NOT NULL
  WITH COUNT { (p)<-[:REPORTS_TO {line: true}]-(:Position) } AS span
  WITH CASE WHEN span > 0 THEN span END AS span
  RETURN count(span) AS managers, avg(span) AS spanMean, percentileCont(span, 0.5) AS spanMedian,
         max(span) AS spanMax, count(CASE WHEN span <= 2 THEN 1 END) AS narrowSpans
}
CALL () {
  MATCH path = (u:Unit)-[:PART_OF*0..64]->(top:Unit)
  WHERE u.rev = $rev AND u.key IS NOT NULL AND NOT (top)-[:PART_OF]->(:Unit)
  RETURN coalesce(max(length(path)), 0) AS unitDepth
}
CALL () {
  MATCH (top:Position)
  WHERE top.rev = $rev AND top.key IS NOT NULL AND NOT (top)-[:REPORTS_TO {line: true}]->(:Position)
  OPTIONAL MATCH chain = (:Position)-[:REPORTS_TO*1..64 {line: true}]->(top)
  RETURN count(DISTINCT top) AS tops, coalesce(max(length(chain)), 0) AS reportingDepth
}
RETURN managers, spanMean, spanMedian, spanMax, narrowSpans, unitDepth, reportingDepth, tops
