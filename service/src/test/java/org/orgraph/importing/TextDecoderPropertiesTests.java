package org.orgraph.importing;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Any Unicode text survives decoding exactly; any other bytes are refused with a position. */
class TextDecoderPropertiesTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@Provide
	Arbitrary<String> hostile() {
		return HostileStrings.any();
	}

	@Provide
	Arbitrary<String> loneSurrogates() {
		return HostileStrings.loneSurrogates();
	}

	@Property(tries = 500)
	void shouldDecodeUtf8TextExactly(@ForAll("hostile") String text) throws Exception {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[BOM.length + utf8.length];
		System.arraycopy(BOM, 0, withBom, 0, BOM.length);
		System.arraycopy(utf8, 0, withBom, BOM.length, utf8.length);

		assertThat(TextDecoder.decode(withBom).text()).isEqualTo(text);
		if (text.charAt(0) != '\uFEFF') {
			assertThat(TextDecoder.decode(utf8).text()).isEqualTo(text);
			assertThat(TextDecoder.decode(utf8).charset()).isEqualTo(StandardCharsets.UTF_8);
		}
	}

	@Property(tries = 50)
	void shouldRefuseASurrogateEncodedAsBytes(@ForAll("loneSurrogates") String text) {
		// CESU-8 style: a surrogate written as three bytes is not UTF-8
		char c = (char) text.chars().filter(ch -> Character.isSurrogate((char) ch)).findFirst().orElseThrow();
		byte[] bytes = { 'a', (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F)), 'b' };

		Throwable thrown = catchThrowable(() -> TextDecoder.decode(bytes));

		assertThat(thrown).isInstanceOf(TextDecoder.UndecodableException.class);
		assertThat(((TextDecoder.UndecodableException) thrown).line()).isEqualTo(1);
		assertThat(((TextDecoder.UndecodableException) thrown).column()).isEqualTo(2);
	}

	@Property(tries = 1000)
	void shouldDecodeOrRefuseAnyBytesWithoutOtherExceptions(@ForAll byte[] bytes) {
		Throwable thrown = catchThrowable(() -> TextDecoder.decode(bytes));

		if (thrown != null) {
			assertThat(thrown).isInstanceOf(TextDecoder.UndecodableException.class);
			assertThat(((TextDecoder.UndecodableException) thrown).line()).isPositive();
			assertThat(((TextDecoder.UndecodableException) thrown).column()).isPositive();
		}
	}

}
