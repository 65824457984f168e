// The top bar's File and Share menus, the Embed dialog, and the corner an embedded view keeps. They
// only record requests: files, downloads, the clipboard and pixels belong to the platform.
#include <utility>

#include "app.hpp"
#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"

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
  if (ImGui::BeginMenu(TrId("menu.file", "file").c_str())) {
    if (ImGui::MenuItem(Tr("menu.file.open"))) requests.Push(FileRequest{FileAction::OpenScenario});
    MarkLastItem("file-open");
    Tooltip(Tr("menu.file.open-tip"));
    ImGui::Separator();
    const bool loaded = work.loaded();
    if (ImGui::MenuItem(Tr("menu.file.export-scenario"), nullptr, false, loaded)) requests.Push(FileRequest{FileAction::ExportScenario});
    MarkLastItem("export-scenario");
    if (ImGui::MenuItem(Tr("menu.file.export-csv"), nullptr, false, loaded)) requests.Push(FileRequest{FileAction::ExportResultsCsv});
    MarkLastItem("export-csv");
    Tooltip(Tr("menu.file.export-csv-tip"));
    if (ImGui::MenuItem(Tr("menu.file.view-png"), nullptr, false, loaded)) requests.Push(FileRequest{FileAction::ExportViewPng});
    MarkLastItem("export-view-png");
    if (ImGui::MenuItem(Tr("menu.file.chart-png"), nullptr, false, loaded)) requests.Push(FileRequest{FileAction::ExportChartPng});
    MarkLastItem("export-chart-png");
    ImGui::EndMenu();
  }
  MarkLastItem("file-menu");
}

void App::ShareMenu() {
  if (ImGui::BeginMenu(TrId("menu.share", "share").c_str())) {
    if (ImGui::MenuItem(Tr("menu.share.view"))) requests.Push(ShareRequest{ShareKind::View});
    MarkLastItem("share-view");
    Tooltip(Tr("menu.share.view-tip"));
    if (ImGui::MenuItem(Tr("menu.share.comparison"), nullptr, false, work.comparison() != Comparison::None)) {
      requests.Push(ShareRequest{ShareKind::Comparison});
    }
    MarkLastItem("share-comparison");
    Tooltip(Tr("menu.share.comparison-tip"));
    if (ImGui::MenuItem(Tr("menu.share.embed"))) showEmbedDialog = true;
    MarkLastItem("share-embed");
    if (ImGui::MenuItem(Tr("menu.share.story"), nullptr, showStory)) showStory = !showStory;
    MarkLastItem("share-story");
    Tooltip(Tr("menu.share.story-tip"));
    ImGui::EndMenu();
  }
  MarkLastItem("share");
}

// The Story window's "Copy the story link" (here, beside the other share requests).
void App::CopyStoryLink() { requests.Push(ShareRequest{ShareKind::Story}); }

void App::EmbedDialog() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.3f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
  if (ImGui::Begin(TrId("embed.title", "embed-dialog").c_str(), &showEmbedDialog, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    WrappedText(Tr("embed.explain"));
    ImGui::PopTextWrapPos();
    ImGui::SeparatorText(Tr("embed.show"));
    ShowPanelCheckbox(Tr("window.levers"), embedChoice, kEmbedHideLevers);
    ImGui::SameLine();
    ShowPanelCheckbox(Tr("window.findings"), embedChoice, kEmbedHideFindings);
    ImGui::SameLine();
    ShowPanelCheckbox(Tr("embed.map"), embedChoice, kEmbedHideMap);
    ImGui::SameLine();
    ShowPanelCheckbox(Tr("window.chart"), embedChoice, kEmbedHideChart);
    ImGui::CheckboxFlags(Tr("embed.read-only"), &embedChoice, kEmbedReadOnly);
    if (ImGui::Button(Tr("embed.copy"))) requests.Push(ShareRequest{ShareKind::Embed});
    MarkLastItem("embed-copy");
  }
  ImGui::End();
}

// An embedded view's only chrome: a way out to the full app, and any message.
void App::EmbeddedCorner() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("##embedded", nullptr, flags)) {
    if (!status.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.3f, 1.0f), "%s", status.c_str());
    if (ImGui::SmallButton(Tr("embed.open-full"))) {
      LinkView view = ViewForLink();
      view.embed = 0;
      if (Expected<ScenarioLink> link = LinkFromScenario(work.preset(), work.scenario(), view)) requests.Push(UrlRequest{"#" + EncodeLink(link.value())});
    }
    MarkLastItem("embed-open-full");
  }
  ImGui::End();
}

}  // namespace kz
