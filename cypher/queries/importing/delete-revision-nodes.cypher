// Removes every node of one revision, in batches (used when an import fails or was cut off).
// $rev
// returns: nothing
MATCH (n)
WHERE (n:Unit OR n:Position OR n:Person OR n:Duty) AND n.rev = $rev
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
