// Bundled scenarios (assets/scenarios, the site's scenarios/): the manifest and the default scenario
// are fetched at once, before the app has even started; others when picked or named by a link.
/* global Module */
import { messageOf } from './fatal.js';
import { say, tr } from './i18n.js';
import { siteText } from './site_files.js';
import { appCall } from './state.js';

export const DEFAULT_PRESET = 're-2010-japan';
// The base the default scenario names, fetched at once beside it: fetched only once the preset's
// text has been read, it waited ~1 s behind the main thread's busiest time (the app's start).
// A hint only: if the preset names another base, that one is fetched.
const DEFAULT_BASE = 'default-world';
export const fetchText = siteText;
export const manifest = fetchText('scenarios/index.json');
manifest.catch(() => {});
const prefetched = new Map([[`scenarios/${DEFAULT_BASE}.json`, fetchText(`scenarios/${DEFAULT_BASE}.json`)]]);
prefetched.forEach((text) => text.catch(() => {}));
const fetchOnce = (url) => {
  const early = prefetched.get(url);
  prefetched.delete(url);  // later opens fetch afresh, as before
  return early || fetchText(url);
};

// Fetches a bundled scenario and the base it names, if any: { text, base }.
export async function fetchPreset(id) {
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
export const startTexts = [];
export const whenStartTexts = () => Promise.all([manifest.catch(() => '[]'), defaultPreset]);
whenStartTexts().then((texts) => startTexts.push(...texts), () => {});

// The ids of the bundled scenarios (empty if the manifest is unreadable).
export async function bundledIds() {
  try { return new Set(JSON.parse(await manifest).map((preset) => preset.id)); } catch (error) { return new Set(); }
}

export function loadPresetTexts(id, { text, base }) {
  return appCall(Module._kz_web_load_scenario, [id, text, base], true);
}

// Fetches a bundled scenario and hands its texts to `open`; a failed fetch is a problem, shown in
// the app's status line too (the user picked it there).
async function withPresetTexts(id, open) {
  let texts;
  try {
    texts = await fetchPreset(id);
  } catch (error) {
    const message = messageOf(error);
    say(tr('page.fetch-failed', { id, message }));
    return [{ path: id, message }];
  }
  return open(texts);
}

// Promises of [] or the problems.
export const loadPreset = (id) => withPresetTexts(id, (texts) => loadPresetTexts(id, texts));
export const compareWith = (id) => withPresetTexts(id, ({ text, base }) =>
  appCall(Module._kz_web_compare_with, [id, text, base], true));
