// Risk register list and hazard form (see risk_form.hpp): the list first, then the form's fields as
// the shock form lays them out (labels before controls), percentages for shares, whole months.
#include "panels/risk_form.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

const ImVec4 kWarning(1.0f, 0.6f, 0.3f, 1.0f);

constexpr const char* kKindKeys[] = {"shock.kind.capacity-loss", "shock.kind.export-restriction", "shock.kind.demand-shock",
                                     "shock.kind.chokepoint"};

bool HasBuyers(EventKind kind) { return kind == EventKind::ExportRestriction || kind == EventKind::Chokepoint; }

std::string RegionName(const Scenario& s, const std::string& id) {
  for (const Region& region : s.regions) {
    if (region.id == id) return LocalName(region.name, region.id);
  }
  return id;
}

// A combo over the scenario's regions; `anyLabel` adds "" (everyone) first.
void PickRegion(const char* label, const Scenario& s, std::string& id, const char* anyLabel = nullptr) {
  const std::string current = id.empty() && anyLabel ? std::string(anyLabel) : RegionName(s, id);
  if (!BeginComboFitted(label, current)) return;
  if (anyLabel && ImGui::Selectable(anyLabel, id.empty())) id.clear();
  for (const Region& region : s.regions) {
    if (ImGui::Selectable(LocalName(region.name, region.id).c_str(), region.id == id)) id = region.id;
  }
  ImGui::EndCombo();
}

// One checkbox per good, flowing across the line.
void PickGoods(const Scenario& s, std::vector<std::string>& goods) {
  for (std::size_t g = 0; g < s.goods.size(); ++g) {
    const Good& good = s.goods[g];
    const auto at = std::find(goods.begin(), goods.end(), good.id);
    bool on = at != goods.end();
    const std::string& name = LocalName(good.name, good.id);
    const float width = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    if (g > 0) SameLineIfFits(width);
    ImGui::PushID(good.id.c_str());
    if (ImGui::Checkbox(name.c_str(), &on)) {
      if (on) {
        goods.push_back(good.id);
      } else {
        goods.erase(at);
      }
    }
    ImGui::PopID();
  }
}

// Low / most likely / high of a share as percentages, each bounding the next.
void ShareSpread(const char* keyLow, const char* keyMode, const char* keyHigh, float column, double lowest, double highest,
                 double& low, double& mode, double& high) {
  float l = static_cast<float>(low * 100.0), m = static_cast<float>(mode * 100.0), h = static_cast<float>(high * 100.0);
  const float lo = static_cast<float>(lowest * 100.0), hi = static_cast<float>(highest * 100.0);
  ImGui::SliderFloat(LabelBefore(TrId(keyLow, "strength-low"), column).c_str(), &l, lo, hi, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderFloat(LabelBefore(TrId(keyMode, "strength-mode"), column).c_str(), &m, lo, hi, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderFloat(LabelBefore(TrId(keyHigh, "strength-high"), column).c_str(), &h, lo, hi, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  low = l / 100.0;
  mode = m / 100.0;
  high = h / 100.0;
}

void MonthSpread(float column, int maxMonths, HazardDraft& d) {
  ImGui::SliderInt(LabelBefore(TrId("lever.name.risk.durationMonths.low", "months-low"), column).c_str(), &d.monthsLow, 1, maxMonths, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderInt(LabelBefore(TrId("lever.name.risk.durationMonths.mode", "months-mode"), column).c_str(), &d.monthsLikely, 1, maxMonths, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SliderInt(LabelBefore(TrId("lever.name.risk.durationMonths.high", "months-high"), column).c_str(), &d.monthsHigh, 1, maxMonths, "%d", ImGuiSliderFlags_AlwaysClamp);
}

void OpenForm(RiskFormState& state, HazardDraft draft) {
  state.open = true;
  state.draft = std::move(draft);
  state.name[0] = '\0';
  state.problems.clear();
}

// The register: one entry per hazard with its summary, source tooltip and buttons.
void HazardList(const Session& session, RiskFormState& state, RiskRegisterActions& actions) {
  const Scenario& s = session.scenario();
  const UiText words = CurrentText();
  if (s.risks.empty()) {
    ImGui::TextColored(kWarning, "%s", Tr("risks.none"));
    return;
  }
  for (const Hazard& hazard : s.risks) {
    ImGui::PushID(hazard.id.c_str());
    WrappedLabel(LocalName(hazard.name, hazard.id).c_str());
    const std::string source = session.ProvenanceOf("risk." + hazard.id + ".annualProbability");
    const std::string tip = source.empty() ? std::string(Tr("risks.no-source")) : TrFormat("risks.source-tip", {{"source", source}});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%s", HazardSummary(hazard, words).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    if (ImGui::SmallButton(Tr("risks.edit"))) OpenForm(state, DraftFromHazard(hazard));
    MarkLastItem(("risk-edit:" + hazard.id).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(Tr("risks.remove"))) {
      actions.remove = hazard.id;
      if (state.open && state.draft.id == hazard.id) state.open = false;
    }
    MarkLastItem(("risk-remove:" + hazard.id).c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
}

// The form's fields; returns true when Add / Save was pressed.
bool HazardFields(const Scenario& s, RiskFormState& state) {
  HazardDraft& d = state.draft;
  const float column = ImGui::GetContentRegionAvail().x * 0.4f;  // labels before their controls
  const char* kindNames[std::size(kKindKeys)];
  for (std::size_t i = 0; i < std::size(kKindKeys); ++i) kindNames[i] = Tr(kKindKeys[i]);
  int kind = static_cast<int>(d.kind);
  if (ImGui::Combo(LabelBefore(TrId("shock.kind", "kind"), column).c_str(), &kind, kindNames, static_cast<int>(std::size(kindNames)))) {
    d.kind = static_cast<EventKind>(kind);
  }
  std::string region = d.regions.empty() ? std::string() : d.regions.front();
  PickRegion(LabelBefore(TrId(HasBuyers(d.kind) ? "shock.seller" : "shock.region", "region"), column).c_str(), s, region);
  if (d.regions.empty() || region != d.regions.front()) d.regions = {region};
  if (HasBuyers(d.kind)) PickRegion(LabelBefore(TrId("shock.buyer", "buyer"), column).c_str(), s, d.target, Tr("shock.everyone-else"));
  ImGui::TextUnformatted(Tr("risks.goods"));
  PickGoods(s, d.goods);
  float chance = static_cast<float>(d.chance * 100.0);
  ImGui::SliderFloat(LabelBefore(TrId("risks.chance", "chance"), column).c_str(), &chance, 0.0f, 100.0f, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
  d.chance = chance / 100.0;
  MarkLastItem("hazard-chance");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("risks.chance-tip"));
  const bool demand = d.kind == EventKind::DemandShock;
  ImGui::TextUnformatted(Tr("risks.strength"));
  ShareSpread("lever.name.risk.severity.low", "lever.name.risk.severity.mode", "lever.name.risk.severity.high", column,
              demand ? -1.0 : 0.0, demand ? 10.0 : 1.0, d.strengthLow, d.strengthLikely, d.strengthHigh);
  ImGui::TextUnformatted(Tr("risks.months"));
  MonthSpread(column, std::max(36, s.horizonMonths), d);
  ImGui::SliderInt(LabelBefore(TrId("shock.recovery", "recovery"), column).c_str(), &d.recoveryMonths, 0, 36, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::InputTextWithHint(LabelBefore(TrId("shock.name", "name"), column).c_str(), Tr("risks.name-hint"), state.name, sizeof state.name);
  MarkLastItem("hazard-name");
  for (const Problem& problem : state.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    WrappedLabel(problem.message.c_str());
    ImGui::PopStyleColor();
  }
  const bool confirmed = ImGui::Button(Tr(d.id.empty() ? "risks.confirm" : "risks.save"));
  MarkLastItem("hazard-confirm");
  ImGui::SameLine();
  if (ImGui::Button(Tr("shock.cancel"))) state.open = false;
  return confirmed;
}

}  // namespace

RiskRegisterActions DrawRiskRegister(const Session& session, int selectedGood, RiskFormState& state) {
  RiskRegisterActions actions;
  const Scenario& s = session.scenario();
  if (s.regions.empty() || s.goods.empty()) return actions;
  ImGui::PushID("risk-register");
  WrappedLabel(Tr("risks.intro"));
  HazardList(session, state, actions);
  if (!state.open) {
    if (ImGui::Button(Tr("risks.add"))) OpenForm(state, NewHazardDraft(s, selectedGood));
    MarkLastItem("add-hazard");
  } else {
    ImGui::SeparatorText(Tr(state.draft.id.empty() ? "risks.new" : "risks.edit-title"));
    if (HazardFields(s, state)) {
      HazardDraft draft = state.draft;
      draft.typedName = state.name;
      Expected<Hazard> hazard = HazardFromDraft(s, draft, CurrentText());
      if (!hazard) {
        state.problems = hazard.problems();
      } else {
        (draft.id.empty() ? actions.add : actions.edit) = std::move(hazard.value());
        state.open = false;
        state.problems.clear();
      }
    }
    ImGui::Separator();
  }
  ImGui::PopID();
  return actions;
}

}  // namespace kz
