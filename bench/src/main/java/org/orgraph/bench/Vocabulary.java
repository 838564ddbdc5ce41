package org.orgraph.bench;

/** The words synthetic duty texts, titles and unit names are built from (Chinese and English). */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] ZH_UNIT_PREFIX = {"华东", "华南", "华北", "西南", "西北", "东北", "华中", "总部", "海外", "数字"};
    static final String[] ZH_UNIT_KIND = {"财务", "人力资源", "市场", "销售", "运营", "技术", "法务", "采购", "物流", "客服",
            "质量", "安全", "行政", "审计", "研发", "品牌", "战略", "风控", "信息", "培训"};
    static final String[] ZH_UNIT_SUFFIX = {"集团", "事业部", "中心", "部", "处", "科", "组", "小组", "班", "队"};
    static final String[] EN_UNIT_PREFIX = {"North", "South", "East", "West", "Central", "Global", "Digital", "Corporate"};
    static final String[] EN_UNIT_KIND = {"Finance", "People", "Marketing", "Sales", "Operations", "Engineering", "Legal",
            "Procurement", "Logistics", "Customer Service", "Quality", "Security", "Audit", "Research", "Strategy", "Risk"};

    static final String[] ZH_TITLE = {"经理", "副经理", "主管", "专员", "高级专员", "助理", "工程师", "高级工程师", "分析师",
            "会计", "出纳", "采购员", "客服代表", "培训师", "审计员", "法务专员", "行政助理", "数据分析师"};
    static final String[] EN_TITLE = {"Manager", "Deputy Manager", "Team Lead", "Officer", "Senior Officer", "Assistant",
            "Engineer", "Senior Engineer", "Analyst", "Accountant", "Buyer", "Advisor", "Trainer", "Auditor", "Coordinator"};

    static final String[] ZH_VERB = {"负责", "组织", "制定", "监督", "协调", "审核", "落实", "管理", "编制", "推进", "统筹",
            "跟踪", "评估", "优化", "执行", "指导", "维护", "检查", "汇总", "分析"};
    static final String[] ZH_OBJECT = {"年度预算", "资金计划", "成本控制", "财务报表", "招聘计划", "绩效考核", "培训体系",
            "薪酬福利", "市场推广方案", "客户关系", "销售目标", "合同管理", "供应商评估", "采购流程", "库存管理",
            "物流配送", "质量标准", "安全生产", "信息系统", "数据治理", "档案资料", "内部审计", "风险排查", "品牌宣传",
            "战略规划", "项目进度", "设备维护", "客户投诉处理", "规章制度", "会议纪要", "应急预案", "办公用品",
            "外部关系", "知识产权", "税务申报", "资产盘点", "工作计划", "服务流程", "技术方案", "产品需求"};
    static final String[] ZH_PURPOSE = {"确保按时完成", "提高工作效率", "降低运营成本", "保证合规运营", "提升客户满意度",
            "支持公司战略目标", "防范经营风险", "确保数据准确", "促进部门协作", "持续改进服务质量", "保障业务连续性",
            "按月向上级汇报"};

    static final String[] EN_VERB = {"Prepare", "Manage", "Review", "Oversee", "Coordinate", "Monitor", "Maintain",
            "Approve", "Plan", "Deliver", "Audit", "Track", "Improve", "Report on", "Support", "Lead"};
    static final String[] EN_OBJECT = {"annual budget", "cash flow plan", "cost controls", "financial statements",
            "recruitment plan", "performance reviews", "training programme", "pay and benefits", "marketing campaigns",
            "customer accounts", "sales targets", "contract register", "supplier assessments", "purchasing process",
            "stock levels", "delivery schedule", "quality standards", "health and safety checks", "information systems",
            "data quality", "records archive", "internal audit plan", "risk register", "brand guidelines",
            "strategic plan", "project milestones", "equipment maintenance", "complaint handling", "policies",
            "emergency plans", "office supplies", "stakeholder relations", "tax returns", "asset register"};
    static final String[] EN_PURPOSE = {"meet deadlines", "improve efficiency", "reduce costs", "stay compliant",
            "raise customer satisfaction", "support the strategy", "control risk", "keep data accurate",
            "help teams work together", "improve service quality", "keep the business running", "report monthly"};
    // what part of an object a duty is about: random duties of one scope seldom repeat an object
    static final String[] ZH_ASPECT = {"季度", "区域", "海外", "线上", "外包", "校园招聘", "资本性", "中期", "数字化", "一线",
            "合作伙伴", "集团级", "分支机构", "试点", "存量", "季节性", "零售", "批发", "跨境", "大客户", "政府类", "小微企业",
            "高端", "委外", "临时", "长期", "短期", "第三方", "新产品", "年终"};
    static final String[] EN_ASPECT = {"quarterly", "regional", "overseas", "online", "contractor", "graduate", "capital",
            "interim", "digital", "frontline", "partner", "group-wide", "branch", "pilot", "legacy", "seasonal", "retail",
            "wholesale", "cross-border", "key account", "public sector", "small business", "premium", "outsourced",
            "temporary", "long-term", "short-term", "third-party", "new product", "year-end"};

    // project code names: 27,000 English (three syllables) and 64,000 Chinese (three characters), so two random
    // duties seldom name the same project and only the planted copies are near duplicates of each other
    private static final String[] EN_SYLLABLE = {"ka", "ve", "lo", "mi", "ta", "ro", "su", "ne", "di", "pa", "zo", "ri",
            "ba", "fe", "gu", "ho", "ji", "lu", "mo", "ny", "po", "qu", "sa", "te", "wi", "xa", "yo", "ze", "bo", "cu"};
    private static final String ZH_NAME_CHARS = "星辰海峰岚泽川云松柏晨曦远航启明恒信安和瑞丰凯盛鑫源泰华锦程博睿智慧达通宏图嘉诚";

    static String enProject(java.util.SplittableRandom random) {
        String name = EN_SYLLABLE[random.nextInt(EN_SYLLABLE.length)] + EN_SYLLABLE[random.nextInt(EN_SYLLABLE.length)]
                + EN_SYLLABLE[random.nextInt(EN_SYLLABLE.length)];
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String zhProject(java.util.SplittableRandom random) {
        StringBuilder name = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            name.append(ZH_NAME_CHARS.charAt(random.nextInt(ZH_NAME_CHARS.length())));
        }
        return name.toString();
    }
}
