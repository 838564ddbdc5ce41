package org.orgraph.documents;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/documents/extract}: one uploaded document in, the org document read from
 * it out, with the source of every item and what was skipped or guessed. Nothing is written.
 */
@RestController
class DocumentsHttpController {

	private final DocumentExtractor extractor;

	DocumentsHttpController(DocumentExtractor extractor) {
		this.extractor = extractor;
	}

	@PostMapping(path = "/api/v1/documents/extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> extract(@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(name = "part", defaultValue = "1") int part,
			@RequestParam(name = "org", required = false) @Nullable String org,
			@RequestParam(name = "lines", defaultValue = "false") boolean lines) throws IOException {
		if (files == null || files.isEmpty()) {
			throw new DocumentException(422, "MISSING_FILE", "send the document as the multipart part \"file\"");
		}
		if (files.size() > 1) {
			throw new DocumentException(422, "BAD_VALUE", "send one document per request (" + files.size() + " \"file\" parts were sent)");
		}
		MultipartFile file = files.getFirst();
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "document.txt"
				: file.getOriginalFilename();
		if (file.getSize() > DocumentReaders.MAX_BYTES) {
			throw new DocumentException(413, "TOO_LARGE", "\"" + name + "\" has " + file.getSize()
					+ " bytes; documents of up to " + DocumentReaders.MAX_BYTES / (1024 * 1024) + " MiB are read");
		}
		if (org != null && !org.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
			throw new DocumentException(422, "BAD_VALUE", "org \"" + org.substring(0, Math.min(org.length(), 70))
					+ "\" is not an organisation key (1 to 64 letters, digits, '.', '_' or '-')");
		}
		DocumentExtractor.Result result = this.extractor.extract(name, file.getBytes());
		return ResponseEntity.ok(DocumentExtractor.answer(result, part, org, lines));
	}

	@ExceptionHandler(DocumentException.class)
	ResponseEntity<Map<String, Object>> refused(DocumentException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", ex.code());
		error.put("message", ex.getMessage());
		return ResponseEntity.status(ex.status()).body(Map.of("errors", List.of(error)));
	}

}
