// The levers panel: every adjustable number of the scenario, grouped as the user thinks of them
// (shocks, national policies, frameworks, then the world's data), each with its unit, range, a
// reset to the loaded preset's value and a tooltip with its source or assumption. Drawing returns
// the edits; the app applies them through the session, so the panel never changes the model itself.
// Shocks can also be added and removed, framework members ticked, and the risk register edited here. First come the
// scenario's key levers ("dials") and what was changed from the preset, each change undoable.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "panels/event_form.hpp"
#include "panels/risk_form.hpp"
#include "kizuna/levers.hpp"
#include "state/session.hpp"

namespace kz {

/// One change the user made this frame.
struct LeverEdit {
  std::string path;
  double value = 0.0;
};

/// A framework membership the user ticked or cleared.
struct MembershipEdit {
  std::string framework;
  std::string region;
  bool member = false;
};

/// Everything the user asked for this frame; the app applies it through the session.
struct LeversPanelActions {
  std::vector<LeverEdit> edits;
  std::optional<Event> addEvent;
  std::optional<std::string> removeEvent;  ///< event id
  std::vector<MembershipEdit> membership;
  RiskRegisterActions hazards;  ///< hazards added, changed or removed (the Risks section)
};

/// The slider's span for a lever: its own range when finite, otherwise 0 .. a few times the larger
/// of its current and preset values (at least 1), so unbounded quantities are still draggable.
void SliderSpan(const LeverInfo& lever, double presetValue, double& low, double& high);

/// The panel's persistent state: the filter text for the long world-data list, and the levers
/// grouped by LeverInfo::group (indices into Session::levers()), rebuilt only when the list changes.
struct LeversPanelState {
  char filter[64] = "";
  int version = -1;
  std::map<LeverGroup, std::vector<std::size_t>> groups;
  std::map<std::string, std::string> ownerNames;
  int namesLanguage = -1;  // the UI language ownerNames are in (catalog.hpp Language)
  std::vector<std::string> worldLabels;  // the World data levers' names, made once per load and language (the filter reads them)
  std::vector<std::size_t> dials;  // the scenario's key levers (Presentation::dials), indices as in groups
  EventFormState eventForm;
  RiskFormState riskForm;
};

/// Draws the levers of `session` inside the current window; returns what the user changed.
LeversPanelActions DrawLeversPanel(const Session& session, LeversPanelState& state);

}  // namespace kz
