// job: storing an import job so that any instance answers Query.importJob and GET /api/v1/imports/{id}
// Stores an import job's state (importJob, GET /api/v1/imports/{id}), so that any instance on
// the database answers it: when it starts writing and when it ends. The heartbeat says the
// instance running it ($owner) is alive.
// $id, $org, $format, $state, $phase, $rowsTotal, $rowsWritten, $startedAt, $finishedAt (ISO
// instants, finishedAt null while running), $revision, $currentRevision, $counts (JSON text),
// $millis and $phases (JSON text: [{phase, nanos, rows}]; both null unless complete), $problems (JSON text: the first errors and warnings kept),
// $errorCount, $warningCount, $failure, $owner
// returns: nothing
MERGE (j:ImportJob {id: $id})
SET j.org = $org,
    j.format = $format,
    j.state = $state,
    j.phase = $phase,
    j.rowsTotal = $rowsTotal,
    j.rowsWritten = $rowsWritten,
    j.startedAt = datetime($startedAt),
    j.finishedAt = datetime($finishedAt),
    j.revision = $revision,
    j.currentRevision = $currentRevision,
    j.counts = $counts,
    j.millis = $millis,
    j.phases = $phases,
    j.problems = $problems,
    j.errorCount = $errorCount,
    j.warningCount = $warningCount,
    j.failure = $failure,
    j.owner = $owner,
    j.heartbeatAt = datetime()
