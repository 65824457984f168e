// The workshop's panels: in the levers' place, the facilitator's (round, injects, which teams have
// decided, decision codes, hot-seat entry, advance and undo, links for the teams) or a team's
// (briefing, injects, its levers, a preview and the code to read out); and the debrief window.
#pragma once

#include <optional>
#include <string>

#include "workshop.hpp"

namespace kz {

struct WorkshopPanelState {
  char code[48] = "";
  std::string message;       ///< the last command's outcome, shown under the code field
  bool messageIsProblem = false;
  int hotSeatTeam = -1;      ///< the team whose decision the facilitator is entering, or -1
  DecisionSteps hotSeatSteps;
  bool showDebrief = false;
};

/// Text for the clipboard and what to say once it is there.
struct CopyRequest {
  std::string text;
  std::string confirmation;
};

/// What the user asked of the app and the platform this frame.
struct WorkshopActions {
  std::optional<CopyRequest> copy;
  bool exportDebriefCsv = false;
  bool leave = false;
};

/// Draws the facilitator's or the team's panel inside the current window; commands go to `workshop`.
WorkshopActions DrawWorkshopPanel(Workshop& workshop, WorkshopPanelState& state);

/// The debrief in its own window (state.showDebrief); returns its export request.
WorkshopActions DrawDebriefWindow(const Workshop& workshop, WorkshopPanelState& state);

/// USD as the panels show it: "1.23 bn USD", "45.6 m USD".
std::string FormatUsd(double usd);

}  // namespace kz
