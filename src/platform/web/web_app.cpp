// Browser host: GLFW (Emscripten's JS implementation) + WebGL2 + Dear ImGui backends.
#include "web_app.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <optional>
#include <string>
#include <variant>

#include "imgui.h"
#include "imgui_internal.h"  // the IME caret position (ImGuiContext::PlatformImeData)
#include "imgui_impl_glfw.h"
#include "kizuna/scenario_json.hpp"
#include "page_api.hpp"
#include "page_bridge.hpp"
#include "panels/ui_landmarks.hpp"
#include "latin_font.hpp"
#include "panels/ui_scale.hpp"
#include "typing_keys.hpp"
#include "web_analysis.hpp"

namespace kz::web {
namespace {

// The wheel for ImGui, as the GLFW backend feeds it (100 pixels, 3 lines or 1/80 page a step), but
// heard on the canvas: the backend listens on the document, where browsers make wheel listeners
// passive and log an error for its preventDefault at every step of a reader's scrolling.
EM_BOOL CanvasWheel(int, const EmscriptenWheelEvent* event, void*) {
  const float perStep = event->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100.0f : event->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f : 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(event->deltaX) * -perStep, static_cast<float>(event->deltaY) * -perStep);
  return EM_TRUE;  // the canvas scrolls its panels, not the page
}


// std::visit over a PlatformRequest with one lambda per request type.
template <typename... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <typename... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;
constexpr const char* kCanvasSelector = "#canvas";
WebApp* runningApp = nullptr;
constexpr double kDragPublishMs = 250.0;  // how often a drag may rewrite the address bar

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
  // the page (web/js/loading.js) creates the canvas's context early with the attributes these hints give: keep both in step.
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
  InstallTypingKeyFilter(window);  // typed text arrives whole each frame, even at a low frame rate
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, CanvasWheel);
  storedTextSize = static_cast<TextSize>(StoredTextSize());
  app.SetTextSizeSetting(storedTextSize);  // the reader's choice from an earlier visit
  if (TourWanted()) app.OfferTour();        // a first visit: the tour opens with the first scenario
  app.SetLanguage(LanguageFromCode(PageLanguage()));  // before the first frame: it speaks it already (and so do the session and workshop)

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
    app.SetStatus(TrFormat("status.preset-failed", {{"id", id}, {"problem", problems.front().ToString()}}));
  }
  return problems;
}

void WebApp::LinkOpened(const std::string& presetId) {
  currentPreset = presetId;
  app.SetPresets(presets, currentPreset);
  publishedEdits = app.session().editsVersion();
}

std::vector<Problem> WebApp::ImportScenario(const std::string& fileName, const std::string& text, const std::string& baseText,
                                            const PresetTexts& preset) {
  std::vector<Problem> problems = app.ImportScenario(fileName, text, baseText, preset);
  if (!problems.empty()) return problems;
  if (app.OpenedFile().empty()) {  // a change of a bundled preset: links carry it
    currentPreset = preset.id;
    publishedEdits = app.session().editsVersion();
  }
  return problems;
}

void WebApp::Share(ShareKind kind) {
  Expected<std::string> link = app.ShareLink(kind);
  if (!link) app.SetStatus(TrFormat("status.cannot-share", {{"problem", link.problems().front().message}}));
  else if (kind == ShareKind::Embed) CopyEmbedCode(link.value().c_str());
  else CopyShareLink(link.value().c_str());
}

void WebApp::File(FileAction action) {
  switch (action) {
    case FileAction::OpenScenario: RequestFile("open"); break;
    case FileAction::ExportScenario: RequestFile("scenario"); break;
    case FileAction::ExportResultsCsv: RequestFile("csv"); break;
    case FileAction::ExportViewPng: captureArea = "view"; break;
    case FileAction::ExportChartPng: captureArea = "chart"; break;
    case FileAction::ExportDebriefCsv: RequestFile("debrief"); break;
    case FileAction::ExportDebriefPng: captureArea = "debrief"; break;
  }
}

// Carries out what the app asked of the page this frame, in the order it asked.
void WebApp::HandleRequests() {
  for (PlatformRequest& request : app.TakeRequests()) {
    std::visit(Overloaded{[&](const PresetRequest& r) { RequestPreset(r.id.c_str()); },
                          [&](const ComparisonRequest& r) { RequestComparison(r.id.c_str()); },
                          [&](const UrlRequest& r) { OpenUrl(r.url.c_str()); },
                          [&](const ShareRequest& r) { Share(r.kind); },
                          [&](const FileRequest& r) { File(r.action); },
                          [&](const RestoreRequest&) { RequestRestore(); },
                          [&](const ExerciseListRequest&) { RequestExerciseList(); },
                          [&](const WorkshopRequest& r) { RequestWorkshop(r.exercise.c_str()); },
                          [&](const CopyRequest& r) { CopyText(r.text.c_str(), r.confirmation.c_str()); },
                          [&](const JoinRequest&) { RequestJoinDialog(); }},
               request);
  }
}

// The address bar always holds the link of what is on screen: edits push a history entry (so Back
// steps through them), view changes replace it; a drag pushes one entry and replaces it as it goes
// (at most every kDragPublishMs). Share copies it. An embedded view leaves the address, the history
// and the autosave alone: they are the host page's.
void WebApp::FollowAddressBar() {
  if (!app.session().loaded() || app.Embedded()) return;
  const bool dragging = ImGui::IsAnyItemActive();
  if (!app.OpenedFile().empty()) {
    if (!dragging) PublishWork();
    return;
  }
  std::string key = app.LinkStateKey();
  if (key == publishedLinkKey) {
    if (!dragging) inDragEntry = false;
    return;
  }
  const double now = emscripten_get_now();
  if (dragging && now - lastPublishMs < kDragPublishMs) return;  // browsers throttle history calls
  publishedLinkKey = std::move(key);
  Expected<std::string> link = app.AddressLink();
  if (!link) return;  // e.g. a scenario replaced through the page API: the address keeps the last link
  const bool edited = app.session().editsVersion() != publishedEdits;
  publishedEdits = app.session().editsVersion();
  // A drag's first edit makes its history entry; the rest of the drag, and its release, update it.
  const bool push = edited && !inDragEntry;
  inDragEntry = dragging && (inDragEntry || edited);
  lastPublishMs = now;
  PublishLink(link.value().c_str(), push);
}

// Work opened from a file has no link: its JSON is what the autosave keeps.
void WebApp::PublishWork() {
  if (app.session().editsVersion() == savedFileEdits) return;
  savedFileEdits = app.session().editsVersion();
  AutosaveScenario(SaveScenarioJson(app.session().scenario()).c_str(), app.OpenedFile().c_str());
}

// After the frame is drawn, so the canvas holds it; the chart's window (or the debrief's chart) as
// the app laid it out.
void WebApp::CaptureIfRequested() {
  if (captureArea.empty()) return;
  const bool whole = captureArea == "view";
  const std::optional<LandmarkRect> chart = FindLandmark(captureArea == "debrief" ? "workshop-debrief-chart" : "chart-window");
  if (!whole && !chart) {
    app.SetStatus(Tr("status.no-chart"));
  } else {
    const LandmarkRect rect = whole ? LandmarkRect{} : *chart;
    CaptureCanvas(captureArea.c_str(), rect.x, rect.y, rect.width, rect.height);
  }
  captureArea.clear();
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

// Text follows the window's CSS size and the reader's setting (remembered); the atlas is rebuilt only
// when the whole-pixel body size, the pixel ratio or the fonts change.
void WebApp::UpdateUiScale(const CanvasSize& size) {
  const float ratio = UiScaleFromPixelRatio(size.pixelRatio);
  const TextSize setting = app.TextSizeSetting();
  if (setting != storedTextSize) {
    storedTextSize = setting;
    StoreTextSize(static_cast<int>(setting));
  }
  const float cssWidth = static_cast<float>(size.framebufferWidth / size.pixelRatio);
  const float cssHeight = static_cast<float>(size.framebufferHeight / size.pixelRatio);
  const float body = BodyTextPx(cssWidth, cssHeight, setting);
  if (ratio == pixelRatio && body == bodyPx && !atlasStale) return;
  pixelRatio = ratio;
  bodyPx = body;
  uiScale = ratio * body / kBaseFontPx;  // panels size their widths in body-text units
  atlasStale = false;
  const ExtraFont japanese{japaneseFont.empty() ? nullptr : japaneseFont.data(), static_cast<int>(japaneseFont.size())};
  ApplyUiFonts(ratio, body, UiFaces{LatinRegularFont(), LatinBoldFont(), japanese});
  imguiRenderer.UploadFontTexture();  // the atlas was rebuilt at the new size
}

void WebApp::SetJapaneseFont(std::vector<unsigned char> bytes) {
  japaneseFont = std::move(bytes);  // the next frame's atlas points into these bytes
  atlasStale = true;
}

namespace {

// A story's captions may be in Japanese whatever the UI's language (lead bytes from U+3000 on:
// CJK punctuation, kana, kanji, full-width forms).
bool StoryNeedsJapaneseGlyphs(const Story& story) {
  for (const StoryStep& step : story.Steps()) {
    for (const char c : step.caption) {
      if (static_cast<unsigned char>(c) >= 0xE3 && static_cast<unsigned char>(c) <= 0xEF) return true;
    }
  }
  return false;
}

}  // namespace

// Japanese glyphs are fetched the first time Japanese is chosen or a story's caption needs them
// (never for English readers otherwise), and the page learns the language (the document's lang
// attribute, the address bar's link).
void WebApp::FollowLanguage() {
  const Language language = app.CurrentUiLanguage();
  if ((language == Language::Japanese || StoryNeedsJapaneseGlyphs(app.story())) && !fontRequested) {
    fontRequested = true;
    RequestJapaneseFont();
  }
  if (language != publishedLanguage || frameStats.FrameCount() == 0) {
    publishedLanguage = language;
    PublishLanguage(LanguageCode(language));
  }
}

// While an ImGui text field has the keyboard, the page keeps a hidden text area focused at its
// caret, so an IME composes there and pasted text arrives (kz_web_text_input).
void WebApp::FollowTextInput() {
  const ImGuiIO& io = ImGui::GetIO();
  const bool wanted = io.WantTextInput;
  if (!wanted && !textInputShown) return;
  textInputShown = wanted;
  const ImGuiPlatformImeData& ime = ImGui::GetCurrentContext()->PlatformImeData;
  const float scale = static_cast<float>(canvas.pixelRatio > 0.0 ? canvas.pixelRatio : 1.0);
  SetTextInput(wanted, ime.InputPos.x / scale, ime.InputPos.y / scale, ime.InputLineHeight / scale);
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
  UpdateUiScale(canvas);

  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.Frame(FrameContext{.frameMs = frameStats.MedianMs(), .uiScale = uiScale});
  ImGui::Render();
  UpdateCursor();
  HandleRequests();
  FollowAddressBar();
  FollowLanguage();
  FollowTextInput();
  if (app.TakeTourDismissed()) StoreTourDone();  // never offered again in this browser
  ForwardAnalysisRequests(app);
  if (app.session().resultsVersion() != publishedResults) {
    publishedResults = app.session().resultsVersion();
    PublishFindings(app.session().findings().paragraph.c_str());
  }
  PublishDataTable();

  DrawWorldMap();  // the backdrop, then the map over it
  imguiRenderer.Draw(*ImGui::GetDrawData(), canvas.framebufferWidth, canvas.framebufferHeight);
  CaptureIfRequested();

  frameStats.Record(emscripten_get_now() - start);
  if (!notifiedFirstFrame && app.session().loaded()) {  // ready means the scenario is on screen
    notifiedFirstFrame = true;
    NotifyFirstFrame();
  }
}

}  // namespace kz::web
