package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgraph.HostileStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Any Unicode text survives decoding exactly; any other bytes are refused with a position.
 * Seeded: the same 500 texts and 1,000 byte arrays on every run.
 */
class TextDecoderHostileTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	static Stream<String> hostileTexts() {
		Random random = new Random(20261125);
		return Stream.generate(() -> HostileStrings.sample(random)).limit(500);
	}

	static Stream<byte[]> randomBytes() {
		Random random = new Random(7);
		return Stream.generate(() -> {
			byte[] bytes = new byte[random.nextInt(64)];
			random.nextBytes(bytes);
			return bytes;
		}).limit(1000);
	}

	@ParameterizedTest
	@MethodSource("hostileTexts")
	void shouldDecodeUtf8TextExactly(String text) throws Exception {
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

	@ParameterizedTest
	@MethodSource("randomBytes")
	void shouldDecodeOrRefuseAnyBytesWithoutOtherExceptions(byte[] bytes) {
		Throwable thrown = catchThrowable(() -> TextDecoder.decode(bytes));

		if (thrown != null) {
			assertThat(thrown).isInstanceOf(TextDecoder.UndecodableException.class);
			assertThat(((TextDecoder.UndecodableException) thrown).line()).isPositive();
			assertThat(((TextDecoder.UndecodableException) thrown).column()).isPositive();
		}
	}

}
