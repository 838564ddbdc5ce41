// The org chart on organisations of real size (issue 15): a 700-post UK organogram in the
// published CSV format, its ~140 units flat under the department as the format has them, and a
// 10,000-post organisation. The root stays on screen, Fit fits, the duty overlaps load within
// the server's published limits, and a chain of command is drawn along the tree.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  api, BASE, chartGeometry, chartOf, importDocument, importFiles, inside, launch, openPage, organizationExists, screenshot, watchGraphQl,
} from '../lib/browser.mjs';
import { syntheticOrg } from '../synthetic-org.mjs';
import { ukOrganogram } from '../uk-organogram.mjs';

const UK = 'uk-synthetic-700';
const BIG = 'synthetic-10000';

let browser;
let page;
let uk;
before(async () => {
  browser = await launch();
  uk = ukOrganogram({ posts: 700 });
  if (!(await organizationExists(UK))) {
    await importFiles(UK, 'uk-organogram', [{ name: 'synthetic-senior.csv', text: uk.senior }, { name: 'synthetic-junior.csv', text: uk.junior }]);
  }
  if (!(await organizationExists(BIG))) await importDocument(BIG, syntheticOrg({ positions: 10000, key: BIG }));
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

async function open(org, hash = '', options = {}) {
  page = await openPage(browser, null, options);
  const seen = watchGraphQl(page);
  await page.goto(`${BASE}/#org=${org}${hash}`);
  await chartOf(page, org);
  return seen;
}

async function apiChain(org, position) {
  const data = await api('query($org: ID!, $p: ID!) { chainOfCommand(org: $org, position: $p) { links { position { key } } } }', { org, p: position });
  return data.chainOfCommand[0].links.map((l) => l.position.key);
}

/** The chain as drawn: the highlighted posts, and whether every highlighted line is a line of the tree. */
const drawnChain = (p) => p.evaluate(() => {
  const cy = window.orgraph.chart.cy;
  return {
    posts: cy.nodes('.chain').map((n) => n.id()).sort(),
    lines: cy.edges('.chain').length,
    alongTree: cy.edges('.chain').every((e) => e.hasClass('tree')),
    arcs: cy.edges().filter((e) => e.style('curve-style') !== 'taxi' && !e.hasClass('overlap')).length,
  };
});

async function assertFitFits(p, name) {
  await p.click('#fit');
  const geometry = await chartGeometry(p);
  assert.ok(inside(geometry.all, geometry), `${name}: after Fit everything is on screen: ${JSON.stringify(geometry)}`);
  assert.ok(geometry.root && inside(geometry.root, geometry), `${name}: the root is on screen after Fit`);
}

describe('a 700-post UK organogram', () => {
  test('the first view shows the department at the top, every unit without "+ more", and Fit fits', async () => {
    const units = (await api('query($org: ID!) { organization(key: $org) { units(first: 1) { totalCount } } }', { org: UK }).catch(() => null))
      ?.organization?.units?.totalCount;
    await open(UK);
    const geometry = await chartGeometry(page);
    assert.ok(geometry.root && inside(geometry.root, geometry), `the root is on screen at first: ${JSON.stringify(geometry)}`);
    assert.ok(geometry.zoom >= 0.44, `the first view is readable (zoom ${geometry.zoom})`);
    const drawn = await page.evaluate(() => ({
      units: window.orgraph.chart.cy.nodes('.unit').length,
      more: window.orgraph.chart.cy.nodes('.more').length,
      frames: window.orgraph.chart.cy.nodes('.frame').length,
    }));
    assert.ok(uk.units >= 130, `the generated file has ${uk.units} units`);
    if (units) assert.ok(units >= uk.units, `${units} units stored`);
    assert.ok(drawn.units >= uk.units, `all ${uk.units} units are drawn (${drawn.units})`);
    assert.equal(drawn.more, 0, 'no "+ more" node hides units');
    assert.ok(drawn.frames >= 1, 'the flat units are packed into a grid');
    await screenshot(page, 'uk-700-first-view');
    await assertFitFits(page, 'UK 700');
    await screenshot(page, 'uk-700-fit');
  });

  test('duty overlaps load in batches within the server\'s published alias limit', async () => {
    const seen = await open(UK);
    const { graphqlLimits: limits } = await api('{ graphqlLimits { maxAliases maxRootFields } }');
    await page.check('#overlay-overlaps');
    await page.waitForSelector('#panel-overlaps .card', { timeout: 60000 });
    await page.waitForFunction(() => window.orgraph.chart.cy.edges('.overlap').length > 0, null, { timeout: 60000 });
    const panel = await page.textContent('#panel-overlaps');
    assert.doesNotMatch(panel, /aliases|too many|error|出错/i);
    const holders = await page.evaluate(() => new Set(window.orgraph.state.overlaps.items.slice(0, 25)
      .flatMap((o) => o.duties.map((d) => d.holder.kind + d.holder.key))).size);
    assert.ok(holders > limits.maxAliases, `the drawn overlaps have ${holders} holders, more than one request may alias (${limits.maxAliases})`);
    assert.ok(seen.maxAliases <= limits.maxAliases, `a request had ${seen.maxAliases} aliases`);
    assert.deepEqual(seen.codes.filter((c) => /ALIAS|TOO_|QUERY_TOO|REQUEST_TOO/.test(c)), [], 'no request was refused for its size');
    await screenshot(page, 'uk-700-overlaps');
  });

  test('a chain of command is drawn along the unit tree, and along the reporting-lines tree', async () => {
    const start = 'B40';
    const expected = await apiChain(UK, start);
    assert.ok(expected.length >= 4 && expected.at(-1) === uk.top, `the chain of ${start}: ${expected}`);
    await open(UK, `&sel=POSITION:${start}`);
    await page.waitForSelector('#chain ol li');
    await page.waitForFunction((n) => window.orgraph.chart.cy.nodes('.chain').length === n, expected.length);
    let chain = await drawnChain(page);
    assert.deepEqual(chain.posts, expected.map((k) => 'p:' + k).sort());
    assert.ok(chain.lines >= expected.length - 1, `${chain.lines} lines of the tree are highlighted`);
    assert.ok(chain.alongTree, 'the chain is drawn with the tree\'s lines');
    assert.equal(chain.arcs, 0, 'no line crosses the page as an arc');
    await screenshot(page, 'uk-700-chain-units');
    // the junior staff the junior file counts under the post
    const fte = uk.junior.split('\n').slice(1).filter(Boolean).map((row) => JSON.parse(`[${row}]`))
      .filter((cells) => cells[3] === start).reduce((n, cells) => n + Number(cells[8]), 0);
    assert.ok(fte > 0, `the junior file counts staff under ${start}`);
    assert.match(await page.textContent('#panel-details'), new RegExp(`Junior staff under it\\s*${Math.round(fte * 100) / 100} FTE`));

    await page.click('.segmented button[data-tree="lines"]');
    await page.waitForFunction(() => window.orgraph.chart.mode === 'lines' && window.orgraph.chart.cy.nodes('.line-post').length > 0);
    await page.waitForFunction((n) => window.orgraph.chart.cy.edges('.chain').length === n - 1, expected.length, { timeout: 30000 });
    chain = await drawnChain(page);
    assert.deepEqual(chain.posts, expected.map((k) => 'p:' + k).sort());
    assert.ok(chain.alongTree);
    // in the reporting tree each post hangs from the post it reports to
    const parents = await page.evaluate((keys) => keys.slice(0, -1).map((key) => {
      const cy = window.orgraph.chart.cy;
      const edge = cy.getElementById('t:p:' + key);
      const source = edge.nonempty() ? edge.source() : null;
      return source?.hasClass('frame') ? cy.getElementById('t:' + source.id()).source().id() : source?.id();
    }), expected);
    assert.deepEqual(parents, expected.slice(1).map((k) => 'p:' + k));
    assert.match(await page.evaluate(() => location.hash), /tree=lines/);
    await assertFitFits(page, 'UK 700 reporting lines');
    await screenshot(page, 'uk-700-chain-lines');
  });

  test('the page asks the API in its own language', async () => {
    const seen = await open(UK, '', { locale: 'en-US' });
    assert.ok(seen.languages.length > 0 && seen.languages.every((l) => l === 'en'), seen.languages.join(' | '));
    const before = seen.languages.length;
    await page.click('#lang');
    await page.check('#overlay-orphans');
    await page.waitForFunction(() => window.orgraph.state.orphans !== null, null, { timeout: 60000 });
    const after = seen.languages.slice(before);
    assert.ok(after.length > 0 && after.every((l) => l.startsWith('zh')), after.join(' | '));
  });
});

describe('a 10,000-post organisation', () => {
  test('the root is on screen, Fit fits, overlaps load within the limits and a deep chain is drawn along the tree', async () => {
    const seen = await open(BIG);
    let geometry = await chartGeometry(page);
    assert.ok(geometry.root && inside(geometry.root, geometry), `the root is on screen: ${JSON.stringify(geometry)}`);
    const first = await page.evaluate(() => window.orgraph.chart.cy.nodes().length);
    assert.ok(first < 400, `the first view draws ${first} nodes, not 10,000`);
    await assertFitFits(page, '10k');

    const { graphqlLimits: limits } = await api('{ graphqlLimits { maxAliases } }');
    await page.check('#overlay-overlaps');
    // the synthetic organisation's duties are all worded differently: its overlaps are similar ones,
    // which come once the server has worked out what its tens of thousands of duty texts mean (minutes
    // on two cores); meanwhile the panel says how far that has come
    await page.waitForFunction(() => window.orgraph.chart.cy.edges('.overlap').length > 0
      || document.querySelector('#panel-overlaps .pending'), null, { timeout: 90000 });
    const drawnOverlaps = await page.evaluate(() => window.orgraph.chart.cy.edges('.overlap').length);
    if (!drawnOverlaps) {
      assert.ok((await page.textContent('#panel-overlaps .pending')).trim().length > 0, 'the panel says the overlaps are on their way');
    }
    assert.ok(seen.maxAliases <= limits.maxAliases, `a request had ${seen.maxAliases} aliases`);
    assert.deepEqual(seen.codes.filter((c) => /ALIAS|TOO_|QUERY_TOO|REQUEST_TOO/.test(c)), []);
    const unitsDrawn = await page.evaluate(() => window.orgraph.chart.cy.nodes().length);
    assert.ok(unitsDrawn < 1000, `the unit tree draws ${unitsDrawn} nodes with the overlaps on`);
    if (drawnOverlaps) {
      // the same overlaps in the reporting-lines tree: opened post by post, not the whole tree
      await page.click('.segmented button[data-tree="lines"]');
      await page.waitForFunction(() => window.orgraph.chart.mode === 'lines' && window.orgraph.chart.cy.nodes('.line-post').length > 0 && window.orgraph.chart.cy.edges('.overlap').length > 0, null, { timeout: 120000 });
      const linesDrawn = await page.evaluate(() => window.orgraph.chart.cy.nodes().length);
      assert.ok(linesDrawn < 600, `the reporting tree draws ${linesDrawn} nodes with the overlaps on`);
      assert.ok(seen.maxAliases <= limits.maxAliases, `a request had ${seen.maxAliases} aliases`);
      assert.deepEqual(seen.codes.filter((c) => /ALIAS|TOO_|QUERY_TOO|REQUEST_TOO/.test(c)), []);
    }
    await page.uncheck('#overlay-overlaps');
    await page.click('.segmented button[data-tree="units"]');

    const deep = 'U10-10-10-P8';
    const expected = await apiChain(BIG, deep);
    await page.evaluate((key) => { location.hash = `org=synthetic-10000&sel=POSITION:${key}`; }, deep);
    await page.reload();
    await chartOf(page, BIG);
    await page.waitForFunction((n) => window.orgraph.chart.cy.nodes('.chain').length === n, expected.length, { timeout: 30000 });
    const chain = await drawnChain(page);
    assert.deepEqual(chain.posts, expected.map((k) => 'p:' + k).sort());
    assert.ok(chain.alongTree && chain.lines >= expected.length - 1);
    assert.equal(chain.arcs, 0);
    geometry = await chartGeometry(page);
    assert.ok(await page.evaluate(() => window.orgraph.chart.cy.nodes().length) < 600);
    await screenshot(page, 'synthetic-10k-chain');
  });
});
