package org.orgraph.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgraph.Imports;
import org.orgraph.IntegrationTestSupport;
import org.orgraph.OrgraphIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code POST /api/v1/documents/extract} and {@code format=document} imports end to end: real
 * seed documents in, org documents with sources out; provenance served by GraphQL; bad files
 * refused with a clear code and nothing written.
 */
@OrgraphIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DocumentsIT extends IntegrationTestSupport {

	static final Path SEEDS = Path.of("src/test/resources/documents/seeds");

	record Answer(int status, Map<String, Object> body) {
	}

	Answer extract(String name, byte[] bytes, String query) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(MediaType.APPLICATION_OCTET_STREAM);
		var result = this.http.mutate()
			.codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.post()
			.uri("/api/v1/documents/extract" + query)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult();
		return new Answer(result.getStatus().value(), result.getResponseBody());
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object o) {
		return (List<Map<String, Object>>) o;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

	@Test
	void extractsEachOrganisationOfASeedWithTheSourceOfEveryItem() throws IOException {
		Path seed = SEEDS.resolve("000_cccb14fed62c62df.txt");
		List<String> lines = Files.readAllLines(seed);
		Answer first = extract(seed.getFileName().toString(), Files.readAllBytes(seed), "?lines=true");
		assertThat(first.status()).isEqualTo(200);
		Map<String, Object> doc = map(first.body().get("document"));
		assertThat(doc.get("name")).isEqualTo("酒店运营管理中心");
		assertThat(list(doc.get("units"))).extracting(u -> u.get("name"))
			.contains("总经理办公室", "酒店战略规划部", "营销部", "市场调研部", "销售部");
		Map<String, Object> strategy = list(doc.get("units")).stream().filter(u -> u.get("name").equals("酒店战略规划部")).findFirst().orElseThrow();
		Map<String, Object> office = list(doc.get("units")).stream().filter(u -> u.get("name").equals("总经理办公室")).findFirst().orElseThrow();
		assertThat(strategy.get("parent")).isEqualTo(office.get("key"));
		assertThat(list(strategy.get("duties"))).extracting(d -> d.get("text"))
			.containsExactly("分析市场趋势,确定酒店的发展方向", "制定酒店的战略目标和计划", "监测酒店的竞争对手,进行市场调研和分析");
		// every source's excerpt is exact text of the line it names
		List<Map<String, Object>> sources = list(first.body().get("sources"));
		assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(lines.get(((Number) s.get("line")).intValue() - 1))
			.contains((String) s.get("excerpt")));
		assertThat(sources).extracting(s -> s.get("kind")).contains("unit", "duty", "parent");
		assertThat(list(first.body().get("warnings"))).extracting(w -> w.get("code")).contains("SEVERAL_ORGANIZATIONS");
		assertThat(list(first.body().get("lines"))).hasSize(lines.size());
		List<Map<String, Object>> parts = list(first.body().get("organizations"));
		assertThat(parts).hasSizeGreaterThanOrEqualTo(8).extracting(p -> p.get("name")).contains("商业管理公司", "国有资本运营公司");

		int commercial = parts.stream().filter(p -> p.get("name").equals("商业管理公司")).findFirst().map(p -> (Integer) p.get("part")).orElseThrow();
		Answer other = extract(seed.getFileName().toString(), Files.readAllBytes(seed), "?part=" + commercial);
		Map<String, Object> mall = map(other.body().get("document"));
		assertThat(list(mall.get("positions"))).extracting(p -> p.get("title")).contains("总经理", "招商总监", "会计", "出纳");
	}

	@Test
	void importsADocumentInOneStepAndServesWhereEachItemCameFrom() throws IOException {
		Path seed = SEEDS.resolve("002_adface64810af4a0.txt");
		Imports.Answer imported = imports().files("gas-doc", "document",
				Map.of("燃气运营部.txt", Files.readAllBytes(seed)));
		assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
		assertThat(imported.warnings()).extracting(w -> w.get("code")).contains("SEVERAL_ORGANIZATIONS");
		assertThat(((Number) imported.counts().get("units")).intValue()).isEqualTo(5);

		this.graphQl.document("""
				{ organization(key: "gas-doc") { name revision { format }
				    units { edges { node { name source { file line excerpt } duties { text source { line excerpt } } } } }
				    positions { edges { node { title headcount source { line excerpt } } } } } }""")
			.execute()
			.path("organization.name").entity(String.class).isEqualTo("燃气公司运营部")
			.path("organization.revision.format").entity(String.class).isEqualTo("document")
			.path("organization.units.edges[?(@.node.name == '供应科')].node.source.excerpt").entityList(String.class)
			.satisfies(e -> assertThat(e.getFirst()).contains("供应科"))
			.path("organization.units.edges[?(@.node.name == '供应科')].node.duties[0].text").entityList(String.class)
			.containsExactly("负责燃气资源的采购、储存、分配等工作,确保燃气供应充足、稳定")
			.path("organization.units.edges[?(@.node.name == '供应科')].node.duties[0].source.line").entityList(Integer.class)
			.containsExactly(17)
			.path("organization.positions.edges[?(@.node.title == '部长')].node.headcount").entityList(Integer.class)
			.containsExactly(1)
			.path("organization.positions.edges[?(@.node.title == '部长')].node.source.line").entityList(Integer.class)
			.containsExactly(15);
	}

	@Test
	void extractsAChinesePdfWithEachItemTracedToItsLine() throws IOException {
		Answer answer = extract("组织架构及部门职责.pdf", Files.readAllBytes(DocumentReadersTests.CHINESE_PDF), "");
		assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
		Map<String, Object> doc = map(answer.body().get("document"));
		assertThat(doc.get("name")).isEqualTo("华远物流有限公司");
		Map<String, Object> storage = list(doc.get("units")).stream().filter(u -> u.get("name").equals("仓储中心")).findFirst().orElseThrow();
		Map<String, Object> transport = list(doc.get("units")).stream().filter(u -> u.get("name").equals("运输部")).findFirst().orElseThrow();
		assertThat(storage.get("parent")).isEqualTo(transport.get("key"));
		assertThat(storage.get("plannedHeadcount")).isEqualTo(8);
		assertThat(list(storage.get("duties"))).extracting(d -> d.get("text"))
			.containsExactly("负责货物入库、出库和盘点", "保管库存货物，确保账实相符");
		List<Map<String, Object>> sources = list(answer.body().get("sources"));
		assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(ChinesePdfFixtures.LINES.get(((Number) s.get("line")).intValue() - 1))
			.contains((String) s.get("excerpt")));
		assertThat(sources).filteredOn(s -> s.get("key").equals(((Map<?, ?>) list(storage.get("duties")).getFirst()).get("key")))
			.extracting(s -> s.get("line"), s -> s.get("excerpt"))
			.containsExactly(tuple(18, "（1）负责货物入库、出库和盘点；"));
	}

	@Test
	void importsThePeopleADocumentNamesAndLogsNoneOfTheirNames(CapturedOutput output) {
		byte[] text = """
				宏远公司组织架构
				一、总经理办公室
				总经理：欧阳明远
				二、财务部
				财务总监由总经理欧阳明远兼任。
				""".getBytes(StandardCharsets.UTF_8);
		Answer extracted = extract("宏远公司组织架构.txt", text, "");
		assertThat(list(map(extracted.body().get("document")).get("people"))).singleElement()
			.satisfies(p -> assertThat(p.get("name")).isEqualTo("欧阳明远"))
			.satisfies(p -> assertThat(list(p.get("holds"))).hasSize(2));
		Imports.Answer imported = imports().files("people-doc", "document", Map.of("宏远公司组织架构.txt", text));
		assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
		assertThat(((Number) imported.counts().get("people")).intValue()).isEqualTo(1);
		assertThat(((Number) imported.counts().get("holdings")).intValue()).isEqualTo(2);
		assertThat(output.getAll()).doesNotContain("欧阳明远");
	}

	@Test
	void refusesWhatIsNotADocumentAndWritesNothing() {
		Answer png = extract("chart.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "");
		assertThat(png.status()).isEqualTo(415);
		assertThat(list(png.body().get("errors")).getFirst().get("code")).isEqualTo("UNSUPPORTED_FORMAT");
		Answer empty = extract("empty.txt", new byte[0], "");
		assertThat(empty.status()).isEqualTo(422);
		Answer binary = extract("x.txt", new byte[] { 0, 1, 2, 3, 0, 5 }, "");
		assertThat(list(binary.body().get("errors")).getFirst().get("code")).isEqualTo("NOT_TEXT");
		Answer prose = extract("prose.txt", "今天天气很好。\n我们去公园散步。\n".getBytes(StandardCharsets.UTF_8), "");
		assertThat(prose.status()).isEqualTo(422);
		assertThat(list(prose.body().get("errors")).getFirst().get("code")).isEqualTo("NO_ORGANIZATION");
		Answer badPart = extract("a.txt", "一、财务部\n1. 编制公司年度预算\n".getBytes(StandardCharsets.UTF_8), "?part=5");
		assertThat(list(badPart.body().get("errors")).getFirst().get("code")).isEqualTo("BAD_PART");

		Imports.Answer refused = imports().files("never-doc", "document", Map.of("x.pdf", "nope".getBytes(StandardCharsets.UTF_8)));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errors()).extracting(e -> e.get("code")).containsExactly("NOT_PDF");
		this.graphQl.document("{ organization(key: \"never-doc\") { key } }").execute().path("organization").valueIsNull();
	}

	@Test
	void aHundredThousandLineTextGivesABoundedAnswer() {
		StringBuilder sb = new StringBuilder("示例集团组织架构\n");
		for (int i = 1; i <= 100_000; i++) {
			sb.append(i % 50 == 1 ? (i / 50 + 1) + ". 第" + i + "事业部\n" : "•负责第" + i + "项业务的管理;\n");
		}
		Answer answer = extract("big.txt", sb.toString().getBytes(StandardCharsets.UTF_8), "");
		assertThat(answer.status()).isEqualTo(200);
		Map<String, Object> doc = map(answer.body().get("document"));
		assertThat(list(doc.get("units"))).hasSize(2001);
		assertThat(list(list(doc.get("units")).get(1).get("duties"))).hasSize(49);
	}

}
