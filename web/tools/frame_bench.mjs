// Frame-time benchmark of the web app (BENCHMARKS.md, "The app in the browser"): opens the default
// scenario in headless Chromium with software WebGL2 (the browser tests' flags), drags a lever with
// the mouse for N frames at each window size and prints, per size:
//   frameMs         kizuna.stats().frameMs after the drag: the median main-thread time of the app's
//                   frame callback over its last 120 frames (the drag's frames; see WebApp::Frame)
//   callbackMs      the same callback timed from JavaScript around requestAnimationFrame (adds
//                   Emscripten's main-loop wrapper): a cross-check of frameMs
//   intervalMs      median time between frames: what the GPU process (SwiftShader) allows
//   toFrameMs       median time from a pointer move to the end of the frame that re-ran the model
//                   and submitted the redraw
//   toNextFrameMs   ... to the start of the frame after it (that redraw was taken by the browser)
// Usage: node web/tools/frame_bench.mjs [--site build/web/site] [--frames 120] [--sizes 1280x720,1920x1080]
//   Build first (cmake --build --preset web). Note `uptime` with every figure: the machine is shared.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromWeb = createRequire(path.join(webDir, 'package.json'));
const { chromium } = requireFromWeb('playwright-core');
const { startServer } = await import(pathToFileURL(path.join(webDir, 'serve.mjs')).href);

const options = { site: path.join(webDir, '..', 'build', 'web', 'site'), frames: 120, sizes: '1280x720,1920x1080',
  chromium: process.env.KIZUNA_CHROMIUM || '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in options) || process.argv[i + 1] === undefined) {
    console.error(`frame_bench: unknown or incomplete option '${process.argv[i]}'`);
    process.exit(2);
  }
  options[key] = key === 'frames' ? Number(process.argv[i + 1]) : process.argv[i + 1];
}

const CHROMIUM_ARGS = [  // as tests/browser/harness.mjs
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

// In the page: time every animation-frame callback and note the engine's run count after it, and
// the time of every pointer move.
function recordFrames() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__bench = { frames: [], moves: [], raf };  // raf: for the script's own waits, not recorded
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    callback(time);
    const end = performance.now();
    window.__bench.frames.push({ start, end, runs: window.__bench.key() });
  });
  // What changes when the model re-runs: kizuna.stats().runs, or in builds before it the metrics.
  window.__bench.key = () => {
    if (typeof Module !== 'object' || !window.kizuna) return 0;
    if (Module._kz_web_model_runs) return Module._kz_web_model_runs();
    try { return JSON.stringify(window.kizuna.summary().metrics); } catch { return 0; }
  };
  window.addEventListener('mousemove', (event) => window.__bench.moves.push(event.timeStamp), true);
}

const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
};
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => window.__bench.raf(() => resolve())));

async function measure(browser, url, width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(recordFrames);
  await page.goto(url);
  await page.evaluate(() => window.kizuna.ready);
  await page.waitForFunction(() => window.kizuna.stats().frames >= 30);

  // A lever slider, found by name where the app drew it (kizuna.uiRect; the levers column's layout
  // is the app's to change): the first event's fraction, else any lever drawn.
  const slider = await page.evaluate((first) => {
    const paths = [first, ...window.kizuna.levers().map((lever) => lever.path)];
    for (const path of paths) {
      const rect = window.kizuna.uiRect(`lever:${path}`);
      if (rect && rect.width > 40) return { path, rect };
    }
    return null;
  }, 'event.cn-halt-japan-2010.fraction');
  if (slider === null) throw new Error(`no lever slider drawn at ${width}x${height}`);
  const box = await page.locator('#canvas').boundingBox();
  const row = box.y + slider.rect.y + slider.rect.height / 2;
  const left = box.x + slider.rect.x + slider.rect.width * 0.2;
  const span = slider.rect.width * 0.6;  // back and forth inside the slider: every move changes the value
  const runsBefore = await page.evaluate(() => window.__bench.key());

  await page.mouse.move(left, row);
  await page.mouse.down();
  await nextFrame(page);
  await page.evaluate(() => { window.__bench.frames = []; window.__bench.moves = []; });
  for (let i = 0; i < options.frames; i++) {
    await page.mouse.move(left + span * (((i % 20) + 1) / 20), row);
    await nextFrame(page);
  }
  if ((await page.evaluate(() => window.__bench.key())) === runsBefore) {
    throw new Error(`dragging the lever ${slider.path} at ${width}x${height} did not re-run the model`);
  }
  const stats = await page.evaluate(() => window.kizuna.stats());
  const { frames, moves } = await page.evaluate(() => ({ frames: window.__bench.frames, moves: window.__bench.moves }));
  if (process.env.FRAME_BENCH_DUMP) console.log(JSON.stringify({ frames: frames.slice(0, 30), moves: moves.slice(0, 10) }));
  await page.mouse.up();
  await context.close();

  const toFrame = [], toNext = [];
  for (const move of moves) {
    const before = frames.findLast((f) => f.end <= move);
    const index = frames.findIndex((f) => f.start >= move && f.runs !== (before ? before.runs : 0));
    if (index < 0) continue;
    toFrame.push(frames[index].end - move);
    if (index + 1 < frames.length) toNext.push(frames[index + 1].start - move);
  }
  const intervals = frames.slice(1).map((f, i) => f.start - frames[i].start);
  return {
    size: `${width}x${height}`, frameMs: stats.frameMs, callbackMs: median(frames.map((f) => f.end - f.start)),
    intervalMs: median(intervals), toFrameMs: median(toFrame), toNextFrameMs: median(toNext),
    moves: moves.length, redrawn: toFrame.length, frames: frames.length,
  };
}

const site = await startServer({ root: path.resolve(options.site), port: 0 });
const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, headless: true });
try {
  const { execSync } = await import('node:child_process');
  const load = () => execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');
  console.log(`frame_bench: ${options.frames} frames of a lever drag per size; load before: ${load()}`);
  const f = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a').padStart(8);
  console.log('size       frameMs callbackMs intervalMs toFrameMs toNextFrameMs  (medians, ms)');
  for (const size of options.sizes.split(',')) {
    const [width, height] = size.split('x').map(Number);
    const r = await measure(browser, site.url, width, height);
    console.log(`${r.size.padEnd(10)}${f(r.frameMs)}${f(r.callbackMs)}   ${f(r.intervalMs)}${f(r.toFrameMs)}   ${f(r.toNextFrameMs)}` +
      `   (${r.redrawn}/${r.moves} moves redrawn, ${r.frames} frames)`);
  }
  console.log(`load after: ${load()}`);
} finally {
  await browser.close();
  await site.close();
}
