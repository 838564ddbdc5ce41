// serves: Position.concurrentWith
// $rev, $keys
// returns: key, p (the Position held together with it), holders
MATCH (a:Position)-[:CONCURRENT_WITH]->(p:Position)
WHERE a.rev = $rev AND a.key IN $keys
RETURN a.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
