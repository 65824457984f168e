// Findings panel: the scenario's title and story, the key findings, the selection's read-out and
// its explanation (all computed in the state layer: state/selection_text.hpp), drawn with ImGui.
#pragma once

#include "panels/panel_headline.hpp"
#include "state/selection_text.hpp"
#include "state/session.hpp"

namespace kz {

/// What the findings panel keeps between frames: the explanation of the selection (state layer).
struct FindingsPanelState {
  SelectionExplanation explanation;
  HeadlinePanelState headline;  ///< the strip of big figures at the top
};

/// `highlighted`: the headline figure a presented story step points at ("" = none).
void DrawFindingsPanel(const Session& session, FindingsPanelState& state, std::string_view highlighted = {});

}  // namespace kz
