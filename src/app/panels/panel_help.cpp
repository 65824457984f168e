// Help window: About, Sources, Model and Keys tabs.
#include "panels/panel_help.hpp"

#include <cstring>

#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

bool Matches(const Source& source, const char* filter) {
  if (filter[0] == '\0') return true;
  for (const std::string* field : {&source.id, &source.citation, &source.tag, &source.url}) {
    if (field->find(filter) != std::string::npos) return true;
  }
  return false;
}

std::optional<std::string> SourcesTab(const Scenario& scenario, HelpPanelState& state) {
  std::optional<std::string> open;
  WrappedLabel(TrFormat("help.sources-intro", {{"title", LocalName(scenario.title, scenario.id)}}).c_str());
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##sources-filter", Tr("help.sources-filter"), state.filter, sizeof state.filter);
  if (!ImGui::BeginTable("sources", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) return open;
  ImGui::TableSetupColumn(Tr("help.source"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(Tr("help.tag"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (const Source& source : scenario.sources) {
    if (!Matches(source, state.filter)) continue;
    ImGui::PushID(source.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    WrappedLabel(source.citation.c_str());
    ImGui::TextDisabled("%s", source.id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(source.tag.c_str());
    ImGui::TableNextColumn();
    if (!source.url.empty()) {
      if (ImGui::SmallButton(TrId("help.open", "open").c_str())) open = source.url;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", source.url.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  return open;
}

std::optional<std::string> ModelTab() {
  WrappedLabel(Tr("help.model-1"));
  ImGui::Spacing();
  WrappedLabel(Tr("help.model-2"));
  ImGui::Spacing();
  std::optional<std::string> open;
  if (ImGui::Button(Tr("help.model-card"))) open = kModelCardUrl;
  MarkLastItem("open-model-card");
  return open;
}

void KeysTab() {
  static constexpr const char* kKeys[][2] = {
      {"help.keys.play", "help.keys.play-what"},
      {"help.keys.step", "help.keys.step-what"},
      {"help.keys.panels", "help.keys.panels-what"},
      {"help.keys.navigate", "help.keys.navigate-what"},
      {"help.keys.page", "help.keys.page-what"},
      {"help.keys.exact", "help.keys.exact-what"},
      {"help.keys.map", "help.keys.map-what"},
      {"help.keys.chart", "help.keys.chart-what"},
  };
  if (!ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  for (const auto& [keys, what] : kKeys) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Tr(keys));
    ImGui::TableNextColumn();
    WrappedLabel(Tr(what));  // the column is what the window leaves: wrap, never clip
  }
  ImGui::EndTable();
}

}  // namespace

std::optional<std::string> DrawHelpPanel(const Scenario& scenario, const std::vector<AboutRow>& about, HelpPanelState& state) {
  std::optional<std::string> open;
  if (!ImGui::BeginTabBar("help")) return open;
  if (ImGui::BeginTabItem(TrId("help.about", "about").c_str())) {
    WrappedLabel(Tr("help.about-text"));
    ImGui::Separator();
    DrawAboutPanel(about);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(TrId("help.sources", "sources").c_str())) {
    open = SourcesTab(scenario, state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(TrId("help.model", "model").c_str())) {
    open = ModelTab();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(TrId("help.keys", "keys").c_str())) {
    KeysTab();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  return open;
}

}  // namespace kz
