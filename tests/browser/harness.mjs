// Shared set-up for the browser tests: the project's static server on a free loopback port,
// Debian's Chromium with software WebGL2 (SwiftShader, no GPU needed), screenshot statistics, and
// what the workshop tests share (a phone's context, the exercise, screenshots for reading by eye).
// Configuration comes from ctest (tests/browser/CMakeLists.txt) through environment variables.
import assert from 'node:assert/strict';
import { afterEach } from 'node:test';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through ctest (build/web)`);
  return value;
}

export const config = {
  siteDir: required('KIZUNA_SITE_DIR'),
  expectedVersion: required('KIZUNA_EXPECTED_VERSION'),
  chromium: process.env.KIZUNA_CHROMIUM || '/usr/bin/chromium',
  webDir: required('KIZUNA_WEB_DIR'),
};

// playwright-core and pngjs live in web/node_modules (installed by tools/setup from the lock file).
const requireFromWeb = createRequire(path.join(config.webDir, 'package.json'));
const { chromium } = requireFromWeb('playwright-core');
const { PNG } = requireFromWeb('pngjs');
const { startServer } = await import(pathToFileURL(path.join(config.webDir, 'serve.mjs')).href);

// Flags verified in shared/TOOLCHAIN.md: a real WebGL 2.0 context in software, and no background
// traffic (this machine's network is closed, and the page must be the only thing asking for URLs).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

const launched = new Set();  // the browsers launched here, whose contexts closeContextsAfterEach closes

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: config.chromium, args: CHROMIUM_ARGS, headless: true });
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  return browser;
}

/// After each test of the file, closes every context of the browsers launched here: a failed test
/// must not leave its pages drawing while the next one runs.
export function closeContextsAfterEach() {
  afterEach(async () => { await Promise.all([...launched].flatMap((browser) => browser.contexts().map((context) => context.close()))); });
}

// -- Workshops on phones (facilitation, phone and workshop tests).
/// A phone as the workshop tests hold it: 390x844 CSS px, touch, a mobile viewport (browser.newContext(phoneContext)).
export const phoneContext = Object.freeze({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
/// The bundled exercise the workshop tests play.
export const workshopExercise = 'rare-earth-squeeze';
/// Where screenshots for reading by eye go (KIZUNA_SCREENSHOT_DIR), or undefined: none are taken.
export const screenshotDir = process.env.KIZUNA_SCREENSHOT_DIR;
/// A screenshot helper for one test file: (page, name) saves `${prefix}-${name}.png` when screenshotDir is set.
export const screenshotter = (prefix) => (page, name) => (screenshotDir ? page.screenshot({ path: path.join(screenshotDir, `${prefix}-${name}.png`) }) : null);

export function serveSite() {
  return startServer({ root: config.siteDir, port: 0 });
}

/// Opens `url` in a fresh context and records what the page says and asks for. `locale` (e.g.
/// 'ja-JP') sets navigator.languages; `permissions` e.g. ['clipboard-read', 'clipboard-write'].
/// Returns { page, context, consoleErrors, requests, loaded } (`loaded`: URLs whose response body has
/// arrived, so a test can wait for a file without racing its answer).
export async function openPage(browser, url, { viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1,
  initScript = null, offline = false, locale = undefined, permissions = [] } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale, permissions });
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  const loaded = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfinished', (request) => loaded.push(request.url()));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  return { page, context, consoleErrors, requests, loaded };
}

/// Waits for kizuna.ready and then for `frames` drawn frames. Throws with the page's fatal message.
export async function waitUntilRunning(page, frames = 3) {
  await page.evaluate(() => window.kizuna.ready);
  await page.waitForFunction((count) => window.kizuna.stats().frames >= count, frames);
}

/// Pixel statistics of a PNG screenshot, optionally of a rectangle { x, y, width, height }.
/// brightFraction: share of pixels with luminance above 180 (ImGui's text; the backdrop stays below 60).
export function pixelStats(pngBuffer, rect = null) {
  const png = PNG.sync.read(pngBuffer);
  const area = rect || { x: 0, y: 0, width: png.width, height: png.height };
  const counts = new Map();
  let bright = 0;
  let total = 0;
  for (let y = area.y; y < Math.min(png.height, area.y + area.height); y++) {
    for (let x = area.x; x < Math.min(png.width, area.x + area.width); x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) || 0) + 1);
      if (0.2126 * r + 0.7152 * g + 0.0722 * b > 180) bright++;
      total++;
    }
  }
  const dominant = Math.max(...counts.values());
  return { width: png.width, height: png.height, distinctColors: counts.size,
    dominantFraction: dominant / total, brightFraction: bright / total };
}

/// Waits for the app to draw `count` more frames (a click lands in the next frame).
export async function frames(page, count = 2) {
  const start = await page.evaluate(() => window.kizuna.stats().frames);
  await page.waitForFunction((target) => window.kizuna.stats().frames >= target, start + count);
}

/// Scrolls the levers panel with the mouse wheel, as a user would, until the named control is drawn
/// whole (a scenario's key levers may push it below the fold). Leaves other controls alone. A control
/// not drawn at all is looked for upwards first (the panel's actions are on top), then downwards; the
/// panel's scroll position (uiRect's scrollY, scrollMaxY) says when an end is reached.
async function revealInLevers(page, name, mouse) {
  // Only the levers panel's own controls: a menu or popup drawn over the panel is not scrolled for.
  if (!/^(add-shock|shock-|remove-shock:|lever:|undo-change:|risks$|add-hazard|hazard-|risk-edit:|risk-remove:)/.test(name)) return;
  const box = await page.locator('#canvas').boundingBox();
  // The app may be scrolling the panel itself (to a shock just added): let it finish first.
  if (!(await page.evaluate((n) => window.kizuna.uiRect(n), name))) await frames(page, 4);
  let searchUp = true;  // while a control not drawn is looked for above
  for (let step = 0; step < 120; step++) {
    const [rect, levers] = await page.evaluate((n) => [window.kizuna.uiRect(n), window.kizuna.uiRect('levers-window')], name);
    // The window's rectangle includes its title bar (a control's height) and its padding: a control
    // scrolled under them is drawn but cannot be clicked.
    if (!levers) return;  // no levers panel (a workshop's panel takes its place)
    const top = rect ? levers.y + rect.height + 4 : 0;
    if (rect && rect.y >= top && rect.y + rect.height <= levers.y + levers.height) return;
    if (rect && (rect.x < levers.x || rect.x > levers.x + levers.width)) return;  // not in the levers panel
    if (!rect && searchUp && levers.scrollY <= 0) searchUp = false;  // at the top: look below
    if (!rect && !searchUp && levers.scrollY >= levers.scrollMaxY) return;  // at the bottom: not there
    const up = rect ? rect.y < top : searchUp;
    await mouse.move(box.x + levers.x + levers.width / 2, box.y + levers.y + levers.height / 2);
    // Searching, a stride of half the panel (no control is skipped); near the control, a notch.
    const notch = rect ? 120 : Math.max(120, Math.floor(levers.height / 2 / 90) * 120);
    await mouse.wheel(0, up ? -notch : notch);
    await frames(page, 1);
  }
}

/// Clicks the middle of a named control (kizuna.uiRect) as a user would, frame by frame. `page` may
/// be a Frame (an embedded view); then pass the page's `mouse`. A control in the levers panel is
/// scrolled into view first. The control must be drawn at the same place in two frames in a row
/// first: a re-run or a new message can move it between frames.
export async function clickControl(page, name, mouse = page.mouse) {
  await revealInLevers(page, name, mouse);
  const rect = await stableRect(page, name);
  const box = await page.locator('#canvas').boundingBox();
  await mouse.move(box.x + rect.x + rect.width / 2, box.y + rect.y + rect.height / 2);
  await frames(page, 1);
  await mouse.down();
  await frames(page, 1);
  await mouse.up();
  await frames(page, 2);
}

async function stableRect(page, name, attempts = 20) {
  const uiRect = () => page.evaluate((n) => window.kizuna.uiRect(n), name);
  let rect = await uiRect();
  for (let i = 0; i < attempts; i++) {
    await frames(page, 1);
    const next = await uiRect();
    if (rect && next && JSON.stringify(rect) === JSON.stringify(next)) return next;
    rect = next;
  }
  throw new Error(rect ? `${name} keeps moving` : `${name} is not drawn`);
}

/// Gives the working scenario a one-hazard risk register (China halting oxide exports to Japan),
/// so Monte Carlo runs differ from one another; the analysis tests share it.
export async function addRiskRegister(page) {
  const scenario = await page.evaluate(() => window.kizuna.getScenario());
  scenario.risks = [{
    id: 'cn-oxide-halt', name: { en: 'Chinese oxide export halt' }, kind: 'exportRestriction',
    regions: ['CN'], targets: ['JP'], goods: ['re_oxide'], annualProbability: 0.5,
    severity: { kind: 'triangular', low: 0.3, mode: 0.6, high: 1.0 },
    durationMonths: { kind: 'uniform', low: 2, mode: 4, high: 8 }, recovery: 'linear', recoveryMonths: 3,
  }];
  assert.deepEqual(await page.evaluate((s) => window.kizuna.setScenario(s), scenario), []);
}
