// Web Worker over the core-only wasm module (kizuna_core.js): heavy batches run here so the page
// never drops a frame. Protocol: the page posts { id, type, ... }; the worker answers each message
// with { id, ok: true, result } or { id, ok: false, error }. Requests:
//   { type: 'version' }                                   -> the core's version
//   { type: 'analysis', kind, scenario, options }         -> the final result (parsed JSON)
//       kind: 'montecarlo' | 'coalition' | 'sensitivity'; scenario: scenario JSON text; options: an
//       object (see src/core/include/kizuna/analysis_job.hpp). Before the answer, after every chunk:
//       { id, progress: fraction 0..1, partial: the result so far as JSON text }.
//   { type: 'cancel', target }                            -> true; analysis `target` then answers
//       { ok: false, error: 'analysis cancelled', cancelled: true } at its next chunk boundary.
// Analyses run one chunk per task, so cancel messages (and others) are read between chunks.
// Written as a module (it shares js/strings.js with the page), run as a classic worker script: the
// build bundles it (web/tools/bundle.mjs), since kizuna_core.js is a classic script for importScripts.
/* global createKizunaCore, importScripts */
import { callWithStrings } from './js/strings.js';

// Served, kizuna_core.js is beside this file and fetches its wasm. In the offline single file the
// page builds this worker from a Blob holding kizuna_core.js then this file (so createKizunaCore is
// already defined) and posts { type: 'wasm', bytes } first: file:// allows no fetch.
const embedded = typeof createKizunaCore === 'function';
if (!embedded) importScripts('kizuna_core.js');

let receiveWasm = null;
const core = embedded // Promise of the instantiated module
  ? new Promise((resolve) => { receiveWasm = resolve; }).then((bytes) => createKizunaCore({ wasmBinary: bytes }))
  : createKizunaCore();
const cancelled = new Set();     // ids of analyses asked to stop

// Lets queued messages (a cancel) run before the next chunk.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

class Cancelled extends Error {}

async function analysis(module, { id, kind, scenario, options }) {
  if (typeof scenario !== 'string') throw new Error('analysis: scenario must be scenario JSON text');
  const optionsText = typeof options === 'string' ? options : JSON.stringify(options || {});
  const handle = callWithStrings(module, module._kz_analysis_start, [String(kind), scenario, optionsText]);
  if (handle === 0) throw new Error(module.UTF8ToString(module._kz_analysis_message()));
  try {
    for (;;) {
      await nextTask();
      if (cancelled.has(id)) throw new Cancelled('analysis cancelled');
      const state = module._kz_analysis_step(handle);
      if (state < 0) throw new Error(module.UTF8ToString(module._kz_analysis_message()));
      const json = module.UTF8ToString(module._kz_analysis_json(handle));
      if (state === 1) return JSON.parse(json);
      self.postMessage({ id, progress: module._kz_analysis_fraction(handle), partial: json });
    }
  } finally {
    module._kz_analysis_free(handle);
    cancelled.delete(id);
  }
}

const handlers = {
  version(module) { return module.UTF8ToString(module._kz_core_version()); },
  analysis,
  cancel(module, { target }) { cancelled.add(target); return true; },
};

self.onmessage = async (event) => {
  const { id, type } = event.data || {};
  if (type === 'wasm' && receiveWasm) { receiveWasm(event.data.bytes); receiveWasm = null; return; }
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request type '${type}'`);
    const module = await core;
    self.postMessage({ id, ok: true, result: await handler(module, event.data) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message || error), cancelled: error instanceof Cancelled });
  }
};
