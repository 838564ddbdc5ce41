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

	@Test
	void shouldFindTheEncodingOfTextLongerThanOneChunkWithoutDecodingItWhole() throws Exception {
		String many = TEXT.repeat(20_000); // about 1 MB of UTF-8, many of the decoder's chunks
		byte[] utf8 = many.getBytes(StandardCharsets.UTF_8);
		assertThat(TextDecoder.charset(utf8)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(TextDecoder.decode(utf8).text()).isEqualTo(many);
		byte[] gbk = many.getBytes(Charset.forName("GBK"));
		assertThat(TextDecoder.charset(gbk).name()).isEqualTo("GB18030");
		assertThat(TextDecoder.decode(gbk).text()).isEqualTo(many);

		// a broken byte on the last line: its line and column are still found
		int lastLine = many.length() - TEXT.length() + TEXT.indexOf('\n') + 1;
		int offset = many.substring(0, lastLine + 1).getBytes(StandardCharsets.UTF_8).length;
		utf8[offset] = (byte) 0xFF;
		assertThatExceptionOfType(TextDecoder.UndecodableException.class).isThrownBy(() -> TextDecoder.charset(utf8))
			.satisfies(ex -> {
				assertThat(ex.line()).isEqualTo(40_000);
				assertThat(ex.column()).isEqualTo(2);
			});

		// GBK whose last chunk reads as a private-use character is not taken for Chinese text
		byte[] privateUse = (many + "\uE000").getBytes(Charset.forName("GB18030"));
		assertThatExceptionOfType(TextDecoder.UndecodableException.class)
			.isThrownBy(() -> TextDecoder.charset(privateUse));
	}

}
