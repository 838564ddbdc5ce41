package org.orgraph.projection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every string of a projection as UTF-8 in one byte array, addressed by a dense int: no object
 * per string. Repeated values (titles, unit kinds, grades) are stored once; keys are unique
 * anyway. A string is decoded when an answer needs it.
 */
final class StringArena implements KeyIndex.Strings {

	static final int NONE = -1;

	private final byte[] bytes;

	private final int[] offsets;

	private StringArena(byte[] bytes, int[] offsets) {
		this.bytes = bytes;
		this.offsets = offsets;
	}

	@Nullable String get(int ref) {
		return ref == NONE ? null
				: new String(this.bytes, this.offsets[ref], this.offsets[ref + 1] - this.offsets[ref],
						StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(int ref, byte[] utf8) {
		int from = this.offsets[ref];
		int length = this.offsets[ref + 1] - from;
		return length == utf8.length && Arrays.equals(this.bytes, from, from + length, utf8, 0, length);
	}

	@Override
	public int hash(int ref) {
		return hash(this.bytes, this.offsets[ref], this.offsets[ref + 1]);
	}

	static int hash(byte[] bytes, int from, int to) {
		int h = 0x811c9dc5;
		for (int i = from; i < to; i++) {
			h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
		}
		return h ^ (h >>> 16);
	}

	long bytes() {
		return 16L + this.bytes.length + 16L + 4L * this.offsets.length;
	}

	/** Collects strings; {@link #shared} ones are stored once however often they are added. */
	static final class Builder implements KeyIndex.Strings {

		private byte[] bytes = new byte[1 << 16];

		private int length;

		private int[] offsets = new int[1 << 12];

		private int count;

		private final Map<String, Integer> shared = new HashMap<>();

		int add(@Nullable String value) {
			if (value == null) {
				return NONE;
			}
			return add(value.getBytes(StandardCharsets.UTF_8));
		}

		int add(byte[] utf8) {
			if (this.length + utf8.length > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes,
						(int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * this.bytes.length, (long) this.length + utf8.length)));
			}
			System.arraycopy(utf8, 0, this.bytes, this.length, utf8.length);
			if (this.count + 2 > this.offsets.length) {
				this.offsets = Arrays.copyOf(this.offsets, 2 * this.offsets.length);
			}
			this.offsets[this.count] = this.length;
			this.length += utf8.length;
			this.offsets[this.count + 1] = this.length;
			return this.count++;
		}

		/** For values many rows repeat: the second and later copies take no room. */
		int shared(@Nullable String value) {
			if (value == null) {
				return NONE;
			}
			Integer known = this.shared.get(value);
			if (known != null) {
				return known;
			}
			int ref = add(value);
			this.shared.put(value, ref);
			return ref;
		}

		@Override
		public int hash(int ref) {
			return StringArena.hash(this.bytes, this.offsets[ref], this.offsets[ref + 1]);
		}

		@Override
		public boolean equals(int ref, byte[] utf8) {
			int from = this.offsets[ref];
			int length = this.offsets[ref + 1] - from;
			return length == utf8.length && Arrays.equals(this.bytes, from, from + length, utf8, 0, length);
		}

		StringArena build() {
			return new StringArena(Arrays.copyOf(this.bytes, this.length), Arrays.copyOf(this.offsets, this.count + 1));
		}

	}

}
