// First-load benchmark of the served site (BENCHMARKS.md, "First load"; issue 9's budgets): loads the
// page N times, each in a fresh browser context (empty cache) of one headless Chromium with software
// WebGL2 (the browser tests' flags), and prints the medians of
//   loadMs       navigation start to the first interactive frame: kizuna.stats().loadMs, taken when
//                kizuna.ready resolves (the default scenario opened and drawn, input live)
//   bareMs       the same browser's cost of a bare page that only creates a WebGL2 context and draws
//                one frame: under SwiftShader most of loadMs is this, on a real GPU it is milliseconds
//   gzipBytes    every response the page received up to that frame (its first view: HTML, CSS, JS,
//                wasm, the default scenario), each gzipped at zlib's default level 6 as a static host
//                would send it (web/serve.mjs itself sends files uncompressed: it serves loopback)
// Usage: node web/tools/load_bench.mjs [--site build/web/site] [--runs 7]
//   Build first (cmake --build --preset web). Note `uptime` with every figure: the machine is shared.
// Library use (tests/browser/load.test.mjs): measureLoads(browser, url, runs), bareWebGlMs(browser, url).
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/// Loads `url` once in a fresh context: { loadMs, files: [{ url, bytes, gzipBytes }], gzipBytes }.
export async function measureLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => bodies.push(response.body().then(
    (body) => ({ url: response.url(), bytes: body.length, gzipBytes: zlib.gzipSync(body).length }),
    () => null)));  // redirects and aborted requests have no body
  try {
    await page.goto(url);
    await page.evaluate(() => window.kizuna.ready);
    const { loadMs } = await page.evaluate(() => window.kizuna.stats());
    const files = (await Promise.all(bodies)).filter(Boolean);
    return { loadMs, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
  } finally {
    await context.close();
  }
}

/// The browser's own cost of a first WebGL2 frame: a bare page (fulfilled in place of `url`) that
/// creates a context, clears it and reports navigation start to the end of its first frame.
export async function bareWebGlMs(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>
    <canvas id="c" width="1280" height="720"></canvas><script>
      window.bare = new Promise((resolve) => {
        const gl = document.getElementById('c').getContext('webgl2');
        gl.clearColor(0.1, 0.2, 0.3, 1); gl.clear(gl.COLOR_BUFFER_BIT);
        requestAnimationFrame(() => resolve(performance.now()));
      });</script>` }));
  try {
    await page.goto(url);
    return await page.evaluate(() => window.bare);
  } finally {
    await context.close();
  }
}

/// `runs` loads of `url`; medians and every load's figures.
export async function measureLoads(browser, url, runs) {
  const loads = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {  // alternate, so both see the same machine load
    loads.push(await measureLoad(browser, url));
    bare.push(await bareWebGlMs(browser, `${url}__bare.html`));
  }
  return {
    loadMs: median(loads.map((load) => load.loadMs)),
    bareMs: median(bare),
    gzipBytes: median(loads.map((load) => load.gzipBytes)),
    loads,
    bare,
  };
}

const CHROMIUM_ARGS = [  // as tests/browser/harness.mjs
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

async function main() {
  const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options = { site: path.join(webDir, '..', 'build', 'web', 'site'), runs: 7,
    chromium: process.env.KIZUNA_CHROMIUM || '/usr/bin/chromium' };
  for (let i = 2; i < process.argv.length; i += 2) {
    const key = process.argv[i].replace(/^--/, '');
    if (!(key in options) || process.argv[i + 1] === undefined) throw new Error(`unknown or incomplete option '${process.argv[i]}'`);
    options[key] = key === 'runs' ? Number(process.argv[i + 1]) : process.argv[i + 1];
  }
  const { chromium } = createRequire(path.join(webDir, 'package.json'))('playwright-core');
  const { startServer } = await import(pathToFileURL(path.join(webDir, 'serve.mjs')).href);
  const site = await startServer({ root: options.site, port: 0 });
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, headless: true });
  try {
    const result = await measureLoads(browser, site.url, options.runs);
    console.log('First view (the last load), gzip level 6:');
    for (const file of result.loads.at(-1).files) {
      console.log(`  ${String(file.gzipBytes).padStart(9)} B gz ${String(file.bytes).padStart(9)} B  ${file.url.replace(site.url, '')}`);
    }
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`gzipBytes  ${result.gzipBytes} B (${kb(result.gzipBytes)}); budget 1.5 MB`);
    console.log(`loadMs     median ${result.loadMs.toFixed(0)} ms of ${options.runs}: ${result.loads.map((l) => l.loadMs.toFixed(0)).join(' ')}; budget 2000 ms`);
    console.log(`bareMs     median ${result.bareMs.toFixed(0)} ms: ${result.bare.map((ms) => ms.toFixed(0)).join(' ')}`);
    console.log(`app's own  ${(result.loadMs - result.bareMs).toFixed(0)} ms (loadMs - bareMs)`);
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => { console.error(`load_bench: ${error.message}`); process.exit(1); });
}
