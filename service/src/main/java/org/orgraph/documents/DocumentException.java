package org.orgraph.documents;

/**
 * A document that cannot be read: {@code status} is the HTTP status to answer with (415 for an
 * unsupported format, 422 for a file that is not what its name says or has no text), {@code code}
 * a stable problem code.
 */
final class DocumentException extends RuntimeException {

	private final int status;

	private final String code;

	DocumentException(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
