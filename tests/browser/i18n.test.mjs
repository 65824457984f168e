// English and Japanese in Chromium: the browser's language picks the UI's, Japanese glyphs are fetched
// only when Japanese is chosen, the top bar's Language menu switches at once, the language travels in
// a share link to a fresh browser, and Japanese typed (IME-composed, inserted) or pasted into a shock's
// name reaches the scenario.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const FONT = /\/fonts\/kizuna-ja\.otf$/;
const fontRequested = (requests) => requests.some((url) => FONT.test(url));

async function waitFor(condition, what, ms = 15000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a Japanese browser gets the Japanese UI and its font', async () => {
  const { page, context, consoleErrors, requests } = await openPage(browser, site.url, { locale: 'ja-JP' });
  await waitUntilRunning(page, 3);
  assert.equal(await page.evaluate(() => window.kizuna.language()), 'ja');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await waitFor(() => fontRequested(requests), 'the Japanese font');
  const summary = await page.evaluate(() => window.kizuna.summary());
  assert.match(summary.readout, /か月目/);
  assert.match(summary.findings, /。/);
  await page.waitForFunction(() => /か月目/.test(document.getElementById('findings').textContent));
  await frames(page, 5);  // the atlas with the font's glyphs is built and drawn
  assert.equal(await page.evaluate(() => window.kizuna.status()), '', 'no font error');
  // The page's own words and the data table speak Japanese too.
  await page.waitForFunction(() => document.getElementById('data-toggle').textContent === 'データ表');
  await page.waitForFunction(() => /月別/.test(document.querySelector('#data-chart caption')?.textContent || ''));
  assert.match(await page.locator('#canvas').getAttribute('aria-label'), /世界地図/);
  assert.match(await page.locator('#data-levers caption').textContent(), /プリセット/);
  // A damaged link is explained in Japanese and the work stays.
  const link = await page.evaluate(() => window.kizuna.link());
  const damaged = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
  assert.equal((await page.evaluate((l) => window.kizuna.openLink(l), damaged)).length, 1);
  assert.match(await page.evaluate(() => window.kizuna.status()), /^このリンクを開けませんでした: このリンクは破損しています（チェックサム）/);
  assert.equal(await page.evaluate(() => window.kizuna.link()), link);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('an English browser gets English and never fetches the font until Japanese is chosen', async () => {
  const { page, context, consoleErrors, requests } = await openPage(browser, site.url, { locale: 'en-US' });
  await waitUntilRunning(page, 3);
  assert.equal(await page.evaluate(() => window.kizuna.language()), 'en');
  await frames(page, 10);
  assert.equal(fontRequested(requests), false, 'no Japanese font for an English reader');
  assert.match(await page.evaluate(() => window.kizuna.summary().readout), /month \d+/);

  await clickControl(page, 'language-menu');
  await clickControl(page, 'language-ja');  // the top bar's Language menu
  assert.equal(await page.evaluate(() => window.kizuna.language()), 'ja');
  assert.match(await page.evaluate(() => window.kizuna.summary().readout), /か月目/, 'switched at once');
  await waitFor(() => fontRequested(requests), 'the Japanese font, once Japanese is chosen');
  await page.evaluate(() => window.kizuna.setLanguage('en'));
  assert.match(await page.evaluate(() => window.kizuna.summary().readout), /month \d+/);
  await page.waitForFunction(() => document.getElementById('data-toggle').textContent === 'Data table');
  await page.waitForFunction(() => /by month/.test(document.querySelector('#data-chart caption')?.textContent || ''));
  await assert.rejects(page.evaluate(() => window.kizuna.setLanguage('fr')), /one of en, ja/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the language travels in the share link to a fresh browser', async () => {
  const sender = await openPage(browser, site.url, { locale: 'en-US' });
  await waitUntilRunning(sender.page, 3);
  await sender.page.evaluate(() => window.kizuna.setLanguage('ja'));
  await frames(sender.page, 2);
  const link = await sender.page.evaluate(() => window.kizuna.link());
  await sender.page.waitForFunction((l) => location.hash === `#${l}`, link);  // the address bar follows
  const reader = await openPage(browser, `${site.url}#${link}`, { locale: 'en-US' });
  await waitUntilRunning(reader.page, 3);
  await reader.page.waitForFunction(() => window.kizuna.language() === 'ja');
  assert.deepEqual(await reader.page.evaluate(() => window.kizuna.summary()), await sender.page.evaluate(() => window.kizuna.summary()));
  await waitFor(() => fontRequested(reader.requests), 'the font in the reader\'s browser');
  await sender.context.close();
  await reader.context.close();
});

test('Japanese inserted (as an IME commits it) and pasted into a shock\'s name reaches the scenario', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url, {
    locale: 'ja-JP', permissions: ['clipboard-read', 'clipboard-write'] });
  await waitUntilRunning(page, 3);
  const shocks = async () => (await page.evaluate(() => window.kizuna.getScenario())).events;
  const before = (await shocks()).length;
  const shocksReach = (count) => page.waitForFunction((n) => window.kizuna.getScenario().events.length === n, count);

  await clickControl(page, 'add-shock');
  await clickControl(page, 'shock-name');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.insertText('日本の備蓄');  // committed text, as from an IME
  await page.keyboard.type(' A');               // plain keys: through GLFW, not twice
  await frames(page, 2);
  await clickControl(page, 'add-shock-confirm');
  await shocksReach(before + 1);  // the click's frame re-runs the model; a busy browser may take a frame more
  let events = await shocks();
  assert.equal(events.length, before + 1);
  assert.equal(events.at(-1).name.en, '日本の備蓄 A');

  await page.evaluate(() => navigator.clipboard.writeText('港湾ストライキ'));
  await clickControl(page, 'add-shock');
  await clickControl(page, 'shock-name');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  // Ctrl+V as Chromium's own paste command (headless Chromium has no platform shortcut for it):
  // the browser pastes its clipboard into the focused text area, as for a reader's Ctrl+V.
  const cdp = await context.newCDPSession(page);
  const key = { modifiers: 2, key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, commands: ['paste'] });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await frames(page, 2);
  await clickControl(page, 'add-shock-confirm');
  await shocksReach(before + 2);
  events = await shocks();
  assert.equal(events.length, before + 2);
  assert.equal(events.at(-1).name.en, '港湾ストライキ');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
