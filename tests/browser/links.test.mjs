// Share links in Chromium: the address bar follows the state; a link opened in a fresh browser
// context reproduces the sender's summary; Back steps through edits; every malformed link shows its
// own message and leaves the current work as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';

test('a link reproduces the sender\'s scenario, view and summary in a fresh browser', async () => {
  const sender = await openPage(browser, site.url);
  await waitUntilRunning(sender.page, 3);
  await sender.page.evaluate((path) => window.kizuna.setLever(path, 0.3), HALT);
  await sender.page.evaluate(() => window.kizuna.setLever('policy.JP.responseLagMonths', 1));
  await sender.page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_magnet', month: 5 }));
  await sender.page.evaluate(() => window.kizuna.setComparison('preset'));
  await frames(sender.page);
  const link = await sender.page.evaluate(() => window.kizuna.link());
  assert.match(link, /^k[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2000, `${link.length} characters`);
  await sender.page.waitForFunction((l) => location.hash === `#${l}`, link);  // the address bar follows
  const sent = await sender.page.evaluate(() => window.kizuna.summary());

  const viewer = await openPage(browser, `${site.url}#${link}`);
  await waitUntilRunning(viewer.page, 3);
  const seen = await viewer.page.evaluate(() => window.kizuna.summary());
  assert.deepEqual(seen, sent, 'identical summary, selection, comparison and metrics');
  assert.deepEqual(viewer.consoleErrors, []);
  await sender.context.close();
  await viewer.context.close();
});

test('Back and Forward step through edits', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await frames(page, 3);
  const first = await page.evaluate(() => window.kizuna.summary().metrics.lossUsd);
  await page.evaluate((path) => window.kizuna.setLever(path, 0), HALT);
  await frames(page, 3);
  await page.waitForFunction((path) => window.kizuna.link() && location.hash === `#${window.kizuna.link()}`, HALT);
  const second = await page.evaluate(() => window.kizuna.summary().metrics.lossUsd);
  assert.notEqual(second, first);
  await page.goBack();
  await page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, first);
  await page.goForward();
  await page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, second);
  await context.close();
});

test('a lever dragged is one history entry, rewritten while the drag lasts', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await frames(page, 3);
  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length, summary: window.kizuna.summary() }));
  const rect = await page.evaluate((path) => window.kizuna.uiRect(`lever:${path}`), HALT);
  assert.ok(rect, 'the lever is drawn');
  const box = await page.locator('#canvas').boundingBox();
  const y = box.y + rect.y + rect.height / 2;
  await page.mouse.move(box.x + rect.x + rect.width * 0.95, y);
  await frames(page, 1);
  await page.mouse.down();
  const addresses = new Set();
  for (let step = 1; step <= 8; step++) {
    await page.mouse.move(box.x + rect.x + rect.width * (0.95 - step * 0.1), y);
    await frames(page, 2);  // the move is read and the lever re-run
    // The address catches up with the dragged value (the app rewrites it at most every 250 ms while
    // a drag lasts, web_app.cpp kDragPublishMs): wait for that, not for a time.
    await page.waitForFunction(() => location.hash === `#${window.kizuna.link()}`);
    addresses.add(await page.evaluate(() => location.hash));
  }
  const during = await page.evaluate(() => history.length);
  await page.mouse.up();
  await frames(page, 3);
  await page.waitForFunction(() => location.hash === `#${window.kizuna.link()}`);
  assert.ok(addresses.size >= 2, `the address follows the drag (${addresses.size} addresses)`);
  assert.equal(during, start.length + 1, 'the drag pushed one entry');
  assert.equal(await page.evaluate(() => history.length), start.length + 1, 'and its release none');
  await page.goBack();
  await page.waitForFunction((hash) => location.hash === hash, start.hash);
  await page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, start.summary.metrics.lossUsd);
  await context.close();
});

test('each malformed link shows its message and the work stays', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate((path) => window.kizuna.setLever(path, 0.25), HALT);
  const work = await page.evaluate(() => window.kizuna.summary());
  const good = await page.evaluate(() => window.kizuna.link());
  const flipped = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
  const corpus = [
    [good.slice(0, good.length - 9), /damaged/],
    [flipped, /checksum/],
    ['kBwECAw0Yh3Q', /newer version|damaged/],
    [`k${'A'.repeat(70000)}`, /too long/],
    ['k\u00ff<script>alert(1)</script>', /characters/],
    ['kAQENcmUtMjAxMC1qYXBhbgAAAAAAAAABAQAAAAAAAM4ceNg\u0000tail', /characters/],
    ['#/settings', /not a Kizuna/],
    [`k${Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64url')}`, /damaged|checksum/],
  ];
  for (const [text, expected] of corpus) {
    const problems = await page.evaluate((t) => window.kizuna.openLink(t), text);
    assert.equal(problems.length, 1, text.slice(0, 40));
    assert.match(problems[0].message, expected, text.slice(0, 40));
    const now = await page.evaluate(() => window.kizuna.summary());
    assert.deepEqual(now, work, 'the work is untouched');
  }
  await page.evaluate(() => { location.hash = '#kAQENcnUtMjAxMC1qYXBhbgAAAAAAAAABAQAAAAAAAM4ceNg'; });  // pasted into the address bar
  await frames(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.summary()), work);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('after a reload the autosaved work is offered back and restored', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await page.goto(site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate((path) => window.kizuna.setLever(path, 0.2), HALT);
  await frames(page, 3);
  const work = await page.evaluate(() => window.kizuna.summary());
  await page.waitForFunction(() => (localStorage.getItem('kizuna.autosave') || '').includes(window.kizuna.link()));
  await page.goto(site.url);  // a reload without the link, as after a crash or a closed tab
  await waitUntilRunning(page, 3);
  assert.notEqual((await page.evaluate(() => window.kizuna.summary())).metrics.lossUsd, work.metrics.lossUsd, 'starts afresh');
  await page.waitForFunction(() => window.kizuna.uiRect('restore-work') !== null);
  await clickControl(page, 'restore-work');
  await page.waitForFunction((loss) => window.kizuna.summary().metrics.lossUsd === loss, work.metrics.lossUsd);
  assert.deepEqual(await page.evaluate(() => window.kizuna.summary()), work);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
