// Findings panel: the selection read-out and the binding constraint behind it.
#include "panels/panel_findings.hpp"

#include <string>

#include "imgui.h"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

// Dear ImGui's default font has no U+2212 (minus sign): draw a hyphen instead (the DOM keeps it).
std::string ForImGui(std::string text) {
  const std::string minus = "\xE2\x88\x92";
  for (std::size_t at = text.find(minus); at != std::string::npos; at = text.find(minus, at + 1)) text.replace(at, minus.size(), "-");
  return text;
}

}  // namespace

void DrawFindingsPanel(const Session& session, FindingsPanelState& state) {
  if (!session.loaded()) {
    ImGui::TextDisabled("%s", Tr("findings.loading"));
    return;
  }
  const Scenario& s = session.scenario();
  ImGui::PushTextWrapPos(0.0f);
  PushTextLevel(TextLevel::Heading);
  ImGui::TextUnformatted(LocalName(s.title, s.id).c_str());
  ImGui::PopFont();
  DrawHeadlineStrip(session, state.headline);  // the story in figures, before the words
  ImGui::Separator();
  if (const std::string& narrative = LocalText(s.narrative); !narrative.empty()) ImGui::TextDisabled("%s", narrative.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(ForImGui(session.findings().paragraph).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(SelectionReadout(session, CurrentText()).c_str());
  RefreshExplanation(session, CurrentText(), state.explanation);
  if (!state.explanation.text.empty() && ImGui::TreeNodeEx(TrId("findings.why", "why").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextUnformatted(ForImGui(state.explanation.text).c_str());
    for (const std::string& lever : state.explanation.levers) {  // BulletText never wraps: a bullet, then wrapped text
      ImGui::Bullet();
      ImGui::TextUnformatted(ForImGui(lever).c_str());
    }
    ImGui::TreePop();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace kz
