// Loading with progress: the wasm is compiled while it downloads (the bar follows its bytes), the
// glue (kizuna.js) is started from a script element, and the WebGL2 context is made early.
import { showFatal } from './fatal.js';
import { siteBlobUrl, siteBytes, siteFiles } from './site_files.js';
import { canvas } from './state.js';

const loading = document.getElementById('loading');
const progressBar = document.getElementById('loading-progress');
const progressText = document.getElementById('loading-text');

export function showProgress(fraction, text) {
  if (fraction === null) progressBar.removeAttribute('value');
  else progressBar.value = Math.round(Math.min(1, fraction) * 100);
  progressText.textContent = text;
}

export const hideLoading = () => loading.classList.add('done');

// Reads a response body chunk by chunk to report progress, then hands the bytes on as a new
// Response so the wasm still compiles while streaming.
function withProgress(response, label) {
  const total = Number(response.headers.get('Content-Length')) || 0;
  let received = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      const megabytes = (received / 1048576).toFixed(1);
      showProgress(total ? received / total : null, `${label} ${megabytes} MB`);
      controller.enqueue(chunk);
    },
  }));
  return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
}

// Compiles the app's wasm, started before kizuna.js is even requested so that the download and
// compilation overlap the glue's (the largest part of the first load after the browser's own).
async function compileApp() {
  if (siteFiles) return WebAssembly.compile(siteBytes('kizuna.wasm'));
  const response = await fetch('kizuna.wasm', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`kizuna.wasm: HTTP ${response.status} ${response.statusText}`);
  return WebAssembly.compileStreaming(withProgress(response, 'Loading the model'));
}

let appModule = null;  // Promise of the compiled module, once the browser is known to support it

// Module.instantiateWasm's work: the compiled module instantiated with the glue's imports.
export async function instantiateApp(imports) {
  const module = await appModule;
  const instance = await WebAssembly.instantiate(module, imports);
  showProgress(1, 'Starting…');
  return { instance, module };
}

// Starts the download and compilation, then the glue, which calls Module's hooks (main.js).
export function loadApp() {
  showProgress(null, 'Loading…');
  appModule = compileApp();
  appModule.catch(() => {});  // instantiateWasm reports it
  const script = document.createElement('script');
  script.src = siteFiles ? siteBlobUrl('kizuna.js', 'text/javascript') : 'kizuna.js';
  script.onerror = () => showFatal('Kizuna could not load', 'kizuna.js could not be fetched from this site.');
  document.body.appendChild(script);
  // The WebGL2 context, created now while the wasm downloads and compiles: the browser's first
  // context is its slowest step (starting the GPU process; ~0.4-1.2 s under software rendering). The
  // app's later getContext gets this same context, so the attributes are GLFW's for the app's window
  // hints (src/platform/web/web_app.cpp: no alpha, depth, stencil or multisampling). A null context
  // is reported by the app as before.
  canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
}
