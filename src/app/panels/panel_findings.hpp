// Key findings and the selection's read-out: what the current results say, in words, and why the
// selected region lacks the selected good in the selected month (the binding constraint the core
// recorded). The text is also what kizuna.summary() returns to the page.
#pragma once

#include <string>
#include <vector>

#include "state/session.hpp"

namespace kz {

/// The selection in words: "Japan, NdFeB magnets, month 4: 62% of need met (comparison 100%);
/// short because of export restriction 'China halts oxide exports to Japan' at China."
std::string SelectionReadout(const Session& session);

/// The explanation of the selection, recomputed only when the results or the selection change
/// (Explain lists the scenario's levers, too slow to repeat every frame).
struct FindingsPanelState {
  int version = -1;
  Selection selection{-1, -1, -1};
  std::string text;
  std::vector<std::string> levers;
};

void DrawFindingsPanel(const Session& session, FindingsPanelState& state);

}  // namespace kz
