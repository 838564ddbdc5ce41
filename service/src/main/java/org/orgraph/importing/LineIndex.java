package org.orgraph.importing;

import java.util.Arrays;

/** Maps a character offset to its line and column; CRLF, LF and lone CR each end a line. */
final class LineIndex {

	/** Offsets where lines start, the first {@link #lines} of them in use. */
	private int[] starts = new int[16];

	private int lines;

	LineIndex(String text) {
		add(0);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				add(i + 1);
			}
		}
	}

	private void add(int start) {
		if (this.lines == this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, this.lines * 2);
		}
		this.starts[this.lines++] = start;
	}

	static int breaks(String text) {
		return new LineIndex(text).lines - 1;
	}

	int lineOf(int offset) {
		int found = Arrays.binarySearch(this.starts, 0, this.lines, offset);
		return (found >= 0) ? found + 1 : -found - 1;
	}

	int columnOf(int offset) {
		return offset - this.starts[lineOf(offset) - 1] + 1;
	}

}
