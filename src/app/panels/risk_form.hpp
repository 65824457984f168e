// The levers panel's risk register: the hazards Monte Carlo draws, each with its chance per year and
// where that comes from (tooltip), a Change and a Remove button, and a form (like "Add a shock") to
// add a hazard or change one. It only builds hazards; the app applies them through the session
// (state/risk_register.hpp), so an edit is validated and undoable and the single run never moves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kizuna/expected.hpp"
#include "state/risk_register.hpp"
#include "state/session.hpp"

namespace kz {

struct RiskFormState {
  bool open = false;
  HazardDraft draft;
  char name[128] = "";            ///< UTF-8 as typed; "" = keep the hazard's name, or describe it
  std::vector<Problem> problems;  ///< of the last Add / Save, in plain words
};

/// What the user asked for this frame.
struct RiskRegisterActions {
  std::optional<Hazard> add;
  std::optional<Hazard> edit;           ///< replaces the hazard with its id
  std::optional<std::string> remove;    ///< hazard id
};

/// Draws the register and the form inside the current window. A new hazard starts on `selectedGood`
/// at its largest producer.
RiskRegisterActions DrawRiskRegister(const Session& session, int selectedGood, RiskFormState& state);

}  // namespace kz
