package org.orgraph.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	static final Path CHINESE_PDF = Path.of("src/test/resources/documents/org-structure-zh.pdf");

	static final Path CHINESE_PDF_OUT_OF_ORDER = Path.of("src/test/resources/documents/org-structure-zh-drawn-out-of-order.pdf");

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

	/**
	 * A 组织架构及部门职责 printed to PDF with an embedded CJK subset font (written by
	 * {@link ChinesePdfFixtures}): its text layer is read line by line, full-width punctuation and all.
	 */
	@Test
	void readsTheChineseTextLayerOfAPdf() throws IOException {
		List<DocumentLine> lines = DocumentReaders.read("org.pdf", Files.readAllBytes(CHINESE_PDF));
		assertThat(lines.stream().map(DocumentLine::text).filter(t -> !t.isBlank()).toList())
			.containsExactlyElementsOf(ChinesePdfFixtures.LINES);
		assertThat(lines.get(17)).isEqualTo(new DocumentLine(18, "（1）负责货物入库、出库和盘点；"));
	}

	@Test
	void readsAPdfDrawnOutOfOrderInReadingOrder() throws IOException {
		// the same page drawn bottom line first, each line's second half before its first
		assertThat(DocumentReaders.read("org.pdf", Files.readAllBytes(CHINESE_PDF_OUT_OF_ORDER)))
			.isEqualTo(DocumentReaders.read("org.pdf", Files.readAllBytes(CHINESE_PDF)));
	}

	@Test
	void extractsTheOrganisationAChinesePdfPrints() throws IOException {
		List<Extraction> all = OrgDocumentExtractor.extract("org.pdf",
				DocumentReaders.read("org.pdf", Files.readAllBytes(CHINESE_PDF)));
		assertThat(all).hasSize(1);
		Extraction e = all.getFirst();
		assertThat(e.name).isEqualTo("华远物流有限公司");
		Map<String, String> parents = new LinkedHashMap<>();
		e.units.forEach(u -> parents.put(u.name, u.parent == null ? "" : u.parent.name));
		assertThat(parents).containsExactlyInAnyOrderEntriesOf(Map.of("华远物流有限公司", "", "综合管理部", "华远物流有限公司",
				"运输部", "华远物流有限公司", "行政组", "综合管理部", "人事组", "综合管理部", "调度组", "运输部", "仓储中心", "运输部"));
		assertThat(e.positions).isEmpty();
		Extraction.Unit admin = OrgDocumentExtractorTests.unit(e, "综合管理部");
		Extraction.Unit transport = OrgDocumentExtractorTests.unit(e, "运输部");
		Extraction.Unit storage = OrgDocumentExtractorTests.unit(e, "仓储中心");
		assertThat(List.of(admin.plannedHeadcount, transport.plannedHeadcount, storage.plannedHeadcount))
			.containsExactly(6, 12, 8);
		assertThat(OrgDocumentExtractorTests.texts(admin.duties))
			.containsExactly("负责公司日常行政事务和后勤保障", "组织制定公司人事管理制度", "负责档案与印章管理");
		assertThat(OrgDocumentExtractorTests.texts(transport.duties))
			.containsExactly("编制月度运输计划并组织实施", "负责车辆调度与行车安全管理", "统计分析运输成本");
		// duties keep the document's full-width punctuation
		assertThat(OrgDocumentExtractorTests.texts(storage.duties))
			.containsExactly("负责货物入库、出库和盘点", "保管库存货物，确保账实相符");

		// each source names the line it came from and quotes it exactly
		Map<String, Integer> lineOf = new LinkedHashMap<>();
		for (Extraction.Source s : e.sources) {
			assertThat(ChinesePdfFixtures.LINES.get(s.line() - 1)).as("%s", s).contains(s.excerpt());
			lineOf.putIfAbsent(s.kind() + " " + s.key(), s.line());
		}
		assertThat(lineOf).containsEntry("unit " + storage.key, 15)
			.containsEntry("parent " + storage.key, 16)
			.containsEntry("headcount " + transport.key, 10)
			.containsEntry("parent " + OrgDocumentExtractorTests.unit(e, "人事组").key, 4)
			.containsEntry("duty " + admin.duties.get(1).key, 7)
			.containsEntry("duty " + storage.duties.get(1).key, 19);
		assertThat(e.sources).filteredOn(s -> s.key().equals(storage.duties.get(1).key))
			.extracting(Extraction.Source::excerpt)
			.containsExactly("（2）保管库存货物，确保账实相符。");
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

	@Test
	void shouldRefuseALineLongerThanAnyParagraphNamingIt() {
		StringBuilder text = new StringBuilder("运营部职责:\n");
		StringBuilder line = new StringBuilder();
		for (int i = 0; line.length() <= DocumentReaders.MAX_LINE; i++) {
			line.append("负责第").append(i).append("片区门店的巡检和整改跟踪；");
		}
		text.append("1. 负责门店巡检\n").append(line);
		assertThatThrownBy(() -> DocumentReaders.read("one-line.txt", text.toString().getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.getMessage())
				.contains("\"one-line.txt\" line 3 has " + line.length() + " characters")
				.contains("up to " + DocumentReaders.MAX_LINE));
		// one character shorter than the limit is read
		String fits = line.substring(0, DocumentReaders.MAX_LINE);
		assertThat(DocumentReaders.read("fits.txt", ("运营部职责:\n" + fits).getBytes(StandardCharsets.UTF_8))).hasSize(2);
	}

}
