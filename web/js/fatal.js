// The fatal-error message that replaces the app (no WebAssembly, SIMD or WebGL2, a failed load, an
// abort, a lost context): shown once, the first one wins, and kizuna.ready rejects with it.
import { markFailed, page } from './state.js';

export function showFatal(title, detail) {
  if (page.fatal) return;
  page.fatal = { title, detail };
  document.getElementById('loading').classList.add('done');
  document.getElementById('fatal-title').textContent = title;
  document.getElementById('fatal-detail').textContent = detail;
  document.getElementById('fatal').hidden = false;
  markFailed(new Error(`${title}: ${detail}`));
}

export const messageOf = (error) => String(error && error.message || error);
