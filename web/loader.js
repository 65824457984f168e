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
//   kizuna.changedLevers()        the levers whose values differ from the loaded preset's (as levers())
//   kizuna.summary()              { scenario, title, selection, readout, metrics, ... }
//   kizuna.chart()                { title, metric, unit, good, region, delta, months,
//                                   series: [{ id, name, values, text }] }: the chart as data
//   kizuna.select({ region, good, month })   returns [] or the problems
//   kizuna.setComparison('none' | 'noEvents' | 'preset')
//   kizuna.loadPreset(id)         Promise: fetches and opens a bundled scenario; resolves to [] or problems
//   kizuna.compareWith(id)        Promise: compares with another bundled scenario on the same world
//                                 (A vs B); resolves to [] or problems (the comparison is kept on problems)
//   kizuna.link(kind)             the share link's fragment (k...) of what is on screen; kind 'view'
//                                 (default), 'comparison' (the scenario and its comparison, on the
//                                 Difference chart at the default view) or 'embed' (the view with the
//                                 Embed dialog's options); throws when the work has changes a link
//                                 cannot carry
//   kizuna.importScenario(text, fileName)  Promise: opens scenario JSON as a file would be (validated;
//                                 [] or problems, work kept); File > Open and dropping a file use it
//   kizuna.exportScenario()       the working scenario's JSON, as File > Export saves it
//   kizuna.exportCsv()            the results as CSV, as File > Export saves it (header: scenario,
//                                 version, result hash, link, units)
//   kizuna.exportPng(area)        Promise of a PNG Blob of the 'view' (the whole canvas) or the 'chart'
//   kizuna.status()               the message in the app's top bar ("" when none)
//   kizuna.workshop               tabletop exercises (src/app/workshop_api.hpp): start(id) and open(link)
//                                 (Promises of [] or problems); state(), enterCode(code), decide(team,
//                                 values), advance(), undoRound(), teamLink(team), setDraft(values),
//                                 preview(), submit(), debrief(), debriefCsv(), leave(). A session link
//                                 is "#w..."; a team's adds ".<team id>"; both open from the address bar
//   kizuna.embedFlags()           the link's embed flags (kizuna/link.hpp EmbedFlag; 0 = the full app)
//   kizuna.openLink(text)         Promise: opens a link (fragment or URL); [] or problems (work kept)
//                                 (the address bar follows the link; it is autosaved to localStorage and
//                                 offered back when the page opens without one)
//   kizuna.uiRect(name)           { x, y, width, height } in CSS pixels of a named control drawn in the
//                                 last frame (e.g. 'add-shock', 'timeline-play'), or null
//   kizuna.map()      { hovered }: the region id under the pointer on the world map, or null
//   kizuna.mapPoint(lon, lat)  { x, y }: where a point (degrees) is on the canvas, CSS pixels
//   kizuna.runAnalysis(kind, options)  Promise of the result of an analysis of the working scenario,
//       run in a Web Worker (started on first use) on the core-only module while the app keeps
//       drawing; the app's Analysis window shows its progress and partial results. kind:
//       'montecarlo' | 'coalition' | 'sensitivity'; options (analysis_job.hpp): montecarlo { runs,
//       seed, chunkRuns, shortfallThreshold }, coalition { framework, candidates, chunkSubsets },
//       sensitivity { metric, levers, spread, chunkLevers }, plus onProgress({ fraction, partial })
//       called after every chunk. Rejects with the problems as its message (bad options), with
//       'analysis cancelled' when cancelled, or when another analysis is running.
//   kizuna.cancelAnalysis()       stops the running analysis (true if one was running)
//   kizuna.analysis()             { running, kind, fraction } of the current analysis
//   kizuna.language()             the UI's language: 'en' or 'ja' (at first the browser's, from
//                                 navigator.languages; a link that carries a language sets it)
//   kizuna.setLanguage(code)      'en' | 'ja': switches the UI at once (as the top bar's Language menu);
//                                 Japanese glyphs (fonts/kizuna-ja.otf) are fetched the first time only
//
// Text typed into the app's text fields: while one has the keyboard, a hidden text area sits at its
// caret and has the focus, so the browser's IME composes Japanese there and pasted text lands there;
// both are forwarded to the field (keys typed directly still reach it through GLFW).
//
// Embedded in another page (an iframe), the app answers postMessage calls from its parent (see the
// README's "Embedding"): { kizuna: 1, id, method, args } with method one of EMBED_METHODS, replied to
// with { kizuna: 1, id, result } or { kizuna: 1, id, error }; it posts { kizuna: 1, event: 'ready',
// version } once running and { kizuna: 1, event: 'change', summary } after every re-run.
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
  let opening = null;  // Promise: the default scenario (and a link in the address) opened

  function showProgress(fraction, text) {
    if (fraction === null) progressBar.removeAttribute('value');
    else progressBar.value = Math.round(Math.min(1, fraction) * 100);
    progressText.textContent = text;
  }

  // A wasm module of one function that uses the SIMD instructions the model is built with
  // (f64x2.splat, f64x2.pmin: src/core/minmax.hpp): browsers without wasm SIMD refuse to compile
  // kizuna.wasm, so the page says why before downloading it.
  const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 29, 1, 27, 0,
    68, 0, 0, 0, 0, 0, 0, 0, 0, 253, 20, 68, 0, 0, 0, 0, 0, 0, 0, 0, 253, 20, 253, 246, 1, 11]);

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
    const result = callRaw(fn, args);
    if (result === undefined) return undefined;
    const text = Module.UTF8ToString(result);
    return parse ? JSON.parse(text) : text;
  }

  // The same for functions returning a number (or nothing): their result as is.
  function callRaw(fn, args) {
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
      return fn(...cArgs);
    } finally {
      pointers.forEach((pointer) => Module._free(pointer));
    }
  }

  // -- The site's files. Served, they are fetched; in the offline single file (dist/kizuna.html,
  // web/tools/offline_html.mjs) they are embedded in the page (#kizuna-files) and nothing is fetched.
  const siteFiles = readEmbeddedFiles();
  function readEmbeddedFiles() {
    const element = document.getElementById('kizuna-files');
    if (!element) return null;
    const files = JSON.parse(element.textContent);
    element.remove();  // the parsed copy is enough: the DOM need not hold megabytes of text too
    return files;
  }

  // A text file of the site (a Promise, like fetch).
  function siteText(url) {
    if (!siteFiles) {
      return fetch(url, { credentials: 'same-origin' }).then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
        return response.text();
      });
    }
    const text = siteFiles.text[url];
    return text === undefined ? Promise.reject(new Error(`${url}: not in this file`)) : Promise.resolve(text);
  }

  // An embedded binary file's bytes (base64 in the page), decoded on first use.
  function siteBytes(name) {
    const base64 = siteFiles.base64[name];
    if (base64 === undefined) throw new Error(`${name}: not in this file`);
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // A Blob URL of an embedded text file (scripts, the model card), made once.
  const blobUrls = new Map();
  function siteBlobUrl(name, type) {
    if (!blobUrls.has(name)) blobUrls.set(name, URL.createObjectURL(new Blob([siteFiles.text[name]], { type })));
    return blobUrls.get(name);
  }

  const DEFAULT_PRESET = 're-2010-japan';
  // The base the default scenario names, fetched at once beside it: fetched only once the preset's
  // text has been read, it waited ~1 s behind the main thread's busiest time (the app's start).
  // A hint only: if the preset names another base, that one is fetched.
  const DEFAULT_BASE = 'default-world';
  const fetchText = siteText;
  const manifest = fetchText('scenarios/index.json');
  manifest.catch(() => {});
  const prefetched = new Map([[`scenarios/${DEFAULT_BASE}.json`, fetchText(`scenarios/${DEFAULT_BASE}.json`)]]);
  prefetched.forEach((text) => text.catch(() => {}));
  const fetchOnce = (url) => {
    const early = prefetched.get(url);
    prefetched.delete(url);  // later opens fetch afresh, as before
    return early || fetchText(url);
  };

  // Fetches a bundled scenario and the base it names, if any.
  async function fetchPreset(id) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`'${id}' is not a scenario id`);
    const text = await fetchText(`scenarios/${id}.json`);
    let base = '';
    try {
      const baseId = JSON.parse(text).base;
      if (typeof baseId === 'string') base = await fetchOnce(`scenarios/${baseId}.json`);
    } catch (error) {
      if (error instanceof SyntaxError) return { text, base }; // the loader names the problem
      throw error;
    }
    return { text, base };
  }
  const defaultPreset = fetchPreset(DEFAULT_PRESET);
  defaultPreset.catch(() => {});
  // The manifest and the default scenario's texts once both have arrived (usually before the app
  // starts), so the app can open the scenario before its first frame.
  const startTexts = [];
  Promise.all([manifest.catch(() => '[]'), defaultPreset]).then((texts) => startTexts.push(...texts), () => {});

  // Opens the default scenario, then a link in the address over it (the default stays if the link
  // cannot be opened). Returns [] or a Promise of the link's problems; throws if the default fails.
  function openDefault(list, texts) {
    callWithStrings(Module._kz_web_set_presets, [list, DEFAULT_PRESET]);
    const problems = loadPresetTexts(DEFAULT_PRESET, texts);
    if (problems.length) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    return carriesLink(location.hash) ? openFragment(location.hash) : [];
  }

  function loadPresetTexts(id, { text, base }) {
    return callWithStrings(Module._kz_web_load_scenario, [id, text, base], true);
  }

  // Fetches a bundled scenario and hands its texts to `open`; a failed fetch is a problem, shown in
  // the app's status line too (the user picked it there).
  async function withPresetTexts(id, open) {
    let texts;
    try {
      texts = await fetchPreset(id);
    } catch (error) {
      const message = String(error && error.message || error);
      say(tr('page.fetch-failed', { id, message }));
      return [{ path: id, message }];
    }
    return open(texts);
  }

  const loadPreset = (id) => withPresetTexts(id, (texts) => loadPresetTexts(id, texts));
  const say = (text) => callWithStrings(Module._kz_web_set_status, [text]);
  // The app's catalog text of `key` (assets/i18n) in the UI's language, with each {name} filled.
  const tr = (key, args = {}) => callWithStrings(Module._kz_web_tr, [key])
    .replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
  // A core problem message (English) in the UI's language where the catalogs word it.
  const problemText = (message) => callWithStrings(Module._kz_web_problem_text, [String(message)]);

  // -- Scenario files (File > Open, a dropped file, restored work): untrusted text, validated by the
  // app, which names any problem and keeps the work. A file that names a bundled scenario as its id
  // or base opens over it, so its changes can be shared as a link.
  const MAX_SCENARIO_BYTES = 4 << 20;
  async function bundledIds() {
    try { return new Set(JSON.parse(await manifest).map((preset) => preset.id)); } catch (error) { return new Set(); }
  }
  async function importScenario(text, fileName) {
    const name = String(fileName || 'scenario.json');
    if (text.includes('\u0000')) {
      const message = tr('page.file-nul');
      say(tr('page.file-failed', { file: name, problem: message }));
      return [{ path: '', message }];
    }
    let named = {};
    try { named = JSON.parse(text) || {}; } catch (error) { /* the app names the syntax error */ }
    const ids = await bundledIds();
    const baseId = typeof named.base === 'string' && ids.has(named.base) ? named.base : '';
    // A base this site does not have stays '': the app names it as missing.
    const baseText = baseId ? await fetchText(`scenarios/${baseId}.json`).catch(() => '') : '';
    const presetId = [named.id, baseId].find((id) => typeof id === 'string' && ids.has(id)) || '';
    const preset = presetId ? await fetchPreset(presetId).catch(() => ({ text: '', base: '' })) : { text: '', base: '' };
    return callWithStrings(Module._kz_web_import, [name, text, baseText, presetId, preset.text, preset.base], true);
  }
  async function importFile(file) {
    if (file.size > MAX_SCENARIO_BYTES) {
      const message = tr('page.file-too-big', { size: Math.round(file.size / 1024), most: MAX_SCENARIO_BYTES / 1024 });
      say(tr('page.file-failed', { file: file.name, problem: message }));
      return [{ path: '', message }];
    }
    let text;
    try { text = await file.text(); } catch (error) {
      say(tr('page.file-unreadable', { file: file.name, problem: error.message }));
      return [{ path: '', message: String(error.message) }];
    }
    return importScenario(text, file.name);
  }
  function pickFile() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.hidden = true;
    input.addEventListener('change', () => {
      if (input.files && input.files[0]) importFile(input.files[0]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  }

  // -- Exports: downloads of the app's texts and of the canvas's pixels.
  function scenarioId() {
    try { return callWithStrings(Module._kz_web_summary_json, [], true).scenario || 'kizuna'; } catch (error) { return 'kizuna'; }
  }
  function download(fileName, blob) {
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(tr('page.saved', { file: fileName, size: Math.max(1, Math.round(blob.size / 1024)) }));
  }
  const pageUrl = () => location.href.split('#')[0];
  const exportText = (what) => callWithStrings(Module._kz_web_export, [what, pageUrl()]);
  function exportFile(what) {
    if (what === 'scenario') download(`${scenarioId()}.json`, new Blob([exportText('scenario')], { type: 'application/json' }));
    else if (what === 'csv') download(`${scenarioId()}-results.csv`, new Blob([exportText('csv')], { type: 'text/csv' }));
    else if (what === 'debrief') {
      const exercise = workshopCall('state').exercise || 'workshop';
      download(`${exercise}-debrief.csv`, new Blob([exportText('debrief')], { type: 'text/csv' }));
    }
  }
  // The app calls capture right after drawing, while the canvas holds the frame: the pixels are
  // copied at once (a WebGL canvas is cleared when the frame is shown), then encoded.
  const pngWaiters = [];  // page-API requests, answered before any download
  function capture(area, rect) {
    const scale = canvas.width / (canvas.clientWidth || canvas.width);
    const crop = area === 'chart'
      ? { x: Math.round(rect.x * scale), y: Math.round(rect.y * scale), width: Math.round(rect.width * scale), height: Math.round(rect.height * scale) }
      : { x: 0, y: 0, width: canvas.width, height: canvas.height };
    const copy = document.createElement('canvas');
    copy.width = Math.max(1, crop.width);
    copy.height = Math.max(1, crop.height);
    copy.getContext('2d').drawImage(canvas, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
    const waiter = pngWaiters.shift();
    copy.toBlob((blob) => {
      if (waiter) waiter(blob);
      else if (blob) download(`${scenarioId()}-${area}.png`, blob);
      else say(tr('page.no-picture'));
    }, 'image/png');
  }
  function exportPng(area) {
    if (area !== 'view' && area !== 'chart') return Promise.reject(new Error("exportPng(area): area is 'view' or 'chart'"));
    return new Promise((resolve) => {
      pngWaiters.push(resolve);
      callWithStrings(Module._kz_web_request_png, [area]);
    });
  }

  // -- Dropping a scenario file anywhere on the page opens it (not in an embedded view).
  const carriesFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  let dragDepth = 0;
  function endDrag() { dragDepth = 0; document.body.classList.remove('dropping'); }
  window.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event) || loadMs === null || embedded()) return;
    dragDepth += 1;
    document.body.classList.add('dropping');
  });
  window.addEventListener('dragleave', () => { if (dragDepth > 0 && --dragDepth === 0) endDrag(); });
  window.addEventListener('dragover', (event) => {
    if (!carriesFiles(event) || loadMs === null || embedded()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    endDrag();
    if (loadMs === null || embedded()) return;
    const file = event.dataTransfer.files[0];
    if (file) importFile(file);
  });

  const embedded = () => loadMs !== null && (Module._kz_web_embed_flags() & 1) === 1;
  const framed = window.parent !== window;

  // Share links (the fragment, see src/core/include/kizuna/link.hpp): read which preset the link
  // needs, fetch it, open. Any problem is shown in the app's status line and the work stays.
  async function openLink(text) {
    // C strings end at NUL: a link holding one would be read cut short, so refuse it here.
    const head = text.includes('\u0000')
      ? { problems: [{ path: 'link', message: 'This link is damaged: it has characters a link cannot contain.' }] }
      : callWithStrings(Module._kz_web_link_preset, [text], true);
    if (head.problems) {
      say(tr('page.link-failed', { problem: problemText(head.problems[0].message) }));
      return head.problems;
    }
    let texts;
    try {
      texts = await fetchPreset(head.preset);
    } catch (error) {
      const message = tr('page.link-needs-scenario', { id: head.preset });
      say(tr('page.link-failed', { problem: message }));
      return [{ path: 'link', message }];
    }
    return callWithStrings(Module._kz_web_open_link, [text, texts.text, texts.base], true);
  }

  // -- Workshops: an exercise file names a bundled preset (which may name a base of its own).
  async function fetchExercise(id) {
    if (!/^[A-Za-z0-9_-]+$/.test(String(id))) throw new Error(`'${id}' is not an exercise id`);
    const text = await fetchText(`exercises/${id}.json`);
    let presetId = '';
    try { presetId = String(JSON.parse(text).base || ''); } catch (error) { /* the app names the syntax error */ }
    const preset = presetId ? await fetchPreset(presetId) : { text: '', base: '' };
    let baseId = '';
    try { baseId = String(JSON.parse(preset.text).base || ''); } catch (error) { /* named by the app */ }
    return [text, presetId, preset.text, baseId, preset.base];
  }
  async function startWorkshop(id) {
    let texts;
    try { texts = await fetchExercise(id); } catch (error) {
      const message = String(error && error.message || error);
      say(tr('workshop.status.fetch-failed', { id, problem: message }));
      return [{ path: id, message }];
    }
    return callWithStrings(Module._kz_web_workshop_start, texts, true);
  }
  async function openSession(text) {
    const head = callWithStrings(Module._kz_web_session_exercise, [fragmentOf(text)], true);
    if (head.problems) {
      say(tr('workshop.status.link-failed', { problem: problemText(head.problems[0].message) }));
      return head.problems;
    }
    let texts;
    try { texts = await fetchExercise(head.exercise); } catch (error) {
      const message = tr('workshop.status.needs-exercise', { id: head.exercise });
      say(message);
      return [{ path: 'link', message }];
    }
    return callWithStrings(Module._kz_web_workshop_open, [fragmentOf(text), ...texts], true);
  }
  // A fragment from the address bar, a pasted link or the autosave: a share link (k...) or a
  // workshop session (w...).
  const fragmentOf = (text) => { const trimmed = text.trim(); return trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed; };
  const isSession = (text) => fragmentOf(text).startsWith('w');
  const openFragment = (text) => (isSession(text) ? openSession(text) : openLink(text));
  const workshopCall = (command, args = {}) => callWithStrings(Module._kz_web_workshop, [command, JSON.stringify(args)], true);

  // The address bar follows the state once the page is ready (Back and Forward step through edits).
  let followAddress = false;
  let publishedHash = null;
  let pendingFragment = null;  // published before the page was ready: the first entry's address
  let restoreOffer = null;     // the autosaved work offered back at start: { fragment } or { scenario, fileName }
  // Autosave: the link of the work, kept in localStorage after every change, so a reload or a crash
  // can offer it back. Storage may be refused (private windows): then there is simply no offer.
  const AUTOSAVE_KEY = 'kizuna.autosave';
  // Work opened from a file has no link: its scenario JSON is kept instead (File > Export names it).
  function autosave(work) {
    if (framed) return;  // an embedded view is the host page's, not the user's work
    try { localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ ...work, savedAt: Date.now() })); } catch (error) { /* no storage */ }
  }
  function savedWork() {
    try {
      const saved = JSON.parse(localStorage.getItem(AUTOSAVE_KEY) || 'null');
      if (!saved || !Number.isFinite(saved.savedAt)) return null;
      if (typeof saved.fragment === 'string') return saved;
      return typeof saved.scenario === 'string' && typeof saved.fileName === 'string' ? saved : null;
    } catch (error) { return null; }
  }

  function publishLink(fragment, push) {
    if (!followAddress) { pendingFragment = fragment; return; }
    // While saved work is on offer, the untouched start must not overwrite it.
    if (!(restoreOffer && fragment === pendingFragment)) autosave({ fragment });
    publishedHash = `#${fragment}`;
    if (location.hash === publishedHash) return;
    // In a frame, history entries would be the host page's Back steps: replace only.
    if (push && !framed) history.pushState(null, '', publishedHash);
    else history.replaceState(null, '', publishedHash);
  }
  const carriesLink = (hash) => hash.startsWith('#k') || hash.startsWith('#w');
  function onAddressChange() {
    if (carriesLink(location.hash) && location.hash !== publishedHash) {
      publishedHash = location.hash;
      openFragment(location.hash);
    }
  }
  window.addEventListener('hashchange', onAddressChange);
  window.addEventListener('popstate', onAddressChange);

  // Pinch to zoom: Emscripten's GLFW turns touches into one mouse (a drag pans), so two fingers
  // moving apart or together are sent on as wheel steps at their midpoint, which zoom the map there.
  let pinchDistance = null;
  const PINCH_STEP = Math.log(1.15);  // a wheel step per 15% change of the fingers' distance
  canvas.addEventListener('touchmove', (event) => {
    if (event.touches.length !== 2) { pinchDistance = null; return; }
    event.preventDefault();
    event.stopImmediatePropagation();  // not a one-finger drag
    const [a, b] = event.touches;
    const distance = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    if (pinchDistance === null) {  // a second finger: no longer a drag, so release GLFW's button
      pinchDistance = distance;
      canvas.dispatchEvent(new MouseEvent('mouseup', { clientX: a.clientX, clientY: a.clientY, button: 0, bubbles: true }));
      return;
    }
    const change = Math.log(distance / pinchDistance);
    if (Math.abs(change) < PINCH_STEP) return;
    pinchDistance = distance;
    const at = { clientX: (a.clientX + b.clientX) / 2, clientY: (a.clientY + b.clientY) / 2 };
    canvas.dispatchEvent(new MouseEvent('mousemove', { ...at, bubbles: true }));
    canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: change > 0 ? -100 : 100, bubbles: true, cancelable: true }));
  }, { passive: false, capture: true });
  canvas.addEventListener('touchend', () => { pinchDistance = null; }, { capture: true });

  function copyText(text, copied, refused) {
    if (!navigator.clipboard) { say(tr('page.copy-unsupported', { what: refused })); return; }
    navigator.clipboard.writeText(text).then(() => say(copied), () => say(tr('page.copy-refused', { what: refused })));
  }
  function copyLink(fragment) {
    const url = `${pageUrl()}#${fragment}`;
    copyText(url, tr('page.link-copied', { count: url.length }), tr('page.link-copy-instead'));
  }
  // An iframe showing the embed link; the size suits a briefing page and can be changed there.
  function embedCode(fragment) {
    const url = `${pageUrl()}#${fragment}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return `<iframe src="${url}" width="960" height="600" style="border:0" title="Kizuna scenario"></iframe>`;
  }
  function copyEmbed(fragment) {
    const code = embedCode(fragment);
    copyText(code, tr('page.embed-copied', { count: code.length }), tr('page.embed-not-copied'));
  }
  const compareWith = (id) => withPresetTexts(id, ({ text, base }) =>
    callWithStrings(Module._kz_web_compare_with, [id, text, base], true));

  // -- Analyses in the Web Worker (worker.js). One at a time; the app follows each run through the
  // kz_web_analysis_* exports. Worker messages carry ids; an analysis's id is its run id in the app.
  const ANALYSIS_KINDS = ['montecarlo', 'coalition', 'sensitivity'];
  let worker = null;
  let nextMessageId = 1;
  const pending = new Map(); // message id -> { resolve, reject, onProgress }
  let running = null;        // { id, kind, fraction }

  // Served: worker.js beside the page. Offline: the core's glue and worker.js from a Blob (file://
  // pages cannot start workers from files), then the wasm bytes as the first message.
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

  async function runAnalysis(kind, options = {}) {
    if (running) throw new Error(`an analysis (${running.kind}) is already running: await it or call kizuna.cancelAnalysis() first`);
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new Error('options must be an object');
    const { onProgress, ...workerOptions } = options;
    if (onProgress !== undefined && typeof onProgress !== 'function') throw new Error('options.onProgress must be a function');
    const id = nextMessageId++;
    const scenario = Module.UTF8ToString(Module._kz_web_scenario_json());
    const followed = ANALYSIS_KINDS.includes(kind) && callRaw(Module._kz_web_analysis_started, [id, kind]) === 1;
    running = { id, kind: String(kind), fraction: 0 };
    const report = (fraction, partial) => {
      if (running && running.id === id) running.fraction = fraction;
      if (followed) callRaw(Module._kz_web_analysis_progress, [id, fraction, partial || '']);
      if (onProgress) {
        try { onProgress({ fraction, partial: partial ? JSON.parse(partial) : null }); } catch (error) { console.warn('onProgress:', error); }
      }
    };
    try {
      const result = await askWorker({ id, type: 'analysis', kind: String(kind), scenario, options: workerOptions }, report);
      if (followed) callRaw(Module._kz_web_analysis_result, [id, JSON.stringify(result)]);
      return result;
    } catch (error) {
      if (followed) callRaw(Module._kz_web_analysis_failed, [id, String(error.message), error.cancelled ? 1 : 0]);
      throw error;
    } finally {
      running = null;
    }
  }

  function cancelAnalysis() {
    if (!running) return false;
    askWorker({ type: 'cancel', target: running.id }).catch(() => {});
    return true;
  }

  // -- The data table (#data-summary): the findings, the scenario's changed levers and the chart's
  // series as HTML headings and tables, since the canvas is invisible to screen readers. Visually
  // hidden until the "Data table" button shows it. The app says when its data changed (after a run
  // or a new selection, not every frame); the table is rebuilt after that frame.
  const dataSummary = document.getElementById('data-summary');
  const dataToggle = document.getElementById('data-toggle');
  let dataTableQueued = false;
  function scheduleDataTable() {
    if (dataTableQueued || !dataSummary) return;
    dataTableQueued = true;
    setTimeout(() => { dataTableQueued = false; renderDataTable(); }, 0);
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  // Fills `table` with a caption, one header row and body rows (arrays of cell texts; the first
  // cell of each row is its header).
  function fillTable(table, caption, headers, rows) {
    table.replaceChildren(element('caption', caption));
    const head = element('tr');
    headers.forEach((text) => head.append(element('th', text, { scope: 'col' })));
    table.append(element('thead'));
    table.tHead.append(head);
    const body = element('tbody');
    rows.forEach(([first, ...rest]) => {
      const row = element('tr');
      row.append(element('th', first, { scope: 'row' }));
      rest.forEach((text) => row.append(element('td', text)));
      body.append(row);
    });
    table.append(body);
  }

  const withUnit = (value, unit) => (value === null ? '' : `${value}${unit ? ` ${unit}` : ''}`);

  function renderDataTable() {
    if (loadMs === null) { ready.then(scheduleDataTable, () => {}); return; }  // the first frame tells first
    const summary = api.summary();
    const levers = api.changedLevers();
    const chart = api.chart();
    document.getElementById('data-scenario').textContent =
      tr('data.scenario', { title: summary.title, readout: summary.readout, comparison: summary.comparison });
    const leverCaption = levers.length === 0 ? tr('data.no-lever-changed')
      : levers.length === 1 ? tr('data.lever-changed') : tr('data.levers-changed', { count: levers.length });
    fillTable(document.getElementById('data-levers'), leverCaption,
      [tr('data.column.lever'), tr('data.column.path'), tr('data.column.value'), tr('data.column.preset')],
      levers.map((lever) => [lever.label, lever.path, withUnit(lever.value, lever.unit), withUnit(lever.preset, lever.unit)]));
    const series = chart.series || [];
    fillTable(document.getElementById('data-chart'), tr('data.chart-caption', { title: chart.title, unit: chart.unit }),
      [tr('data.column.month'), ...series.map((line) => (line.id === chart.region ? tr('data.selected', { name: line.name }) : line.name))],
      Array.from({ length: chart.months || 0 }, (_, month) => [String(month), ...series.map((line) => line.text[month])]));
    dataSummary.dataset.version = String(Number(dataSummary.dataset.version || 0) + 1);  // tests wait on it
  }

  // The page's own words (index.html's data-i18n and data-i18n-label elements) in the UI's language.
  function wordThePage() {
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = tr(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', tr(node.dataset.i18nLabel)));
  }

  function showDataTable(show) {
    dataToggle.setAttribute('aria-expanded', String(show));
    dataSummary.classList.toggle('visually-hidden', !show);
    dataSummary.classList.toggle('shown', show);
  }
  if (dataToggle) {
    dataToggle.addEventListener('click', () => showDataTable(dataToggle.getAttribute('aria-expanded') !== 'true'));
    dataSummary.addEventListener('keydown', (event) => {  // Escape closes it, back on the button
      if (event.key !== 'Escape' || !dataSummary.classList.contains('shown')) return;
      showDataTable(false);
      dataToggle.focus();
    });
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
    changedLevers() { requireRunning(); return callWithStrings(Module._kz_web_changed_levers_json, [], true); },
    summary() { requireRunning(); return callWithStrings(Module._kz_web_summary_json, [], true); },
    chart() { requireRunning(); return callWithStrings(Module._kz_web_chart_json, [], true); },
    select({ region = '', good = '', month = -1 } = {}) {
      requireRunning();
      return callWithStrings(Module._kz_web_select, [String(region), String(good), Number.isInteger(month) ? month : -1], true);
    },
    setComparison(kind) { requireRunning(); return callWithStrings(Module._kz_web_set_comparison, [String(kind)], true); },
    loadPreset(id) { requireRunning(); return loadPreset(String(id)); },
    compareWith(id) { requireRunning(); return compareWith(String(id)); },
    link(kind = 'view') {
      requireRunning();
      const kinds = ['view', 'comparison', 'embed'];
      if (!kinds.includes(kind)) throw new Error(`link(kind): kind is one of ${kinds.join(', ')}`);
      const reply = callWithStrings(Module._kz_web_link, [kinds.indexOf(kind)], true);
      if (reply.problems) throw new Error(reply.problems[0].message);
      return reply.link;
    },
    importScenario(text, fileName) { requireRunning(); return importScenario(String(text), fileName); },
    exportScenario() { requireRunning(); return exportText('scenario'); },
    exportCsv() { requireRunning(); return exportText('csv'); },
    exportPng(area = 'view') {
      try { requireRunning(); } catch (error) { return Promise.reject(error); }
      return exportPng(area);
    },
    embedFlags() { requireRunning(); return Module._kz_web_embed_flags(); },
    workshop: Object.freeze({
      start(id) { requireRunning(); return startWorkshop(String(id)); },
      open(link) { requireRunning(); return openSession(String(link)); },
      state() { requireRunning(); return workshopCall('state'); },
      enterCode(code) { requireRunning(); return workshopCall('enterCode', { code: String(code) }); },
      decide(team, values) { requireRunning(); return workshopCall('decide', { team: String(team), values }); },
      advance() { requireRunning(); return workshopCall('advance'); },
      undoRound() { requireRunning(); return workshopCall('undoRound').undone; },
      teamLink(team) {
        requireRunning();
        const reply = workshopCall('teamLink', { team: String(team) });
        if (!reply.link) throw new Error(reply[0].message);
        return reply.link;
      },
      setDraft(values) { requireRunning(); return workshopCall('setDraft', { values }); },
      preview() { requireRunning(); return workshopCall('preview'); },
      submit() {
        requireRunning();
        const reply = workshopCall('submit');
        if (!reply.code) throw new Error(reply[0].message);
        return reply.code;
      },
      debrief() { requireRunning(); return workshopCall('debrief'); },
      debriefCsv() { requireRunning(); return workshopCall('debriefCsv').csv; },
      leave() { requireRunning(); return workshopCall('leave'); },
    }),
    status() { requireRunning(); return callWithStrings(Module._kz_web_status, []); },
    openLink(text) { requireRunning(); return openLink(String(text)); },
    uiRect(name) { requireRunning(); return callWithStrings(Module._kz_web_ui_rect, [String(name)], true); },
    map() {
      requireRunning();
      return { hovered: Module.UTF8ToString(Module._kz_web_map_hovered()) || null };
    },
    mapPoint(lon, lat) {
      requireRunning();
      return { x: Module._kz_web_map_screen(lon, lat, 0), y: Module._kz_web_map_screen(lon, lat, 1) };
    },
    runAnalysis(kind, options) {
      try { requireRunning(); } catch (error) { return Promise.reject(error); }
      return runAnalysis(kind, options);
    },
    cancelAnalysis() { requireRunning(); return cancelAnalysis(); },
    analysis() {
      requireRunning();
      return running ? { running: true, kind: running.kind, fraction: running.fraction } : { running: false, kind: null, fraction: 0 };
    },
    language() { requireRunning(); return Module.UTF8ToString(Module._kz_web_language()); },
    setLanguage(code) {
      requireRunning();
      if (!LANGUAGES.includes(code)) throw new Error(`setLanguage(code): code is one of ${LANGUAGES.join(', ')}`);
      callWithStrings(Module._kz_web_set_language, [code]);
    },
    get error() { return fatal; },                // { title, detail } after a fatal error, else null
  };
  Object.defineProperty(window, 'kizuna', { value: Object.freeze(api), enumerable: true });

  // -- Embedding: the page that frames Kizuna drives it with postMessage. Only the parent window is
  // listened to; replies go back to its origin.
  const EMBED_METHODS = ['version', 'summary', 'levers', 'setLever', 'select', 'setComparison', 'link', 'openLink',
    'loadPreset', 'compareWith', 'getScenario'];
  const toParent = (message, origin = '*') => window.parent.postMessage({ kizuna: 1, ...message }, origin);
  if (framed) {
    window.addEventListener('message', async (event) => {
      const message = event.data;
      if (event.source !== window.parent || !message || message.kizuna !== 1 || typeof message.method !== 'string') return;
      const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
      const reply = (answer) => toParent({ id: message.id, ...answer }, origin);
      if (!EMBED_METHODS.includes(message.method)) {
        reply({ error: `'${message.method}' is not a method embedding pages can call (${EMBED_METHODS.join(', ')})` });
        return;
      }
      try {
        await ready;
        const args = Array.isArray(message.args) ? message.args : [];
        reply({ result: await api[message.method](...args) });
      } catch (error) {
        reply({ error: String(error && error.message || error) });
      }
    });
    ready.then(() => toParent({ event: 'ready', version: api.version() }), () => {});
  }
  // After a re-run (the findings change), once the frame that made it is over.
  let changeQueued = false;
  function announceChange() {
    if (!framed || changeQueued || loadMs === null) return;
    changeQueued = true;
    setTimeout(() => {
      changeQueued = false;
      toParent({ event: 'change', summary: api.summary() });
    }, 0);
  }

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
  async function instantiateApp(imports) {
    const module = await appModule;
    const instance = await WebAssembly.instantiate(module, imports);
    showProgress(1, 'Starting…');
    return { instance, module };
  }

  // -- Languages: the browser's first language the app speaks (English otherwise); Japanese glyphs
  // are fetched only when Japanese is chosen.
  const LANGUAGES = ['en', 'ja'];
  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language || '']) {
      const code = String(tag).toLowerCase().slice(0, 2);
      if (LANGUAGES.includes(code)) return code;
    }
    return 'en';
  }
  let fontFetch = null;
  function loadJapaneseFont() {
    if (fontFetch) return fontFetch;
    const fontBytes = siteFiles ? Promise.resolve().then(() => siteBytes('fonts/kizuna-ja.otf'))
      : fetch('fonts/kizuna-ja.otf', { credentials: 'same-origin' }).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      }).then((buffer) => new Uint8Array(buffer));
    fontFetch = fontBytes
      .then((bytes) => {
        const pointer = Module._malloc(bytes.length);
        Module.HEAPU8.set(bytes, pointer);
        Module._kz_web_font_loaded(pointer, bytes.length);  // copied by the app
        Module._free(pointer);
      })
      .catch((error) => say(tr('page.font-failed', { problem: error.message })));
    return fontFetch;
  }

  // A hidden text area that has the focus while an ImGui text field does: the IME composes into it
  // (its candidate window appears at the field's caret) and pastes land in it. Keys typed without
  // an IME reach the field through GLFW (keypress), so their input events are not forwarded twice.
  const textInput = document.createElement('textarea');
  textInput.id = 'text-input';
  textInput.className = 'ime-input';
  textInput.setAttribute('aria-hidden', 'true');
  textInput.autocomplete = 'off';
  textInput.spellcheck = false;
  document.body.appendChild(textInput);
  let typedByKey = false;
  const forwardText = (text) => { if (text) callWithStrings(Module._kz_web_text_input, [text]); };
  textInput.addEventListener('keypress', () => { typedByKey = true; });
  textInput.addEventListener('compositionend', (event) => { forwardText(event.data); textInput.value = ''; });
  textInput.addEventListener('input', (event) => {
    if (event.isComposing || event.inputType === 'insertCompositionText') return;  // compositionend sends it
    if (!(event.inputType === 'insertText' && typedByKey)) forwardText(event.data !== null && event.inputType === 'insertText' ? event.data : textInput.value);
    typedByKey = false;
    textInput.value = '';
  });
  function followTextInput(active, x, y, lineHeight) {
    if (active) {
      textInput.style.left = `${x}px`;
      textInput.style.top = `${y}px`;
      textInput.style.height = `${Math.max(1, lineHeight)}px`;
      if (document.activeElement !== textInput) textInput.focus({ preventScroll: true });
    } else if (document.activeElement === textInput) {
      textInput.blur();
      canvas.focus({ preventScroll: true });
    }
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiateStreaming !== 'function') {
    showFatal('WebAssembly is not available',
      'Kizuna runs its model in WebAssembly, which this browser does not support. ' +
      'Try a current Chrome, Edge, Firefox or Safari.');
    return;
  }
  if (!WebAssembly.validate(SIMD_PROBE)) {
    showFatal('This browser is too old for Kizuna',
      'Kizuna\'s model uses WebAssembly SIMD: it needs Chrome or Edge 97, Firefox 89 or Safari 16.4 ' +
      'or newer. Update the browser, or try a current Chrome, Edge, Firefox or Safari.');
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
    kizunaLanguage: browserLanguage(),  // read by the app before its first frame
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      instantiateApp(imports)
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => showFatal('Kizuna could not load', String(error && error.message || error)));
      return {}; // asynchronous instantiation
    },
    onAbort(what) { showFatal('Kizuna stopped', String(what)); },
    // The app is running, before its first frame: open the default scenario as soon as its texts
    // are here (usually already), so the first frame drawn shows it.
    kizunaStarted() {
      // Synchronously when the texts are here: a promise callback could run after the first frame.
      opening = startTexts.length === 2
        ? new Promise((resolve) => resolve(openDefault(...startTexts)))
        : Promise.all([manifest.catch(() => '[]'), defaultPreset]).then(([list, texts]) => openDefault(list, texts));
      opening.catch((error) => showFatal('The default scenario could not be opened', String(error && error.message || error)));
    },
    // The first frame with the scenario is on screen (it has published its link): follow the address
    // bar from now on, then tell the page we are ready.
    kizunaFirstFrame() {
      opening.then(() => {
        // Opened without a link (and not in a frame): offer the autosaved work back when it differs
        // from this start.
        const saved = carriesLink(location.hash) || framed ? null : savedWork();
        if (saved && saved.fragment !== pendingFragment) {
          restoreOffer = saved;
          callWithStrings(Module._kz_web_offer_restore, [new Date(saved.savedAt).toLocaleString()]);
        }
        if (pendingFragment && !carriesLink(location.hash)) history.replaceState(null, '', `#${pendingFragment}`);
        publishedHash = location.hash;
        followAddress = true;
        loadMs = performance.now();
        if (embedded()) document.body.classList.add('embedded');
        loading.classList.add('done');
        resolveReady();
      }, () => {});  // kizunaStarted shows the problem
    },
    kizunaRequestPreset(id) { loadPreset(id); }, // problems show in the app's status line
    kizunaRequestComparison(id) { compareWith(id); },
    kizunaPublishLink: publishLink,
    kizunaRestore() {
      if (restoreOffer && restoreOffer.fragment) openFragment(restoreOffer.fragment);
      else if (restoreOffer) importScenario(restoreOffer.scenario, restoreOffer.fileName);
    },
    kizunaCopyLink: copyLink,
    kizunaCopyEmbed: copyEmbed,
    kizunaCopyText(text, confirmation) { copyText(text, confirmation, 'Copy it by hand'); },
    kizunaRequestWorkshop(id) { startWorkshop(id); },
    // The Workshop menu opened: its list of exercises (not part of the first view). Unreachable, the
    // menu says the site has none.
    kizunaRequestExerciseList() {
      fetchText('exercises/index.json').catch(() => '[]').then((list) => callWithStrings(Module._kz_web_set_exercises, [list]));
    },
    kizunaFileRequest(what) { if (what === 'open') pickFile(); else exportFile(what); },
    kizunaCapture: capture,
    kizunaAutosaveScenario(scenario, fileName) { if (followAddress) autosave({ scenario, fileName }); },
    kizunaFindingsChanged: announceChange,
    // The app's Analysis window asks for a run or a cancel; the outcome shows in the window.
    kizunaRunAnalysis(kind, optionsJson) {
      let options = {};
      try { options = JSON.parse(optionsJson); } catch (error) { /* the worker names bad options */ }
      runAnalysis(kind, options).catch(() => {});
    },
    kizunaCancelAnalysis() { cancelAnalysis(); },
    kizunaDataChanged: scheduleDataTable,
    // A page of the site (the model card) or a source's address, in a new tab.
    kizunaOpenUrl(url) {
      const local = siteFiles && url in siteFiles.text;
      window.open(local ? siteBlobUrl(url, 'text/plain; charset=utf-8') : url, '_blank', 'noopener');
    },
    kizunaFatal: showFatal,
    kizunaLoadFont: loadJapaneseFont,
    kizunaTextInput: followTextInput,
    kizunaLanguageChanged(code) {
      document.documentElement.lang = code;
      setTimeout(wordThePage, 0);  // after this frame: the catalog is read through the page API
      scheduleDataTable();
    },
  };

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
})();
