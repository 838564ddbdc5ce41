// job: forgetting import jobs after orgraph.import-job-expiry
// Forgets import jobs $expirySeconds after they finished, or after the last heartbeat of one
// whose instance stopped (orgraph.import-job-expiry); a batch at a time.
// $expirySeconds
// returns: removed
MATCH (j:ImportJob)
WHERE coalesce(j.finishedAt, j.heartbeatAt) <= datetime() - duration({seconds: $expirySeconds})
WITH j LIMIT 10000
DELETE j
RETURN count(*) AS removed
