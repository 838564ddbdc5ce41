package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.orgraph.importing.ImportJob.ImportResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/orgs/{key}/imports}: an org document as the JSON body, or files as
 * multipart with a {@code format} part. {@code 201} with the new revision, {@code 422} with
 * every problem (nothing changed), or {@code 202} and a job to poll for background imports
 * ({@code Prefer: respond-async}, or bodies over {@value #BACKGROUND_BYTES} bytes).
 */
@RestController
class ImportHttpController {

	static final long BACKGROUND_BYTES = 16L * 1024 * 1024;

	/** Uploads up to this size are read into the heap; larger ones are spooled to disk and mapped. */
	static final long IN_MEMORY_BYTES = 16L * 1024 * 1024;

	private final ImportService imports;

	ImportHttpController(ImportService imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/v1/orgs/{key}/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> importDocument(@PathVariable String key, HttpServletRequest request,
			@RequestHeader(name = "Prefer", required = false) @Nullable String prefer) throws IOException {
		return run(key, OrgJsonParser.FORMAT, List.of(body("document.json", request)), null, prefer);
	}

	@PostMapping(path = "/api/v1/orgs/{key}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> importFiles(@PathVariable String key,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> parts,
			@RequestParam(name = "format", defaultValue = OrgJsonParser.FORMAT) String format,
			@RequestParam(name = "asOf", required = false) @Nullable String asOf,
			@RequestHeader(name = "Prefer", required = false) @Nullable String prefer) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
			String name = part.getOriginalFilename();
			name = name == null || name.isBlank() ? part.getName() : name;
			if (part.getSize() <= IN_MEMORY_BYTES) {
				files.add(new ImportFile(name, part.getBytes()));
			}
			else {
				try (InputStream in = part.getInputStream()) {
					files.add(ImportFile.spool(name, in));
				}
			}
		}
		return run(key, format, files, asOf, prefer);
	}

	/**
	 * The request's body as one file: read into the heap when it is small, else spooled to a
	 * temporary file and mapped, so that a large document is not held on the heap while it is
	 * parsed and validated.
	 */
	private static ImportFile body(String name, HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0 && declared <= IN_MEMORY_BYTES) {
				return new ImportFile(name, in.readAllBytes());
			}
			return ImportFile.spool(name, in);
		}
	}

	@ExceptionHandler(ImportFile.TooLargeException.class)
	ResponseEntity<Map<String, Object>> tooLarge(ImportFile.TooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Map.of("errors", List.of(Map.of("code", "REQUEST_TOO_LARGE", "message", ex.getMessage()))));
	}

	@GetMapping("/api/v1/imports/{id}")
	ResponseEntity<Map<String, Object>> job(@PathVariable String id) {
		return this.imports.job(id)
			.map(job -> ResponseEntity.ok(describe(job)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("errors", List.of(Map.of("code", "NOT_FOUND", "message", "no import job " + id)))));
	}

	@ExceptionHandler(ImportRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(ImportRejectedException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", ex.problems().stream().filter(ImportProblem::isError).map(ImportHttpController::problem).toList());
		body.put("warnings",
				ex.problems().stream().filter(p -> !p.isError()).map(ImportHttpController::problem).toList());
		// the lists hold the first ProblemList.KEPT of each; the counts are every one found
		body.put("errorCount", ex.errorCount());
		body.put("warningCount", ex.warningCount());
		return ResponseEntity.unprocessableContent().body(body);
	}

	private ResponseEntity<Map<String, Object>> run(String key, String format, List<ImportFile> files,
			@Nullable String asOf, @Nullable String prefer) {
		long bytes = files.stream().mapToLong(ImportFile::length).sum();
		boolean background = (prefer != null && prefer.contains("respond-async")) || bytes > BACKGROUND_BYTES;
		if (background) {
			ImportJob job = this.imports.importInBackground(key, format, files, asOf);
			return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(describe(job));
		}
		ImportJob job = this.imports.importNow(key, format, files, asOf);
		ImportResult result = job.result();
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/imports/" + job.id()))
			.body(describe(result));
	}

	static Map<String, Object> describe(ImportResult result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organization", result.organization());
		body.put("revision", result.revision());
		body.put("currentRevision", result.currentRevision());
		body.put("counts", result.counts());
		body.put("warnings", result.warnings().stream().map(ImportHttpController::problem).toList());
		body.put("millis", result.millis());
		body.put("phases", result.phases().stream().map(p -> {
			Map<String, Object> phase = new LinkedHashMap<>();
			phase.put("phase", p.phase());
			phase.put("millis", p.millis());
			phase.put("rows", p.rows());
			return phase;
		}).toList());
		return body;
	}

	static Map<String, Object> describe(ImportJob job) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", job.id());
		body.put("organization", job.organization());
		body.put("format", job.format());
		body.put("state", job.state().name());
		body.put("phase", job.phase());
		body.put("rowsTotal", job.rowsTotal());
		body.put("rowsWritten", job.rowsWritten());
		body.put("startedAt", job.startedAt().toString());
		body.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
		if (job.hasResult()) {
			body.put("result", describe(job.result()));
		}
		if (job.state() == ImportJob.State.REJECTED) {
			body.put("errors", job.problems().stream().filter(ImportProblem::isError).map(ImportHttpController::problem).toList());
			body.put("errorCount", job.errorCount());
		}
		if (job.failure() != null) {
			body.put("failure", job.failure());
		}
		return body;
	}

	static Map<String, Object> problem(ImportProblem p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", p.file());
		m.put("line", p.line());
		m.put("column", p.column());
		m.put("code", p.code());
		m.put("message", p.message());
		return m;
	}

}
