// The risk register edited in the levers panel's Risks section with the mouse and keyboard, as a
// user would: a hazard added through the form, opened and saved, removed. Hazards are Monte Carlo only, so
// the single run never moves. Controls are found with kizuna.uiRect (see controls.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('a hazard added, opened, saved and removed in the levers panel changes the risk register, never the single run', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const before = await page.evaluate(() => ({ s: window.kizuna.getScenario(), m: window.kizuna.summary().metrics }));
  assert.ok(before.s.risks.length > 0, 'the opening preset has a risk register');
  await clickControl(page, 'risks');  // opens the Risks section
  await clickControl(page, 'add-hazard');
  await clickControl(page, 'hazard-confirm');
  let scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.equal(scenario.risks.length, before.s.risks.length + 1, 'one more hazard');
  const added = scenario.risks.at(-1);
  assert.equal(added.id, 'user-hazard-1');
  assert.equal((await page.evaluate(() => window.kizuna.summary().metrics)).lossUsd, before.m.lossUsd, 'Monte Carlo only');
  const levers = await page.evaluate(() => window.kizuna.levers());
  assert.ok(levers.some((lever) => lever.path === `risk.${added.id}.annualProbability`), 'its chance is a lever');
  await clickControl(page, `risk-edit:${added.id}`);
  await clickControl(page, 'hazard-confirm');  // saved unchanged: the same hazard, in place
  scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.deepEqual(scenario.risks.at(-1), added, 'unchanged');
  await clickControl(page, `risk-remove:${added.id}`);
  scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.deepEqual(scenario.risks, before.s.risks, 'the register as loaded');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
