// serves: Organization.search
// Full-text search over names and titles of one revision. The Lucene query restricts to the
// revision's tokens; the WHERE clause makes that exact.
// $query (Lucene syntax, escaped by the caller), $rev, $limit
// returns: node, kind, score
CALL db.index.fulltext.queryNodes('name_search', $query, {limit: $limit * 4})
YIELD node, score
WHERE node.rev = $rev
RETURN node,
       CASE WHEN node:Unit THEN 'UNIT' WHEN node:Position THEN 'POSITION' ELSE 'PERSON' END AS kind,
       score
ORDER BY score DESC
LIMIT $limit
