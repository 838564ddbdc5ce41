package org.orgraph.documents;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orgraph.documents.Extraction.Duty;
import org.orgraph.documents.Extraction.Position;
import org.orgraph.documents.Extraction.Source;
import org.orgraph.documents.Extraction.Unit;
import org.orgraph.documents.Extraction.Warning;

/**
 * Reads the lines of an org document into organisations. The rules follow how such documents
 * are written, not any one document: a title line (…组织架构, …管理制度, …岗位说明书) starts an
 * organisation; numbered headings (第一章, 第一条, 一、, (一), 1., 1.1, ①) and bullets nest; a
 * heading or list entry ending in a unit suffix (部, 室, 中心, 组, 办公室, 委员会, 分公司, 团队…)
 * is a unit, one ending in a post suffix (经理, 主管, 总监, 专员, 主任, 岗…) a post; list entries
 * under a unit or post are its duties, unless their section is about requirements, workflow,
 * authority, assessment or conduct; "X负责…" sentences are a holder's duties when it has no list;
 * 下设/设有/包括/由…组成 name units and posts, 隶属于/直接上级/向…汇报/协助 give parents and
 * reporting lines, 编制/定员/人数 N 人 headcounts and 由…兼任 concurrent posts. A reporting clause
 * (对X负责, 由X领导, 在X领导下) is a reporting line, never part of a title or duty; 各部设X一名 is one X
 * in each 部; a leader's bare title (设部长1名) is named after its unit.
 */
final class OrgDocumentExtractor {

	private static final int MAX_NAME = 20;

	private static final int MAX_DUTY = 300;

	private static final int MAX_EXCERPT = 1000;

	// ---- vocabulary of such documents (suffixes and key words, never one document's wording)

	private static final List<String> POST_SUFFIXES = List.of("总经理", "经理", "主管", "总监", "专员", "主任", "岗", "董事长",
			"董事", "监事", "部长", "科长", "处长", "组长", "店长", "厂长", "院长", "负责人", "领导", "助理", "秘书", "会计", "出纳",
			"顾问", "代表", "工程师", "分析师", "设计师", "策划师", "规划师", "老师", "教师", "人员", "创始人", "总裁", "主席", "官",
			"文员", "职员", "专家", "司机", "调度员", "管理员", "操作员", "业务员", "销售员", "客服", "前台", "员", "师");

	private static final List<String> UNIT_SUFFIXES = List.of("办公室", "委员会", "分公司", "子公司", "事业部", "部门", "中心", "团队",
			"小组", "管理层", "领导层", "董事会", "监事会", "股东会", "总店", "分店", "门店", "车间", "班组", "部", "室", "组", "科",
			"处", "所", "层");

	/** Bodies a company has under these names alone, with no prefix to tell them apart. */
	private static final Set<String> INSTITUTIONS = Set.of("董事会", "监事会", "股东会", "股东大会", "董事局", "理事会", "党委",
			"工会", "经理层");

	private static final Pattern NOT_A_NAME = Pattern.compile(
			"[,,。;;!?!?、“”\"《》]|的|给|把|对于|汇报|协助|确保|提高|负责(?!人)|包括|通过|需要|应当|应该|可以|进行|主要|以下|如下|各个|每个|一个|之间|成员|员工|全体|各|多个|几个|若干|工作人员|相关|其他|等$");

	private static final Pattern EXCLUDED_SECTION = Pattern.compile(
			"任职|资格|要求|条件|流程|步骤|程序|权限|权力|权利|考核|绩效|纪律|奖惩|处罚|附则|协作|协同|配合关系|沟通机制|工作时间|标准|指标|KPI|培训|晋升|薪酬|福利|做到|遵守|不得|禁止|严禁");

	/** A section title that is not about duties, at the start of a heading whatever follows it. */
	private static final Pattern GLUED_SECTION = Pattern.compile("^(?:\\p{IsHan}{2,8}的)?(?:工作流程|业务流程|工作程序|任职要求|任职资格|任职条件|岗位要求"
			+ "|工作权限|权力范围|权利范围|权限范围|考核指标|考核标准|协作关系|配合关系|沟通机制|部门协作|部门间协作)(?!的|优化|管理|改进|设计|制定|梳理|建设|再造|执行|监督|审核|审批)");

	/** "…与运营部的协作", "…和财务部之间的关系": what follows a unit's name when a heading is about two units. */
	private static final Pattern RELATION_HEADING = Pattern.compile(
			"^[与和及同跟][^,,。;;::]{2,20}?(?:的|之间的?)(?:协作|协同|关系|配合|沟通|合作|协调|接口)");

	private static final Pattern DUTY_SECTION = Pattern.compile("职责|职能|任务|工作内容");

	private static final Pattern NEUTRAL_HEADING = Pattern.compile(
			"(?:架构|结构|设置|配置|构成|组成|概况|概述|简介|背景|情况|说明|介绍|分工|原则|目标|体系|机制|制度|总则|附则|结语|总结|层级|部门|岗位|人员|团队|关系|范围|模式|方案|规划)[::]?$");

	private static final Pattern LIST_SECTION = Pattern.compile(
			"^.{0,6}(?:任职要求|任职资格|任职条件|岗位要求|工作流程|流程|权限|权力|权利|考核|职责|职能|工作内容)[::]?$");

	private static final Pattern RULE_ITEM = Pattern.compile("不得|严禁|禁止|不准|不允许|须遵守|应遵守");

	private static final Pattern DUTY_KEY = Pattern.compile(
			"^(?:其?(?:主要|具体|岗位|部门|工作|基本)?(?:职责|职能|任务)(?:包括|如下|有|是|为)?|工作内容|负责内容)$");

	private static final Pattern SUBJECT_DUTY_KEY = Pattern.compile(
			"^(.{2,40}?)的?(?:岗位|部门)?(?:主要|具体|基本)?(?:职责|职能|任务)(?:包括|如下|有|是|为)?$");

	private static final Pattern HEADCOUNT_KEY = Pattern.compile("^(?:人数|编制|定员|人员编制|编制人数|岗位编制|定编|人员数量)$");

	private static final Pattern POSTS_KEY = Pattern.compile("^(?:职位|岗位|岗位设置|职位设置|人员构成|主要岗位|人员)$");

	private static final Pattern TITLE_KEYWORD = Pattern.compile(
			"(?:组织架构|组织结构|架构图?|管理制度|规章制度|制度范本|制度|说明书|运行机制|管理机制|机制|方案|职责|职能)"
					+ "(?:(?:及|和|与|暨)[\\p{IsHan}]{0,8}?(?:职责|职能|编制|分工|方案|说明书|制度|职责说明|管理))?");

	private static final Pattern REPEATED_TITLE = Pattern.compile("[^,,。;;::!?!?、]{2,24}(?:组织|架构|说明书|制度|机制|方案|职责|职能)[^,,。;;::!?!?、]{0,8}");

	private static final Pattern NOT_TITLE = Pattern.compile("以下|本文|介绍|探讨|如下|是指|可以|需要|我们|通过|包括|一个|能够|^这|^该|^其");

	private static final Pattern TITLE_KIND = Pattern.compile("组织|架构|说明书|制度|机制|方案");

	private static final Pattern INTRO_WORD = Pattern.compile("^(?:引言|前言|概述|简介|总则|序言|导言)");

	private static final Pattern META_LINE = Pattern
		.compile("^[-•]?\\s*(?:格式|大小|文档页数|页数|下载|浏览|上传|作者|来源)[::]|^-\\s*\\d+\\s*-[。.]?$|^第\\s*\\d+\\s*页");

	private static final Pattern PRONOUN = Pattern.compile(
			"^(?:该部门|该岗位|该团队|该中心|本部门|本岗位|此部门|这个部门|该机构|其|他们|她们|它们|它|主要|具体|全面|还|也|则|同时|另外|此外)+$");

	/** Common surnames, single and double; a name is one of them and one or two more characters. */
	private static final Pattern PERSON = Pattern.compile("(?:欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|南宫|端木"
			+ "|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
			+ "金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄"
			+ "聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
			+ "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑"
			+ "郎甄丛仲虞敖巩明佘池查麻苑迟邝])\\p{IsHan}{1,2}");

	/** Words that start like a name but are not one ("高管", "全面", "安全"), and what a given name never holds. */
	private static final Pattern NOT_A_PERSON = Pattern.compile(
			"^(?:高管|高层|高级|常务|全面|全体|全部|安全|成本|文化|金融|方案|方面|程序|任务|任职|任命|关于|关键|应当|应急|和谐|时间|明确|车间|车辆"
					+ "|司机|管理|计划|项目|周期|季度|党委|党支部|公司|专人|其他|相关|华东|华南|华北|华中|江南|全国|全员|师傅|宁可|于是|向上|时效)"
					+ "|[人员部层务级门岗职副正处科室组等和及或]");

	private static final Set<String> SPLIT_WORDS = Set.of("组织", "组成", "组建", "组合", "部分", "部署", "部件", "处理", "处置", "处于",
			"科学", "科技", "室内", "所有", "所以", "所在", "层面", "层次", "员工");

	private static final String CN_NUM = "一二三四五六七八九十百零两";

	// markers: where a heading or list entry starts inside a line
	// the lookahead lets the engine skip, with one character test, the positions no marker starts at
	private static final Pattern MARKER = Pattern.compile(
			"(?=[第" + "一二三四五六七八九十百零两" + "((\\d①-⑳•●▪◆■□◇○·-])(?:(?<chapter>第[" + CN_NUM + "\\d]{1,4}[章节部分](?:[::、\\s]|(?=[\\p{IsHan}])))"
					+ "|(?<article>第[" + CN_NUM + "\\d]{1,4}条(?:[::、\\s]|(?=[\\p{IsHan}])))"
					+ "|(?<zh>[" + CN_NUM + "]{1,3}[、::](?!\\d))"
					+ "|(?<zhparen>[((][" + CN_NUM + "]{1,3}[))])"
					+ "|(?<num3>(?<![\\d.])\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}\\.?(?![\\d%])\\s?)"
					+ "|(?<num2>(?<![\\d.])\\d{1,2}\\.\\d{1,2}\\.?(?![\\d%])\\s?)"
					+ "|(?<num>(?<![\\d.])\\d{1,2}[.、．](?![\\d%])\\s?)"
					+ "|(?<paren>[((]\\d{1,2}[))])"
					+ "|(?<circled>[①-⑳])"
					+ "|(?<bullet>[•●▪◆■□◇○·](?:\\s?)|(?<![\\d\\w-])-(?![\\d-])\\s?))");

	private static final Set<String> ANYWHERE = Set.of("num3", "num2", "circled", "bullet", "paren");

	private static final Set<String> LIST_SCHEMES = Set.of("bullet", "paren", "circled");

	private static final Set<String> AFTER_BREAK = Set.of("chapter", "article", "zh", "zhparen", "num");

	private static final Pattern SECTION_START = Pattern.compile(
			"(?:岗位职责|部门职责|工作职责|主要职责|组织架构|组织结构|部门设置|岗位设置|任职要求|任职资格|工作流程|权限|权力范围|考核)");

	private static final Pattern RX_NOTE = Pattern.compile("[((][^))]*\\p{IsHan}{4,}[^))]*[))]$");
	private static final Pattern RX_LEAD = Pattern.compile("^(?:岗位职责|部门职责|其中|公司的?|设立|设置|以及|及|和|与|而|并且|还有|如|例如|比如|包括|主要有|分别是)");
	private static final Pattern RX_TAIL = Pattern.compile("(?:等部门|等岗位|等职位|等科室|等团队|等层级|等|一名|一人|若干名|若干)$");
	private static final Pattern RX_EDGES = Pattern.compile("^[-•\\s]+|[\\s。.,,;;::]+$");
	private static final Pattern RX_PAREN = Pattern.compile("[((][^))]{1,30}[))]$");
	private static final Pattern RX_EXEC = Pattern.compile("(?:CEO|COO|CFO|CTO|CIO|CMO|CHO|HRBP|VP)$");
	private static final Pattern RX_CLAUSE = Pattern.compile("[,,。;;::]");
	private static final Pattern RX_DUTY_INTRO = Pattern.compile("(?:主要|具体)?职责(?:包括|如下|有|是|为)?[::]");
	private static final Pattern RX_NAME_THEN_VERB = Pattern.compile("^([\\p{IsHan}A-Za-z()()]{2," + MAX_NAME
			+ "}?)(?=负责|是|主要|为|作为|包括|由|下设|设有|通常|承担|的主要职责|的职责|职责|具体|全面|-|•|\\s)");
	private static final Pattern RX_ITEM_MARK = Pattern.compile("^(?:[-•●▪◆■□◇○·]|[((]?\\d{1,2}[))]|\\d{1,2}[.、．]|[①-⑳])\\s*");
	private static final Pattern RX_ITEM_END = Pattern.compile("[\\s;;。.,,、::!!??]+$");

	/** What the word after 等 says the listed items are: "…等部门", "…等高层管理人员组成". */
	private static final Pattern UNIT_CLASSIFIER = Pattern.compile("^\\p{IsHan}{0,3}(?:部门|团队|科室|中心|机构|小组)(?:组成|构成)?$");

	private static final Pattern POST_CLASSIFIER = Pattern.compile("^\\p{IsHan}{0,4}(?:岗位|职位|职务|人员|干部)(?:组成|构成)?$");

	private static final Pattern ENUMERATED_OBJECTS = Pattern.compile("[,,]|包括|包含|例如|比如|诸如|等(?:方面|领域|事项|事务|内容)?的?(?:工作|业务|管理)$");

	private static final Pattern RX_CHART_GAP = Pattern.compile("[\\s\u3000|│┃]+");

	private static final Pattern SENTENCE_END = Pattern.compile("[。!?!?]");

	private static final Pattern LIST_VERB = Pattern.compile(
			"(下设|内设|分设|设有|设立了?|设置了?|分为|包括|包含|由|例如|比如|如(?!果|何|此|下|今|同|实|期))([^。;;]*?)(?:组成|构成|等([\\p{IsHan}]{0,6})|[。;;]|$)");

	private static final Pattern SET_POST = Pattern.compile("设([\\p{IsHan}A-Za-z]{1,10}?)([" + CN_NUM + "\\d]+|若干)[名人个]");

	private static final Pattern MORE_POSTS = Pattern.compile("[,,、]([\\p{IsHan}A-Za-z]{1,10}?)([" + CN_NUM + "\\d]+|若干)[名人个]");

	private static final Pattern HEADCOUNT = Pattern.compile(
			"(?:编制|定员|人数|定编|人员)[::为是]?\\s*(?:共|约)?\\s*(\\d{1,5}|[" + CN_NUM + "]{1,4})\\s*(?:人|名)");

	private static final Pattern CONCURRENT = Pattern.compile("([\\p{IsHan}A-Za-z()()]{2,20}?)(?:一职)?由([\\p{IsHan}A-Za-z()()]{2,20}?)兼任");

	private static final Pattern CONCURRENT_BY = Pattern.compile("由([\\p{IsHan}A-Za-z()()]{2,20}?)兼任");

	private static final Pattern REPORTS = Pattern.compile(
			"(?:直接上级|上级领导|汇报对象|直属上级)[::为是]?\\s*([\\p{IsHan}A-Za-z()()]{2,20})|向([\\p{IsHan}A-Za-z()()]{2,20}?)(?:汇报|报告|负责)"
					+ "|是([\\p{IsHan}A-Za-z()()]{2,20}?)的直接下属|协助([\\p{IsHan}A-Za-z()()]{2,20}?)(?:开展|处理|完成|制定|做好|的|工作|进行|管理)");

	private static final Pattern BELONGS = Pattern.compile("隶属于([\\p{IsHan}A-Za-z()()]{2,20}?)(?:[,,。;;]|$|管理|领导)");

	private static final Pattern FUNCTION_ENTRY = Pattern.compile("^([\\p{IsHan}]{2,6})[::]\\s*(负责.+)$");

	private static final Pattern STRUCTURE = Pattern.compile("^(?:这个\\p{IsHan}{0,2}|该\\p{IsHan}{0,2})?(?:包括|包含|由|下设|设有|分为|主要包括|通常包括|通常由)");

	/** What follows a holder's name when a sentence says what it does without 负责: adverbs, "在…中", a verb. */
	private static final Pattern NAMED_ACTION = Pattern.compile(
			"(?:主要|具体|全面|统一|还|也|同时|另外|则|专门|直接|定期|及时)*(?:在[^,,。;;]{1,15}?(?:中|下|上|方面))?"
					// only verbs that do not also make nouns with the name before them (运营管理, 公司组织架构)
					+ "(?:制定|制订|提供|进行|协调|监督|开展|编制|审核|审批|处理|维护|建立|完成|参与|落实|指导|收集|统筹|主持|承担"
					+ "|实施|推动|推进|检查|核算|办理|跟进|拓展|保障|监控)");

	/** "应", "应当", "要" (not 需要, 会): what a holder shall do, as 制度 documents say it. */
	private static final Pattern MODAL = Pattern.compile("(?:还|也|同时|则|主要)?(?:应当|应该|应|必须|须|要(?!求|是|有))(?!是|由)");

	private static final Pattern PRONOUN_SUBJECT = Pattern.compile("(?:他们|她们|该部门|本部门|该岗位|本岗位|该中心|本中心|该团队|这个部门)(?=\\p{IsHan})");

	private static final Pattern LEADER = Pattern.compile("(\\p{IsHan}{2,12}?)?的(领导|负责人|经理|主任|主管|总监|部长|科长)");

	private static final Pattern RESPONSIBLE = Pattern.compile("负责(?!人)");

	/**
	 * A reporting clause: "对X负责" (X the superior, not what is answered for), "由X领导", "在X(的)领导下",
	 * "受X领导". The clause is a reporting line, never part of a title or a duty.
	 */
	private static final Pattern REPORTING_CLAUSE = Pattern.compile(
			"对(?<to>[\\p{IsHan}A-Za-z]{2,20}?)负责(?=[,;。:]|$)"
					+ "|由(?<by>[\\p{IsHan}A-Za-z]{2,20}?)(?:直接)?领导(?=[,;。]|$)"
					+ "|在(?<under>[\\p{IsHan}A-Za-z]{2,20}?)的?(?:直接)?领导下(?:开展工作|工作)?"
					+ "|受(?<of>[\\p{IsHan}A-Za-z]{2,20}?)的?(?:直接)?领导");

	/** A verb that starts a duty and never a name: "主持院长办公室全面工作" is no unit 主持院长办公室. */
	private static final Pattern DUTY_VERB = Pattern.compile("^(?:主持|负责(?!人)|协助|配合|分管|督促|督办)");

	/** A registered company's full name and what follows it in a title. */
	private static final Pattern LEGAL_NAME = Pattern.compile("^(\\p{IsHan}{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团))(\\p{IsHan}{2,12})$");

	/** "其中A部10人,B部5人": the headcounts of a total's parts. */
	private static final Pattern PART_HEADCOUNT = Pattern.compile("([\\p{IsHan}A-Za-z]{2,20}?)(\\d{1,5}|[" + CN_NUM + "]{1,4})[人名]");

	/** A clause of a duty sentence that gives a headcount, not a duty: ",编制3人", ",计入…编制". */
	private static final Pattern HEADCOUNT_CLAUSE = Pattern.compile("[,;](?:编制|定员|定编|人员编制|计入)");

	/** "各部", "各部门", "各车间" at the end of what comes before 设: one post in each such unit. */
	private static final Pattern EACH_UNIT = Pattern.compile("各(\\p{IsHan}{1,4}?)(?:均|分别|各)?$");

	/** The leader's title alone, which a document names after its unit: 设部长1名 in 生产部 is 生产部部长. */
	private static final Pattern BARE_LEADER = Pattern.compile("^副?(?:经理|总经理|部长|主任|科长|处长|总监|主管|组长|站长|队长|所长)$");

	private enum SectionKind {
		NEUTRAL, DUTY, EXCLUDED
	}

	/** An open heading: a unit, a post, or a section of another kind. */
	private static final class Frame {

		final int level;

		@Nullable Unit unit;

		@Nullable Position post;

		SectionKind section = SectionKind.NEUTRAL;

		/** The heading's number as printed ("2.", "三、"), empty when it had none. */
		String marker = "";

		/** Whether list entries numbered like the heading itself were read under it. */
		boolean sameSchemeEntries;

		/** For an unnumbered "名称:" entry, the level of the heading it was read under (0 for none). */
		int outer;

		Frame(int level) {
			this.level = level;
		}

	}

	private record Fragment(String scheme, String marker, String text, int line, String excerpt) {
	}

	private OrgDocumentExtractor() {
	}

	static List<Extraction> extract(String file, List<DocumentLine> lines) {
		// the rules are written with ASCII punctuation; Chinese documents mostly use the full-width
		// forms (,:;()), which are read as ASCII and given back as printed in names, duties and excerpts
		Map<Integer, String> printed = new HashMap<>();
		List<DocumentLine> read = new ArrayList<>(lines.size());
		for (DocumentLine line : lines) {
			String half = halfWidth(line.text());
			if (!half.equals(line.text())) {
				printed.put(line.number(), line.text());
			}
			read.add(half.equals(line.text()) ? line : new DocumentLine(line.number(), half));
		}
		List<Segment> segments = segment(file, read);
		List<Extraction> out = new ArrayList<>();
		for (Segment s : segments) {
			Extraction e = new Reader(file, s, printed).read();
			if (e.units.size() + e.positions.size() > 1 || e.dutyCount() > 0) {
				out.add(e);
			}
		}
		return out;
	}

	// ---------------------------------------------------------------------------- segmentation

	private record Segment(String title, String name, int line, List<DocumentLine> lines) {
	}

	private static List<Segment> segment(String file, List<DocumentLine> lines) {
		List<Segment> segments = new ArrayList<>();
		String title = "";
		String name = fileStem(file);
		int start = 1;
		List<DocumentLine> current = new ArrayList<>();
		String previous = null;
		boolean first = true;
		for (DocumentLine raw : lines) {
			String text = raw.text().strip();
			if (text.isEmpty() || META_LINE.matcher(text).find()) {
				continue;
			}
			if (text.equals(previous)) {
				if (!text.equals(title) && !current.isEmpty() && current.getLast().text().equals(text)
						&& REPEATED_TITLE.matcher(text).matches() && !MARKER.matcher(text).lookingAt()) {
					// a short line about organisation, rules or duties printed twice on its own: the title of
					// the next document ("运营部管理机制不够完善"), even when it does not end in a title word
					current.removeLast();
					if (!current.isEmpty() || !title.isEmpty()) {
						segments.add(new Segment(title, name, start, current));
					}
					current = new ArrayList<>();
					title = text;
					name = nameFromTitle(text);
					start = raw.number();
				}
				continue; // a passage printed twice is read once
			}
			previous = text;
			String t = titleOf(text, first);
			first = false;
			if (t != null) {
				if (!current.isEmpty() || !title.isEmpty()) {
					segments.add(new Segment(title, name, start, current));
				}
				current = new ArrayList<>();
				title = t;
				name = nameFromTitle(t);
				start = raw.number();
				String rest = text.substring(t.length()).strip();
				while (rest.startsWith(t)) {
					rest = rest.substring(t.length()).strip(); // the title printed twice
				}
				if (!rest.isEmpty()) {
					current.add(new DocumentLine(raw.number(), rest));
				}
				continue;
			}
			current.add(new DocumentLine(raw.number(), text));
		}
		if (!current.isEmpty() || !title.isEmpty()) {
			segments.add(new Segment(title, name, start, current));
		}
		return segments;
	}

	/** The title at the start of a line, or null: a name followed by 组织架构 / 管理制度 / … */
	static @Nullable String titleOf(String text, boolean firstLine) {
		if (MARKER.matcher(text).lookingAt() || text.startsWith("-")) {
			return null;
		}
		Matcher m = TITLE_KEYWORD.matcher(text);
		while (m.find()) {
			if (m.end() > 40) {
				return null;
			}
			String title = text.substring(0, m.end());
			String rest = text.substring(m.end());
			if (m.start() < 2 || title.matches(".*[,,。;;::!?].*") || NOT_TITLE.matcher(title).find()) {
				continue;
			}
			boolean strongKind = TITLE_KIND.matcher(title).find();
			if (!strongKind && !firstLine) {
				continue;
			}
			if (rest.isBlank()) {
				return title.length() <= 36 ? title : null;
			}
			String r = rest.strip();
			if (",,。;;::!?、".indexOf(r.charAt(0)) >= 0) {
				return null;
			}
			if (MARKER.matcher(r).lookingAt() || INTRO_WORD.matcher(r).find()) {
				return title;
			}
			String head = r.length() >= 3 ? r.substring(0, 3) : r;
			if (title.contains(head) || r.startsWith("(") || r.startsWith("(")) {
				return title;
			}
			if (title.contains("组织架构") && m.group().length() > 4) {
				return title; // "…组织架构及人员编制" glued to its first sentence
			}
		}
		return null;
	}

	static String nameFromTitle(String title) {
		String name = title.replaceAll("^[((][^))]{1,6}[))]", "")
			.replaceAll("^\\d{4}年(?:度)?", "")
			.replaceAll("^(?:图解|浅谈|关于|论)", "");
		Matcher m = TITLE_KEYWORD.matcher(name);
		if (m.find() && m.start() >= 2) {
			name = name.substring(0, m.start());
		}
		name = name.replaceAll("(?:的|之|及|和|与)?(?:各项|几大项|几项|各类)$", "")
			.replaceAll("(?:的|之|及|和|与)$", "")
			.replaceAll("(?:人员|经营期人员|经营期|岗位|整体)+$", "")
			.replaceAll("(?:的|之)$", "");
		return name.length() >= 2 ? name : title;
	}

	/** Full-width ASCII forms and the ideographic space as their ASCII selves, one char for one. */
	static String halfWidth(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '\uFF01' && c <= '\uFF5E') {
				chars[i] = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				chars[i] = ' ';
			}
		}
		return new String(chars);
	}

	private static String fileStem(String file) {
		String name = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
		return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
	}

	// ------------------------------------------------------------------------------- reading

	private static final class Reader {

		private final String file;

		private final Segment segment;

		/** Lines as printed, by number, where they differ from the half-width text read. */
		private final Map<Integer, String> printed;

		private final Extraction out;

		private final Deque<Frame> stack = new ArrayDeque<>();

		private final Map<String, Integer> levels = new HashMap<>();

		private final Map<String, Integer> listLevels = new HashMap<>();

		private final Map<String, Unit> unitsByName = new HashMap<>();

		private final Map<String, List<Position>> postsByTitle = new HashMap<>();

		private final Map<Object, Set<String>> dutyNorms = new HashMap<>();
		private int skippedLists;

		/** The marker of the fragment being read. */
		private String marker = "";

		private final Map<String, String> firstExcerpt = new HashMap<>();

		Reader(String file, Segment segment, Map<Integer, String> printed) {
			this.file = file;
			this.segment = segment;
			this.printed = printed;
			// "某某股份有限公司研发中心管理制度": a registered company's full name, then the unit the document is about
			Matcher legal = LEGAL_NAME.matcher(segment.name());
			boolean part = legal.matches() && kindOf(legal.group(2)) == Kind.UNIT;
			String rootName = part ? legal.group(1) : segment.name();
			this.out = new Extraction(file, segment.title(), rootName, segment.line());
			Unit root = new Unit("U00", rootName, null, "organization", segment.line());
			this.out.units.add(root);
			this.unitsByName.put(norm(rootName), root);
			source("unit", root.key, segment.line(), segment.title().isEmpty() ? segment.name() : segment.title());
			if (part) {
				unit(legal.group(2), root, null);
			}
			else {
				for (int i = 1; i + 3 <= rootName.length(); i++) {
					String tail = rootName.substring(i);
					if (kindOf(tail) == Kind.UNIT) {
						this.unitsByName.putIfAbsent(norm(tail), root); // "燃气公司运营部" is also "运营部"
					}
				}
			}
		}

		Extraction read() {
			for (DocumentLine line : this.segment.lines()) {
				if (flattenedChart(line)) {
					continue;
				}
				for (Fragment f : fragments(line)) {
					fragment(f);
				}
			}
			finish();
			return this.out;
		}

		// ---- splitting a line at its markers

		private List<Fragment> fragments(DocumentLine line) {
			String text = line.text();
			List<Fragment> list = new ArrayList<>();
			Matcher m = MARKER.matcher(text);
			int cut = 0;
			String scheme = "";
			String marker = "";
			int from = 0;
			while (m.find(from)) {
				String group = groupOf(m);
				int at = m.start();
				boolean accepted = ANYWHERE.contains(group) || at == 0 || breakBefore(text, at)
						|| (AFTER_BREAK.contains(group) && !marker.isEmpty() && at - cut <= 12 && at > cut
								&& !group.equals("zh"));
				if (!accepted && AFTER_BREAK.contains(group)
						&& SECTION_START.matcher(text).region(m.end(), text.length()).lookingAt()) {
					accepted = true; // "…企划部二:岗位职责…": a numbered section title run into the text before it
				}
				if (group.equals("bullet") && text.charAt(at) == '-' && at > 0 && !breakBefore(text, at)
						&& !Character.isIdeographic(text.codePointBefore(at))) {
					accepted = false;
				}
				if (group.equals("paren") && at > 0 && !breakBefore(text, at) && !scheme.equals("paren")) {
					accepted = text.substring(0, at).matches(".*[::]\\s*$");
				}
				if (accepted) {
					if (at > cut || !marker.isEmpty()) {
						add(list, scheme, marker, text.substring(cut, at), line.number(), text.substring(Math.max(0, cut - marker.length()), at));
					}
					scheme = group;
					marker = m.group();
					cut = m.end();
				}
				from = Math.max(m.end(), at + 1);
			}
			add(list, scheme, marker, text.substring(cut), line.number(), text.substring(Math.max(0, cut - marker.length())));
			return list;
		}

		private static void add(List<Fragment> list, String scheme, String marker, String text, int line, String excerpt) {
			String t = text.strip();
			if (t.isEmpty() && marker.isEmpty()) {
				return;
			}
			String ex = excerpt.strip();
			list.add(new Fragment(scheme, marker.strip(), t, line, ex.length() > MAX_EXCERPT ? ex.substring(0, MAX_EXCERPT) : ex));
		}

		private static boolean breakBefore(String text, int at) {
			int i = at - 1;
			while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
				i--;
			}
			return i < 0 || ":;;。!?!?".indexOf(text.charAt(i)) >= 0 || (i < at - 1 && text.charAt(i) != ',');
		}

		private static String groupOf(Matcher m) {
			for (String g : List.of("chapter", "article", "zh", "zhparen", "num3", "num2", "num", "paren", "circled", "bullet")) {
				if (m.group(g) != null) {
					return g;
				}
			}
			return "";
		}

		private int level(String scheme) {
			// unnumbered name lines sit below numbered headings, "name: text" entries below both
			if (scheme.equals("bare")) {
				return 15;
			}
			if (scheme.equals("kv")) {
				return 100;
			}
			if (LIST_SCHEMES.contains(scheme)) {
				// list markers rank among themselves, always below numbered headings
				return this.listLevels.computeIfAbsent(scheme, s -> 20 + this.listLevels.size());
			}
			// numbered headings rank as Chinese documents number them (第一章 > 第一条 > 一、 > (一) > 1. > 1.1),
			// not by which one a document happens to use first (a "1." list before the first "一、" heading)
			return switch (scheme) {
				case "chapter" -> 1;
				case "article" -> 2;
				case "zh" -> 3;
				case "zhparen" -> 4;
				case "num" -> 5;
				case "num2" -> 6;
				case "num3" -> 7;
				default -> this.levels.computeIfAbsent(scheme, s -> 8 + this.levels.size());
			};
		}

		// ---- one fragment

		private void fragment(Fragment whole) {
			Position before = holder() instanceof Position p ? p : null;
			List<Reporting> reporting = new ArrayList<>();
			Fragment f = withoutReportingClauses(whole, reporting);
			if (!f.text().isEmpty() || !f.marker().isEmpty()) {
				read(f);
			}
			for (Reporting r : reporting) {
				reportsTo(r, before, f);
			}
		}

		/** A reporting clause taken out of a fragment: who (empty for the current post) answers to whom, and what it does. */
		private record Reporting(String subject, String boss, @Nullable String duty) {
		}

		/**
		 * The fragment without its reporting clauses (对X负责, 由X领导, 在X领导下, 受X领导), which are collected. When
		 * such a clause opens what a post does ("对X负责,主持…", "在X领导下,负责…"), the rest of the sentence is that
		 * post's duty.
		 */
		private Fragment withoutReportingClauses(Fragment f, List<Reporting> found) {
			String text = f.text();
			Matcher m = REPORTING_CLAUSE.matcher(text);
			StringBuilder kept = new StringBuilder();
			int last = 0;
			while (m.find()) {
				if (m.start() < last) {
					continue;
				}
				String raw = m.group("to") != null ? m.group("to")
						: m.group("by") != null ? m.group("by") : m.group("under") != null ? m.group("under") : m.group("of");
				String boss = trimName(raw);
				int clauseStart = m.start();
				while (clauseStart > last && ",;:。".indexOf(text.charAt(clauseStart - 1)) < 0) {
					clauseStart--;
				}
				String subject = text.substring(clauseStart, m.start()).strip();
				boolean subjectIsPost = !subject.isEmpty() && (kindOf(subject) == Kind.POST || subject.matches("^各\\p{IsHan}{2,8}$"));
				boolean bossNamed = kindOf(boss) == Kind.POST || known(boss) != null;
				if (!bossNamed && !subjectIsPost || !subject.isEmpty() && !subjectIsPost && m.group("to") != null) {
					continue; // "对本岗位工作质量负责": what it answers for, a duty
				}
				kept.append(text, last, m.start());
				last = m.end();
				String duty = null;
				if (last < text.length() && text.charAt(last) == ',' && (subjectIsPost || subject.isEmpty())) {
					int end = indexOfAny(text.substring(last), "。");
					end = end < 0 ? text.length() : last + end;
					String rest = text.substring(last + 1, end).strip();
					if (rest.startsWith("其")) {
						last += 2; // "对总裁负责,其主要职责是:": the duties follow
					}
					else if (!rest.isEmpty() && looksLikeDuty(cleanDuty(rest)) && !RX_DUTY_INTRO.matcher(rest).find()
							&& !rest.endsWith(":")) {
						duty = cleanDuty(rest);
						last = end;
					}
				}
				found.add(new Reporting(subject, boss, duty));
			}
			if (found.isEmpty()) {
				return f;
			}
			kept.append(text.substring(last));
			String t = kept.toString().replaceAll("^[,;。\\s]+", "").strip();
			return new Fragment(f.scheme(), f.marker(), t, f.line(), f.excerpt());
		}

		private void reportsTo(Reporting r, @Nullable Position current, Fragment f) {
			List<Position> subjects = r.subject().isEmpty() ? current == null ? List.of() : List.of(current)
					: postsNamed(r.subject(), f);
			for (Position s : subjects) {
				Position boss = findPost(r.boss());
				for (Position q : this.out.positions) {
					// "副总监对总监负责": the 总监 of the subordinate's own unit or one above it, titled after its unit
					if (boss == null && q.title.equals(q.unit.name + r.boss()) && isAncestor(q.unit, s.unit)) {
						boss = q;
					}
				}
				if (boss == null && kindOf(r.boss()) == Kind.POST) {
					boss = post(r.boss(), s.unit.parent != null ? s.unit.parent : this.out.root(), f);
				}
				if (boss != null && boss != s && !reportsUpTo(boss, s)) {
					s.reportsTo = boss;
					source("reportsTo", s.key, f.line(), f.excerpt());
				}
				if (r.duty() != null) {
					duty(s, r.duty(), f);
				}
			}
		}

		/** The posts a subject names: one post, or "各部经理" (each 部's 经理) for every post so named. */
		private List<Position> postsNamed(String subject, Fragment f) {
			Position p = findPost(subject);
			if (p != null) {
				return List.of(p);
			}
			if (subject.startsWith("各")) {
				List<Position> each = new ArrayList<>();
				String rest = subject.substring(1);
				for (Position q : this.out.positions) {
					for (int k = 1; k < rest.length(); k++) {
						if (q.title.equals(q.unit.name + rest.substring(k)) && groupedAs(q.unit, rest.substring(0, k))) {
							each.add(q);
						}
					}
				}
				return each;
			}
			return kindOf(subject) == Kind.POST ? List.of(post(subject, contextUnit(null), f)) : List.of();
		}

		/** Whether "各X" takes in a unit: 各部 and 各部门 each 部, 各车间 each 车间, 各组 each 组. */
		private boolean groupedAs(Unit u, String group) {
			if (u == this.out.root()) {
				return false;
			}
			String g = group.equals("部门") ? "部" : group.equals("科室") ? "科" : group;
			return u.name.endsWith(g) || group.equals("科室") && u.name.endsWith("室");
		}

		private void read(Fragment f) {
			this.marker = f.marker();
			String text = f.text();
			if (f.scheme().isEmpty()) {
				Entity e = headOf(text);
				if (e != null && e.rest.isEmpty() && (e.kind == Kind.UNIT || e.kind == Kind.POST) && !e.colon
						&& text.length() <= MAX_NAME) {
					// a line that is only a name: a heading without a number (Word heading styles)
					Frame frame = push(level("bare"));
					open(frame, e, f);
					return;
				}
				if (e != null && e.colon && e.kind != Kind.OTHER) {
					keyValue(e, f, level("kv"));
					return;
				}
				prose(text, f);
				return;
			}
			int level = level(f.scheme());
			Matcher intro = INTRO_WORD.matcher(text);
			if (intro.find()) {
				Frame frame = push(level);
				frame.section = SectionKind.NEUTRAL;
				prose(text.substring(intro.end()), f);
				return;
			}
			if (GLUED_SECTION.matcher(text).lookingAt()) {
				// "工作流程线上运营部的工作流程如下:": a section's title run into its first sentence
				Frame frame = push(level);
				frame.section = SectionKind.EXCLUDED;
				return;
			}
			Entity e = headOf(text);
			if (e != null && !e.colon && (e.rest.startsWith("的") && EXCLUDED_SECTION.matcher(e.rest.substring(0, Math.min(12, e.rest.length()))).find()
					|| RELATION_HEADING.matcher(e.rest).lookingAt())) {
				// "职能部门的协作关系…", "财务部的考核办法", "战略部与运营部的协作…": about the unit, not the unit
				Frame frame = push(level);
				frame.section = SectionKind.EXCLUDED;
				return;
			}
			String[] glued = e != null && e.kind == Kind.POST ? glued(e.name) : null;
			if (glued != null) {
				Frame unitFrame = push(level);
				unitFrame.unit = unit(glued[0], contextUnit(unitFrame), f);
				e = new Entity(glued[1], Kind.POST, e.rest, e.colon);
				level = level("kv");
			}
			if (e != null && (e.kind == Kind.UNIT || e.kind == Kind.POST)) {
				Frame frame = push(level);
				open(frame, e, f);
				if (!e.rest.isEmpty()) {
					rest(e.rest, f, e.colon);
				}
				return;
			}
			if (e != null && e.colon && e.kind != Kind.OTHER) {
				keyValue(e, f, level);
				return;
			}
			SectionKind section = sectionOf(text);
			boolean listed = LIST_SCHEMES.contains(f.scheme());
			// a short numbered line under a unit or post is a duty unless it reads like a section title
			boolean neutralHeading = text.length() <= 10
					&& (holder() == null || NEUTRAL_HEADING.matcher(firstClause(text)).find());
			if (section != null && isHeadingLike(text, f)
					&& (listed ? LIST_SECTION.matcher(text).matches()
							: section != SectionKind.NEUTRAL || neutralHeading)) {
				Frame frame = push(level);
				frame.section = section;
				String rest = e != null ? e.rest : "";
				if (!rest.isEmpty()) {
					prose(rest, f);
				}
				return;
			}
			if (f.scheme().equals("chapter") || f.scheme().equals("article")) {
				Frame frame = push(level);
				Object subject = leadingName(text);
				if (subject instanceof Unit u) {
					frame.unit = u;
				}
				else if (subject instanceof Position p) {
					frame.post = p;
				}
				frame.section = EXCLUDED_SECTION.matcher(firstClause(text)).find() ? SectionKind.EXCLUDED
						: DUTY_SECTION.matcher(firstClause(text)).find() ? SectionKind.DUTY : SectionKind.NEUTRAL;
				prose(text, f);
				return;
			}
			item(text, f, level);
		}

		private boolean isHeadingLike(String text, Fragment f) {
			return text.length() <= 16 && !text.contains(",") && !text.contains(",");
		}

		private static String firstClause(String text) {
			Matcher m = RX_CLAUSE.matcher(text);
			return m.find() ? text.substring(0, m.start()) : text;
		}

		private @Nullable SectionKind sectionOf(String text) {
			String head = firstClause(text);
			if (head.length() > 16) {
				return null;
			}
			if (EXCLUDED_SECTION.matcher(head).find()) {
				return SectionKind.EXCLUDED;
			}
			if (DUTY_SECTION.matcher(head).find()) {
				return SectionKind.DUTY;
			}
			return SectionKind.NEUTRAL;
		}

		private Frame push(int level) {
			while (!this.stack.isEmpty() && this.stack.peek().level >= level) {
				this.stack.pop();
			}
			Frame frame = new Frame(level);
			frame.marker = this.marker;
			frame.outer = this.stack.isEmpty() ? 0 : this.stack.peek().level;
			this.stack.push(frame);
			return frame;
		}

		private void open(Frame frame, Entity e, Fragment f) {
			if (e.kind == Kind.UNIT) {
				frame.unit = unit(e.name, contextUnit(frame), f);
			}
			else {
				frame.post = post(e.name, contextUnit(frame), f);
			}
		}

		/** The innermost unit above a frame (the organisation itself when none). */
		private Unit contextUnit(@Nullable Frame except) {
			for (Frame fr : this.stack) {
				if (fr == except) {
					continue;
				}
				if (fr.unit != null) {
					return fr.unit;
				}
				if (fr.post != null) {
					return fr.post.unit;
				}
			}
			return this.out.root();
		}

		private @Nullable Object holder() {
			for (Frame fr : this.stack) {
				if (fr.post != null) {
					return fr.post;
				}
				if (fr.unit != null) {
					return fr.unit;
				}
			}
			return null;
		}

		private boolean excluded() {
			for (Frame fr : this.stack) {
				if (fr.section == SectionKind.EXCLUDED) {
					return true;
				}
				if (fr.unit != null || fr.post != null) {
					return false;
				}
			}
			return false;
		}

		private boolean inDutySection() {
			for (Frame fr : this.stack) {
				if (fr.section == SectionKind.DUTY) {
					return true;
				}
			}
			return false;
		}

		// ---- "名称:…" entries

		private void keyValue(Entity e, Fragment f, int level) {
			String key = e.name;
			String value = e.rest;
			if (e.kind == Kind.DUTY_KEY) {
				Frame frame = push(level);
				frame.section = SectionKind.DUTY;
				Matcher subject = SUBJECT_DUTY_KEY.matcher(key.replaceAll("\\s", ""));
				String named = subject.matches() ? postName(trimName(subject.group(1))) : "";
				named = named.replaceAll("^.*[权的有对,,;;。]", ""); // "…有建议权分公司总经理岗位职责:" (text run together)
				if (named.matches("^(?:该|本|此|其|这|各|每).*")) {
					named = ""; // "该部门的主要职责包括": the current holder
				}
				Object h = named.isEmpty() ? null : known(named);
				if (h == null && kindOf(named) == Kind.POST) {
					h = post(named, contextUnit(frame), f); // "市场部经理岗位职责:"
				}
				else if (h == null && kindOf(named) == Kind.UNIT) {
					h = unit(named, contextUnit(frame), f);
				}
				if (h instanceof Unit u) {
					frame.unit = u;
				}
				else if (h instanceof Position p) {
					frame.post = p;
				}
				if (!value.isEmpty()) {
					dutyList(value, f, true);
				}
				return;
			}
			if (e.kind == Kind.EXCLUDED_KEY) {
				Frame frame = push(level);
				frame.section = SectionKind.EXCLUDED;
				return;
			}
			if (e.kind == Kind.HEADCOUNT_KEY) {
				Integer n = number(value.replaceAll("[人名约共\\s].*$", ""));
				if (n != null) {
					headcount(n, f);
				}
				return;
			}
			if (e.kind == Kind.POSTS_KEY) {
				for (String token : tokens(value)) {
					if (kindOf(token) == Kind.POST) {
						post(token, contextUnit(null), f);
					}
				}
				return;
			}
			if (e.kind == Kind.POST_NAME_KEY) {
				if (kindOf(value) != Kind.OTHER || value.length() <= MAX_NAME) {
					// a form's post name heads what follows (直接上级:, 岗位职责:, …), like a heading
					Frame frame = push(Math.min(level, level("bare")));
					frame.post = post(value.strip(), contextUnit(frame), f);
				}
				return;
			}
			if (e.kind == Kind.UNIT_NAME_KEY) {
				Object h = holder();
				if (kindOf(value.strip()) == Kind.POST && !value.strip().equals(this.out.root().name)) {
					return; // "所属部门:公司领导": the leadership, which sits in the organisation itself
				}
				if (h instanceof Position p && value.length() <= MAX_NAME) {
					Unit u = unit(value.strip(), this.out.root(), f);
					if (p.unit != u) {
						p.unit = u;
						source("parent", p.key, f.line(), f.excerpt());
					}
				}
				else if (value.length() <= MAX_NAME) {
					Frame frame = push(Math.min(level, level("bare")));
					frame.unit = unit(value.strip(), contextUnit(frame), f);
				}
				return;
			}
			if (e.kind == Kind.REPORTS_KEY) {
				Object h = holder();
				Position boss = findPost(value.strip());
				if (h instanceof Position p && boss == null && kindOf(value.strip()) == Kind.POST) {
					boss = post(value.strip(), p.unit == this.out.root() ? this.out.root() : p.unit.parent == null ? p.unit : p.unit.parent, f);
				}
				if (h instanceof Position p && boss != null && boss != p) {
					p.reportsTo = boss;
					source("reportsTo", p.key, f.line(), f.excerpt());
				}
				return;
			}
			if (e.kind == Kind.SUBORDINATES_KEY) {
				// "直接下级:A、B": every post named reports to this one, and sits in its unit unless named elsewhere
				if (holder() instanceof Position boss) {
					for (String token : tokens(value)) {
						// the key says they are posts, whatever their suffix ("水暖工")
						if (kindOf(token) == Kind.POST || kindOf(token) == Kind.OTHER && token.length() >= 2
								&& token.length() <= 8 && !NOT_A_NAME.matcher(token).find() && !token.matches(".*(?:无|暂无|不设).*")) {
							Position p = findPost(token) != null ? findPost(token) : post(token, boss.unit, f);
							if (p != boss && p.reportsTo == null && !reportsUpTo(boss, p)) {
								p.reportsTo = boss;
								source("reportsTo", p.key, f.line(), f.excerpt());
							}
						}
					}
				}
				return;
			}
			if (e.kind == Kind.HOLDER_KEY) {
				String name = personName(value);
				if (name != null && holder() instanceof Position p) {
					holds(person(name, f), p); // a job description form: 岗位名称:出纳, 任职人:张三
				}
				return;
			}
			if (e.kind == Kind.UNIT || e.kind == Kind.POST) {
				Frame frame = push(level);
				open(frame, e, f);
				String name = e.kind == Kind.POST ? personName(value) : null;
				if (name != null && frame.post != null) {
					holds(person(name, f), frame.post); // "总经理:张三"
				}
				else if (!value.isEmpty()) {
					rest(value, f, true);
				}
				return;
			}
			prose(key + ":" + value, f);
		}

		/** What follows a unit's or post's name in its heading or entry. */
		private void rest(String rest, Fragment f, boolean described) {
			Matcher dutyIntro = RX_DUTY_INTRO.matcher(rest);
			if (dutyIntro.find()) {
				prose(rest.substring(0, dutyIntro.start()), f);
				dutyList(rest.substring(dutyIntro.end()), f, true);
				return;
			}
			if (described && rest.length() <= MAX_DUTY) {
				prose(rest, f);
				String desc = cleanDuty(rest);
				// "包括人力资源、财务等部门,为运营团队提供支持": what it is made of, then what it does
				while (STRUCTURE.matcher(desc).find() || desc.matches("^(?:如|例如|比如).*")) {
					Matcher clause = RX_CLAUSE.matcher(desc);
					desc = clause.find() ? desc.substring(clause.end()).strip() : "";
				}
				Object h = holder();
				// a description with 负责 gave its duty through prose() already ("这个部门负责…" → "负责…")
				if (!desc.isEmpty() && h != null && looksLikeDuty(desc) && !STRUCTURE.matcher(desc).find()
						&& !RESPONSIBLE.matcher(desc).find()) {
					summary(h, desc, f);
				}
				return;
			}
			prose(rest, f);
		}

		// ---- list entries

		private void item(String text, Fragment f, int level) {
			// a list entry closes deeper list entries but opens nothing; an entry numbered like the heading
			// a "职责:" entry was read under (or a higher one) closes that entry too
			while (!this.stack.isEmpty() && this.stack.peek().level > level
					&& (this.stack.peek().level < 100 || this.stack.peek().outer >= level && this.stack.peek().outer < level("bare"))) {
				if (this.stack.peek().level == level("bare") && this.stack.stream().noneMatch(fr -> fr.level == level)) {
					break; // "财务部" on its own line (a Word heading), then "1. 编制预算": the list is the name's
				}
				this.stack.pop();
			}
			while (!this.stack.isEmpty() && this.stack.peek().level == level && this.stack.peek().unit == null
					&& this.stack.peek().post == null && this.stack.peek().section == SectionKind.NEUTRAL) {
				this.stack.pop();
			}
			Frame sibling = this.stack.peek();
			if (sibling != null && sibling.level == level && !sibling.sameSchemeEntries && !f.marker().isEmpty()
					&& f.marker().equals(nextMarker(sibling.marker))) {
				// "2. 运营团队 … 3. 流程管理…": the number after a heading's own is the next heading, not an
				// entry of its list (a list under "2." numbered the same way starts again at 1)
				this.stack.pop();
				if (sibling.unit != null || sibling.post != null) {
					Frame frame = push(level);
					frame.section = EXCLUDED_SECTION.matcher(firstClause(text)).find() ? SectionKind.EXCLUDED
							: SectionKind.NEUTRAL;
					prose(text, f);
					return;
				}
			}
			else if (sibling != null && sibling.level == level) {
				sibling.sameSchemeEntries = true;
			}
			if (excluded()) {
				return;
			}
			Object h = holder();
			if (h == null && !inDutySection()) {
				this.skippedLists++;
				prose(text, f);
				return;
			}
			if (h == null) {
				h = this.out.root();
			}
			Matcher function = FUNCTION_ENTRY.matcher(text);
			if (h instanceof Unit parent && function.matches() && keyKind(function.group(1)) == Kind.OTHER
					&& !NOT_A_NAME.matcher(function.group(1)).find()) {
				// "人力资源:负责招聘、培训…" in a unit's list: a function of the unit, with its duty
				Unit u = unit(function.group(1), parent, f);
				String d = cleanDuty(firstSentence(function.group(2)));
				if (u != parent && !d.isEmpty()) {
					duty(u, d, f);
					return;
				}
			}
			String first = firstSentence(text);
			String duty = cleanDuty(first.length() >= 4 ? first : text);
			if (duty.isEmpty() || RULE_ITEM.matcher(duty).find() || !looksLikeDuty(duty)) {
				prose(text, f);
				return;
			}
			duty(h, duty, f);
			if (first.length() < text.length()) {
				relations(text.substring(first.length()), f);
			}
		}

		private void dutyList(String value, Fragment f, boolean splitEnumeration) {
			if (excluded()) {
				return;
			}
			Object h = holder();
			if (h == null) {
				h = this.out.root();
			}
			String v = value.strip();
			if (v.isEmpty()) {
				return;
			}
			String[] parts = v.split("[;;]");
			List<String> items = new ArrayList<>();
			if (parts.length > 1) {
				items.addAll(List.of(parts));
			}
			else {
				String sentence = firstSentence(v);
				String[] enumeration = cleanDuty(sentence).split("、");
				// "制定章程、审议重大事项、选择高管" is three duties; "负责运营策划,包括推广、增长、内容等工作" one
				boolean split = splitEnumeration && enumeration.length >= 3 && !ENUMERATED_OBJECTS.matcher(sentence).find();
				for (String part : enumeration) {
					if (part.strip().length() < 4) {
						split = false;
					}
				}
				if (split) {
					items.addAll(List.of(enumeration));
				}
				else {
					items.add(sentence);
				}
			}
			for (String item : items) {
				String duty = cleanDuty(item);
				if (!duty.isEmpty() && !RULE_ITEM.matcher(duty).find()) {
					duty(h, duty, f);
				}
			}
		}

		// ---- prose

		private void prose(String text, Fragment f) {
			for (String sentence : sentences(text)) {
				relations(sentence, f);
				responsibilities(sentence, f);
			}
		}

		private void relations(String sentence, Fragment f) {
			belongs(sentence, f);
			Matcher hc = HEADCOUNT.matcher(sentence);
			if (hc.find()) {
				Integer n = number(hc.group(1));
				if (n != null) {
					// "质量组隶属于测试部,编制3人": the unit the sentence starts with, else the current holder
					Object subject = leadingName(sentence);
					headcount(n, subject != null && sentence.indexOf(hc.group()) > 0 ? subject : holder(), f);
				}
			}
			int parts = sentence.indexOf("其中");
			if (parts >= 0) {
				// "编制86人,其中产品部10人,开发部52人": each part's own headcount; a part first named here is a unit
				Object whole = leadingName(sentence);
				Unit in = whole instanceof Unit u ? u : subjectUnit(sentence.substring(0, parts));
				for (String clause : sentence.substring(parts + 2).split("[,、;]")) {
					Matcher m = PART_HEADCOUNT.matcher(clause.strip());
					if (m.matches() && kindOf(m.group(1)) == Kind.UNIT) {
						Unit u = unit(trimName(m.group(1)), in, f);
						Integer n = number(m.group(2));
						if (u != in && n != null && u.plannedHeadcount == null) {
							u.plannedHeadcount = n;
							source("headcount", u.key, f.line(), f.excerpt());
						}
					}
				}
			}
			Matcher set = SET_POST.matcher(sentence);
			while (set.find()) {
				String title = set.group(1).replaceAll("^(?:有|置|立)", "");
				if (kindOf(title) == Kind.POST) {
					setPosts(title, sentence.substring(0, set.start()), number(set.group(2)), f);
				}
			}
			set.reset();
			if (set.find()) {
				Matcher more = MORE_POSTS.matcher(sentence);
				int at = set.end();
				while (at < sentence.length() && more.region(at, sentence.length()).lookingAt()) {
					String title = more.group(1);
					if (kindOf(title) != Kind.POST) {
						break;
					}
					setPosts(title, sentence.substring(0, set.start()), number(more.group(2)), f);
					at = more.end();
				}
			}
			Matcher list = LIST_VERB.matcher(sentence);
			while (list.find()) {
				String verb = list.group(1);
				if (verb.equals("由") && list.group(2).contains(",")) {
					// "由副总经理分管,下设A、B": 由 names who leads; the list is the next verb's
					list.region(list.start() + 1, sentence.length());
					continue;
				}
				String subject = sentence.substring(0, list.start());
				List<String> tokens = tokens(list.group(2));
				// "包括人力资源、财务、IT等部门": the word after 等 says what the items are
				String classifier = list.group(3) == null ? "" : list.group(3);
				Kind forced = UNIT_CLASSIFIER.matcher(classifier).matches() ? Kind.UNIT
						: POST_CLASSIFIER.matcher(classifier).matches() ? Kind.POST : null;
				if (forced == null && !classifier.isEmpty() && !classifier.matches("^(?:组成|构成|职能|部分|方面|层级|层次).*")) {
					continue; // "由国资委、财政部等国家机构派出的代表组成": examples of something else
				}
				int named = 0;
				for (String t : tokens) {
					if (kindOf(t) == Kind.UNIT || kindOf(t) == Kind.POST
							|| (forced != null && t.length() <= 8 && !NOT_A_NAME.matcher(t).find())) {
						named++;
					}
				}
				boolean loose = verb.equals("包括") || verb.equals("包含") || verb.equals("由") || verb.endsWith("如");
				if (named == 0 || loose && named * 2 < tokens.size() || verb.endsWith("如") && list.group(3) == null) {
					continue;
				}
				Unit parent = subjectUnit(subject);
				for (String t : tokens) {
					Kind k = kindOf(t);
					if (k == Kind.OTHER && forced != null && t.length() <= 8 && !NOT_A_NAME.matcher(t).find()) {
						k = forced;
					}
					if (k == Kind.UNIT) {
						Unit u = unit(t, parent, f);
						if (u != parent && u.parent == this.out.root() && parent != this.out.root() && u != this.out.root()
								&& !isAncestor(u, parent)) {
							u.parent = parent;
						}
					}
					else if (k == Kind.POST) {
						post(t, parent, f);
					}
				}
			}
			Matcher conc = CONCURRENT.matcher(sentence);
			Matcher held = CONCURRENT_BY.matcher(sentence);
			if (!conc.find() && held.find()) {
				// "设总监一名,由副总经理兼任": the post named last before 由
				String before = sentence.substring(0, held.start());
				Position named = null;
				int at = -1;
				for (Position p : this.out.positions) {
					int i = before.lastIndexOf(p.title);
					if (i < 0 && p.title.startsWith(p.unit.name) && p.title.length() > p.unit.name.length()) {
						i = before.lastIndexOf(p.title.substring(p.unit.name.length())); // 设总监一名 for X中心总监
					}
					if (i > at) {
						at = i;
						named = p;
					}
				}
				Object h = holder();
				Position subject = named != null ? named : h instanceof Position hp ? hp : null;
				if (subject != null) {
					heldBy(subject, trimName(held.group(1)), f);
				}
			}
			else if (conc.find(0)) {
				String a = trimName(conc.group(1));
				if (kindOf(a) == Kind.POST) {
					heldBy(post(a, contextUnit(null), f), trimName(conc.group(2)), f);
				}
			}
			Matcher rep = REPORTS.matcher(sentence);
			while (rep.find()) {
				String bossName = null;
				for (int g = 1; g <= 4; g++) {
					if (rep.group(g) != null) {
						bossName = trimName(rep.group(g));
					}
				}
				Position boss = bossName == null ? null : findPost(bossName);
				Position subject = subjectPost(sentence.substring(0, rep.start()));
				if (boss != null && subject != null && boss != subject && subject.reportsTo == null
						&& !reportsUpTo(boss, subject)) {
					subject.reportsTo = boss;
					source("reportsTo", subject.key, f.line(), f.excerpt());
				}
			}
		}

		/** "X隶属于Y": X's parent is Y; a unit first named here is created under Y. */
		private void belongs(String sentence, Fragment f) {
			Matcher bel = BELONGS.matcher(sentence);
			if (bel.find()) {
				String parentName = trimName(bel.group(1));
				Unit parent = this.unitsByName.get(norm(parentName));
				if (parent == null && kindOf(parentName) == Kind.UNIT) {
					parent = unit(parentName, this.out.root(), f);
				}
				Object h = holder();
				String subject = trimName(sentence.substring(0, bel.start()));
				Unit child = this.unitsByName.get(norm(subject));
				if (child == null && parent != null && kindOf(subject) == Kind.UNIT && subject.length() <= 12) {
					child = unit(subject, parent, f);
				}
				if (child == null && h instanceof Unit u) {
					child = u;
				}
				if (parent != null && child != null && child != parent && !isAncestor(child, parent)) {
					child.parent = parent;
					source("parent", child.key, f.line(), f.excerpt());
				}
				else if (parent != null && h instanceof Position p) {
					p.unit = parent;
					source("parent", p.key, f.line(), f.excerpt());
				}
			}
		}

		/**
		 * "设经理一名": the post in the unit the sentence is about, named after the unit when the title is a
		 * leader's alone (设部长1名 in 生产部 is 生产部部长); "各部设经理一名" is one in each 部.
		 */
		private void setPosts(String title, String before, @Nullable Integer n, Fragment f) {
			Matcher each = EACH_UNIT.matcher(before);
			List<Unit> units = new ArrayList<>();
			if (each.find()) {
				for (Unit u : this.out.units) {
					if (groupedAs(u, each.group(1))) {
						units.add(u);
					}
				}
			}
			else {
				units.add(subjectUnit(before));
			}
			for (Unit u : units) {
				String t = u != this.out.root() && BARE_LEADER.matcher(title).matches() ? u.name + title : title;
				Position p = post(t, u, f);
				if (n != null && p.headcount == null) {
					p.headcount = n;
					source("headcount", p.key, f.line(), f.excerpt());
				}
			}
		}

		/**
		 * "X由Y兼任": Y is a post ("由副总经理兼任"), a person ("由李四兼任") or both ("由总经理张三兼任").
		 * X is held together with Y's post; a person named holds both.
		 */
		private void heldBy(Position subject, String by, Fragment f) {
			String name = personAtEnd(by);
			String postPart = name == null ? by : by.substring(0, by.length() - name.length());
			// the post named is usually one the document already has, elsewhere; one it has not sits above the subject
			Position other = postPart.isEmpty() || kindOf(postPart) != Kind.POST ? null
					: findPost(postPart) != null ? findPost(postPart)
							: post(postPart, subject.unit.parent != null ? subject.unit.parent : this.out.root(), f);
			Extraction.Person who = name == null ? null : person(name, f);
			if (other == null && who != null) {
				other = who.holds.stream().filter(p -> p != subject).findFirst().orElse(null);
			}
			if (who != null) {
				holds(who, subject);
				if (other != null) {
					holds(who, other);
				}
			}
			if (other != null && other != subject) {
				subject.concurrentWith = other;
				source("concurrentWith", subject.key, f.line(), f.excerpt());
			}
		}

		private Extraction.Person person(String name, Fragment f) {
			for (Extraction.Person p : this.out.people) {
				if (p.name.equals(name)) {
					return p;
				}
			}
			Extraction.Person p = new Extraction.Person(String.format(Locale.ROOT, "E%02d", this.out.people.size() + 1), name,
					f.line());
			this.out.people.add(p);
			source("person", p.key, f.line(), f.excerpt());
			return p;
		}

		private static void holds(Extraction.Person who, Position post) {
			if (!who.holds.contains(post)) {
				who.holds.add(post);
			}
		}

		private boolean reportsUpTo(Position from, Position target) {
			Position p = from;
			for (int i = 0; i < 64 && p != null; i++) {
				if (p == target) {
					return true;
				}
				p = p.reportsTo;
			}
			return false;
		}

		private static boolean isAncestor(Unit candidate, Unit of) {
			Unit u = of;
			for (int i = 0; i < 64 && u != null; i++) {
				if (u == candidate) {
					return true;
				}
				u = u.parent;
			}
			return false;
		}

		/** "X负责…" sentences: the duty of X (a known unit or post, or the current one). */
		private void responsibilities(String sentence, Fragment f) {
			if (excluded()) {
				return;
			}
			Matcher m = RESPONSIBLE.matcher(sentence);
			List<int[]> starts = new ArrayList<>();
			List<Object> holders = new ArrayList<>();
			while (m.find()) {
				int clauseStart = lastClauseBreak(sentence, m.start());
				String subject = sentence.substring(clauseStart, m.start()).strip();
				Object h = resolveSubject(subject, clauseStart == 0 ? null : sentence.substring(0, clauseStart), f);
				if (h != null) {
					// "全面负责…", "具体负责…": the adverb belongs to the duty
					int from = subject.matches("^(?:全面|具体|统一)$") ? clauseStart : m.start();
					starts.add(new int[] { clauseStart, from });
					holders.add(h);
				}
			}
			// "行政助理提供全方位的行政支持,会计主要进行账务核对": a named holder, then what it does
			for (int at = 0; at < sentence.length(); at = nextClause(sentence, at)) {
				int clauseStart = at;
				if (starts.stream().anyMatch(st -> st[0] == clauseStart)) {
					continue;
				}
				String clause = sentence.substring(at);
				Matcher leader = LEADER.matcher(clause);
				Object h = leader.lookingAt() ? leaderOf(leader, f) : null;
				int len = h == null ? 0 : leader.end();
				if (h == null) {
					len = knownPrefix(clause);
					h = len > 0 ? known(clause.substring(0, len)) : null;
				}
				Matcher pronoun = PRONOUN_SUBJECT.matcher(clause);
				if (h == null && pronoun.lookingAt()) {
					h = holder();
					len = pronoun.end();
				}
				if (h == null) {
					continue;
				}
				int from = -1;
				Matcher modal = MODAL.matcher(clause).region(len, clause.length());
				if (modal.lookingAt()) {
					from = at + modal.end(); // "运营中心要与其他部门密切合作": what it shall do, without "要"
				}
				else if (NAMED_ACTION.matcher(clause).region(len, clause.length()).lookingAt()) {
					from = at + len;
				}
				// a two-character organisation name ("运营") is a word of many sentences, not their subject
				boolean bareWord = h == this.out.root() && len <= 2;
				if (from >= 0 && !bareWord) {
					int i = 0;
					while (i < starts.size() && starts.get(i)[0] < at) {
						i++;
					}
					starts.add(i, new int[] { at, from });
					holders.add(i, h);
				}
			}
			for (int i = 0; i < starts.size(); i++) {
				int from = starts.get(i)[1];
				int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : sentence.length();
				String text = sentence.substring(from, to);
				Matcher count = HEADCOUNT_CLAUSE.matcher(text);
				String duty = cleanDuty(count.find() ? text.substring(0, count.start()) : text);
				if (duty.length() >= 4 && !RULE_ITEM.matcher(duty).find() && !HEADCOUNT.matcher(duty).lookingAt()) {
					summary(holders.get(i), duty, f);
				}
			}
		}

		private static int nextClause(String s, int from) {
			for (int i = from; i < s.length(); i++) {
				if (",,;;".indexOf(s.charAt(i)) >= 0) {
					return i + 1;
				}
			}
			return s.length();
		}

		/** "运营中心的领导" (or "…的领导" after the unit's name): the post that leads a unit, named after it. */
		private @Nullable Position leaderOf(Matcher leader, Fragment f) {
			Object u = leader.group(1) == null ? contextUnit(null) : known(leader.group(1));
			return u instanceof Unit unit ? post(unit.name + leader.group(2), unit, f) : null;
		}

		/** The length of the longest known unit or post name a text starts with, 0 when none. */
		private int knownPrefix(String text) {
			for (int len = Math.min(MAX_NAME, text.length()); len >= 2; len--) {
				if (known(text.substring(0, len)) != null) {
					return len;
				}
			}
			return 0;
		}

		private static int lastClauseBreak(String s, int before) {
			for (int i = before - 1; i >= 0; i--) {
				if (",,;;::".indexOf(s.charAt(i)) >= 0) {
					return i + 1;
				}
			}
			return 0;
		}

		private @Nullable Object resolveSubject(String subject, @Nullable String before, Fragment f) {
			String s = subject.replaceAll("(?:主要|具体|全面|还|也|则|都|将|同时|通常)+$", "")
				.replaceAll("的(?:主要)?(?:任务|职责|职能)(?:是|为|在于)$", "") // "运营中心的任务是负责…"
				.strip();
			if (s.isEmpty() || PRONOUN.matcher(s).matches()) {
				Matcher leader = before == null ? null : LEADER.matcher(before);
				if (leader != null && leader.lookingAt()) {
					Position p = leaderOf(leader, f);
					if (p != null) {
						return p; // "运营中心的领导由公司任命,负责…"
					}
				}
				if (before != null && STRUCTURE.matcher(before).find()) {
					// "领导层:包括总监和副总监,负责…": what it is made of, then what it does
					Object h = holder();
					return h != null ? h : this.out.root();
				}
				if (before != null) {
					// "X是…的部门,负责…": the subject of the sentence
					String head = before.replaceAll("(?:是|作为|为|隶属于|隶属).*$", "").strip();
					Object h = known(head);
					if (h != null) {
						return h;
					}
					if (!head.isEmpty() && !PRONOUN.matcher(head).matches()) {
						return null;
					}
				}
				Object h = holder();
				return h != null ? h : this.out.root();
			}
			Object h = known(s);
			if (h != null) {
				return h;
			}
			Kind k = kindOf(s);
			if (s.length() <= 12 && k == Kind.UNIT) {
				return unit(s, contextUnit(null), f);
			}
			if (s.length() <= 12 && k == Kind.POST) {
				return post(s, contextUnit(null), f);
			}
			return null;
		}

		/** The known unit or post a sentence starts with ("运营部应…", "财务经理负责…"). */
		private @Nullable Object leadingName(String text) {
			for (int len = Math.min(MAX_NAME, text.length()); len >= 2; len--) {
				Object h = known(text.substring(0, len));
				if (h != null) {
					return h;
				}
			}
			return null;
		}

		private @Nullable Object known(String name) {
			String n = norm(name);
			if (n.isEmpty()) {
				return null;
			}
			List<Position> posts = this.postsByTitle.get(n);
			if (posts != null) {
				return posts.getFirst();
			}
			Unit u = this.unitsByName.get(n);
			if (u == null && n.endsWith("部门")) {
				u = this.unitsByName.get(n.substring(0, n.length() - 1)); // 技术部门 is 技术部
			}
			else if (u == null && n.endsWith("部")) {
				u = this.unitsByName.get(n + "门");
			}
			return u;
		}

		private Unit subjectUnit(String subject) {
			String s = trimName(subject.replaceAll("^.*[,,;;::]", ""));
			Unit u = this.unitsByName.get(norm(s));
			if (u != null) {
				return u;
			}
			Object h = holder();
			if (h instanceof Unit hu) {
				return hu;
			}
			return contextUnit(null);
		}

		private @Nullable Position subjectPost(String subject) {
			String s = trimName(subject.replaceAll("^.*[,,。]", ""));
			Position p = findPost(s);
			if (p != null) {
				return p;
			}
			Object h = holder();
			return h instanceof Position hp ? hp : null;
		}

		private @Nullable Position findPost(String title) {
			List<Position> posts = this.postsByTitle.get(norm(title));
			return posts == null ? null : posts.getFirst();
		}

		// ---- flattened org charts: a line of box labels

		private boolean flattenedChart(DocumentLine line) {
			String text = line.text().strip();
			if (text.indexOf(' ') < 0 && text.indexOf('\u3000') < 0 && text.indexOf('\t') < 0 && text.indexOf('|') < 0
					&& text.indexOf('│') < 0) {
				return false;
			}
			String[] tokens = RX_CHART_GAP.split(text);
			if (tokens.length < 3) {
				return false;
			}
			int named = 0;
			for (String t : tokens) {
				if (t.length() > 12) {
					return false;
				}
				if (kindOf(t) != Kind.OTHER) {
					named++;
				}
			}
			if (named * 10 < tokens.length * 6) {
				return false;
			}
			Fragment f = new Fragment("", "", line.text(), line.number(), line.text().strip());
			for (String t : tokens) {
				Kind k = kindOf(t);
				if (k == Kind.UNIT) {
					unit(t, contextUnit(null), f);
				}
				else if (k == Kind.POST) {
					post(t, contextUnit(null), f);
				}
			}
			return true;
		}

		// ---- building

		private Unit unit(String name, Unit parent, @Nullable Fragment f) {
			String n = norm(name);
			Unit existing = this.unitsByName.get(n);
			if (existing != null) {
				return existing;
			}
			String rootName = norm(this.out.root().name);
			if (rootName.endsWith(n) && this.out.units.size() == 1 && n.length() >= 2) {
				return this.out.root();
			}
			Unit u = new Unit(String.format(Locale.ROOT, "U%02d", this.out.units.size()),
					f == null ? name : asPrinted(f.line(), name), parent, unitKind(name),
					f == null ? this.segment.line() : f.line());
			this.out.units.add(u);
			this.unitsByName.put(n, u);
			if (f != null) {
				source("unit", u.key, f.line(), f.excerpt());
			}
			return u;
		}

		private Position post(String rawTitle, Unit unit, @Nullable Fragment f) {
			String title = postName(rawTitle);
			String n = norm(title);
			List<Position> same = this.postsByTitle.get(n);
			if (same != null) {
				for (Position p : same) {
					if (p.unit == unit || unit == this.out.root()) {
						return p;
					}
				}
				if (same.getFirst().unit == this.out.root()) {
					Position p = same.getFirst();
					p.unit = unit;
					return p;
				}
			}
			Position p = new Position(String.format(Locale.ROOT, "P%02d", this.out.positions.size() + 1),
					f == null ? title : asPrinted(f.line(), title), unit,
					f == null ? this.segment.line() : f.line());
			this.out.positions.add(p);
			this.postsByTitle.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
			if (f != null) {
				source("position", p.key, f.line(), f.excerpt());
			}
			return p;
		}

		private void headcount(int n, Fragment f) {
			headcount(n, holder(), f);
		}

		private void headcount(int n, @Nullable Object h, Fragment f) {
			if (h instanceof Position p && p.headcount == null) {
				p.headcount = n;
				source("headcount", p.key, f.line(), f.excerpt());
			}
			else if (h instanceof Unit u && u.plannedHeadcount == null) {
				u.plannedHeadcount = n;
				source("headcount", u.key, f.line(), f.excerpt());
			}
		}

		private void duty(Object holder, String text, Fragment f) {
			if (!this.dutyNorms.computeIfAbsent(holder, k -> new HashSet<>()).add(norm(text))) {
				return; // printed twice
			}
			List<Duty> list = holder instanceof Position p ? p.duties : ((Unit) holder).duties;
			String key = (holder instanceof Position p ? p.key : ((Unit) holder).key) + "-D" + (list.size() + 1);
			list.add(new Duty(key, asPrinted(f.line(), text), f.line()));
			source("duty", key, f.line(), f.excerpt());
		}

		private void summary(Object holder, String text, Fragment f) {
			List<Duty> list = holder instanceof Position p ? p.summaries : ((Unit) holder).summaries;
			for (Duty d : list) {
				if (norm(d.text).equals(norm(text))) {
					return;
				}
			}
			list.add(new Duty(f.excerpt(), text, f.line()));
		}

		private void finish() {
			for (Unit u : this.out.units) {
				if (u.duties.isEmpty()) {
					for (Duty s : u.summaries) {
						duty(u, s.text, new Fragment("", "", s.text, s.line, s.key));
					}
				}
			}
			for (Position p : this.out.positions) {
				if (p.duties.isEmpty()) {
					for (Duty s : p.summaries) {
						duty(p, s.text, new Fragment("", "", s.text, s.line, s.key));
					}
				}
				if (p.reportsTo == p) {
					p.reportsTo = null;
				}
			}
			for (Position p : this.out.positions) {
				// "质量部经理" listed under 主要岗位职责, outside 质量部's section: the unit its title names
				Unit named = unitNamedBy(p.title);
				if (named != null && named != p.unit && (p.unit == this.out.root() || isAncestor(p.unit, named))) {
					p.unit = named;
				}
			}
			Set<String> placed = new HashSet<>();
			for (Source s : this.out.sources) {
				if (s.kind().equals("parent")) {
					placed.add(s.key());
				}
			}
			for (Unit u : this.out.units) {
				// a parent from nesting: the unit's own heading is where it shows
				if (u.parent != null && u.parent != this.out.root() && !placed.contains(u.key)) {
					source("parent", u.key, u.line, excerptOf(u.key));
				}
			}
			if (this.skippedLists > 0) {
				this.out.warnings.add(new Warning(this.file, this.segment.line(), "SKIPPED_LIST", this.skippedLists
						+ " list entries under no unit or post and outside any duty section were not read as duties"));
			}
		}

		/** The unit a post's title starts with, the rest being a post's title ("质量部经理"), or null. */
		private @Nullable Unit unitNamedBy(String title) {
			for (int len = Math.min(MAX_NAME, title.length() - 2); len >= 2; len--) {
				Unit u = this.unitsByName.get(norm(title.substring(0, len)));
				if (u != null && u != this.out.root() && kindOf(title.substring(len)) == Kind.POST) {
					return u;
				}
			}
			return null;
		}

		/** Text read from a line as the line prints it (full-width punctuation kept). */
		private String asPrinted(int line, String read) {
			String printed = this.printed.get(line);
			if (printed == null) {
				return read;
			}
			int at = halfWidth(printed).indexOf(read);
			return at < 0 ? read : printed.substring(at, at + read.length());
		}

		private String excerptOf(String key) {
			return this.firstExcerpt.getOrDefault(key, "");
		}

		private void source(String kind, String key, int line, String read) {
			String excerpt = asPrinted(line, read);
			this.out.sources.add(new Source(kind, key, this.file, line, excerpt));
			this.firstExcerpt.putIfAbsent(key, excerpt);
		}

	}

	// ------------------------------------------------------------------------------ names

	enum Kind {
		UNIT, POST, DUTY_KEY, EXCLUDED_KEY, HEADCOUNT_KEY, POSTS_KEY, POST_NAME_KEY, UNIT_NAME_KEY, REPORTS_KEY, SUBORDINATES_KEY, HOLDER_KEY, OTHER
	}

	/** A name at the start of a heading or entry, and what follows it. */
	record Entity(String name, Kind kind, String rest, boolean colon) {
	}

	static @Nullable Entity headOf(String text) {
		String t = text.strip();
		if (t.isEmpty()) {
			return null;
		}
		int colon = indexOfAny(t, "::");
		if (colon > 0 && colon <= 40) {
			String key = t.substring(0, colon).strip();
			String rest = t.substring(colon + 1).strip();
			Kind k = keyKind(key);
			if (k != Kind.OTHER) {
				return new Entity(key, k, rest, true);
			}
			k = kindOf(key);
			if (k != Kind.OTHER) {
				return new Entity(trimName(key), k, rest, true);
			}
			if (!NOT_A_NAME.matcher(key).find() && key.length() <= 12) {
				return new Entity(key, Kind.OTHER, rest, true);
			}
		}
		if (DUTY_VERB.matcher(t).lookingAt()) {
			return null; // "主持办公室全面工作": a duty naming a unit
		}
		// "财务部财务部负责…": a heading glued to its first sentence, which repeats it
		for (int len = Math.min(MAX_NAME, t.length() / 2); len >= 2; len--) {
			String head = t.substring(0, len);
			if (t.startsWith(head, len) && kindOf(head) != Kind.OTHER) {
				return new Entity(head, kindOf(head), t.substring(len).strip(), false);
			}
		}
		if (t.length() <= MAX_NAME && kindOf(t) != Kind.OTHER) {
			return new Entity(trimName(t), kindOf(t), "", false);
		}
		// "高级管理层互联网运营管理组织的高级管理层通常由…": a heading glued to a sentence that names it again
		for (int len = 2; len <= Math.min(MAX_NAME, t.length() - 1); len++) {
			String head = t.substring(0, len);
			int again = t.indexOf(head, len);
			if (again > len && again <= len + 25 && kindOf(head) != Kind.OTHER && !splitsAWord(t, len)) {
				// the longest such name: "战略规划部门…战略规划部门" is 战略规划部门, not 战略规划部
				for (int longer = len + 1; longer <= Math.min(MAX_NAME, t.length() - 1); longer++) {
					String h = t.substring(0, longer);
					int a = t.indexOf(h, longer);
					if (a > longer && a <= longer + 25 && kindOf(h) == kindOf(head)) {
						head = h;
						len = longer;
					}
				}
				return new Entity(head, kindOf(head), t.substring(len).strip(), false);
			}
		}
		// "部门领导•负责…", "运营部负责…": the longest name followed by a word that starts a sentence
		Matcher m = RX_NAME_THEN_VERB.matcher(t);
		String best = null;
		int from = 0;
		while (m.find(from)) {
			String cand = m.group(1);
			if (kindOf(cand) != Kind.OTHER) {
				best = cand;
				break;
			}
			from = m.start() + 1;
			if (from > 0) {
				break;
			}
		}
		if (best != null) {
			return new Entity(best, kindOf(best), t.substring(best.length()).strip(), false);
		}
		return null;
	}

	/** A Chinese personal name as the whole of a text ("张三", "欧阳明 女士"), or null. */
	static @Nullable String personName(String raw) {
		String t = RX_EDGES.matcher(raw.strip()).replaceAll("").replaceAll("\\s*(?:先生|女士|同志|\\(兼\\)|(兼))$", "");
		Matcher m = PERSON.matcher(t);
		if (!m.matches() || kindOf(t) != Kind.OTHER || NOT_A_NAME.matcher(t).find() || NOT_A_PERSON.matcher(t).find()) {
			return null;
		}
		return t;
	}

	/** "总经理张三": the person named at the end of a post, or null. */
	static @Nullable String personAtEnd(String text) {
		for (int len = Math.min(4, text.length()); len >= 2; len--) {
			String tail = text.substring(text.length() - len);
			String head = text.substring(0, text.length() - len);
			if (personName(tail) != null && (head.isEmpty() || kindOf(head) == Kind.POST)) {
				return tail;
			}
		}
		return null;
	}

	/** Whether a name cut from a text at {@code end} ends inside a word: 组织, 部分, 处理 are no 组, 部, 处. */
	static boolean splitsAWord(String text, int end) {
		return end > 0 && end < text.length() && SPLIT_WORDS.contains(text.substring(end - 1, end + 1));
	}

	/** "招商运营部门招商总监": a unit's heading glued to its first post. */
	static String @Nullable [] glued(String name) {
		for (String suffix : List.of("部门", "团队", "管理层", "领导层", "办公室", "中心", "委员会", "小组")) {
			int at = name.indexOf(suffix);
			if (at >= 1) {
				String unit = name.substring(0, at + suffix.length());
				String post = name.substring(at + suffix.length());
				if (post.length() >= 3 && kindOf(post) == Kind.POST && kindOf(unit) == Kind.UNIT) {
					return new String[] { unit, post };
				}
			}
		}
		return null;
	}

	private static Kind keyKind(String key) {
		String k = key.replaceAll("\\s", "");
		if (DUTY_KEY.matcher(k).matches()) {
			return Kind.DUTY_KEY;
		}
		Matcher subject = SUBJECT_DUTY_KEY.matcher(k);
		if (subject.matches() && kindOf(subject.group(1)) != Kind.OTHER) {
			return Kind.DUTY_KEY;
		}
		if (k.matches("^(?:任职要求|任职资格|任职条件|岗位要求|工作权限|权限|权力|权利|权力范围|考核|考核指标|考核内容|工作流程|流程|工作关系|协作关系|内部关系|外部关系|工作环境|学历|经验|技能|知识|能力要求|素质要求"
				+ "|教育背景|培训经历|工作经验|工作经历|个性特征|性格特征|专业|年龄|性别|身体状况|资格证书|专业知识|技能要求|学历要求|经验要求)$")) {
			return Kind.EXCLUDED_KEY;
		}
		if (HEADCOUNT_KEY.matcher(k).matches()) {
			return Kind.HEADCOUNT_KEY;
		}
		if (POSTS_KEY.matcher(k).matches()) {
			return Kind.POSTS_KEY;
		}
		if (k.matches("^(?:岗位名称|职位名称|岗位|职务|职务名称)$")) {
			return Kind.POST_NAME_KEY;
		}
		if (k.matches("^(?:所属部门|所在部门|部门名称|部门|所属单位)$")) {
			return Kind.UNIT_NAME_KEY;
		}
		if (k.matches("^(?:直接上级|上级|汇报对象|直属上级|上级岗位|汇报上级)$")) {
			return Kind.REPORTS_KEY;
		}
		if (k.matches("^(?:直接下级|下级|直接下属|下属|下级岗位|直接下级岗位|下属岗位)$")) {
			return Kind.SUBORDINATES_KEY;
		}
		if (k.matches("^(?:姓名|任职人|任职者|在岗人员|现任|现任人员|员工姓名|人员姓名|负责人姓名)$")) {
			return Kind.HOLDER_KEY;
		}
		return Kind.OTHER;
	}

	static Kind kindOf(String raw) {
		String name = trimName(raw);
		String bare = RX_PAREN.matcher(name).replaceAll("");
		if (name.length() < 2 || bare.length() > MAX_NAME || name.length() > 2 * MAX_NAME
				|| NOT_A_NAME.matcher(bare).find()) {
			return Kind.OTHER;
		}
		if (RX_EXEC.matcher(bare).find()) {
			return Kind.POST;
		}
		if (INSTITUTIONS.contains(bare)) {
			return Kind.UNIT;
		}
		if (bare.length() < 2) {
			return Kind.OTHER;
		}
		for (String s : UNIT_SUFFIXES) {
			if (bare.endsWith(s) && bare.length() > s.length()) {
				// "…部长" is a post, "…部" a unit; check posts ending in a unit word first
				for (String p : POST_SUFFIXES) {
					if (bare.endsWith(p) && p.length() > s.length()) {
						return Kind.POST;
					}
				}
				return Kind.UNIT;
			}
		}
		for (String s : POST_SUFFIXES) {
			if (bare.endsWith(s) && (bare.length() > s.length() || s.length() >= 2)) {
				return Kind.POST;
			}
		}
		return Kind.OTHER;
	}

	/** "运营总监(运营部经理辅助总监工作)" is 运营总监; "首席运营官(COO)" keeps its abbreviation. */
	static String postName(String raw) {
		return RX_NOTE.matcher(raw).replaceAll("").strip();
	}

	static String trimName(String raw) {
		String t = RX_LEAD.matcher(RX_EDGES.matcher(raw.strip()).replaceAll("")).replaceAll("");
		t = RX_TAIL.matcher(t).replaceAll("");
		return RX_EDGES.matcher(t).replaceAll("");
	}

	private static String unitKind(String name) {
		if (name.endsWith("办公室") || name.endsWith("室")) {
			return "office";
		}
		if (name.endsWith("委员会") || name.endsWith("董事会") || name.endsWith("监事会") || name.endsWith("股东会")) {
			return "board";
		}
		if (name.endsWith("分公司") || name.endsWith("子公司") || name.endsWith("分店") || name.endsWith("门店") || name.endsWith("总店")) {
			return "branch";
		}
		if (name.endsWith("中心")) {
			return "centre";
		}
		if (name.endsWith("团队") || name.endsWith("组") || name.endsWith("班组")) {
			return "team";
		}
		if (name.endsWith("层")) {
			return "division";
		}
		return "department";
	}

	// ------------------------------------------------------------------------------ text

	static List<String> tokens(String list) {
		List<String> out = new ArrayList<>();
		for (String t : list.split("[、,,和及与/]|以及|还有")) {
			// "设备部三个部门", "总装车间等三个车间": the count and classifier after the last name
			String counted = t.replaceAll("(?:等)?(?:几个|多个|若干个?|[" + CN_NUM + "\\d]+个)\\p{IsHan}{0,4}$", "");
			String n = trimName(kindOf(counted) != Kind.OTHER ? counted : t);
			if (!n.isEmpty()) {
				out.add(n);
			}
		}
		return out;
	}

	private static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		Matcher m = SENTENCE_END.matcher(text);
		int from = 0;
		while (m.find()) {
			out.add(text.substring(from, m.start()));
			from = m.end();
		}
		if (from < text.length()) {
			out.add(text.substring(from));
		}
		return out;
	}

	private static String firstSentence(String text) {
		Matcher m = SENTENCE_END.matcher(text);
		return m.find() ? text.substring(0, m.start()) : text;
	}

	static String cleanDuty(String raw) {
		String t = RX_ITEM_MARK.matcher(raw.strip()).replaceAll("");
		t = RX_ITEM_END.matcher(t).replaceAll("").strip();
		if (t.length() > MAX_DUTY) {
			return "";
		}
		return t;
	}

	private static boolean looksLikeDuty(String duty) {
		return duty.length() >= 4 && !duty.startsWith("本文") && !duty.endsWith("?") && !duty.endsWith("?");
	}

	/** The marker after this one in its scheme: "2." → "3.", "二、" → "三、", "2.1" → "2.2", "②" → "③". */
	static @Nullable String nextMarker(String marker) {
		Matcher digits = Pattern.compile("(\\d+)(\\D*)$").matcher(marker);
		if (digits.find()) {
			return marker.substring(0, digits.start()) + (Integer.parseInt(digits.group(1)) + 1) + digits.group(2);
		}
		Matcher zh = Pattern.compile("([" + CN_NUM + "]+)([^" + CN_NUM + "]*)$").matcher(marker);
		if (zh.find()) {
			Integer n = number(zh.group(1));
			return n == null ? null : marker.substring(0, zh.start()) + DocumentReaders.chinese(n + 1) + zh.group(2);
		}
		if (marker.length() == 1 && marker.charAt(0) >= '①' && marker.charAt(0) < '⑳') {
			return String.valueOf((char) (marker.charAt(0) + 1));
		}
		return null;
	}

	static @Nullable Integer number(String raw) {
		String s = raw.strip();
		if (s.matches("\\d{1,5}")) {
			return Integer.parseInt(s);
		}
		if (s.isEmpty() || s.equals("若干")) {
			return null;
		}
		int total = 0;
		int current = 0;
		for (char c : s.toCharArray()) {
			int d = "零一二三四五六七八九".indexOf(c);
			if (c == '两') {
				d = 2;
			}
			if (d >= 0) {
				current = d;
			}
			else if (c == '十') {
				total += (current == 0 ? 1 : current) * 10;
				current = 0;
			}
			else if (c == '百') {
				total += (current == 0 ? 1 : current) * 100;
				current = 0;
			}
			else {
				return null;
			}
		}
		return total + current;
	}

	static int indexOfAny(String s, String chars) {
		for (int i = 0; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** Text as compared: NFKC, no spaces or punctuation, lower case. */
	static String norm(String text) {
		String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder sb = new StringBuilder(n.length());
		n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
		return sb.toString();
	}

	static Map<String, Object> describe(List<Extraction> list) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("count", list.size());
		return m;
	}

}
