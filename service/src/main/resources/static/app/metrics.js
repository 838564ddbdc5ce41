// The metrics panel: span of control, vacant seats by unit and layers, charted with ECharts.
// ECharts (about 1 MB) is loaded from the jar the first time the panel opens, so the chart
// itself is not kept waiting for it.

import { gql } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';

const ECHARTS = '/_static/echarts/6.0.0/dist/echarts.min.js';
const TOP_UNITS = 12;
const SPAN_BUCKETS = [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 8], [9, 12], [13, 20], [21, Infinity]];

let echartsLoading = null;
function loadECharts() {
  echartsLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ECHARTS;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('could not load ' + ECHARTS));
    document.head.append(script);
  });
  return echartsLoading;
}

const POSITIONS_PAGE = `query MetricsPositions($org: ID!, $rev: Int, $after: String) {
  organization(key: $org) {
    revision(number: $rev) { counts { units positions people } }
    positions(revision: $rev, first: 500, after: $after) {
      edges { node { key headcount unit { key name } holders { person { key } } reportsTo { line position { key } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * Reads every post of a revision (500 a request) and works out the three distributions. The
 * per-unit and per-organisation metric fields give some of these numbers directly; the
 * distributions need the posts themselves.
 */
export async function computeMetrics(org, rev, progress = () => {}) {
  const positions = [];
  let counts = null;
  let after = null;
  do {
    const data = await gql(POSITIONS_PAGE, { org, rev, after });
    counts = data.organization.revision.counts;
    const page = data.organization.positions;
    positions.push(...page.edges.map((e) => e.node));
    progress(positions.length, counts.positions);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const byKey = new Map(positions.map((p) => [p.key, p]));
  const manager = new Map();
  const reports = new Map();
  for (const p of positions) {
    const line = p.reportsTo.find((r) => r.line) ?? p.reportsTo[0];
    if (line && byKey.has(line.position.key) && line.position.key !== p.key) {
      manager.set(p.key, line.position.key);
      reports.set(line.position.key, (reports.get(line.position.key) ?? 0) + 1);
    }
  }
  const span = SPAN_BUCKETS.map(([lo, hi]) => ({
    label: hi === Infinity ? `${lo}+` : lo === hi ? `${lo}` : `${lo}–${hi}`,
    value: [...reports.values()].filter((n) => n >= lo && n <= hi).length,
  }));

  const layerOf = new Map();
  const layer = (key) => {
    if (layerOf.has(key)) return layerOf.get(key);
    const path = [];
    let k = key;
    // iterative, and a loop in the reporting lines counts as a top
    while (k && !layerOf.has(k) && !path.includes(k)) {
      path.push(k);
      k = manager.get(k);
    }
    let depth = k && layerOf.has(k) ? layerOf.get(k) : 0;
    for (let i = path.length - 1; i >= 0; i--) layerOf.set(path[i], ++depth);
    return layerOf.get(key);
  };
  const layers = [];
  for (const p of positions) {
    const n = layer(p.key);
    layers[n - 1] = (layers[n - 1] ?? 0) + 1;
  }

  const vacantByUnit = new Map();
  let vacantSeats = 0;
  for (const p of positions) {
    const open = Math.max(0, p.headcount - p.holders.length);
    vacantSeats += open;
    if (open > 0) {
      const entry = vacantByUnit.get(p.unit.key) ?? { name: p.unit.name, value: 0 };
      entry.value += open;
      vacantByUnit.set(p.unit.key, entry);
    }
  }
  const vacancies = [...vacantByUnit.values()].sort((a, b) => b.value - a.value).slice(0, TOP_UNITS);

  return {
    counts,
    vacantSeats,
    span,
    layers: Array.from(layers, (v, i) => ({ label: String(i + 1), value: v ?? 0 })),
    vacancies,
  };
}

const charts = [];

export async function renderMetrics(panel, org, rev) {
  charts.splice(0).forEach((c) => c.dispose());
  const progress = h('p', { class: 'note' }, t('loading'));
  clear(panel, h('h2', {}, t('metrics.title')), progress);
  const [echarts, m] = await Promise.all([
    loadECharts(),
    computeMetrics(org, rev, (n, total) => (progress.textContent = t('metrics.loading', { n, total }))),
  ]);
  const box = (id) => h('div', { class: 'chart-box', id });
  clear(panel,
    h('h2', {}, t('metrics.title')),
    h('p', { class: 'sub', id: 'metrics-summary' }, t('metrics.summary', {
      units: m.counts.units, positions: m.counts.positions, people: m.counts.people,
      vacant: m.vacantSeats, layers: m.layers.length,
    })),
    h('h3', {}, t('metrics.span')), box('chart-span'),
    h('h3', {}, t('metrics.vacancies', { n: TOP_UNITS })), box('chart-vacancies'),
    h('h3', {}, t('metrics.layers')), box('chart-layers'));
  const bar = (id, items, name, color, horizontal = false) => {
    const chart = echarts.init(panel.querySelector('#' + id), null, { renderer: 'canvas' });
    const category = { type: 'category', data: items.map((i) => i.label ?? i.name), axisLabel: { fontSize: 10, width: 110, overflow: 'truncate', interval: 0 } };
    const value = { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } };
    chart.setOption({
      animation: false,
      grid: { left: horizontal ? 118 : 36, right: 24, top: 22, bottom: 26 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [{ type: 'bar', name, data: items.map((i) => i.value), itemStyle: { color }, label: { show: true, position: horizontal ? 'right' : 'top', fontSize: 10 } }],
    });
    charts.push(chart);
  };
  bar('chart-span', m.span, t('metrics.managers'), '#2f5d8a');
  bar('chart-vacancies', m.vacancies, t('metrics.seats'), '#b03a2e', true);
  bar('chart-layers', m.layers, t('metrics.posts'), '#5d8a2f');
  return m;
}

export function resizeMetrics() {
  charts.forEach((c) => c.resize());
}
