// Analysis pool benchmark (BENCHMARKS.md, "Analyses on every core"): in the served site in headless
// Chromium (the browser tests' flags), times kizuna.runAnalysis with one worker and with two (or
// --workers), page to result, for the analyses of `kizuna_bench mc` and `kizuna_bench coalition`
// (their scenarios are printed by `kizuna_bench scenario mc|coalition`): Monte Carlo, 1,000 runs of
// the 10 x 10 x 120 synthetic network with 10 hazards (seed 42), and the coalition analysis of all
// 12 regions of the 12 x 10 x 120 network (4,096 subsets). Prints each median (of --repeat runs,
// after one warm-up run that starts the workers), the ratio to one worker, and whether every result
// is identical (Monte Carlo's hash, the coalition's subset values and Shapley values).
// With --estimate P it also times each of P parts alone on one worker (options partIndex/partCount;
// median of --repeat each) and prints an estimate for P cores: at best the slowest part, plus the
// P - 1 merges into part 0 (not timed here). An estimate, not a measurement: it assumes P idle cores.
// Usage: node web/tools/pool_bench.mjs [--site build/web/site] [--bench build/native/src/cli/kizuna_bench]
//          [--runs 1000] [--candidates 12] [--repeat 3] [--workers 1,2] [--estimate 8]
//   --bench may be the wasm build's kizuna_bench.js (run with node). Build first. Note `uptime`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { median } from './load_bench.mjs';

const CHROMIUM_ARGS = [  // as tests/browser/harness.mjs
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

// The scenario JSON `kizuna_bench scenario <which>` prints. Its output goes to a file, not a pipe:
// the wasm build under node loses parts of large outputs written to a pipe.
function benchScenario(bench, which) {
  const command = bench.endsWith('.js') ? [process.execPath, [bench, 'scenario', which]] : [bench, ['scenario', which]];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pool-bench-')), `${which}.json`);
  const out = fs.openSync(file, 'w');
  try {
    execFileSync(command[0], command[1], { stdio: ['ignore', out, 'inherit'] });
  } finally {
    fs.closeSync(out);
  }
  const text = fs.readFileSync(file, 'utf8');
  fs.rmSync(path.dirname(file), { recursive: true });
  return JSON.parse(text);
}

// Runs `kind` with `options` in the page: { ms, fingerprint } (wall time, page to result).
function timeAnalysis(page, kind, options) {
  return page.evaluate(async ({ kind, options }) => {
    const start = performance.now();
    const result = await window.kizuna.runAnalysis(kind, options);
    const ms = performance.now() - start;
    const fingerprint = kind === 'montecarlo' ? result.hash || `${result.runs} runs`
      : JSON.stringify(result.subsetValue) + JSON.stringify(result.shapley || null);
    return { ms, fingerprint };
  }, { kind, options });
}

async function measure(page, label, kind, scenario, options, settings) {
  assertEmpty(await page.evaluate((s) => window.kizuna.setScenario(s), scenario), label);
  await timeAnalysis(page, kind, { ...options, workers: Math.max(...settings.workers) });  // starts the workers
  const medians = new Map();
  const fingerprints = new Set();
  for (const workers of settings.workers) {
    const times = [];
    for (let i = 0; i < settings.repeat; i++) {
      const { ms, fingerprint } = await timeAnalysis(page, kind, { ...options, workers });
      times.push(ms);
      fingerprints.add(fingerprint);
    }
    medians.set(workers, median(times));
    console.log(`${label}: ${workers} worker${workers > 1 ? 's' : ' '} median ${median(times).toFixed(0)} ms ` +
                `(${times.map((ms) => ms.toFixed(0)).join(' ')})`);
  }
  const one = medians.get(settings.workers[0]);
  const ratios = settings.workers.slice(1).map((w) => `${w} workers ${(one / medians.get(w)).toFixed(2)}x`).join(', ');
  console.log(`${label}: speed-up over ${settings.workers[0]}: ${ratios}, identical results: ${fingerprints.size === 1 ? 'yes' : 'NO'}`);
  if (settings.estimate > 1) {
    const parts = [];
    for (let i = 0; i < settings.estimate; i++) {  // each part alone on one worker, median of --repeat runs
      const runs = [];
      for (let r = 0; r < settings.repeat; r++) {
        runs.push((await timeAnalysis(page, kind, { ...options, workers: 1, partIndex: i, partCount: settings.estimate })).ms);
      }
      parts.push(median(runs));
    }
    const slowest = Math.max(...parts);
    console.log(`${label}: ESTIMATE for ${settings.estimate} cores: at best ${slowest.toFixed(0)} ms (${(one / slowest).toFixed(2)}x), ` +
                `the slowest of ${settings.estimate} parts alone (${parts.map((ms) => ms.toFixed(0)).join(' ')}), ` +
                `plus ${settings.estimate - 1} merges into part 0`);
  }
}

function assertEmpty(problems, label) {
  if (problems.length > 0) throw new Error(`${label}: the scenario was refused: ${JSON.stringify(problems.slice(0, 3))}`);
}

async function main() {
  const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options = { site: path.join(webDir, '..', 'build', 'web', 'site'), bench: path.join(webDir, '..', 'build', 'native', 'src', 'cli', 'kizuna_bench'),
    runs: 1000, candidates: 12, repeat: 3, workers: '1,2', estimate: 8, chromium: process.env.KIZUNA_CHROMIUM || '/usr/bin/chromium' };
  for (let i = 2; i < process.argv.length; i += 2) {
    const key = process.argv[i].replace(/^--/, '');
    if (!(key in options) || process.argv[i + 1] === undefined) throw new Error(`unknown or incomplete option '${process.argv[i]}'`);
    options[key] = typeof options[key] === 'number' ? Number(process.argv[i + 1]) : process.argv[i + 1];
  }
  const settings = { repeat: options.repeat, estimate: options.estimate, workers: options.workers.split(',').map(Number) };
  const mcScenario = benchScenario(options.bench, 'mc');
  const coalitionScenario = benchScenario(options.bench, 'coalition');
  const candidates = coalitionScenario.regions.slice(0, options.candidates).map((region) => region.id);

  const { chromium } = createRequire(path.join(webDir, 'package.json'))('playwright-core');
  const { startServer } = await import(pathToFileURL(path.join(webDir, 'serve.mjs')).href);
  const site = await startServer({ root: options.site, port: 0 });
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.evaluate(() => window.kizuna.ready);
    console.log(`navigator.hardwareConcurrency ${await page.evaluate(() => navigator.hardwareConcurrency)}`);
    await measure(page, `montecarlo ${options.runs} runs`, 'montecarlo', mcScenario, { runs: options.runs, seed: 42 }, settings);
    await measure(page, `coalition ${candidates.length} candidates`, 'coalition', coalitionScenario,
                  { framework: coalitionScenario.frameworks[0].id, candidates }, settings);
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => { console.error(`pool_bench: ${error.message}`); process.exit(1); });
}
