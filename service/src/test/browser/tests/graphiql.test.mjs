// GraphiQL at /graphiql: works without internet, opens with one example tab per analytic.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN, api, BASE, launch, openPage, queryFields, screenshot } from '../lib/browser.mjs';

const TABS = {
  chainOfCommand: 'ChainOfCommand', commonSuperior: 'CommonSuperior', reports: 'Reports',
  reportingAnomalies: 'ReportingAnomalies', dutyOverlaps: 'DutyOverlaps', orphanedDuties: 'OrphanedDuties',
  dutyGaps: 'DutyGaps', vacancies: 'Vacancies', orgMetrics: 'OrgMetrics', unitMetrics: 'UnitMetrics',
  compareRevisions: 'CompareRevisions',
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('GraphiQL loads offline with example tabs for the analytics and runs a query', async () => {
  const page = await openPage(browser, '/graphiql');
  try {
    await page.waitForSelector('.graphiql-tab', { timeout: 30000 });
    const tabs = await page.$$eval('.graphiql-tab', (els) => els.map((e) => e.textContent.replace(/close icon$/, '').trim()));
    const fields = await queryFields();
    const expected = ['Overview', ...Object.entries(TABS).filter(([field]) => fields.has(field)).map(([, tab]) => tab)];
    for (const tab of expected) assert.ok(tabs.includes(tab), `tab ${tab} in ${tabs.join(', ')}`);

    const run = fields.has('chainOfCommand') ? 'ChainOfCommand' : fields.has('orphanedDuties') ? 'OrphanedDuties' : 'Overview';
    await page.click(`.graphiql-tab:has-text("${run}") .graphiql-tab-button`);
    await page.waitForFunction((name) => document.querySelector('.graphiql-query-editor')?.textContent.includes('query ' + name), run);
    await page.click('.graphiql-execute-button');
    // GraphiQL picks up a new tab's operation name a moment after the switch; a run that
    // still names the previous tab's operation is answered "Unknown operation" and run again
    await page.waitForFunction(() => {
      const text = document.querySelector('.result-window')?.textContent ?? '';
      if (/Unknown operation named/.test(text)) document.querySelector('.graphiql-execute-button').click();
      return /"data"/.test(text);
    }, null, { timeout: 30000, polling: 250 });
    const result = await page.textContent('.result-window');
    assert.doesNotMatch(result, /"errors"/);
    assert.match(result, run === 'ChainOfCommand' ? /市场部经理/ : run === 'OrphanedDuties' ? /ALL_HOLDERS_VACANT/ : /car-rental-ops-company/);
    await screenshot(page, 'graphiql');

    // every example tab is a query this server answers without errors
    const stored = JSON.parse(await (await page.waitForFunction(() => localStorage.getItem('graphiql:tabState'))).jsonValue());
    assert.equal(stored.tabs.length, tabs.length);
    for (const tab of stored.tabs) {
      const data = await api(tab.query).catch((e) => assert.fail(`tab ${tab.title}: ${e.message}`));
      assert.ok(Object.values(data).some((v) => v !== null), `tab ${tab.title} answers something`);
    }
    assert.deepEqual(page.problems, [], 'console errors or requests leaving localhost');
  } finally {
    await page.context().close();
  }
});

test('GraphiQL asks for a token when the API refuses the one it has, and then uses it', async () => {
  assert.ok(ADMIN_TOKEN, 'the service was started with ORGRAPH_ADMIN_TOKEN');
  const page = await openPage(browser, null, { token: 'not-a-token' });
  try {
    const prompts = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.type());
      dialog.accept(ADMIN_TOKEN);
    });
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.headers().authorization ?? null);
    });
    await page.goto(BASE + '/graphiql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30000 });
    assert.deepEqual(prompts, ['prompt']);
    assert.equal(sent[0], 'Bearer not-a-token');
    assert.equal(sent.at(-1), 'Bearer ' + ADMIN_TOKEN);
    assert.ok((await page.$$('.graphiql-tab')).length > 1, 'the example tabs are there once the token works');
    const refused = page.problems.filter((p) => /status of 401/.test(p));
    assert.deepEqual(page.problems.filter((p) => !refused.includes(p)), []);
  } finally {
    await page.context().close();
  }
});

test('GraphiQL reads the schema: its introspection query is answered and the Docs explorer lists the fields (issue 15)', async () => {
  const page = await openPage(browser, null);
  try {
    const answers = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const query = JSON.parse(response.request().postData() ?? '{}').query ?? '';
      if (/__schema/.test(query)) answers.push(await response.json());
    });
    await page.goto(BASE + '/graphiql');
    await page.waitForSelector('.graphiql-tab', { timeout: 30000 });
    await page.click('.graphiql-sidebar button[aria-label*="Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-root-type', { timeout: 30000 });
    await page.click('.graphiql-doc-explorer-content a.graphiql-doc-explorer-type-name >> text="Query"');
    await page.waitForFunction(() => /organizations/.test(document.querySelector('.graphiql-doc-explorer')?.textContent ?? ''));
    const docs = await page.textContent('.graphiql-doc-explorer');
    assert.match(docs, /graphqlLimits/);
    assert.ok(answers.length >= 1, 'GraphiQL asked for the schema');
    for (const answer of answers) assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    await screenshot(page, 'graphiql-docs');
    assert.deepEqual(page.problems, [], 'console errors or requests leaving localhost');
  } finally {
    await page.context().close();
  }
});
