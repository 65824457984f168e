// The functions behind window.kizuna (web/js/api.js): plain C exports passing UTF-8 strings. Strings
// returned live in a static buffer until the next call that returns one (the JS side copies them at once).
#include <emscripten/emscripten.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "state/catalog.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "kizuna/link.hpp"
#include "kizuna/results_io.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/version.hpp"
#include "page_api.hpp"
#include "state/problem_text.hpp"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "web_app.hpp"
#include "story_api.hpp"
#include "workshop_api.hpp"

namespace {

std::string& Reply(std::string text) {
  static std::string reply;
  reply = std::move(text);
  return reply;
}

const char* NotRunning() { return Reply(kz::ProblemsJson({{"", "Kizuna is not running yet"}})).c_str(); }

// The one "is the app running?" check of the exports that answer in text: `call` gets the running
// app and returns the reply; before the app starts the reply is the "not running" problem.
template <typename Call>
const char* WithApp(Call&& call) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(call(*app)).c_str();
}

// The same for the exports that answer with a number: `call`'s number, or 0 before the app starts.
template <typename Call>
double NumberOfApp(Call&& call) {
  kz::web::WebApp* app = kz::web::RunningApp();
  return app ? static_cast<double>(call(*app)) : 0.0;
}

// The same for the exports that answer nothing: `call` runs only once the app runs.
template <typename Call>
void IfRunning(Call&& call) {
  if (kz::web::WebApp* app = kz::web::RunningApp()) call(*app);
}

}  // namespace

extern "C" {

/// Project version as a NUL-terminated UTF-8 string (static storage).
EMSCRIPTEN_KEEPALIVE const char* kz_web_version() {
  static const std::string version(kz::Version());
  return version.c_str();
}

/// Build facts as a JSON object string (static storage).
EMSCRIPTEN_KEEPALIVE const char* kz_web_build_info() {
  static const std::string json = [] {
    const kz::BuildInfo info = kz::GetBuildInfo();
    // The values are build-time identifiers without quotes or backslashes, so no escaping is needed.
    return std::string("{\"version\":\"") + std::string(info.version) + "\",\"target\":\"" +
           std::string(info.target) + "\",\"buildType\":\"" + std::string(info.buildType) +
           "\",\"compiler\":\"" + std::string(info.compiler) + "\"}";
  }();
  return json.c_str();
}

/// Median frame time over the last frames, milliseconds (0 before the first frame): see
/// WebApp::Frame for what one frame's time includes.
EMSCRIPTEN_KEEPALIVE double kz_web_frame_ms() {
  return NumberOfApp([](kz::web::WebApp& app) { return app.MedianFrameMs(); });
}

/// Frames drawn since start.
EMSCRIPTEN_KEEPALIVE double kz_web_frame_count() {
  return NumberOfApp([](kz::web::WebApp& app) { return static_cast<double>(app.FrameCount()); });
}

/// Engine runs since start (a lever change re-runs the scenario and its comparison: it changes).
EMSCRIPTEN_KEEPALIVE double kz_web_model_runs() {
  return NumberOfApp([](kz::web::WebApp& app) { return static_cast<double>(app.Ui().session().runs()); });
}

/// Loads a bundled scenario (`text`, with its base's text or "") as preset `id`. Returns problems
/// as JSON ("[]" when loaded); on problems the current scenario stays.
EMSCRIPTEN_KEEPALIVE const char* kz_web_load_scenario(const char* id, const char* text, const char* baseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::ProblemsJson(app.LoadPreset(id, text, baseText));
  });
}

/// The working scenario as scenario JSON.
EMSCRIPTEN_KEEPALIVE const char* kz_web_scenario_json() {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::SaveScenarioJson(app.Ui().session().scenario());
  });
}

/// Replaces the working scenario with scenario JSON (no base). Returns problems ("[]" when done).
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_scenario_json(const char* text) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    kz::Expected<kz::Scenario> scenario = kz::LoadScenarioJson(text);
    if (!scenario) return kz::ProblemsJson(scenario.problems());
    return kz::ProblemsJson(app.Ui().session().Replace(scenario.value()));
  });
}

/// Every lever as JSON (page_api.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_levers_json() {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::LeversJson(app.Ui().session());
  });
}

/// Sets a lever and re-runs. Returns problems ("[]" when done).
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_lever(const char* path, double value) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::ProblemsJson(app.Ui().session().SetLever(path, value));
  });
}

/// The levers whose values differ from the loaded preset's, as JSON (page_api.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_changed_levers_json() {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::LeversJson(app.Ui().session(), true);
  });
}

/// The chart's series as JSON (page_api.hpp), for the page's data table.
EMSCRIPTEN_KEEPALIVE const char* kz_web_chart_json() {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::ChartJson(app.Ui().session(), app.Ui().Chart());
  });
}

/// The summary as JSON (page_api.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_summary_json() {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::SummaryJson(app.Ui().session());
  });
}

/// Selects a region and good (ids; "" keeps the current) and a month (-1 keeps it).
EMSCRIPTEN_KEEPALIVE const char* kz_web_select(const char* region, const char* good, int month) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::ProblemsJson(kz::SelectByIds(app.Ui().session(), region, good, month));
  });
}

/// Sets the comparison: "none", "noEvents" or "preset" ("scenario" is set by kz_web_compare_with).
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_comparison(const char* kind) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const std::string k(kind);
    kz::Session& session = app.Ui().session();
    if (k == "none") session.SetComparison(kz::Comparison::None);
    else if (k == "noEvents") session.SetComparison(kz::Comparison::NoEvents);
    else if (k == "preset") session.SetComparison(kz::Comparison::Preset);
    else if (k == "withoutFrameworks") session.SetComparison(kz::Comparison::WithoutFrameworks);
    else return kz::ProblemsJson({{"comparison", "must be none, noEvents, withoutFrameworks or preset; got '" + k + "'"}});
    return "[]";
  });
}

/// Compares with another scenario (`text` and its base's text or ""), e.g. a framework preset
/// against the shock it answers. Returns problems ("[]" when done); on problems nothing changes.
EMSCRIPTEN_KEEPALIVE const char* kz_web_compare_with(const char* id, const char* text, const char* baseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const std::vector<kz::Problem> problems = app.Ui().session().SetComparisonScenario(text, baseText);
    app.Ui().SetStatus(problems.empty() ? "" : kz::TrFormat("status.cannot-compare", {{"id", id}, {"problem", problems.front().ToString()}}));
    return kz::ProblemsJson(problems);
  });
}

/// The share link of what is on screen (`kind` 0), of the comparison (1), of the view embedded
/// with the Embed dialog's options (2) or of the presenter's story (3): {"link": fragment} or {"problems": [...]}.
EMSCRIPTEN_KEEPALIVE const char* kz_web_link(int kind) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const kz::ShareKind shareKind = kind == 1   ? kz::ShareKind::Comparison
                                    : kind == 2 ? kz::ShareKind::Embed
                                    : kind == 3 ? kz::ShareKind::Story
                                                : kz::ShareKind::View;
    kz::Expected<std::string> link = app.Ui().ShareLink(shareKind);
    if (!link) return "{\"problems\":" + kz::ProblemsJson(link.problems()) + "}";
    return "{\"link\":\"" + link.value() + "\"}";  // base64url: nothing to escape
  });
}

/// Which preset a link needs: {"preset": id} or {"problems": [...]} when it cannot be read.
EMSCRIPTEN_KEEPALIVE const char* kz_web_link_preset(const char* text) {
  kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(text);
  if (!link) return Reply("{\"problems\":" + kz::ProblemsJson(link.problems()) + "}").c_str();
  return Reply("{\"preset\":\"" + link.value().preset + "\"}").c_str();  // ids need no escaping
}

/// Opens a link with its preset's texts. Returns problems ("[]" when open); on problems the
/// current work stays and the top bar says why.
EMSCRIPTEN_KEEPALIVE const char* kz_web_open_link(const char* text, const char* presetText, const char* baseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(text);
    std::vector<kz::Problem> problems = link ? app.Ui().OpenLink(link.value(), presetText, baseText) : link.problems();
    app.Ui().SetStatus(problems.empty() ? "" : kz::TrFormat("page.link-failed", {{"problem", kz::LocalProblemText(problems.front().message, kz::CurrentText())}}));
    if (problems.empty()) app.LinkOpened(link.value().preset);
    return kz::ProblemsJson(problems);
  });
}

/// Opens a scenario file's text (untrusted) with the text of the base it names (or ""), over the
/// bundled preset it names (`presetId` with its texts, or ""s). Returns problems ("[]" when open); on
/// problems the work stays and the top bar names the first.
EMSCRIPTEN_KEEPALIVE const char* kz_web_import(const char* fileName, const char* text, const char* baseText, const char* presetId,
                                               const char* presetText, const char* presetBaseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return Reply(kz::ProblemsJson(app.ImportScenario(fileName, text, baseText, kz::PresetTexts{presetId, presetText, presetBaseText})))
        .c_str();
  });
}

/// The text of an export: "scenario" (scenario JSON), "debrief" (the workshop's debrief CSV) or "csv" (the results, whose header names the
/// link: `pageUrl` with the share fragment, when the work has one). "" for anything else.
EMSCRIPTEN_KEEPALIVE const char* kz_web_export(const char* what, const char* pageUrl) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app || !app->Ui().session().loaded()) return Reply("").c_str();
  const kz::Session& session = app->Ui().session();
  const std::string kind(what);
  if (kind == "scenario") return Reply(kz::SaveScenarioJson(session.scenario())).c_str();
  if (kind == "debrief") {
    const kz::Workshop& workshop = app->Ui().workshop();
    if (!workshop.Active() || !workshop.CurrentDebrief()) return Reply("").c_str();
    return Reply(kz::DebriefCsv(workshop.exercise(), workshop.CurrentDebrief().value())).c_str();
  }
  if (kind != "csv") return Reply("").c_str();
  const kz::Expected<std::string> link = app->Ui().ShareLink();
  return Reply(kz::ResultsToCsv(session.scenario(), session.results(), link ? std::string(pageUrl) + "#" + link.value() : "")).c_str();
}

/// Asks for a PNG of the view ("view") or the chart ("chart"), saved by the page after the next frame.
EMSCRIPTEN_KEEPALIVE void kz_web_request_png(const char* area) {
  IfRunning([&](kz::web::WebApp& app) { app.RequestCapture(area); });
}

/// The embed flags of the view (kizuna/link.hpp EmbedFlag; 0 = the full app).
EMSCRIPTEN_KEEPALIVE double kz_web_embed_flags() {
  return NumberOfApp([](kz::web::WebApp& app) { return static_cast<double>(app.Ui().EmbedFlags()); });
}

/// The exercises the Workshop menu offers, as the site's manifest JSON [{ id, title }].
EMSCRIPTEN_KEEPALIVE void kz_web_set_exercises(const char* json) {
  IfRunning([&](kz::web::WebApp& app) { app.Ui().SetExercises(kz::ParsePresetList(json)); });
}

/// Starts an exercise (its file's text, untrusted) as facilitator over the preset it names (with
/// the base that one names). Returns problems ("[]" when running); on problems the work stays.
EMSCRIPTEN_KEEPALIVE const char* kz_web_workshop_start(const char* exerciseText, const char* presetId, const char* presetText,
                                                       const char* presetBaseId, const char* presetBaseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const std::vector<kz::Problem> problems =
        app.Ui().StartWorkshop(exerciseText, kz::PresetTexts{presetId, presetText, presetBaseText}, presetBaseId);
    if (!problems.empty()) app.Ui().SetStatus(kz::TrFormat("workshop.status.start-failed", {{"problem", problems.front().ToString()}}));
    return kz::ProblemsJson(problems);
  });
}

/// Which exercise a session link needs: {"exercise": id} or {"problems": [...]}.
EMSCRIPTEN_KEEPALIVE const char* kz_web_session_exercise(const char* text) {
  const kz::Expected<kz::SessionLink> link = kz::DecodeSessionLink(kz::SplitTeamLink(text).first);
  if (!link) return Reply("{\"problems\":" + kz::ProblemsJson(link.problems()) + "}").c_str();
  return Reply("{\"exercise\":\"" + link.value().exercise + "\"}").c_str();  // ids need no escaping
}

/// Opens a session or team link with its exercise's and preset's texts. Problems ("[]" when open)
/// leave the work as it was and show in the top bar.
EMSCRIPTEN_KEEPALIVE const char* kz_web_workshop_open(const char* text, const char* exerciseText, const char* presetId,
                                                      const char* presetText, const char* presetBaseId, const char* presetBaseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const std::vector<kz::Problem> problems =
        app.Ui().OpenWorkshopLink(text, exerciseText, kz::PresetTexts{presetId, presetText, presetBaseText}, presetBaseId);
    app.Ui().SetStatus(problems.empty() ? "" : kz::TrFormat("workshop.status.link-failed", {{"problem", kz::LocalProblemText(problems.front().message, kz::CurrentText())}}));
    return kz::ProblemsJson(problems);
  });
}

/// The stable team link a join code names in this exercise: {"link": "w....<team>"} or
/// {"problems": [...]} (path "code.exercise": another exercise's code; the page tries the next).
EMSCRIPTEN_KEEPALIVE const char* kz_web_join_link(const char* code, const char* exerciseText, const char* presetId,
                                                  const char* presetText, const char* presetBaseId, const char* presetBaseText) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    const kz::Expected<std::string> link =
        app.Ui().JoinLink(code, exerciseText, kz::PresetTexts{presetId, presetText, presetBaseText}, presetBaseId);
    if (!link) return "{\"problems\":" + kz::ProblemsJson(link.problems()) + "}";
    return "{\"link\":\"" + link.value() + "\"}";  // base64url and a team id: nothing to escape
  });
}

/// A workshop command (workshop_api.hpp) with its JSON arguments; JSON back.
EMSCRIPTEN_KEEPALIVE const char* kz_web_workshop(const char* command, const char* argJson) {
  return WithApp([&](kz::web::WebApp& app) -> std::string {
    return kz::WorkshopCommand(app.Ui(), command, argJson);
  });
}

/// A story command (story_api.hpp) with its JSON arguments; JSON back.
EMSCRIPTEN_KEEPALIVE const char* kz_web_story(const char* command, const char* argJson) {
  return WithApp([&](kz::web::WebApp& app) -> std::string { return kz::StoryCommand(app.Ui(), command, argJson); });
}

/// Offers autosaved work back (`savedAt` as the page formats it; "" withdraws the offer).
EMSCRIPTEN_KEEPALIVE void kz_web_offer_restore(const char* savedAt) {
  IfRunning([&](kz::web::WebApp& app) { app.Ui().OfferRestore(savedAt); });
}

/// The message in the app's top bar ("" when none): what the last action said (a copied link, a
/// file that could not be opened).
EMSCRIPTEN_KEEPALIVE const char* kz_web_status() {
  kz::web::WebApp* app = kz::web::RunningApp();
  return Reply(app ? app->Ui().statusText() : "").c_str();
}

/// Shows a message in the app's top bar (e.g. a file the page could not fetch); "" clears it.
EMSCRIPTEN_KEEPALIVE void kz_web_set_status(const char* text) {
  IfRunning([&](kz::web::WebApp& app) { app.Ui().SetStatus(text); });
}

/// Where a named control (ui_landmarks.hpp) was drawn, as JSON { x, y, width, height, scrollY,
/// scrollMaxY } in CSS pixels (a window's scroll; 0 for a control), or "null" when it has not been drawn.
EMSCRIPTEN_KEEPALIVE const char* kz_web_ui_rect(const char* name) {
  const std::optional<kz::LandmarkRect> rect = kz::FindLandmark(name);
  if (!rect) return Reply("null").c_str();
  // Landmarks are recorded in ImGui's coordinates, the drawing buffer's pixels: the page's are CSS pixels.
  const kz::web::WebApp* app = kz::web::RunningApp();
  const double ratio = app ? app->PixelRatio() : 1.0;
  const auto css = [ratio](float value) { return std::to_string(value / ratio); };
  return Reply("{\"x\":" + css(rect->x) + ",\"y\":" + css(rect->y) + ",\"width\":" + css(rect->width) +
               ",\"height\":" + css(rect->height) + ",\"scrollY\":" + css(rect->scrollY) +
               ",\"scrollMaxY\":" + css(rect->scrollMaxY) + "}").c_str();
}

/// 1 when the point (CSS pixels) is on an app panel that scrolls vertically, 0 on the map or a panel
/// with nothing to scroll: js/touch.js makes a swipe there a scroll, not a drag. Read from the last
/// frame's windows, not the hovered one, so it answers at once for a finger that just landed.
EMSCRIPTEN_KEEPALIVE int kz_web_panel_scrolls_at(double x, double y) {
  const ImGuiContext* context = ImGui::GetCurrentContext();
  kz::web::WebApp* app = kz::web::RunningApp();
  if (context == nullptr || app == nullptr) return 0;
  const ImVec2 point(static_cast<float>(x * app->PixelRatio()), static_cast<float>(y * app->PixelRatio()));
  for (int i = context->Windows.Size - 1; i >= 0; --i) {  // back to front: the first hit is on top
    const ImGuiWindow* window = context->Windows[i];
    if (!window->WasActive || window->Hidden || !window->OuterRectClipped.Contains(point)) continue;
    for (; window != nullptr; window = window->ParentWindow) {
      if (window->ScrollMax.y > 0.0f) return 1;
    }
    return 0;
  }
  return 0;
}

/// The bundled scenarios the picker offers, as JSON [{ id, title, narrative }] (the site's manifest).
EMSCRIPTEN_KEEPALIVE void kz_web_set_presets(const char* json, const char* currentId) {
  IfRunning([&](kz::web::WebApp& app) { app.SetPresets(json, currentId); });
}

/// The scenario region id under the pointer on the world map, or "" (storage valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* kz_web_map_hovered() {
  static std::string id;
  kz::web::WebApp* app = kz::web::RunningApp();
  const int region = app ? app->World().Panel().HoveredRegion() : -1;
  id = region >= 0 ? app->World().RegionIds()[static_cast<std::size_t>(region)] : "";
  return id.c_str();
}

/// Where a point (degrees) is on the canvas in CSS pixels at the current view: x for axis 0, y for 1.
EMSCRIPTEN_KEEPALIVE double kz_web_map_screen(double lon, double lat, int axis) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (app == nullptr) return 0.0;
  const kz::MapPanel& panel = app->World().Panel();
  const kz::ScreenPoint point = kz::LonLatToScreen(panel.View(), panel.Viewport(), {lon, lat});
  return axis == 0 ? point.x : point.y;
}

/// The catalog text of `key` in the UI's language (for the page's own messages; storage valid
/// until the next call that returns a string).
EMSCRIPTEN_KEEPALIVE const char* kz_web_tr(const char* key) { return Reply(kz::Tr(key)).c_str(); }

/// A core problem message in the UI's language where the catalogs word it (src/app/problem_text.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_problem_text(const char* message) { return Reply(kz::LocalProblemText(message, kz::CurrentText())).c_str(); }

/// The UI's language: "en" or "ja" (static storage).
// Text the last frame drew cut (panels/ui_text.hpp), as a JSON array of strings: the no-clipping tests' hook.
EMSCRIPTEN_KEEPALIVE const char* kz_web_clipped_text() {
  return WithApp([&](kz::web::WebApp&) -> std::string {
    std::string json = "[";
    for (const std::string& text : kz::ClippedTextLastFrame()) {
      if (json.size() > 1) json += ",";
      json += "\"";
      for (const char c : text) {
        if (c == '"' || c == '\\') json += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) json += c;
      }
      json += "\"";
    }
    return json + "]";
  });
}

// The Analysis window's text as the last frame drew it ("" when closed): tests check it reads as words.
EMSCRIPTEN_KEEPALIVE const char* kz_web_analysis_text() {
  return WithApp([&](kz::web::WebApp& app) -> std::string { return app.Ui().AnalysisTextShown(); });
}

EMSCRIPTEN_KEEPALIVE const char* kz_web_language() {
  kz::web::WebApp* app = kz::web::RunningApp();
  return kz::LanguageCode(app ? app->Ui().CurrentUiLanguage() : kz::CurrentLanguage());
}

/// Switches the UI's language ("en" or "ja"; a region suffix such as "ja-JP" is ignored); 1 when
/// the code names a language the app speaks, else 0 and nothing changes.
EMSCRIPTEN_KEEPALIVE int kz_web_set_language(const char* code) {
  kz::web::WebApp* app = kz::web::RunningApp();
  const std::string_view text(code);
  if (app == nullptr || (text.substr(0, 2) != "en" && text.substr(0, 2) != "ja")) return 0;
  app->Ui().SetLanguage(kz::LanguageFromCode(text));
  return 1;
}

/// The Japanese font subset the page fetched (copied; `size` bytes). Merged into the atlas next frame.
EMSCRIPTEN_KEEPALIVE void kz_web_font_loaded(const unsigned char* data, int size) {
  if (kz::web::WebApp* app = kz::web::RunningApp(); app != nullptr && data != nullptr && size > 0) {
    app->SetJapaneseFont(std::vector<unsigned char>(data, data + size));
  }
}

/// Text the page's hidden text area received (composed by an IME, pasted or inserted), for the
/// ImGui text field that has the keyboard.
EMSCRIPTEN_KEEPALIVE void kz_web_text_input(const char* utf8) {
  if (kz::web::RunningApp() != nullptr) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

}  // extern "C"
