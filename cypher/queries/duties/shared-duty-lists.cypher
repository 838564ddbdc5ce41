// job: exact duty overlaps and orphaned duties read from the revision's projection (Query.dutyOverlaps mode EXACT, Query.orphanedDuties, the overlaps and orphans exports)
// The duties whose normal form another duty of the revision shares, as the import listed them
// (importing/create-shared-duties): one row per list of a few thousand duties, in the import's
// order, each list as parallel arrays.
// $rev
// returns: keys, texts, norms, holderKinds, holders
MATCH (c:SharedDuties)
WHERE c.rev = $rev AND c.index >= 0
RETURN c.keys AS keys, c.texts AS texts, c.norms AS norms, c.holderKinds AS holderKinds, c.holders AS holders
ORDER BY c.index
