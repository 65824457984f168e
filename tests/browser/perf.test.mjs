// Frame statistics in Chromium (facts, not speed: figures live in BENCHMARKS.md, web/tools/frame_bench.mjs):
// kizuna.stats() counts frames and reports a frame time, and a lever change re-runs the
// model and shows in the summary by the very next frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

test('stats count frames and report a frame time', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const first = await page.evaluate(() => window.kizuna.stats());
  await page.waitForFunction((count) => window.kizuna.stats().frames >= count, first.frames + 10);
  const later = await page.evaluate(() => window.kizuna.stats());
  assert.ok(later.frames >= first.frames + 10, `${later.frames} frames after ${first.frames}`);
  // A time, whatever its size (figures belong in BENCHMARKS.md: web/tools/frame_bench.mjs).
  assert.ok(Number.isFinite(later.frameMs) && later.frameMs > 0, `frameMs ${later.frameMs}`);
  assert.equal(later.canvasWidth, 1280);
  assert.ok(Number.isInteger(later.runs) && later.runs >= 1, `runs ${later.runs}`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a lever dragged with the mouse re-runs the model within the next frames, and each run shows in the next frame', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const runsBefore = (await page.evaluate(() => window.kizuna.stats())).runs;
  const lossBefore = (await page.evaluate(() => window.kizuna.summary())).metrics.lossUsd;
  // The halt's fraction via the page API: the run happens in the call; the next frame draws it.
  assert.deepEqual(await page.evaluate((path) => window.kizuna.setLever(path, 0), HALT), []);
  const afterSet = await page.evaluate(() => window.kizuna.stats());
  assert.ok(afterSet.runs > runsBefore, `runs ${afterSet.runs} after ${runsBefore}`);
  await nextFrame(page);
  const drawn = await page.evaluate(() => ({ stats: window.kizuna.stats(), summary: window.kizuna.summary() }));
  assert.ok(drawn.stats.frames > afterSet.frames, 'a frame was drawn');
  assert.ok(drawn.summary.metrics.lossUsd < lossBefore, `${drawn.summary.metrics.lossUsd} < ${lossBefore}`);
  // Through the mouse: a press and a move on a slider re-run the model in the frame that sees them.
  const box = await page.locator('#canvas').boundingBox();
  let changed = false;
  for (let y = 60; y < 700 && !changed; y += 4) {  // down to the first slider under the panel's actions and headers
    const runs = (await page.evaluate(() => window.kizuna.stats())).runs;
    await page.mouse.move(box.x + 90, box.y + y);
    await page.mouse.down();
    await page.mouse.move(box.x + 110, box.y + y);
    await nextFrame(page);
    await nextFrame(page);
    await page.mouse.up();
    changed = (await page.evaluate(() => window.kizuna.stats())).runs > runs;
  }
  assert.ok(changed, 'a mouse drag on a lever re-ran the model within two frames');
  await context.close();
});
