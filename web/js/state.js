// What every module of the page shares: whether the app is running (its first frame is on screen),
// the promise kizuna.ready resolves, the fatal error if one stopped it, and calls into the app's
// exports (window.Module, which kizuna.js fills; main.js creates it).
/* global Module */
import { callForString, callWithStrings } from './strings.js';

export const canvas = document.getElementById('canvas');
export const page = {
  loadMs: null,    // navigation start to the first frame on screen; null until then
  fatal: null,     // { title, detail } of the error shown instead of the app
  opening: null,   // Promise: the default scenario (and a link in the address) opened
};

let resolveReady;
let rejectReady;
export const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
ready.catch(() => {}); // a fatal error is shown on the page; callers that await still see it

export const running = () => page.loadMs !== null;
export function markRunning() { page.loadMs = performance.now(); resolveReady(); }
export function markFailed(error) { rejectReady(error); }

export function requireRunning() {
  if (!running()) throw new Error('Kizuna is not running yet: await kizuna.ready first');
}

// An app export returning a C string: its text, or its JSON parsed if `parse`.
export const appCall = (fn, args, parse) => callForString(Module, fn, args, parse);
// An app export returning a number (or nothing): its result as is.
export const appCallRaw = (fn, args) => callWithStrings(Module, fn, args);

// In another page's frame (embedded): no history entries, no autosave, postMessage answered.
export const framed = window.parent !== window;
// The link asked for the embedded view (kizuna/link.hpp EmbedFlag 1).
export const embedded = () => running() && (Module._kz_web_embed_flags() & 1) === 1;
