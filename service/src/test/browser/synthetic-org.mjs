// A synthetic organisation in the org-document JSON format, for checking that the page stays
// responsive on big organisations. Deterministic: the same size and seed give the same document.
//
//   node synthetic-org.mjs [positions] > big.json     (default 10000)
//
// Shape: a company, 10 divisions, 10 departments per division and 10 teams per department
// (1,111 units); a division has 40 posts, a department 15, a team 8 and the top office what is
// left. Every unit's first post heads it; about one post in ten is vacant, and some duties are
// worded the same in several units so that overlaps exist.

import { pathToFileURL } from 'node:url';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', 'Smith', 'Okafor', 'García', 'Nguyen'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', 'Alex', 'Sam', 'Maria', 'Lin'];
const DIVISIONS = ['研发', '销售', '市场', '运营', '财务', '人力资源', '供应链', '客户服务', '法务', '信息技术'];
const SHARED_DUTIES = ['负责部门预算编制和执行', '组织开展员工培训', '负责安全生产管理', 'Prepare the monthly report'];

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticOrg({ positions: total = 10000, seed = 42, key = 'synthetic-10k' } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const units = [];
  const positions = [];
  const people = [];
  const postsPer = { division: 40, department: 15, team: 8 };

  const addUnit = (unitKey, name, parent, kind) => {
    units.push({ key: unitKey, name, parent, kind, plannedHeadcount: null, duties: [`负责${name}的日常管理`] });
    return unitKey;
  };
  const root = addUnit('U0', '综合集团 Synthetic Group', null, 'company');
  const structure = [];
  for (let d = 0; d < 10; d++) {
    const division = addUnit(`U${d + 1}`, `${DIVISIONS[d]}事业部`, root, 'division');
    structure.push({ unit: division, kind: 'division', name: DIVISIONS[d] });
    for (let p = 0; p < 10; p++) {
      const department = addUnit(`U${d + 1}-${p + 1}`, `${DIVISIONS[d]}${p + 1}部`, division, 'department');
      structure.push({ unit: department, kind: 'department', name: `${DIVISIONS[d]}${p + 1}部` });
      for (let t = 0; t < 10; t++) {
        const team = addUnit(`U${d + 1}-${p + 1}-${t + 1}`, `${DIVISIONS[d]}${p + 1}部 ${t + 1} 组`, department, 'team');
        structure.push({ unit: team, kind: 'team', name: `${DIVISIONS[d]}${p + 1}部${t + 1}组` });
      }
    }
  }
  const inStructure = structure.reduce((n, s) => n + postsPer[s.kind], 0);
  structure.unshift({ unit: root, kind: 'company', name: '集团总部' });
  postsPer.company = Math.max(1, total - inStructure);

  let person = 0;
  for (const { unit, kind, name } of structure) {
    for (let i = 0; i < postsPer[kind] && positions.length < total; i++) {
      const positionKey = `${unit}-P${i + 1}`;
      const title = i === 0 ? `${name}负责人` : `${name}${pick(['专员', '主管', '工程师', '分析师', 'Coordinator', 'Specialist'])} ${i}`;
      const duties = [`${title}的岗位职责 ${positionKey}`];
      if (next() < 0.04) duties.push(pick(SHARED_DUTIES));
      positions.push({ key: positionKey, title, unit, headcount: next() < 0.05 ? 2 : 1, duties });
      if (next() < 0.9) {
        person++;
        people.push({
          key: `E${String(person).padStart(6, '0')}`,
          name: `${pick(SURNAMES)}${pick(GIVEN)} ${person}`,
          holds: [{ position: positionKey }],
        });
      }
    }
  }
  return { key, name: `Synthetic organisation, ${total} posts`, source: 'synthetic-org.mjs', units, positions, people };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const total = Number(process.argv[2] ?? 10000);
  process.stdout.write(JSON.stringify(syntheticOrg({ positions: total, key: `synthetic-${total}` })));
}
