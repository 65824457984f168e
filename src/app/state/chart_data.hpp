// The chart's data: the metric of the selected good by region over the months (fulfilment, price
// index, strategic stock or loss), or its difference from the comparison, with read-out texts and
// tick steps. The chart panel draws it; the page's accessible table (kizuna.chart()) reads it.
#pragma once

#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "state/catalog.hpp"
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
std::string FormatMetric(ChartMetric metric, double value, const UiText& text);

/// Formats a difference from the comparison ("+5 pts", "-0.20x", "+120 m USD").
std::string FormatMetricDelta(ChartMetric metric, double value, const UiText& text);

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
ChartData ChartDataOf(const Session& session, const ChartPanelState& state, const UiText& text);

/// The metric's name ("Fulfilment").
const char* MetricName(ChartMetric metric, const UiText& text);

/// A region's and a good's names as the chart shows them.
std::string ChartRegionName(const Scenario& s, int region, const UiText& text);
std::string ChartGoodLabel(const Scenario& s, int good, const UiText& text);

/// What one series shows: the metric itself, or its difference from the comparison (delta view).
struct SeriesSource {
  const Results* results = nullptr;
  const Results* minus = nullptr;  ///< delta view: subtract this run
  ChartMetric metric = ChartMetric::Fulfilment;
  UiText text;  ///< the words of the read-outs
  double At(int t, int region, int good) const {
    const double value = MetricValue(*results, metric, t, region, good);
    return minus ? value - MetricValue(*minus, metric, t, region, good) : value;
  }
  std::string Format(double value) const { return minus ? FormatMetricDelta(metric, value, text) : FormatMetric(metric, value, text); }
};

}  // namespace kz
