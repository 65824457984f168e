// The risk register edited in the levers panel's Risks section with the mouse and keyboard, as a
// user would: a hazard added through the form with a typed name (keys at the low frame rate of software
// rendering, and Japanese as an IME commits it), opened and saved, removed, and brought back by the share
// link made before (link format 4 carries the register's changes). Hazards are Monte Carlo only, so
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
  // Its name typed as a user types it (keys through GLFW; Japanese as an IME commits it).
  await clickControl(page, 'hazard-name');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.type('Port strike ');
  await page.keyboard.insertText('港湾スト');
  await clickControl(page, 'hazard-confirm');
  let scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.equal(scenario.risks.length, before.s.risks.length + 1, 'one more hazard');
  const added = scenario.risks.at(-1);
  assert.equal(added.id, 'user-hazard-1');
  assert.deepEqual(added.name, { en: 'Port strike 港湾スト', ja: 'Port strike 港湾スト' }, 'the name as typed');
  // The share link carries the register's change (link format 4): opened once the hazard is
  // removed again, it brings the hazard back.
  const link = await page.evaluate(() => window.kizuna.link());
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
  assert.deepEqual(await page.evaluate((l) => window.kizuna.openLink(l), link), []);
  scenario = await page.evaluate(() => window.kizuna.getScenario());
  assert.deepEqual(scenario.risks.at(-1), added, 'the link brought the added hazard back');
  assert.equal((await page.evaluate(() => window.kizuna.summary().metrics)).lossUsd, before.m.lossUsd, 'and the same single run');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
