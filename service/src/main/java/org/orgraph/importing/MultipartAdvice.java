package org.orgraph.importing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that cannot be read (no boundary, cut short) is the client's mistake: 400
 * with a code, not a 500. Raised before any controller is chosen, hence an advice.
 */
@RestControllerAdvice
class MultipartAdvice {

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> unreadable(MultipartException ex) {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("code", tooLarge ? "REQUEST_TOO_LARGE" : "BAD_MULTIPART", "message",
					tooLarge ? "the upload is larger than spring.servlet.multipart.max-request-size"
							: "the multipart body cannot be read; send multipart/form-data with a boundary"))));
	}

}
