// serves: Query.importJob, GET /api/v1/imports/{id}
// One import job (importJob, GET /api/v1/imports/{id}) as the instance running it stored it.
// Unfinished with a heartbeat older than the lease: its instance is gone (abandoned). Forgotten
// $expirySeconds after it finished, or after the last heartbeat of an abandoned one.
// $id, $leaseSeconds, $expirySeconds
// returns: id, organization, format, state, phase, rowsTotal, rowsWritten, startedAt and
// finishedAt (epoch milliseconds), revision, currentRevision, counts (JSON text), millis, phases (JSON text),
// problems (JSON text), errorCount, warningCount, failure, abandoned
MATCH (j:ImportJob {id: $id})
WHERE coalesce(j.finishedAt, j.heartbeatAt) > datetime() - duration({seconds: $expirySeconds})
RETURN j.id AS id,
       j.org AS organization,
       j.format AS format,
       j.state AS state,
       j.phase AS phase,
       j.rowsTotal AS rowsTotal,
       j.rowsWritten AS rowsWritten,
       j.startedAt.epochMillis AS startedAt,
       j.finishedAt.epochMillis AS finishedAt,
       j.revision AS revision,
       j.currentRevision AS currentRevision,
       j.counts AS counts,
       j.millis AS millis,
       j.phases AS phases,
       j.problems AS problems,
       j.errorCount AS errorCount,
       j.warningCount AS warningCount,
       j.failure AS failure,
       j.finishedAt IS NULL AND j.heartbeatAt <= datetime() - duration({seconds: $leaseSeconds}) AS abandoned
