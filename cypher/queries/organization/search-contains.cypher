// serves: Organization.search (when the full-text index finds nothing)
// Substring match, used when the full-text index finds nothing (e.g. one Chinese character,
// which the CJK analyzer only indexes in pairs). Scans one revision: O(units + positions + people).
// $text, $rev, $limit
// returns: node, kind, score
CALL () {
  MATCH (u:Unit) WHERE u.rev = $rev AND toLower(u.name) CONTAINS toLower($text)
  RETURN u AS node, 'UNIT' AS kind
  UNION ALL
  MATCH (p:Position) WHERE p.rev = $rev AND toLower(p.title) CONTAINS toLower($text)
  RETURN p AS node, 'POSITION' AS kind
  UNION ALL
  MATCH (p:Person) WHERE p.rev = $rev AND toLower(p.name) CONTAINS toLower($text)
  RETURN p AS node, 'PERSON' AS kind
}
RETURN node, kind, 0.5 AS score
LIMIT $limit
