// job: duty embedding, keeping each newly embedded text's vector (Query.dutyOverlaps, Query.dutyThemes)
// One node per text and model, whichever organisations hold the text; written again unchanged if
// two instances embed the same text at once.
// $meanings: [{key, vector}]
UNWIND $meanings AS meaning
MERGE (m:DutyMeaning {key: meaning.key})
SET m.vector = meaning.vector
