package org.orgraph.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * One import's progress, readable while it runs ({@code GET /api/v1/imports/{id}},
 * {@code importJob(id)}). Rows count every node and relationship row sent to the database.
 */
public final class ImportJob {

	public enum State {

		VALIDATING, WRITING, COMPLETE, REJECTED, FAILED

	}

	private final String id;

	private final String organization;

	private final String format;

	private final Instant startedAt;

	private final AtomicInteger rowsWritten = new AtomicInteger();

	/** How long each phase took, in the order they ended (guarded by itself: duty writers add side by side). */
	private final List<PhaseTime> phases = new ArrayList<>();

	private volatile State state = State.VALIDATING;

	private volatile String phase = "parsing";

	private volatile int rowsTotal;

	private volatile @Nullable Instant finishedAt;

	private volatile @Nullable ImportResult result;

	private volatile List<ImportProblem> problems = List.of();

	private volatile @Nullable String failure;

	private volatile int errorCount;

	private volatile int warningCount;

	private final String actor;

	ImportJob(String id, String organization, String format, String actor) {
		this(id, organization, format, actor, Instant.now());
	}

	private ImportJob(String id, String organization, String format, String actor, Instant startedAt) {
		this.actor = actor;
		this.id = id;
		this.organization = organization;
		this.format = format;
		this.startedAt = startedAt;
	}

	/** A job as another instance (or this one, earlier) stored it ({@link ImportJobs}). */
	static ImportJob stored(Stored s) {
		ImportJob job = new ImportJob(s.id(), s.organization(), s.format(), "", s.startedAt());
		job.state = s.state();
		job.phase = s.phase();
		job.rowsTotal = s.rowsTotal();
		job.rowsWritten.set(s.rowsWritten());
		job.finishedAt = s.finishedAt();
		job.result = s.result();
		job.problems = s.problems();
		job.failure = s.failure();
		job.errorCount = s.errorCount();
		job.warningCount = s.warningCount();
		return job;
	}

	/** What {@link ImportJobs} reads back of a stored job. */
	record Stored(String id, String organization, String format, State state, String phase, int rowsTotal,
			int rowsWritten, Instant startedAt, @Nullable Instant finishedAt, @Nullable ImportResult result,
			List<ImportProblem> problems, @Nullable String failure, int errorCount, int warningCount) {
	}

	public String id() {
		return this.id;
	}

	public String organization() {
		return this.organization;
	}

	/** Who started the import (token name and id, or system), for the audit trail. */
	public String actor() {
		return this.actor;
	}

	public String format() {
		return this.format;
	}

	public State state() {
		return this.state;
	}

	public String phase() {
		return this.phase;
	}

	public int rowsTotal() {
		return this.rowsTotal;
	}

	public int rowsWritten() {
		return this.rowsWritten.get();
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/** The import's answer; set once the job is {@link State#COMPLETE}. */
	public ImportResult result() {
		ImportResult r = this.result;
		if (r == null) {
			throw new IllegalStateException("import " + this.id + " is " + this.state);
		}
		return r;
	}

	public boolean hasResult() {
		return this.result != null;
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

	public @Nullable String failure() {
		return this.failure;
	}

	/** Every error found (a rejected job keeps the first {@value ProblemList#KEPT} in {@link #problems()}). */
	public int errorCount() {
		return this.errorCount;
	}

	/** Every warning found, kept or not. */
	public int warningCount() {
		return this.warningCount;
	}

	/** The revision written, once the job is {@link State#COMPLETE}; null before and otherwise. */
	public @Nullable Integer revision() {
		ImportResult r = this.result;
		return r == null ? null : r.revision();
	}

	public boolean finished() {
		return this.finishedAt != null;
	}

	void phase(String phase) {
		this.phase = phase;
	}

	/** Records that {@code phase} took {@code nanos} for {@code rows} rows; a phase met again adds up. */
	void timed(String phase, long nanos, int rows) {
		synchronized (this.phases) {
			for (int i = 0; i < this.phases.size(); i++) {
				PhaseTime known = this.phases.get(i);
				if (known.phase().equals(phase)) {
					this.phases.set(i, new PhaseTime(phase, known.nanos() + nanos, known.rows() + rows));
					return;
				}
			}
			this.phases.add(new PhaseTime(phase, nanos, rows));
		}
	}

	/** The phases timed so far, in the order they were first met. */
	List<PhaseTime> phaseTimes() {
		synchronized (this.phases) {
			return List.copyOf(this.phases);
		}
	}

	void writing(int rowsTotal) {
		this.rowsTotal = rowsTotal;
		this.state = State.WRITING;
		this.phase = "writing";
	}

	void written(String phase, int rows) {
		this.phase = phase;
		this.rowsWritten.addAndGet(rows);
	}

	void completed(ImportResult result) {
		this.result = result;
		this.problems = result.warnings();
		this.warningCount = result.warningCount();
		this.phase = "done";
		this.state = State.COMPLETE;
		this.finishedAt = Instant.now();
	}

	void rejected(List<ImportProblem> problems) {
		this.errorCount = ProblemList.errorCount(problems);
		this.warningCount = ProblemList.warningCount(problems);
		this.problems = List.copyOf(problems);
		this.phase = "rejected";
		this.state = State.REJECTED;
		this.finishedAt = Instant.now();
	}

	void failed(String failure) {
		this.failure = failure;
		this.phase = "failed";
		this.state = State.FAILED;
		this.finishedAt = Instant.now();
	}

	/**
	 * The answer of a successful import: {@code warnings} holds the first
	 * {@value ProblemList#KEPT}, {@code warningCount} counts every one; {@code phases} says where
	 * the time went (parsing, validating, each write phase, the commit that makes it current).
	 */
	public record ImportResult(String organization, int revision, int currentRevision, Map<String, Integer> counts,
			List<ImportProblem> warnings, long millis, int warningCount, List<PhaseTime> phases) {
	}

	/**
	 * Wall time spent in one phase of an import and the rows it handled. Phases written side by
	 * side overlap, so the phases can add up to more than the import took.
	 */
	public record PhaseTime(String phase, long nanos, int rows) {

		public long millis() {
			return this.nanos / 1_000_000;
		}

	}

}
