// The functions behind window.kizuna (web/loader.js): plain C exports, read-only for now.
#include <emscripten/emscripten.h>

#include <string>

#include "kizuna/version.hpp"
#include "web_app.hpp"

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

/// Median CPU time per frame over the last frames, milliseconds (0 before the first frame).
EMSCRIPTEN_KEEPALIVE double kz_web_frame_ms() {
  const kz::web::WebApp* app = kz::web::RunningApp();
  return app ? app->MedianFrameMs() : 0.0;
}

/// Frames drawn since start.
EMSCRIPTEN_KEEPALIVE double kz_web_frame_count() {
  const kz::web::WebApp* app = kz::web::RunningApp();
  return app ? static_cast<double>(app->FrameCount()) : 0.0;
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
