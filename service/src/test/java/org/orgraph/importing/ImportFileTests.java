package org.orgraph.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A large upload is spooled to disk and read through a memory map, off the heap: it must read
 * exactly as the same bytes held in an array, in every encoding, and leave no file behind.
 */
class ImportFileTests {

	@TempDir
	Path spool;

	@Test
	void shouldReadADemoDocumentFromTheMapAsFromTheArray() throws Exception {
		byte[] bytes = new ClassPathResource("demo/hotel-ops-centre.json").getContentAsByteArray();
		ImportFile mapped = ImportFile.spool("document.json", new ByteArrayInputStream(bytes), this.spool, 1 << 30);

		assertThat(mapped.bytes().hasArray()).isFalse();
		assertThat(mapped.length()).isEqualTo(bytes.length);
		assertThat(mapped.content()).isEqualTo(bytes);
		try (var left = Files.list(this.spool)) {
			assertThat(left).as("the spooled file is deleted once mapped").isEmpty();
		}
		OrgDocument fromArray = parse("hotel-ops-centre", new ImportFile("document.json", bytes));
		OrgDocument fromMap = parse("hotel-ops-centre", mapped);
		assertThat(fromMap).isEqualTo(fromArray);
		assertThat(fromMap.units()).hasSize(8);
		assertThat(fromMap.units().stream().mapToLong(u -> u.duties().size()).sum()).isEqualTo(18);
	}

	@Test
	void shouldDetectTheEncodingOfAMappedFileAsOfAnArray() throws Exception {
		String document = """
				{"name": "财务中心", "units": [{"key": "U1", "name": "财务部", "duties": ["负责公司预算编制与成本控制"]}],
				 "positions": [{"key": "P1", "title": "财务总监", "unit": "U1", "duties": ["审核合同"]}]}""";
		byte[] utf8 = document.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		for (byte[] bytes : List.of(utf8, bom, document.getBytes(Charset.forName("GB18030")))) {
			ImportFile mapped = ImportFile.spool("document.json", new ByteArrayInputStream(bytes), this.spool, 1 << 20);
			assertThat(TextDecoder.charset(mapped.bytes())).isEqualTo(TextDecoder.charset(bytes));
			OrgDocument read = parse("acme", mapped);
			assertThat(read.name()).isEqualTo("财务中心");
			assertThat(read.units().getFirst().duties().getFirst().text()).isEqualTo("负责公司预算编制与成本控制");
		}
	}

	@Test
	void shouldNameTheLineOfABadByteInAMappedFile() throws Exception {
		String text = "{\"name\": \"财务\",\n \"units\": [\"X\"]}";
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		bytes[text.substring(0, text.indexOf('X')).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFF;
		ImportFile mapped = ImportFile.spool("document.json", new ByteArrayInputStream(bytes), this.spool, 1 << 20);
		ParseResult result = new OrgJsonParser().parse("acme", List.of(mapped));
		assertThat(result.document()).isNull();
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo(ProblemCodes.BAD_ENCODING);
			assertThat(p.line()).isEqualTo(2);
		});
	}

	@Test
	void shouldRefuseAnUploadOverTheLimitAndLeaveNothingBehind() throws IOException {
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				return 'x';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				java.util.Arrays.fill(b, off, off + len, (byte) 'x');
				return len;
			}

		};
		assertThatExceptionOfType(ImportFile.TooLargeException.class)
			.isThrownBy(() -> ImportFile.spool("document.json", endless, this.spool, 1_000_000))
			.withMessageContaining("document.json")
			.withMessageContaining("1000000 bytes");
		try (var left = Files.list(this.spool)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void shouldReadAnEmptyUploadAsAnEmptyFile() throws IOException {
		ImportFile empty = ImportFile.spool("document.json", InputStream.nullInputStream(), this.spool, 100);
		assertThat(empty.length()).isZero();
		ParseResult result = new OrgJsonParser().parse("acme", List.of(empty));
		assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCodes.EMPTY_FILE));
	}

	private static OrgDocument parse(String org, ImportFile file) {
		ParseResult result = new OrgJsonParser().parse(org, List.of(file));
		assertThat(result.problems()).noneMatch(ImportProblem::isError);
		assertThat(result.document()).isNotNull();
		return result.document();
	}

}
