package org.orgraph.importing;

import java.time.Duration;
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
import org.orgraph.graph.Revision;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.RevisionCompleted;
import org.orgraph.importing.ImportJob.ImportResult;
import org.orgraph.importing.OrgDocument.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.orgraph.security.AuditTrail;
import org.orgraph.security.Callers;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
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

	/** What the job of an {@link #edit} says its format is. */
	static final String EDIT_FORMAT = "edit";

	private final Map<String, FormatParser> parsers = new LinkedHashMap<>();

	private final ApplicationEventPublisher events;

	private final RevisionWriter writer;

	private final ImportJobs jobs;

	private final Map<String, ReentrantLock> orgLocks = new ConcurrentHashMap<>();

	private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("import-", 0).daemon().factory());

	private final AuditTrail audit;

	private final RevisionDocuments documents;

	private final Revisions revisions;

	ImportService(RevisionWriter writer, AuditTrail audit, RevisionDocuments documents, Revisions revisions,
			ApplicationEventPublisher events, ImportJobs jobs) {
		this(writer, audit, documents, revisions, events, jobs, List.of());
	}

	/** {@code more}: formats other features add (the documents feature's {@code document}). */
	@Autowired
	ImportService(RevisionWriter writer, AuditTrail audit, RevisionDocuments documents, Revisions revisions,
			ApplicationEventPublisher events, ImportJobs jobs, List<FormatParser> more) {
		this.events = events;
		this.jobs = jobs;
		this.writer = writer;
		this.audit = audit;
		this.documents = documents;
		this.revisions = revisions;
		for (FormatParser parser : List.of(new OrgJsonParser(), new CsvBundleParser(), new UkOrganogramParser())) {
			this.parsers.put(parser.format(), parser);
		}
		for (FormatParser parser : more) {
			this.parsers.putIfAbsent(parser.format(), parser);
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
		return importNow(org, format, files, null);
	}

	/**
	 * As {@link #importNow(String, String, List)}, with the date the data describes
	 * ({@code yyyy-mm-dd}) when the caller knows it better than the files say.
	 */
	public ImportJob importNow(String org, String format, List<ImportFile> files, @Nullable String asOf) {
		ImportJob job = newJob(org, format);
		Prepared prepared = prepare(job, org, format, files, asOf);
		write(job, prepared, format, source(files), null, List.of());
		return job;
	}

	/**
	 * Applies {@code edits} to revision {@code baseRevision} and writes the result as the next
	 * revision, validated like an import. Refused with {@code CONFLICT} (nothing changed) when
	 * {@code baseRevision} is no longer current, checked again under the organisation's lock in
	 * the transaction that makes the new revision current; a changed reporting line that would
	 * loop is refused with {@code CYCLE}. Costs what an import of the whole organisation costs.
	 */
	public ImportJob edit(String org, int baseRevision, List<OrgEdit> edits) {
		ImportJob job = newJob(org, EDIT_FORMAT);
		Location nowhere = Location.of(OrgEdits.FILE, 0, 0);
		RevisionDocuments.Header base = this.documents.header(org, baseRevision)
			.orElseThrow(() -> reject(job, List.of(ImportProblem.error(nowhere, ProblemCodes.UNKNOWN_REVISION,
					"organisation \"" + org + "\" has no complete revision " + baseRevision))));
		if (base.current() != baseRevision) {
			throw reject(job, List.of(ImportProblem.error(nowhere, ProblemCodes.CONFLICT, "the edits were made against revision "
					+ baseRevision + " but revision " + base.current() + " is current; read it and make the edits again")));
		}
		job.phase("reading revision " + baseRevision);
		OrgEdits.Applied applied = OrgEdits.apply(this.documents.document(base), edits);
		List<ImportProblem> problems = new ProblemList(applied.problems());
		if (!problems.isEmpty()) {
			throw reject(job, problems);
		}
		Prepared prepared = validate(job, applied.document(), strictness(base.format()), problems);
		// the new revision keeps the format its content came from (and so the validation it gets)
		write(job, prepared, base.format(), "edit of revision " + baseRevision + ": " + edits.size() + " change(s)",
				baseRevision, applied.changedLines());
		return job;
	}

	/**
	 * Validates now (so bad input is rejected at once) and writes in the background. The job
	 * can be polled with {@link #job(String)}.
	 */
	public ImportJob importInBackground(String org, String format, List<ImportFile> files) {
		return importInBackground(org, format, files, null);
	}

	public ImportJob importInBackground(String org, String format, List<ImportFile> files, @Nullable String asOf) {
		ImportJob job = newJob(org, format);
		Prepared prepared = prepare(job, org, format, files, asOf);
		// the job keeps the plan, not the uploaded bytes
		String source = source(files);
		this.background.submit(() -> {
			try {
				write(job, prepared, format, source, null, List.of());
			}
			catch (RuntimeException ex) {
				// already recorded on the job
			}
		});
		return job;
	}

	/**
	 * The job with this id, run by this instance or any other on the database, if the caller may
	 * see its organisation: for a token limited to another organisation the job does not exist
	 * (GraphQL and REST answer alike). Unknown or expired: empty.
	 */
	public Optional<ImportJob> job(String id) {
		return this.jobs.find(id)
			.filter(job -> Callers.current().map(c -> c.canRead(job.organization())).orElse(true));
	}

	/**
	 * Removes revisions that an earlier process left half-written (crash, kill -9). An embedded
	 * store without Bolt belongs to this process alone, so everything unfinished (and not being
	 * written here) is stale; where other processes may write (Bolt on, an external database)
	 * a revision goes only once its writer's lease has run out ({@link RevisionLeases}).
	 */
	public void discardUnfinished(boolean storeIsExclusive) {
		Duration minimumAge = storeIsExclusive ? Duration.ZERO : this.writer.lease();
		for (String revision : this.writer.unfinished(minimumAge)) {
			log.warn("Removing revision {} left unfinished by an interrupted import", revision);
			this.writer.discard(revision);
		}
	}

	private ImportJob newJob(String org, String format) {
		if (Callers.current().map(c -> !c.canRead(org)).orElse(false)) {
			throw new AccessDeniedException("this token is limited to another organisation");
		}
		// stored once validated (ImportJobs): until then its id reaches nobody
		return new ImportJob(UUID.randomUUID().toString(), org, format, Callers.describeCurrent());
	}

	private Prepared prepare(ImportJob job, String org, String format, List<ImportFile> files,
			@Nullable String asOf) {
		List<ImportProblem> problems = new ProblemList();
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
		@Nullable String date = (asOf == null || asOf.isBlank()) ? null : UkOrganogramParser.DataDate.parse(asOf.strip());
		if (asOf != null && !asOf.isBlank() && date == null) {
			problems.add(ImportProblem.error(Location.of("asOf", 0, 0), ProblemCodes.BAD_VALUE, "asOf \""
					+ (asOf.length() > 40 ? asOf.substring(0, 40) + "…" : asOf)
					+ "\" is not a date; give the date the data describes as yyyy-mm-dd (or dd/mm/yyyy)"));
		}
		if (!problems.isEmpty() || parser == null) {
			throw reject(job, problems);
		}
		long parsing = System.nanoTime();
		ParseResult parsed = parser.parse(org, files);
		job.timed("parse", System.nanoTime() - parsing, 0);
		problems.addAll(parsed.problems());
		if (parsed.hasErrors() || parsed.document() == null) {
			throw reject(job, problems);
		}
		OrgDocument document = parsed.document();
		if (date != null) {
			// the caller's date wins over what the files suggest
			Map<String, Object> metadata = new LinkedHashMap<>(document.metadata());
			metadata.put("asOf", date);
			metadata.put("asOfFrom", "form");
			document = new OrgDocument(document.key(), document.name(), document.units(), document.positions(),
					document.people(), metadata);
		}
		return validate(job, document, strictness(format), problems);
	}

	private static OrgValidator.Strictness strictness(String format) {
		return format.equals(UkOrganogramParser.FORMAT) ? OrgValidator.Strictness.PUBLISHED
				: OrgValidator.Strictness.DOCUMENT;
	}

	private Prepared validate(ImportJob job, OrgDocument document, OrgValidator.Strictness strictness,
			List<ImportProblem> problems) {
		job.phase("validating");
		long validating = System.nanoTime();
		OrgValidator.Validation validation = new OrgValidator(strictness).validate(document);
		problems.addAll(validation.problems());
		if (validation.rejected() || validation.plan() == null) {
			throw reject(job, problems);
		}
		RevisionPlan plan = validation.plan();
		job.timed("validate and plan", System.nanoTime() - validating, plan.rowCount());
		job.writing(plan.writeCount());
		this.jobs.started(job);
		return new Prepared(plan, List.copyOf(problems), ProblemList.warningCount(problems));
	}

	/** A plan that passed validation, with the warnings met on the way (the first ones kept, all counted). */
	private record Prepared(RevisionPlan plan, List<ImportProblem> warnings, int warningCount) {
	}

	private ImportRejectedException reject(ImportJob job, List<ImportProblem> problems) {
		job.rejected(problems);
		this.jobs.finished(job);
		log.info("Import {} into {} rejected: {} error(s)", job.id(), job.organization(),
				ProblemList.errorCount(problems));
		return new ImportRejectedException(problems);
	}

	private static String source(List<ImportFile> files) {
		return String.join(", ", files.stream().map(ImportFile::name).toList());
	}

	private ImportResult write(ImportJob job, Prepared prepared, String format, String source,
			@Nullable Integer expectedCurrent, List<String> changedLines) {
		RevisionPlan plan = prepared.plan();
		String org = plan.key();
		ReentrantLock lock = this.orgLocks.computeIfAbsent(org, k -> new ReentrantLock());
		long started = System.nanoTime();
		lock.lock();
		job.timed("wait for the organisation's lock", System.nanoTime() - started, 0);
		RevisionWriter.@Nullable OpenRevision revision = null;
		try {
			if (expectedCurrent != null) {
				// waited for another write of this organisation? then it may have moved on: don't write in vain
				int current = this.documents.header(org, expectedCurrent).map(RevisionDocuments.Header::current).orElse(-1);
				if (current != expectedCurrent) {
					throw reject(job, List.of(refusal(new RevisionWriter.Completion(RevisionWriter.Outcome.CONFLICT, current),
							expectedCurrent, changedLines)));
				}
			}
			long opening = System.nanoTime();
			revision = this.writer.open(plan, format, source, job.id());
			job.timed("open revision", System.nanoTime() - opening, 1);
			this.writer.writeAll(plan, revision, new RevisionWriter.Progress() {

				@Override
				public void written(String phase, int rows) {
					job.written(phase, rows);
				}

				@Override
				public void timed(String phase, long nanos, int rows) {
					job.timed(phase, nanos, rows);
				}

			});
			long completing = System.nanoTime();
			RevisionWriter.Completion completion = this.writer.complete(plan, revision, expectedCurrent, changedLines);
			job.timed("make current", System.nanoTime() - completing, 1);
			if (completion.outcome() != RevisionWriter.Outcome.COMPLETE) {
				this.writer.discard(revision.id());
				revision = null;
				throw reject(job, List.of(refusal(completion, expectedCurrent, changedLines)));
			}
			this.revisions.forget(org);
			ImportResult result = new ImportResult(org, revision.number(), completion.current(), plan.counts(),
					prepared.warnings(), (System.nanoTime() - started) / 1_000_000, prepared.warningCount(),
					job.phaseTimes());
			job.completed(result);
			this.jobs.finished(job);
			boolean edit = expectedCurrent != null;
			this.audit.record(job.actor(), edit ? "edit" : "import", org, revision.number(), edit ? source
					: format + ": " + plan.rowCount() + " units, positions, people and duties from " + source);
			log.info("{} {} into {} complete: revision {}, {} rows in {} ms ({})", edit ? "Edit" : "Import", job.id(), org,
					revision.number(), plan.rowCount(), result.millis(), describe(result.phases()));
			this.events.publishEvent(new RevisionCompleted(Revision.of(revision.id())));
			return result;
		}
		catch (ImportRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			job.failed("the database failed while writing: " + ex.getMessage());
			this.jobs.finished(job);
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

	private static String describe(List<ImportJob.PhaseTime> phases) {
		return String.join(", ", phases.stream().map(p -> p.phase() + " " + p.millis() + " ms").toList());
	}

	private static ImportProblem refusal(RevisionWriter.Completion completion, @Nullable Integer expectedCurrent,
			List<String> changedLines) {
		Location at = Location.of(OrgEdits.FILE, 0, 0);
		return switch (completion.outcome()) {
			case CONFLICT -> ImportProblem.error(at, ProblemCodes.CONFLICT, "the edits were made against revision "
					+ expectedCurrent + " but revision " + completion.current()
					+ " became current meanwhile; read it and make the edits again");
			case CYCLE -> ImportProblem.error(at, ProblemCodes.CYCLE,
					"a changed reporting line would loop (positions " + changedLines + ")");
			default -> ImportProblem.error(at, ProblemCodes.CONFLICT,
					"the new revision was removed before it became current");
		};
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
