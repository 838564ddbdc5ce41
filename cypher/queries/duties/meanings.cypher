// job: duty embedding, the vectors of texts embedded before (Query.dutyOverlaps, Query.dutyThemes)
// The stored sentence vectors of these texts, so a restart or a second instance does not embed
// them again. Keys are model + ':' + SHA-256 of the text.
// $keys
// returns: key, vector
UNWIND $keys AS key
MATCH (m:DutyMeaning {key: key})
RETURN m.key AS key, m.vector AS vector
