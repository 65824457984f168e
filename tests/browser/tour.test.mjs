// A guided start and analyses in words. A first visit (a browser that is not automated, in a fresh
// context) opens the tour; it steps, can be skipped, and is remembered: a reload does not show it.
// Automated browsers (every other browser test) never get it unasked, and Help > Getting started
// opens it. The Analysis window's coalition and sensitivity results read as words at a projector's
// 1024x768: no game-theory notation on screen (kizuna.analysisText()), nothing clipped
// (kizuna.clippedText()), in English and Japanese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// A person's browser: Playwright's Chromium reports navigator.webdriver, which keeps the tour away.
const NOT_AUTOMATED = () => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
const FONT = /\/fonts\/kizuna-ja\.otf$/;

async function waitForFrames(page, check, what, attempts = 400) {
  for (let i = 0; i < attempts; i++) {
    if (await page.evaluate(check)) return;
    await frames(page, 1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const drawn = (page, name) => page.evaluate((n) => window.kizuna.uiRect(n), name);

test('a first visit shows the tour; it steps, can be skipped and does not come back on reload', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url, { initScript: NOT_AUTOMATED });
  await waitUntilRunning(page, 3);
  await waitForFrames(page, () => window.kizuna.uiRect('tour-window') !== null, 'the tour');
  assert.equal(await drawn(page, 'tour-back'), null, 'the first step has no way back');
  assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], 'the tour fits');
  await clickControl(page, 'tour-next');
  // The second step (with Back): its window takes its text's height a frame after the step changes.
  await waitForFrames(page, () => window.kizuna.uiRect('tour-back') !== null, 'the second step');
  await clickControl(page, 'tour-skip');
  await frames(page, 3);
  assert.equal(await drawn(page, 'tour-window'), null, 'skipped');
  assert.equal(await page.evaluate(() => localStorage.getItem('kizuna.tourDone')), '1', 'remembered');
  await page.reload();
  await waitUntilRunning(page, 3);
  await frames(page, 10);
  assert.equal(await drawn(page, 'tour-window'), null, 'not shown again');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('automated browsers are not shown the tour; Help > Getting started opens it', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await frames(page, 10);
  assert.equal(await drawn(page, 'tour-window'), null, 'no tour unasked under automation');
  await clickControl(page, 'help-menu');
  await clickControl(page, 'help-tour');
  await waitForFrames(page, () => window.kizuna.uiRect('tour-window') !== null, 'the tour from Help');
  for (let step = 0; step < 4; step++) await clickControl(page, 'tour-next');  // the last is Done
  await frames(page, 3);
  assert.equal(await drawn(page, 'tour-window'), null, 'done');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('coalition and sensitivity results read as words at 1024x768, nothing clipped, in both languages', async () => {
  const { page, context, consoleErrors, loaded } = await openPage(browser, site.url, { viewport: { width: 1024, height: 768 } });
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('us-jp-steering-committee')), []);
  await clickControl(page, 'analysis-menu');
  await clickControl(page, 'analysis-coalition');
  await clickControl(page, 'analysis-run');
  await waitForFrames(page, () => window.kizuna.analysisText().includes('Member by member'), 'the coalition in words');
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height - 2);  // no tooltip: what the screen says by itself
  await frames(page, 3);
  const coalition = await page.evaluate(() => window.kizuna.analysisText());
  assert.match(coalition, /With both members in, US-Japan Supply Chain Steering Committee (is worth|costs|makes)/);
  assert.match(coalition, /United States (gains|loses|neither)/);
  assert.doesNotMatch(coalition, /v\(N\)|v\(\{|Shapley|Core:|Stand-alone|us-jp-steering/, 'game theory and ids stay in tooltips');
  assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], 'coalition, English');

  await page.evaluate(() => window.kizuna.setLanguage('ja'));
  await waitForFrames(page, () => window.kizuna.analysisText().includes('参加国ごとに'), 'the coalition in Japanese');
  for (let i = 0; i < 200 && !loaded.some((url) => FONT.test(url)); i++) await frames(page, 1);
  await frames(page, 5);
  assert.match(await page.evaluate(() => window.kizuna.analysisText()), /日米サプライチェーン運営委員会/);
  assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], 'coalition, Japanese');
  await page.evaluate(() => window.kizuna.setLanguage('en'));

  await clickControl(page, 'analysis-menu');
  await clickControl(page, 'analysis-sensitivity');
  await clickControl(page, 'analysis-run');
  await waitForFrames(page, () => /levers run/.test(window.kizuna.analysisText()) && !/starting|Cancel/.test(window.kizuna.analysisText()),
    'the tornado');
  await waitForFrames(page, () => { const t = window.kizuna.analysisText(); const m = t.match(/(\d+) of (\d+) levers run/); return m && m[1] === m[2]; },
    'every lever run');
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  await frames(page, 3);
  const sensitivity = await page.evaluate(() => window.kizuna.analysisText());
  assert.match(sensitivity, /Value lost in United States/, 'the metric in words');
  assert.doesNotMatch(sensitivity, /\(loss|loss\.US|framework\.us-jp/, 'no metric or lever paths on screen');
  assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], 'sensitivity');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
