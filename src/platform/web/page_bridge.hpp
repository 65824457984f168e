// Calls from the wasm app into the page's JavaScript (web/js/main.js installs the other side).
#pragma once

#include <string>

namespace kz::web {

/// Tells the page the app is running (before its first frame): the page opens the default scenario
/// now, so the first frame drawn already shows it.
void NotifyStarted();

/// Tells the page the first frame with a scenario is on screen: resolves `kizuna.ready` and hides
/// the loader.
void NotifyFirstFrame();

/// Sets the canvas's CSS cursor (e.g. "default", "text", "ew-resize").
void SetCanvasCursor(const char* cssCursor);

/// Shows a fatal message over the canvas and rejects `kizuna.ready`. Strings are copied.
void ReportFatal(const char* title, const char* detail);

/// Asks the page to fetch bundled scenario `id` (and its base) and load it (kz_web_load_scenario).
void RequestPreset(const char* id);

/// Asks the page to fetch bundled scenario `id` (and its base) and compare with it (kz_web_compare_with).
void RequestComparison(const char* id);

/// Opens `url` (site-relative or a source's address) in a new browser tab.
void OpenUrl(const char* url);

/// Puts `fragment` into the address bar: a new history entry when `push`, else in place.
void PublishLink(const char* fragment, bool push);
/// Copies the page's address with `fragment` to the clipboard and confirms in the app's status line.
void CopyShareLink(const char* fragment);

/// Copies an iframe's HTML showing the page's address with `fragment` (an embed link) and confirms.
void CopyEmbedCode(const char* fragment);

/// Asks the page to fetch the site's exercise manifest and pass it to kz_web_set_exercises.
void RequestExerciseList();

/// Asks the page to fetch exercise `id` (and the preset it names) and start it (kz_web_workshop_start).
void RequestWorkshop(const char* id);

/// Asks the page to show its join dialog (a team's join code; js/join_dialog.js).
void RequestJoinDialog();

/// Copies `text` to the clipboard and shows `confirmation` in the app's status line.
void CopyText(const char* text, const char* confirmation);

/// A File menu entry for the page: "open" (the file picker), "scenario", "csv" or "debrief" (a
/// download of kz_web_export's text).
void RequestFile(const char* what);

/// Saves the canvas as a PNG download: the whole view ("view"), or the rectangle given in ImGui
/// coordinates (CSS pixels) for "chart". Call right after drawing, while the canvas holds the frame.
void CaptureCanvas(const char* area, float x, float y, float width, float height);

/// Keeps work that has no link (a scenario opened from a file) in the page's autosave, as JSON.
void AutosaveScenario(const char* scenarioJson, const char* fileName);

/// The user accepted the offer of autosaved work: the page opens the saved link.
void RequestRestore();

/// Puts the key findings into the page's ARIA live region (#findings), for screen readers, and
/// tells an embedding page (postMessage "change").
void PublishFindings(const char* text);

/// Tells the page that what its data table mirrors (summary, levers, chart) changed: it reads them
/// back through the page API, after this frame.
void PublishDataChanged();

/// The language the page chose before the app started: "en" or "ja" (from navigator.languages).
std::string PageLanguage();
/// The text-size setting remembered from an earlier visit (-1 smaller, 0 normal, 1 larger).
int StoredTextSize();
/// Remembers the text-size setting for later visits (browser storage; nothing when it is unavailable).
void StoreTextSize(int size);
/// Whether to offer the first-visit tour: the reader has not dismissed it in this browser, and the
/// browser is not driven by automation (navigator.webdriver).
bool TourWanted();
/// Remembers that the reader dismissed the tour (browser storage; nothing when it is unavailable).
void StoreTourDone();

/// Asks the page to fetch the Japanese font subset; it answers with kz_web_font_loaded.
void RequestJapaneseFont();

/// Tells the page whether an ImGui text field has the keyboard, and where its caret is (CSS
/// pixels): the page then focuses a hidden text area there, so the browser's IME composes into it
/// and pasted text arrives (both forwarded with kz_web_text_input).
void SetTextInput(bool active, float x, float y, float lineHeight);

/// Tells the page the UI's language changed (for the document's lang attribute).
void PublishLanguage(const char* code);

}  // namespace kz::web
