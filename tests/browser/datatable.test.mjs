// The accessible summary: the findings, the changed levers and the chart's data mirrored into the
// page as headings and tables (hidden visually, in the accessibility tree), matching the page API
// (kizuna.summary(), changedLevers(), chart()), following a lever change, and shown by the visible
// "Data table" button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';

// The tables as arrays of rows of cell texts, and the page API's view of the same state.
function readPage(page) {
  return page.evaluate(() => {
    const rows = (id) => [...document.querySelectorAll(`#${id} tr`)].map((row) => [...row.cells].map((cell) => cell.textContent));
    return {
      version: document.getElementById('data-summary').dataset.version,
      findings: document.getElementById('findings').textContent,
      levers: rows('data-levers'),
      chart: rows('data-chart'),
      chartCaption: document.querySelector('#data-chart caption').textContent,
      api: { summary: window.kizuna.summary(), levers: window.kizuna.changedLevers(), chart: window.kizuna.chart() },
    };
  });
}

// Waits until the page has rebuilt the table after `version`.
const rebuiltAfter = (page, version) => page.waitForFunction(
  (v) => document.getElementById('data-summary').dataset.version !== v, version);

function assertChartTable(seen) {
  const { chart } = seen.api;
  assert.ok(chart.months > 0 && chart.series.length > 0, 'the chart has data');
  assert.match(seen.chartCaption, new RegExp(chart.title.replace(/[()]/g, '.')));
  assert.deepEqual(seen.chart[0], ['Month', ...chart.series.map((s) => (s.id === chart.region ? `${s.name} (selected)` : s.name))]);
  assert.equal(seen.chart.length, chart.months + 1, 'a row per month');
  for (let month = 0; month < chart.months; month++) {
    assert.deepEqual(seen.chart[month + 1], [String(month), ...chart.series.map((s) => s.text[month])], `month ${month}`);
  }
}

test('findings, levers and chart data are in the page as headings and tables matching the page API', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => document.getElementById('data-summary').dataset.version);
  const seen = await readPage(page);
  assert.equal(seen.findings, seen.api.summary.findings);
  assert.deepEqual(seen.api.levers, [], 'nothing changed yet');
  assert.equal(seen.levers.length, 1, 'only the header row');
  assertChartTable(seen);
  const fulfilment = seen.api.chart.series.find((s) => s.id === seen.api.summary.selection.region);
  assert.ok(Math.abs(Math.min(...fulfilment.values) - seen.api.summary.metrics.worstFulfilment) < 1e-12,
    'the selected region\'s series is the one the summary reads');

  // Reachable by assistive technology while hidden: headings, a live region, tables by caption.
  for (const name of ['Key findings', 'Levers changed from the preset', 'Chart data']) {
    assert.equal(await page.getByRole('heading', { name }).count(), 1, name);
  }
  assert.equal(await page.locator('#findings').getAttribute('aria-live'), 'polite');
  assert.equal(await page.getByRole('table', { name: /by month/ }).count(), 1);
  const hidden = await page.locator('#data-summary').boundingBox();
  assert.ok(hidden.width <= 1 && hidden.height <= 1, 'visually hidden');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a lever change updates the tables; the Data table button shows and hides them', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => document.getElementById('data-summary').dataset.version);
  const before = await readPage(page);
  assert.deepEqual(await page.evaluate((path) => window.kizuna.setLever(path, 0.25), HALT), []);
  await rebuiltAfter(page, before.version);
  const seen = await readPage(page);
  assert.notDeepEqual(seen.chart, before.chart, 'the chart data followed the change');
  assertChartTable(seen);
  assert.equal(seen.findings, seen.api.summary.findings);
  const changed = seen.api.levers.find((lever) => lever.path === HALT);
  assert.ok(changed, 'the lever is listed as changed');
  const row = seen.levers.find((cells) => cells[1] === HALT);
  assert.deepEqual(row, [changed.name, HALT, '25%', changed.presetText]);
  assert.ok(changed.name && !changed.name.includes(HALT), `the lever is named in words: ${changed.name}`);
  assert.equal(seen.levers.length, seen.api.levers.length + 1);

  // The button is HTML outside the canvas, reachable by keyboard.
  const toggle = page.getByRole('button', { name: 'Data table' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const shown = await page.locator('#data-summary').boundingBox();
  assert.ok(shown.width > 400 && shown.height > 200, `shown: ${JSON.stringify(shown)}`);
  assert.ok(await page.getByRole('cell', { name: HALT }).isVisible());
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok((await page.locator('#data-summary').boundingBox()).width <= 1, 'hidden again');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the table follows the chart\'s selection and comparison, not every frame', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => document.getElementById('data-summary').dataset.version);
  const first = await readPage(page);
  await page.waitForFunction((count) => window.kizuna.stats().frames >= count, (await page.evaluate(() => window.kizuna.stats().frames)) + 5);
  assert.equal((await readPage(page)).version, first.version, 'frames alone do not rebuild it');
  await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_magnet' }));
  await rebuiltAfter(page, first.version);
  const magnets = await readPage(page);
  assert.equal(magnets.api.chart.good, 're_magnet');
  assertChartTable(magnets);
  await page.evaluate(() => window.kizuna.setComparison('none'));
  await rebuiltAfter(page, magnets.version);
  const alone = await readPage(page);
  assert.ok(!alone.api.chart.series.some((s) => s.id === 'comparison'), 'no comparison line without a comparison');
  assertChartTable(alone);
  await context.close();
});
