package org.orgraph.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextDecoderTests {

	static final String TEXT = "部门,职责\n财务部,负责公司预算编制与成本控制\n";

	@Test
	void shouldReadUtf8WithAndWithoutBom() throws Exception {
		byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[plain.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(plain, 0, bom, 3, plain.length);
		assertThat(TextDecoder.decode(plain).text()).isEqualTo(TEXT);
		assertThat(TextDecoder.decode(bom).text()).isEqualTo(TEXT);
	}

	@Test
	void shouldReadWhatChineseExcelWritesAsGbk() throws Exception {
		TextDecoder.Decoded gbk = TextDecoder.decode(TEXT.getBytes(Charset.forName("GBK")));
		assertThat(gbk.text()).isEqualTo(TEXT);
		assertThat(gbk.charset().name()).isEqualTo("GB18030");
	}

	@Test
	void shouldRejectBrokenUtf8InsteadOfReadingItAsGbkMojibake() {
		byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
		int secondLine = TEXT.indexOf('\n') + 1;
		int offset = TEXT.substring(0, secondLine + 1).getBytes(StandardCharsets.UTF_8).length;
		bytes[offset] = (byte) 0xFF;
		assertThatExceptionOfType(TextDecoder.UndecodableException.class).isThrownBy(() -> TextDecoder.decode(bytes))
			.satisfies(ex -> {
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.column()).isEqualTo(2);
				assertThat(ex.getMessage()).contains("0xFF").contains("UTF-8");
			});
	}

	@Test
	void shouldRefuseWindows1252TextRatherThanReadItAsRareChineseCharacters() {
		byte[] latin = "Name,Unit\nMüller,Générale\n".getBytes(Charset.forName("windows-1252"));
		assertThatExceptionOfType(TextDecoder.UndecodableException.class).isThrownBy(() -> TextDecoder.decode(latin))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2));
	}

	@Test
	void shouldNeverProduceAReplacementCharacter() throws Exception {
		for (int b = 0x80; b <= 0xFF; b++) {
			byte[] bytes = { 'a', (byte) b, 'b', '\n' };
			try {
				assertThat(TextDecoder.decode(bytes).text()).doesNotContain("\uFFFD");
			}
			catch (TextDecoder.UndecodableException ex) {
				assertThat(ex.line()).isEqualTo(1);
			}
		}
	}

}
