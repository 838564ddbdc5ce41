package org.orgraph.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading files into lines: encodings, Word paragraphs, lists and tables, PDF text, and what is refused. */
class DocumentReadersTests {

	static final String TEXT = """
			示例公司组织架构
			一、财务部
			财务部负责公司的财务管理工作。
			主要职责包括:
			1. 编制公司年度预算
			2. 审核各项费用支出
			二、人力资源部
			编制5人
			(一)招聘主管
			直接上级:人力资源部经理
			""";

	@Test
	void readsUtf8Gb18030AndUtf16WithBomAlike() {
		List<DocumentLine> utf8 = DocumentReaders.read("a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
		List<DocumentLine> gbk = DocumentReaders.read("a.txt", TEXT.getBytes(Charset.forName("GB18030")));
		byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[utf16.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(utf16, 0, withBom, 2, utf16.length);
		List<DocumentLine> u16 = DocumentReaders.read("a.md", withBom);
		assertThat(gbk).isEqualTo(utf8);
		assertThat(u16).isEqualTo(utf8);
		assertThat(utf8.get(1)).isEqualTo(new DocumentLine(2, "一、财务部"));
	}

	@Test
	void refusesWhatItCannotRead() {
		assertThatThrownBy(() -> DocumentReaders.read("chart.png", new byte[] { 1, 2 }))
			.isInstanceOfSatisfying(DocumentException.class, ex -> {
				assertThat(ex.status()).isEqualTo(415);
				assertThat(ex.getMessage()).contains(".txt", ".docx", ".pdf");
			});
		assertThatThrownBy(() -> DocumentReaders.read("old.doc", new byte[] { 1, 2 }))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.getMessage()).contains(".docx"));
		assertThatThrownBy(() -> DocumentReaders.read("empty.txt", new byte[0]))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.code()).isEqualTo("EMPTY_FILE"));
		assertThatThrownBy(() -> DocumentReaders.read("bin.txt", new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2 }))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.code()).isEqualTo("NOT_TEXT"));
		assertThatThrownBy(() -> DocumentReaders.read("fake.docx", "not a zip".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.code()).isEqualTo("NOT_DOCX"));
		assertThatThrownBy(() -> DocumentReaders.read("broken.docx", new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.code()).isEqualTo("NOT_DOCX"));
		assertThatThrownBy(() -> DocumentReaders.read("fake.pdf", "hello".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.code()).isEqualTo("NOT_PDF"));
		assertThatThrownBy(() -> DocumentReaders.read("big.txt", new byte[DocumentReaders.MAX_BYTES + 1]))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.status()).isEqualTo(413));
	}

	@Test
	void aPdfWithoutATextLayerIsRefusedAsScanned() throws IOException {
		byte[] pdf;
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			pdf = out.toByteArray();
		}
		assertThatThrownBy(() -> DocumentReaders.read("scan.pdf", pdf))
			.isInstanceOfSatisfying(DocumentException.class, ex -> {
				assertThat(ex.code()).isEqualTo("NO_TEXT");
				assertThat(ex.getMessage()).contains("OCR");
			});
	}

	@Test
	void readsAPdfTextLayerLineByLine() throws IOException {
		byte[] pdf = pdf("1. Finance", "2. Sales");
		assertThat(DocumentReaders.read("a.pdf", pdf)).extracting(DocumentLine::text).containsSubsequence("1. Finance", "2. Sales");
	}

	static byte[] pdf(String... lines) throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				for (String line : lines) {
					content.showText(line);
					content.newLineAtOffset(0, -20);
				}
				content.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void readsWordParagraphsNumberedListsAndTables() throws IOException {
		byte[] docx = docx();
		List<String> lines = DocumentReaders.read("post.docx", docx).stream().map(DocumentLine::text).toList();
		assertThat(lines).containsSubsequence("财务部岗位说明书", "岗位名称:财务经理", "直接上级:总经理", "编制:2人", "岗位职责:",
				"1.编制公司年度预算", "2.审核各项费用支出");
	}

	/** A 岗位说明书 as Word writes it: a form table, then a numbered list (Word's own numbering). */
	static byte[] docx() throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("财务部岗位说明书");
			XWPFTable table = doc.createTable(3, 2);
			String[][] cells = { { "岗位名称", "财务经理" }, { "直接上级", "总经理" }, { "编制", "2人" } };
			for (int r = 0; r < 3; r++) {
				for (int c = 0; c < 2; c++) {
					table.getRow(r).getCell(c).setText(cells[r][c]);
				}
			}
			doc.createParagraph().createRun().setText("岗位职责:");
			CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
			abstractNum.setAbstractNumId(BigInteger.ZERO);
			CTLvl lvl = abstractNum.addNewLvl();
			lvl.setIlvl(BigInteger.ZERO);
			lvl.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
			lvl.addNewLvlText().setVal("%1.");
			lvl.addNewStart().setVal(BigInteger.ONE);
			XWPFNumbering numbering = doc.createNumbering();
			BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
			BigInteger numId = numbering.addNum(abstractId);
			for (String duty : List.of("编制公司年度预算", "审核各项费用支出")) {
				XWPFParagraph p = doc.createParagraph();
				p.setNumID(numId);
				p.createRun().setText(duty);
			}
			doc.write(out);
			return out.toByteArray();
		}
	}

}
