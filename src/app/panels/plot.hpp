// Small plotting helpers on ImDrawList (ImPlot is not available): a plot area reserved in the
// current window with data-to-screen mapping, "nice" tick ranges that may cross zero, axes with
// unit-formatted labels, bands, lines and horizontal bars. Used by the analysis window; the chart
// panel keeps its own.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace kz::plot {

/// A tick range: [low, high] in steps of `step` (low and high are multiples of step).
struct Ticks {
  double low = 0.0;
  double high = 1.0;
  double step = 0.25;
};

/// Ticks covering [minValue, maxValue] (either may be negative) with about `wanted` steps, 1-2-2.5-5
/// spacing; an empty or invalid range gives [0, 1] (or around the single value).
Ticks NiceTicks(double minValue, double maxValue, int wanted = 5);

/// Money in USD for axes and read-outs: "1.2 bn USD", "35.0 m USD", "12.5 k USD", "512 USD".
std::string FormatUsd(double usd);
/// A share 0..1 as a percentage: "95%" (or "95.5%" with `decimals` = 1).
std::string FormatShare(double share, int decimals = 0);
/// A value in `unit`: "USD" -> FormatUsd, "share" -> FormatShare, "index" -> "1.50x", else "%.4g unit".
std::string FormatUnit(double value, const std::string& unit);

/// The plot rectangle (screen space) and the data ranges it shows.
struct Area {
  ImVec2 min;
  ImVec2 max;
  double xLow = 0.0, xHigh = 1.0;
  double yLow = 0.0, yHigh = 1.0;
  bool hovered = false;  ///< the mouse is over the plot rectangle
  float X(double x) const;
  float Y(double y) const;
  ImVec2 At(double x, double y) const { return ImVec2(X(x), Y(y)); }
  /// The data x under screen x (clamped to the range).
  double DataX(float screenX) const;
};

/// Reserves `size` (screen pixels, the whole widget) in the current window and returns the plot
/// rectangle inside it, leaving `left` pixels for y labels and `bottom` for x labels.
Area Reserve(const char* id, ImVec2 size, float left, float bottom, double xLow, double xHigh, double yLow, double yHigh);

/// Horizontal grid lines and y labels at every tick.
void YAxis(ImDrawList* draw, const Area& area, const Ticks& ticks, const std::string& unit);
/// Vertical grid lines and x labels at every tick (for value axes of horizontal bars).
void XAxis(ImDrawList* draw, const Area& area, const Ticks& ticks, const std::string& unit);
/// Month ticks 0..months-1 under the plot, with the axis title "month".
void MonthAxis(ImDrawList* draw, const Area& area, int months);

/// Fills between `lower` and `upper` (per x = index), e.g. a percentile band.
void Band(ImDrawList* draw, const Area& area, const std::vector<double>& lower, const std::vector<double>& upper, ImU32 colour);
/// A line through (index, values[index]).
void Line(ImDrawList* draw, const Area& area, const std::vector<double>& values, ImU32 colour, float thickness);
/// A screen rectangle.
struct Rect {
  ImVec2 min;
  ImVec2 max;
  bool Contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
};

/// A horizontal bar from x = `from` to `to` in row `row` of `rows` equal rows, `fill` of the row's
/// height; returns the row's whole band (for hover tests).
Rect HBar(ImDrawList* draw, const Area& area, int row, int rows, double from, double to, ImU32 colour, float fill = 0.7f);

}  // namespace kz::plot
