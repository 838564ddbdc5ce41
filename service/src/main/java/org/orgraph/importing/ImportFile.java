package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One uploaded file: its name as the user gave it and its raw bytes. The bytes are either an
 * array on the heap or a read-only map of a file ({@link #mapped}), which keeps a large upload
 * (an org document of a million people is most of a gigabyte) out of the heap while it is
 * parsed and validated.
 */
public final class ImportFile {

	/** The most a file may hold: one memory map, and one array, reach no further. */
	public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

	private final String name;

	private final ByteBuffer bytes;

	public ImportFile(String name, byte[] content) {
		this(name, ByteBuffer.wrap(content));
	}

	private ImportFile(String name, ByteBuffer bytes) {
		this.name = name;
		this.bytes = bytes.asReadOnlyBuffer();
	}

	/**
	 * The file at {@code path}, mapped read-only. The map stays valid once the file is deleted
	 * (where the platform allows deleting it), so a spooled upload can be removed straight away.
	 */
	static ImportFile mapped(String name, Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size > MAX_BYTES) {
				throw new IOException("%s holds %d bytes; at most %d can be imported".formatted(name, size, MAX_BYTES));
			}
			return new ImportFile(name, channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
		}
	}

	public String name() {
		return this.name;
	}

	public int length() {
		return this.bytes.capacity();
	}

	/** The bytes, read-only, from the first. */
	public ByteBuffer bytes() {
		return this.bytes.duplicate().clear();
	}

	/** The bytes as an array: the parsers of small files (CSV, spreadsheets) read them so. */
	public byte[] content() {
		if (this.bytes.hasArray()) {
			return this.bytes.array();
		}
		byte[] copy = new byte[length()];
		bytes().get(copy);
		return copy;
	}

	/** The bytes from {@code offset} on, as a stream. */
	InputStream open(int offset) {
		ByteBuffer from = bytes().position(offset);
		return new InputStream() {

			@Override
			public int read() {
				return from.hasRemaining() ? from.get() & 0xFF : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (len == 0) {
					return 0;
				}
				if (!from.hasRemaining()) {
					return -1;
				}
				int n = Math.min(len, from.remaining());
				from.get(b, off, n);
				return n;
			}

			@Override
			public int available() {
				return from.remaining();
			}

		};
	}

	/**
	 * Copies {@code in} to a temporary file, maps it and deletes the file; at most
	 * {@link #MAX_BYTES} are read, past which the upload is refused.
	 */
	static ImportFile spool(String name, InputStream in) throws IOException {
		return spool(name, in, Path.of(System.getProperty("java.io.tmpdir")), MAX_BYTES);
	}

	/** {@link #spool(String, InputStream)} into {@code directory}, refusing more than {@code maxBytes}. */
	static ImportFile spool(String name, InputStream in, Path directory, long maxBytes) throws IOException {
		Path file = Files.createTempFile(directory, "orgraph-upload-", ".part");
		try {
			try (var out = Files.newOutputStream(file)) {
				byte[] buffer = new byte[1 << 16];
				long total = 0;
				for (int n; (n = in.read(buffer)) >= 0;) {
					total += n;
					if (total > maxBytes) {
						throw new TooLargeException(name, maxBytes);
					}
					out.write(buffer, 0, n);
				}
			}
			return mapped(name, file);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a platform that will not delete a mapped file: removed when the process ends
				file.toFile().deleteOnExit();
			}
		}
	}

	/** An upload over {@link #MAX_BYTES}. */
	static final class TooLargeException extends IOException {

		TooLargeException(String name, long maxBytes) {
			super("%s is larger than %d bytes, the most one import file may hold".formatted(name, maxBytes));
		}

	}

	@Override
	public String toString() {
		return "ImportFile[" + this.name + ", " + length() + " bytes]";
	}

}
