package org.orgraph.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads one uploaded document into the organisations it describes. A file often holds several
 * (a scraped collection, a handbook with one chapter per company): each title line starts one,
 * and each is extracted on its own; the first is the file's {@code document}, the others are
 * listed so that a caller can ask for them by {@code part}.
 */
@Service
class DocumentExtractor {

	/** What a file yielded: its organisations, in file order, and its lines as read. */
	record Result(String file, List<Extraction> organizations, List<DocumentLine> lines, long millis) {
	}

	Result extract(String fileName, byte[] bytes) {
		long start = System.nanoTime();
		List<DocumentLine> lines = DocumentReaders.read(fileName, bytes);
		List<Extraction> organizations = OrgDocumentExtractor.extract(fileName, lines);
		return new Result(fileName, organizations, lines, (System.nanoTime() - start) / 1_000_000);
	}

	/** The answer of {@code POST /api/v1/documents/extract}: one organisation and what else the file holds. */
	static Map<String, Object> answer(Result result, int part, @Nullable String orgKey, boolean withLines) {
		Map<String, Object> body = new LinkedHashMap<>();
		List<Extraction> orgs = result.organizations();
		if (orgs.isEmpty()) {
			throw new DocumentException(422, "NO_ORGANIZATION", "\"" + result.file()
					+ "\" names no units, posts or duties that could be read (no headings or lists of 部门/岗位 and their 职责)");
		}
		if (part < 1 || part > orgs.size()) {
			throw new DocumentException(422, "BAD_PART", "part " + part + " does not exist: \"" + result.file() + "\" holds "
					+ orgs.size() + " organisation(s)");
		}
		Extraction chosen = orgs.get(part - 1);
		Map<String, Object> document = chosen.document(orgKey);
		body.put("document", document);
		body.put("sources", document.get("sources"));
		List<Map<String, Object>> warnings = new ArrayList<>(chosen.warningMaps());
		if (orgs.size() > 1) {
			warnings.addFirst(Map.of("file", result.file(), "line", chosen.firstLine, "code", "SEVERAL_ORGANIZATIONS",
					"message", "the file holds " + orgs.size() + " organisations; this is part " + part
							+ " (\"" + chosen.name + "\"); ask for another with part=N"));
		}
		body.put("warnings", warnings);
		List<Map<String, Object>> parts = new ArrayList<>();
		for (int i = 0; i < orgs.size(); i++) {
			Extraction e = orgs.get(i);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("part", i + 1);
			m.put("name", e.name);
			m.put("title", e.title);
			m.put("line", e.firstLine);
			m.put("units", e.units.size());
			m.put("positions", e.positions.size());
			m.put("duties", e.dutyCount());
			parts.add(m);
		}
		body.put("organizations", parts);
		body.put("part", part);
		body.put("millis", result.millis());
		if (withLines) {
			body.put("lines", result.lines().stream().map(l -> Map.<String, Object>of("line", l.number(), "text", l.text())).toList());
		}
		return body;
	}

}
