package org.orgraph.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes uploaded text strictly. UTF-8 (with or without BOM) is tried first, then GB18030,
 * the superset of GBK that Chinese Excel writes. A byte sequence that neither decodes is an
 * error naming its line and column: text is never silently replaced with U+FFFD.
 */
public final class TextDecoder {

	static final Charset GB18030 = Charset.forName("GB18030");

	/** Characters decoded at a time while checking an encoding. */
	private static final int CHUNK = 64 * 1024;

	private TextDecoder() {
	}

	/** The decoded text and the encoding it was read as. */
	public record Decoded(String text, Charset charset) {
	}

	/** A failure to decode: the position of the first bad byte, counted in the UTF-8 reading. */
	public static final class UndecodableException extends Exception {

		private final int line;

		private final int column;

		UndecodableException(String message, int line, int column) {
			super(message);
			this.line = line;
			this.column = column;
		}

		public int line() {
			return this.line;
		}

		public int column() {
			return this.column;
		}

	}

	public static Decoded decode(byte[] bytes) throws UndecodableException {
		Charset charset = charset(bytes);
		int offset = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? 3 : 0;
		// checked strict above, so nothing is replaced here
		return new Decoded(new String(bytes, offset, bytes.length - offset, charset), charset);
	}

	/**
	 * The encoding {@link #decode} would read the bytes in, found without holding their text:
	 * the bytes are decoded a chunk at a time into one small buffer, so an upload of hundreds of
	 * megabytes costs no more heap than its bytes.
	 */
	public static Charset charset(byte[] bytes) throws UndecodableException {
		return charset(ByteBuffer.wrap(bytes));
	}

	/**
	 * {@link #charset(byte[])} of the buffer's bytes from its start to its limit, read with
	 * absolute gets (the buffer's position is not moved): a memory-mapped upload is checked
	 * without copying it to the heap.
	 */
	public static Charset charset(ByteBuffer bytes) throws UndecodableException {
		int offset = hasUtf8Bom(bytes) ? 3 : 0;
		int bad = firstUndecodable(StandardCharsets.UTF_8, bytes, offset, false);
		if (bad < 0) {
			return StandardCharsets.UTF_8;
		}
		if (offset == 0 && !mostlyUtf8(bytes) && mostlyCommonHanzi(bytes) && firstUndecodable(GB18030, bytes, 0, true) < 0) {
			return GB18030;
		}
		int line = 1;
		int lineStart = offset;
		for (int i = offset; i < bad; i++) {
			if (bytes.get(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		byte[] lineHead = new byte[bad - lineStart];
		bytes.get(lineStart, lineHead);
		int column = new String(lineHead, StandardCharsets.UTF_8).length() + 1;
		throw new UndecodableException("byte 0x%02X at offset %d is neither UTF-8 nor GB18030/GBK text; save the file as UTF-8"
			.formatted(bytes.get(bad) & 0xFF, bad), line, column);
	}

	/** Whether the bytes start with the UTF-8 byte order mark. */
	static boolean hasUtf8Bom(ByteBuffer bytes) {
		return bytes.limit() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
				&& (bytes.get(2) & 0xFF) == 0xBF;
	}

	private static boolean hasUtf8Bom(byte[] bytes) {
		return hasUtf8Bom(ByteBuffer.wrap(bytes));
	}

	/**
	 * Decodes {@code bytes} from {@code offset} strictly, a chunk at a time into one reused
	 * buffer: -1 when all of it decodes (and, when {@code refusePrivateUse}, none of it reads as a
	 * private-use or replacement character, the marks of text in another encoding), else the
	 * offset of the first byte that does not (or of the chunk holding the refused character).
	 */
	private static int firstUndecodable(Charset charset, ByteBuffer bytes, int offset, boolean refusePrivateUse) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = bytes.duplicate().limit(bytes.limit()).position(offset);
		CharBuffer out = CharBuffer.allocate(CHUNK);
		boolean flushed = false;
		while (true) {
			int chunkStart = in.position();
			CoderResult result = flushed ? decoder.flush(out) : decoder.decode(in, out, true);
			if (result.isError()) {
				return in.position();
			}
			out.flip();
			if (refusePrivateUse && hasPrivateUse(out)) {
				return chunkStart;
			}
			out.clear();
			if (result.isUnderflow()) {
				if (flushed) {
					return -1;
				}
				flushed = true;
			}
		}
	}

	/**
	 * GBK reads almost any byte soup, so a UTF-8 file with one broken byte would "decode" as
	 * GB18030 mojibake. Real GBK text seldom forms valid UTF-8 multi-byte sequences; a file
	 * where most multi-byte sequences are valid UTF-8 is broken UTF-8, not GBK.
	 */
	private static boolean mostlyUtf8(ByteBuffer bytes) {
		int length = bytes.limit();
		int valid = 0;
		int invalid = 0;
		for (int i = nextNonAscii(bytes, 0); i < length; i = nextNonAscii(bytes, i)) {
			int b = bytes.get(i) & 0xFF;
			int extra = (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
			boolean ok = extra > 0 && i + extra < length;
			for (int k = 1; ok && k <= extra; k++) {
				ok = (bytes.get(i + k) & 0xC0) == 0x80;
			}
			if (ok) {
				valid++;
				i += extra + 1;
			}
			else {
				invalid++;
				i++;
			}
		}
		return valid > invalid;
	}

	/**
	 * Text that Chinese Excel writes is mostly GB2312's common characters: both bytes of each
	 * pair in A1–FE. Latin-1 or Windows-1252 text (é, ü, £ followed by an ASCII letter) also
	 * reads as GBK, but as rare characters with an ASCII second byte; such a file is refused
	 * rather than loaded as "M黮ler".
	 */
	private static boolean mostlyCommonHanzi(ByteBuffer bytes) {
		int length = bytes.limit();
		int pairs = 0;
		int common = 0;
		for (int i = nextNonAscii(bytes, 0); i < length; i = nextNonAscii(bytes, i)) {
			int b = bytes.get(i) & 0xFF;
			if (i + 1 < length && (bytes.get(i + 1) & 0xFF) >= 0x30 && (bytes.get(i + 1) & 0xFF) <= 0x39) {
				i += 4; // a GB18030 four-byte sequence
				pairs++;
				continue;
			}
			int trail = i + 1 < length ? bytes.get(i + 1) & 0xFF : 0;
			pairs++;
			if (b >= 0xA1 && b <= 0xFE && trail >= 0xA1 && trail <= 0xFE) {
				common++;
			}
			i += 2;
		}
		return pairs > 0 && common * 10 >= pairs * 8;
	}

	/** The first byte at or after {@code from} that is not ASCII; the length when none is. */
	private static int nextNonAscii(ByteBuffer bytes, int from) {
		int length = bytes.limit();
		int i = from;
		while (i < length && (bytes.get(i) & 0xFF) < 0x80) {
			i++;
		}
		return i;
	}

	private static boolean hasPrivateUse(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '\uE000' && c <= '\uF8FF') || c == '\uFFFD') {
				return true;
			}
		}
		return false;
	}

}
