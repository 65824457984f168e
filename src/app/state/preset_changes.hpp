// What the working scenario changed from its preset, item by item, so a viewer (the sender, or a
// link's recipient) sees every change and can put each one back: levers set to other values, shocks
// added or removed, framework members changed. Data only; the levers panel draws it.
#pragma once

#include <string>
#include <vector>

#include "kizuna/scenario.hpp"
#include "state/session.hpp"

namespace kz {

enum class PresetChangeKind { Lever, AddedShock, RemovedShock, Members, AddedHazard, RemovedHazard, ChangedHazard };

struct PresetChange {
  PresetChangeKind kind = PresetChangeKind::Lever;
  std::string id;              ///< the lever path, the shock's, framework's or hazard's id
  std::string name;            ///< the shock's or framework's name in the UI's language (levers: "")
  double value = 0.0;          ///< Lever: the working value
  double presetValue = 0.0;    ///< Lever: the preset's value (what undoing it sets)
  std::vector<std::string> presetMembers;  ///< Members: the preset's list (what undoing it restores)
  std::vector<std::string> members;        ///< Members: the working list
};

/// Every change of `session`'s scenario from its preset: levers in lever order, then shocks added,
/// shocks removed, member lists changed, then hazards added, removed and changed beyond their
/// numbers (where, what, kind, name, recovery: their numbers are lever changes), in scenario order.
/// Empty when nothing was changed.
/// A removed shock's levers and an added shock's are not listed as lever changes (the shock is).
std::vector<PresetChange> ChangesFromPreset(const Session& session, const UiText& words);

/// The preset's shock with this id (for undoing its removal), or nullptr.
const Event* PresetShock(const Session& session, const std::string& id);

/// The preset's hazard with this id (for undoing its removal or change), or nullptr.
const Hazard* PresetHazard(const Session& session, const std::string& id);

}  // namespace kz
