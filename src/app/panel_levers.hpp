// The levers panel: every adjustable number of the scenario, grouped as the user thinks of them
// (shocks, national policies, frameworks, then the world's data), each with its unit, range, a
// reset to the loaded preset's value and a tooltip with its source or assumption. Drawing returns
// the edits; the app applies them through the session, so the panel never changes the model itself.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kizuna/levers.hpp"
#include "session.hpp"

namespace kz {

/// One change the user made this frame.
struct LeverEdit {
  std::string path;
  double value = 0.0;
};

/// Which group a lever belongs to, by its path: "Shocks", "National policies", "Frameworks",
/// "Risks" or "World data".
std::string LeverGroup(const std::string& path);

/// The slider's span for a lever: its own range when finite, otherwise 0 .. a few times the larger
/// of its current and preset values (at least 1), so unbounded quantities are still draggable.
void SliderSpan(const LeverInfo& lever, double presetValue, double& low, double& high);

/// The panel's persistent state: the filter text for the long world-data list, and the levers
/// grouped by LeverGroup (indices into Session::levers()), rebuilt only when the list changes.
struct LeversPanelState {
  char filter[64] = "";
  int version = -1;
  std::map<std::string, std::vector<std::size_t>> groups;
  std::map<std::string, std::string> ownerNames;
};

/// Draws the levers of `session` inside the current window; returns what the user changed.
std::vector<LeverEdit> DrawLeversPanel(const Session& session, LeversPanelState& state);

}  // namespace kz
