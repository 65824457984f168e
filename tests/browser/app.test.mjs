// The sandbox in Chromium: it opens on the default scenario, levers change results through the
// page API and through the mouse, comparison toggles, bad input is refused without losing work,
// presets load, panels fit at 1280x720 and 1920x1080, and no console errors appear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, pixelStats } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';

test('opens on the default scenario with its levers and a summary', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 5);
  const summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.scenario, 're-2010-japan');
  assert.ok(summary.readout.length > 20, summary.readout);
  assert.ok(summary.metrics.lossUsd > 0, 'the shocks cost something');
  assert.match(summary.findings, /Japan|oxide/, summary.findings);
  // The same findings are in the page's ARIA live region, for screen readers and copy-paste.
  await page.waitForFunction(() => document.getElementById('findings').textContent.length > 20);
  assert.equal(await page.locator('#findings').textContent(), summary.findings);
  assert.equal(await page.locator('#findings').getAttribute('aria-live'), 'polite');
  const levers = await page.evaluate(() => window.kizuna.levers());
  const halt = levers.find((lever) => lever.path === 'event.cn-halt-japan-2010.fraction');
  assert.ok(halt, 'the halt is a lever');
  assert.equal(halt.group, 'Shocks');
  assert.match(halt.source, /Source: .*halt/i);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('setting a lever re-runs the model and changes the summary; bad values change nothing', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const before = await page.evaluate(() => window.kizuna.summary());
  assert.deepEqual(await page.evaluate((path) => window.kizuna.setLever(path, 0), HALT), []);
  const after = await page.evaluate(() => window.kizuna.summary());
  assert.ok(after.metrics.lossUsd < before.metrics.lossUsd, `${after.metrics.lossUsd} < ${before.metrics.lossUsd}`);
  assert.notEqual(after.findings, before.findings, 'the findings follow the change');
  await page.waitForFunction((text) => document.getElementById('findings').textContent === text, after.findings);
  const refused = await page.evaluate((path) => window.kizuna.setLever(path, 5), HALT);
  assert.equal(refused.length, 1);
  assert.match(refused[0].message, /0\.\.1|range|must be/);
  const unchanged = await page.evaluate(() => window.kizuna.summary());
  assert.equal(unchanged.metrics.lossUsd, after.metrics.lossUsd);
  const unknown = await page.evaluate(() => window.kizuna.setLever('no.such.lever', 1));
  assert.equal(unknown.length, 1);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('select, comparison and setScenario work and refuse bad input with a message', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_oxide', month: 4 })), []);
  let summary = await page.evaluate(() => window.kizuna.summary());
  assert.deepEqual(summary.selection, { region: 'JP', good: 're_oxide', month: 4 });
  assert.match(summary.readout, /Japan, Separated rare-earth oxide, month 4/);
  assert.equal((await page.evaluate(() => window.kizuna.select({ region: 'XX' }))).length, 1);
  assert.deepEqual(await page.evaluate(() => window.kizuna.setComparison('none')), []);
  summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.comparison, 'none');
  assert.equal(summary.metrics.comparisonLossUsd, undefined);
  const scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.equal(scenario.id, 're-2010-japan');
  const broken = await page.evaluate(() => window.kizuna.setScenario('{"schemaVersion": 1, "id": "x"'));
  assert.ok(broken.length >= 1, 'malformed JSON is refused');
  assert.equal((await page.evaluate(() => window.kizuna.summary())).scenario, 're-2010-japan', 'work kept');
  scenario.events = [];
  assert.deepEqual(await page.evaluate((s) => window.kizuna.setScenario(s), scenario), []);
  assert.ok((await page.evaluate(() => window.kizuna.summary())).metrics.lossUsd < 1, 'no shocks, no loss (to rounding)');
  await context.close();
});

test('presets load on request, and a missing one leaves the current scenario', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('renesas-fire-2021')), []);
  assert.equal((await page.evaluate(() => window.kizuna.summary())).scenario, 'renesas-fire-2021');
  const missing = await page.evaluate(() => window.kizuna.loadPreset('no-such-preset'));
  assert.equal(missing.length, 1);
  assert.equal((await page.evaluate(() => window.kizuna.summary())).scenario, 'renesas-fire-2021');
  assert.deepEqual(consoleErrors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test('dragging a lever with the mouse changes the results', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const before = await page.evaluate(() => window.kizuna.summary());
  // The Shocks group is open: the first event's first slider is the quota's fraction, near the top
  // left. Find a slider row by scanning for a change: press and drag left across the levers column.
  const box = await page.locator('#canvas').boundingBox();
  let changed = false;
  for (let y = 60; y < 260 && !changed; y += 8) {
    await page.mouse.move(box.x + 150, box.y + y);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => true);
    const now = await page.evaluate(() => window.kizuna.summary());
    changed = now.metrics.lossUsd !== before.metrics.lossUsd;
  }
  assert.ok(changed, 'a mouse drag on a lever changed the results');
  await context.close();
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`panels draw and nothing is blank at ${viewport.width}x${viewport.height}`, async () => {
    const { page, context, consoleErrors } = await openPage(browser, site.url, { viewport });
    await waitUntilRunning(page, 10);
    const shot = await page.locator('#canvas').screenshot();
    const w = viewport.width;
    const h = viewport.height;
    // Levers (left), findings (top right) and chart (bottom right) each carry text.
    // Levers (left), findings (top right) and chart (bottom right) each carry text; the chart also
    // draws coloured series (many distinct colours).
    for (const [name, rect, colours] of [['levers', { x: 0, y: 30, width: w * 0.27, height: h * 0.5 }, 4],
      ['findings', { x: w * 0.29, y: 30, width: w * 0.7, height: h * 0.2 }, 4],
      ['chart', { x: w * 0.29, y: h * 0.65, width: w * 0.7, height: h * 0.33 }, 20]]) {
      const stats = pixelStats(shot, { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) });
      assert.ok(stats.brightFraction > 0.001, `${name} has text (${stats.brightFraction})`);
      assert.ok(stats.distinctColors > colours, `${name} is not blank (${stats.distinctColors} colours)`);
    }
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}
