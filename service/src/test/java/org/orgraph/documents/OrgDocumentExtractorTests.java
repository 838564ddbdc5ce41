package org.orgraph.documents;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor's rules on documents written for these tests (not the seeds): each heading
 * scheme, units and posts by suffix, relations, headcounts, concurrent posts, and what is not
 * a duty.
 */
class OrgDocumentExtractorTests {

	static List<Extraction> read(String text) {
		List<DocumentLine> lines = new ArrayList<>();
		String[] split = text.split("\n", -1);
		for (int i = 0; i < split.length; i++) {
			lines.add(new DocumentLine(i + 1, split[i]));
		}
		return OrgDocumentExtractor.extract("test.txt", lines);
	}

	static Extraction.Unit unit(Extraction e, String name) {
		return e.units.stream().filter(u -> u.name.equals(name)).findFirst().orElseThrow(() -> new AssertionError(
				"no unit " + name + " in " + e.units.stream().map(u -> u.name).toList()));
	}

	static Extraction.Position post(Extraction e, String title) {
		return e.positions.stream().filter(p -> p.title.equals(title)).findFirst().orElseThrow(() -> new AssertionError(
				"no post " + title + " in " + e.positions.stream().map(p -> p.title).toList()));
	}

	static List<String> texts(List<Extraction.Duty> duties) {
		return duties.stream().map(d -> d.text).toList();
	}

	@Test
	void readsAJobDescriptionBookWithRequirementsWorkflowAndAuthorityLeftOut() {
		Extraction e = read("""
				华东物流有限公司岗位职责说明书
				一、仓储部
				仓储部隶属于运营中心,编制12人。
				(一)仓储主管
				直接上级:运营总监
				岗位职责:
				1. 制定仓库管理制度并监督执行;
				2. 组织月度库存盘点;
				3. 审核出入库单据。
				任职要求:
				1. 大专以上学历;
				2. 三年以上仓储管理经验。
				工作权限:
				1. 对仓库人员的调配权;
				(二)仓管员
				岗位职责:①负责货物的收发;②负责库位的整理;③完成主管交办的其他工作。
				二、运营中心
				运营中心设总监一名,由副总经理兼任。
				三、工作流程
				1. 收货登记;
				2. 质检入库。
				""").getFirst();
		assertThat(e.name).isEqualTo("华东物流有限公司");
		Extraction.Unit storage = unit(e, "仓储部");
		assertThat(storage.plannedHeadcount).isEqualTo(12);
		assertThat(storage.parent).isSameAs(unit(e, "运营中心"));
		Extraction.Position supervisor = post(e, "仓储主管");
		assertThat(supervisor.unit).isSameAs(storage);
		assertThat(texts(supervisor.duties)).containsExactly("制定仓库管理制度并监督执行", "组织月度库存盘点", "审核出入库单据");
		assertThat(supervisor.reportsTo).isNotNull();
		assertThat(supervisor.reportsTo.title).isEqualTo("运营总监");
		assertThat(texts(post(e, "仓管员").duties)).containsExactly("负责货物的收发", "负责库位的整理", "完成主管交办的其他工作");
		assertThat(post(e, "总监").headcount).isEqualTo(1);
		assertThat(post(e, "总监").concurrentWith).isSameAs(post(e, "副总经理"));
		// requirements, authority and workflow steps are not duties of anyone
		List<String> all = new ArrayList<>();
		e.units.forEach(u -> all.addAll(texts(u.duties)));
		e.positions.forEach(p -> all.addAll(texts(p.duties)));
		assertThat(all).noneMatch(d -> d.contains("学历") || d.contains("调配权") || d.contains("收货登记") || d.contains("经验"));
		// every item has its source: line and exact excerpt
		assertThat(e.sources).anySatisfy(s -> {
			assertThat(s.kind()).isEqualTo("duty");
			assertThat(s.line()).isEqualTo(8);
			assertThat(s.excerpt()).isEqualTo("2. 组织月度库存盘点;");
		});
	}

	@Test
	void readsChaptersAndArticlesOfARulebook() {
		Extraction e = read("""
				质量管理部管理制度
				第一章 总则
				第一条 为规范质量管理部的工作,制定本制度。
				第二章 组织与职责
				第二条 质量管理部下设检验科、体系科。
				第三条 各科室职责如下:
				(一)检验科:负责原材料和成品的检验,出具检验报告。
				(二)体系科:负责质量体系的建立与维护。
				第四条 质量管理部员工应遵守以下纪律:
				(一)按时到岗;
				(二)服从工作安排。
				""").getFirst();
		assertThat(unit(e, "检验科").parent).isSameAs(e.root());
		assertThat(texts(unit(e, "检验科").duties)).containsExactly("负责原材料和成品的检验,出具检验报告");
		assertThat(texts(unit(e, "体系科").duties)).containsExactly("负责质量体系的建立与维护");
		assertThat(texts(e.root().duties)).isEmpty();
	}

	@Test
	void readsNestedNumberedUnitsAndSummarySentencesOnlyWithoutAList() {
		Extraction e = read("""
				星辰科技组织架构
				1. 技术中心
				技术中心负责公司产品研发和技术支持。
				1.1 研发部
				研发部负责新产品的设计与开发。
				其主要职责包括:•制定研发计划;•组织产品测试;•管理技术文档。
				1.2 测试组
				测试组负责产品的质量测试。
				2. 行政人事部
				行政人事部由行政专员、人事专员组成。
				""").getFirst();
		assertThat(unit(e, "研发部").parent).isSameAs(unit(e, "技术中心"));
		assertThat(unit(e, "测试组").parent).isSameAs(unit(e, "技术中心"));
		assertThat(texts(unit(e, "研发部").duties)).containsExactly("制定研发计划", "组织产品测试", "管理技术文档");
		assertThat(texts(unit(e, "测试组").duties)).containsExactly("负责产品的质量测试");
		assertThat(texts(unit(e, "技术中心").duties)).containsExactly("负责公司产品研发和技术支持");
		assertThat(post(e, "行政专员").unit).isSameAs(unit(e, "行政人事部"));
		assertThat(post(e, "人事专员").unit).isSameAs(unit(e, "行政人事部"));
	}

	@Test
	void keepsSeveralOrganisationsOfOneFileApart() {
		List<Extraction> all = read("""
				甲公司组织架构
				一、财务部
				1. 编制年度预算
				乙公司组织架构
				一、市场部
				1. 开展市场调研
				""");
		assertThat(all).extracting(x -> x.name).containsExactly("甲公司", "乙公司");
		assertThat(all.get(1).units).extracting(u -> u.name).containsExactly("乙公司", "市场部");
		assertThat(texts(unit(all.get(1), "市场部").duties)).containsExactly("开展市场调研");
	}

	@Test
	void readsAFlattenedChartLine() {
		Extraction e = read("""
				某门店组织架构
				店长 收银组 导购组 仓管员
				""").getFirst();
		assertThat(e.units).extracting(u -> u.name).contains("收银组", "导购组");
		assertThat(e.positions).extracting(p -> p.title).contains("店长", "仓管员");
	}

	@Test
	void readsAWordJobDescriptionFormWithItsNumberedDuties() throws Exception {
		List<DocumentLine> lines = DocumentReaders.read("财务部岗位说明书.docx", DocumentReadersTests.docx());
		Extraction e = OrgDocumentExtractor.extract("财务部岗位说明书.docx", lines).getFirst();
		Extraction.Position manager = post(e, "财务经理");
		assertThat(manager.headcount).isEqualTo(2);
		assertThat(manager.reportsTo).isNotNull();
		assertThat(manager.reportsTo.title).isEqualTo("总经理");
		assertThat(texts(manager.duties)).containsExactly("编制公司年度预算", "审核各项费用支出");
		assertThat(e.sources).anySatisfy(s -> {
			assertThat(s.kind()).isEqualTo("duty");
			assertThat(s.excerpt()).isEqualTo("1.编制公司年度预算");
		});
	}

}
