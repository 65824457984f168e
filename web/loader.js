// Kizuna page loader: checks the browser can run the app, loads the wasm with a progress bar, and
// exposes window.kizuna, the page's JavaScript API (for browser tests and embedding pages):
//   kizuna.ready      Promise, resolved after the first frame is drawn (rejected on a fatal error)
//   kizuna.version()  the app's version, e.g. "0.1.0"
//   kizuna.buildInfo() { version, target, buildType, compiler }
//   kizuna.stats()    { loadMs, frameMs, frames, runs, canvasWidth, canvasHeight, pixelRatio }
//                     frameMs: median over the last 120 frames of the time the app's frame callback
//                     takes on the main thread (input, UI, any model re-run it triggers, GL command
//                     submission; not the GPU's drawing, which runs in the browser's GPU process)
//   kizuna.getScenario()          the working scenario (scenario JSON, parsed)
//   kizuna.setScenario(obj)       replaces it; returns [] or the problems ({ path, message })
//   kizuna.levers()               [{ path, label, unit, min, max, value, preset, integer, group, source }]
//   kizuna.setLever(path, value)  sets one lever and re-runs; returns [] or the problems
//   kizuna.summary()              { scenario, title, selection, readout, metrics, ... }
//   kizuna.select({ region, good, month })   returns [] or the problems
//   kizuna.setComparison('none' | 'noEvents' | 'preset')
//   kizuna.loadPreset(id)         Promise: fetches and opens a bundled scenario; resolves to [] or problems
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

  // Calls an exported C function with string arguments copied to the heap (scenario texts are far
  // larger than the stack ccall would use) and returns its string result, parsed as JSON if asked.
  function callWithStrings(fn, args, parse) {
    const pointers = [];
    try {
      const cArgs = args.map((arg) => {
        if (typeof arg !== 'string') return arg;
        const size = Module.lengthBytesUTF8(arg) + 1;
        const pointer = Module._malloc(size);
        Module.stringToUTF8(arg, pointer, size);
        pointers.push(pointer);
        return pointer;
      });
      const result = fn(...cArgs);
      if (result === undefined) return undefined;
      const text = Module.UTF8ToString(result);
      return parse ? JSON.parse(text) : text;
    } finally {
      pointers.forEach((pointer) => Module._free(pointer));
    }
  }

  const DEFAULT_PRESET = 're-2010-japan';
  const fetchText = (url) => fetch(url, { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
    return response.text();
  });
  const manifest = fetchText('scenarios/index.json');
  manifest.catch(() => {});

  // Fetches a bundled scenario and the base it names, if any.
  async function fetchPreset(id) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`'${id}' is not a scenario id`);
    const text = await fetchText(`scenarios/${id}.json`);
    let base = '';
    try {
      const baseId = JSON.parse(text).base;
      if (typeof baseId === 'string') base = await fetchText(`scenarios/${baseId}.json`);
    } catch (error) {
      if (error instanceof SyntaxError) return { text, base }; // the loader names the problem
      throw error;
    }
    return { text, base };
  }
  const defaultPreset = fetchPreset(DEFAULT_PRESET);
  defaultPreset.catch(() => {});

  function loadPresetTexts(id, { text, base }) {
    return callWithStrings(Module._kz_web_load_scenario, [id, text, base], true);
  }

  async function loadPreset(id) {
    let texts;
    try {
      texts = await fetchPreset(id);
    } catch (error) {
      return [{ path: id, message: String(error && error.message || error) }];
    }
    return loadPresetTexts(id, texts);
  }

  const api = {
    ready,
    version() { requireRunning(); return Module.UTF8ToString(Module._kz_web_version()); },
    buildInfo() { requireRunning(); return JSON.parse(Module.UTF8ToString(Module._kz_web_build_info())); },
    stats() {
      requireRunning();
      return {
        loadMs,                                   // navigation start to first frame on screen
        frameMs: Module._kz_web_frame_ms(),       // median main-thread time of the frame callback, last 120 frames
        frames: Module._kz_web_frame_count(),
        runs: Module._kz_web_model_runs(),        // engine runs so far: changes when a lever change re-runs
        canvasWidth: canvas.width,
        canvasHeight: canvas.height,
        pixelRatio: window.devicePixelRatio,
      };
    },
    getScenario() { requireRunning(); return callWithStrings(Module._kz_web_scenario_json, [], true); },
    setScenario(scenario) {
      requireRunning();
      const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
      return callWithStrings(Module._kz_web_set_scenario_json, [text], true);
    },
    levers() { requireRunning(); return callWithStrings(Module._kz_web_levers_json, [], true); },
    setLever(path, value) {
      requireRunning();
      if (typeof path !== 'string' || typeof value !== 'number') return [{ path: String(path), message: 'setLever(path: string, value: number)' }];
      return callWithStrings(Module._kz_web_set_lever, [path, value], true);
    },
    summary() { requireRunning(); return callWithStrings(Module._kz_web_summary_json, [], true); },
    select({ region = '', good = '', month = -1 } = {}) {
      requireRunning();
      return callWithStrings(Module._kz_web_select, [String(region), String(good), Number.isInteger(month) ? month : -1], true);
    },
    setComparison(kind) { requireRunning(); return callWithStrings(Module._kz_web_set_comparison, [String(kind)], true); },
    loadPreset(id) { requireRunning(); return loadPreset(String(id)); },
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
    // The first frame is on screen: open the default scenario, then tell the page we are ready.
    kizunaFirstFrame() {
      Promise.all([manifest.catch(() => '[]'), defaultPreset])
        .then(([list, texts]) => {
          callWithStrings(Module._kz_web_set_presets, [list, DEFAULT_PRESET]);
          const problems = loadPresetTexts(DEFAULT_PRESET, texts);
          if (problems.length) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
          loadMs = performance.now();
          loading.classList.add('done');
          resolveReady();
        })
        .catch((error) => showFatal('The default scenario could not be opened', String(error && error.message || error)));
    },
    kizunaRequestPreset(id) { loadPreset(id); }, // problems show in the app's status line
    kizunaFatal: showFatal,
  };

  showProgress(null, 'Loading…');
  const script = document.createElement('script');
  script.src = 'kizuna.js';
  script.onerror = () => showFatal('Kizuna could not load', 'kizuna.js could not be fetched from this site.');
  document.body.appendChild(script);
})();
