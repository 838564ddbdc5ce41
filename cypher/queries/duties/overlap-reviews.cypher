// serves: Overlap.review, Query.dutyOverlaps, GET /api/v1/orgs/{key}/exports/overlaps
// Overlap.review, dutyOverlaps' filter on DISTINCT and the overlaps export: every verdict recorded
// for one organisation (a handful per pair of duties a consultant looked at).
// $org
// returns: pair, first, second, verdict, note, by, at
MATCH (r:OverlapReview {org: $org})
RETURN r.pair AS pair, r.first AS first, r.second AS second, r.verdict AS verdict, r.note AS note, r.by AS by,
       toString(r.at) AS at
LIMIT 100000
