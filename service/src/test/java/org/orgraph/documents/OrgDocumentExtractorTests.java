package org.orgraph.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		// 运营中心设总监一名: the leader's title alone is named after its unit
		assertThat(post(e, "运营中心总监").headcount).isEqualTo(1);
		assertThat(post(e, "运营中心总监").unit).isSameAs(unit(e, "运营中心"));
		assertThat(post(e, "运营中心总监").concurrentWith).isSameAs(post(e, "副总经理"));
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
	void aShortLineAboutRulesPrintedTwiceOnItsOwnStartsTheNextDocument() {
		List<Extraction> all = read("""
				丙公司组织架构
				一、财务部
				1. 编制年度预算
				财务部管理机制不够完善

				财务部管理机制不够完善
				引言财务部负责公司的资金管理。
				""");
		assertThat(all).extracting(x -> x.title).containsExactly("丙公司组织架构", "财务部管理机制不够完善");
		assertThat(texts(unit(all.getFirst(), "财务部").duties)).containsExactly("编制年度预算");
	}

	@Test
	void requirementsWrittenAsLabelAndValueAreNotDutiesAndNamesDoNotEndInsideAWord() {
		Extraction e = read("""
				海川公司组织架构
				1. 海川运营管理组织架构海川运营管理组织的架构由以下部门组成。
				1.1 市场部
				市场部经理
				岗位职责:
				1.制定市场推广计划。
				2.培训经历:受过市场营销等知识培训。
				3.个性特征:办事认真严谨。
				""").getFirst();
		assertThat(e.units).extracting(u -> u.name).doesNotContain("海川运营管理组");
		assertThat(texts(post(e, "市场部经理").duties)).containsExactly("制定市场推广计划");
	}

	@Test
	void aNumberedListBelongsToTheNameOnTheLineBeforeIt() {
		Extraction e = read("""
				示例公司组织架构
				财务部
				1. 编制公司预算
				2. 审核费用支出
				人力资源部
				1. 组织员工招聘
				一、销售部
				销售经理
				1. 开拓客户市场
				2. 负责销售回款
				""").getFirst();
		assertThat(texts(unit(e, "财务部").duties)).containsExactly("编制公司预算", "审核费用支出");
		assertThat(texts(unit(e, "人力资源部").duties)).containsExactly("组织员工招聘");
		assertThat(texts(post(e, "销售经理").duties)).containsExactly("开拓客户市场", "负责销售回款");
		assertThat(post(e, "销售经理").unit).isSameAs(unit(e, "销售部"));
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

	@Test
	void readsFullWidthPunctuationAndGivesTextBackAsPrinted() {
		Extraction e = read("""
				宏达贸易有限公司组织架构及部门职责
				一、采购部
				采购部隶属于供应链中心，编制５人。
				主要职责：
				（1）制定年度采购计划，控制采购成本；
				（2）管理供应商档案。
				二、供应链中心
				""").getFirst();
		Extraction.Unit purchasing = unit(e, "采购部");
		assertThat(purchasing.parent).isSameAs(unit(e, "供应链中心"));
		assertThat(purchasing.plannedHeadcount).isEqualTo(5);
		assertThat(texts(purchasing.duties)).containsExactly("制定年度采购计划，控制采购成本", "管理供应商档案");
		assertThat(e.sources).filteredOn(s -> s.key().equals(purchasing.duties.getFirst().key))
			.extracting(Extraction.Source::excerpt)
			.containsExactly("（1）制定年度采购计划，控制采购成本；");
		assertThat(e.sources).filteredOn(s -> s.kind().equals("parent") && s.key().equals(purchasing.key))
			.extracting(Extraction.Source::line)
			.containsExactly(3);
	}

	@Test
	void readsBoardsLeadersAndDutiesListedInOneSentence() {
		Extraction e = read("""
				远航集团组织架构
				一、董事会
				董事会主要职责包括:制定公司章程、审议重大投资事项、选聘高级管理人员等。
				董事会由国资委、财政部等国家机构派出的代表组成。
				二、研发中心
				研发中心的负责人由总经理任命,负责研发中心的全面管理。
				研发中心的负责人应定期向总经理汇报研发进展。
				三、市场部
				职责:负责市场推广,包括品牌宣传、渠道拓展、活动策划等方面的工作。
				四、客服部
				1. 部门负责人:负责客服团队的管理和考核。
				""").getFirst();
		assertThat(texts(unit(e, "董事会").duties)).containsExactly("制定公司章程", "审议重大投资事项", "选聘高级管理人员等");
		// examples of another kind of body ("等国家机构") are not units of this organisation
		assertThat(e.units).extracting(u -> u.name).doesNotContain("国资委", "财政部");
		Extraction.Position head = post(e, "研发中心负责人");
		assertThat(head.unit).isSameAs(unit(e, "研发中心"));
		assertThat(texts(head.duties)).containsExactly("负责研发中心的全面管理", "定期向总经理汇报研发进展");
		assertThat(texts(unit(e, "市场部").duties)).containsExactly("负责市场推广,包括品牌宣传、渠道拓展、活动策划等方面的工作");
		assertThat(texts(post(e, "部门负责人").duties)).containsExactly("负责客服团队的管理和考核");
	}

	@Test
	void workflowAndRelationsBetweenUnitsAreNotDuties() {
		Extraction e = read("""
				启明软件公司组织架构
				1. 部门职责
				1.1 产品部
				•负责产品规划;
				•负责需求管理。
				1.2 开发部
				•负责软件开发。
				2. 工作流程产品部的工作流程如下:1.收集用户需求。
				2.编写需求文档。
				3. 部门协作
				3.1 产品部与开发部的协作产品部提供需求文档,开发部据此排期。
				•产品部与开发部每周召开评审会议;
				""").getFirst();
		assertThat(texts(unit(e, "产品部").duties)).containsExactly("负责产品规划", "负责需求管理");
		assertThat(texts(unit(e, "开发部").duties)).containsExactly("负责软件开发");
		assertThat(texts(e.root().duties)).isEmpty();
	}

	@Test
	void theNumberAfterAUnitHeadingIsTheNextHeadingButAListMayRestartOrContinue() {
		Extraction e = read("""
				云帆网络公司运营架构
				一、组织架构
				1. 运营团队公司拥有一支专业的运营团队。
				2. 流程管理公司实行规范化的管理,形成以客户为中心的流程。
				二、岗位职责
				1. 运营经理岗位职责:
				1. 制定运营计划;
				2. 监督计划执行;
				3. 分析运营数据;
				""").getFirst();
		assertThat(texts(unit(e, "运营团队").duties)).isEmpty();
		assertThat(texts(post(e, "运营经理").duties)).containsExactly("制定运营计划", "监督计划执行", "分析运营数据");
	}

	@Test
	void numberedHeadingsRankAsChineseDocumentsNumberThemWhicheverComesFirst() {
		Extraction e = read("""
				示例公司组织架构
				财务部
				主要职责:
				1. 编制公司预算
				一、销售部
				职责:
				1. 开拓客户市场
				二、采购部
				1. 采购原材料物资
				""").getFirst();
		assertThat(texts(unit(e, "财务部").duties)).containsExactly("编制公司预算");
		assertThat(texts(unit(e, "销售部").duties)).containsExactly("开拓客户市场");
		assertThat(texts(unit(e, "采购部").duties)).containsExactly("采购原材料物资");
	}

	@Test
	void readsWhatANamedHolderDoesOrShallDoButNotWhatItNeedsToKnow() {
		Extraction e = read("""
				顺达物流公司组织架构
				1.1 综合部- 行政专员- 会计- 出纳
				2. 部门职能
				2.1 综合部
				行政专员提供日常行政支持,会计主要进行账务核对和报表编制,出纳负责现金收付。
				2.2 仓储部
				这个部门负责货物的保管。
				他们要定期盘点库存,确保账实相符。
				他们需要熟悉仓库管理系统。
				""").getFirst();
		assertThat(texts(post(e, "行政专员").duties)).containsExactly("提供日常行政支持");
		assertThat(texts(post(e, "会计").duties)).containsExactly("主要进行账务核对和报表编制");
		assertThat(texts(post(e, "出纳").duties)).containsExactly("负责现金收付");
		assertThat(texts(unit(e, "仓储部").duties)).containsExactly("负责货物的保管", "定期盘点库存,确保账实相符");
	}

	@Test
	void readsThePeopleADocumentNamesWithThePostsTheyHoldTogether() {
		Extraction e = read("""
				宏远公司组织架构
				一、总经理办公室
				总经理：张三
				副总经理：李四
				二、财务部
				财务总监由李四兼任。
				（一）出纳
				岗位名称：出纳
				任职人：王小明
				三、行政部
				行政经理由总经理张三兼任。
				人事主管由高管兼任。
				""").getFirst();
		Map<String, List<String>> holds = new LinkedHashMap<>();
		e.people.forEach(p -> holds.put(p.name, p.holds.stream().map(h -> h.title).toList()));
		assertThat(holds).containsExactly(Map.entry("张三", List.of("总经理", "行政经理")),
				Map.entry("李四", List.of("副总经理", "财务总监")), Map.entry("王小明", List.of("出纳")));
		assertThat(post(e, "财务总监").concurrentWith).isSameAs(post(e, "副总经理"));
		assertThat(post(e, "行政经理").concurrentWith).isSameAs(post(e, "总经理"));
		assertThat(e.positions).extracting(p -> p.title).containsOnlyOnce("总经理");
		assertThat(e.sources).filteredOn(s -> s.kind().equals("person")).extracting(Extraction.Source::line)
			.containsExactly(3, 4, 9);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> people = (List<Map<String, Object>>) e.document(null).get("people");
		assertThat(people.get(1)).isEqualTo(Map.of("key", "E02", "name", "李四", "holds",
				List.of(Map.of("position", post(e, "副总经理").key), Map.of("position", post(e, "财务总监").key))));
	}

	@Test
	void aReportingClauseNamesTheSuperiorAndIsNeitherATitleNorADuty() {
		Extraction e = read("""
				青松物业服务有限公司岗位职责说明书
				一、项目经理
				对公司总经理负责,主持物业项目的全面管理工作。
				1. 编制项目年度服务计划;
				2. 审核项目费用支出。
				二、客服主管
				客服主管对项目经理负责,其主要职责是:
				1. 处理业主报修和投诉;
				2. 组织业主满意度回访。
				三、保洁组长
				在客服主管的领导下,负责公共区域保洁的日常安排。
				四、绿化员
				受保洁组长领导。
				1. 修剪公共绿地;
				2. 对绿地养护质量负责。
				五、安全员
				在总经理领导下开展工作。
				""").getFirst();
		assertThat(e.positions).extracting(p -> p.title).allMatch(t -> !t.contains("对") && !t.contains("领导"));
		Extraction.Position manager = post(e, "项目经理");
		assertThat(manager.reportsTo).isSameAs(post(e, "总经理"));
		assertThat(texts(manager.duties)).containsExactly("主持物业项目的全面管理工作", "编制项目年度服务计划", "审核项目费用支出");
		Extraction.Position service = post(e, "客服主管");
		assertThat(service.reportsTo).isSameAs(manager);
		assertThat(texts(service.duties)).containsExactly("处理业主报修和投诉", "组织业主满意度回访");
		assertThat(post(e, "保洁组长").reportsTo).isSameAs(service);
		assertThat(texts(post(e, "保洁组长").duties)).containsExactly("负责公共区域保洁的日常安排");
		assertThat(post(e, "绿化员").reportsTo).isSameAs(post(e, "保洁组长"));
		// what a post answers for, rather than to whom, stays a duty
		assertThat(texts(post(e, "绿化员").duties)).containsExactly("修剪公共绿地", "对绿地养护质量负责");
		assertThat(post(e, "安全员").reportsTo).isSameAs(post(e, "总经理"));
	}

	@Test
	void theWordsAroundAListOfUnitsAreNotPartOfTheirNames() {
		Extraction e = read("""
				青松物业服务有限公司组织架构及部门职责
				一、组织架构
				物业服务由运营副总经理分管,下设工程部、客服部、安保部三个部门。工程部下设强电组、弱电组和暖通组三个小组。
				公司实行项目制管理,各项目的报修统一由客服部受理;客服部下设前台组和回访组。
				""").getFirst();
		assertThat(e.units).extracting(u -> u.name).containsExactlyInAnyOrder(e.name, "工程部", "客服部", "安保部", "强电组",
				"弱电组", "暖通组", "前台组", "回访组");
		assertThat(unit(e, "暖通组").parent).isSameAs(unit(e, "工程部"));
		assertThat(unit(e, "回访组").parent).isSameAs(unit(e, "客服部"));
		assertThat(unit(e, "安保部").parent).isSameAs(e.root());
	}

	@Test
	void aListEntryStartingWithADutyVerbIsADutyEvenWhenItNamesAUnit() {
		Extraction e = read("""
				青松物业服务有限公司岗位说明书
				岗位名称:工程部经理
				所属部门:工程部
				岗位职责:
				1. 主持工程部全面工作,制定设备维护计划;
				2. 负责工程部年度预算的编制;
				3. 协助安保部做好消防设施检查。
				""").getFirst();
		assertThat(e.units).extracting(u -> u.name).containsExactlyInAnyOrder(e.name, "工程部");
		assertThat(texts(post(e, "工程部经理").duties)).containsExactly("主持工程部全面工作,制定设备维护计划",
				"负责工程部年度预算的编制", "协助安保部做好消防设施检查");
	}

	@Test
	void readsPostsNamedInPassing() {
		Extraction e = read("""
				青松物业服务有限公司岗位说明书
				一、机构设置
				公司下设工程部、客服部和安保部。各部设经理一名、副经理两名。
				二、工程部
				工程部编制20人,设主管1名、维修工程师6名。
				三、岗位说明
				岗位名称:安保部主管
				所属部门:安保部
				直接上级:安保部经理
				直接下级:监控员、门卫
				""").getFirst();
		assertThat(e.positions).extracting(p -> p.title).doesNotContain("经理", "副经理", "主管");
		for (String dept : List.of("工程部", "客服部", "安保部")) {
			assertThat(post(e, dept + "经理").unit).isSameAs(unit(e, dept));
			assertThat(post(e, dept + "经理").headcount).isEqualTo(1);
			assertThat(post(e, dept + "副经理").headcount).isEqualTo(2);
		}
		// a leader's title alone is named after its unit; other titles are kept as they are
		assertThat(post(e, "工程部主管").unit).isSameAs(unit(e, "工程部"));
		assertThat(post(e, "维修工程师").headcount).isEqualTo(6);
		// a 直接下级 list names posts, whatever their suffix, that report to the post described
		Extraction.Position guard = post(e, "门卫");
		assertThat(guard.unit).isSameAs(unit(e, "安保部"));
		assertThat(guard.reportsTo).isSameAs(post(e, "安保部主管"));
		assertThat(post(e, "监控员").reportsTo).isSameAs(post(e, "安保部主管"));
	}

	@Test
	void aPostTitledAfterAUnitSitsInItWhereverItIsDescribed() {
		Extraction e = read("""
				青松物业服务有限公司部门职责
				一、工程部
				1. 负责设备设施的维护保养。
				二、客服部
				1. 负责业主服务和收费管理。
				三、主要岗位职责
				(一)工程部经理
				1. 组织设备月度巡检;
				(二)客服部主管
				1. 审核服务工单的办结情况。
				""").getFirst();
		assertThat(post(e, "工程部经理").unit).isSameAs(unit(e, "工程部"));
		assertThat(post(e, "客服部主管").unit).isSameAs(unit(e, "客服部"));
		assertThat(texts(post(e, "工程部经理").duties)).containsExactly("组织设备月度巡检");
	}

	@Test
	void readsUnitsAndHeadcountsGivenByBelongingAndByParts() {
		Extraction e = read("""
				青松物业服务有限公司管理制度
				第一条 公司设工程部、客服部。
				第二条 公司人员编制为60人,其中工程部25人,客服部18人,综合办公室5人。
				第三条 维修组隶属于工程部,负责报修工单的上门处理,编制8人。
				""").getFirst();
		assertThat(unit(e, "工程部").plannedHeadcount).isEqualTo(25);
		assertThat(unit(e, "客服部").plannedHeadcount).isEqualTo(18);
		assertThat(unit(e, "综合办公室").plannedHeadcount).isEqualTo(5);
		Extraction.Unit repairs = unit(e, "维修组");
		assertThat(repairs.parent).isSameAs(unit(e, "工程部"));
		assertThat(repairs.plannedHeadcount).isEqualTo(8);
		assertThat(texts(repairs.duties)).containsExactly("负责报修工单的上门处理");
	}

	@Test
	void aCompanysRegisteredNameInATitleIsTheOrganisationAndTheLeadershipIsNoUnit() {
		Extraction e = read("""
				青松物业服务有限公司客服中心岗位说明书
				岗位名称:分管客服副总经理
				所属部门:公司领导
				岗位职责:
				1. 审定客服中心年度工作计划。
				岗位名称:客服中心主任
				所属部门:客服中心
				直接上级:分管客服副总经理
				岗位职责:
				1. 组织客服中心日常工作。
				""").getFirst();
		assertThat(e.name).isEqualTo("青松物业服务有限公司");
		assertThat(e.units).extracting(u -> u.name).containsExactlyInAnyOrder("青松物业服务有限公司", "客服中心");
		assertThat(unit(e, "客服中心").parent).isSameAs(e.root());
		assertThat(post(e, "分管客服副总经理").unit).isSameAs(e.root());
		assertThat(post(e, "客服中心主任").unit).isSameAs(unit(e, "客服中心"));
		assertThat(post(e, "客服中心主任").reportsTo).isSameAs(post(e, "分管客服副总经理"));
	}

}
