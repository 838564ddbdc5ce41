package org.orgraph.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionNotFoundException;
import org.orgraph.metrics.ExportTables.ExportException;
import org.orgraph.metrics.ExportTables.Table;
import org.orgraph.metrics.MetricsViews.Scope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/orgs/{key}/exports/{table}.csv} and {@code .json}: the BI tables of the
 * current revision, or of {@code ?revision=N}, streamed page by page. Errors are 404 (400 for a
 * malformed revision) with {@code {"errors":[{"code","message"}]}}, decided before the first byte.
 */
@RestController
class ExportsHttpController {

	private static final Pattern FILE = Pattern.compile("([a-z-]+)\\.(csv|json)");

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final MetricsReader metrics;

	private final ExportTables tables;

	private final JsonMapper json;

	ExportsHttpController(MetricsReader metrics, ExportTables tables, JsonMapper json) {
		this.metrics = metrics;
		this.tables = tables;
		this.json = json;
	}

	@GetMapping("/api/v1/orgs/{key}/exports/{file}")
	void export(@PathVariable String key, @PathVariable String file,
			@RequestParam(name = "revision", required = false) @Nullable String revision, HttpServletResponse response)
			throws IOException {
		Matcher name = FILE.matcher(file);
		if (!name.matches() || !ExportTables.NAMES.contains(name.group(1))) {
			throw new ExportException(HttpStatus.NOT_FOUND, "TABLE_NOT_FOUND", "no export \"" + file
					+ "\"; the tables are " + String.join(", ", ExportTables.NAMES) + ", each as .csv or .json");
		}
		String table = name.group(1);
		boolean csv = name.group(2).equals("csv");
		Scope scope = this.metrics.scope(key, number(revision))
			.orElseThrow(() -> new ExportException(HttpStatus.NOT_FOUND, "ORGANIZATION_NOT_FOUND",
					"no organisation \"" + key + "\""));
		Table rows = this.tables.table(table, scope);

		response.setStatus(HttpStatus.OK.value());
		response.setContentType(csv ? CSV.toString() : MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(key + "-" + table + "-r" + scope.revision() + "." + name.group(2))
			.build()
			.toString());
		response.setHeader("X-Orgraph-Revision", Integer.toString(scope.revision()));
		TableWriter writer = csv ? new TableWriter.Csv(response.getOutputStream())
				: new TableWriter.Json(response.getOutputStream(), this.json);
		writer.header(rows.columns());
		rows.rows().forEachPage(writer::page);
		writer.finish();
	}

	@ExceptionHandler(ExportException.class)
	ResponseEntity<Map<String, Object>> notServed(ExportException ex) {
		return error(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(RevisionNotFoundException.class)
	ResponseEntity<Map<String, Object>> revisionNotFound(RevisionNotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "REVISION_NOT_FOUND", ex.getMessage());
	}

	private static @Nullable Integer number(@Nullable String revision) {
		if (revision == null || revision.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(revision.strip());
		}
		catch (NumberFormatException ex) {
			throw new ExportException(HttpStatus.BAD_REQUEST, "BAD_REVISION",
					"revision must be a whole number, got \"" + revision + "\"");
		}
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, @Nullable String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("code", code, "message", message == null ? code : message))));
	}

}
