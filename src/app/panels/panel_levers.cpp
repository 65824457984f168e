// Levers panel: groups, sliders, resets and provenance tooltips.
#include "panels/panel_levers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "state/catalog.hpp"
#include "state/lever_text.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "state/preset_changes.hpp"

namespace kz {
namespace {

const char* GroupKey(LeverGroup group) {
  switch (group) {
    case LeverGroup::Shocks: return "lever.group.shocks";
    case LeverGroup::Policies: return "lever.group.policies";
    case LeverGroup::Frameworks: return "lever.group.frameworks";
    case LeverGroup::Risks: return "lever.group.risks";
    case LeverGroup::WorldData: return "lever.group.world";
  }
  return "lever.group.world";
}

std::string GroupLabel(LeverGroup group) { return TrId(GroupKey(group), LeverGroupName(group)); }

// The lever's plain name, its preset value and source; the path only as a technical line.
void Tooltip(const Session& session, const LeverInfo& lever, const std::string& label, std::optional<double> preset) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort | ImGuiHoveredFlags_AllowWhenDisabled)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  WrappedText(label);
  if (preset) WrappedText(TrFormat("lever.default", {{"value", LeverValueText(lever, *preset, CurrentText())}}));
  const std::string provenance = session.ProvenanceOf(lever.path);
  ImGui::Separator();
  WrappedText(provenance.empty() ? Tr("lever.no-source") : provenance.c_str());
  ImGui::TextDisabled("%s", TrFormat("lever.technical-path", {{"path", lever.path}}).c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// The slider in the lever's display units (percent, whole months); returns true with the stored value.
bool LeverSlider(const LeverInfo& lever, double presetValue, double& stored) {
  const LeverDisplay display = LeverDisplayOf(lever);
  double low = 0.0;
  double high = 1.0;
  SliderSpan(lever, presetValue, low, high);
  if (lever.integer || display == LeverDisplay::WholeMonths) {
    int value = static_cast<int>(std::lround(lever.value));
    if (!ImGui::SliderInt("##v", &value, static_cast<int>(std::ceil(low)), static_cast<int>(std::floor(high)), "%d", ImGuiSliderFlags_AlwaysClamp)) return false;
    stored = std::clamp(static_cast<double>(value), lever.min, lever.max);
    return true;
  }
  double shown = ToDisplayValue(display, lever.value);
  double shownLow = ToDisplayValue(display, low);
  double shownHigh = ToDisplayValue(display, high);
  // Large values written out ("50000", not "5e+04").
  const char* format = display == LeverDisplay::Percent ? "%.4g%%" : std::abs(shown) >= 1e4 ? "%.0f" : "%.4g";
  if (!ImGui::SliderScalar("##v", ImGuiDataType_Double, &shown, &shownLow, &shownHigh, format, ImGuiSliderFlags_AlwaysClamp)) return false;
  stored = std::clamp(FromDisplayValue(display, shown), lever.min, lever.max);
  return true;
}

// Under a framework rule's switch that is on but moves no goods in this scenario, why (muted): a
// rule that does nothing is never silent.
void IdleRuleNote(const Session& session, const LeverInfo& lever) {
  if (lever.value == 0.0) return;
  const std::optional<IdleReason> reason = session.IdleRuleReason(lever.path);
  if (!reason) return;
  const char* key = *reason == IdleReason::PoolNoSpare ? "lever.rule-idle.pool-no-spare"
                    : *reason == IdleReason::OnlyCosts ? "lever.rule-idle.only-costs"
                                                       : "lever.rule-idle.no-effect";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  WrappedLabel(Tr(key));
  ImGui::PopStyleColor();
}

// Under a substitution's cost per unit avoided set below the good's normal price, that the model
// counts the normal price (muted): a lever moved below it changes nothing, and is never silent.
void BelowNormalPriceNote(const Session& session, const LeverInfo& lever) {
  if (!session.CostCountedAtNormalPrice(lever)) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  WrappedLabel(Tr("lever.cost-below-normal-price"));
  ImGui::PopStyleColor();
}

// One lever row: its name above (wrapped, never clipped), then the control, its unit and a reset;
// appends an edit when the user changed it.
void LeverRow(const Session& session, const LeverInfo& lever, const std::string& label, std::vector<LeverEdit>& edits) {
  const std::optional<double> preset = session.PresetValue(lever.path);
  ImGui::PushID(lever.path.c_str());
  if (LeverDisplayOf(lever) == LeverDisplay::Switch) {
    bool on = lever.value != 0.0;
    if (ImGui::Checkbox("##v", &on)) edits.push_back({lever.path, on ? 1.0 : 0.0});
    MarkLastItem(("lever:" + lever.path).c_str());
    Tooltip(session, lever, label, preset);
    ImGui::SameLine();
    WrappedLabel(label.c_str());
    Tooltip(session, lever, label, preset);
    IdleRuleNote(session, lever);
    ImGui::PopID();
    return;
  }
  // The name, then its unit (beside it when it fits, else under it), then the control and a reset:
  // nothing on the control's line can push it past the panel's edge.
  WrappedLabel(label.c_str());
  const std::string unit = LeverUnit(lever, CurrentText());
  const bool percent = unit == "%";  // shown inside the slider ("35%")
  if (!percent) {
    SameLineIfFits(ImGui::CalcTextSize(unit.c_str()).x);
    ImGui::TextDisabled("%s", unit.c_str());
  }
  const float resetWidth = ImGui::GetFrameHeight();
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4.0f, ImGui::GetContentRegionAvail().x - resetWidth - ImGui::GetStyle().ItemSpacing.x));
  double stored = lever.value;
  if (LeverSlider(lever, preset.value_or(lever.value), stored)) edits.push_back({lever.path, stored});
  MarkLastItem(("lever:" + lever.path).c_str());
  Tooltip(session, lever, label, preset);
  ImGui::SameLine();
  const bool changed = preset && *preset != lever.value;
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button("R", ImVec2(resetWidth, 0.0f)) && preset) edits.push_back({lever.path, *preset});
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", Tr("lever.reset-tip"));
  BelowNormalPriceNote(session, lever);
  ImGui::PopID();
}

// A shock's own controls above its levers: remove it.
void EventControls(const std::string& id, LeversPanelActions& actions) {
  if (ImGui::SmallButton(Tr("lever.remove-shock"))) actions.removeEvent = id;
  MarkLastItem(("remove-shock:" + id).c_str());
}

// A framework's members as one checkbox per region.
void MemberControls(const Scenario& scenario, const std::string& frameworkId, LeversPanelActions& actions) {
  const auto framework = std::find_if(scenario.frameworks.begin(), scenario.frameworks.end(),
                                      [&frameworkId](const Framework& f) { return f.id == frameworkId; });
  if (framework == scenario.frameworks.end()) return;
  ImGui::TextDisabled("%s", Tr("lever.members"));
  const float columnWidth = ImGui::GetFontSize() * 4.5f;
  const int perLine = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / columnWidth));
  const float left = ImGui::GetCursorPosX();
  int column = 0;
  for (const Region& region : scenario.regions) {
    bool member = std::find(framework->members.begin(), framework->members.end(), region.id) != framework->members.end();
    if (column % perLine != 0) ImGui::SameLine(left + static_cast<float>(column % perLine) * columnWidth);
    ++column;
    ImGui::PushID(region.id.c_str());
    if (ImGui::Checkbox(region.id.c_str(), &member)) actions.membership.push_back({frameworkId, region.id, member});
    MarkLastItem(("member:" + frameworkId + ":" + region.id).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", LocalName(region.name, region.id).c_str());
    ImGui::PopID();
  }
}

// A named block of levers under a tree node per owner (event, region, framework), with the owner's
// own controls first. Shocks start open (they are what a preset is about); the rest start closed.
void OwnedGroup(const Session& session, LeverGroup group, const std::vector<std::size_t>& indices,
                const std::map<std::string, std::string>& ownerNames, bool startOpen, LeversPanelActions& actions) {
  std::string currentOwner;
  bool open = false;
  for (const std::size_t index : indices) {
    const LeverInfo* lever = &session.levers()[index];
    const std::string& owner = lever->owner;
    if (owner != currentOwner) {
      if (open) ImGui::TreePop();
      currentOwner = owner;
      const auto name = ownerNames.find(owner);
      const std::string full = name != ownerNames.end() ? name->second : owner;
      const std::string shown = EllipsizedText(full, ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing());
      open = ImGui::TreeNodeEx((shown + "###" + owner).c_str(), startOpen ? ImGuiTreeNodeFlags_DefaultOpen : 0);
      if (shown != full && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
      if (open && group == LeverGroup::Shocks) EventControls(owner, actions);
      if (open && group == LeverGroup::Frameworks) MemberControls(session.scenario(), owner, actions);
    }
    if (open) LeverRow(session, *lever, LeverLabel(session.scenario(), *lever, CurrentText()), actions.edits);
  }
  if (open) ImGui::TreePop();
}

std::map<std::string, std::string> OwnerNames(const Scenario& s) {
  std::map<std::string, std::string> names;
  for (const Event& e : s.events) names[e.id] = LocalName(e.name, e.id);
  for (const Region& r : s.regions) names[r.id] = LocalName(r.name, r.id);
  for (const Framework& f : s.frameworks) names[f.id] = LocalName(f.name, f.id);
  for (const Hazard& h : s.risks) names[h.id] = LocalName(h.name, h.id);
  return names;
}

void WorldData(const Session& session, const std::vector<std::size_t>& indices, LeversPanelState& state,
               std::vector<LeverEdit>& edits) {
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##filter", Tr("lever.filter-hint"), state.filter, sizeof state.filter);
  if (state.worldLabels.size() != indices.size()) {
    state.worldLabels.clear();
    for (const std::size_t index : indices) state.worldLabels.push_back(LeverLabel(session.scenario(), session.levers()[index], CurrentText()));
  }
  // By name (what the reader sees) or by path (what links and the CLI use).
  std::vector<std::pair<const LeverInfo*, const std::string*>> shown;
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const LeverInfo* lever = &session.levers()[indices[i]];
    const std::string& label = state.worldLabels[i];
    if (state.filter[0] == '\0' || lever->path.find(state.filter) != std::string::npos || label.find(state.filter) != std::string::npos) {
      shown.emplace_back(lever, &label);
    }
  }
  ImGui::TextDisabled("%s", TrFormat("lever.shown-of", {{"shown", FormatCount(static_cast<long long>(shown.size()))},
                                                        {"total", FormatCount(static_cast<long long>(indices.size()))}}).c_str());
  ImGuiListClipper clipper;  // thousands of rows: draw only the visible ones
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& [lever, label] = shown[static_cast<std::size_t>(i)];
      LeverRow(session, *lever, *label, edits);
    }
  }
}

// Out of the tree, a lever needs its owner's name too (the region, shock or framework).
std::string DialLabel(const Scenario& s, const LeverInfo& lever) { return LeverLabel(s, lever, CurrentText(), true); }

// The scenario's key levers, in the order it names them, under their plain labels.
void KeyLevers(const Session& session, const LeversPanelState& state, std::vector<LeverEdit>& edits) {
  if (state.dials.empty()) return;
  if (!ImGui::CollapsingHeader(TrId("dials.header", "dials").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const std::string& prompt = LocalText(session.scenario().presentation.tryThis);
  if (!prompt.empty()) {  // a newcomer's first move, in the preset's own words
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    WrappedLabel(TrFormat("help.tour.try-this", {{"prompt", prompt}}).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PushID("dials");  // the same levers appear again in the tree below: their own ids here
  for (const std::size_t index : state.dials) {
    const LeverInfo& lever = session.levers()[index];
    LeverRow(session, lever, DialLabel(session.scenario(), lever), edits);
  }
  ImGui::PopID();
}

// A lever value as the change list shows it.
std::string ValueText(const LeverInfo* lever, double value) {
  if (lever != nullptr) return LeverValueText(*lever, value, CurrentText());
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// One line per change from the preset, each with a button that puts it back.
void ChangesList(const Session& session, LeversPanelActions& actions) {
  const std::vector<PresetChange> changes = ChangesFromPreset(session, CurrentText());
  const std::string header = TrFormat("changes.header", {{"count", std::to_string(changes.size())}}) + "###changes";
  if (changes.empty() || !ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  MarkLastItem("changes");
  for (const PresetChange& change : changes) {
    ImGui::PushID(change.id.c_str());
    ImGui::PushID(static_cast<int>(change.kind));
    const bool undo = ImGui::SmallButton(Tr("changes.undo"));
    MarkLastItem(("undo-change:" + change.id).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("changes.undo-tip"));
    ImGui::SameLine();
    std::string text;
    switch (change.kind) {
      case PresetChangeKind::Lever: {
        const auto lever = std::find_if(session.levers().begin(), session.levers().end(),
                                        [&change](const LeverInfo& l) { return l.path == change.id; });
        const LeverInfo* info = lever == session.levers().end() ? nullptr : &*lever;
        text = TrFormat("changes.lever", {{"label", info ? DialLabel(session.scenario(), *info) : change.id},
                                          {"value", ValueText(info, change.value)},
                                          {"preset", ValueText(info, change.presetValue)}});
        if (undo) actions.edits.push_back({change.id, change.presetValue});
        break;
      }
      case PresetChangeKind::AddedShock:
        text = TrFormat("changes.added-shock", {{"name", change.name}});
        if (undo) actions.removeEvent = change.id;
        break;
      case PresetChangeKind::RemovedShock:
        text = TrFormat("changes.removed-shock", {{"name", change.name}});
        if (const Event* shock = PresetShock(session, change.id); undo && shock != nullptr) actions.addEvent = *shock;
        break;
      case PresetChangeKind::AddedHazard:
        text = TrFormat("changes.added-hazard", {{"name", change.name}});
        if (undo) actions.hazards.remove = change.id;
        break;
      case PresetChangeKind::RemovedHazard:
        text = TrFormat("changes.removed-hazard", {{"name", change.name}});
        if (const Hazard* hazard = PresetHazard(session, change.id); undo && hazard != nullptr) actions.hazards.add = *hazard;
        break;
      case PresetChangeKind::ChangedHazard:
        text = TrFormat("changes.changed-hazard", {{"name", change.name}});
        if (const Hazard* hazard = PresetHazard(session, change.id); undo && hazard != nullptr) actions.hazards.edit = *hazard;
        break;
      case PresetChangeKind::Members:
        text = TrFormat("changes.members", {{"framework", change.name}});
        if (undo) {  // members the preset has first, so a framework never runs out of members
          for (const std::string& region : change.presetMembers) actions.membership.push_back({change.id, region, true});
          for (const std::string& region : change.members) {
            if (std::find(change.presetMembers.begin(), change.presetMembers.end(), region) == change.presetMembers.end()) {
              actions.membership.push_back({change.id, region, false});
            }
          }
        }
        break;
    }
    WrappedLabel(text);
    ImGui::PopID();
    ImGui::PopID();
  }
}

}  // namespace

void SliderSpan(const LeverInfo& lever, double presetValue, double& low, double& high) {
  low = std::isfinite(lever.min) ? std::max(lever.min, 0.0) : 0.0;
  if (lever.min < 0.0 && std::isfinite(lever.min)) low = lever.min;
  if (std::isfinite(lever.max)) {
    high = lever.max;
  } else {
    const double scale = std::max({std::fabs(lever.value), std::fabs(presetValue), 1.0});
    high = lever.integer ? std::ceil(scale * 3.0) : scale * 3.0;
  }
  if (high <= low) high = low + 1.0;
}

LeversPanelActions DrawLeversPanel(const Session& session, LeversPanelState& state) {
  LeversPanelActions actions;
  if (!session.loaded()) {
    ImGui::TextDisabled("%s", Tr("lever.no-scenario"));
    return actions;
  }
  if (state.version != session.leversVersion()) {  // thousands of levers: group once per load
    state.version = session.leversVersion();
    state.groups.clear();
    for (std::size_t i = 0; i < session.levers().size(); ++i) state.groups[session.levers()[i].group].push_back(i);
    state.namesLanguage = -1;  // and the names of the new scenario's shocks, regions and frameworks
    state.dials.clear();
    for (const std::string& dial : session.scenario().presentation.dials) {  // a dial whose shock is gone is skipped
      for (std::size_t i = 0; i < session.levers().size(); ++i) {
        if (session.levers()[i].path == dial) state.dials.push_back(i);
      }
    }
  }
  if (state.namesLanguage != static_cast<int>(CurrentLanguage())) {  // names follow the language
    state.namesLanguage = static_cast<int>(CurrentLanguage());
    state.ownerNames = OwnerNames(session.scenario());
    state.worldLabels.clear();
  }
  const auto& groups = state.groups;
  const auto& names = state.ownerNames;
  static const std::vector<std::size_t> kNone;
  // Adding a shock is the panel's first action, above the key levers: never below the fold. (A shock
  // added shows at once in the changes list under it, with its undo.)
  actions.addEvent = DrawEventForm(session.scenario(), session.selection().good, state.eventForm);
  KeyLevers(session, state, actions.edits);
  ChangesList(session, actions);
  if (!state.dials.empty()) ImGui::SeparatorText(Tr("dials.all"));
  for (const LeverGroup group : {LeverGroup::Shocks, LeverGroup::Policies, LeverGroup::Frameworks, LeverGroup::Risks}) {
    const auto it = groups.find(group);
    const bool shocks = group == LeverGroup::Shocks;
    const bool risks = group == LeverGroup::Risks;  // shown with no hazards too: the place to add the first
    if (it == groups.end() && !risks) continue;
    const bool open = ImGui::CollapsingHeader(GroupLabel(group).c_str(), shocks ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    if (risks) MarkLastItem("risks");
    if (!open) continue;
    if (risks) {  // keeps an undo the changes list asked for this frame
      RiskRegisterActions asked = DrawRiskRegister(session, session.selection().good, state.riskForm);
      if (asked.add) actions.hazards.add = std::move(asked.add);
      if (asked.edit) actions.hazards.edit = std::move(asked.edit);
      if (asked.remove) actions.hazards.remove = std::move(asked.remove);
    }
    if (it != groups.end()) OwnedGroup(session, group, it->second, names, shocks, actions);
  }
  if (const auto it = groups.find(LeverGroup::WorldData); it != groups.end() && ImGui::CollapsingHeader(GroupLabel(LeverGroup::WorldData).c_str())) {
    WorldData(session, it->second, state, actions.edits);
  }
  return actions;
}

}  // namespace kz
