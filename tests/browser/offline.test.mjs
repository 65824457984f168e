// The offline single file (dist/kizuna.html) opened from file:// with the browser offline: it draws,
// takes a lever change, runs an analysis in its Web Worker, opens links pasted into the address bar
// and autosaves, with the very same results as the served site and without one network request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames } from './harness.mjs';

const offlineHtml = process.env.KIZUNA_OFFLINE_HTML;
let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';
const ANALYSIS = { runs: 60, seed: 11, chunkRuns: 20 };

// The same steps on either build: a lever change, a view, a Monte Carlo run in the worker.
async function exercise(page) {
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate((path) => window.kizuna.setLever(path, 0.4), HALT), []);
  await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_magnet', month: 4 }));
  const analysis = await page.evaluate((options) => window.kizuna.runAnalysis('montecarlo', options), ANALYSIS);
  await page.waitForFunction(() => location.hash === `#${window.kizuna.link()}`);  // the address bar follows
  return page.evaluate((result) => ({
    summary: window.kizuna.summary(),
    link: window.kizuna.link(),
    analysis: { hash: result.hash, expectedTotalLoss: result.expectedTotalLoss, runs: result.runs },
  }), analysis);
}

const onlyLocal = (requests) => requests.filter((url) => !/^(file|blob|data):/.test(url));

test('dist/kizuna.html is one file: nothing beside it is needed', () => {
  assert.ok(offlineHtml && fs.existsSync(offlineHtml), `${offlineHtml} exists (built with the web preset)`);
  const html = fs.readFileSync(offlineHtml, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/, 'no script or stylesheet is fetched');
  assert.match(html, /id="kizuna-files"/);
});

test('offline from file:// it gives the served site\'s results, worker analysis included', async () => {
  const served = await openPage(browser, site.url);
  const expected = await exercise(served.page);
  await served.context.close();

  const offline = await openPage(browser, pathToFileURL(offlineHtml).href, { offline: true });
  const seen = await exercise(offline.page);
  assert.deepEqual(seen.summary, expected.summary, 'the same summary, selection and metrics');
  assert.equal(seen.link, expected.link, 'the same share link');
  assert.deepEqual(seen.analysis, expected.analysis, 'the worker\'s Monte Carlo result is bit-identical');
  const saved = await offline.page.evaluate(() => JSON.parse(localStorage.getItem('kizuna.autosave')));
  assert.equal(saved.fragment, seen.link, 'the work is autosaved');
  assert.deepEqual(onlyLocal(offline.requests), [], 'no network request');
  assert.deepEqual(offline.consoleErrors, []);
  await offline.context.close();
});

test('offline, a link pasted into the address bar opens, on load and on hashchange', async () => {
  const fileUrl = pathToFileURL(offlineHtml).href;
  const sender = await openPage(browser, fileUrl, { offline: true });
  await waitUntilRunning(sender.page, 3);
  await sender.page.evaluate((path) => window.kizuna.setLever(path, 0.2), HALT);
  await sender.page.evaluate(() => window.kizuna.setComparison('preset'));
  const link = await sender.page.evaluate(() => window.kizuna.link());
  const sent = await sender.page.evaluate(() => window.kizuna.summary());
  await sender.context.close();

  const viewer = await openPage(browser, `${fileUrl}#${link}`, { offline: true });
  await waitUntilRunning(viewer.page, 3);
  assert.deepEqual(await viewer.page.evaluate(() => window.kizuna.summary()), sent, 'opened on load');

  // Pasted over running work: the hash changes in place and the page follows.
  await viewer.page.evaluate((path) => window.kizuna.setLever(path, 0.9), HALT);
  await viewer.page.waitForFunction((l) => location.hash !== `#${l}`, link);
  await viewer.page.evaluate((l) => { location.hash = l; }, link);
  await viewer.page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, sent.metrics.lossUsd);
  assert.deepEqual(onlyLocal(viewer.requests), [], 'no network request');
  assert.deepEqual(viewer.consoleErrors, []);
  await viewer.context.close();
});

test('offline, the other bundled scenarios and the model card open from the file', async () => {
  const { page, context, consoleErrors } = await openPage(browser, pathToFileURL(offlineHtml).href, { offline: true });
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('two-sector')), []);
  assert.equal(await page.evaluate(() => window.kizuna.summary().scenario), 'two-sector');
  const missing = await page.evaluate(() => window.kizuna.loadPreset('no-such-scenario'));
  assert.match(missing[0].message, /not in this file/);
  // Help's "model card" link: the embedded MODEL.md in a new tab.
  const [card] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => Module.kizunaOpenUrl('MODEL.md'))]);
  await card.waitForLoadState();
  assert.match(card.url(), /^blob:/);
  assert.match(await card.locator('body').textContent(), /# Kizuna/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('offline, Japanese gets its font and an exercise starts, both from the file', async () => {
  const { page, context, consoleErrors, requests } = await openPage(browser, pathToFileURL(offlineHtml).href, { offline: true });
  await waitUntilRunning(page, 3);
  await page.evaluate(() => window.kizuna.setLanguage('ja'));
  await page.evaluate(() => Module.kizunaLoadFont());  // the font request the language change made
  await frames(page, 3);  // the atlas is rebuilt with the font's glyphs
  assert.equal(await page.evaluate(() => window.kizuna.status()), '', 'no font error');
  assert.match(await page.evaluate(() => window.kizuna.summary().readout), /か月目/);
  assert.deepEqual(await page.evaluate(() => window.kizuna.workshop.start('rare-earth-squeeze')), []);
  assert.equal(await page.evaluate(() => window.kizuna.workshop.state().role), 'facilitator');
  assert.deepEqual(onlyLocal(requests), [], 'no network request');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
