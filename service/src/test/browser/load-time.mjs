// How long the org chart page takes to show a 10,000-post organisation: imports the synthetic
// organisation (unless the server already has it), then opens the page three times in a fresh
// browser context each and reads the page's own mark for the first chart on screen.
//
//   ORGRAPH_URL=http://127.0.0.1:8080 node load-time.mjs [positions]
//
// Timing belongs here, not in the tests: this prints numbers and asserts nothing.

import { api, BASE, chartOf, importDocument, launch, openPage } from './lib/browser.mjs';
import { syntheticOrg } from './synthetic-org.mjs';

const positions = Number(process.argv[2] ?? 10000);
const key = `synthetic-${positions}`;
const RUNS = 3;

const existing = await api('query($key: ID!) { organization(key: $key) { revision { counts { positions } } } }', { key });
if (existing.organization?.revision?.counts.positions !== positions) {
  const started = Date.now();
  const result = await importDocument(key, syntheticOrg({ positions, key }));
  console.log(`imported ${key}: ${JSON.stringify(result.counts)} in ${Date.now() - started} ms`);
}

const browser = await launch();
const times = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const page = await openPage(browser, null);
    await page.goto(`${BASE}/#org=${key}`);
    await chartOf(page, key);
    const m = await page.evaluate(() => ({
      firstChart: performance.getEntriesByName('orgraph:first-chart')[0].startTime,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      nodes: window.orgraph.chart.cy.nodes().length,
      units: window.orgraph.chart.unitCount,
    }));
    times.push(m.firstChart);
    console.log(`run ${run}: first chart after ${m.firstChart.toFixed(0)} ms (DOMContentLoaded ${m.domContentLoaded.toFixed(0)} ms; ${m.units} units known, ${m.nodes} nodes drawn)${page.problems.length ? ' problems: ' + page.problems.join('; ') : ''}`);
    await page.context().close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
console.log(`median of ${RUNS}: ${times[Math.floor(RUNS / 2)].toFixed(0)} ms to the first chart of ${positions} posts`);
