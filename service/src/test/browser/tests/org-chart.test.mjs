// The org chart page on the demo data, as a new user would use it.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, api, BASE, chartOf, clickNode, importDocument, launch, openPage, queryFields, screenshot } from '../lib/browser.mjs';
import { syntheticOrg } from '../synthetic-org.mjs';

const CAR_RENTAL = 'car-rental-ops-company';

let browser;
let page;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});
afterEach(async () => {
  const problems = page?.problems ?? [];
  await page?.context().close();
  page = null;
  assert.deepEqual(problems, [], 'console errors or requests leaving localhost');
});

/** The chain of command as the API answers it: post keys from the start to the top. */
async function apiChain(org, position) {
  if ((await queryFields()).has('chainOfCommand')) {
    const data = await api(`query($org: ID!, $p: ID!) { chainOfCommand(org: $org, position: $p) { links { depth position { key } } } }`,
      { org, p: position });
    return data.chainOfCommand[0].links.map((l) => l.position.key);
  }
  const keys = [];
  for (let key = position; key && !keys.includes(key);) {
    keys.push(key);
    const data = await api(`query($org: ID!, $p: ID!) { organization(key: $org) { position(key: $p) { reportsTo { line position { key } } } } }`,
      { org, p: key });
    const lines = data.organization.position.reportsTo;
    key = (lines.find((l) => l.line) ?? lines[0])?.position.key;
  }
  return keys;
}

async function openOrg(org, hash = '') {
  page = await openPage(browser, `/#org=${org}${hash}`);
  await chartOf(page, org);
}

const chainOnChart = (p) => p.evaluate(() => window.orgraph.chart.cy.nodes('.chain').map((n) => n.id()).sort());
const chainInPanel = (p) => p.$$eval('#chain ol li', (items) => items.map((li) => li.dataset.key));

describe('org chart', () => {
  test('a first visit shows an organisation, and picking another draws its units, posts and vacant seats', async () => {
    page = await openPage(browser, '/');
    await page.waitForFunction(() => document.body.dataset.chart === 'ready');
    assert.ok(await page.evaluate(() => window.orgraph.chart.cy.nodes().length) > 0);
    await page.selectOption('#org', 'online-ops-dept');
    await chartOf(page, 'online-ops-dept');
    assert.ok(await page.evaluate(() => window.orgraph.chart.cy.getElementById('u:U02').nonempty()), '数据分析团队 is drawn');
    await page.selectOption('#org', CAR_RENTAL);
    await chartOf(page, CAR_RENTAL);
    const nodes = await page.evaluate(() => window.orgraph.chart.cy.nodes().map((n) => ({ id: n.id(), classes: n.classes() })));
    const byId = new Map(nodes.map((n) => [n.id, n.classes]));
    assert.ok(byId.has('u:U04'), '市场部 is drawn');
    assert.ok(byId.get('p:P11').includes('vacant'), '市场推广人员 is marked vacant');
    assert.ok(byId.get('p:P10').includes('filled'), '市场部经理 is held');
    await screenshot(page, 'org-chart');
  });

  test('clicking a post highlights the chain of command the API answers and shows its duties', async () => {
    await openOrg(CAR_RENTAL);
    await clickNode(page, 'p:P11');
    await page.waitForSelector('#chain ol li');
    const expected = await apiChain(CAR_RENTAL, 'P11');
    assert.deepEqual(expected, ['P11', 'P10', 'P01'], 'the demo data: 市场推广人员 → 市场部经理 → 总经理');
    assert.deepEqual(await chainInPanel(page), expected);
    await page.waitForFunction((n) => window.orgraph.chart.cy.nodes('.chain').length === n, expected.length);
    assert.deepEqual(await chainOnChart(page), expected.map((k) => 'p:' + k).sort());
    // drawn along the tree: the tree's own lines from each post to the next, no arcs
    const lines = await page.evaluate(() => window.orgraph.chart.cy.edges('.chain').map((e) => (e.hasClass('tree') ? e.target().id() : 'not a tree line')));
    assert.ok(lines.length >= expected.length - 1 && !lines.includes('not a tree line'), lines.join(', '));
    assert.match(await page.textContent('#panel-details'), /负责执行市场营销活动/);
    await screenshot(page, 'chain-of-command');
  });

  test('a person found by name shows whom they report to; Chinese search finds units and posts', async () => {
    await openOrg(CAR_RENTAL);
    await page.fill('#search', 'Demo Person 007');
    await page.waitForSelector('#search-results li[data-kind="PERSON"][data-key="E0007"]');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#details-title')?.textContent === 'Demo Person 007');
    await page.waitForSelector('#chain ol li');
    assert.deepEqual(await chainInPanel(page), await apiChain(CAR_RENTAL, 'P10'));
    assert.ok((await chainOnChart(page)).includes('p:P01'));

    await page.fill('#search', '财务');
    await page.waitForSelector('#search-results li[data-key="P07"]');
    const hits = await page.$$eval('#search-results li[data-key]', (items) => items.map((li) => `${li.dataset.kind}:${li.dataset.key}`));
    assert.ok(hits.includes('UNIT:U03') && hits.includes('POSITION:P07'), hits.join(','));
    await page.click('#search-results li[data-key="P07"]');
    await page.waitForFunction(() => document.querySelector('#details-title')?.textContent.startsWith('财务经理'));
  });

  test('the overlap overlay draws a known overlap between the holders of the same duty', async () => {
    assert.ok((await queryFields()).has('dutyOverlaps'), 'the API offers dutyOverlaps');
    await openOrg('online-ops-dept');
    await page.check('#overlay-overlaps');
    await page.waitForSelector('#panel-overlaps .card');
    // 线上运营管理部门 (U00) and its 数据分析团队 (U02) both hold 跟踪和分析用户行为,优化用户体验和业务运营
    await page.waitForFunction(() => window.orgraph.chart.cy.edges('.overlap').length > 0);
    const drawn = await page.evaluate(() => window.orgraph.chart.cy.edges('.overlap').map((e) => [e.source().id(), e.target().id()].sort().join('~')));
    assert.ok(drawn.includes('u:U00~u:U02'), drawn.join(', '));
    const card = await page.textContent('#panel-overlaps');
    assert.match(card, /跟踪和分析用户行为/);
    await page.uncheck('#overlay-overlaps');
    await page.waitForFunction(() => window.orgraph.chart.cy.edges('.overlap').length === 0);
    await page.check('#overlay-overlaps');
    await page.waitForFunction(() => window.orgraph.chart.cy.edges('.overlap').length > 0);
    await screenshot(page, 'duty-overlaps');
  });

  test('the themes tab lists work held in several places, with its holders and their duties', async () => {
    assert.ok((await queryFields()).has('dutyThemes'), 'the API offers dutyThemes');
    await openOrg('hotel-ops-centre');
    await page.click('.tabs button[data-tab="themes"]');
    await page.waitForSelector('#panel-themes .card.theme', { timeout: 60000 });
    const themes = await page.$$eval('#panel-themes .card.theme', (cards) => cards.map((c) => c.textContent));
    // the office's 监督 and the operations department's 指导 of the departments' operations: one theme
    const supervising = themes.find((text) => text.includes('监督各部门的运营工作'));
    assert.ok(supervising, themes.join('\n'));
    assert.match(supervising, /总经理办公室/);
    assert.match(supervising, /运营管理部/);
    assert.match(supervising, /指导各部门的运营工作/);
    await screenshot(page, 'duty-themes');
  });

  test('the orphan overlay marks a post whose duty nobody holds', async () => {
    assert.ok((await queryFields()).has('orphanedDuties'), 'the API offers orphanedDuties');
    await openOrg(CAR_RENTAL);
    await page.check('#overlay-orphans');
    await page.waitForFunction(() => window.orgraph.chart.cy.getElementById('p:P11').hasClass('orphan'));
    await page.click('.tabs button[data-tab="orphans"]');
    assert.match(await page.textContent('#panel-orphans'), /负责执行市场营销活动/);
    await screenshot(page, 'orphaned-duties');
  });

  test('the metrics panel charts span of control, vacancies by unit and layers', async () => {
    await openOrg(CAR_RENTAL);
    await page.click('.tabs button[data-tab="metrics"]');
    await page.waitForSelector('#metrics-summary');
    await page.waitForFunction(() => document.querySelectorAll('#panel-metrics .chart-box canvas').length === 3);
    const summary = await page.textContent('#metrics-summary');
    assert.match(summary, /6 units · 15 posts · 10 people/);
    assert.match(summary, /3 layers/);
    await screenshot(page, 'metrics');
  });

  test('the page speaks Chinese to a Chinese browser and switches to English', async () => {
    page = await openPage(browser, `/#org=${CAR_RENTAL}`, { locale: 'zh-CN' });
    await chartOf(page, CAR_RENTAL);
    assert.equal(await page.textContent('.views button[data-view="chart"]'), '组织架构图');
    await clickNode(page, 'p:P11');
    await page.waitForSelector('#chain ol li');
    assert.match(await page.textContent('#panel-details'), /汇报链/);
    await screenshot(page, 'org-chart-zh');
    await page.click('#lang');
    assert.equal(await page.textContent('.views button[data-view="chart"]'), 'Org chart');
    await page.waitForFunction(() => /Chain of command/i.test(document.querySelector('#panel-details').textContent));
  });

  test('the compare view lists what moved, appeared and disappeared between two revisions', async () => {
    const base = {
      key: 'ui-compare', name: 'Compare 对比',
      units: [{ key: 'HQ', name: 'Head Office', parent: null }, { key: 'FIN', name: '财务部', parent: 'HQ' }, { key: 'OPS', name: 'Operations', parent: 'HQ' }],
      positions: [
        { key: 'CEO', title: 'Chief Executive', unit: 'HQ' },
        { key: 'CFO', title: '财务总监', unit: 'FIN', reportsTo: 'CEO' },
        { key: 'AP', title: 'Accounts Payable', unit: 'FIN' },
        { key: 'OLD', title: 'Archivist', unit: 'OPS' },
      ],
      people: [{ key: 'E1', name: 'Ada', holds: [{ position: 'CEO' }] }],
    };
    await importDocument('ui-compare', base);
    await importDocument('ui-compare', {
      ...base,
      positions: [
        base.positions[0], base.positions[1],
        { key: 'AP', title: 'Accounts Payable', unit: 'OPS' },
        { key: 'NEW', title: 'Data Steward', unit: 'OPS' },
      ],
    });
    page = await openPage(browser, '/#org=ui-compare&view=compare');
    await page.waitForSelector('#compare-result section[data-list="positionsMoved"] td');
    const section = async (list) => page.textContent(`#compare-result section[data-list="${list}"]`);
    assert.match(await section('positionsMoved'), /AP[\s\S]*FIN → OPS/);
    assert.match(await section('positionsAdded'), /NEW/);
    assert.match(await section('positionsRemoved'), /OLD/);
    await screenshot(page, 'compare-revisions');
  });

  test('a 10,000-post organisation opens progressively and never draws everything', async () => {
    const doc = syntheticOrg({ positions: 10000, key: 'synthetic-10000' });
    const imported = await importDocument('synthetic-10000', doc);
    assert.equal(imported.counts?.positions ?? 10000, 10000);
    await openOrg('synthetic-10000');
    const count = () => page.evaluate(() => window.orgraph.chart.cy.nodes().length);
    const first = await count();
    // the top unit open: its head, 10 divisions and 99 posts, packed into a grid
    assert.ok(first > 10 && first <= 130, `first view draws ${first} nodes`);
    await clickNode(page, 'u:U3');
    await page.waitForFunction((n) => window.orgraph.chart.cy.nodes().length > n, first);
    assert.ok(await count() <= 200);
    // someone deep down, at the end of a long list, is revealed without opening everything
    const last = doc.people.at(-1);
    const key = last.holds[0].position;
    await page.fill('#search', last.name);
    await page.waitForSelector(`#search-results li[data-key="${last.key}"]`);
    await page.click(`#search-results li[data-key="${last.key}"]`);
    await page.waitForFunction((id) => window.orgraph.chart.cy.getElementById(id).hasClass('selected'), 'p:' + key);
    await page.waitForSelector('#chain ol li');
    assert.deepEqual(await chainInPanel(page), await apiChain('synthetic-10000', key));
    assert.ok(await count() < 400, `after revealing a deep post ${await count()} nodes are drawn`);
    await screenshot(page, 'synthetic-10k');
  });

  test('an unknown token is refused; the page asks for another and sends it as a bearer token', async () => {
    assert.ok(ADMIN_TOKEN, 'the service was started with ORGRAPH_ADMIN_TOKEN');
    page = await openPage(browser, null, { token: 'not-a-token' });
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.headers().authorization ?? null);
    });
    await page.goto(`${BASE}/#org=${CAR_RENTAL}`);
    await page.waitForSelector('#token-dialog[open]');
    await screenshot(page, 'token-prompt');
    await page.fill('#token-input', ADMIN_TOKEN);
    await page.click('#token-dialog button[value="ok"]');
    await chartOf(page, CAR_RENTAL);
    assert.equal(sent[0], 'Bearer not-a-token');
    assert.ok(sent.includes('Bearer ' + ADMIN_TOKEN), 'the new token is sent');
    assert.equal(sent.at(-1), 'Bearer ' + ADMIN_TOKEN);
    // the refused requests are what the browser reports as failed loads; nothing else may be
    const refused = page.problems.filter((p) => /status of 401/.test(p));
    assert.ok(refused.length >= 1);
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !refused.includes(p)));
  });

  test('a viewer limited to one organisation sees only it, with people as pseudonyms', async () => {
    const { createApiToken } = await api(`mutation { createApiToken(input: {name: "browser test viewer", role: VIEWER,
      organization: "${CAR_RENTAL}"}) { token } }`, {}, { admin: true });
    page = await openPage(browser, '/', { token: createApiToken.token });
    await chartOf(page, CAR_RENTAL);
    const orgs = await page.$$eval('#org option', (options) => options.map((o) => o.value).filter(Boolean));
    assert.deepEqual(orgs, [CAR_RENTAL]);
    const label = await page.evaluate(() => window.orgraph.chart.cy.getElementById('p:P10').data('label'));
    assert.match(label, /市场部经理/);
    assert.doesNotMatch(label, /Demo Person/, 'names are pseudonyms for viewers');
    await page.fill('#search', 'Demo Person 007');
    await page.waitForSelector('#search-results:not([hidden]) li');
    assert.equal(await page.$$eval('#search-results li[data-kind="PERSON"]', (items) => items.length), 0);
    await screenshot(page, 'viewer-pseudonyms');
  });
});
