// The document reader page (/documents.html): upload a consultant's document, see the tree
// beside the text with each item's source highlighted, edit the JSON, import it.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN, api, launch, openPage, screenshot } from '../lib/browser.mjs';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../../resources/documents/seeds/002_adface64810af4a0.txt');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a document is read into a tree beside its text, each item shows its source line, and the edited JSON imports', async () => {
  const page = await openPage(browser, '/documents.html', { token: ADMIN_TOKEN });
  try {
    await page.setInputFiles('#file', SEED);
    await page.click('#extract');
    await page.waitForFunction(() => document.body.dataset.extracted === '1', null, { timeout: 30000 });

    // the file holds several organisations: the first is shown, the others can be picked
    assert.ok(await page.$$eval('#part option', (o) => o.length) > 3);
    const units = await page.$$eval('#tree .item.unit', (els) => els.map((e) => e.textContent));
    assert.deepEqual(units.slice(0, 5), ['燃气公司运营部', '供应科', '调度科', '安全科', '客户服务科']);

    // clicking a duty marks its excerpt on its line of the text
    const duty = page.locator('#tree .item.duty', { hasText: '负责燃气资源的采购' });
    await duty.click();
    assert.equal(await page.evaluate(() => document.body.dataset.selectedLine), '17');
    const marked = await page.textContent('#text li.hit mark');
    assert.match(marked, /供应科:负责燃气资源的采购/);
    assert.ok(await page.$eval('#line-17', (li) => li.classList.contains('hit')));
    await screenshot(page, 'documents-extracted');

    // edit the JSON (rename the organisation) and import it
    const json = JSON.parse(await page.inputValue('#json'));
    json.name = '燃气公司运营部(审阅后)';
    await page.fill('#json', JSON.stringify(json, null, 2));
    await page.fill('#org-key', 'browser-gas-doc');
    await page.click('#import-button');
    await page.waitForFunction(() => document.body.dataset.imported, null, { timeout: 30000 });
    assert.match(await page.evaluate(() => document.body.dataset.imported), /^\d+$/, await page.textContent('#import-result'));
    assert.match(await page.textContent('#import-result'), /5 units, 2 positions/);

    const data = await api(`{ organization(key: "browser-gas-doc") { name unit(key: "U01") { name source { line excerpt } } } }`);
    assert.equal(data.organization.name, '燃气公司运营部(审阅后)');
    assert.equal(data.organization.unit.name, '供应科');
    assert.equal(data.organization.unit.source.line, 15); // named first in 第四条 (下设供应科、…)
    assert.match(data.organization.unit.source.excerpt, /下设供应科/);
    assert.deepEqual(page.problems, [], 'console errors or requests leaving localhost');
  } finally {
    await page.context().close();
  }
});

test('a file that is not a document gets a clear message', async () => {
  const page = await openPage(browser, '/documents.html');
  try {
    await page.setInputFiles('#file', { name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await page.click('#extract');
    await page.waitForFunction(() => document.body.dataset.extracted === 'error', null, { timeout: 30000 });
    assert.match(await page.textContent('#status'), /UNSUPPORTED_FORMAT.*\.docx/);
  } finally {
    await page.context().close();
  }
});
