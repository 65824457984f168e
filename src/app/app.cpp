// App frame: a top bar, the levers on the left, findings and the chart on the right. The map (the
// full-window backdrop) shows through the space between them.
#include "app.hpp"

#include "imgui.h"
#include "panel_about.hpp"
#include "panel_findings.hpp"

namespace kz {
namespace {

const char* ComparisonLabel(Comparison comparison) {
  switch (comparison) {
    case Comparison::None: return "No comparison";
    case Comparison::NoEvents: return "Without the shocks";
    case Comparison::Preset: return "The preset as loaded";
  }
  return "";
}

// Places the next window as a fraction of the work area, so the layout fits 1280x720 and 1920x1080.
void PlaceWindow(float x, float y, float width, float height) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 pos(viewport->WorkPos.x + viewport->WorkSize.x * x, viewport->WorkPos.y + viewport->WorkSize.y * y);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * width, viewport->WorkSize.y * height), ImGuiCond_Always);
}

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

}  // namespace

void App::SetPresets(std::vector<PresetInfo> presets, std::string currentId) {
  presetList = std::move(presets);
  currentPreset = std::move(currentId);
}

std::optional<std::string> App::TakePresetRequest() {
  std::optional<std::string> request = std::move(presetRequest);
  presetRequest.reset();
  return request;
}

void App::OpenAnalysis(AnalysisKind kind) {
  showAnalysis = true;
  analysisPanel.tab = kind;
  analysisPanel.selectTab = true;
}

void App::Apply(const std::vector<LeverEdit>& edits) {
  for (const LeverEdit& edit : edits) {
    const std::vector<Problem> problems = work.SetLever(edit.path, edit.value);
    if (!problems.empty()) status = problems.front().ToString();
  }
}

void App::TopBar(const FrameContext& frame) {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::TextUnformatted("Kizuna");
  ImGui::Separator();
  std::string current = currentPreset;
  for (const PresetInfo& preset : presetList) {
    if (preset.id == currentPreset) current = preset.title;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
  if (ImGui::BeginCombo("##preset", current.empty() ? "Choose a scenario" : current.c_str())) {
    for (const PresetInfo& preset : presetList) {
      if (ImGui::Selectable(preset.title.c_str(), preset.id == currentPreset)) presetRequest = preset.id;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
  if (ImGui::BeginCombo("Compare", ComparisonLabel(work.comparison()))) {
    for (Comparison c : {Comparison::None, Comparison::NoEvents, Comparison::Preset}) {
      if (ImGui::Selectable(ComparisonLabel(c), c == work.comparison())) work.SetComparison(c);
    }
    ImGui::EndCombo();
  }
  if (ImGui::BeginMenu("Analysis")) {
    if (ImGui::MenuItem("Monte Carlo")) OpenAnalysis(AnalysisKind::MonteCarlo);
    if (ImGui::MenuItem("Coalitions")) OpenAnalysis(AnalysisKind::Coalition);
    if (ImGui::MenuItem("Sensitivity")) OpenAnalysis(AnalysisKind::Sensitivity);
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem("About", nullptr, showAbout)) showAbout = !showAbout;
  if (!status.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.3f, 1.0f), "%s", status.c_str());
    if (ImGui::SmallButton("x")) status.clear();
  }
  ImGui::EndMainMenuBar();
  if (showAbout) {
    ImGui::SetNextWindowSize(ImVec2(420.0f * frame.uiScale, 0.0f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("About Kizuna", &showAbout)) {
      ImGui::TextWrapped("Supply-chain policy sandbox: what-if models of disruptions and of the frameworks "
                         "allies build to coordinate against them. A structured what-if tool, not a forecast: "
                         "every default number has a source or a labelled assumption.");
      ImGui::Separator();
      DrawAboutPanel(AboutRows(GetBuildInfo(), frame.frameMs, frame.uiScale));
    }
    ImGui::End();
  }
}

namespace {

// The layout, as shares of the work area: levers on the left, findings above and the chart below
// on the right, the map in the band between them.
constexpr float kLeversWidth = 0.28f;
constexpr float kFindingsHeight = 0.24f;
constexpr float kChartTop = 0.62f;

MapViewport MapArea() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  return MapViewport{viewport->WorkPos.x + viewport->WorkSize.x * kLeversWidth,
                     viewport->WorkPos.y + viewport->WorkSize.y * kFindingsHeight,
                     viewport->WorkSize.x * (1.0f - kLeversWidth),
                     viewport->WorkSize.y * (kChartTop - kFindingsHeight)};
}

}  // namespace

void App::Frame(const FrameContext& frame) {
  TopBar(frame);  // first, so the work area below the menu bar is known
  world.Frame(work, frame.uiScale, MapArea());  // the map lies under the panels
  PlaceWindow(0.0f, 0.0f, kLeversWidth, 1.0f);
  if (ImGui::Begin("Levers", nullptr, kPanelFlags)) Apply(DrawLeversPanel(work, leversState));
  ImGui::End();

  PlaceWindow(kLeversWidth, 0.0f, 1.0f - kLeversWidth, kFindingsHeight);
  if (ImGui::Begin("Key findings", nullptr, kPanelFlags)) DrawFindingsPanel(work, findingsState);
  ImGui::End();

  PlaceWindow(kLeversWidth, kChartTop, 1.0f - kLeversWidth, 1.0f - kChartTop);
  if (ImGui::Begin("Chart", nullptr, kPanelFlags)) {
    Selection picked = DrawChartPanel(work, chartState);
    const int lastMonth = work.loaded() ? work.results().months - 1 : 0;
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::SliderInt("##month", &picked.month, 0, lastMonth, "Month %d");
    if (picked.region != work.selection().region || picked.good != work.selection().good ||
        picked.month != work.selection().month) {
      work.Select(picked);
    }
  }
  ImGui::End();
  DrawAnalysisWindow(work, analysis, analysisPanel, &showAnalysis);  // floats above the panels
}

}  // namespace kz
