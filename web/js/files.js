// Scenario files and exports. Files (File > Open, a dropped file, restored work) are untrusted text,
// validated by the app, which names any problem and keeps the work; a file that names a bundled
// scenario as its id or base opens over it, so its changes can be shared as a link. Exports are
// downloads of the app's texts and of the canvas's pixels.
/* global Module */
import { say, tr } from './i18n.js';
import { pageUrl, workshopCall } from './links.js';
import { bundledIds, fetchPreset, fetchText } from './presets.js';
import { appCall, canvas, embedded, running } from './state.js';

const MAX_SCENARIO_BYTES = 4 << 20;

// Opens scenario JSON text as a file would be: a Promise of [] or the problems.
export async function importScenario(text, fileName) {
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
  return appCall(Module._kz_web_import, [name, text, baseText, presetId, preset.text, preset.base], true);
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
export function pickFile() {
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

// -- Exports.
function scenarioId() {
  try { return appCall(Module._kz_web_summary_json, [], true).scenario || 'kizuna'; } catch (error) { return 'kizuna'; }
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
// The app's export of `what` ('scenario', 'csv', 'debrief') as text.
export const exportText = (what) => appCall(Module._kz_web_export, [what, pageUrl()]);
export function exportFile(what) {
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
export function capture(area, rect) {
  const scale = canvas.width / (canvas.clientWidth || canvas.width);
  const crop = area !== 'view'
    ? { x: Math.round(rect.x * scale), y: Math.round(rect.y * scale), width: Math.round(rect.width * scale), height: Math.round(rect.height * scale) }
    : { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const copy = document.createElement('canvas');
  copy.width = Math.max(1, crop.width);
  copy.height = Math.max(1, crop.height);
  copy.getContext('2d').drawImage(canvas, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
  const waiter = pngWaiters.shift();
  copy.toBlob((blob) => {
    if (waiter) waiter(blob);
    else if (blob) download(area === 'debrief' ? `${workshopCall('state').exercise || 'workshop'}-debrief.png` : `${scenarioId()}-${area}.png`, blob);
    else say(tr('page.no-picture'));
  }, 'image/png');
}
// A Promise of a PNG Blob of the 'view', the 'chart' or the workshop's 'debrief' chart, drawn by the next frame.
export function exportPng(area) {
  if (!['view', 'chart', 'debrief'].includes(area)) return Promise.reject(new Error("exportPng(area): area is 'view', 'chart' or 'debrief'"));
  return new Promise((resolve) => {
    pngWaiters.push(resolve);
    appCall(Module._kz_web_request_png, [area]);
  });
}

// -- Dropping a scenario file anywhere on the page opens it (not in an embedded view).
export function acceptDroppedFiles() {
  const carriesFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  let dragDepth = 0;
  function endDrag() { dragDepth = 0; document.body.classList.remove('dropping'); }
  window.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event) || !running() || embedded()) return;
    dragDepth += 1;
    document.body.classList.add('dropping');
  });
  window.addEventListener('dragleave', () => { if (dragDepth > 0 && --dragDepth === 0) endDrag(); });
  window.addEventListener('dragover', (event) => {
    if (!carriesFiles(event) || !running() || embedded()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    endDrag();
    if (!running() || embedded()) return;
    const file = event.dataTransfer.files[0];
    if (file) importFile(file);
  });
}
