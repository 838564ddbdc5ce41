package org.orgraph.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.OrgReader;
import org.orgraph.importing.ImportJob.ImportResult;
import org.orgraph.importing.OrgDocument.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.orgraph.security.AuditTrail;
import org.orgraph.security.Callers;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The one way data gets in: parse, validate, plan, then write a new revision and make it
 * current. Imports of one organisation run one at a time; different organisations in
 * parallel. Large imports can run in the background while callers poll the job.
 */
@Service
public class ImportService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	/** Organisation keys appear in URLs and file names: letters, digits, '.', '_' and '-'. */
	static final Pattern ORG_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final int KEEP_FINISHED_JOBS = 200;

	private final Map<String, FormatParser> parsers = new LinkedHashMap<>();

	private final RevisionWriter writer;

	private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

	private final Map<String, ReentrantLock> orgLocks = new ConcurrentHashMap<>();

	private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("import-", 0).daemon().factory());

	private final AuditTrail audit;

	private final OrgReader reader;

	ImportService(RevisionWriter writer, AuditTrail audit, OrgReader reader) {
		this.writer = writer;
		this.audit = audit;
		this.reader = reader;
		for (FormatParser parser : List.of(new OrgJsonParser(), new CsvBundleParser(), new UkOrganogramParser())) {
			this.parsers.put(parser.format(), parser);
		}
	}

	public List<String> formats() {
		return List.copyOf(this.parsers.keySet());
	}

	/**
	 * Imports synchronously and returns the completed job (its {@code result()} is set).
	 * Throws {@link ImportRejectedException} when the input is unsound.
	 */
	public ImportJob importNow(String org, String format, List<ImportFile> files) {
		ImportJob job = newJob(org, format);
		Prepared prepared = prepare(job, org, format, files);
		write(job, prepared, format, source(files));
		return job;
	}

	/**
	 * Validates now (so bad input is rejected at once) and writes in the background. The job
	 * can be polled with {@link #job(String)}.
	 */
	public ImportJob importInBackground(String org, String format, List<ImportFile> files) {
		ImportJob job = newJob(org, format);
		Prepared prepared = prepare(job, org, format, files);
		// the job keeps the plan, not the uploaded bytes
		String source = source(files);
		this.background.submit(() -> {
			try {
				write(job, prepared, format, source);
			}
			catch (RuntimeException ex) {
				// already recorded on the job
			}
		});
		return job;
	}

	public Optional<ImportJob> job(String id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	/**
	 * Removes revisions that an earlier process left half-written (crash, kill -9). The
	 * embedded store belongs to this process alone, so everything unfinished is stale; a
	 * shared external database may hold another process's import in progress, so there only
	 * revisions unfinished for over an hour go.
	 */
	public void discardUnfinished(boolean storeIsExclusive) {
		Duration minimumAge = storeIsExclusive ? Duration.ZERO : Duration.ofHours(1);
		for (String revision : this.writer.unfinished(minimumAge)) {
			log.warn("Removing revision {} left unfinished by an interrupted import", revision);
			this.writer.discard(revision);
		}
	}

	private ImportJob newJob(String org, String format) {
		if (Callers.current().map(c -> !c.canRead(org)).orElse(false)) {
			throw new AccessDeniedException("this token is limited to another organisation");
		}
		ImportJob job = new ImportJob(UUID.randomUUID().toString(), org, format, Callers.describeCurrent());
		this.jobs.put(job.id(), job);
		if (this.jobs.size() > KEEP_FINISHED_JOBS) {
			this.jobs.values()
				.stream()
				.filter(ImportJob::finished)
				.sorted((a, b) -> a.startedAt().compareTo(b.startedAt()))
				.limit(this.jobs.size() - KEEP_FINISHED_JOBS)
				.forEach(j -> this.jobs.remove(j.id()));
		}
		return job;
	}

	private Prepared prepare(ImportJob job, String org, String format, List<ImportFile> files) {
		List<ImportProblem> problems = new ArrayList<>();
		Location nowhere = Location.of(files.isEmpty() ? "" : files.getFirst().name(), 0, 0);
		if (!ORG_KEY.matcher(org).matches()) {
			problems.add(ImportProblem.error(nowhere, ProblemCodes.BAD_ORG_KEY, "organisation key \"" + org
					+ "\" must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		FormatParser parser = this.parsers.get(format);
		if (parser == null) {
			problems.add(ImportProblem.error(nowhere, ProblemCodes.UNKNOWN_FORMAT,
					"unknown format \"" + format + "\"; use one of " + String.join(", ", this.parsers.keySet())));
		}
		if (files.isEmpty()) {
			problems.add(ImportProblem.error(nowhere, ProblemCodes.MISSING_FILE, "no file was given"));
		}
		if (!problems.isEmpty() || parser == null) {
			throw reject(job, problems);
		}
		ParseResult parsed = parser.parse(org, files);
		problems.addAll(parsed.problems());
		if (parsed.hasErrors() || parsed.document() == null) {
			throw reject(job, problems);
		}
		job.phase("validating");
		OrgValidator.Strictness strictness = format.equals("uk-organogram") ? OrgValidator.Strictness.PUBLISHED
				: OrgValidator.Strictness.DOCUMENT;
		OrgValidator.Validation validation = new OrgValidator(strictness).validate(parsed.document());
		problems.addAll(validation.problems());
		if (validation.rejected() || validation.plan() == null) {
			throw reject(job, problems);
		}
		RevisionPlan plan = validation.plan();
		job.writing(plan.writeCount());
		return new Prepared(plan, List.copyOf(problems));
	}

	/** A plan that passed validation, with the warnings met on the way. */
	private record Prepared(RevisionPlan plan, List<ImportProblem> warnings) {
	}

	private ImportRejectedException reject(ImportJob job, List<ImportProblem> problems) {
		job.rejected(problems);
		log.info("Import {} into {} rejected: {} error(s)", job.id(), job.organization(),
				problems.stream().filter(ImportProblem::isError).count());
		return new ImportRejectedException(problems);
	}

	private static String source(List<ImportFile> files) {
		return String.join(", ", files.stream().map(ImportFile::name).toList());
	}

	private ImportResult write(ImportJob job, Prepared prepared, String format, String source) {
		RevisionPlan plan = prepared.plan();
		String org = plan.key();
		ReentrantLock lock = this.orgLocks.computeIfAbsent(org, k -> new ReentrantLock());
		long started = System.nanoTime();
		lock.lock();
		RevisionWriter.@Nullable OpenRevision revision = null;
		try {
			revision = this.writer.open(plan, format, source, job.id());
			this.writer.writeAll(plan, revision, job::written);
			int current = this.writer.complete(plan, revision);
			this.reader.forget(org);
			ImportResult result = new ImportResult(org, revision.number(), current, plan.counts(),
					prepared.warnings(), (System.nanoTime() - started) / 1_000_000);
			job.completed(result);
			this.audit.record(job.actor(), "import", org, revision.number(),
					format + ": " + plan.rowCount() + " units, positions, people and duties from " + source);
			log.info("Import {} into {} complete: revision {}, {} rows in {} ms", job.id(), org, revision.number(),
					plan.rowCount(), result.millis());
			return result;
		}
		catch (RuntimeException ex) {
			job.failed("the database failed while writing: " + ex.getMessage());
			log.error("Import {} into {} failed while writing; discarding the partial revision", job.id(), org, ex);
			if (revision != null) {
				this.writer.discard(revision.id());
			}
			throw ex;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
