// job: exact duty overlaps read from the revision's projection (Query.dutyOverlaps mode EXACT, the overlaps export)
// Whether the revision's import marked its shared duties (duties/shared-duties): revisions
// written before imports did are read whole instead.
// $rev
// returns: marked
MATCH (r:Revision {id: $rev})
RETURN coalesce(r.sharedDutiesMarked, false) AS marked
