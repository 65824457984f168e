// About panel: version and build facts from the core, timing from the platform.
#include "panels/panel_about.hpp"

#include <cstdio>

#include "state/catalog.hpp"
#include "imgui.h"

namespace kz {
namespace {
std::string FormatFixed(double value, int decimals, const char* unit) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f%s", decimals, value, unit);
  return text;
}
}  // namespace

std::vector<AboutRow> AboutRows(const BuildInfo& build, double frameMs, float uiScale) {
  return {
      {Tr("about.version"), std::string(build.version)},
      {Tr("about.build"), std::string(build.target) + ", " + std::string(build.buildType)},
      {Tr("about.compiler"), std::string(build.compiler)},
      {"Dear ImGui", IMGUI_VERSION},
      {Tr("about.frame-time"), FormatFixed(frameMs, 2, " ms")},
      {Tr("about.ui-scale"), FormatFixed(uiScale, 2, "x")},
  };
}

void DrawAboutPanel(const std::vector<AboutRow>& rows) {
  if (!ImGui::BeginTable("about", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
  for (const AboutRow& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", row.label.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.value.c_str());
  }
  ImGui::EndTable();
}

}  // namespace kz
