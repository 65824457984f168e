// Help window: About, Sources, Model and Keys tabs.
#include "panel_help.hpp"

#include <cstring>

#include "imgui.h"
#include "ui_landmarks.hpp"

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
  ImGui::TextWrapped("Every default number of '%s' cites one of these sources or a labelled assumption; hover a "
                     "lever to see which. Tags: F = figure from the source, E = estimate; H/M/L = confidence.",
                     scenario.title.en.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##sources-filter", "Filter, e.g. USGS or 2021", state.filter, sizeof state.filter);
  if (!ImGui::BeginTable("sources", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) return open;
  ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Tag", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (const Source& source : scenario.sources) {
    if (!Matches(source, state.filter)) continue;
    ImGui::PushID(source.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", source.citation.c_str());
    ImGui::TextDisabled("%s", source.id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(source.tag.c_str());
    ImGui::TableNextColumn();
    if (!source.url.empty()) {
      if (ImGui::SmallButton("Open")) open = source.url;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", source.url.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  return open;
}

std::optional<std::string> ModelTab() {
  ImGui::TextWrapped(
      "Kizuna is a structured what-if tool, not a forecast. Each month, regions produce goods up to their "
      "capacity (less any shock), limited by their inputs; buyers order from their usual suppliers in fixed "
      "shares; export restrictions and chokepoints cut shipments; unmet orders are re-sourced from suppliers "
      "with spare capacity after a qualification ramp; prices rise with scarcity; strategic stocks are released "
      "after each region's response lag. Frameworks change these rules for their members: shared warnings "
      "(shorter lags), pooled stocks, partner priority, joint investment and coordinated export controls.");
  ImGui::Spacing();
  ImGui::TextWrapped(
      "Losses are downstream output lost (the shortfall's value times the good's value multiplier). Producer "
      "revenue, finance, macroeconomic feedback and strategic behaviour are not modelled. Calibration against "
      "2010, 2019 and 2021 episodes, the assumptions table and every limitation are in the model card.");
  ImGui::Spacing();
  std::optional<std::string> open;
  if (ImGui::Button("Open the model card")) open = kModelCardUrl;
  MarkLastItem("open-model-card");
  return open;
}

void KeysTab() {
  static constexpr const char* kKeys[][2] = {
      {"K", "play or pause the timeline"},
      {", and .", "previous and next month"},
      {"Tab, arrows, Space", "move between controls and use them (keyboard navigation)"},
      {"Ctrl + click a slider", "type an exact value"},
      {"Drag or wheel on the map", "pan and zoom (touch: drag, pinch)"},
      {"Click the chart", "pick the month; click a legend entry to follow a region"},
  };
  if (!ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) return;
  for (const auto& [keys, what] : kKeys) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(keys);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(what);
  }
  ImGui::EndTable();
}

}  // namespace

std::optional<std::string> DrawHelpPanel(const Scenario& scenario, const std::vector<AboutRow>& about, HelpPanelState& state) {
  std::optional<std::string> open;
  if (!ImGui::BeginTabBar("help")) return open;
  if (ImGui::BeginTabItem("About")) {
    ImGui::TextWrapped("Supply-chain policy sandbox: what-if models of disruptions and of the frameworks allies build "
                       "to coordinate against them. Every default number has a source or a labelled assumption.");
    ImGui::Separator();
    DrawAboutPanel(about);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Sources")) {
    open = SourcesTab(scenario, state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Model")) {
    open = ModelTab();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Keys")) {
    KeysTab();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  return open;
}

}  // namespace kz
