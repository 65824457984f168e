// The top bar's File and Share menus, the Embed dialog, and the corner an embedded view keeps. They
// only record requests: files, downloads, the clipboard and pixels belong to the platform.
#include <utility>

#include "app.hpp"
#include "imgui.h"
#include "ui_landmarks.hpp"

namespace kz {
namespace {

void Tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

// A checkbox for "show this panel", stored as its hide bit.
void ShowPanelCheckbox(const char* label, std::uint32_t& flags, std::uint32_t hideBit) {
  bool shown = (flags & hideBit) == 0;
  if (ImGui::Checkbox(label, &shown)) flags = shown ? flags & ~hideBit : flags | hideBit;
}

}  // namespace

void App::FileMenu() {
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open a scenario file...")) fileRequest = FileAction::OpenScenario;
    MarkLastItem("file-open");
    Tooltip("A scenario JSON file (as exported here or written by hand); you can also drop it on the page");
    ImGui::Separator();
    const bool loaded = work.loaded();
    if (ImGui::MenuItem("Export the scenario (JSON)", nullptr, false, loaded)) fileRequest = FileAction::ExportScenario;
    MarkLastItem("export-scenario");
    if (ImGui::MenuItem("Export the results (CSV)", nullptr, false, loaded)) fileRequest = FileAction::ExportResultsCsv;
    MarkLastItem("export-csv");
    Tooltip("Every month, region and good, with units; the header names the scenario, the version and the link");
    if (ImGui::MenuItem("Save the view as PNG", nullptr, false, loaded)) fileRequest = FileAction::ExportViewPng;
    MarkLastItem("export-view-png");
    if (ImGui::MenuItem("Save the chart as PNG", nullptr, false, loaded)) fileRequest = FileAction::ExportChartPng;
    MarkLastItem("export-chart-png");
    ImGui::EndMenu();
  }
  MarkLastItem("file-menu");
}

std::optional<FileAction> App::TakeFileRequest() { return std::exchange(fileRequest, std::nullopt); }

void App::ShareMenu() {
  if (ImGui::BeginMenu("Share")) {
    if (ImGui::MenuItem("Copy a link to this view")) shareRequest = ShareKind::View;
    MarkLastItem("share-view");
    Tooltip("Opens exactly what you see: the scenario, the selection, the chart and the map (the address bar always holds it too)");
    if (ImGui::MenuItem("Copy a link to this comparison", nullptr, false, work.comparison() != Comparison::None)) {
      shareRequest = ShareKind::Comparison;
    }
    MarkLastItem("share-comparison");
    Tooltip("Opens the scenario and what it is compared with, on the Difference chart, at the default view");
    if (ImGui::MenuItem("Embed in a page...")) showEmbedDialog = true;
    MarkLastItem("share-embed");
    ImGui::EndMenu();
  }
  MarkLastItem("share");
}

void App::EmbedDialog() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.3f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
  if (ImGui::Begin("Embed in a page", &showEmbedDialog, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted("This view in an iframe of a briefing page: no menu bar, only the panels chosen below. "
                           "The page can set levers and read the summary through postMessage (see the README).");
    ImGui::PopTextWrapPos();
    ImGui::SeparatorText("Show");
    ShowPanelCheckbox("Levers", embedChoice, kEmbedHideLevers);
    ImGui::SameLine();
    ShowPanelCheckbox("Key findings", embedChoice, kEmbedHideFindings);
    ImGui::SameLine();
    ShowPanelCheckbox("Map", embedChoice, kEmbedHideMap);
    ImGui::SameLine();
    ShowPanelCheckbox("Chart", embedChoice, kEmbedHideChart);
    ImGui::CheckboxFlags("Readers cannot change the levers", &embedChoice, kEmbedReadOnly);
    if (ImGui::Button("Copy the embed code")) shareRequest = ShareKind::Embed;
    MarkLastItem("embed-copy");
  }
  ImGui::End();
}

// An embedded view's only chrome: a way out to the full app, and any message.
void App::EmbeddedCorner() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.8f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("##embedded", nullptr, flags)) {
    if (!status.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.3f, 1.0f), "%s", status.c_str());
    if (ImGui::SmallButton("Open in Kizuna")) {
      LinkView view = ViewForLink();
      view.embed = 0;
      if (Expected<ScenarioLink> link = LinkFromScenario(work.preset(), work.scenario(), view)) urlRequest = "#" + EncodeLink(link.value());
    }
    MarkLastItem("embed-open-full");
  }
  ImGui::End();
}

}  // namespace kz
