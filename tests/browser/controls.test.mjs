// The sandbox's controls driven as a user would, with the mouse and keyboard: add a shock through
// the form, remove it, play the timeline, step months with the keyboard, compare with another
// scenario (A vs B) and show the difference. Controls are found with kizuna.uiRect (where the app
// drew them last frame), so the test clicks real buttons, not guessed coordinates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('a shock added through the form re-runs the model, and removing it restores the results', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const before = await page.evaluate(() => ({ s: window.kizuna.getScenario(), m: window.kizuna.summary().metrics }));
  await clickControl(page, 'add-shock');
  await clickControl(page, 'add-shock-confirm');
  const scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.equal(scenario.events.length, before.s.events.length + 1, 'one more shock');
  const added = scenario.events.at(-1);
  assert.match(added.id, /^user-/);
  const after = await page.evaluate(() => window.kizuna.summary().metrics);
  assert.ok(after.lossUsd > before.m.lossUsd, `the new shock costs something (${after.lossUsd} > ${before.m.lossUsd})`);
  const levers = await page.evaluate(() => window.kizuna.levers());
  assert.ok(levers.some((lever) => lever.path === `event.${added.id}.fraction`), 'its strength is a lever');
  await clickControl(page, `remove-shock:${added.id}`);
  assert.equal((await page.evaluate(() => window.kizuna.getScenario())).events.length, before.s.events.length);
  assert.equal((await page.evaluate(() => window.kizuna.summary().metrics)).lossUsd, before.m.lossUsd);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('play advances the month while frames continue; comma and period step it', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate(() => window.kizuna.select({ month: 0 }));
  await clickControl(page, 'timeline-play');
  await page.waitForFunction(() => window.kizuna.summary().selection.month >= 3);
  await clickControl(page, 'timeline-play');  // pause
  const paused = (await page.evaluate(() => window.kizuna.summary())).selection.month;
  await frames(page, 10);
  assert.equal((await page.evaluate(() => window.kizuna.summary())).selection.month, paused, 'paused stays');
  await page.keyboard.press('Period');
  await frames(page, 3);
  assert.equal((await page.evaluate(() => window.kizuna.summary())).selection.month, paused + 1);
  for (let i = 0; i < 2; i++) {  // ImGui takes one key event per frame: a press lasts 2 frames
    await page.keyboard.press('Comma');
    await frames(page, 3);
  }
  assert.equal((await page.evaluate(() => window.kizuna.summary())).selection.month, paused - 1);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('compare with another scenario (A vs B) and show the difference; a mismatched one is refused', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.compareWith('us-jp-steering-committee')), []);
  let summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.comparison, 'scenario');
  assert.equal(summary.comparisonScenario, 'us-jp-steering-committee');
  assert.notEqual(summary.metrics.comparisonLossUsd, summary.metrics.lossUsd);
  assert.match(summary.findings, /Steering|steering/, summary.findings);
  const shotBefore = await page.locator('#canvas').screenshot();
  await clickControl(page, 'chart-delta');
  const shotAfter = await page.locator('#canvas').screenshot();
  assert.notDeepEqual(shotAfter, shotBefore, 'the difference view redraws the chart');
  const refused = await page.evaluate(() => window.kizuna.compareWith('two-sector'));
  assert.equal(refused.length, 1);
  assert.match(refused[0].message, /same world/);
  summary = await page.evaluate(() => window.kizuna.summary());
  assert.equal(summary.comparisonScenario, 'us-jp-steering-committee', 'the comparison is kept');
  const missing = await page.evaluate(() => window.kizuna.compareWith('no-such-scenario'));
  assert.equal(missing.length, 1);
  assert.deepEqual(consoleErrors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
