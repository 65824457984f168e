// The page's entry point (index.html loads it as a module; the offline single file inlines it bundled
// by web/tools/bundle.mjs): checks the browser can run the app, publishes window.kizuna (js/api.js
// documents it), and starts the app with the hooks its wasm calls on Module (src/platform/web/
// page_bridge.cpp and web_analysis.cpp call them by these names).
/* global Module */
import { cancelAnalysis, runAnalysis } from './analysis.js';
import { api, publishApi } from './api.js';
import { connectDataToggle, scheduleDataTable } from './data_table.js';
import { announceChange, answerParent } from './embed.js';
import { messageOf, showFatal } from './fatal.js';
import { capture, exportFile, importScenario, pickFile, acceptDroppedFiles } from './files.js';
import { browserLanguage, loadJapaneseFont, wordThePage } from './i18n.js';
import { createTextInput, followTextInput, releaseTab } from './input.js';
import { showJoinDialog } from './join_dialog.js';
import { followFacilitator } from './join_sheet.js';
import { hideLoading, instantiateApp, loadApp } from './loading.js';
import {
  autosaveScenario, carriesLink, copyEmbed, copyLink, copyText, followAddressChanges, followAddressFromNow,
  openFragment, publishLink, restoreOffered, startWorkshop, withAddresses,
} from './links.js';
import { compareWith, DEFAULT_PRESET, fetchText, loadPreset, loadPresetTexts, startTexts, whenStartTexts } from './presets.js';
import { siteBlobUrl, siteFiles } from './site_files.js';
import { appCall, canvas, embedded, markRunning, page } from './state.js';
import { missingSupport } from './support.js';
import { showTeamPageIfWanted } from './team_page.js';
import { acceptTouch } from './touch.js';

// Opens the default scenario, then a link in the address over it (the default stays if the link
// cannot be opened). Returns [] or a Promise of the link's problems; throws if the default fails.
function openDefault(list, texts) {
  appCall(Module._kz_web_set_presets, [list, DEFAULT_PRESET]);
  const problems = loadPresetTexts(DEFAULT_PRESET, texts);
  if (problems.length) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return carriesLink(location.hash) ? openFragment(location.hash) : [];
}

// The hooks the app calls on Module, by name.
const appHooks = {
  // The app is running, before its first frame: open the default scenario as soon as its texts
  // are here (usually already), so the first frame drawn shows it.
  kizunaStarted() {
    // Synchronously when the texts are here: a promise callback could run after the first frame.
    page.opening = startTexts.length === 2
      ? new Promise((resolve) => resolve(openDefault(...startTexts)))
      : whenStartTexts().then(([list, texts]) => openDefault(list, texts));
    page.opening.catch((error) => showFatal('The default scenario could not be opened', messageOf(error)));
  },
  // The first frame with the scenario is on screen (it has published its link): follow the address
  // bar from now on, then tell the page we are ready.
  kizunaFirstFrame() {
    page.opening.then(() => {
      followAddressFromNow();
      markRunning();
      if (embedded()) document.body.classList.add('embedded');
      hideLoading();
      showTeamPageIfWanted();
      followFacilitator();
    }, () => {});  // kizunaStarted shows the problem
  },
  kizunaRequestPreset(id) { loadPreset(id); }, // problems show in the app's status line
  kizunaRequestComparison(id) { compareWith(id); },
  kizunaPublishLink(fragment, push) { publishLink(fragment, push); setTimeout(followFacilitator, 0); },  // after the frame
  kizunaRestore() {
    const offer = restoreOffered();
    if (offer && offer.fragment) openFragment(offer.fragment);
    else if (offer) importScenario(offer.scenario, offer.fileName);
  },
  kizunaCopyLink: copyLink,
  kizunaCopyEmbed: copyEmbed,
  kizunaCopyText(text, confirmation) { copyText(withAddresses(text), confirmation, 'Copy it by hand'); },
  kizunaRequestWorkshop(id) { startWorkshop(id); },
  kizunaRequestJoinDialog() { showJoinDialog(); },
  // The Workshop menu opened: its list of exercises (not part of the first view). Unreachable, the
  // menu says the site has none.
  kizunaRequestExerciseList() {
    fetchText('exercises/index.json').catch(() => '[]').then((list) => appCall(Module._kz_web_set_exercises, [list]));
  },
  kizunaFileRequest(what) { if (what === 'open') pickFile(); else exportFile(what); },
  kizunaCapture: capture,
  kizunaAutosaveScenario: autosaveScenario,
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
    setTimeout(() => { wordThePage(); showTeamPageIfWanted(); followFacilitator(); }, 0);  // after this frame: the catalog is read through the page API
    scheduleDataTable();
  },
};

function start() {
  acceptDroppedFiles();
  followAddressChanges();
  acceptTouch();
  releaseTab();
  connectDataToggle();
  publishApi();  // before the checks: kizuna.error tells a test why the app did not start
  answerParent(api);
  createTextInput();

  const missing = missingSupport();
  if (missing) { showFatal(missing.title, missing.detail); return; }

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
        .catch((error) => showFatal('Kizuna could not load', messageOf(error)));
      return {}; // asynchronous instantiation
    },
    onAbort(what) { showFatal('Kizuna stopped', String(what)); },
    ...appHooks,
  };
  loadApp();
}

start();
