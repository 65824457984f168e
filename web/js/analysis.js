// Analyses in the Web Worker (worker.js, on the core-only module) while the app keeps drawing. One
// at a time; the app follows each run through the kz_web_analysis_* exports. Worker messages carry
// ids; an analysis's id is its run id in the app.
/* global Module */
import { siteBytes, siteFiles } from './site_files.js';
import { appCallRaw } from './state.js';

const ANALYSIS_KINDS = ['montecarlo', 'coalition', 'sensitivity'];
let worker = null;
let nextMessageId = 1;
const pending = new Map(); // message id -> { resolve, reject, onProgress }
let running = null;        // { id, kind, fraction }

// Served: worker.js beside the page. Offline: the core's glue and worker.js from a Blob (file://
// pages cannot start workers from files), then the wasm bytes as the first message. worker.js is a
// classic script either way (the build bundles its imports: web/tools/bundle.mjs).
function startWorker() {
  if (!siteFiles) return new Worker('worker.js');
  const source = `${siteFiles.text['kizuna_core.js']}\n;(function () {\n${siteFiles.text['worker.js']}\n})();\n`;
  const started = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const wasm = siteBytes('kizuna_core.wasm');
  started.postMessage({ type: 'wasm', bytes: wasm }, [wasm.buffer]);
  return started;
}

function analysisWorker() {
  if (worker) return worker;
  worker = startWorker();
  worker.onmessage = (event) => {
    const { id, progress, partial, ok, result, error, cancelled } = event.data || {};
    const request = pending.get(id);
    if (!request) return;
    if (progress !== undefined) { request.onProgress(progress, partial); return; }
    pending.delete(id);
    if (ok) request.resolve(result);
    else request.reject(Object.assign(new Error(error), { cancelled: Boolean(cancelled) }));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const message = `the analysis worker failed: ${event.message || 'it could not start'}`;
    worker.terminate();
    worker = null;
    const requests = [...pending.values()];
    pending.clear();
    requests.forEach((request) => request.reject(new Error(message)));
  };
  return worker;
}

function askWorker(message, onProgress = () => {}) {
  const id = message.id || nextMessageId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    analysisWorker().postMessage({ ...message, id });
  });
}

// Runs an analysis of the working scenario: a Promise of its result (kizuna.runAnalysis).
export async function runAnalysis(kind, options = {}) {
  if (running) throw new Error(`an analysis (${running.kind}) is already running: await it or call kizuna.cancelAnalysis() first`);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new Error('options must be an object');
  const { onProgress, ...workerOptions } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new Error('options.onProgress must be a function');
  const id = nextMessageId++;
  const scenario = Module.UTF8ToString(Module._kz_web_scenario_json());
  const followed = ANALYSIS_KINDS.includes(kind) && appCallRaw(Module._kz_web_analysis_started, [id, kind]) === 1;
  running = { id, kind: String(kind), fraction: 0 };
  const report = (fraction, partial) => {
    if (running && running.id === id) running.fraction = fraction;
    if (followed) appCallRaw(Module._kz_web_analysis_progress, [id, fraction, partial || '']);
    if (onProgress) {
      try { onProgress({ fraction, partial: partial ? JSON.parse(partial) : null }); } catch (error) { console.warn('onProgress:', error); }
    }
  };
  try {
    const result = await askWorker({ id, type: 'analysis', kind: String(kind), scenario, options: workerOptions }, report);
    if (followed) appCallRaw(Module._kz_web_analysis_result, [id, JSON.stringify(result)]);
    return result;
  } catch (error) {
    if (followed) appCallRaw(Module._kz_web_analysis_failed, [id, String(error.message), error.cancelled ? 1 : 0]);
    throw error;
  } finally {
    running = null;
  }
}

export function cancelAnalysis() {
  if (!running) return false;
  askWorker({ type: 'cancel', target: running.id }).catch(() => {});
  return true;
}

// { running, kind, fraction } of the current analysis.
export function analysisState() {
  return running ? { running: true, kind: running.kind, fraction: running.fraction } : { running: false, kind: null, fraction: 0 };
}
