// Analyses on a pool of Web Workers (web/js/analysis.js): Monte Carlo, a coalition and sensitivity
// run with two workers give results identical to one worker (the whole result JSON, Monte Carlo's
// hash included), progress reaches the page, and cancelling stops every worker: the run rejects
// only once each worker has answered, and the pool then serves the next run. Nothing is timed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage, waitUntilRunning, addRiskRegister } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// Runs an analysis in the page with `workers` workers: its result and how many progress events came.
function runInPage(page, kind, options, workers) {
  return page.evaluate(async ({ kind, options, workers }) => {
    let events = 0;
    const result = await window.kizuna.runAnalysis(kind, { ...options, workers, onProgress: () => { events += 1; } });
    return { result, events };
  }, { kind, options, workers });
}

test('two workers give the same results as one: Monte Carlo, coalition, sensitivity', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await addRiskRegister(page);
  const mcOptions = { runs: 60, seed: 7, chunkRuns: 10 };
  const one = await runInPage(page, 'montecarlo', mcOptions, 1);
  const two = await runInPage(page, 'montecarlo', mcOptions, 2);
  assert.match(one.result.hash, /^[0-9a-f]{16}$/);
  assert.equal(two.result.hash, one.result.hash, 'the results hash');
  assert.deepEqual(two.result, one.result, 'the whole result');
  assert.ok(two.events > 0, 'progress from the pool');
  const three = await runInPage(page, 'montecarlo', { runs: 7, seed: 3 }, 3);
  assert.deepEqual(three.result, (await runInPage(page, 'montecarlo', { runs: 7, seed: 3 }, 1)).result, 'three uneven parts');

  const sensitivityOptions = { metric: 'loss', levers: (await page.evaluate(() => window.kizuna.levers())).slice(0, 5).map((l) => l.path) };
  const sensitivityOne = await runInPage(page, 'sensitivity', sensitivityOptions, 1);
  const sensitivityTwo = await runInPage(page, 'sensitivity', sensitivityOptions, 2);
  assert.equal(sensitivityOne.result.rows.length, 5);
  assert.deepEqual(sensitivityTwo.result, sensitivityOne.result);

  assert.deepEqual(await page.evaluate(() => window.kizuna.loadPreset('quad-semis')), []);
  const coalitionOne = await runInPage(page, 'coalition', { framework: 'quad', chunkSubsets: 2 }, 1);
  const coalitionTwo = await runInPage(page, 'coalition', { framework: 'quad', chunkSubsets: 2 }, 2);
  assert.equal(coalitionOne.result.subsetValue.length, 16);
  assert.deepEqual(coalitionTwo.result.subsetValue, coalitionOne.result.subsetValue);
  assert.deepEqual(coalitionTwo.result.shapley, coalitionOne.result.shapley);
  assert.deepEqual(coalitionTwo.result, coalitionOne.result);

  const bad = await page.evaluate(() => window.kizuna.runAnalysis('montecarlo', { runs: 0, workers: 2 }).then(() => 'resolved', (e) => e.message));
  assert.equal(bad, 'options.runs: must be a whole number in 1..100000', 'every part refuses bad options alike');
  const badWorkers = await page.evaluate(() => window.kizuna.runAnalysis('montecarlo', { workers: 0 }).then(() => 'resolved', (e) => e.message));
  assert.match(badWorkers, /^options\.workers must be a whole number/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('cancelling a pooled run stops every worker; the pool then serves the next run', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  await addRiskRegister(page);
  const outcome = await page.evaluate(async () => {
    let cancelledAt = null;
    const run = window.kizuna.runAnalysis('montecarlo', {
      runs: 100000, chunkRuns: 10, workers: 2,
      onProgress: ({ fraction }) => { if (cancelledAt === null) { cancelledAt = fraction; window.kizuna.cancelAnalysis(); } },
    });
    const whileRunning = window.kizuna.analysisWorkers();
    const message = await run.then(() => 'resolved', (error) => error.message);
    return { message, cancelledAt, whileRunning, after: window.kizuna.analysisWorkers(), state: window.kizuna.analysis() };
  });
  assert.equal(outcome.message, 'analysis cancelled');
  assert.ok(outcome.cancelledAt < 0.01, 'stopped early');
  assert.equal(outcome.whileRunning.busy, 2, 'both workers took a part');
  assert.equal(outcome.after.started, 2);
  assert.equal(outcome.after.busy, 0, 'every worker answered the cancel before the run rejected');
  assert.equal(outcome.state.running, false);
  const next = await runInPage(page, 'montecarlo', { runs: 20, seed: 5 }, 2);
  assert.equal(next.result.runs, 20);
  assert.equal(next.result.done, true);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
