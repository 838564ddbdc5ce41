package org.orgraph.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the Chinese PDF fixtures of issue 17 under {@code src/test/resources/documents/} (committed, so tests
 * need no CJK font). Run only on demand, with a TrueType-outline CJK font installed (Debian's
 * fonts-wqy-zenhei; PDFBox cannot embed the CFF-outline Noto CJK fonts: "OTF fonts do not have a glyf table"):
 * {@code ./mvnw -o -q -pl service test -Dtest=ChinesePdfFixtures -Dorgraph.fixtures=write}.
 */
class ChinesePdfFixtures {

	static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

	static final Path IN_ORDER = Path.of("src/test/resources/documents/org-structure-zh.pdf");

	static final Path OUT_OF_ORDER = Path.of("src/test/resources/documents/org-structure-zh-drawn-out-of-order.pdf");

	/** The document's text, one line as printed each. */
	static final List<String> LINES = List.of(
			"华远物流有限公司组织架构及部门职责",
			"公司下设综合管理部和运输部，各部门向总经理汇报。",
			"一、综合管理部",
			"综合管理部下设行政组和人事组，编制6人。",
			"主要职责：",
			"1. 负责公司日常行政事务和后勤保障；",
			"2. 组织制定公司人事管理制度；",
			"3. 负责档案与印章管理。",
			"二、运输部",
			"运输部下设调度组，编制12人。",
			"主要职责：",
			"1. 编制月度运输计划并组织实施；",
			"2. 负责车辆调度与行车安全管理；",
			"3. 统计分析运输成本。",
			"三、仓储中心",
			"仓储中心隶属于运输部，编制8人。",
			"主要职责：",
			"（1）负责货物入库、出库和盘点；",
			"（2）保管库存货物，确保账实相符。");

	static final float SIZE = 12;

	static final float TOP = 760;

	static final float LEADING = 22;

	static final float LEFT = 72;

	@Test
	@EnabledIfSystemProperty(named = "orgraph.fixtures", matches = "write")
	void writesTheChinesePdfFixtures() throws IOException {
		write(IN_ORDER, false);
		write(OUT_OF_ORDER, true);
	}

	/**
	 * One A4 page. Out of order, the content stream draws the lines bottom to top and each line's
	 * second half before its first, as some PDF producers do: the reader must sort by position.
	 */
	static void write(Path target, boolean outOfOrder) throws IOException {
		try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(FONT.toFile())) {
			TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
			PDType0Font font = PDType0Font.load(doc, ttf, true);
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				for (int i = 0; i < LINES.size(); i++) {
					int n = outOfOrder ? LINES.size() - 1 - i : i;
					String line = LINES.get(n);
					float y = TOP - n * LEADING;
					if (!outOfOrder) {
						show(content, font, line, LEFT, y);
						continue;
					}
					int half = line.length() / 2;
					String head = line.substring(0, half);
					show(content, font, line.substring(half), LEFT + font.getStringWidth(head) / 1000 * SIZE, y);
					show(content, font, head, LEFT, y);
				}
			}
			doc.save(target.toFile());
		}
	}

	private static void show(PDPageContentStream content, PDType0Font font, String text, float x, float y)
			throws IOException {
		content.beginText();
		content.setFont(font, SIZE);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

}
