// Analyses through window.kizuna.runAnalysis in Chromium: Monte Carlo runs in the Web Worker with
// progress and partial results, and its result does not depend on the chunking; the app draws frames
// while one runs (asserted by order: progress, frames, still running, cancelled; never by time); a coalition analysis of a bundled framework preset (Shapley values sum to the
// grand coalition's value); cancelling rejects; bad options reject with a message naming them; no
// console errors throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, addRiskRegister } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// Runs an analysis in the page, recording its progress events.
function runInPage(page, kind, options) {
  return page.evaluate(async ({ kind, options }) => {
    const events = [];
    const result = await window.kizuna.runAnalysis(kind, {
      ...options,
      onProgress: ({ fraction, partial }) => events.push({ fraction, partial }),
    });
    return { result, events };
  }, { kind, options });
}

// Starts a Monte Carlo sweep far too long to end by itself here (the most runs a job takes), waits
// for its first progress event, then for the app to draw three more frames, notes whether the
// analysis is still running, cancels it and notes how it ended: the events in the order they came.
function framesDuringAnalysis(page) {
  return page.evaluate(async () => {
    const order = [];
    let progressed;
    const firstProgress = new Promise((resolve) => { progressed = resolve; });
    const outcome = window.kizuna.runAnalysis('montecarlo', { runs: 100000, seed: 7, chunkRuns: 10, onProgress: () => progressed() })
      .then(() => 'finished', (error) => error.message);
    await firstProgress;
    order.push('progress');
    const target = window.kizuna.stats().frames + 3;
    while (window.kizuna.stats().frames < target) await new Promise((resolve) => requestAnimationFrame(resolve));
    order.push(window.kizuna.analysis().running ? 'frames while running' : 'frames after it ended');
    window.kizuna.cancelAnalysis();
    order.push(await outcome);
    return order;
  });
}

test('Monte Carlo runs in the worker with progress and partial results while frames continue', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await addRiskRegister(page);
  const { result, events } = await runInPage(page, 'montecarlo', { runs: 400, seed: 7, chunkRuns: 20 });
  assert.equal(events.length, 19, 'a progress event after every chunk but the last');
  for (let i = 1; i < events.length; i++) {
    assert.ok(events[i].fraction > events[i - 1].fraction, 'progress grows');
    assert.equal(events[i].partial.runs, events[i - 1].partial.runs + 20, 'each partial result has 20 more runs');
  }
  assert.equal(events[0].partial.done, false);
  assert.ok(events[0].partial.cells.length > 0, 'partial results carry bands');

  assert.equal(result.kind, 'montecarlo');
  assert.equal(result.done, true);
  assert.equal(result.runs, 400);
  assert.equal(result.seed, 7);
  assert.match(result.hash, /^[0-9a-f]{16}$/);
  assert.ok(result.expectedTotalLoss > 0, 'the halt costs something in some runs');
  assert.ok(result.cvar95 >= result.expectedTotalLoss, 'the worst 5% cost at least the mean');
  const japan = result.cells.find((cell) => cell.region === 'JP');
  assert.ok(japan, 'Japan has final demand');
  assert.equal(japan.fulfilment.length, 5);
  assert.equal(japan.fulfilment[0].length, result.months);
  const spread = japan.fulfilment[4].some((p95, t) => p95 - japan.fulfilment[0][t] > 0.01);
  assert.ok(spread, 'the 5th and 95th percentiles differ in some month');

  // The same sweep in one chunk gives the same results, bit for bit (the shards merge exactly).
  const oneChunk = await runInPage(page, 'montecarlo', { runs: 400, seed: 7, chunkRuns: 400 });
  assert.equal(oneChunk.events.length, 0);
  assert.equal(oneChunk.result.hash, result.hash);
  assert.equal(oneChunk.result.cvar95, result.cvar95);
  assert.deepEqual(await page.evaluate(() => window.kizuna.analysis()), { running: false, kind: null, fraction: 0 });

  // The app keeps drawing while the worker computes: frames come after a progress event and before
  // the analysis ends (it is cancelled; it could not end otherwise unless frames stopped).
  assert.deepEqual(await framesDuringAnalysis(page), ['progress', 'frames while running', 'analysis cancelled']);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a coalition analysis of a framework preset: Shapley values sum to the grand coalition value', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('quad-semis')), []);
  const { result, events } = await runInPage(page, 'coalition', { framework: 'quad', chunkSubsets: 3 });
  assert.equal(events.length, 4, '15 subsets after the baseline, 3 at a time: 4 partial results before the last');
  assert.equal(events[0].partial.subsetsDone, 4);
  assert.equal(events[0].partial.subsetValue.filter((v) => v === null).length, 12, 'subsets not yet run are null');
  assert.equal(result.done, true);
  assert.deepEqual(result.candidates, ['US', 'JP', 'AU', 'IN']);
  const grand = result.subsetValue.at(-1);
  const sum = result.shapley.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - grand) <= 1e-6 * (1 + Math.abs(grand)), `Shapley sum ${sum} vs v(N) ${grand}`);
  assert.equal(typeof result.core.inCore, 'boolean');
  result.candidates.forEach((_, i) => {
    assert.ok(Math.abs(result.incentiveToJoin[i] - (result.gainInside[i] - result.gainOutside[i])) <= 1e-6 * (1 + Math.abs(result.gainInside[i])));
  });
  assert.equal(result.nonMemberEffectByRegion.length, result.regions.length);

  // Sensitivity, lever by lever: a tornado sorted by swing.
  const sensitivity = await runInPage(page, 'sensitivity', {
    metric: 'loss', levers: (await page.evaluate(() => window.kizuna.levers())).filter((l) => l.path.startsWith('event.')).slice(0, 3).map((l) => l.path),
  });
  assert.equal(sensitivity.result.rows.length, 3);
  assert.equal(sensitivity.events.length, 2);
  assert.ok(sensitivity.result.rows[0].swing >= sensitivity.result.rows[2].swing);
  assert.equal(sensitivity.result.unit, 'USD');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('cancelling rejects the run; bad options reject with a message naming them', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await addRiskRegister(page);
  const cancelled = await page.evaluate(async () => {
    let cancelledAt = null;
    const run = window.kizuna.runAnalysis('montecarlo', {
      runs: 100000, chunkRuns: 20,
      onProgress: ({ fraction }) => { if (cancelledAt === null) { cancelledAt = fraction; window.kizuna.cancelAnalysis(); } },
    });
    const second = await window.kizuna.runAnalysis('sensitivity', {}).then(() => 'resolved', (error) => error.message);
    const outcome = await run.then(() => 'resolved', (error) => error.message);
    return { outcome, second, cancelledAt, after: window.kizuna.analysis() };
  });
  assert.equal(cancelled.outcome, 'analysis cancelled');
  assert.match(cancelled.second, /already running/);
  assert.ok(cancelled.cancelledAt < 0.01, 'stopped early');
  assert.equal(cancelled.after.running, false);

  const messages = await page.evaluate(async () => {
    const attempt = (kind, options) => window.kizuna.runAnalysis(kind, options).then(() => 'resolved', (error) => error.message);
    return {
      kind: await attempt('forecast', {}),
      runs: await attempt('montecarlo', { runs: 0 }),
      tooMany: await attempt('montecarlo', { runs: 1e9 }),
      unknownOption: await attempt('montecarlo', { runz: 10 }),
      framework: await attempt('coalition', { framework: 'no-such-club' }),
      notObject: await attempt('montecarlo', 5),
    };
  });
  assert.equal(messages.kind, "kind: unknown analysis 'forecast': use montecarlo, coalition or sensitivity");
  assert.equal(messages.runs, 'options.runs: must be a whole number in 1..100000');
  assert.equal(messages.tooMany, 'options.runs: must be a whole number in 1..100000');
  assert.match(messages.unknownOption, /^options\.runz: unknown option for montecarlo/);
  assert.match(messages.framework, /the scenario has no framework to analyse|no framework 'no-such-club'/);
  assert.equal(messages.notObject, 'options must be an object');
  // After all that, a run still completes.
  const { result } = await runInPage(page, 'montecarlo', { runs: 20 });
  assert.equal(result.runs, 20);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
