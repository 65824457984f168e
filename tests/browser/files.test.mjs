// Share choices, scenario files and exports in Chromium: Share copies a link to the view or to the
// comparison; a scenario file opens from the file picker or by dropping it, and bad files are named
// while the work stays; File > Export downloads the scenario, the results CSV and PNGs; work opened
// from a file is autosaved and offered back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl, pixelStats } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';

async function menu(page, menuName, entry) {
  await clickControl(page, menuName);
  await clickControl(page, entry);
}

test('Share copies a link to this view and a link to this comparison, each confirmed', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await waitUntilRunning(page, 3);
  await page.evaluate((path) => window.kizuna.setLever(path, 0.3), HALT);
  // The horizon's last month: the default view is the worst month (the earliest of equals), never it.
  const lastMonth = (await page.evaluate(() => window.kizuna.summary())).months - 1;
  await page.evaluate((month) => window.kizuna.select({ region: 'JP', good: 're_magnet', month }), lastMonth);
  await frames(page);

  await menu(page, 'share', 'share-view');
  await page.waitForFunction(() => /Link copied/.test(window.kizuna.status()));
  const viewUrl = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(viewUrl, `${site.url}#${await page.evaluate(() => window.kizuna.link())}`);

  await menu(page, 'share', 'share-comparison');
  await page.waitForFunction((previous) => navigator.clipboard.readText().then((text) => text !== previous), viewUrl);
  const comparisonUrl = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(comparisonUrl, `${site.url}#${await page.evaluate(() => window.kizuna.link('comparison'))}`);
  const sent = await page.evaluate(() => window.kizuna.summary());

  const viewer = await openPage(browser, comparisonUrl);
  await waitUntilRunning(viewer.page, 3);
  const seen = await viewer.page.evaluate(() => window.kizuna.summary());
  assert.equal(seen.metrics.lossUsd, sent.metrics.lossUsd, 'the same scenario');
  assert.equal(seen.comparison, sent.comparison);
  assert.equal(sent.selection.month, lastMonth);
  assert.notEqual(seen.selection.month, lastMonth, 'the default view, not the sender\'s selection');
  assert.deepEqual(consoleErrors, []);
  await viewer.context.close();
  await context.close();
});

test('a scenario file opens from the picker and by dropping it; bad files are named and the work stays', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate((path) => window.kizuna.setLever(path, 0.3), HALT);
  const edited = await page.evaluate(() => ({ json: window.kizuna.exportScenario(), summary: window.kizuna.summary() }));
  await page.evaluate(() => window.kizuna.loadPreset('re-2010-japan'));
  assert.notEqual(await page.evaluate(() => window.kizuna.summary().metrics.lossUsd), edited.summary.metrics.lossUsd);

  await clickControl(page, 'file-menu');
  const chooser = page.waitForEvent('filechooser');
  await clickControl(page, 'file-open');
  await (await chooser).setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(edited.json) });
  await page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, edited.summary.metrics.lossUsd);
  assert.match(await page.evaluate(() => window.kizuna.status()), /Opened mine\.json/);
  const link = await page.evaluate(() => window.kizuna.link());
  assert.match(link, /^k/, 'a file that changes a bundled preset can be shared as a link');

  const work = await page.evaluate(() => window.kizuna.summary());
  const bad = [
    ['broken.json', '{ "id": "re-2010-japan", ', /broken\.json could not be opened: .*line/],
    ['types.json', JSON.stringify({ ...JSON.parse(edited.json), horizonMonths: 'long' }), /horizonMonths/],
    ['nul.json', 'x\u0000y', /NUL/],
    ['huge.json', ' '.repeat(5 << 20), /at most 4096 kB/],
    ['base.json', JSON.stringify({ base: 'no-such-world', id: 'x' }), /no-such-world/],
  ];
  for (const [name, text, expected] of bad) {
    // Dropped on the page, as a user would.
    await page.evaluate(([n, t]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([t], n, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [name, text]);
    await page.waitForFunction((n) => window.kizuna.status().includes(n), name);
    const status = await page.evaluate(() => window.kizuna.status());
    assert.match(status, expected, name);
    assert.match(status, /Your work is unchanged/, name);
    assert.deepEqual(await page.evaluate(() => window.kizuna.summary()), work, `${name} leaves the work`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('File > Export downloads the scenario, the results CSV with its header, and PNGs of the view and the chart', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate((path) => window.kizuna.setLever(path, 0.3), HALT);
  await frames(page);

  const download = async (entry) => {
    const started = page.waitForEvent('download');
    await menu(page, 'file-menu', entry);
    const file = await started;
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const scenario = await download('export-scenario');
  assert.equal(scenario.name, 're-2010-japan.json');
  assert.equal(scenario.bytes.toString(), await page.evaluate(() => window.kizuna.exportScenario()));

  const csv = await download('export-csv');
  assert.equal(csv.name, 're-2010-japan-results.csv');
  const lines = csv.bytes.toString().split('\n');
  const link = await page.evaluate(() => window.kizuna.link());
  assert.match(lines[0], /^# Kizuna \d+\.\d+\.\d+ results for scenario re-2010-japan$/);
  assert.ok(lines.includes(`# Link: ${site.url}#${link}`), 'the header names the link');
  assert.ok(lines.some((line) => line.startsWith('# Units: ')));
  const header = lines.find((line) => !line.startsWith('#'));
  assert.match(header, /^month,region,good,unit,production \(unit\/month\)/);
  const summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(lines.filter((line) => /^\d/.test(line)).length, summary.months * summary.regions * summary.goods);

  const view = await download('export-view-png');
  assert.equal(view.name, 're-2010-japan-view.png');
  const viewStats = pixelStats(view.bytes);
  assert.equal(viewStats.width, 1280);
  assert.ok(viewStats.brightFraction > 0.005, 'the panels\' text is in the picture');
  const chart = await download('export-chart-png');
  const chartRect = await page.evaluate(() => window.kizuna.uiRect('chart-window'));
  const chartStats = pixelStats(chart.bytes);
  assert.equal(chartStats.width, Math.round(chartRect.width));
  assert.equal(chartStats.height, Math.round(chartRect.height));
  assert.ok(chartStats.distinctColors > 10, 'a drawn chart, not a blank');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('work opened from a file of its own is autosaved and offered back after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitUntilRunning(page, 3);
  const own = await page.evaluate(async () => {
    const scenario = JSON.parse(await (await fetch('scenarios/two-sector.json')).text());
    scenario.id = 'my-own-world';
    return JSON.stringify(scenario);
  });
  assert.deepEqual(await page.evaluate((text) => window.kizuna.importScenario(text, 'own.json'), own), []);
  await assert.rejects(page.evaluate(() => window.kizuna.link()), /Export the scenario/);
  await page.evaluate(() => window.kizuna.setLever('horizonMonths', 30));
  await frames(page);
  await page.waitForFunction(() => (localStorage.getItem('kizuna.autosave') || '').includes('my-own-world'));
  const work = await page.evaluate(() => window.kizuna.summary());

  await page.goto(site.url);
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => window.kizuna.uiRect('restore-work') !== null);
  await frames(page);
  await clickControl(page, 'restore-work');
  await page.waitForFunction(() => window.kizuna.summary().scenario === 'my-own-world');
  assert.deepEqual(await page.evaluate(() => window.kizuna.summary()), work);
  await context.close();
});
