// Embedding in Chromium: the example briefing page (web/embed-example.html) frames an embedded view
// (no menu bar, chosen panels, read-only levers) and drives it through the postMessage API; the
// embedded view leaves the host's history and the user's autosave alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const EMBED = 1;
const READ_ONLY = 2;
const HIDE_LEVERS = 4;
const HIDE_MAP = 16;

async function embeddedFrame(page) {
  await page.waitForFunction(() => /Economic loss/.test(document.getElementById('readout').textContent));
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await waitUntilRunning(frame, 3);
  // Landmarks are the last frame's (ui_landmarks.hpp): once the embed flags are in force, let two
  // frames pass so that none drawn before them is read as current.
  await frame.waitForFunction(() => window.kizuna.embedFlags() !== 0);
  const settled = await frame.evaluate(() => window.kizuna.stats().frames + 2);
  await frame.waitForFunction((count) => window.kizuna.stats().frames >= count, settled);
  return frame;
}

test('the example briefing page drives the embedded view through postMessage', async () => {
  const { page, context, consoleErrors } = await openPage(browser, `${site.url}embed-example.html`);
  const frame = await embeddedFrame(page);
  assert.equal(await frame.evaluate(() => window.kizuna.embedFlags()), EMBED | READ_ONLY | HIDE_LEVERS | HIDE_MAP);
  assert.equal(await frame.evaluate(() => window.kizuna.uiRect('share')), null, 'no menu bar');
  assert.equal(await frame.evaluate(() => window.kizuna.uiRect('add-shock')), null, 'no levers panel');
  assert.ok(await frame.evaluate(() => window.kizuna.uiRect('chart-window')), 'the chart shows');
  const before = await page.locator('#readout').textContent();
  const historyBefore = await page.evaluate(() => history.length);

  // The host's slider sets a lever in the embedded model: without its reserve Japan runs short.
  await page.locator('#stockpile').fill('0');
  await page.waitForFunction((text) => document.getElementById('readout').textContent !== text, before);
  const scenario = await frame.evaluate(() => window.kizuna.getScenario());
  const japan = scenario.policies.find((policy) => policy.region === 'JP');
  assert.equal(japan.stockpiles.find((s) => s.good === 're_oxide').targetMonths, 0);
  const summary = await frame.evaluate(() => window.kizuna.summary());
  assert.ok((await page.locator('#readout').textContent()).includes(summary.readout), 'the host shows the embedded summary');

  assert.equal(await page.evaluate(() => history.length), historyBefore, 'the embedded view adds no history entries');
  assert.equal(await page.evaluate(() => localStorage.getItem('kizuna.autosave')), null, 'nor autosaves');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('postMessage calls outside the API, or with bad arguments, get an error reply', async () => {
  const { page, context } = await openPage(browser, `${site.url}embed-example.html`);
  await embeddedFrame(page);
  const ask = (message) => page.evaluate((m) => new Promise((resolve) => {
    const frame = document.getElementById('kizuna');
    window.addEventListener('message', function listen(event) {
      if (event.data && event.data.id === m.id) { window.removeEventListener('message', listen); resolve(event.data); }
    });
    frame.contentWindow.postMessage(m, location.origin);
  }), message);
  const refused = await ask({ kizuna: 1, id: 'a', method: 'exportScenario', args: [] });
  assert.match(refused.error, /not a method embedding pages can call/);
  const badLever = await ask({ kizuna: 1, id: 'b', method: 'setLever', args: ['no.such.lever', 1] });
  assert.equal(badLever.result.length, 1);
  assert.match(badLever.result[0].message, /lever|path/i);
  const badLink = await ask({ kizuna: 1, id: 'c', method: 'openLink', args: ['kAAAA'] });
  assert.match(badLink.result[0].message, /damaged|not a Kizuna/);
  const version = await ask({ kizuna: 1, id: 'd', method: 'version' });
  assert.match(version.result, /^\d+\.\d+\.\d+$/);
  await context.close();
});

test('read-only levers in an embedded view take no edits from the reader', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const readOnlyLink = await page.evaluate(() => window.kizuna.link('embed'));  // the Embed dialog's default: levers shown, read-only
  await context.close();
  const viewer = await openPage(browser, `${site.url}#${readOnlyLink}`);
  await waitUntilRunning(viewer.page, 3);
  assert.equal(await viewer.page.evaluate(() => window.kizuna.embedFlags()), EMBED | READ_ONLY);
  await clickControl(viewer.page, 'add-shock');
  await frames(viewer.page);
  assert.equal(await viewer.page.evaluate(() => window.kizuna.uiRect('add-shock-confirm')), null, 'the shock form does not open');
  await viewer.context.close();
});
