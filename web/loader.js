// Kizuna page loader: checks the browser can run the app, loads the wasm with a progress bar, and
// exposes window.kizuna, the page's JavaScript API (for browser tests and embedding pages):
//   kizuna.ready      Promise, resolved after the first frame is drawn (rejected on a fatal error)
//   kizuna.version()  the app's version, e.g. "0.1.0"
//   kizuna.buildInfo() { version, target, buildType, compiler }
//   kizuna.stats()    { loadMs, frameMs, frames, canvasWidth, canvasHeight, pixelRatio }
//   kizuna.map()      { hovered }: the region id under the pointer on the world map, or null
//   kizuna.mapPoint(lon, lat)  { x, y }: where a point (degrees) is on the canvas, CSS pixels
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const progressBar = document.getElementById('loading-progress');
  const progressText = document.getElementById('loading-text');

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a fatal error is shown on the page; callers that await still see it
  let loadMs = null;
  let fatal = null;

  function showProgress(fraction, text) {
    if (fraction === null) progressBar.removeAttribute('value');
    else progressBar.value = Math.round(Math.min(1, fraction) * 100);
    progressText.textContent = text;
  }

  function showFatal(title, detail) {
    if (fatal) return;
    fatal = { title, detail };
    loading.classList.add('done');
    document.getElementById('fatal-title').textContent = title;
    document.getElementById('fatal-detail').textContent = detail;
    document.getElementById('fatal').hidden = false;
    rejectReady(new Error(`${title}: ${detail}`));
  }

  function requireRunning() {
    if (loadMs === null) throw new Error('Kizuna is not running yet: await kizuna.ready first');
  }

  const api = {
    ready,
    version() { requireRunning(); return Module.UTF8ToString(Module._kz_web_version()); },
    buildInfo() { requireRunning(); return JSON.parse(Module.UTF8ToString(Module._kz_web_build_info())); },
    stats() {
      requireRunning();
      return {
        loadMs,                                   // navigation start to first frame on screen
        frameMs: Module._kz_web_frame_ms(),       // median CPU time per frame, recent frames
        frames: Module._kz_web_frame_count(),
        canvasWidth: canvas.width,
        canvasHeight: canvas.height,
        pixelRatio: window.devicePixelRatio,
      };
    },
    map() {
      requireRunning();
      return { hovered: Module.UTF8ToString(Module._kz_web_map_hovered()) || null };
    },
    mapPoint(lon, lat) {
      requireRunning();
      return { x: Module._kz_web_map_screen(lon, lat, 0), y: Module._kz_web_map_screen(lon, lat, 1) };
    },
    get error() { return fatal; },                // { title, detail } after a fatal error, else null
  };
  Object.defineProperty(window, 'kizuna', { value: Object.freeze(api), enumerable: true });

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

  async function instantiateApp(imports) {
    const response = await fetch('kizuna.wasm', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`kizuna.wasm: HTTP ${response.status} ${response.statusText}`);
    const result = await WebAssembly.instantiateStreaming(withProgress(response, 'Loading the model'), imports);
    showProgress(1, 'Starting…');
    return result;
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiateStreaming !== 'function') {
    showFatal('WebAssembly is not available',
      'Kizuna runs its model in WebAssembly, which this browser does not support. ' +
      'Try a current Chrome, Edge, Firefox or Safari.');
    return;
  }
  if (typeof WebGL2RenderingContext === 'undefined') {
    showFatal('WebGL2 is not available',
      'Kizuna draws with WebGL2, which this browser does not support. ' +
      'Try a current Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.');
    return;
  }

  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showFatal('The graphics context was lost', 'The browser reset WebGL. Reload the page to continue.');
  });

  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      instantiateApp(imports)
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => showFatal('Kizuna could not load', String(error && error.message || error)));
      return {}; // asynchronous instantiation
    },
    onAbort(what) { showFatal('Kizuna stopped', String(what)); },
    kizunaFirstFrame() {
      loadMs = performance.now();
      loading.classList.add('done');
      resolveReady();
    },
    kizunaFatal: showFatal,
  };

  showProgress(null, 'Loading…');
  const script = document.createElement('script');
  script.src = 'kizuna.js';
  script.onerror = () => showFatal('Kizuna could not load', 'kizuna.js could not be fetched from this site.');
  document.body.appendChild(script);
})();
