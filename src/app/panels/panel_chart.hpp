// The time-series chart: one series per region for the selected good (fulfilment, price index,
// strategic stock or loss), the selected region drawn bold with its comparison dashed, a marker at
// the selected month, readable ticks with units, a legend and a hover read-out. Own plotting on
// ImDrawList (ImPlot is not available). Clicking picks the month; the legend picks the region.
#pragma once

#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "state/session.hpp"

namespace kz {

enum class ChartMetric { Fulfilment, Price, Stockpile, Loss };

/// The y-axis range and tick step for values up to `maxValue` (nice steps: 1, 2, 2.5, 5 x 10^k).
struct AxisTicks {
  double max = 1.0;
  double step = 0.25;
};
AxisTicks NiceTicks(double maxValue, int wantedTicks = 4);

/// Formats a tick or read-out value for a metric ("62%", "4.2x", "1.3 bn USD").
std::string FormatMetric(ChartMetric metric, double value);

/// Formats a difference from the comparison ("+5 pts", "-0.20x", "+120 m USD").
std::string FormatMetricDelta(ChartMetric metric, double value);

/// The series value of `metric` at (t, region, good).
double MetricValue(const Results& results, ChartMetric metric, int t, int region, int good);

/// Regions worth plotting for a good: those that need it (demand or use) at some month.
std::vector<int> RegionsUsing(const Results& results, int good);

struct ChartPanelState {
  ChartMetric metric = ChartMetric::Fulfilment;
  bool delta = false;  ///< plot the difference from the comparison instead of the values
};

/// One plotted line of the chart as data: values and their read-out text ("62%", "+5 pts").
struct ChartSeries {
  std::string id;                 ///< region id, or "comparison"
  std::string name;               ///< what the legend calls it
  std::vector<double> values;     ///< per month
  std::vector<std::string> text;  ///< per month, formatted as the chart's read-out
};

/// What the chart shows, as data for the page's accessible table (the same series, units and order
/// as the drawing; the comparison line last when it is drawn).
struct ChartData {
  std::string title;       ///< e.g. "Fulfilment of NdFeB magnets by region"
  std::string metric;      ///< "fulfilment", "price", "stockpile" or "loss"
  std::string unit;        ///< "%", "x", the good's unit or "USD"
  std::string good;        ///< good id
  std::string region;      ///< the selected region's id (drawn bold)
  bool delta = false;      ///< values are differences from the comparison
  int months = 0;
  std::vector<ChartSeries> series;
};
/// The chart's data for `state` (empty when no scenario is loaded).
ChartData ChartDataOf(const Session& session, const ChartPanelState& state);

/// Draws the chart in the current window and returns the selection the user asked for (the same as
/// the session's when nothing was clicked).
Selection DrawChartPanel(const Session& session, ChartPanelState& state);

}  // namespace kz
