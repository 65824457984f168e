// Editing the risk register (the hazards Monte Carlo draws) in the app: a draft that a form edits,
// checked in plain words before it becomes a Hazard, and the session edits that add, change and
// remove hazards. Hazards never change the single run; each edit is one undo step like a shock's.
// No drawing here: panels/risk_form.* draws the form and the list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"
#include "state/catalog.hpp"
#include "state/session.hpp"

namespace kz {

/// A hazard as the form edits it: plain values (shares 0..1, whole months), region and good ids.
struct HazardDraft {
  std::string id;                   ///< the hazard being edited; "" = a new hazard
  std::string typedName;            ///< as typed (any script); "" = keep `name`, or describe it
  LocalizedText name;               ///< the edited hazard's own name ("" for a new one)
  EventKind kind = EventKind::CapacityLoss;
  std::vector<std::string> regions; ///< the form picks one; an edited hazard may have more
  std::string target;               ///< buyer region of a restriction or chokepoint; "" = everyone
  std::vector<std::string> goods;   ///< at least one (chokepoints: none = every good)
  double chance = 0.1;              ///< annualProbability, 0..1
  double strengthLow = 0.1, strengthLikely = 0.3, strengthHigh = 0.6;  ///< severity; shares (demand: changes)
  int monthsLow = 1, monthsLikely = 2, monthsHigh = 4;                 ///< durationMonths, 1..240
  int recoveryMonths = 0;           ///< 0..240; > 0 recovers linearly
  bool uniform = false;             ///< the edited hazard's spread was uniform (kept when low < high)
  bool operator==(const HazardDraft&) const = default;
};

/// A new hazard's draft: a capacity loss of `good` (index; clamped) at its largest producer.
HazardDraft NewHazardDraft(const Scenario& scenario, int good);

/// The draft of an existing hazard (to edit it). Distributions read as low / most likely / high.
HazardDraft DraftFromHazard(const Hazard& hazard);

/// Problems of a draft in `words`' language, each naming the field ("risks" path) and what to do:
/// no region, no good, an unknown id, the chance outside 0-100%, a strength or a duration out of
/// range, or low > most likely > high. Empty when the draft makes a valid hazard.
std::vector<Problem> CheckHazardDraft(const Scenario& scenario, const HazardDraft& draft, const UiText& words);

/// The hazard a checked draft describes. A new hazard gets an id unused in `scenario`
/// ("user-hazard-N") and, without a typed name, one that says what it is in both languages
/// ("Capacity loss: Japan, Silicon wafers"). Problems as CheckHazardDraft.
Expected<Hazard> HazardFromDraft(const Scenario& scenario, const HazardDraft& draft, const UiText& words);

/// Adds `hazard` (its id must be new) to the session's register: one undo step; the single run
/// is unchanged. Problems (a duplicate id, anything validation finds) change nothing.
std::vector<Problem> AddHazard(Session& session, const Hazard& hazard);
/// Replaces the hazard with `hazard.id`, in place. Problems change nothing.
std::vector<Problem> EditHazard(Session& session, const Hazard& hazard);
/// Removes the hazard `id`. Problems (no such hazard) change nothing.
std::vector<Problem> RemoveHazard(Session& session, std::string_view id);

/// One line for the register's list: "30% a year; strength 5-60%; 1-3 months".
std::string HazardSummary(const Hazard& hazard, const UiText& words);

}  // namespace kz
