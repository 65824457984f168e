// The selection in words, and why: the read-out of the selected region, good and month, and the
// explanation of its shortfall (the binding constraint's chain and the levers that would address it).
// Both are also what kizuna.summary() returns to the page; the findings panel draws them.
#pragma once

#include <string>
#include <vector>

#include "state/catalog.hpp"
#include "state/session.hpp"

namespace kz {

/// The selection in words: "Japan, NdFeB magnets, month 4: 62% of need met (comparison 100%);
/// short because of export restriction 'China halts oxide exports to Japan' at China."
std::string SelectionReadout(const Session& session, const UiText& words);

/// Why the selected region lacks the selected good in the selected month, in the words given: Explain's text and one line per lever it suggests ("path: reason"); empty
/// when nothing is short. Kept with the results version and selection it was made for, because
/// Explain lists the scenario's levers (too slow to repeat every frame).
struct SelectionExplanation {
  int version = -1;
  Selection selection{-1, -1, -1};
  std::string text;
  std::vector<std::string> levers;
};

/// Brings `explanation` up to date with the session's results and selection (recomputed only when
/// either changed since it was made).
void RefreshExplanation(const Session& session, const UiText& words, SelectionExplanation& explanation);

}  // namespace kz
