// The functions behind window.kizuna (web/loader.js): plain C exports passing UTF-8 strings. Strings
// returned live in a static buffer until the next call that returns one (the JS side copies them at once).
#include <emscripten/emscripten.h>

#include <string>

#include "kizuna/scenario_json.hpp"
#include "kizuna/version.hpp"
#include "page_api.hpp"
#include "web_app.hpp"

namespace {

std::string& Reply(std::string text) {
  static std::string reply;
  reply = std::move(text);
  return reply;
}

const char* NotRunning() { return Reply(kz::ProblemsJson({{"", "Kizuna is not running yet"}})).c_str(); }

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
  const kz::web::WebApp* app = kz::web::RunningApp();
  return app ? app->MedianFrameMs() : 0.0;
}

/// Frames drawn since start.
EMSCRIPTEN_KEEPALIVE double kz_web_frame_count() {
  const kz::web::WebApp* app = kz::web::RunningApp();
  return app ? static_cast<double>(app->FrameCount()) : 0.0;
}

/// Engine runs since start (a lever change re-runs the scenario and its comparison: it changes).
EMSCRIPTEN_KEEPALIVE double kz_web_model_runs() {
  kz::web::WebApp* app = kz::web::RunningApp();
  return app ? static_cast<double>(app->Ui().session().runs()) : 0.0;
}

/// Loads a bundled scenario (`text`, with its base's text or "") as preset `id`. Returns problems
/// as JSON ("[]" when loaded); on problems the current scenario stays.
EMSCRIPTEN_KEEPALIVE const char* kz_web_load_scenario(const char* id, const char* text, const char* baseText) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::ProblemsJson(app->LoadPreset(id, text, baseText))).c_str();
}

/// The working scenario as scenario JSON.
EMSCRIPTEN_KEEPALIVE const char* kz_web_scenario_json() {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::SaveScenarioJson(app->Ui().session().scenario())).c_str();
}

/// Replaces the working scenario with scenario JSON (no base). Returns problems ("[]" when done).
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_scenario_json(const char* text) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  kz::Expected<kz::Scenario> scenario = kz::LoadScenarioJson(text);
  if (!scenario) return Reply(kz::ProblemsJson(scenario.problems())).c_str();
  return Reply(kz::ProblemsJson(app->Ui().session().Replace(scenario.value()))).c_str();
}

/// Every lever as JSON (page_api.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_levers_json() {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::LeversJson(app->Ui().session())).c_str();
}

/// Sets a lever and re-runs. Returns problems ("[]" when done).
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_lever(const char* path, double value) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::ProblemsJson(app->Ui().session().SetLever(path, value))).c_str();
}

/// The summary as JSON (page_api.hpp).
EMSCRIPTEN_KEEPALIVE const char* kz_web_summary_json() {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::SummaryJson(app->Ui().session())).c_str();
}

/// Selects a region and good (ids; "" keeps the current) and a month (-1 keeps it).
EMSCRIPTEN_KEEPALIVE const char* kz_web_select(const char* region, const char* good, int month) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  return Reply(kz::ProblemsJson(kz::SelectByIds(app->Ui().session(), region, good, month))).c_str();
}

/// Sets the comparison: "none", "noEvents" or "preset".
EMSCRIPTEN_KEEPALIVE const char* kz_web_set_comparison(const char* kind) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (!app) return NotRunning();
  const std::string k(kind);
  kz::Session& session = app->Ui().session();
  if (k == "none") session.SetComparison(kz::Comparison::None);
  else if (k == "noEvents") session.SetComparison(kz::Comparison::NoEvents);
  else if (k == "preset") session.SetComparison(kz::Comparison::Preset);
  else return Reply(kz::ProblemsJson({{"comparison", "must be none, noEvents or preset; got '" + k + "'"}})).c_str();
  return Reply("[]").c_str();
}

/// The bundled scenarios the picker offers, as JSON [{ id, title }] (from the site's manifest).
EMSCRIPTEN_KEEPALIVE void kz_web_set_presets(const char* json, const char* currentId) {
  kz::web::WebApp* app = kz::web::RunningApp();
  if (app) app->SetPresets(json, currentId);
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

}  // extern "C"
