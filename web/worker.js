// Web Worker over the core-only wasm module (kizuna_core.js): heavy batches run here so the page
// never drops a frame. Protocol: the page posts { id, type, ... }; the worker answers
// { id, ok: true, result } or { id, ok: false, error } for each message, in order.
'use strict';
importScripts('kizuna_core.js');

const core = createKizunaCore(); // Promise of the instantiated module

const handlers = {
  version(module) { return module.UTF8ToString(module._kz_core_version()); },
};

self.onmessage = async (event) => {
  const { id, type } = event.data || {};
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request type '${type}'`);
    const module = await core;
    self.postMessage({ id, ok: true, result: handler(module, event.data) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message || error) });
  }
};
