// EM_JS bodies calling hooks that the page (web/js/main.js) installs on Module.
#include "page_bridge.hpp"

#include <emscripten.h>

// EM_JS defines extern "C" functions, so these live at file scope.

EM_JS(void, kz_js_started, (), {
  if (Module["kizunaStarted"]) Module["kizunaStarted"]();
});

EM_JS(int, kz_js_page_language_is_japanese, (), {
  return Module["kizunaLanguage"] === "ja" ? 1 : 0;
});

EM_JS(void, kz_js_request_font, (), {
  if (Module["kizunaLoadFont"]) Module["kizunaLoadFont"]();
});

EM_JS(void, kz_js_text_input, (int active, float x, float y, float lineHeight), {
  if (Module["kizunaTextInput"]) Module["kizunaTextInput"](active !== 0, x, y, lineHeight);
});

EM_JS(void, kz_js_publish_language, (const char* code), {
  if (Module["kizunaLanguageChanged"]) Module["kizunaLanguageChanged"](UTF8ToString(code));
});

// The reader's text size (-1, 0, 1), kept in the browser's storage; 0 when none or no storage.
EM_JS(int, kz_js_stored_text_size, (), {
  try { var v = Number(localStorage.getItem("kizuna.textSize")); return v === -1 || v === 1 ? v : 0; } catch (e) { return 0; }
});

EM_JS(void, kz_js_store_text_size, (int size), {
  try { localStorage.setItem("kizuna.textSize", String(size)); } catch (e) { /* no storage: the choice lasts this visit */ }
});

// Whether to offer the first-visit tour: not once the reader dismissed it (remembered in the
// browser), and not for a browser driven by automation (navigator.webdriver: the browser tests,
// which open the tour on purpose through Help or a page that is not automated).
EM_JS(int, kz_js_tour_wanted, (), {
  if (navigator.webdriver) return 0;
  try { return localStorage.getItem("kizuna.tourDone") === "1" ? 0 : 1; } catch (e) { return 1; }
});

EM_JS(void, kz_js_store_tour_done, (), {
  try { localStorage.setItem("kizuna.tourDone", "1"); } catch (e) { /* no storage: the tour may come back next visit */ }
});

EM_JS(void, kz_js_first_frame, (), {
  if (Module["kizunaFirstFrame"]) Module["kizunaFirstFrame"]();
});

EM_JS(void, kz_js_fatal, (const char* title, const char* detail), {
  var titleText = UTF8ToString(title);
  var detailText = UTF8ToString(detail);
  if (Module["kizunaFatal"]) Module["kizunaFatal"](titleText, detailText);
  else console.error(titleText + ": " + detailText);
});

EM_JS(void, kz_js_set_cursor, (const char* cursor), {
  Module["canvas"].style.cursor = UTF8ToString(cursor);
});

EM_JS(void, kz_js_publish_findings, (const char* text), {
  var findings = UTF8ToString(text);
  var element = document.getElementById("findings");
  if (element) element.textContent = findings;
  if (Module["kizunaFindingsChanged"]) Module["kizunaFindingsChanged"](findings);
});

EM_JS(void, kz_js_copy_embed, (const char* fragment), {
  if (Module["kizunaCopyEmbed"]) Module["kizunaCopyEmbed"](UTF8ToString(fragment));
});

EM_JS(void, kz_js_request_exercise_list, (), {
  if (Module["kizunaRequestExerciseList"]) Module["kizunaRequestExerciseList"]();
});

EM_JS(void, kz_js_request_workshop, (const char* id), {
  if (Module["kizunaRequestWorkshop"]) Module["kizunaRequestWorkshop"](UTF8ToString(id));
});

EM_JS(void, kz_js_request_join_dialog, (), {
  if (Module["kizunaRequestJoinDialog"]) Module["kizunaRequestJoinDialog"]();
});

EM_JS(void, kz_js_copy_text, (const char* text, const char* confirmation), {
  if (Module["kizunaCopyText"]) Module["kizunaCopyText"](UTF8ToString(text), UTF8ToString(confirmation));
});

EM_JS(void, kz_js_request_file, (const char* what), {
  if (Module["kizunaFileRequest"]) Module["kizunaFileRequest"](UTF8ToString(what));
});

EM_JS(void, kz_js_capture_canvas, (const char* area, float x, float y, float width, float height), {
  if (Module["kizunaCapture"]) Module["kizunaCapture"](UTF8ToString(area), { x: x, y: y, width: width, height: height });
});

EM_JS(void, kz_js_autosave_scenario, (const char* json, const char* fileName), {
  if (Module["kizunaAutosaveScenario"]) Module["kizunaAutosaveScenario"](UTF8ToString(json), UTF8ToString(fileName));
});

EM_JS(void, kz_js_data_changed, (), {
  if (Module["kizunaDataChanged"]) Module["kizunaDataChanged"]();
});

EM_JS(void, kz_js_request_preset, (const char* id), {
  if (Module["kizunaRequestPreset"]) Module["kizunaRequestPreset"](UTF8ToString(id));
});

EM_JS(void, kz_js_request_comparison, (const char* id), {
  if (Module["kizunaRequestComparison"]) Module["kizunaRequestComparison"](UTF8ToString(id));
});

EM_JS(void, kz_js_open_url, (const char* url), {
  // The page decides where a site file is (the offline single file holds them as Blobs).
  if (Module["kizunaOpenUrl"]) Module["kizunaOpenUrl"](UTF8ToString(url));
  else window.open(UTF8ToString(url), "_blank", "noopener");
});

EM_JS(void, kz_js_publish_link, (const char* fragment, int push), {
  if (Module["kizunaPublishLink"]) Module["kizunaPublishLink"](UTF8ToString(fragment), push != 0);
});

EM_JS(void, kz_js_copy_link, (const char* fragment), {
  if (Module["kizunaCopyLink"]) Module["kizunaCopyLink"](UTF8ToString(fragment));
});

EM_JS(void, kz_js_request_restore, (), {
  if (Module["kizunaRestore"]) Module["kizunaRestore"]();
});

namespace kz::web {

void CopyEmbedCode(const char* fragment) { kz_js_copy_embed(fragment); }

void RequestFile(const char* what) { kz_js_request_file(what); }

void RequestExerciseList() { kz_js_request_exercise_list(); }
void RequestWorkshop(const char* id) { kz_js_request_workshop(id); }
void RequestJoinDialog() { kz_js_request_join_dialog(); }

void CopyText(const char* text, const char* confirmation) { kz_js_copy_text(text, confirmation); }

void CaptureCanvas(const char* area, float x, float y, float width, float height) { kz_js_capture_canvas(area, x, y, width, height); }

void AutosaveScenario(const char* scenarioJson, const char* fileName) { kz_js_autosave_scenario(scenarioJson, fileName); }

void RequestRestore() { kz_js_request_restore(); }

void PublishLink(const char* fragment, bool push) { kz_js_publish_link(fragment, push ? 1 : 0); }

void CopyShareLink(const char* fragment) { kz_js_copy_link(fragment); }

void OpenUrl(const char* url) { kz_js_open_url(url); }

void RequestComparison(const char* id) { kz_js_request_comparison(id); }

void RequestPreset(const char* id) { kz_js_request_preset(id); }

void PublishFindings(const char* text) { kz_js_publish_findings(text); }

void PublishDataChanged() { kz_js_data_changed(); }

void NotifyStarted() { kz_js_started(); }

void NotifyFirstFrame() { kz_js_first_frame(); }

void SetCanvasCursor(const char* cssCursor) { kz_js_set_cursor(cssCursor); }

void ReportFatal(const char* title, const char* detail) { kz_js_fatal(title, detail); }

int StoredTextSize() { return kz_js_stored_text_size(); }
void StoreTextSize(int size) { kz_js_store_text_size(size); }
bool TourWanted() { return kz_js_tour_wanted() != 0; }
void StoreTourDone() { kz_js_store_tour_done(); }
std::string PageLanguage() { return kz_js_page_language_is_japanese() ? "ja" : "en"; }

void RequestJapaneseFont() { kz_js_request_font(); }

void SetTextInput(bool active, float x, float y, float lineHeight) { kz_js_text_input(active ? 1 : 0, x, y, lineHeight); }

void PublishLanguage(const char* code) { kz_js_publish_language(code); }

}  // namespace kz::web
