// The browser host: owns the GLFW window (the page's canvas), the WebGL2 context, Dear ImGui's GLFW
// backend, the backdrop, the world map and the ImGui renderer, and runs one frame of the app per
// animation frame.
#pragma once

#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include "app.hpp"
#include "backdrop.hpp"
#include "state/frame_stats.hpp"
#include "imgui_renderer.hpp"
#include "web_canvas.hpp"
#include "world_map.hpp"

namespace kz::web {

class WebApp {
 public:
  /// Creates the context and backends. On failure reports a fatal message to the page and returns false.
  bool Init();
  /// One frame: resize, build UI, draw. Called by the browser's animation-frame loop. Its duration,
  /// recorded in the frame statistics, runs from entry to return on the main thread (wall clock,
  /// emscripten_get_now): canvas sizing, input, the whole UI including any model re-run that a lever
  /// or selection change in this frame triggers, and submitting the GL commands. Not included: the GPU
  /// process executing those commands (rasterising, under SwiftShader on the CPU), compositing, the
  /// browser's own work between frames, and page-API calls made outside frames (kizuna.setLever).
  void Frame();
  /// Median frame time over the last FrameStats::kCapacity frames (ms), for kizuna.stats().
  double MedianFrameMs() const { return frameStats.MedianMs(); }
  /// Frames drawn so far.
  long long FrameCount() const { return frameStats.FrameCount(); }
  /// The world map's state (hovered region, view), for kizuna.map() and kizuna.mapPoint().
  WorldView& World() { return app.World(); }

  /// Device pixels per CSS pixel of the last frame: ImGui's coordinates are drawing-buffer pixels.
  double PixelRatio() const { return canvas.pixelRatio > 0.0 ? canvas.pixelRatio : 1.0; }
  /// The UI (for the page API).
  kz::App& Ui() { return app; }
  /// Loads a bundled scenario fetched by the page; problems leave the current one showing.
  std::vector<Problem> LoadPreset(const std::string& id, const std::string& text, const std::string& baseText);
  /// After a link opened: the picker shows its preset and the address bar keeps the link as is.
  void LinkOpened(const std::string& presetId);
  /// Opens a scenario file the page read (a picked or dropped file, or restored autosaved work),
  /// over `preset` (the bundled scenario it names, when the page found one): App::ImportScenario.
  std::vector<Problem> ImportScenario(const std::string& fileName, const std::string& text, const std::string& baseText,
                                      const PresetTexts& preset);
  /// A PNG of the view ("view") or the chart ("chart") is wanted: taken right after the next frame
  /// is drawn, while the canvas still holds it.
  void RequestCapture(std::string area) { captureArea = std::move(area); }
  /// The Japanese font subset, fetched by the page when Japanese was first chosen: merged into the
  /// atlas at the next frame.
  void SetJapaneseFont(std::vector<unsigned char> bytes);
  /// The picker's list, as the site's manifest JSON ([{ id, title }]).
  void SetPresets(const std::string& manifestJson, const std::string& currentId);

 private:
  void UpdateUiScale(const CanvasSize& size);
  void FollowLanguage();
  void FollowTextInput();
  void UpdateCursor();
  void DrawWorldMap();
  void FollowAddressBar();
  void PublishWork();
  void HandleRequests();
  void Share(ShareKind kind);
  void File(FileAction action);
  void CaptureIfRequested();
  void PublishDataTable();

  GLFWwindow* window = nullptr;
  App app;
  Backdrop backdrop;
  ImGuiRenderer imguiRenderer;  // ours, not ImGui's OpenGL3 backend: it never reads GL state back
  WorldMap worldMap;
  bool worldMapReady = false;  // uploaded once the app has loaded the mesh and the scenario's regions
  FrameStats frameStats;
  CanvasSize canvas;
  int cursor = -2;       // ImGuiMouseCursor last applied; -2 = none applied yet
  float uiScale = 0.0f;  // 0 until the first frame sets it: pixel ratio x body text size / kBaseFontPx
  float pixelRatio = 0.0f;  // the atlas's device pixel ratio
  float bodyPx = 0.0f;      // the atlas's body text size, CSS pixels
  TextSize storedTextSize = TextSize::Normal;  // the setting last remembered in the browser
  std::vector<PresetInfo> presets;
  std::string currentPreset;
  bool notifiedFirstFrame = false;  // the page was told a frame with a scenario is on screen
  int publishedResults = -1;  // Session::resultsVersion() last put into the page
  std::string publishedDataKey;  // what the page's data table was last told to show (PublishDataTable)
  std::string publishedLinkKey;  // App::LinkStateKey() of the link last put into the address bar
  int publishedEdits = -1;       // Session::editsVersion() then: new edits push a history entry
  bool inDragEntry = false;      // the drag under way has pushed its history entry
  double lastPublishMs = 0.0;    // when the address bar was last written (ms, emscripten_get_now)
  int savedFileEdits = -1;       // Session::editsVersion() of work from a file last autosaved as JSON
  std::string captureArea;       // "view" or "chart" when a PNG is wanted after this frame; "" = none
  std::vector<unsigned char> japaneseFont;  // the subset's bytes (the atlas points into them); empty = not loaded
  bool fontRequested = false;    // the page was asked to fetch the Japanese font
  bool atlasStale = false;       // a font arrived: rebuild the atlas at the next frame
  Language publishedLanguage = Language::English;
  bool textInputShown = false;   // the page's hidden text area is focused for an ImGui text field
};

/// The running app, for the exported page API (web_api.cpp). Null before Init succeeds.
WebApp* RunningApp();

}  // namespace kz::web
