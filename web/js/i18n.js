// Languages and the page's words: the browser's first language the app speaks (English otherwise),
// the app's catalog texts (assets/i18n) for messages the page writes, and the Japanese glyphs,
// fetched only when Japanese is chosen.
/* global Module */
import { siteBytes, siteFiles } from './site_files.js';
import { appCall } from './state.js';

export const LANGUAGES = ['en', 'ja'];

export function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language || '']) {
    const code = String(tag).toLowerCase().slice(0, 2);
    if (LANGUAGES.includes(code)) return code;
  }
  return 'en';
}

// The app's catalog text of `key` (assets/i18n) in the UI's language, with each {name} filled.
export const tr = (key, args = {}) => appCall(Module._kz_web_tr, [key])
  .replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
// A core problem message (English) in the UI's language where the catalogs word it.
export const problemText = (message) => appCall(Module._kz_web_problem_text, [String(message)]);
// A message in the app's status line (the top bar).
export const say = (text) => appCall(Module._kz_web_set_status, [text]);

let fontFetch = null;
export function loadJapaneseFont() {
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

// The page's own words (index.html's data-i18n and data-i18n-label elements) in the UI's language.
export function wordThePage() {
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = tr(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', tr(node.dataset.i18nLabel)));
}
