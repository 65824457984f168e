// Links, history and autosave. Share links (#k..., src/core/include/kizuna/link.hpp) and workshop
// sessions (#w...) open from the address bar, the page API and the autosave; the address bar follows
// the work once the page is ready (Back and Forward step through edits); the work's link is kept in
// localStorage after every change so a reload or a crash can offer it back.
/* global Module */
import { messageOf } from './fatal.js';
import { problemText, say, tr } from './i18n.js';
import { fetchPreset, fetchText } from './presets.js';
import { appCall, framed } from './state.js';

export const pageUrl = () => location.href.split('#')[0];

// Share links: read which preset the link needs, fetch it, open. Any problem is shown in the app's
// status line and the work stays. A Promise of [] or the problems.
export async function openLink(text) {
  // C strings end at NUL: a link holding one would be read cut short, so refuse it here.
  const head = text.includes('\u0000')
    ? { problems: [{ path: 'link', message: 'This link is damaged: it has characters a link cannot contain.' }] }
    : appCall(Module._kz_web_link_preset, [text], true);
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
  return appCall(Module._kz_web_open_link, [text, texts.text, texts.base], true);
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
export async function startWorkshop(id) {
  let texts;
  try { texts = await fetchExercise(id); } catch (error) {
    const message = messageOf(error);
    say(tr('workshop.status.fetch-failed', { id, problem: message }));
    return [{ path: id, message }];
  }
  const problems = appCall(Module._kz_web_workshop_start, texts, true);
  // js/team_page.js and js/join_sheet.js follow it; fromLink: opened from a link, not started here.
  if (!problems.length) window.dispatchEvent(new CustomEvent('kizuna-workshop-opened', { detail: { fromLink: false } }));
  return problems;
}
export async function openSession(text) {
  const head = appCall(Module._kz_web_session_exercise, [fragmentOf(text)], true);
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
  const problems = appCall(Module._kz_web_workshop_open, [fragmentOf(text), ...texts], true);
  if (!problems.length) window.dispatchEvent(new CustomEvent('kizuna-workshop-opened', { detail: { fromLink: true } }));
  return problems;
}
// A team's join code, tried against each exercise the site bundles ("code.exercise": not this one);
// the first that knows it opens the team's stable link. A Promise of [] or the problems.
export async function joinWithCode(code) {
  let list = [];
  try { list = JSON.parse(await fetchText('exercises/index.json')); } catch (error) { /* none: named below */ }
  for (const { id } of Array.isArray(list) ? list : []) {
    let texts;
    try { texts = await fetchExercise(id); } catch (error) { continue; }
    const reply = appCall(Module._kz_web_join_link, [String(code), ...texts], true);
    if (reply.link) return openSession(reply.link);
    if (reply.problems[0].path !== 'code.exercise') return reply.problems;
  }
  return [{ path: 'code.exercise', message: tr('workshop.join-code.unknown') }];
}
export const workshopCall = (command, args = {}) => appCall(Module._kz_web_workshop, [command, JSON.stringify(args)], true);

// A fragment from the address bar, a pasted link or the autosave: a share link (k...) or a
// workshop session (w...).
const fragmentOf = (text) => { const trimmed = text.trim(); return trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed; };
const isSession = (text) => fragmentOf(text).startsWith('w');
export const openFragment = (text) => (isSession(text) ? openSession(text) : openLink(text));
export const carriesLink = (hash) => hash.startsWith('#k') || hash.startsWith('#w');

// -- The address bar and the autosave.
let followAddress = false;
let publishedHash = null;
let pendingFragment = null;  // published before the page was ready: the first entry's address
let restoreOffer = null;     // the autosaved work offered back at start: { fragment } or { scenario, fileName }
// Storage may be refused (private windows): then there is simply no offer.
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
// The app's scenario changed without a link (a file): autosaved once the address is followed.
export function autosaveScenario(scenario, fileName) {
  if (followAddress) autosave({ scenario, fileName });
}

// The first frame with the scenario is on screen (it has published its link): offer the autosaved
// work back when the page opened without a link (and not in a frame) and it differs from this
// start, then follow the address bar from now on.
export function followAddressFromNow() {
  const saved = carriesLink(location.hash) || framed ? null : savedWork();
  if (saved && saved.fragment !== pendingFragment) {
    restoreOffer = saved;
    appCall(Module._kz_web_offer_restore, [new Date(saved.savedAt).toLocaleString()]);
  }
  if (pendingFragment && !carriesLink(location.hash)) history.replaceState(null, '', `#${pendingFragment}`);
  publishedHash = location.hash;
  followAddress = true;
}
// The work offered back at start ({ fragment } or { scenario, fileName }), or null.
export const restoreOffered = () => restoreOffer;

// The app's view changed: its link goes to the address bar (a new history entry if `push`).
export function publishLink(fragment, push) {
  if (!followAddress) { pendingFragment = fragment; return; }
  // While saved work is on offer, the untouched start must not overwrite it.
  if (!(restoreOffer && fragment === pendingFragment)) autosave({ fragment });
  publishedHash = `#${fragment}`;
  if (location.hash === publishedHash) return;
  // In a frame, history entries would be the host page's Back steps: replace only.
  if (push && !framed) history.pushState(null, '', publishedHash);
  else history.replaceState(null, '', publishedHash);
}

function onAddressChange() {
  if (carriesLink(location.hash) && location.hash !== publishedHash) {
    publishedHash = location.hash;
    openFragment(location.hash);
  }
}
export function followAddressChanges() {
  window.addEventListener('hashchange', onAddressChange);
  window.addEventListener('popstate', onAddressChange);
}

// -- Copying links and embed codes.
export function copyText(text, copied, refused) {
  if (!navigator.clipboard) { say(tr('page.copy-unsupported', { what: refused })); return; }
  navigator.clipboard.writeText(text).then(() => say(copied), () => say(tr('page.copy-refused', { what: refused })));
}
// Text the app copies may hold links as fragments ("US: #w...US"): each becomes a full address,
// which a chat or e-mail makes clickable.
export const withAddresses = (text) => text.replace(/(^|\s)#([kw][A-Za-z0-9_.-]+)/g, (whole, before, fragment) => `${before}${pageUrl()}#${fragment}`);
export function copyLink(fragment) {
  const url = `${pageUrl()}#${fragment}`;
  copyText(url, tr('page.link-copied', { count: url.length }), tr('page.link-copy-instead'));
}
// An iframe showing the embed link; the size suits a briefing page and can be changed there.
function embedCode(fragment) {
  const url = `${pageUrl()}#${fragment}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${url}" width="960" height="600" style="border:0" title="Kizuna scenario"></iframe>`;
}
export function copyEmbed(fragment) {
  const code = embedCode(fragment);
  copyText(code, tr('page.embed-copied', { count: code.length }), tr('page.embed-not-copied'));
}
