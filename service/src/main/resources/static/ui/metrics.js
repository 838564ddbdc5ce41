// The metrics panel: span of control, vacant seats by unit and layers, charted with ECharts.
// ECharts (about 1 MB) is loaded from the jar the first time the panel opens, so the chart
// itself is not kept waiting for it.

import { gql, schema } from './api.js';
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

const positionsPage = (serverFigures) => `query MetricsPositions($org: ID!, $rev: Int, $after: String) {
  organization(key: $org) {
    revision(number: $rev) { counts { units positions people } }
    positions(revision: $rev, first: 200, after: $after) {
      edges { node { key headcount unit { key name } holders { person { key } }
        ${serverFigures ? 'span layer' : 'reportsTo { line position { key } }'} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const ORG_METRICS = `query OrgMetrics($org: ID!, $rev: Int) {
  orgMetrics(org: $org, revision: $rev) {
    units positions people vacantSeats layers managers spanMean spanMedian spanMax
    planned filled vacancyRate exactOverlaps similarOverlaps orphans
  }
}`;

/**
 * Reads every post of a revision (500 a request) for the three distributions, and the
 * organisation's figures from orgMetrics where the server has it. Span and layer come from
 * the server's Position.span and Position.layer when it has them (the same definitions as
 * its metrics: solid lines only); otherwise they are worked out here from the reporting lines.
 */
export async function computeMetrics(org, rev, progress = () => {}) {
  const s = await schema();
  const serverFigures = s.typeHas('Position', 'span') && s.typeHas('Position', 'layer');
  const orgMetrics = s.has('orgMetrics') ? gql(ORG_METRICS, { org, rev }).then((d) => d.orgMetrics) : Promise.resolve(null);
  const positions = [];
  let counts = null;
  let after = null;
  const query = positionsPage(serverFigures);
  do {
    const data = await gql(query, { org, rev, after });
    counts = data.organization.revision.counts;
    const page = data.organization.positions;
    positions.push(...page.edges.map((e) => e.node));
    progress(positions.length, counts.positions);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const spans = serverFigures ? positions.map((p) => p.span).filter((n) => n > 0) : [...localSpans(positions).values()];
  const span = SPAN_BUCKETS.map(([lo, hi]) => ({
    label: hi === Infinity ? `${lo}+` : lo === hi ? `${lo}` : `${lo}–${hi}`,
    value: spans.filter((n) => n >= lo && n <= hi).length,
  }));

  const layerOf = serverFigures ? new Map(positions.map((p) => [p.key, p.layer === null ? null : p.layer + 1])) : localLayers(positions);
  const layers = [];
  let inCycles = 0;
  for (const p of positions) {
    const n = layerOf.get(p.key);
    if (n === null || n === undefined) inCycles++;
    else layers[n - 1] = (layers[n - 1] ?? 0) + 1;
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
    org: await orgMetrics,
    vacantSeats,
    span,
    layers: Array.from(layers, (v, i) => ({ label: String(i + 1), value: v ?? 0 })),
    inCycles,
    vacancies,
  };
}

/** Direct solid-line reports per manager, for a server without Position.span. */
function localSpans(positions) {
  const keys = new Set(positions.map((p) => p.key));
  const reports = new Map();
  for (const p of positions) {
    const line = p.reportsTo.find((r) => r.line);
    if (line && keys.has(line.position.key) && line.position.key !== p.key) {
      reports.set(line.position.key, (reports.get(line.position.key) ?? 0) + 1);
    }
  }
  return reports;
}

/** Layer (1 = a top) per post, for a server without Position.layer; posts in a loop get null. */
function localLayers(positions) {
  const manager = new Map();
  for (const p of positions) {
    const line = p.reportsTo.find((r) => r.line);
    if (line && line.position.key !== p.key) manager.set(p.key, line.position.key);
  }
  const layerOf = new Map();
  for (const p of positions) {
    const path = [];
    let k = p.key;
    while (k && !layerOf.has(k) && !path.includes(k)) {
      path.push(k);
      k = manager.get(k);
    }
    const looped = k && path.includes(k);
    let depth = looped ? null : k ? layerOf.get(k) ?? 0 : 0;
    for (let i = path.length - 1; i >= 0; i--) layerOf.set(path[i], depth === null ? null : ++depth);
  }
  return layerOf;
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
    m.org ? h('dl', { id: 'metrics-figures' },
      h('dt', {}, t('metrics.spanFigures')), h('dd', {}, m.org.managers ? t('metrics.spanValues', {
        managers: m.org.managers, mean: m.org.spanMean?.toFixed(1) ?? '—', median: m.org.spanMedian ?? '—', max: m.org.spanMax ?? '—',
      }) : '—'),
      h('dt', {}, t('metrics.planned')), h('dd', {}, t('metrics.plannedValues', {
        planned: m.org.planned, filled: m.org.filled,
        rate: m.org.vacancyRate === null ? '—' : `${(m.org.vacancyRate * 100).toFixed(0)} %`,
      })),
      m.org.exactOverlaps !== null ? [h('dt', {}, t('metrics.duties')), h('dd', {}, t('metrics.dutyValues', {
        exact: m.org.exactOverlaps, similar: m.org.similarOverlaps ?? '—', orphans: m.org.orphans ?? '—',
      }))] : null) : null,
    m.inCycles ? h('p', { class: 'note' }, t('metrics.inCycles', { n: m.inCycles })) : null,
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
