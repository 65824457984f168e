// The time-series chart drawn: one series per region for the selected good (the data is
// state/chart_data.hpp), the selected region bold with its comparison dashed, a marker at the
// selected month, readable ticks with units, a legend and a hover read-out. Own plotting on
// ImDrawList (ImPlot is not available). Clicking picks the month; the legend picks the region.
#pragma once

#include "state/chart_data.hpp"
#include "state/session.hpp"

namespace kz {

/// Draws the chart in the current window and returns the selection the user asked for (the same as
/// the session's when nothing was clicked).
Selection DrawChartPanel(const Session& session, ChartPanelState& state);

}  // namespace kz
