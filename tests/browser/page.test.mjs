// The served page in Chromium: it loads, draws the app, follows the window and the pixel ratio,
// and talks to nothing but its own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { config, launchBrowser, serveSite, openPage, waitUntilRunning, pixelStats } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('kizuna.ready resolves after the first frame and the API reports the built version', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page);
  assert.equal(await page.evaluate(() => window.kizuna.version()), config.expectedVersion);
  const build = await page.evaluate(() => window.kizuna.buildInfo());
  assert.equal(build.version, config.expectedVersion);
  assert.equal(build.target, 'wasm');
  const stats = await page.evaluate(() => window.kizuna.stats());
  assert.ok(stats.loadMs > 0 && stats.loadMs < 60000, `loadMs ${stats.loadMs}`);
  assert.ok(stats.frameMs > 0 && stats.frameMs < 1000, `frameMs ${stats.frameMs}`);
  assert.ok(stats.frames >= 3);
  assert.equal(await page.locator('#loading').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.equal(await page.locator('#loading-progress').evaluate((el) => el.value), 100, 'progress reached 100%');
  assert.equal(await page.locator('#fatal').isVisible(), false);
  await context.close();
});

test('the page logs no console errors while loading and running', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 30);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the canvas shows the panels with text over the map, not a blank screen', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 5);
  const shot = await page.locator('#canvas').screenshot();
  const whole = pixelStats(shot);
  assert.equal(whole.width, 1280);
  assert.ok(whole.distinctColors >= 16, `only ${whole.distinctColors} colours`);
  assert.ok(whole.dominantFraction < 0.95, `one colour covers ${(whole.dominantFraction * 100).toFixed(1)}%`);
  // The levers panel sits at the top left: its text is bright. The band between the findings and
  // the chart on the right is map only (land, ocean and flows are kept darker than text); its right
  // half is clear of the map's legend.
  const window = pixelStats(shot, { x: 0, y: 0, width: 340, height: 260 });
  const band = pixelStats(shot, { x: 820, y: 215, width: 440, height: 200 });
  assert.ok(window.brightFraction > 0.01, `window area has ${(window.brightFraction * 100).toFixed(2)}% text pixels`);
  assert.equal(band.brightFraction, 0, 'the map has no bright pixels');
  assert.ok(band.distinctColors >= 2, 'the map (or backdrop) shader drew there');
  await context.close();
});

test('the canvas drawing buffer follows window resizes', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page);
  for (const size of [{ width: 900, height: 600 }, { width: 1400, height: 820 }, { width: 480, height: 800 }]) {
    await page.setViewportSize(size);
    await page.waitForFunction(({ width, height }) => {
      const c = document.getElementById('canvas');
      return c.width === width && c.height === height;
    }, size);
    const shot = pixelStats(await page.locator('#canvas').screenshot());
    assert.equal(shot.width, size.width);
    assert.ok(shot.distinctColors >= 16, `blank after resizing to ${size.width}x${size.height}`);
  }
  await context.close();
});

test('the drawing buffer follows devicePixelRatio so text is sharp on high-DPI screens', async () => {
  const { page, context } = await openPage(browser, site.url,
    { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  await waitUntilRunning(page);
  const stats = await page.evaluate(() => window.kizuna.stats());
  assert.equal(stats.pixelRatio, 2);
  assert.equal(stats.canvasWidth, 1280);
  assert.equal(stats.canvasHeight, 800);
  const css = await page.locator('#canvas').boundingBox();
  assert.equal(css.width, 640);
  await context.close();
});

test('the page requests nothing outside its own origin', async () => {
  const { page, context, requests } = await openPage(browser, site.url);
  await waitUntilRunning(page, 10);
  const origin = new URL(site.url).origin;
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  assert.deepEqual(outside, []);
  for (const file of ['index.html', 'js/main.js', 'kizuna.css', 'kizuna.js', 'kizuna.wasm']) {
    assert.ok(requests.some((url) => url === `${origin}/${file}` || (file === 'index.html' && url === `${origin}/`)),
      `expected a request for ${file}`);
  }
  // Every module the page imports is preloaded by index.html (no waterfall of imports before the
  // wasm download starts), and nothing else is.
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload]')].map((link) => link.href));
  const modules = requests.filter((url) => url.startsWith(`${origin}/js/`));
  assert.deepEqual([...new Set(modules)].sort(), [...preloaded].sort());
  await context.close();
});

test('the content security policy blocks requests to other hosts', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page);
  const result = await page.evaluate(async () => {
    // The report of the blocked request is the event awaited (it may come after fetch rejects).
    const violation = new Promise((resolve) => document.addEventListener('securitypolicyviolation',
      (e) => resolve({ directive: e.violatedDirective, blocked: e.blockedURI })));
    let fetched = true;
    try { await fetch('http://127.0.0.2:9/probe'); } catch { fetched = false; }
    return { fetched, violation: await violation };
  });
  assert.equal(result.fetched, false);
  assert.equal(result.violation.directive, 'connect-src');
  assert.match(result.violation.blocked, /^http:\/\/127\.0\.0\.2:9/);
  await context.close();
});

test('a canvas exactly the size of the screen does not request fullscreen (maximised window, projector)', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url, { viewport: { width: 1024, height: 768 } });
  const screen = await page.evaluate(() => ({ width: window.screen.width, height: window.screen.height }));
  await page.setViewportSize(screen);
  await waitUntilRunning(page, 10);
  assert.equal(await page.evaluate(() => document.fullscreenElement), null);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').width), screen.width);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
