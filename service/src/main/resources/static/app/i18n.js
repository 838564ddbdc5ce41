// UI text in English and Chinese: the browser's language decides, the header button switches,
// and the choice is remembered.

const STRINGS = {
  en: {
    'app.title': 'Orgraph',
    'org.label': 'Organisation',
    'org.pick': 'Pick an organisation',
    'rev.label': 'Revision',
    'rev.option': 'rev {n} · {date}',
    'view.chart': 'Org chart',
    'view.compare': 'Compare revisions',
    'search.placeholder': 'Find a person, post or unit…',
    'search.none': 'Nothing matches “{q}”',
    'search.kind.UNIT': 'unit',
    'search.kind.POSITION': 'post',
    'search.kind.PERSON': 'person',
    'lang.switch': '中文',
    'token.button': 'Token',
    'token.title': 'Sign in',
    'token.text': 'This server needs an access token. Paste the bearer token you were given.',
    'token.denied': 'Your token may not see this. Paste another token, or cancel.',
    'token.ok': 'Use token',
    'token.cancel': 'Cancel',
    'token.clear': 'Forget token',
    'overlay.overlaps': 'Duty overlaps',
    'overlay.orphans': 'Orphaned duties',
    'overlay.unavailable': 'This server does not offer {what} yet',
    'toolbar.fit': 'Fit',
    'toolbar.collapse': 'Collapse all',
    'toolbar.zoomIn': 'Zoom in',
    'toolbar.zoomOut': 'Zoom out',
    'tab.details': 'Details',
    'tab.overlaps': 'Overlaps',
    'tab.orphans': 'Orphans',
    'tab.metrics': 'Metrics',
    'hint': 'Click a post to see whom it reports to and its duties. Click a unit to open or close it. Drag to pan, scroll to zoom.',
    'loading': 'Loading…',
    'vacant': 'vacant',
    'acting': 'acting',
    'head': 'head',
    'more': '+ {n} more',
    'unit.subunits': '{n} units',
    'unit.kind': 'Kind',
    'unit.parent': 'Part of',
    'unit.head': 'Head',
    'unit.planned': 'Planned headcount (编制)',
    'unit.positions': 'Posts',
    'unit.duties': 'Unit duties (部门职责)',
    'pos.unit': 'Unit',
    'pos.holders': 'Held by',
    'pos.seats': 'Seats',
    'pos.reportsTo': 'Reports to',
    'pos.reportsTo.none': 'nobody (a top post)',
    'pos.dotted': 'dotted line',
    'pos.derived': 'derived from unit heads',
    'pos.duties': 'Duties (岗位职责)',
    'pos.concurrent': 'Held together with (兼任)',
    'person.holds': 'Holds',
    'chain.title': 'Chain of command',
    'chain.depth': 'level {n}',
    'chain.none': 'This post is at the top.',
    'chain.cycle': 'The reporting lines loop back here.',
    'duties.none': 'No duties recorded.',
    'duty.overlap': 'overlaps',
    'duty.orphan': 'orphaned',
    'overlaps.intro': '{n} overlaps: duties held more than once. Each line joins the holders on the chart.',
    'overlaps.exact': 'same text',
    'overlaps.similar': 'similar, score {s}',
    'overlaps.settledBy': 'settled by {who}',
    'overlaps.matched': 'matched terms',
    'overlaps.none': 'No overlapping duties.',
    'overlaps.off': 'Turn on “Duty overlaps” above to load them.',
    'overlaps.shown': 'Showing the first {n} on the chart.',
    'orphans.intro': '{n} duties nobody effectively holds.',
    'orphans.none': 'No orphaned duties.',
    'orphans.off': 'Turn on “Orphaned duties” above to load them.',
    'reason.NO_HOLDER': 'no post holds it',
    'reason.UNIT_ONLY': 'held only at unit level',
    'reason.ALL_HOLDERS_VACANT': 'every holder is vacant',
    'reason.ONLY_CONCURRENT': 'held only by a concurrent post',
    'relation.SAME_HOLDER': 'same holder',
    'relation.UNIT_AND_OWN_POSITION': 'unit and its own post',
    'relation.PARENT_CHILD': 'parent and child unit',
    'relation.DELEGATION': 'delegation',
    'relation.SIBLINGS': 'sibling units',
    'relation.CROSS_BRANCH': 'different branches',
    'metrics.title': 'Metrics',
    'metrics.loading': 'Reading posts… {n} of {total}',
    'metrics.summary': '{units} units · {positions} posts · {people} people · {vacant} vacant seats · {layers} layers',
    'metrics.span': 'Span of control (direct reports per manager)',
    'metrics.vacancies': 'Vacant seats by unit (top {n})',
    'metrics.layers': 'Posts per layer',
    'metrics.managers': 'managers',
    'metrics.seats': 'vacant seats',
    'metrics.posts': 'posts',
    'compare.from': 'From revision',
    'compare.to': 'To revision',
    'compare.run': 'Compare',
    'compare.single': 'This organisation has one revision: import another to compare.',
    'compare.unavailable': 'This server cannot compare revisions yet.',
    'compare.unitsAdded': 'Units that appeared',
    'compare.unitsRemoved': 'Units that disappeared',
    'compare.unitsMoved': 'Units that moved (parent before → after)',
    'compare.positionsAdded': 'Posts that appeared',
    'compare.positionsRemoved': 'Posts that disappeared',
    'compare.positionsMoved': 'Posts that moved (unit before → after)',
    'compare.reportingChanged': 'Reporting line changed (manager before → after)',
    'compare.holdersChanged': 'Holders changed (before → after)',
    'compare.dutiesNewlyOrphaned': 'Duties newly orphaned',
    'compare.dutiesNewlyOverlapping': 'Duties newly overlapping',
    'compare.nothing': 'nothing',
    'denied': 'Your role may not see this.',
    'error': 'Something went wrong: {msg}',
    'empty.org': 'This revision has no units.',
  },
  zh: {
    'app.title': 'Orgraph 组织图谱',
    'org.label': '组织',
    'org.pick': '选择组织',
    'rev.label': '版本',
    'rev.option': '第 {n} 版 · {date}',
    'view.chart': '组织架构图',
    'view.compare': '版本对比',
    'search.placeholder': '查找人员、岗位或部门…',
    'search.none': '没有与“{q}”匹配的结果',
    'search.kind.UNIT': '部门',
    'search.kind.POSITION': '岗位',
    'search.kind.PERSON': '人员',
    'lang.switch': 'English',
    'token.button': '令牌',
    'token.title': '登录',
    'token.text': '此服务需要访问令牌。请粘贴分配给您的 Bearer 令牌。',
    'token.denied': '您的令牌无权查看此内容。请粘贴其他令牌,或取消。',
    'token.ok': '使用令牌',
    'token.cancel': '取消',
    'token.clear': '清除令牌',
    'overlay.overlaps': '职责重叠',
    'overlay.orphans': '无人负责的职责',
    'overlay.unavailable': '此服务暂不提供{what}',
    'toolbar.fit': '适应窗口',
    'toolbar.collapse': '全部收起',
    'toolbar.zoomIn': '放大',
    'toolbar.zoomOut': '缩小',
    'tab.details': '详情',
    'tab.overlaps': '重叠',
    'tab.orphans': '缺位',
    'tab.metrics': '指标',
    'hint': '点击岗位查看其汇报链和职责;点击部门展开或收起。拖动平移,滚轮缩放。',
    'loading': '加载中…',
    'vacant': '空缺',
    'acting': '代理',
    'head': '负责人',
    'more': '+ 还有 {n} 项',
    'unit.subunits': '{n} 个下级部门',
    'unit.kind': '类型',
    'unit.parent': '上级部门',
    'unit.head': '负责人岗位',
    'unit.planned': '编制',
    'unit.positions': '岗位',
    'unit.duties': '部门职责',
    'pos.unit': '所属部门',
    'pos.holders': '任职人员',
    'pos.seats': '编制席位',
    'pos.reportsTo': '汇报对象',
    'pos.reportsTo.none': '无(最高岗位)',
    'pos.dotted': '虚线汇报',
    'pos.derived': '根据部门负责人推定',
    'pos.duties': '岗位职责',
    'pos.concurrent': '兼任岗位',
    'person.holds': '担任岗位',
    'chain.title': '汇报链',
    'chain.depth': '第 {n} 级',
    'chain.none': '此岗位为最高岗位。',
    'chain.cycle': '汇报关系在此形成循环。',
    'duties.none': '没有记录职责。',
    'duty.overlap': '重叠',
    'duty.orphan': '无人负责',
    'overlaps.intro': '共 {n} 处重叠:同一职责由多方承担。图中以连线连接承担者。',
    'overlaps.exact': '文本相同',
    'overlaps.similar': '相似,得分 {s}',
    'overlaps.settledBy': '由 {who} 协调',
    'overlaps.matched': '匹配词',
    'overlaps.none': '没有重叠的职责。',
    'overlaps.off': '请先打开上方的“职责重叠”。',
    'overlaps.shown': '图中显示前 {n} 处。',
    'orphans.intro': '共 {n} 项职责实际无人负责。',
    'orphans.none': '没有无人负责的职责。',
    'orphans.off': '请先打开上方的“无人负责的职责”。',
    'reason.NO_HOLDER': '没有岗位承担',
    'reason.UNIT_ONLY': '仅由部门承担',
    'reason.ALL_HOLDERS_VACANT': '承担岗位全部空缺',
    'reason.ONLY_CONCURRENT': '仅由兼任岗位承担',
    'relation.SAME_HOLDER': '同一承担者',
    'relation.UNIT_AND_OWN_POSITION': '部门与本部门岗位',
    'relation.PARENT_CHILD': '上下级部门',
    'relation.DELEGATION': '授权委派',
    'relation.SIBLINGS': '平级部门',
    'relation.CROSS_BRANCH': '跨分支',
    'metrics.title': '指标',
    'metrics.loading': '正在读取岗位… {n} / {total}',
    'metrics.summary': '{units} 个部门 · {positions} 个岗位 · {people} 人 · {vacant} 个空缺席位 · {layers} 个层级',
    'metrics.span': '管理幅度(每位管理者的直接下属数)',
    'metrics.vacancies': '各部门空缺席位(前 {n})',
    'metrics.layers': '各层级岗位数',
    'metrics.managers': '管理岗位数',
    'metrics.seats': '空缺席位',
    'metrics.posts': '岗位数',
    'compare.from': '起始版本',
    'compare.to': '目标版本',
    'compare.run': '对比',
    'compare.single': '该组织只有一个版本:再导入一次即可对比。',
    'compare.unavailable': '此服务暂不支持版本对比。',
    'compare.unitsAdded': '新增部门',
    'compare.unitsRemoved': '撤销部门',
    'compare.unitsMoved': '调整隶属的部门(原上级 → 新上级)',
    'compare.positionsAdded': '新增岗位',
    'compare.positionsRemoved': '撤销岗位',
    'compare.positionsMoved': '调整部门的岗位(原部门 → 新部门)',
    'compare.reportingChanged': '汇报关系变化(原上级 → 新上级)',
    'compare.holdersChanged': '任职人员变化(原 → 新)',
    'compare.dutiesNewlyOrphaned': '新出现的无人负责职责',
    'compare.dutiesNewlyOverlapping': '新出现的职责重叠',
    'compare.nothing': '无',
    'denied': '您的角色无权查看此内容。',
    'error': '出错了:{msg}',
    'empty.org': '该版本没有部门。',
  },
};

const LANG_KEY = 'orgraph.lang';
let lang = initialLanguage();
const listeners = [];

function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be off (private mode); the browser's language still decides
  }
  if (saved === 'en' || saved === 'zh') return saved;
  return (navigator.languages ?? [navigator.language]).some((l) => /^zh\b/i.test(l)) ? 'zh' : 'en';
}

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // remembered for this page only
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  translatePage();
  listeners.forEach((fn) => fn(next));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** The text for a key, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Fills every element marked data-i18n (text), data-i18n-placeholder and data-i18n-title. */
export function translatePage(root = document) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder)));
  root.querySelectorAll('[data-i18n-title]').forEach((el) => (el.title = t(el.dataset.i18nTitle)));
}

export const strings = STRINGS;
