// The presenter's story in Chromium: a presenter builds a three-step story in the app, copies its
// one link; a viewer opens it in a fresh browser context on step 1 with its caption wrapped in large
// type, the map in a band under it and the step's figure highlighted in the headline strip; a reload
// presents it again (the address keeps the story); steps with the arrow keys on the canvas (the levers still work at every step) and leaves with
// Escape; nothing is clipped at 1280x720 and 1024x768; a damaged story link keeps the viewer's work.
// KIZUNA_SCREENSHOTS=<folder> saves the presenting view and the Story window at both sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const HALT = 'event.cn-halt-japan-2010.fraction';
const LAG = 'policy.JP.responseLagMonths';
const SIZES = [{ width: 1280, height: 720 }, { width: 1024, height: 768 }];
const CAPTIONS = [
  'In 2010 China halted rare-earth exports to Japan: half of them stop here.',
  'A harder halt, and Japan answers within a month: watch the oxide.',
  '日本の対応が遅いと、磁石の供給はもっと長く落ち込む。',
];
const screenshots = process.env.KIZUNA_SCREENSHOTS;

async function save(page, name) {
  if (!screenshots) return;
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

const lever = (page, p) => page.evaluate((q) => window.kizuna.levers().find((l) => l.path === q).value, p);
const story = (page) => page.evaluate(() => window.kizuna.story.state());

// The presenter: Share > Story... opens the window; each view is set, then added with its caption.
async function buildStory(page) {
  await clickControl(page, 'share');
  await clickControl(page, 'share-story');
  await page.evaluate((p) => window.kizuna.setLever(p, 0.5), HALT);
  await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_magnet', month: 4 }));
  assert.deepEqual(await page.evaluate((c) => window.kizuna.story.add(c, 'worst'), CAPTIONS[0]), []);
  await page.evaluate((p) => window.kizuna.setLever(p, 0.9), HALT);
  await page.evaluate((p) => window.kizuna.setLever(p, 1), LAG);
  await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_oxide', month: 6 }));
  assert.deepEqual(await page.evaluate((c) => window.kizuna.story.add(c, 'loss'), CAPTIONS[1]), []);
  await page.evaluate((p) => window.kizuna.setLever(p, 9), LAG);
  await page.evaluate(() => window.kizuna.select({ region: 'JP', good: 're_magnet', month: 10 }));
  assert.deepEqual(await page.evaluate((c) => window.kizuna.story.add(c, ''), CAPTIONS[2]), []);
  await frames(page, 3);
  const state = await story(page);
  assert.equal(state.count, 3);
  assert.deepEqual(state.steps.map((s) => s.caption), CAPTIONS);
  return page.evaluate(() => window.kizuna.link('story'));
}

test('a story link opens on step 1 in a fresh browser and the arrow keys step through it', async () => {
  const presenter = await openPage(browser, site.url);
  await waitUntilRunning(presenter.page, 3);
  const link = await buildStory(presenter.page);
  assert.match(link, /^k[A-Za-z0-9_-]+$/);
  assert.deepEqual(await presenter.page.evaluate(() => window.kizuna.clippedText()), [], 'the Story window fits');
  await save(presenter.page, 'story-window-1280x720');
  await presenter.context.close();

  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    const viewer = await openPage(browser, `${site.url}#${link}`, { viewport });
    const { page } = viewer;
    await waitUntilRunning(page, 3);
    await page.waitForFunction(() => window.kizuna.story.state().presenting);
    let state = await story(page);
    assert.equal(state.current, 0, `${size}: opens on step 1`);
    assert.equal(state.steps[0].caption, CAPTIONS[0]);
    assert.equal(await lever(page, HALT), 0.5, 'step 1\'s scenario');
    assert.equal((await page.evaluate(() => window.kizuna.summary())).selection.good, 're_magnet');
    await frames(page, 3);
    const rect = (name) => page.evaluate((n) => window.kizuna.uiRect(n), name);
    const caption = await rect('story-caption');
    assert.ok(caption, 'the caption is drawn');
    // In large type over several lines (the bar's step counter is one line of smaller type).
    assert.ok(caption.height > 1.5 * (await rect('story-position')).height, `${size}: the caption wraps (${JSON.stringify(caption)})`);
    // The map keeps a band of its own under the bar, above the chart.
    const bar = await rect('story-presenting');
    const chart = await rect('chart-window');
    assert.ok(chart.y - (bar.y + bar.height) > 60, `${size}: room for the map (${JSON.stringify({ bar, chart })})`);
    assert.ok(await rect('headline-highlight'), 'step 1\'s figure (the worst month) is highlighted in the headline strip');
    assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], `${size}: nothing clipped on step 1`);
    await save(page, `story-step1-${size}`);
    if (viewport === SIZES[0]) {  // the story stays in the address: a reload presents it again
      await page.reload();
      await waitUntilRunning(page, 3);
      await page.waitForFunction(() => window.kizuna.story.state().presenting);
      assert.equal((await story(page)).current, 0, 'reloaded: on step 1 again');
      assert.equal((await story(page)).count, 3);
    }

    await page.locator('#canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.kizuna.story.state().current === 1);
    state = await story(page);
    assert.equal(state.steps[state.current].caption, CAPTIONS[1]);
    assert.equal(await lever(page, HALT), 0.9, 'step 2\'s scenario');
    assert.equal(await lever(page, LAG), 1);
    const summary = await page.evaluate(() => window.kizuna.summary());
    assert.equal(summary.selection.good, 're_oxide', 'step 2\'s view');
    assert.equal(summary.selection.month, 6);
    await frames(page, 3);
    assert.ok(await page.evaluate(() => window.kizuna.uiRect('story-figure')), 'step 2 points at a figure');
    assert.ok(await rect('headline-highlight'), 'and the headline strip highlights it');
    assert.deepEqual(await page.evaluate(() => window.kizuna.clippedText()), [], `${size}: nothing clipped on step 2`);
    await save(page, `story-step2-${size}`);

    // The viewer touches a lever: the story stays; the next step re-applies its own scenario.
    await page.evaluate((p) => window.kizuna.setLever(p, 0.2), HALT);
    assert.equal((await story(page)).presenting, true);
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => window.kizuna.story.state().current === 2);
    assert.equal(await lever(page, LAG), 9);
    await frames(page, 2);
    assert.equal(await rect('headline-highlight'), null, 'step 3 points at no figure');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.kizuna.story.state().current === 1);
    assert.equal(await lever(page, HALT), 0.9, 'back on step 2, its scenario again');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.kizuna.story.state().presenting);
    assert.deepEqual(viewer.consoleErrors, []);
    await viewer.context.close();
  }
});

test('a damaged story link is refused with a message and the work stays', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await page.evaluate((p) => window.kizuna.setLever(p, 0.3), HALT);
  const link = await page.evaluate(() => { window.kizuna.story.add('one'); window.kizuna.story.add('two'); return window.kizuna.link('story'); });
  const damaged = link.slice(0, -6);
  const problems = await page.evaluate((l) => window.kizuna.openLink(l), damaged);
  assert.ok(problems.length > 0 && /damaged/.test(problems[0].message), JSON.stringify(problems));
  assert.equal(await lever(page, HALT), 0.3, 'the work is untouched');
  assert.equal((await story(page)).presenting, false);
  await context.close();
});
