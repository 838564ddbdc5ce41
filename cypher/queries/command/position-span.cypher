// serves: Position.span
// Span of control: the posts reporting to each post on a solid line. Cost: O(keys + their
// direct reports).
// $rev, $keys
// returns: key, span
MATCH (m:Position)
WHERE m.rev = $rev AND m.key IN $keys
RETURN m.key AS key,
       COUNT { MATCH (p:Position)-[:REPORTS_TO {line: true}]->(m) WHERE p <> m RETURN DISTINCT p } AS span
