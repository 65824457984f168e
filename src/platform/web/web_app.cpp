// Browser host: GLFW (Emscripten's JS implementation) + WebGL2 + Dear ImGui backends.
#include "web_app.hpp"

#include <emscripten.h>

#include <optional>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "page_api.hpp"
#include "page_bridge.hpp"
#include "ui_scale.hpp"
#include "web_analysis.hpp"

namespace kz::web {
namespace {
constexpr const char* kCanvasSelector = "#canvas";
WebApp* runningApp = nullptr;

// CSS names for ImGui's cursor shapes, indexed by ImGuiMouseCursor.
const char* CssCursor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}
}  // namespace

WebApp* RunningApp() { return runningApp; }

void WebApp::UpdateCursor() {
  const ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
  if (wanted == cursor) return;
  cursor = wanted;
  SetCanvasCursor(CssCursor(cursor));
}

bool WebApp::Init() {
  if (!glfwInit()) {
    ReportFatal("Kizuna could not start", "The windowing layer (GLFW) failed to initialise.");
    return false;
  }
  // web/loader.js creates the canvas's context early with the attributes these hints give: keep both in step.
  glfwWindowHint(GLFW_ALPHA_BITS, 0);  // opaque canvas: the page behind never shows through
  glfwWindowHint(GLFW_DEPTH_BITS, 0);  // 2D drawing only
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  window = glfwCreateWindow(1280, 720, "Kizuna", nullptr, nullptr);
  if (window == nullptr) {
    ReportFatal("WebGL2 is not available",
                "Kizuna draws with WebGL2, which this browser or device could not provide. Try a current "
                "Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.");
    return false;
  }
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout persistence belongs to the app's own state, not imgui.ini
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // Emscripten's GLFW turns cursor changes into pointer-lock calls that the browser refuses; the
  // cursor shape is set through CSS instead (UpdateCursor).
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  ImGui_ImplGlfw_InitForOpenGL(window, true);

  std::string error;
  if (!backdrop.Init(error) || !imguiRenderer.Init(error)) {
    ReportFatal("Kizuna could not compile its shaders", error.c_str());
    return false;
  }
  runningApp = this;
  NotifyStarted();
  return true;
}

std::vector<Problem> WebApp::LoadPreset(const std::string& id, const std::string& text, const std::string& baseText) {
  std::vector<Problem> problems = app.session().Load(text, baseText);
  if (problems.empty()) {
    currentPreset = id;
    app.SetPresets(presets, currentPreset);
    app.SetStatus("");
    publishedEdits = app.session().editsVersion();  // a new page state, not a step to go back to
  } else {
    app.SetStatus(id + " could not be loaded: " + problems.front().ToString());
  }
  return problems;
}

void WebApp::LinkOpened(const std::string& presetId) {
  currentPreset = presetId;
  app.SetPresets(presets, currentPreset);
  publishedEdits = app.session().editsVersion();
}

// The address bar always holds the link of what is on screen: edits push a history entry (so Back
// steps through them), view changes replace it; nothing is published mid-drag. Share copies it.
void WebApp::FollowAddressBar() {
  if (app.TakeRestoreRequest()) RequestRestore();
  if (app.TakeShareRequest()) {
    Expected<std::string> link = app.ShareLink();
    if (link) CopyShareLink(link.value().c_str());
    else app.SetStatus("This view cannot be shared as a link: " + link.problems().front().message);
  }
  if (ImGui::IsAnyItemActive() || !app.session().loaded()) return;
  std::string key = app.LinkStateKey();
  if (key == publishedLinkKey) return;
  publishedLinkKey = std::move(key);
  Expected<std::string> link = app.ShareLink();
  if (!link) return;  // e.g. a scenario replaced through the page API: the address keeps the last link
  const bool edited = app.session().editsVersion() != publishedEdits;
  publishedEdits = app.session().editsVersion();
  PublishLink(link.value().c_str(), edited);
}

// The page's data table follows runs, the selection and the chart's settings (what LinkStateKey
// covers, plus the comparison's kind), not every frame, and not mid-drag.
void WebApp::PublishDataTable() {
  if (ImGui::IsAnyItemActive() || !app.session().loaded()) return;
  std::string key = app.LinkStateKey() + "/" + ComparisonKey(app.session().comparison());
  if (key == publishedDataKey) return;
  publishedDataKey = std::move(key);
  PublishDataChanged();
}

void WebApp::SetPresets(const std::string& manifestJson, const std::string& currentId) {
  presets = ParsePresetList(manifestJson);
  currentPreset = currentId;
  app.SetPresets(presets, currentPreset);
}

void WebApp::UpdateUiScale(double pixelRatio) {
  const float wanted = UiScaleFromPixelRatio(pixelRatio);
  if (wanted == uiScale) return;
  uiScale = wanted;
  ApplyUiScale(uiScale);
  imguiRenderer.UploadFontTexture();  // the atlas was rebuilt at the new size
}

// The map is the backdrop's foreground: uploaded after the app's first frame (which loads the mesh
// and the scenario), then drawn every frame with the view and scene the app's map panel keeps. The
// map draws the backdrop into its cached layer; before it is ready the backdrop is drawn alone.
void WebApp::DrawWorldMap() {
  WorldView& world = app.World();
  if (!worldMapReady && world.Mesh() != nullptr && !world.RegionIds().empty()) {
    std::string error;
    if (!worldMap.Init(*world.Mesh(), world.RegionIds(), error)) ReportFatal("Kizuna could not compile its map shaders", error.c_str());
    worldMapReady = true;
  }
  if (!worldMapReady) {
    backdrop.Draw(canvas.framebufferWidth, canvas.framebufferHeight, static_cast<float>(canvas.pixelRatio));
    return;
  }
  worldMap.Draw(world.Panel().View(), world.Panel().Viewport(), canvas.framebufferWidth, canvas.framebufferHeight,
                static_cast<float>(canvas.pixelRatio), world.Scene(), emscripten_get_now() / 1000.0, backdrop);
}

void WebApp::Frame() {
  const double start = emscripten_get_now();
  canvas = SyncCanvasSize(kCanvasSelector, canvas);
  UpdateUiScale(canvas.pixelRatio);

  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.Frame(FrameContext{.frameMs = frameStats.MedianMs(), .uiScale = uiScale});
  ImGui::Render();
  UpdateCursor();
  if (std::optional<std::string> preset = app.TakePresetRequest()) RequestPreset(preset->c_str());
  if (std::optional<std::string> other = app.TakeComparisonRequest()) RequestComparison(other->c_str());
  if (std::optional<std::string> url = app.TakeUrlRequest()) OpenUrl(url->c_str());
  FollowAddressBar();
  ForwardAnalysisRequests(app);
  if (app.session().findingsVersion() != publishedFindings) {
    publishedFindings = app.session().findingsVersion();
    PublishFindings(app.session().findings().paragraph.c_str());
  }
  PublishDataTable();

  DrawWorldMap();  // the backdrop, then the map over it
  imguiRenderer.Draw(*ImGui::GetDrawData(), canvas.framebufferWidth, canvas.framebufferHeight);

  frameStats.Record(emscripten_get_now() - start);
  if (!notifiedFirstFrame && app.session().loaded()) {  // ready means the scenario is on screen
    notifiedFirstFrame = true;
    NotifyFirstFrame();
  }
}

}  // namespace kz::web
