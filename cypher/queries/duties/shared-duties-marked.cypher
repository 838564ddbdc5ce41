// job: exact duty overlaps read from the revision's projection (Query.dutyOverlaps mode EXACT, the overlaps export)
// Whether the revision's import marked its shared duties (duties/shared-duties) and listed them
// (duties/shared-duty-lists): revisions written before imports listed them are read by their
// marks, and those written before imports marked them are read whole.
// $rev
// returns: marked, listed
MATCH (r:Revision {id: $rev})
RETURN coalesce(r.sharedDutiesMarked, false) AS marked, coalesce(r.sharedDutiesListed, false) AS listed
