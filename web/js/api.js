// window.kizuna, the page's JavaScript API (for browser tests and embedding pages). This comment is
// its one reference; the README's "Embedding" names the methods a framing page may call.
//   kizuna.ready      Promise, resolved after the first frame is drawn (rejected on a fatal error)
//   kizuna.version()  the app's version, e.g. "0.1.0"
//   kizuna.error      { title, detail } after a fatal error, else null
//   kizuna.buildInfo() { version, target, buildType, compiler }
//   kizuna.stats()    { loadMs, frameMs, frames, runs, canvasWidth, canvasHeight, pixelRatio }
//                     frameMs: median over the last 120 frames of the time the app's frame callback
//                     takes on the main thread (input, UI, any model re-run it triggers, GL command
//                     submission; not the GPU's drawing, which runs in the browser's GPU process)
//   kizuna.getScenario()          the working scenario (scenario JSON, parsed)
//   kizuna.setScenario(obj)       replaces it; returns [] or the problems ({ path, message })
//   kizuna.levers()               [{ path, label, name, unit, min, max, value, preset, integer, group, source }]
//                                 (label: the core's English; name: in words, in the UI's language;
//                                 also valueText, presetText: '25%', '6 months', 'on')
//   kizuna.setLever(path, value)  sets one lever and re-runs; returns [] or the problems
//   kizuna.changedLevers()        the levers whose values differ from the loaded preset's (as levers())
//   kizuna.summary()              { scenario, title, selection, readout, findings, metrics, comparison,
//                                   headline: { region, good, worstShare, worstMonth, recoveryMonth
//                                   (-1 = not within the horizon), endShare, valueLostUsd,
//                                   comparisonValueLostUsd, a, b (A's and B's names), warning,
//                                   figures: [{ id, value, caption }] as drawn }, ... }
//   kizuna.chart()                { title, metric, unit, good, region, delta, months,
//                                   series: [{ id, name, values, text }] }: the chart as data (text
//                                   as the chart's read-out; the comparison line last, id 'comparison')
//   kizuna.select({ region, good, month })   returns [] or the problems
//   kizuna.setComparison('none' | 'noEvents' | 'withoutFrameworks' | 'preset')
//   kizuna.loadPreset(id)         Promise: fetches and opens a bundled scenario; resolves to [] or problems
//   kizuna.compareWith(id)        Promise: compares with another bundled scenario on the same world
//                                 (A vs B, over the current scenario's months); resolves to [] or
//                                 problems (the comparison is kept on problems)
//   kizuna.link(kind)             the share link's fragment (k...) of what is on screen; kind 'view'
//                                 (default), 'comparison' (the scenario and its comparison, on the
//                                 Difference chart at the default view), 'embed' (the view with the
//                                 Embed dialog's options) or 'story' (the presenter's story, opening on
//                                 its first step); throws when the work has changes a link cannot carry
//                                 (or, for 'story', when the story has no step)
//   kizuna.importScenario(text, fileName)  Promise: opens scenario JSON as a file would be (validated;
//                                 [] or problems, work kept); File > Open and dropping a file use it
//   kizuna.exportScenario()       the working scenario's JSON, as File > Export saves it
//   kizuna.exportCsv()            the results as CSV, as File > Export saves it (header: scenario,
//                                 version, result hash, link, units)
//   kizuna.exportPng(area)        Promise of a PNG Blob of the 'view' (the whole canvas), the 'chart' or the
//                                 workshop's 'debrief' chart (while the debrief window shows it)
//   kizuna.status()               the message in the app's top bar ("" when none)
//   kizuna.workshop               tabletop exercises (src/app/workshop_api.hpp): start(id) and open(link)
//                                 (Promises of [] or problems); state(), enterCode(code), decide(team,
//                                 values), advance(), undoRound(), teamLink(team), setDraft(values),
//                                 preview(), teamView() (the phone page's content), submit(), debrief(),
//                                 debriefCsv(), leave(), catchUp(roundCode) (a team's page catches up
//                                 to the round a round code publishes; state().roundCode), join(joinCode)
//                                 (a Promise: opens the team's stable link). A session link
//                                 is "#w..."; a team's adds ".<team id>"; both open from the address bar
//   kizuna.story                  the presenter's story (src/app/story_api.hpp): state() ({ presenting,
//                                 current, count, steps: [{ caption, figure }] }), add(caption, figure)
//                                 (the view on screen as a step; [] or problems), present(step),
//                                 next() / previous() (true when moved), leave(), window(shown)
//   kizuna.embedFlags()           the link's embed flags (kizuna/link.hpp EmbedFlag; 0 = the full app)
//   kizuna.openLink(text)         Promise: opens a link (fragment or URL); [] or problems (work kept),
//                                 e.g. "This link is damaged (checksum)"
//                                 (the address bar follows the link; it is autosaved to localStorage and
//                                 offered back when the page opens without one)
//   kizuna.uiRect(name)           { x, y, width, height, scrollY, scrollMaxY } in CSS pixels of a named
//                                 control drawn in the last frame (scroll: a window's, 0 for a control) (e.g. 'add-shock', 'timeline-play', 'chart-delta', 'share',
//                                 'undo', 'lever:<path>'), or null: tests click real controls
//   kizuna.clippedText()          the text the last frame drew cut ('window: <name>', 'menu bar' or the
//                                 text): tests assert it stays empty
//   kizuna.analysisText()         the Analysis window's text as the last frame drew it ('' when closed)
//   kizuna.map()      { hovered }: the region id under the pointer on the world map, or null
//   kizuna.mapPoint(lon, lat)  { x, y }: where a point (degrees) is on the canvas, CSS pixels
//   kizuna.runAnalysis(kind, options)  Promise of the result of an analysis of the working scenario,
//       run in a Web Worker (started on first use) on the core-only module while the app keeps
//       drawing; the app's Analysis window shows its progress and partial results. kind:
//       'montecarlo' | 'coalition' | 'sensitivity'; options (analysis_job.hpp):
//         montecarlo  { runs (1..100000, default 200), seed (default the scenario's), chunkRuns,
//                     shortfallThreshold }
//         coalition   { framework (optional when the scenario has one), candidates (default its
//                     members, at most 12), chunkSubsets }
//         sensitivity { metric (e.g. 'loss.JP', 'shortfall.JP.re_magnet'), levers (paths or
//                     { path, low, high }; default every lever), spread (default 0.5), chunkLevers }
//       plus onProgress({ fraction, partial }) called after every chunk with the result so far, and
//       workers (1..16, default navigator.hardwareConcurrency - 1, at least 1): how many Web Workers
//       share the work, each running a part (Monte Carlo runs, coalition subsets, sensitivity
//       levers) merged in order by the core, so the result is bit for bit the same for any number;
//       with several, fraction is the parts' mean and partial the first part's result so far.
//       Results are { kind, done, fraction, ... }: Monte Carlo adds expectedTotalLoss, expectedLoss
//       per region, cvar95, hash and per (region, good) with final demand the shortfall probability
//       and fulfilment percentile bands (5/25/50/75/95 per month); a coalition shapley, gainInside,
//       gainOutside (free riding), incentiveToJoin, core, subsetValue per membership mask and the
//       effect on non-members; sensitivity the tornado's rows sorted by swing. Chunks are exact (the
//       result does not depend on chunkRuns). Rejects with the problems as its message (bad
//       options: 'options.runs: must be a whole number in 1..100000'), with 'analysis cancelled'
//       when cancelled, or when another analysis is running.
//   kizuna.cancelAnalysis()       stops the running analysis (true if one was running)
//   kizuna.analysis()             { running, kind, fraction } of the current analysis
//   kizuna.analysisWorkers()      { size, started, busy }: the default pool size, the analysis
//                                 workers started so far, and those still working on a request
//   kizuna.language()             the UI's language: 'en' or 'ja' (at first the browser's, from
//                                 navigator.languages; a link that carries a language sets it)
//   kizuna.setLanguage(code)      'en' | 'ja': switches the UI at once (as the top bar's Language menu);
//                                 Japanese glyphs (fonts/kizuna-ja.otf) are fetched the first time only
// Every method but ready and error throws (or rejects) until kizuna.ready has resolved.
/* global Module */
import { analysisState, analysisWorkers, cancelAnalysis, runAnalysis } from './analysis.js';
import { exportPng, exportText, importScenario } from './files.js';
import { LANGUAGES } from './i18n.js';
import { joinWithCode, openLink, openSession, startWorkshop, workshopCall } from './links.js';
import { compareWith, loadPreset } from './presets.js';
import { appCall, canvas, page, ready, requireRunning } from './state.js';

// A Promise-returning method rejects (rather than throws) when the app is not running.
function whenRunning(start) {
  try { requireRunning(); } catch (error) { return Promise.reject(error); }
  return start();
}

// A workshop command whose answer is a field, or problems ([{ message }]) instead.
function workshopField(command, args, field) {
  const reply = workshopCall(command, args);
  if (!reply[field]) throw new Error(reply[0].message);
  return reply[field];
}

const workshop = Object.freeze({
  start(id) { requireRunning(); return startWorkshop(String(id)); },
  open(link) { requireRunning(); return openSession(String(link)); },
  state() { requireRunning(); return workshopCall('state'); },
  enterCode(code) { requireRunning(); return workshopCall('enterCode', { code: String(code) }); },
  decide(team, values) { requireRunning(); return workshopCall('decide', { team: String(team), values }); },
  advance() { requireRunning(); return workshopCall('advance'); },
  undoRound() { requireRunning(); return workshopCall('undoRound').undone; },
  teamLink(team) { requireRunning(); return workshopField('teamLink', { team: String(team) }, 'link'); },
  catchUp(code) { requireRunning(); return workshopCall('catchUp', { code: String(code) }); },
  join(code) { requireRunning(); return joinWithCode(String(code)); },
  setDraft(values) { requireRunning(); return workshopCall('setDraft', { values }); },
  preview() { requireRunning(); return workshopCall('preview'); },
  teamView() { requireRunning(); return workshopCall('teamView'); },
  submit() { requireRunning(); return workshopField('submit', {}, 'code'); },
  debrief() { requireRunning(); return workshopCall('debrief'); },
  debriefCsv() { requireRunning(); return workshopCall('debriefCsv').csv; },
  leave() { requireRunning(); return workshopCall('leave'); },
});

// The presenter's story (src/app/story_api.hpp): answers are JSON values or problems ([{ message }]).
const storyCall = (command, args = {}) => appCall(Module._kz_web_story, [command, JSON.stringify(args)], true);
const story = Object.freeze({
  state() { requireRunning(); return storyCall('state'); },
  add(caption = '', figure = '') { requireRunning(); return storyCall('add', { caption: String(caption), figure: String(figure) }); },
  present(step = 0) { requireRunning(); return storyCall('present', { step: Number(step) }); },
  next() { requireRunning(); return storyCall('next').moved; },
  previous() { requireRunning(); return storyCall('previous').moved; },
  leave() { requireRunning(); return storyCall('leave'); },
  window(shown = true) { requireRunning(); return storyCall('window', { shown: Boolean(shown) }); },
});

export const api = {
  ready,
  version() { requireRunning(); return Module.UTF8ToString(Module._kz_web_version()); },
  buildInfo() { requireRunning(); return JSON.parse(Module.UTF8ToString(Module._kz_web_build_info())); },
  stats() {
    requireRunning();
    return {
      loadMs: page.loadMs,                      // navigation start to first frame on screen
      frameMs: Module._kz_web_frame_ms(),       // median main-thread time of the frame callback, last 120 frames
      frames: Module._kz_web_frame_count(),
      runs: Module._kz_web_model_runs(),        // engine runs so far: changes when a lever change re-runs
      canvasWidth: canvas.width,
      canvasHeight: canvas.height,
      pixelRatio: window.devicePixelRatio,
    };
  },
  getScenario() { requireRunning(); return appCall(Module._kz_web_scenario_json, [], true); },
  setScenario(scenario) {
    requireRunning();
    const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
    return appCall(Module._kz_web_set_scenario_json, [text], true);
  },
  levers() { requireRunning(); return appCall(Module._kz_web_levers_json, [], true); },
  setLever(path, value) {
    requireRunning();
    if (typeof path !== 'string' || typeof value !== 'number') return [{ path: String(path), message: 'setLever(path: string, value: number)' }];
    return appCall(Module._kz_web_set_lever, [path, value], true);
  },
  changedLevers() { requireRunning(); return appCall(Module._kz_web_changed_levers_json, [], true); },
  summary() { requireRunning(); return appCall(Module._kz_web_summary_json, [], true); },
  chart() { requireRunning(); return appCall(Module._kz_web_chart_json, [], true); },
  select({ region = '', good = '', month = -1 } = {}) {
    requireRunning();
    return appCall(Module._kz_web_select, [String(region), String(good), Number.isInteger(month) ? month : -1], true);
  },
  setComparison(kind) { requireRunning(); return appCall(Module._kz_web_set_comparison, [String(kind)], true); },
  loadPreset(id) { requireRunning(); return loadPreset(String(id)); },
  compareWith(id) { requireRunning(); return compareWith(String(id)); },
  link(kind = 'view') {
    requireRunning();
    const kinds = ['view', 'comparison', 'embed', 'story'];
    if (!kinds.includes(kind)) throw new Error(`link(kind): kind is one of ${kinds.join(', ')}`);
    const reply = appCall(Module._kz_web_link, [kinds.indexOf(kind)], true);
    if (reply.problems) throw new Error(reply.problems[0].message);
    return reply.link;
  },
  importScenario(text, fileName) { requireRunning(); return importScenario(String(text), fileName); },
  exportScenario() { requireRunning(); return exportText('scenario'); },
  exportCsv() { requireRunning(); return exportText('csv'); },
  exportPng(area = 'view') { return whenRunning(() => exportPng(area)); },
  embedFlags() { requireRunning(); return Module._kz_web_embed_flags(); },
  workshop,
  story,
  status() { requireRunning(); return appCall(Module._kz_web_status, []); },
  openLink(text) { requireRunning(); return openLink(String(text)); },
  uiRect(name) { requireRunning(); return appCall(Module._kz_web_ui_rect, [String(name)], true); },
  clippedText() { requireRunning(); return appCall(Module._kz_web_clipped_text, [], true); },
  analysisText() { requireRunning(); return appCall(Module._kz_web_analysis_text, [], false); },
  map() {
    requireRunning();
    return { hovered: Module.UTF8ToString(Module._kz_web_map_hovered()) || null };
  },
  mapPoint(lon, lat) {
    requireRunning();
    return { x: Module._kz_web_map_screen(lon, lat, 0), y: Module._kz_web_map_screen(lon, lat, 1) };
  },
  runAnalysis(kind, options) { return whenRunning(() => runAnalysis(kind, options)); },
  cancelAnalysis() { requireRunning(); return cancelAnalysis(); },
  analysis() { requireRunning(); return analysisState(); },
  analysisWorkers() { requireRunning(); return analysisWorkers(); },
  language() { requireRunning(); return Module.UTF8ToString(Module._kz_web_language()); },
  setLanguage(code) {
    requireRunning();
    if (!LANGUAGES.includes(code)) throw new Error(`setLanguage(code): code is one of ${LANGUAGES.join(', ')}`);
    appCall(Module._kz_web_set_language, [code]);
  },
  get error() { return page.fatal; },
};

export function publishApi() {
  Object.defineProperty(window, 'kizuna', { value: Object.freeze(api), enumerable: true });
}
