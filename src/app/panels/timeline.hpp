// The timeline under the chart: a month slider, play/pause and step buttons, and keyboard shortcuts
// (K plays or pauses, comma and period step a month, as in video players; ImGui's keyboard
// navigation keeps the arrows and space). Every view follows the month it picks.
#pragma once

namespace kz {

struct TimelineState {
  bool playing = false;
  double monthsPerSecond = 3.0;
  double carried = 0.0;  // fraction of a month played but not yet shown
};

/// The month after `elapsedSeconds` of play from `month`; stops (playing = false) at `lastMonth`.
/// Pure, so the pace is testable without a clock.
int AdvanceTimeline(TimelineState& state, double elapsedSeconds, int month, int lastMonth);

/// Draws the timeline across the current window's width and returns the month to show.
int DrawTimeline(TimelineState& state, int month, int lastMonth);

}  // namespace kz
