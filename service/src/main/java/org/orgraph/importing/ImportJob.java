package org.orgraph.importing;

import java.time.Instant;
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

	private final Instant startedAt = Instant.now();

	private final AtomicInteger rowsWritten = new AtomicInteger();

	private volatile State state = State.VALIDATING;

	private volatile String phase = "parsing";

	private volatile int rowsTotal;

	private volatile @Nullable Instant finishedAt;

	private volatile @Nullable ImportResult result;

	private volatile List<ImportProblem> problems = List.of();

	private volatile @Nullable String failure;

	private final String actor;

	ImportJob(String id, String organization, String format, String actor) {
		this.actor = actor;
		this.id = id;
		this.organization = organization;
		this.format = format;
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

	public boolean finished() {
		return this.finishedAt != null;
	}

	void phase(String phase) {
		this.phase = phase;
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
		this.phase = "done";
		this.state = State.COMPLETE;
		this.finishedAt = Instant.now();
	}

	void rejected(List<ImportProblem> problems) {
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

	/** The answer of a successful import. */
	public record ImportResult(String organization, int revision, int currentRevision, Map<String, Integer> counts,
			List<ImportProblem> warnings, long millis) {
	}

}
