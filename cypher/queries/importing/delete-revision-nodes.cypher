// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Removes every node of one revision, in batches (used when an import fails or was cut off).
// Label by label, so each part is a seek on the (rev, key) index (every node
// has a key; the shared-duty lists, on their (rev, index) one), never a scan of the whole store.
// $rev
// returns: nothing
CALL () {
  MATCH (n:Duty {rev: $rev}) WHERE n.key IS NOT NULL RETURN n
  UNION ALL
  MATCH (n:Person {rev: $rev}) WHERE n.key IS NOT NULL RETURN n
  UNION ALL
  MATCH (n:Position {rev: $rev}) WHERE n.key IS NOT NULL RETURN n
  UNION ALL
  MATCH (n:Unit {rev: $rev}) WHERE n.key IS NOT NULL RETURN n
  UNION ALL
  MATCH (n:SharedDuties {rev: $rev}) WHERE n.index IS NOT NULL RETURN n
}
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
