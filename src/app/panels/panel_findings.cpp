// Findings panel: the selection read-out and the binding constraint behind it.
#include "panels/panel_findings.hpp"

#include <cmath>
#include <cstdio>

#include "state/catalog.hpp"
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

std::string NameOf(const LocalizedText& name, const std::string& id) { return LocalName(name, id); }

const char* ConstraintKey(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::None: return "constraint.none";
    case ConstraintKind::Capacity: return "constraint.capacity";
    case ConstraintKind::CapacityLoss: return "constraint.capacity-loss";
    case ConstraintKind::RampUp: return "constraint.ramp-up";
    case ConstraintKind::InputShortage: return "constraint.input-shortage";
    case ConstraintKind::ExportRestriction: return "constraint.export-restriction";
    case ConstraintKind::Chokepoint: return "constraint.chokepoint";
  }
  return "constraint.none";
}

std::string Cause(const Scenario& s, const Constraint& c) {
  std::string text = Tr(ConstraintKey(c.kind));
  if (c.kind == ConstraintKind::InputShortage && c.input >= 0) {
    const Good& input = s.goods[static_cast<std::size_t>(c.input)];
    text = TrFormat("readout.cause-of", {{"cause", text}, {"input", NameOf(input.name, input.id)}});
  }
  if (c.event >= 0) text = TrFormat("readout.cause-event", {{"cause", text}, {"event", EffectName(s, c.event)}});
  if (c.region >= 0) {
    const Region& at = s.regions[static_cast<std::size_t>(c.region)];
    text = TrFormat("readout.cause-at", {{"cause", text}, {"region", NameOf(at.name, at.id)}});
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
  std::string text = TrFormat("readout.met", {{"region", NameOf(region.name, region.id)},
                                             {"good", NameOf(good.name, good.id)},
                                             {"month", MonthLabel(sel.month)},
                                             {"share", Percent(r.fulfilment[i])}});
  if (const Results* other = session.comparisonResults()) text += TrFormat("readout.comparison", {{"share", Percent(other->fulfilment[i])}});
  if (r.binding[i].kind != ConstraintKind::None) text += TrFormat("readout.short-because", {{"cause", Cause(s, r.binding[i])}});
  return text + Tr("finding.sentence-end");
}

namespace {

bool SameSelection(const Selection& a, const Selection& b) {
  return a.region == b.region && a.good == b.good && a.month == b.month;
}

void RefreshExplanation(const Session& session, FindingsPanelState& state) {
  if (state.version == session.findingsVersion() && SameSelection(state.selection, session.selection())) return;  // a language change bumps the version
  state.version = session.findingsVersion();
  state.selection = session.selection();
  state.text.clear();
  state.levers.clear();
  const Results& r = session.results();
  const Selection& sel = session.selection();
  Expected<Explanation> why = Explain(session.scenario(), r, r.regionIds[static_cast<std::size_t>(sel.region)],
                                      r.goodIds[static_cast<std::size_t>(sel.good)], sel.month, &CurrentWording());
  if (!why || why.value().chain.empty()) return;
  state.text = ForImGui(why.value().text);
  for (const LeverSuggestion& lever : why.value().levers) state.levers.push_back(lever.path + ": " + ForImGui(lever.reason));
}

}  // namespace

void DrawFindingsPanel(const Session& session, FindingsPanelState& state) {
  if (!session.loaded()) {
    ImGui::TextDisabled("%s", Tr("findings.loading"));
    return;
  }
  const Scenario& s = session.scenario();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(LocalName(s.title, s.id).c_str());
  if (const std::string& narrative = LocalText(s.narrative); !narrative.empty()) ImGui::TextDisabled("%s", narrative.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(ForImGui(session.findings().paragraph).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(SelectionReadout(session).c_str());
  RefreshExplanation(session, state);
  if (!state.text.empty() && ImGui::TreeNodeEx(TrId("findings.why", "why").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextUnformatted(state.text.c_str());
    for (const std::string& lever : state.levers) ImGui::BulletText("%s", lever.c_str());
    ImGui::TreePop();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace kz
