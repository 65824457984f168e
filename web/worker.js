// Web Worker over the core-only wasm module (kizuna_core.js): heavy batches run here so the page
// never drops a frame. Protocol: the page posts { id, type, ... }; the worker answers each message
// with { id, ok: true, result } or { id, ok: false, error }. Requests:
//   { type: 'version' }                                   -> the core's version
//   { type: 'analysis', kind, scenario, options }         -> the final result as JSON text (the
//       core's bytes, passed on as they are: the app reads them with the core's readers)
//       kind: 'montecarlo' | 'coalition' | 'sensitivity'; scenario: scenario JSON text; options: an
//       object (see src/core/include/kizuna/analysis_job.hpp). Before the answer, after every chunk:
//       { id, progress: fraction 0..1, partial: the result so far as JSON text }.
//   { type: 'part', kind, scenario, options, partIndex, partCount }
//       -> one part of an analysis run by a pool of workers (web/js/analysis.js; options partIndex and
//       partCount in analysis_job.hpp), progress as above (with partial results from part 0 only).
//       Parts 1.. answer with their bytes (an ArrayBuffer, transferred: AnalysisJob::ExportPart).
//       Part 0, once its own runs are done, merges the others in index order as the page forwards
//       them and answers with the final result, bit for bit that of one 'analysis':
//   { type: 'absorb', target, index, bytes }              -> true; part `index`'s bytes for part 0
//       of analysis `target` (they may come in any order).
//   { type: 'cancel', target }                            -> true; analysis `target` then answers
//       { ok: false, error: 'analysis cancelled', cancelled: true } at its next chunk boundary (part
//       0 waiting for parts at once).
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
const received = new Map();      // analysis id -> { bytes: Map(part index -> ArrayBuffer), wake }

// Lets queued messages (a cancel) run before the next chunk.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

class Cancelled extends Error {}

function startJob(module, kind, scenario, options) {
  if (typeof scenario !== 'string') throw new Error('analysis: scenario must be scenario JSON text');
  const optionsText = typeof options === 'string' ? options : JSON.stringify(options || {});
  const handle = callWithStrings(module, module._kz_analysis_start, [String(kind), scenario, optionsText]);
  if (handle === 0) throw new Error(module.UTF8ToString(module._kz_analysis_message()));
  return handle;
}

// Steps job `handle` to the end of its part, posting progress (and partial results if `partials`)
// after every chunk but the last.
async function stepToEnd(module, handle, id, partials) {
  for (;;) {
    await nextTask();
    if (cancelled.has(id)) throw new Cancelled('analysis cancelled');
    const state = module._kz_analysis_step(handle);
    if (state < 0) throw new Error(module.UTF8ToString(module._kz_analysis_message()));
    if (state === 1) return;
    const progress = module._kz_analysis_fraction(handle);
    self.postMessage(partials ? { id, progress, partial: module.UTF8ToString(module._kz_analysis_json(handle)) } : { id, progress });
  }
}

async function analysis(module, { id, kind, scenario, options }) {
  const handle = startJob(module, kind, scenario, options);
  try {
    await stepToEnd(module, handle, id, true);
    return module.UTF8ToString(module._kz_analysis_json(handle));
  } finally {
    module._kz_analysis_free(handle);
    cancelled.delete(id);
  }
}

function partsOf(id) {
  if (!received.has(id)) received.set(id, { bytes: new Map(), wake: null });
  return received.get(id);
}

// Part `index`'s bytes for analysis `id` once they have come (or the analysis is cancelled).
async function partBytes(id, index) {
  const parts = partsOf(id);
  while (!parts.bytes.has(index)) {
    if (cancelled.has(id)) throw new Cancelled('analysis cancelled');
    await new Promise((resolve) => { parts.wake = resolve; });
  }
  const bytes = parts.bytes.get(index);
  parts.bytes.delete(index);
  return bytes;
}

async function part(module, { id, kind, scenario, options, partIndex, partCount }) {
  const handle = startJob(module, kind, scenario, { ...(options || {}), partIndex, partCount });
  try {
    await stepToEnd(module, handle, id, partIndex === 0);
    if (partIndex > 0) {
      const pointer = module._kz_analysis_export(handle);
      return module.HEAPU8.slice(pointer, pointer + module._kz_analysis_export_size()).buffer;
    }
    for (let index = 1; index < partCount; index++) {
      const bytes = new Uint8Array(await partBytes(id, index));
      const pointer = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, pointer);
      const state = module._kz_analysis_absorb(handle, pointer, bytes.length);
      module._free(pointer);
      if (state < 0) throw new Error(module.UTF8ToString(module._kz_analysis_message()));
    }
    return module.UTF8ToString(module._kz_analysis_json(handle));
  } finally {
    module._kz_analysis_free(handle);
    cancelled.delete(id);
    received.delete(id);
  }
}

function wake(id) {
  const parts = received.get(id);
  if (parts && parts.wake) { parts.wake(); parts.wake = null; }
}

const handlers = {
  version(module) { return module.UTF8ToString(module._kz_core_version()); },
  analysis,
  part,
  absorb(module, { target, index, bytes }) { partsOf(target).bytes.set(index, bytes); wake(target); return true; },
  cancel(module, { target }) { cancelled.add(target); wake(target); return true; },
};

self.onmessage = async (event) => {
  const { id, type } = event.data || {};
  if (type === 'wasm' && receiveWasm) { receiveWasm(event.data.bytes); receiveWasm = null; return; }
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request type '${type}'`);
    const module = await core;
    const result = await handler(module, event.data);
    self.postMessage({ id, ok: true, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message || error), cancelled: error instanceof Cancelled });
  }
};
