// The workshop's panels: in the levers' place, the facilitator's (round, injects, which teams have
// decided, decision codes, hot-seat entry, advance and undo, links for the teams) or a team's
// (briefing, injects, its levers, a preview and the code to read out); and the debrief window.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "state/platform_request.hpp"
#include "state/workshop.hpp"

namespace kz {

struct WorkshopPanelState {
  char code[48] = "";
  char roundCode[256] = "";  ///< a team's round code being typed (Next round; long exercises have long ones)
  std::string message;       ///< the last command's outcome, shown under the code field
  bool messageIsProblem = false;
  int hotSeatTeam = -1;      ///< the team whose decision the facilitator is entering, or -1
  DecisionSteps hotSeatSteps;
  bool showDebrief = false;
  /// The facilitator's screen is projected: private injects stay off it (on until the facilitator,
  /// on a screen the room cannot see, turns it off).
  bool presenterView = true;
};

/// Text for the clipboard and what to say once it is there.

/// What the user asked of the app and the platform this frame.
struct WorkshopActions {
  std::optional<CopyRequest> copy;
  bool exportDebriefCsv = false;
  bool exportDebriefPng = false;  ///< the debrief's chart as a PNG (landmark "workshop-debrief-chart")
  bool leave = false;
};

/// Draws the facilitator's or the team's panel inside the current window; commands go to `workshop`.
WorkshopActions DrawWorkshopPanel(Workshop& workshop, WorkshopPanelState& state);

/// The debrief in its own window (state.showDebrief); returns its export request.
WorkshopActions DrawDebriefWindow(const Workshop& workshop, WorkshopPanelState& state);

/// What the facilitator reads when `code` was refused with `problem` (EnterCode left the session as
/// it was): the catalog's words for the refusals the app can tell from the decoded code (a stale or
/// early round, a team that does not decide, a duplicate, a team that has decided otherwise, an
/// empty code); otherwise the decoder's own (English) message, introduced in the UI's language.
std::string DescribeCodeProblem(const Workshop& workshop, std::string_view code, const Problem& problem);

}  // namespace kz
