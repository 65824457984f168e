// The first-visit tour (state/tour.hpp) drawn over the panels: a small window beside the control
// each step is about, that control outlined, and Back / Next / Skip. Landmarks for tests:
// "tour-window", "tour-back", "tour-next", "tour-skip".
#pragma once

#include "state/session.hpp"
#include "state/tour.hpp"

namespace kz {

/// Layout memory: the window's last height places the next frame's window.
struct TourPanelState {
  float lastHeight = 0.0f;
};

/// Draws the tour's current step when it is shown (nothing otherwise).
void DrawTour(Tour& tour, const Session& session, TourPanelState& state);

}  // namespace kz
