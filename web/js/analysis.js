// Analyses in Web Workers (worker.js, on the core-only module) while the app keeps drawing. One
// analysis at a time; the app follows each run through the kz_web_analysis_* exports. Worker
// messages carry ids; an analysis's id is its run id in the app.
//
// A pool of workers (navigator.hardwareConcurrency minus one, at least one; options.workers to
// choose) runs an analysis in parts: worker i runs part i of n (Monte Carlo runs, coalition subsets,
// sensitivity levers: options partIndex/partCount in analysis_job.hpp), workers 1.. post their
// parts' bytes here and this page hands them on (transferred, not copied) to worker 0, whose job
// merges them in order in the core: the result is bit for bit that of one worker. With one worker
// an analysis runs whole, as a single 'analysis' request.
/* global Module */
import { siteBytes, siteFiles } from './site_files.js';
import { appCallRaw } from './state.js';

const ANALYSIS_KINDS = ['montecarlo', 'coalition', 'sensitivity'];
const MAX_WORKERS = 16;
const pool = [];           // PoolWorker, started on first use, kept for later analyses
let nextMessageId = 1;
let running = null;        // { id, kind, fraction }

// Served: worker.js beside the page. Offline: the core's glue and worker.js from a Blob (file://
// pages cannot start workers from files), then the wasm bytes as the first message. worker.js is a
// classic script either way (the build bundles its imports: web/tools/bundle.mjs).
function startWorker() {
  if (!siteFiles) return new Worker('worker.js');
  const source = `${siteFiles.text['kizuna_core.js']}\n;(function () {\n${siteFiles.text['worker.js']}\n})();\n`;
  const started = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const wasm = siteBytes('kizuna_core.wasm');  // decoded afresh for each worker
  started.postMessage({ type: 'wasm', bytes: wasm }, [wasm.buffer]);
  return started;
}

// One worker of the pool, with the requests it has not answered yet.
class PoolWorker {
  constructor() {
    this.pending = new Map(); // message id -> { resolve, reject, onProgress }
    this.worker = null;
  }

  started() {
    if (this.worker) return this.worker;
    this.worker = startWorker();
    this.worker.onmessage = (event) => {
      const { id, progress, partial, ok, result, error, cancelled } = event.data || {};
      const request = this.pending.get(id);
      if (!request) return;
      if (progress !== undefined) { request.onProgress(progress, partial); return; }
      this.pending.delete(id);
      if (ok) request.resolve(result);
      else request.reject(Object.assign(new Error(error), { cancelled: Boolean(cancelled) }));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const message = `the analysis worker failed: ${event.message || 'it could not start'}`;
      this.worker.terminate();
      this.worker = null;
      const requests = [...this.pending.values()];
      this.pending.clear();
      requests.forEach((request) => request.reject(new Error(message)));
    };
    return this.worker;
  }

  // A Promise of the answer to `message` (its id, or a new one); `transfer` as postMessage's.
  ask(message, onProgress = () => {}, transfer = []) {
    const id = message.id || nextMessageId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.started().postMessage({ ...message, id }, transfer);
    });
  }

  // Posts `message` with no answer awaited (absorb, cancel: the worker answers; nothing waits).
  tell(message, transfer = []) {
    this.started().postMessage({ ...message, id: nextMessageId++ }, transfer);
  }

  busy() { return this.pending.size > 0; }
}

function poolWorker(index) {
  while (pool.length <= index) pool.push(new PoolWorker());
  return pool[index];
}

// The pool's size when options.workers is not given.
export function defaultWorkers() {
  const cores = Number(globalThis.navigator && navigator.hardwareConcurrency) || 1;
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores) - 1));
}

// Runs analysis `id` in `count` workers: the final result as JSON text (worker 0's).
// `report(fraction, partial)` gets the mean of the parts' fractions and worker 0's partial results.
// Settles only once every worker has answered: on a failure or cancel, the others are cancelled
// and awaited first.
async function runInPool(id, count, request, report) {
  const fractions = new Array(count).fill(0);
  let partial = null;
  const mean = () => fractions.reduce((a, b) => a + b, 0) / count;
  let stopped = false;
  const stopAll = () => {
    if (stopped) return;
    stopped = true;
    for (let i = 0; i < count; i++) poolWorker(i).tell({ type: 'cancel', target: id });
  };
  const parts = [];
  for (let i = 0; i < count; i++) {
    const onProgress = (fraction, text) => {
      fractions[i] = fraction;
      if (i === 0) partial = text;
      report(mean(), partial);
    };
    const answer = poolWorker(i).ask({ ...request, id, type: 'part', partIndex: i, partCount: count }, onProgress);
    parts.push(i === 0 ? answer : answer.then((bytes) => {
      fractions[i] = 1;
      if (!stopped) poolWorker(0).tell({ type: 'absorb', target: id, index: i, bytes }, [bytes]);  // else worker 0 has let go
    }));
  }
  parts.forEach((part) => part.catch(stopAll));
  const settled = await Promise.allSettled(parts);
  const failed = settled.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason);
  if (failed.length > 0) throw failed.find((error) => !error.cancelled) || failed[0];
  return settled[0].value;
}

// Runs an analysis of the working scenario: a Promise of its result (kizuna.runAnalysis).
export async function runAnalysis(kind, options = {}) {
  if (running) throw new Error(`an analysis (${running.kind}) is already running: await it or call kizuna.cancelAnalysis() first`);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new Error('options must be an object');
  const { onProgress, workers = defaultWorkers(), ...workerOptions } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new Error('options.onProgress must be a function');
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) throw new Error(`options.workers must be a whole number in 1..${MAX_WORKERS}`);
  const id = nextMessageId++;
  const scenario = Module.UTF8ToString(Module._kz_web_scenario_json());
  const followed = ANALYSIS_KINDS.includes(kind) && appCallRaw(Module._kz_web_analysis_started, [id, kind]) === 1;
  running = { id, kind: String(kind), fraction: 0, workers };
  const report = (fraction, partial) => {
    if (running && running.id === id) running.fraction = fraction;
    if (followed) appCallRaw(Module._kz_web_analysis_progress, [id, fraction, partial || '']);
    if (onProgress) {
      try { onProgress({ fraction, partial: partial ? JSON.parse(partial) : null }); } catch (error) { console.warn('onProgress:', error); }
    }
  };
  try {
    const request = { kind: String(kind), scenario, options: workerOptions };
    // The worker's JSON text goes to the app as the core wrote it; only the caller gets it parsed.
    const resultJson = workers === 1
      ? await poolWorker(0).ask({ ...request, id, type: 'analysis' }, report)
      : await runInPool(id, workers, request, report);
    if (followed) appCallRaw(Module._kz_web_analysis_result, [id, resultJson]);
    return JSON.parse(resultJson);
  } catch (error) {
    if (followed) appCallRaw(Module._kz_web_analysis_failed, [id, String(error.message), error.cancelled ? 1 : 0]);
    throw error;
  } finally {
    running = null;
  }
}

export function cancelAnalysis() {
  if (!running) return false;
  const count = running.workers;
  for (let i = 0; i < count; i++) poolWorker(i).tell({ type: 'cancel', target: running.id });
  return true;
}

// { running, kind, fraction } of the current analysis.
export function analysisState() {
  return running ? { running: true, kind: running.kind, fraction: running.fraction } : { running: false, kind: null, fraction: 0 };
}

// { size, started, busy }: the pool's default size, the workers started and those with a request
// not yet answered (kizuna.analysisWorkers; after a cancelled run settles, busy is 0).
export function analysisWorkers() {
  return { size: defaultWorkers(), started: pool.filter((w) => w.worker).length, busy: pool.filter((w) => w.busy()).length };
}
