// serves: Mutation.reviewOverlap
// reviewOverlap: records (or replaces) a consultant's verdict on a pair of duties, keyed by the
// organisation and the duties' normal forms so that it holds in every revision that has them.
// $org, $pair, $first, $second, $verdict, $note, $by
// returns: verdict, note, by, at
MERGE (r:OverlapReview {org: $org, pair: $pair})
SET r.first = $first, r.second = $second, r.verdict = $verdict, r.note = $note, r.by = $by, r.at = datetime()
RETURN r.verdict AS verdict, r.note AS note, r.by AS by, toString(r.at) AS at
