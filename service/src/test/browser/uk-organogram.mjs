// A UK government organogram (senior and junior CSV files, as departments publish them) of any
// size, shaped like the real DFID releases in shared/data/uk-organograms: one Permanent
// Secretary (SCS4) reporting to "XX", Directors General (SCS3), Directors (SCS2) each with a
// directorate of their own, and Deputy Directors (SCS1) under them; junior staff counted in FTE
// under senior posts. Every directorate is a unit of its own and units are flat under the
// organisation, as the format has them, so a 700-post release has about 140 units side by side.
// Some names are withheld (N/D) or the post is vacant, and job functions repeat across
// directorates ("Deputy Director", "Head of Department/Overseas Office") as they do in real files.
// Deterministic: the same size and seed give the same files.
//
//   node uk-organogram.mjs [posts] senior > senior.csv ; node uk-organogram.mjs [posts] junior > junior.csv

import { pathToFileURL } from 'node:url';

const SENIOR_HEADER = ['Post Unique Reference', 'Name', 'Grade (or equivalent)', 'Job Title', 'Job/Team Function',
  'Parent Department', 'Organisation', 'Unit', 'Contact Phone', 'Contact E-mail', 'Reports to Senior Post',
  'Salary Cost of Reports (£)', 'FTE', 'Actual Pay Floor (£)', 'Actual Pay Ceiling (£)', '',
  'Professional/Occupational Group', 'Notes', 'Valid?', 'URI'];
const JUNIOR_HEADER = ['Parent Department', 'Organisation', 'Unit', 'Reporting Senior Post', 'Grade',
  'Payscale Minimum (£)', 'Payscale Maximum (£)', 'Generic Job Title', 'Number of Posts in FTE',
  'Professional/Occupational Group'];

const GIVEN = ['Mark', 'Sarah', 'James', 'Priya', 'David', 'Helen', 'Kwame', 'Joanna', 'Richard', 'Fiona', 'Amir', 'Clare'];
const FAMILY = ['Lowcock', 'Barrett', 'McGee', 'Wright', 'Patel', 'Okonjo', 'Hughes', 'Evans', 'Khan', 'Taylor', 'Murray', 'Shah'];
const THEMES = ['Africa', 'Asia', 'Middle East', 'Policy', 'Finance', 'Human Resources', 'Evidence', 'Humanitarian',
  'Growth', 'Climate', 'Governance', 'Health', 'Education', 'Procurement', 'Communications', 'Digital'];
const PLACES = ['Kenya', 'Nigeria', 'Ethiopia', 'Pakistan', 'Bangladesh', 'Nepal', 'Yemen', 'Sudan', 'Ghana', 'Malawi',
  'Zambia', 'Rwanda', 'Uganda', 'Tanzania', 'Burma', 'India', 'Afghanistan', 'Somalia', 'Sierra Leone', 'Zimbabwe'];
const SHARED_FUNCTIONS = ['Deputy Director', 'Head of Department/Overseas Office', 'Head of Profession Livelihoods & Environment'];

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quote = (value) => `"${String(value).replaceAll('"', '""')}"`;
const line = (cells) => cells.map(quote).join(',');

/** `{ senior, junior, posts, units, top }`: the two files' text and what they hold. */
export function ukOrganogram({ posts: total = 700, seed = 7, department = 'Department for Synthetic Development' } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rows = [];
  const junior = [];
  const units = new Set();
  let b = 0;
  const add = ({ ref, grade, title, fn, unit, reportsTo }) => {
    units.add(unit);
    const roll = next();
    const name = roll < 0.06 ? 'N/D' : roll < 0.11 ? 'Vacant' : `${pick(GIVEN)} ${pick(FAMILY)}`;
    const [floor, ceiling] = { SCS4: [160000, 164999], SCS3: [120000, 124999], SCS2: [95000, 99999], SCS1: [70000, 74999] }[grade];
    rows.push([ref, name, grade, title, fn, department, department, unit, '0845 300 4100', 'enquiry@example.gov.uk',
      reportsTo, '', name === 'Vacant' ? '0' : '1', floor, ceiling, '', pick(['Policy', 'Finance', 'Operational Delivery']), '', '1',
      `http://reference.data.gov.uk/id/public-body/synthetic/post/${ref}`]);
    if (grade === 'SCS1' || next() < 0.5) {
      for (const [jg, min, max, jt] of [['A1 (G6)', 61381, 70290, 'Adviser'], ['A2 (G7)', 49410, 58160, 'Programme Manager']]) {
        junior.push([department, department, unit, ref, jg, min, max, jt, (1 + Math.floor(next() * 8) + (next() < 0.3 ? 0.6 : 0)).toString(), 'Policy']);
      }
    }
    return ref;
  };
  const office = 'Office of the Permanent Secretary';
  const top = add({ ref: 'A1', grade: 'SCS4', title: 'Permanent Secretary', fn: 'Accounting officer; leads the department', unit: office, reportsTo: 'XX' });
  let a = 1;
  const dgs = [];
  const dgCount = Math.max(2, Math.round(total / 90));
  for (let i = 0; i < dgCount; i++) {
    const theme = THEMES[i % THEMES.length];
    dgs.push(add({ ref: `A${++a}`, grade: 'SCS3', title: `Director General, ${theme}`, fn: `Leads the ${theme} group`,
      unit: `${theme} Group`, reportsTo: top }));
  }
  // directors with four or five deputies each fill the rest: about one director in five posts
  const directors = [];
  const directorCount = Math.round((total - 1 - dgCount) / 5.2);
  for (let i = 0; i < directorCount; i++) {
    const place = PLACES[i % PLACES.length];
    const theme = THEMES[(i * 7) % THEMES.length];
    const unit = i % 3 === 0 ? `${place} ${Math.floor(i / PLACES.length) + 1}` : `${theme} Directorate ${i + 1}`;
    directors.push({ unit, ref: add({ ref: `A${++a}`, grade: 'SCS2', title: i % 3 === 0 ? `Head of DFID ${place}` : `Director, ${theme}`,
      fn: i % 3 === 0 ? 'Head of Department/Overseas Office' : `Directs the ${theme} programme`, unit, reportsTo: dgs[i % dgs.length] }) });
  }
  for (let i = 0; rows.length < total; i++) {
    const director = directors[i % directors.length];
    const theme = pick(THEMES);
    add({ ref: `B${++b}`, grade: 'SCS1', title: next() < 0.5 ? `Deputy Director, ${theme}` : `Head of ${theme} Team`,
      fn: next() < 0.25 ? pick(SHARED_FUNCTIONS) : `${theme}: leads the team's work in ${director.unit} (${b})`,
      unit: director.unit, reportsTo: director.ref });
  }
  return {
    senior: [line(SENIOR_HEADER), ...rows.map(line)].join('\n') + '\n',
    junior: [line(JUNIOR_HEADER), ...junior.map(line)].join('\n') + '\n',
    posts: rows.length,
    units: units.size,
    top,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = ukOrganogram({ posts: Number(process.argv[2] ?? 700) });
  process.stdout.write(process.argv[3] === 'junior' ? files.junior : files.senior);
}
