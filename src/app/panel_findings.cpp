// Findings panel: the selection read-out and the binding constraint behind it.
#include "panel_findings.hpp"

#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "kizuna/explain.hpp"
#include "kizuna/results_io.hpp"

namespace kz {
namespace {

// Dear ImGui's default font has no U+2212 (minus sign): draw a hyphen instead (the DOM keeps it).
std::string ForImGui(std::string text) {
  const std::string minus = "\xE2\x88\x92";
  for (std::size_t at = text.find(minus); at != std::string::npos; at = text.find(minus, at + 1)) text.replace(at, minus.size(), "-");
  return text;
}

std::string Percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100.0);
  return text;
}

std::string NameOf(const LocalizedText& name, const std::string& id) { return name.en.empty() ? id : name.en; }

std::string Cause(const Scenario& s, const Constraint& c) {
  std::string text = ConstraintKindName(c.kind);
  if (c.kind == ConstraintKind::InputShortage && c.input >= 0) {
    const Good& input = s.goods[static_cast<std::size_t>(c.input)];
    text += " of " + NameOf(input.name, input.id);
  }
  if (c.event >= 0) text += " '" + EffectName(s, c.event) + "'";
  if (c.region >= 0) {
    const Region& at = s.regions[static_cast<std::size_t>(c.region)];
    text += " at " + NameOf(at.name, at.id);
  }
  return text;
}

}  // namespace

std::string SelectionReadout(const Session& session) {
  if (!session.loaded()) return "";
  const Scenario& s = session.scenario();
  const Results& r = session.results();
  const Selection& sel = session.selection();
  const Region& region = s.regions[static_cast<std::size_t>(sel.region)];
  const Good& good = s.goods[static_cast<std::size_t>(sel.good)];
  const std::size_t i = r.Index(sel.month, sel.region, sel.good);
  std::string text = NameOf(region.name, region.id) + ", " + NameOf(good.name, good.id) + ", month " +
                     std::to_string(sel.month) + ": " + Percent(r.fulfilment[i]) + " of need met";
  if (const Results* other = session.comparisonResults()) text += " (comparison " + Percent(other->fulfilment[i]) + ")";
  if (r.binding[i].kind != ConstraintKind::None) text += "; short because of " + Cause(s, r.binding[i]);
  return text + ".";
}

namespace {

bool SameSelection(const Selection& a, const Selection& b) {
  return a.region == b.region && a.good == b.good && a.month == b.month;
}

void RefreshExplanation(const Session& session, FindingsPanelState& state) {
  if (state.version == session.findingsVersion() && SameSelection(state.selection, session.selection())) return;
  state.version = session.findingsVersion();
  state.selection = session.selection();
  state.text.clear();
  state.levers.clear();
  const Results& r = session.results();
  const Selection& sel = session.selection();
  Expected<Explanation> why = Explain(session.scenario(), r, r.regionIds[static_cast<std::size_t>(sel.region)],
                                      r.goodIds[static_cast<std::size_t>(sel.good)], sel.month);
  if (!why || why.value().chain.empty()) return;
  state.text = ForImGui(why.value().text);
  for (const LeverSuggestion& lever : why.value().levers) state.levers.push_back(lever.path + ": " + ForImGui(lever.reason));
}

}  // namespace

void DrawFindingsPanel(const Session& session, FindingsPanelState& state) {
  if (!session.loaded()) {
    ImGui::TextDisabled("Loading the scenario...");
    return;
  }
  const Scenario& s = session.scenario();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.title.en.c_str());
  if (!s.narrative.en.empty()) ImGui::TextDisabled("%s", s.narrative.en.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(ForImGui(session.findings().paragraph).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(SelectionReadout(session).c_str());
  RefreshExplanation(session, state);
  if (!state.text.empty() && ImGui::TreeNodeEx("Why, and what would help", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextUnformatted(state.text.c_str());
    for (const std::string& lever : state.levers) ImGui::BulletText("%s", lever.c_str());
    ImGui::TreePop();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace kz
