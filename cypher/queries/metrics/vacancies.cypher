// serves: Query.vacancies, Query.orgMetrics
// Organisation totals: items, planned headcount (编制), seats and holders of one revision.
// The organisation's 编制 is the sum over its top units of each one's 编制 (stated, or the sum
// of its parts, as in vacancies-units-page).
// Cost: O(units × unit depth + positions + holdings + people + duties); `key IS NOT NULL` lets
// the (rev, key) constraint indexes serve the whole-revision scans.
// $rev
// returns: units, positions, people, holdings, planned, seats, filled, filledFte, vacantSeats,
//   excessSeats, vacantPositions, shortPositions, overEstablishedPositions (fewer / more holders
//   than seats), juniorFte, unitDuties, positionDuties
CALL () {
  MATCH path = (d:Unit)-[:PART_OF*0..64]->(top:Unit)
  WHERE d.rev = $rev AND d.key IS NOT NULL AND NOT (top)-[:PART_OF]->(:Unit)
  WITH d,
       size([n IN nodes(path) WHERE n.plannedHeadcount IS NOT NULL]) AS stated,
       reduce(s = 0, c IN [(q:Position)-[:IN]->(d) | coalesce(q.headcount, 1)] | s + c) AS seats
  RETURN count(d) AS units,
         sum(CASE
               WHEN stated = 0 THEN seats
               WHEN stated = 1 AND d.plannedHeadcount IS NOT NULL THEN d.plannedHeadcount
               ELSE 0
             END) AS planned,
         sum(COUNT { (d)-[:OWNS]->(:Duty) }) AS unitDuties
}
CALL () {
  MATCH (p:Position)
  WHERE p.rev = $rev AND p.key IS NOT NULL
  WITH p, coalesce(p.headcount, 1) AS seats, [(p)<-[h:HOLDS]-(:Person) | coalesce(h.fte, 1.0)] AS ftes
  WITH p, seats, size(ftes) AS filled, reduce(s = 0.0, f IN ftes | s + f) AS fte
  RETURN count(p) AS positions, sum(seats) AS seats, sum(filled) AS filled, sum(fte) AS filledFte,
         sum(CASE WHEN filled < seats THEN seats - filled ELSE 0 END) AS vacantSeats,
         sum(CASE WHEN filled > seats THEN filled - seats ELSE 0 END) AS excessSeats,
         count(CASE WHEN filled = 0 THEN 1 END) AS vacantPositions,
         count(CASE WHEN filled < seats THEN 1 END) AS shortPositions,
         count(CASE WHEN filled > seats THEN 1 END) AS overEstablishedPositions,
         sum(coalesce(p.juniorFte, 0.0)) AS juniorFte,
         sum(COUNT { (p)-[:RESPONSIBLE_FOR]->(:Duty) }) AS positionDuties
}
CALL () {
  MATCH (h:Person)
  WHERE h.rev = $rev AND h.key IS NOT NULL
  RETURN count(h) AS people, sum(COUNT { (h)-[:HOLDS]->(:Position) }) AS holdings
}
RETURN units, positions, people, holdings, planned, seats, filled, filledFte, vacantSeats, excessSeats,
       vacantPositions, shortPositions, overEstablishedPositions, juniorFte, unitDuties, positionDuties
