// The headline strip: the story's three or four big figures (state/headline.hpp) across the top of
// the findings panel, each value in large type over its caption, and a named warning under them
// when A and B do not compare like with like.
#pragma once

#include <string_view>

#include "state/headline.hpp"
#include "state/session.hpp"

namespace kz {

/// The headline as last worded: rebuilt when the results or the language change, not every frame.
struct HeadlinePanelState {
  int resultsVersion = -1;
  int language = -1;
  Headline headline;
};

/// Draws the strip inside the current window (nothing until a scenario is loaded). The figure with id
/// `highlighted` (HeadlineFigure::id; a presented story step's, "" = none) stands out: a tinted cell,
/// its value in the highlight colour (landmark "headline-highlight").
void DrawHeadlineStrip(const Session& session, HeadlinePanelState& state, std::string_view highlighted = {});

}  // namespace kz
