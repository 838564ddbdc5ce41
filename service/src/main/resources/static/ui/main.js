// The org chart page: pick an organisation and revision, browse the chart, find people,
// follow the chain of command, switch the duty overlays on, chart the metrics, compare revisions.

import { gql, GraphQlError, onTokenNeeded, schema, storeToken } from './api.js';
import { chainsOf, orphans as fetchOrphans, overlaps as fetchOverlaps, themes as fetchThemes, personDetails, positionDetails, unitDetails } from './analytics.js';
import { nodeId, OrgChart } from './chart.js';
import { compare, renderCompare } from './compare.js';
import { clear, h } from './dom.js';
import { language, onLanguageChange, setLanguage, t, translatePage } from './i18n.js';
import { renderMetrics, resizeMetrics } from './metrics.js';

const OVERLAPS_ON_CHART = 25;
const $ = (selector) => document.querySelector(selector);

const state = {
  orgs: [],
  org: null,
  rev: null,
  revisions: [],
  view: 'chart',
  tree: 'units',
  tab: 'details',
  selection: null,
  overlaps: null,
  orphans: null,
  metricsFor: null,
  themesFor: null,
  revisionsReady: Promise.resolve(),
};

const chart = new OrgChart($('#chart'), { onSelect: (item) => select(item, { fromChart: true }), onError: showError });
// tests and the curious can reach the chart from the console
window.orgraph = { chart, state };

// ---- status and errors ---------------------------------------------------------------

function status(text) {
  const el = $('#status');
  el.classList.remove('error');
  el.textContent = text ?? '';
}

function showError(error) {
  const el = $('#status');
  el.classList.add('error');
  el.textContent = error instanceof GraphQlError && error.denied ? t('denied') : t('error', { msg: error.message });
}

function problem(error) {
  return error instanceof GraphQlError && error.denied
    ? h('p', { class: 'denied' }, t('denied'))
    : h('p', { class: 'error' }, t('error', { msg: error.message }));
}

// ---- the token prompt (security itself is the API's business) ----------------------------

function askToken(httpStatus) {
  const dialog = $('#token-dialog');
  $('#token-text').textContent = t(httpStatus === 403 ? 'token.denied' : 'token.text');
  $('#token-input').value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const answer = dialog.returnValue;
      if (answer === 'ok' && $('#token-input').value.trim()) {
        storeToken($('#token-input').value.trim());
        resolve(true);
      } else {
        if (answer === 'clear') storeToken(null);
        resolve(false);
      }
    }, { once: true });
    dialog.showModal();
  });
}
onTokenNeeded(askToken);

// ---- the address: #org=…&rev=…&view=…&sel=KIND:key ------------------------------------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const sel = p.get('sel');
  const at = sel ? sel.indexOf(':') : -1;
  return {
    org: p.get('org'),
    rev: p.get('rev') ? Number(p.get('rev')) : null,
    view: p.get('view') === 'compare' ? 'compare' : 'chart',
    tree: p.get('tree') === 'lines' ? 'lines' : 'units',
    sel: at > 0 ? { kind: sel.slice(0, at), key: sel.slice(at + 1) } : null,
  };
}

function writeHash() {
  const p = new URLSearchParams();
  if (state.org) p.set('org', state.org);
  if (state.rev && state.rev !== currentRevision()) p.set('rev', state.rev);
  if (state.view !== 'chart') p.set('view', state.view);
  if (state.tree !== 'units') p.set('tree', state.tree);
  if (state.selection) p.set('sel', `${state.selection.kind}:${state.selection.key}`);
  history.replaceState(null, '', '#' + p.toString());
}

function currentRevision() {
  return state.orgs.find((o) => o.key === state.org)?.currentRevision ?? null;
}

// ---- organisations and revisions ----------------------------------------------------------

async function loadOrganizations() {
  const data = await gql('query Organizations { organizations { key name currentRevision } }');
  state.orgs = data.organizations;
  const select = $('#org');
  clear(select, h('option', { value: '' }, t('org.pick')),
    state.orgs.map((o) => h('option', { value: o.key }, `${o.name} (${o.key})`)));
}

async function openOrganization(org, rev = null, sel = null) {
  state.org = org;
  state.selection = null;
  state.overlaps = null;
  state.orphans = null;
  state.metricsFor = null;
  $('#org').value = org ?? '';
  if (!org) {
    chart.reset();
    return;
  }
  const revisions = gql(`query Revisions($org: ID!) {
    organization(key: $org) { currentRevision revisions { number createdAt source } }
  }`, { org }).then((data) => {
    state.revisions = data.organization?.revisions ?? [];
    return data.organization?.currentRevision ?? null;
  });
  const current = currentRevision();
  if (rev && rev !== current) {
    // an older revision from the address: make sure it exists before drawing it
    state.revisionsReady = revisions;
    const latest = await revisions;
    state.rev = state.revisions.some((r) => r.number === rev) ? rev : latest;
    fillRevisions();
    await openRevision(sel);
  } else {
    // the current revision is known from the organisation list: draw it while the list of
    // revisions is still on its way
    state.rev = current;
    state.revisions = [{ number: current, createdAt: '' }];
    fillRevisions();
    state.revisionsReady = revisions.then(() => {
      if (state.org === org) fillRevisions();
    });
    await Promise.all([openRevision(sel), state.revisionsReady]);
  }
}

function fillRevisions() {
  const option = (r) => h('option', { value: r.number }, t('rev.option', { n: r.number, date: (r.createdAt ?? '').slice(0, 10) }));
  clear($('#rev'), state.revisions.map(option));
  $('#rev').value = state.rev ?? '';
  clear($('#compare-from'), state.revisions.map(option));
  clear($('#compare-to'), state.revisions.map(option));
  const older = state.revisions.find((r) => r.number < state.rev);
  $('#compare-from').value = older?.number ?? state.rev ?? '';
  $('#compare-to').value = state.rev ?? '';
}

async function openRevision(sel = null) {
  delete document.body.dataset.chartOrg;
  writeHash();
  status(t('loading'));
  clear($('#panel-details'), h('p', { class: 'note' }, t('hint')));
  await chart.load(state.org, state.rev);
  status(chart.unitCount === 0 ? t('empty.org') : '');
  markFirstRender();
  await Promise.all([
    $('#overlay-overlaps').checked ? toggleOverlaps(true) : null,
    $('#overlay-orphans').checked ? toggleOrphans(true) : null,
  ]);
  if (state.tab === 'metrics') showMetrics();
  if (state.tab === 'themes') showThemes();
  if (state.view === 'compare') runCompare();
  if (sel) await select(sel);
}

let firstRenderMarked = false;
/** A performance mark once the first chart is on screen; the load-time script reads it. */
function markFirstRender() {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (!firstRenderMarked) {
      firstRenderMarked = true;
      performance.mark('orgraph:first-chart');
    }
    performance.mark('orgraph:chart-rendered');
    document.body.dataset.chart = 'ready';
    document.body.dataset.chartOrg = `${state.org}@${state.rev}`;
  }));
}

// ---- selection: details, duties, chain of command -------------------------------------------

async function select(item, { fromChart = false } = {}) {
  state.selection = item;
  writeHash();
  showTab('details');
  const panel = $('#panel-details');
  clear(panel, h('p', { class: 'note' }, t('loading')));
  try {
    if (item.kind === 'UNIT') {
      if (!fromChart) await reveal([item]);
      chart.clearChain();
      renderUnit(panel, await unitDetails(state.org, state.rev, item.key));
    } else if (item.kind === 'POSITION') {
      if (!fromChart) await reveal([item]);
      const [position, chains] = await Promise.all([
        positionDetails(state.org, state.rev, item.key),
        chainsOf(state.org, state.rev, 'POSITION', item.key),
      ]);
      renderPosition(panel, position, chains);
      await highlight(chains, item.key);
    } else if (item.kind === 'PERSON') {
      const [person, chains] = await Promise.all([
        personDetails(state.org, state.rev, item.key),
        chainsOf(state.org, state.rev, 'PERSON', item.key),
      ]);
      renderPerson(panel, person, chains);
      const first = person?.holds[0]?.position.key;
      await highlight(chains, first);
    }
  } catch (e) {
    clear(panel, problem(e));
  }
}

async function reveal(items) {
  const ids = await chart.reveal(items);
  chart.render();
  if (ids.length) {
    chart.select(ids[0]);
    chart.focus(ids);
    chart.flash(ids[0]);
  }
}

async function highlight({ chains }, startKey) {
  const chain = chains.find((c) => c[0]?.position.key === startKey) ?? chains[0] ?? [];
  await chart.showChain(chain.map((link) => link.position.key));
  if (startKey) chart.select(nodeId('POSITION', startKey));
  chart.focus(chain.map((link) => nodeId('POSITION', link.position.key)));
}

const ref = (kind, key, text) => h('a', { class: 'ref', dataset: { kind, key }, onclick: () => select({ kind, key }) }, text);

function dutyList(duties) {
  if (!duties.length) return h('p', { class: 'note' }, t('duties.none'));
  return h('ul', { class: 'duties' }, duties.map((d) => {
    const overlapping = state.overlaps?.items.filter((o) => o.duties.some((x) => x.key === d.key && x.holder.key === d.holder.key)) ?? [];
    const orphan = state.orphans?.find((o) => o.duty.key === d.key);
    return h('li', { dataset: { duty: d.key } }, d.text,
      overlapping.length ? h('span', { class: 'tag overlap', title: overlapping.map((o) => o.explanation).join('\n') }, t('duty.overlap')) : null,
      orphan ? h('span', { class: 'tag orphan', title: orphan.explanation }, t('duty.orphan')) : null);
  }));
}

function renderChains(chains) {
  return chains.map((links) => h('div', { class: 'chain-block' },
    links.length <= 1 && !links.cycle ? h('p', { class: 'note' }, t('chain.none')) : null,
    h('ol', { class: 'chain' }, links.map((link) => h('li', { dataset: { key: link.position.key } },
      h('span', { class: 'depth' }, t('chain.depth', { n: link.depth })),
      ref('POSITION', link.position.key, link.position.title),
      ' · ', link.position.unit?.name ?? '',
      ' — ', link.vacant || !link.holders.length
        ? h('span', { class: 'tag vacant' }, t('vacant'))
        : link.holders.map((p, i) => [i ? '、' : '', ref('PERSON', p.key, p.name)])))),
    links.cycle ? h('p', { class: 'error' }, t('chain.cycle')) : null));
}

/** Junior FTE under these posts, rounded as organograms publish it (0 when none or not known). */
function juniorFte(posts) {
  return Math.round(posts.reduce((n, p) => n + (p.juniorFte ?? 0), 0) * 100) / 100;
}

function renderUnit(panel, unit) {
  if (!unit) return clear(panel, h('p', { class: 'note' }, '—'));
  const seats = unit.positions.reduce((n, p) => n + p.headcount, 0);
  clear(panel,
    h('h2', {}, unit.name), h('p', { class: 'sub' }, unit.key),
    h('dl', {},
      unit.kind ? [h('dt', {}, t('unit.kind')), h('dd', {}, unit.kind)] : null,
      unit.parent ? [h('dt', {}, t('unit.parent')), h('dd', {}, ref('UNIT', unit.parent.key, unit.parent.name))] : null,
      [h('dt', {}, t('unit.head')), h('dd', {}, unit.head
        ? [ref('POSITION', unit.head.key, unit.head.title), ' — ',
          unit.head.vacant ? h('span', { class: 'tag vacant' }, t('vacant')) : unit.head.holders.map((x) => x.person.name).join('、')]
        : '—')],
      [h('dt', {}, t('unit.positions')), h('dd', {}, `${unit.positions.length} (${seats})`)],
      juniorFte(unit.positions) ? [h('dt', {}, t('unit.junior')), h('dd', {}, t('fte', { n: juniorFte(unit.positions) }))] : null,
      unit.plannedHeadcount != null ? [h('dt', {}, t('unit.planned')), h('dd', {}, unit.plannedHeadcount)] : null),
    h('h3', {}, t('unit.duties')), dutyList(unit.duties));
}

function renderPosition(panel, p, { chains }) {
  if (!p) return clear(panel, h('p', { class: 'note' }, '—'));
  clear(panel,
    h('h2', { id: 'details-title' }, p.title, p.vacant ? h('span', { class: 'tag vacant' }, t('vacant')) : null),
    h('p', { class: 'sub' }, p.key, p.grade ? ` · ${p.grade}` : ''),
    h('dl', {},
      h('dt', {}, t('pos.unit')), h('dd', {}, ref('UNIT', p.unit.key, p.unit.name)),
      h('dt', {}, t('pos.holders')), h('dd', {}, p.holders.length
        ? p.holders.map((x, i) => [i ? '、' : '', ref('PERSON', x.person.key, x.person.name),
          x.acting ? h('span', { class: 'tag acting' }, t('acting')) : null, x.fte !== 1 ? ` (${x.fte})` : ''])
        : h('span', { class: 'tag vacant' }, t('vacant'))),
      p.headcount > 1 ? [h('dt', {}, t('pos.seats')), h('dd', {}, `${p.holders.length} / ${p.headcount}`)] : null,
      p.juniorFte ? [h('dt', {}, t('pos.junior')), h('dd', {}, t('fte', { n: juniorFte([p]) }))] : null,
      h('dt', {}, t('pos.reportsTo')), h('dd', {}, p.reportsTo.length
        ? p.reportsTo.map((r, i) => [i ? h('br') : '', ref('POSITION', r.position.key, r.position.title),
          r.line ? null : h('span', { class: 'tag dotted' }, t('pos.dotted')),
          r.derived ? h('span', { class: 'tag derived', title: t('pos.derived') }, t('pos.derived')) : null])
        : t('pos.reportsTo.none')),
      p.concurrentWith ? [h('dt', {}, t('pos.concurrent')), h('dd', {}, ref('POSITION', p.concurrentWith.key, p.concurrentWith.title))] : null),
    h('h3', {}, t('pos.duties')), dutyList(p.duties),
    h('h3', {}, t('chain.title')), h('div', { id: 'chain' }, renderChains(chains)));
}

function renderPerson(panel, person, { chains }) {
  if (!person) return clear(panel, h('p', { class: 'note' }, '—'));
  clear(panel,
    h('h2', { id: 'details-title' }, person.name), h('p', { class: 'sub' }, person.key),
    h('h3', {}, t('person.holds')),
    h('ul', {}, person.holds.map((x) => h('li', {}, ref('POSITION', x.position.key, x.position.title), ' · ',
      ref('UNIT', x.position.unit.key, x.position.unit.name),
      x.acting ? h('span', { class: 'tag acting' }, t('acting')) : null, x.fte !== 1 ? ` (${x.fte})` : ''))),
    h('h3', {}, t('chain.title')), h('div', { id: 'chain' }, renderChains(chains)));
}

// ---- overlays -------------------------------------------------------------------------------

async function toggleOverlaps(on) {
  const panel = $('#panel-overlaps');
  if (!on) {
    state.overlaps = null;
    chart.clearOverlaps();
    clear(panel, h('p', { class: 'note' }, t('overlaps.off')));
    return;
  }
  clear(panel, h('p', { class: 'note' }, t('loading')));
  try {
    const org = state.org;
    // exact overlaps first (they never wait), then the similar ones, which may wait for the
    // server to work out what a new revision's duties mean
    const exact = await fetchOverlaps(state.org, state.rev, 50, ['EXACT']);
    if (org !== state.org || !$('#overlay-overlaps').checked) return;
    if (exact) {
      state.overlaps = { ...exact, pending: {} };
      renderOverlaps(panel, state.overlaps, await drawOverlaps(state.overlaps));
      // the exact ones show at once; the similar ones join them when the server has them
      if (state.tab === 'details' && !state.selection) showTab('overlaps');
    }
    const similar = await fetchOverlaps(state.org, state.rev, 50, ['SIMILAR']);
    if (org !== state.org || !$('#overlay-overlaps').checked) return;
    const result = !similar ? exact : !exact ? similar : {
      total: exact.total + similar.total, items: [...exact.items, ...similar.items], pending: similar.pending,
    };
    state.overlaps = result;
    const drawn = await drawOverlaps(result);
    renderOverlaps(panel, result, drawn);
    if (state.tab === 'details' && !state.selection) showTab('overlaps');
    if (result.pending) {
      // the duties' meaning is still being worked out on the server: ask again shortly
      setTimeout(() => {
        if (org === state.org && $('#overlay-overlaps').checked) toggleOverlaps(true);
      }, 3000);
    }
  } catch (e) {
    clear(panel, problem(e));
  }
}

/** Joins the holders of the first overlaps on the chart; returns how many are drawn. */
async function drawOverlaps(result) {
  const drawn = result.items.slice(0, OVERLAPS_ON_CHART);
  await chart.showOverlaps(drawn.map((o, i) => ({
    id: o.id, label: `#${i + 1}`, holders: o.duties.map((d) => ({ kind: d.holder.kind, key: d.holder.key })),
  })));
  return drawn.length;
}

function renderOverlaps(panel, { total, items, pending }, drawn) {
  const waiting = !pending ? null : h('p', { class: 'note pending' }, pending.texts === undefined
    ? t('overlaps.similarLoading') : t('overlaps.pending', { done: pending.embedded ?? 0, all: pending.texts }));
  if (!items.length) return clear(panel, waiting, h('p', { class: 'note' }, t('overlaps.none')));
  const holders = (o) => o.duties.map((d) => ({ kind: d.holder.kind, key: d.holder.key }));
  clear(panel, waiting,
    h('p', { class: 'sub' }, t('overlaps.intro', { n: total }), ' ', items.length > drawn ? t('overlaps.shown', { n: drawn }) : ''),
    items.map((o, i) => h('div', {
      class: 'card overlap', dataset: { overlap: o.id },
      onclick: async (event) => {
        if (event.target.closest('a')) return;
        panel.querySelectorAll('.card.active').forEach((c) => c.classList.remove('active'));
        event.currentTarget.classList.add('active');
        const ids = await chart.reveal(holders(o));
        chart.render();
        chart.focus(ids);
      },
    },
    h('div', { class: 'meta' }, `#${i + 1} · `, o.kind === 'EXACT' ? t('overlaps.exact') : t('overlaps.similar', { s: o.score.toFixed(2) }),
      o.kind !== 'EXACT' && o.extent ? [' · ', t('overlaps.extent.' + o.extent)] : null,
      o.review ? [' · ', h('strong', {}, t('overlaps.verdict.' + o.review.verdict))] : null,
      ' · ', t('relation.' + o.relation),
      o.settledBy ? [' · ', t('overlaps.settledBy', { who: '' }), ref('POSITION', o.settledBy.key, o.settledBy.title)] : null),
    h('ul', {}, o.duties.map((d) => h('li', {}, d.text, ' — ',
      ref(d.holder.kind, d.holder.key, d.holder.name)))),
    o.evidence?.matched?.length ? h('div', { class: 'terms' }, t('overlaps.matched'), ': ',
      o.evidence.matched.map((m, j) => [j ? ' ' : '', h('mark', {}, m)]),
      o.evidence.onlyInFirst?.length || o.evidence.onlyInSecond?.length
        ? [' · ', t('overlaps.only'), ': ', (o.evidence.onlyInFirst ?? []).join(' '), ' / ', (o.evidence.onlyInSecond ?? []).join(' ')]
        : null,
      o.evidence.contrast ? [' · ', h('em', {}, t('overlaps.contrast'))] : null) : null)));
}

async function toggleOrphans(on) {
  const panel = $('#panel-orphans');
  if (!on) {
    state.orphans = null;
    chart.clearOrphans();
    clear(panel, h('p', { class: 'note' }, t('orphans.off')));
    return;
  }
  clear(panel, h('p', { class: 'note' }, t('loading')));
  try {
    const org = state.org;
    const list = await fetchOrphans(state.org, state.rev);
    if (org !== state.org || !$('#overlay-orphans').checked) return;
    state.orphans = list;
    await chart.showOrphans(list.slice(0, 200).map((o) => ({ kind: o.duty.holder.kind, key: o.duty.holder.key })));
    if (!list.length) return clear(panel, h('p', { class: 'note' }, t('orphans.none')));
    clear(panel, h('p', { class: 'sub' }, t('orphans.intro', { n: list.length })),
      list.map((o) => h('div', { class: 'card orphan', dataset: { duty: o.duty.key } },
        h('div', {}, o.duty.text),
        h('div', { class: 'meta' }, ref(o.duty.holder.kind, o.duty.holder.key, o.duty.holder.name), ' · ',
          h('span', { class: 'tag orphan' }, t('reason.' + o.reason))),
        o.explanation ? h('div', { class: 'meta' }, o.explanation) : null)));
  } catch (e) {
    clear(panel, problem(e));
  }
}

async function setUpOverlays() {
  const s = await schema();
  for (const [id, field, what] of [['#overlay-overlaps', 'dutyOverlaps', 'overlay.overlaps'], ['#overlay-orphans', 'orphanedDuties', 'overlay.orphans']]) {
    const box = $(id);
    if (!s.has(field)) {
      box.disabled = true;
      box.parentElement.classList.add('unavailable');
      box.parentElement.title = t('overlay.unavailable', { what: t(what) });
    }
  }
  clear($('#panel-overlaps'), h('p', { class: 'note' }, s.has('dutyOverlaps') ? t('overlaps.off') : t('overlay.unavailable', { what: t('overlay.overlaps') })));
  clear($('#panel-orphans'), h('p', { class: 'note' }, s.has('orphanedDuties') ? t('orphans.off') : t('overlay.unavailable', { what: t('overlay.orphans') })));
}

// ---- which tree: units or reporting lines ------------------------------------------------------

async function showTree(tree) {
  state.tree = tree;
  document.querySelectorAll('.segmented button').forEach((b) => {
    b.classList.toggle('active', b.dataset.tree === tree);
    b.setAttribute('aria-checked', String(b.dataset.tree === tree));
  });
  writeHash();
  try {
    await chart.setMode(tree);
    // what the overlays and the selection point at must be opened in this tree too
    if (state.overlaps) await drawOverlaps(state.overlaps);
    if (state.orphans) await chart.showOrphans(state.orphans.slice(0, 200).map((o) => ({ kind: o.duty.holder.kind, key: o.duty.holder.key })));
    if (state.selection?.kind === 'POSITION') await select(state.selection, { fromChart: true });
    // before an organisation is open (a first visit to an address with tree=lines) there is no chart yet
    if (state.org) markFirstRender();
  } catch (e) {
    showError(e);
  }
}

// ---- side tabs, metrics, views ------------------------------------------------------------------

function showTab(tab) {
  state.tab = tab;
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  document.querySelectorAll('.side .panel').forEach((p) => (p.hidden = p.id !== 'panel-' + tab));
  if (tab === 'metrics') showMetrics();
  if (tab === 'themes') showThemes();
}

/** The responsibility matrix: each theme with its holders; a shared theme is marked as duplicated. */
async function showThemes() {
  const panel = $('#panel-themes');
  const key = `${state.org}@${state.rev}`;
  if (!state.org || state.themesFor === key) return;
  state.themesFor = key;
  clear(panel, h('p', { class: 'note' }, t('loading')));
  try {
    const result = await fetchThemes(state.org, state.rev);
    if (key !== `${state.org}@${state.rev}`) return;
    if (!result) return clear(panel, h('p', { class: 'note' }, t('themes.none')));
    if (result.pending) {
      state.themesFor = null;
      setTimeout(() => { if (state.tab === 'themes') showThemes(); }, 3000);
      return clear(panel, h('p', { class: 'note pending' },
        t('overlaps.pending', { done: result.pending.embedded ?? 0, all: result.pending.texts ?? '?' })));
    }
    const shared = result.items.filter((th) => th.holders.length > 1);
    clear(panel,
      h('p', { class: 'sub' }, t('themes.intro', { n: result.total, shared: shared.length })),
      (shared.length ? shared : result.items).map((th) => h('div', { class: 'card theme' + (th.duplication ? ' duplication' : '') },
        h('div', { class: 'meta' }, h('strong', {}, th.name), ' · ', t('themes.holders', { n: th.holders.length }),
          th.duplication ? [' · ', h('em', {}, t('themes.duplication'))] : null),
        h('ul', {}, th.holders.map((hd) => h('li', {}, ref(hd.kind, hd.key, hd.name), ': ',
          th.duties.filter((d) => d.holder.kind === hd.kind && d.holder.key === hd.key).map((d) => d.text).join('; ')))))));
  } catch (e) {
    state.themesFor = null;
    clear(panel, problem(e));
  }
}

async function showMetrics() {
  const key = `${state.org}@${state.rev}`;
  if (!state.org || state.metricsFor === key) return resizeMetrics();
  state.metricsFor = key;
  try {
    await renderMetrics($('#panel-metrics'), state.org, state.rev);
  } catch (e) {
    state.metricsFor = null;
    clear($('#panel-metrics'), problem(e));
  }
}

function showView(view) {
  state.view = view;
  document.querySelectorAll('.views button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  $('#chart-view').hidden = view !== 'chart';
  $('#compare-view').hidden = view !== 'compare';
  writeHash();
  if (view === 'compare') runCompare();
}

async function runCompare() {
  const target = $('#compare-result');
  if (!state.org) return;
  await state.revisionsReady;
  if (state.revisions.length < 2) return clear(target, h('p', { class: 'note' }, t('compare.single')));
  clear(target, h('p', { class: 'note' }, t('loading')));
  try {
    renderCompare(target, await compare(state.org, Number($('#compare-from').value), Number($('#compare-to').value)));
  } catch (e) {
    clear(target, problem(e));
  }
}

// ---- search ------------------------------------------------------------------------------------

let searchSeq = 0;
async function search(text) {
  const list = $('#search-results');
  const seq = ++searchSeq;
  if (!text.trim() || !state.org) {
    list.hidden = true;
    return;
  }
  try {
    const data = await gql(`query Search($org: ID!, $rev: Int, $text: String!) {
      organization(key: $org) { search(text: $text, revision: $rev, first: 15) { kind key name } }
    }`, { org: state.org, rev: state.rev, text });
    if (seq !== searchSeq) return;
    const hits = data.organization?.search ?? [];
    clear(list, hits.length
      ? hits.map((hit, i) => h('li', {
        class: i === 0 ? 'active' : '', dataset: { kind: hit.kind, key: hit.key },
        onmousedown: (event) => {
          event.preventDefault();
          pick(hit);
        },
      }, h('span', { class: 'kind' }, t('search.kind.' + hit.kind)), h('span', {}, hit.name)))
      : h('li', { class: 'empty' }, t('search.none', { q: text })));
    list.hidden = false;
  } catch (e) {
    showError(e);
  }
}

function pick(hit) {
  $('#search-results').hidden = true;
  select({ kind: hit.kind, key: hit.key });
}

function setUpSearch() {
  const input = $('#search');
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 200);
  });
  input.addEventListener('keydown', (event) => {
    const items = [...document.querySelectorAll('#search-results li[data-key]')];
    const active = items.findIndex((li) => li.classList.contains('active'));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      items.forEach((li, i) => li.classList.toggle('active', i === next));
    } else if (event.key === 'Enter' && items.length) {
      const li = items[Math.max(0, active)];
      pick({ kind: li.dataset.kind, key: li.dataset.key });
    } else if (event.key === 'Escape') {
      $('#search-results').hidden = true;
    }
  });
  input.addEventListener('blur', () => setTimeout(() => ($('#search-results').hidden = true), 150));
}

// ---- start ---------------------------------------------------------------------------------------

function wire() {
  translatePage();
  $('#lang').textContent = t('lang.switch');
  $('#lang').addEventListener('click', () => setLanguage(language() === 'zh' ? 'en' : 'zh'));
  onLanguageChange(() => {
    $('#lang').textContent = t('lang.switch');
    fillOrgNames();
    if (state.revisions.length) fillRevisions();
    chart.render();
    if (state.selection) select(state.selection, { fromChart: true });
    // the API words its explanations in the language asked for: ask again
    if (state.overlaps) toggleOverlaps(true);
    if (state.orphans) toggleOrphans(true);
    state.metricsFor = null;
    state.themesFor = null;
    if (state.tab === 'metrics') showMetrics();
    if (state.tab === 'themes') showThemes();
    if (state.view === 'compare') runCompare();
  });
  $('#token-button').addEventListener('click', async () => {
    if (await askToken(401)) start();
  });
  $('#org').addEventListener('change', (e) => {
    if ((e.target.value || null) !== state.org) openOrganization(e.target.value || null).catch(showError);
  });
  $('#rev').addEventListener('change', (e) => {
    state.rev = Number(e.target.value);
    state.selection = null;
    state.metricsFor = null;
    openRevision().catch(showError);
  });
  document.querySelectorAll('.views button').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  document.querySelectorAll('.segmented button').forEach((b) => b.addEventListener('click', () => showTree(b.dataset.tree)));
  $('#overlay-overlaps').addEventListener('change', (e) => toggleOverlaps(e.target.checked));
  $('#overlay-orphans').addEventListener('change', (e) => toggleOrphans(e.target.checked));
  $('#fit').addEventListener('click', () => chart.fit());
  $('#zoom-in').addEventListener('click', () => chart.zoomBy(1.25));
  $('#zoom-out').addEventListener('click', () => chart.zoomBy(0.8));
  $('#collapse').addEventListener('click', () => chart.collapseAll());
  $('#compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runCompare();
  });
  window.addEventListener('resize', () => resizeMetrics());
  setUpSearch();
}

function fillOrgNames() {
  const first = $('#org').querySelector('option[value=""]');
  if (first) first.textContent = t('org.pick');
}

async function start() {
  try {
    await Promise.all([loadOrganizations(), setUpOverlays()]);
    const wanted = readHash();
    showView(wanted.view);
    if (wanted.tree !== state.tree) await showTree(wanted.tree);
    // a first visit opens the first organisation, so there is a chart to look at straight away
    const org = state.orgs.some((o) => o.key === wanted.org) ? wanted.org : state.orgs[0]?.key ?? null;
    await openOrganization(org, wanted.rev, wanted.sel);
  } catch (e) {
    showError(e);
  }
}

wire();
start();
