package org.orgraph.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.orgraph.importing.TextDecoder;

/**
 * Turns an uploaded file into numbered lines of text: .txt/.md decoded strictly (UTF-8,
 * UTF-16 with a byte-order mark, GB18030), .docx through Apache POI (paragraphs in order, list
 * numbering written out, table rows as "label:value" lines), .pdf through Apache PDFBox (its
 * text layer, page by page). Anything else is refused with 415; a file that is not what its
 * name says, or has no text, with 422.
 */
final class DocumentReaders {

	/** Bytes of one document: more is refused (413) rather than read. */
	static final int MAX_BYTES = 32 * 1024 * 1024;

	/** Lines of one document: more is refused (413); a 300-page document has about 15,000. */
	static final int MAX_LINES = 200_000;

	static final int MAX_PDF_PAGES = 2_000;

	static final List<String> EXTENSIONS = List.of(".txt", ".md", ".docx", ".pdf");

	private DocumentReaders() {
	}

	static List<DocumentLine> read(String fileName, byte[] bytes) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.')) : "";
		if (!EXTENSIONS.contains(ext)) {
			String hint = ext.equals(".doc") ? " (save a Word 97-2003 .doc as .docx)"
					: ext.isEmpty() ? " (the file name has no extension)" : "";
			throw new DocumentException(415, "UNSUPPORTED_FORMAT", "\"" + fileName + "\" is not a document Orgraph reads"
					+ hint + "; send .txt or .md (UTF-8, UTF-16 with BOM or GB18030), .docx or .pdf with a text layer");
		}
		if (bytes.length == 0) {
			throw new DocumentException(422, "EMPTY_FILE", "\"" + fileName + "\" is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new DocumentException(413, "TOO_LARGE", "\"" + fileName + "\" has " + bytes.length
					+ " bytes; documents of up to " + MAX_BYTES / (1024 * 1024) + " MiB are read");
		}
		List<DocumentLine> lines = switch (ext) {
			case ".docx" -> docx(fileName, bytes);
			case ".pdf" -> pdf(fileName, bytes);
			default -> text(fileName, bytes);
		};
		if (lines.stream().allMatch(l -> l.text().isBlank())) {
			throw new DocumentException(422, "NO_TEXT", "\"" + fileName + "\" holds no text"
					+ (ext.equals(".pdf") ? " layer (a scanned PDF? run OCR on it first)" : ""));
		}
		for (DocumentLine line : lines) {
			if (line.text().length() > MAX_LINE) {
				throw new DocumentException(422, "LINE_TOO_LONG", "\"" + fileName + "\" line " + line.number() + " has "
						+ line.text().length() + " characters; lines of up to " + MAX_LINE + " are read (a paragraph of a"
						+ " real document is far shorter: were its line breaks lost? save it again with one paragraph a line)");
			}
		}
		return lines;
	}

	/**
	 * The longest line read, in characters. Reading a line costs more than its length (its
	 * clauses are matched against each other), so a file that is one enormous line would take
	 * hours; the longest line of the seed documents has 1,244 (a run-together chart).
	 */
	static final int MAX_LINE = 5_000;

	static List<DocumentLine> text(String fileName, byte[] bytes) {
		String text;
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			// UTF-16 with a byte-order mark (what Windows Notepad calls "Unicode")
			text = new String(bytes, StandardCharsets.UTF_16);
			if (text.indexOf('\uFFFD') >= 0 || bytes.length % 2 != 0) {
				throw new DocumentException(422, "BAD_ENCODING", "\"" + fileName
						+ "\" starts with a UTF-16 byte-order mark but is not UTF-16 text");
			}
		}
		else {
			if (looksBinary(bytes)) {
				throw new DocumentException(422, "NOT_TEXT", "\"" + fileName
						+ "\" is not text (it holds control bytes); send .txt, .md, .docx or .pdf");
			}
			try {
				text = TextDecoder.decode(bytes).text();
			}
			catch (TextDecoder.UndecodableException ex) {
				throw new DocumentException(422, "BAD_ENCODING", "\"" + fileName + "\" line " + ex.line() + ", column "
						+ ex.column() + ": " + ex.getMessage());
			}
		}
		List<DocumentLine> lines = new ArrayList<>();
		int number = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				number++;
				if (number > MAX_LINES) {
					throw tooManyLines(fileName);
				}
				String line = text.substring(start, i);
				if (line.endsWith("\r")) {
					line = line.substring(0, line.length() - 1);
				}
				lines.add(new DocumentLine(number, line.replace("\uFEFF", "")));
				start = i + 1;
			}
		}
		return lines;
	}

	private static DocumentException tooManyLines(String fileName) {
		return new DocumentException(413, "TOO_LARGE",
				"\"" + fileName + "\" has more than " + MAX_LINES + " lines; split it into one file per organisation");
	}

	private static boolean looksBinary(byte[] bytes) {
		int n = Math.min(bytes.length, 8192);
		int control = 0;
		for (int i = 0; i < n; i++) {
			int b = bytes[i] & 0xFF;
			if (b == 0) {
				return true;
			}
			if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				control++;
			}
		}
		return control > n / 100 + 2;
	}

	static List<DocumentLine> docx(String fileName, byte[] bytes) {
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			throw new DocumentException(422, "NOT_DOCX", "\"" + fileName + "\" is not a .docx file (not a zip package)");
		}
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			List<String> out = new ArrayList<>();
			Numbering numbering = new Numbering();
			for (IBodyElement element : doc.getBodyElements()) {
				if (element instanceof XWPFParagraph p) {
					out.add(numbering.prefix(p) + p.getText());
				}
				else if (element instanceof XWPFTable t) {
					table(t, numbering, out);
				}
				if (out.size() > MAX_LINES) {
					throw tooManyLines(fileName);
				}
			}
			List<DocumentLine> lines = new ArrayList<>(out.size());
			for (int i = 0; i < out.size(); i++) {
				lines.add(new DocumentLine(i + 1, out.get(i)));
			}
			return lines;
		}
		catch (DocumentException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new DocumentException(422, "NOT_DOCX", "\"" + fileName + "\" could not be read as .docx: "
					+ firstLine(ex.getMessage()));
		}
	}

	/** Table rows: "label:value" when the first cell is a short label, else the cells side by side. */
	private static void table(XWPFTable table, Numbering numbering, List<String> out) {
		for (XWPFTableRow row : table.getRows()) {
			List<List<String>> cells = new ArrayList<>();
			for (XWPFTableCell cell : row.getTableCells()) {
				List<String> paragraphs = new ArrayList<>();
				for (XWPFParagraph p : cell.getParagraphs()) {
					String text = (numbering.prefix(p) + p.getText()).strip();
					if (!text.isEmpty()) {
						paragraphs.add(text);
					}
				}
				cells.add(paragraphs);
			}
			cells.removeIf(List::isEmpty);
			if (cells.isEmpty()) {
				continue;
			}
			List<String> first = cells.getFirst();
			boolean labelled = cells.size() >= 2 && first.size() == 1 && first.getFirst().length() <= 10;
			if (labelled) {
				// a form: 岗位名称 | 财务经理, 直接上级 | 总经理, 岗位职责 | 1. … 2. …
				for (int c = 1; c < cells.size(); c += 2) {
					String label = c == 1 ? first.getFirst() : cells.get(c - 1).getFirst();
					List<String> value = cells.get(c);
					out.add(label.replaceAll("[::]$", "") + ":" + value.getFirst());
					out.addAll(value.subList(1, value.size()));
				}
				if (cells.size() % 2 == 1 && cells.size() > 2) {
					out.addAll(cells.getLast());
				}
			}
			else {
				out.add(String.join(" ", cells.stream().map(c -> String.join(" ", c)).toList()));
			}
		}
	}

	/** Writes out Word's automatic list numbering, which is not part of a paragraph's text. */
	private static final class Numbering {

		private final Map<String, int[]> counters = new HashMap<>();

		String prefix(XWPFParagraph p) {
			if (p.getNumID() == null) {
				return "";
			}
			int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
			if (level < 0 || level > 8) {
				return "";
			}
			String format = p.getNumFmt() == null ? "decimal" : p.getNumFmt();
			if (format.equals("bullet") || format.equals("none")) {
				return "• ";
			}
			int[] count = this.counters.computeIfAbsent(p.getNumID().toString(), k -> new int[9]);
			count[level]++;
			for (int i = level + 1; i < 9; i++) {
				count[i] = 0;
			}
			String levelText = p.getNumLevelText();
			if (levelText == null || !levelText.contains("%")) {
				levelText = "%" + (level + 1) + ".";
			}
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < levelText.length(); i++) {
				char c = levelText.charAt(i);
				if (c == '%' && i + 1 < levelText.length() && Character.isDigit(levelText.charAt(i + 1))) {
					int l = levelText.charAt(++i) - '1';
					int n = l >= 0 && l < 9 ? Math.max(count[l], 1) : 1;
					sb.append(l == level && format.toLowerCase(Locale.ROOT).contains("chinese")
							|| l == level && format.startsWith("ideograph") ? chinese(n) : Integer.toString(n));
				}
				else {
					sb.append(c);
				}
			}
			return sb.toString();
		}

	}

	static String chinese(int n) {
		String digits = "零一二三四五六七八九";
		if (n < 10) {
			return String.valueOf(digits.charAt(n));
		}
		if (n < 20) {
			return "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
		}
		if (n < 100) {
			return digits.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
		}
		return Integer.toString(n);
	}

	static List<DocumentLine> pdf(String fileName, byte[] bytes) {
		if (bytes.length < 5 || !new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
			.contains("%PDF-")) {
			throw new DocumentException(422, "NOT_PDF", "\"" + fileName + "\" is not a PDF file");
		}
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			if (doc.getNumberOfPages() > MAX_PDF_PAGES) {
				throw new DocumentException(413, "TOO_LARGE", "\"" + fileName + "\" has " + doc.getNumberOfPages()
						+ " pages; documents of up to " + MAX_PDF_PAGES + " pages are read");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(doc);
			return text(fileName, text.getBytes(StandardCharsets.UTF_8));
		}
		catch (InvalidPasswordException ex) {
			throw new DocumentException(422, "ENCRYPTED", "\"" + fileName + "\" is protected by a password");
		}
		catch (DocumentException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new DocumentException(422, "NOT_PDF", "\"" + fileName + "\" could not be read as PDF: "
					+ firstLine(ex.getMessage()));
		}
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		String line = message.lines().findFirst().orElse("unreadable");
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}

}
