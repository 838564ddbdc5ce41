// What every browser test shares: Debian's Chromium through playwright-core (never a
// downloaded browser), a page that records console errors and any request leaving this
// machine, and small helpers to talk to the API and to click nodes of the chart.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.ORGRAPH_URL ?? 'http://127.0.0.1:8080';
export const SCREENSHOTS = process.env.ORGRAPH_SCREENSHOTS
  ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../target/browser');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export async function launch() {
  return chromium.launch({
    executablePath: process.env.ORGRAPH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh page (own storage) at `path`. `page.problems` collects console errors, uncaught
 * exceptions and requests to anywhere but this machine (those are also aborted).
 */
export async function openPage(browser, pathAndHash = '/', { locale = 'en-US', token = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  // the token a user had stored; what the page stores later (after a reload too) wins
  if (token) await context.addInitScript((t) => sessionStorage.getItem('orgraph.token') ?? sessionStorage.setItem('orgraph.token', t), token);
  const problems = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    problems.push(`request left localhost: ${url.href}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.problems = problems;
  if (pathAndHash !== null) await page.goto(BASE + pathAndHash);
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the chart of `org` (any revision) is drawn. */
export async function chartOf(page, org) {
  await page.waitForFunction((key) => document.body.dataset.chartOrg?.startsWith(key + '@'), org, { timeout: 30000 });
}

/** Clicks a chart node where it is drawn on the canvas, as a person would. */
export async function clickNode(page, id) {
  const at = await page.evaluate((nodeId) => {
    const cy = window.orgraph.chart.cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    const box = cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  if (!at) throw new Error(`no node ${id} on the chart`);
  await page.mouse.click(at.x, at.y);
}

/** The admin token the service was started with (BrowserIT makes one up for each run). */
export const ADMIN_TOKEN = process.env.ORGRAPH_ADMIN_TOKEN ?? null;
const adminHeaders = () => (ADMIN_TOKEN ? { authorization: 'Bearer ' + ADMIN_TOKEN } : {});

/** Asks the API without a token, as the page does under the dev profile; `{admin: true}` as admin. */
export async function api(query, variables = {}, { admin = false } = {}) {
  const response = await fetch(BASE + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(admin ? adminHeaders() : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function queryFields() {
  const data = await api('{ __schema { queryType { fields { name } } } }');
  return new Set(data.__schema.queryType.fields.map((f) => f.name));
}

export async function importDocument(key, document) {
  const response = await fetch(`${BASE}/api/v1/orgs/${encodeURIComponent(key)}/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adminHeaders() },
    body: JSON.stringify(document),
  });
  const body = await response.json();
  if (response.status !== 201 && response.status !== 202) throw new Error(`import ${key}: ${response.status} ${JSON.stringify(body)}`);
  if (response.status === 202) await awaitImport(response.headers.get('location'));
  return body;
}

async function awaitImport(location) {
  const deadline = Date.now() + 300_000;
  const id = location.split('/').pop();
  while (Date.now() < deadline) {
    const { importJob } = await api('query($id: ID!) { importJob(id: $id) { state errors { message } } }', { id }, { admin: true });
    if (importJob.state === 'COMPLETE') return;
    if (importJob.state === 'REJECTED' || importJob.state === 'FAILED') throw new Error(JSON.stringify(importJob));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('import did not finish');
}

/** Imports files as a form would (`multipart/form-data`: `format` and one `file` part each), as admin. */
export async function importFiles(key, format, files) {
  const form = new FormData();
  form.append('format', format);
  for (const { name, text } of files) form.append('file', new Blob([text], { type: 'text/csv' }), name);
  const response = await fetch(`${BASE}/api/v1/orgs/${encodeURIComponent(key)}/imports`, {
    method: 'POST', headers: adminHeaders(), body: form,
  });
  const body = await response.json();
  if (response.status !== 201 && response.status !== 202) throw new Error(`import ${key}: ${response.status} ${JSON.stringify(body)}`);
  if (response.status === 202) await awaitImport(response.headers.get('location'));
  return body;
}

/** Whether an organisation is in the store already (tests share one service). */
export async function organizationExists(key) {
  const data = await api('query($key: ID!) { organization(key: $key) { key } }', { key });
  return data.organization !== null;
}

/**
 * Records what the page asks `/graphql`: the most aliases in one request, the error codes of
 * the answers, and the Accept-Language each request was sent with.
 */
export function watchGraphQl(page) {
  const seen = { maxAliases: 0, requests: 0, codes: [], languages: [] };
  const ALIAS = /(?<![$\w])[A-Za-z_]\w*\s*:\s*[A-Za-z_]\w*\s*[({]/g;
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const query = JSON.parse(request.postData() ?? '{}').query ?? '';
    seen.requests++;
    seen.maxAliases = Math.max(seen.maxAliases, (query.match(ALIAS) ?? []).length);
    seen.languages.push(request.headers()['accept-language'] ?? '');
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('/graphql')) return;
    try {
      const body = await response.json();
      for (const e of body.errors ?? []) seen.codes.push(e.extensions?.code ?? e.extensions?.classification ?? e.message);
    } catch {
      seen.codes.push(`HTTP ${response.status()}`);
    }
  });
  return seen;
}

/** Where the chart is on screen, and where everything drawn and its root are within it. */
export async function chartGeometry(page) {
  return page.evaluate(() => {
    const chart = window.orgraph.chart;
    const cy = chart.cy;
    const root = chart.rootNode();
    return {
      width: cy.width(),
      height: cy.height(),
      zoom: cy.zoom(),
      all: cy.elements().renderedBoundingBox(),
      root: root.nonempty() ? root.renderedBoundingBox() : null,
    };
  });
}

/** True when `box` lies inside a `width` × `height` chart (a pixel of rounding allowed). */
export const inside = (box, { width, height }) => box.x1 >= -1 && box.y1 >= -1 && box.x2 <= width + 1 && box.y2 <= height + 1;
