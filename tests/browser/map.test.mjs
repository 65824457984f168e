// The world map in Chromium: land drawn over the ocean in region colours, hovering Japan names it
// (kizuna.map() and a tooltip), dragging pans and the wheel zooms about the cursor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { config, launchBrowser, serveSite, openPage, waitUntilRunning, pixelStats, frames } from './harness.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';

const { PNG } = createRequire(path.join(config.webDir, 'package.json'))('pngjs');

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

function pixelAt(png, { x, y }) {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

const distance = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

test('the map draws land in region colours over a distinct ocean', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 5);
  // Three points inside each land region (longitude, latitude): trade flows start at a region's
  // anchor and may cross any one point, never most of a country.
  const land = {
    siberia: [[100, 62], [80, 60], [120, 65]],       // Rest of world
    australia: [[122, -26], [140, -22], [146, -33]],
    china: [[88, 33], [112, 28], [104, 34]],
  };
  const points = await page.evaluate((places) => Object.fromEntries(Object.entries(places).map(
    ([name, list]) => [name, list.map(([lon, lat]) => window.kizuna.mapPoint(lon, lat))])), { ...land, ocean: [[-150, -10]] });
  const png = PNG.sync.read(await page.locator('#canvas').screenshot());
  const ocean = pixelAt(png, points.ocean[0]);  // South Pacific
  for (const name of Object.keys(land)) {
    const colours = points[name].map((point) => pixelAt(png, point));
    const asLand = colours.filter((colour) => distance(colour, ocean) > 40);
    assert.ok(asLand.length >= 2, `${name} ${colours.join(' / ')} looks like the ocean ${ocean}`);
  }
  const whole = pixelStats(PNG.sync.write(png));
  assert.ok(whole.distinctColors > 200, `${whole.distinctColors} colours`);
  assert.ok(whole.dominantFraction < 0.6, `one colour covers ${(whole.dominantFraction * 100).toFixed(1)}%`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('hovering Japan reports JP and shows its tooltip', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const japan = await page.evaluate(() => window.kizuna.mapPoint(138.5, 36.5));  // central Honshu
  // The tooltip opens below and right of the cursor (ImGui keeps it on screen): the region there.
  const clip = { x: japan.x, y: japan.y, width: Math.min(240, 1280 - japan.x), height: 130 };
  const before = await page.screenshot({ clip });
  await page.mouse.move(japan.x, japan.y);
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.kizuna.map().hovered), 'JP');
  const tooltip = pixelStats(await page.screenshot({ clip }));
  assert.ok(tooltip.brightFraction > pixelStats(before).brightFraction + 0.01, 'tooltip text appeared next to the cursor');
  const ocean = await page.evaluate(() => window.kizuna.mapPoint(-150, -10));
  await page.mouse.move(ocean.x, ocean.y);
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.kizuna.map().hovered), null);
  await context.close();
});

test('dragging pans the map and the wheel zooms about the cursor', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const start = await page.evaluate(() => window.kizuna.mapPoint(134, -25));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 60, start.y - 40, { steps: 6 });
  await page.mouse.up();
  await frames(page, 2);
  const moved = await page.evaluate(() => window.kizuna.mapPoint(134, -25));
  assert.ok(Math.abs(moved.x - (start.x - 60)) < 2 && Math.abs(moved.y - (start.y - 40)) < 2,
    `Australia moved to ${JSON.stringify(moved)} from ${JSON.stringify(start)}`);

  const anchor = moved;
  const far = await page.evaluate(() => window.kizuna.mapPoint(0, 0));
  await page.mouse.move(anchor.x, anchor.y);
  await page.mouse.wheel(0, -300);  // wheel up = zoom in
  await frames(page, 3);
  const [anchorAfter, farAfter] = await page.evaluate(() => [window.kizuna.mapPoint(134, -25), window.kizuna.mapPoint(0, 0)]);
  assert.ok(Math.abs(anchorAfter.x - anchor.x) < 2 && Math.abs(anchorAfter.y - anchor.y) < 2, 'the point under the cursor stays');
  assert.ok(Math.abs(farAfter.x - anchorAfter.x) > 1.2 * Math.abs(far.x - anchor.x), 'the map got larger');
  await context.close();
});

test('two fingers pinching apart zoom the map in about their midpoint', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  const centre = await page.evaluate(() => window.kizuna.mapPoint(100, 10));
  const [a0, b0] = await page.evaluate(() => [window.kizuna.mapPoint(80, 10), window.kizuna.mapPoint(120, 10)]);
  const cdp = await context.newCDPSession(page);
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: centre.x - spread, y: centre.y, id: 1 }, { x: centre.x + spread, y: centre.y, id: 2 }],
  });
  await touch('touchStart', 20);
  for (let spread = 24; spread <= 80; spread += 4) {
    await touch('touchMove', spread);
    await frames(page, 1);
  }
  await touch('touchEnd', 0);
  await frames(page, 3);
  const [a1, b1] = await page.evaluate(() => [window.kizuna.mapPoint(80, 10), window.kizuna.mapPoint(120, 10)]);
  assert.ok(b1.x - a1.x > 1.5 * (b0.x - a0.x), `40 degrees span ${b1.x - a1.x} px after the pinch, ${b0.x - a0.x} px before`);
  await context.close();
});
