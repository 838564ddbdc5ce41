package org.orgraph.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.orgraph.graph.Graph;
import org.orgraph.importing.ImportJob.ImportResult;
import org.orgraph.importing.ImportJob.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs as {@code ImportJob} nodes, so every instance on the database answers
 * {@code importJob} and {@code GET /api/v1/imports/{id}}, whichever one runs the import. A job
 * is stored once its input passed validation (before that its id reaches nobody), its progress
 * and a heartbeat about every second while it writes, and its outcome when it ends. A job
 * whose heartbeat is older than {@code orgraph.import-lease} lost its instance (kill -9, a
 * crash) and is answered as {@code FAILED}, phase {@code abandoned}; finished and abandoned
 * jobs are forgotten {@code orgraph.import-job-expiry} (default 24 h) after their last sign.
 * The instance running a job answers it from memory, with the freshest progress.
 */
@Component
class ImportJobs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	static final String ABANDONED = "abandoned";

	private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
	};

	private static final TypeReference<List<ImportJob.PhaseTime>> PHASES = new TypeReference<>() {
	};

	private static final TypeReference<List<StoredProblem>> PROBLEMS = new TypeReference<>() {
	};

	private final Graph graph;

	private final JsonMapper json;

	private final RevisionLeases leases;

	private final Duration expiry;

	/** The jobs this instance stored and is still running. */
	private final Map<String, ImportJob> running = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-jobs").daemon().factory());

	ImportJobs(Graph graph, JsonMapper json, RevisionLeases leases,
			@Value("${orgraph.import-job-expiry:24h}") Duration expiry) {
		if (expiry.isNegative() || expiry.isZero()) {
			throw new IllegalArgumentException("orgraph.import-job-expiry must be positive, got " + expiry);
		}
		this.graph = graph;
		this.json = json;
		this.leases = leases;
		this.expiry = expiry;
		// a heartbeat at least three times per lease, so a live job is never taken for abandoned
		long beat = Math.max(100, Math.min(1_000, leases.lease().toMillis() / 3));
		this.timer.scheduleWithFixedDelay(this::heartbeatQuietly, beat, beat, TimeUnit.MILLISECONDS);
		long sweep = Math.max(1_000, Math.min(Duration.ofMinutes(10).toMillis(), expiry.toMillis() / 2));
		this.timer.scheduleWithFixedDelay(this::expireQuietly, sweep, sweep, TimeUnit.MILLISECONDS);
	}

	Duration expiry() {
		return this.expiry;
	}

	/** Stores a job that passed validation and is about to write: from now on every instance answers it. */
	void started(ImportJob job) {
		this.graph.write("importing/save-import-job", parameters(job));
		this.running.put(job.id(), job);
	}

	/**
	 * Stores a finished job's outcome. The import has ended either way, so a database that fails
	 * here fails only the answer of other instances: the job is then reported abandoned.
	 */
	void finished(ImportJob job) {
		if (this.running.remove(job.id()) == null) {
			return; // never stored: rejected while validating, its id was given to nobody
		}
		try {
			this.graph.write("importing/save-import-job", parameters(job));
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the outcome of import {} ({}); other instances report it abandoned", job.id(),
					job.state(), ex);
		}
	}

	/** The job, running here or stored by any instance; empty when unknown or expired. */
	Optional<ImportJob> find(String id) {
		ImportJob local = this.running.get(id);
		if (local != null) {
			return Optional.of(local);
		}
		Map<String, Object> params = Map.of("id", id, "leaseSeconds", this.leases.lease().toSeconds(), "expirySeconds",
				this.expiry.toSeconds());
		return this.graph.read("importing/import-job", params, this::job).stream().findFirst();
	}

	/** Renews the heartbeat of every job running here and stores its progress. */
	void heartbeat() {
		if (this.running.isEmpty()) {
			return;
		}
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (ImportJob job : this.running.values()) {
			jobs.add(Map.of("id", job.id(), "phase", job.phase(), "rowsWritten", job.rowsWritten()));
		}
		this.graph.write("importing/import-job-heartbeats", Map.of("owner", this.leases.owner(), "jobs", jobs));
	}

	/** Deletes jobs whose last sign (finished, or the last heartbeat of an abandoned one) is older than the expiry. */
	int expire() {
		return this.graph
			.write("importing/expire-import-jobs", Map.of("expirySeconds", this.expiry.toSeconds()),
					r -> r.get("removed").asInt())
			.stream()
			.findFirst()
			.orElse(0);
	}

	private Map<String, Object> parameters(ImportJob job) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", job.id());
		p.put("org", job.organization());
		p.put("format", job.format());
		p.put("state", job.state().name());
		p.put("phase", job.phase());
		p.put("rowsTotal", job.rowsTotal());
		p.put("rowsWritten", job.rowsWritten());
		p.put("startedAt", job.startedAt().toString());
		p.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
		ImportResult result = job.hasResult() ? job.result() : null;
		p.put("revision", result == null ? null : result.revision());
		p.put("currentRevision", result == null ? null : result.currentRevision());
		p.put("counts", result == null ? null : this.json.writeValueAsString(result.counts()));
		p.put("millis", result == null ? null : result.millis());
		p.put("phases", result == null ? null : this.json.writeValueAsString(result.phases()));
		// at most ProblemList.KEPT errors and as many warnings, as the job holds them
		p.put("problems", this.json.writeValueAsString(job.problems().stream().map(StoredProblem::of).toList()));
		p.put("errorCount", job.errorCount());
		p.put("warningCount", job.warningCount());
		p.put("failure", job.failure());
		p.put("owner", this.leases.owner());
		return p;
	}

	private ImportJob job(Record r) {
		State state = State.valueOf(r.get("state").asString());
		String phase = r.get("phase").asString();
		@Nullable String failure = text(r.get("failure"));
		if (r.get("abandoned").asBoolean()) {
			state = State.FAILED;
			phase = ABANDONED;
			// usually its revision was left unfinished and goes with the cleanup of expired leases; rarely it
			// completed and only storing the outcome failed, so the message claims neither
			failure = "the instance running this import stopped (no heartbeat within orgraph.import-lease) before it "
					+ "recorded how the import ended";
		}
		List<ImportProblem> problems = this.json.readValue(r.get("problems").asString(), PROBLEMS)
			.stream()
			.map(StoredProblem::problem)
			.toList();
		int warningCount = r.get("warningCount").asInt();
		ImportResult result = null;
		if (state == State.COMPLETE && !r.get("revision").isNull()) {
			result = new ImportResult(r.get("organization").asString(), r.get("revision").asInt(),
					r.get("currentRevision").asInt(), this.json.readValue(r.get("counts").asString(), COUNTS),
					problems, r.get("millis").asLong(), warningCount,
					r.get("phases").isNull() ? List.of() : this.json.readValue(r.get("phases").asString(), PHASES));
		}
		return ImportJob.stored(new ImportJob.Stored(r.get("id").asString(), r.get("organization").asString(),
				r.get("format").asString(), state, phase, r.get("rowsTotal").asInt(), r.get("rowsWritten").asInt(),
				Instant.ofEpochMilli(r.get("startedAt").asLong()),
				r.get("finishedAt").isNull() ? null : Instant.ofEpochMilli(r.get("finishedAt").asLong()),
				result, problems, failure, r.get("errorCount").asInt(), warningCount));
	}

	private static @Nullable String text(org.neo4j.driver.Value value) {
		return value.isNull() ? null : value.asString();
	}

	/** An {@link ImportProblem} as stored in a job's {@code problems} (JSON text). */
	record StoredProblem(String file, int line, int column, String code, String message, String severity) {

		static StoredProblem of(ImportProblem p) {
			return new StoredProblem(p.file(), p.line(), p.column(), p.code(), p.message(), p.severity().name());
		}

		ImportProblem problem() {
			return new ImportProblem(this.file, this.line, this.column, this.code, this.message,
					ImportProblem.Severity.valueOf(this.severity));
		}

	}

	private void heartbeatQuietly() {
		try {
			heartbeat();
		}
		catch (RuntimeException ex) {
			// a missed beat is harmless while the next lands within the lease
			log.warn("Could not renew the heartbeat of {} import job(s)", this.running.size(), ex);
		}
	}

	private void expireQuietly() {
		try {
			int removed = expire();
			if (removed > 0) {
				log.info("Forgot {} import job(s) finished more than {} ago", removed, this.expiry);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove expired import jobs; tried again later", ex);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
