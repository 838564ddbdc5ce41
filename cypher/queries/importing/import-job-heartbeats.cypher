// job: import job heartbeats (Query.importJob answers a job whose heartbeat stopped as abandoned)
// The progress of the import jobs this instance is running, with a fresh heartbeat: a job whose
// heartbeat is older than the import lease is answered as abandoned (importing/import-job).
// $owner (this instance), $jobs ([{id, phase, rowsWritten}])
// returns: nothing
UNWIND $jobs AS job
MATCH (j:ImportJob {id: job.id})
WHERE j.owner = $owner AND j.finishedAt IS NULL
SET j.phase = job.phase,
    j.rowsWritten = job.rowsWritten,
    j.heartbeatAt = datetime()
