// job: start-up, loading the demo organisations into an empty store
// How many organisations the store holds (demo data loads only into an empty store).
// returns: n
MATCH (o:Organization)
RETURN count(o) AS n
