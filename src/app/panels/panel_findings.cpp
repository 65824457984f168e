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

void DrawFindingsPanel(const Session& session, FindingsPanelState& state, std::string_view highlighted) {
  if (!session.loaded()) {
    ImGui::TextDisabled("%s", Tr("findings.loading"));
    return;
  }
  const Scenario& s = session.scenario();
  ImGui::PushTextWrapPos(0.0f);
  PushTextLevel(TextLevel::Heading);
  WrappedText(LocalName(s.title, s.id));
  ImGui::PopFont();
  DrawHeadlineStrip(session, state.headline, highlighted);  // the story in figures, before the words
  ImGui::Separator();
  if (const std::string& narrative = LocalText(s.narrative); !narrative.empty()) WrappedTextDisabled(narrative);
  ImGui::Separator();
  WrappedText(ForImGui(session.findings().paragraph));
  ImGui::Separator();
  WrappedText(SelectionReadout(session, CurrentText()));
  RefreshExplanation(session, CurrentText(), state.explanation);
  if (!state.explanation.text.empty() && ImGui::TreeNodeEx(TrId("findings.why", "why").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    WrappedText(ForImGui(state.explanation.text));
    for (const std::string& lever : state.explanation.levers) {  // BulletText never wraps: a bullet, then wrapped text
      ImGui::Bullet();
      WrappedText(ForImGui(lever));
    }
    ImGui::TreePop();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace kz
