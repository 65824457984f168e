// Changes from the preset (see preset_changes.hpp), found by comparing the working scenario's levers,
// shocks, members and hazards with the preset's by id.
#include "state/preset_changes.hpp"

#include <algorithm>

namespace kz {
namespace {

template <typename Item>
const Item* ById(const std::vector<Item>& items, const std::string& id) {
  const auto it = std::find_if(items.begin(), items.end(), [&id](const Item& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// A hazard with its numbers (the levers' part) zeroed: what is left differs only in where, what, kind,
// name or recovery.
Hazard WithoutNumbers(Hazard hazard) {
  hazard.annualProbability = 0.0;
  for (Distribution* d : {&hazard.severity, &hazard.durationMonths}) d->low = d->mode = d->high = 0.0;
  return hazard;
}

}  // namespace

const Event* PresetShock(const Session& session, const std::string& id) { return ById(session.preset().events, id); }

const Hazard* PresetHazard(const Session& session, const std::string& id) { return ById(session.preset().risks, id); }

namespace {

void HazardChanges(const Scenario& now, const Scenario& preset, const UiText& words, std::vector<PresetChange>& changes) {
  for (const Hazard& h : now.risks) {
    const Hazard* before = ById(preset.risks, h.id);
    if (before == nullptr) {
      changes.push_back({PresetChangeKind::AddedHazard, h.id, words.LocalName(h.name, h.id), 0.0, 0.0, {}, {}});
    } else if (WithoutNumbers(*before) != WithoutNumbers(h)) {
      changes.push_back({PresetChangeKind::ChangedHazard, h.id, words.LocalName(h.name, h.id), 0.0, 0.0, {}, {}});
    }
  }
  for (const Hazard& h : preset.risks) {
    if (ById(now.risks, h.id) == nullptr) {
      changes.push_back({PresetChangeKind::RemovedHazard, h.id, words.LocalName(h.name, h.id), 0.0, 0.0, {}, {}});
    }
  }
}

}  // namespace

std::vector<PresetChange> ChangesFromPreset(const Session& session, const UiText& words) {
  std::vector<PresetChange> changes;
  if (!session.loaded()) return changes;
  const Scenario& now = session.scenario();
  const Scenario& preset = session.preset();
  for (const LeverInfo& lever : session.levers()) {
    const std::optional<double> before = session.PresetValue(lever.path);
    if (!before || *before == lever.value) continue;  // a new shock's levers have no preset value
    PresetChange change;
    change.id = lever.path;
    change.value = lever.value;
    change.presetValue = *before;
    changes.push_back(std::move(change));
  }
  for (const Event& e : now.events) {
    if (ById(preset.events, e.id) == nullptr) {
      changes.push_back({PresetChangeKind::AddedShock, e.id, words.LocalName(e.name, e.id), 0.0, 0.0, {}, {}});
    }
  }
  for (const Event& e : preset.events) {
    if (ById(now.events, e.id) == nullptr) {
      changes.push_back({PresetChangeKind::RemovedShock, e.id, words.LocalName(e.name, e.id), 0.0, 0.0, {}, {}});
    }
  }
  for (const Framework& f : now.frameworks) {
    const Framework* before = ById(preset.frameworks, f.id);
    if (before == nullptr || before->members == f.members) continue;
    changes.push_back({PresetChangeKind::Members, f.id, words.LocalName(f.name, f.id), 0.0, 0.0, before->members, f.members});
  }
  HazardChanges(now, preset, words, changes);
  return changes;
}

}  // namespace kz
