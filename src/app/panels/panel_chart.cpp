// Chart panel: axes, series, comparison, month marker, legend, hover read-out.
#include "panels/panel_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_text.hpp"
#include "panels/ui_landmarks.hpp"

namespace kz {
namespace {

constexpr ImU32 kPalette[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255),  IM_COL32(44, 160, 44, 255),
                              IM_COL32(255, 127, 14, 255), IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
                              IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
                              IM_COL32(23, 190, 207, 255)};

ImU32 RegionColour(int region) { return kPalette[static_cast<std::size_t>(region) % std::size(kPalette)]; }

struct Plot {
  ImVec2 min, max;  // plot area in screen space
  int months = 1;
  double yMin = 0.0;
  double yMax = 1.0;
  ImVec2 At(int t, double value) const {
    const float x = min.x + (max.x - min.x) * (months > 1 ? static_cast<float>(t) / static_cast<float>(months - 1) : 0.0f);
    const double share = std::clamp((value - yMin) / std::max(1e-12, yMax - yMin), 0.0, 1.0);
    const float y = max.y - (max.y - min.y) * static_cast<float>(share);
    return ImVec2(x, y);
  }
};

void DrawAxes(ImDrawList* draw, const Plot& plot, const SeriesSource& source, const AxisTicks& ticks) {
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const int steps = static_cast<int>(std::lround((plot.yMax - plot.yMin) / ticks.step));
  for (int i = 0; i <= steps; ++i) {
    const double y = plot.yMin + ticks.step * i;
    const ImVec2 p = plot.At(0, y);
    draw->AddLine(ImVec2(plot.min.x, p.y), ImVec2(plot.max.x, p.y), grid, std::fabs(y) < 1e-12 && source.minus ? 2.0f : 1.0f);
    const std::string label = source.Format(y);
    draw->AddText(ImVec2(plot.min.x - ImGui::CalcTextSize(label.c_str()).x - 4.0f, p.y - ImGui::GetFontSize() * 0.5f), text, label.c_str());
  }
  const int step = plot.months > 48 ? 12 : plot.months > 18 ? 6 : plot.months > 8 ? 3 : 1;
  for (int t = 0; t < plot.months; t += step) {
    const ImVec2 p = plot.At(t, plot.yMin);
    draw->AddLine(ImVec2(p.x, plot.max.y), ImVec2(p.x, plot.max.y + 4.0f), grid);
    char label[16];
    std::snprintf(label, sizeof label, "%d", t);
    draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(label).x * 0.5f, plot.max.y + 5.0f), text, label);
  }
}

void DrawSeries(ImDrawList* draw, const Plot& plot, const SeriesSource& source, int region, int good, ImU32 colour,
                float thickness, bool dashed) {
  for (int t = 1; t < plot.months; ++t) {
    if (dashed && t % 2 == 0) continue;
    draw->AddLine(plot.At(t - 1, source.At(t - 1, region, good)), plot.At(t, source.At(t, region, good)), colour, thickness);
  }
}

// The y range: 0 .. the largest value (fulfilment 0..100%), or symmetric about 0 for differences.
AxisTicks RangeOf(const SeriesSource& source, int months, int good, const std::vector<int>& regions, Plot& plot) {
  double most = 0.0;
  if (!source.minus && source.metric == ChartMetric::Fulfilment) most = 1.0;
  if (!source.minus && source.metric == ChartMetric::Price) most = 1.0;
  for (int region : regions) {
    for (int t = 0; t < months; ++t) most = std::max(most, source.minus ? std::fabs(source.At(t, region, good)) : source.At(t, region, good));
  }
  if (source.minus && most < 1e-9) most = source.metric == ChartMetric::Fulfilment ? 0.01 : 1e-6;  // no difference: a small flat range
  const AxisTicks ticks = NiceTicks(most, source.minus ? 2 : 4);
  plot.yMax = ticks.max;
  plot.yMin = source.minus ? -ticks.max : 0.0;
  return ticks;
}

}  // namespace

Selection DrawChartPanel(const Session& session, ChartPanelState& state) {
  const UiText words = CurrentText();
  Selection selection = session.selection();
  if (!session.loaded()) return selection;
  const Scenario& s = session.scenario();
  const Results& r = session.results();
  const Results* other = session.comparisonResults();

  // Labels before their controls ("Good [...]"), as a reader scans a row.
  const std::string goodLabelId = TrId("chart.good", "good");
  const float goodWidth = std::min(ImGui::GetFontSize() * 12.0f, ImGui::GetContentRegionAvail().x - LabelInlineWidth(goodLabelId, 0.0f));
  const std::string goodId = LabelInline(goodLabelId, goodWidth);
  const std::string goodLabel = ChartGoodLabel(s, selection.good, words);
  if (BeginComboFitted(goodId.c_str(), goodLabel)) {
    for (int g = 0; g < r.goods; ++g) {
      if (ImGui::Selectable(ChartGoodLabel(s, g, words).c_str(), g == selection.good)) selection.good = g;
    }
    ImGui::EndCombo();
  }
  // The controls share a row while they fit and wrap on a narrow panel (a phone), never clipped.
  const float inner = ImGui::GetStyle().ItemInnerSpacing.x;
  const std::string metricLabel = TrId("chart.show", "show");
  const float metricWidth = ImGui::GetFontSize() * 9.0f;
  SameLineIfFits(LabelInlineWidth(metricLabel, metricWidth));
  const std::string metricId = LabelInline(metricLabel, metricWidth);
  int metric = static_cast<int>(state.metric);
  const char* metricNames[] = {MetricName(ChartMetric::Fulfilment, words), MetricName(ChartMetric::Price, words), MetricName(ChartMetric::Stockpile, words),
                               MetricName(ChartMetric::Loss, words)};
  if (ImGui::Combo(metricId.c_str(), &metric, metricNames, 4)) state.metric = static_cast<ChartMetric>(metric);
  const std::string deltaLabel = TrId("chart.difference", "difference");
  SameLineIfFits(ImGui::GetFrameHeight() + inner + ImGui::CalcTextSize(deltaLabel.c_str(), nullptr, true).x);
  ImGui::BeginDisabled(other == nullptr);
  ImGui::Checkbox(deltaLabel.c_str(), &state.delta);
  MarkLastItem("chart-delta");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", Tr(other ? "chart.difference-tip" : "chart.difference-needs-comparison"));
  }
  const SeriesSource source{&r, state.delta ? other : nullptr, state.metric, words};

  const std::vector<int> regions = RegionsUsing(r, selection.good);
  const std::string unit = state.metric == ChartMetric::Stockpile ? " (" + s.goods[static_cast<std::size_t>(selection.good)].unit + ")" : "";
  ImGui::PushTextWrapPos(0.0f);  // a long caption wraps, never runs past the panel
  WrappedTextDisabled(TrFormat(source.minus ? "chart.caption-difference" : "chart.caption",
                                      {{"metric", MetricName(state.metric, words)}, {"good", ChartGoodLabel(s, selection.good, words)}, {"unit", unit}}));
  ImGui::PopTextWrapPos();

  // The legend flows onto as many rows as the panel's width needs, plus a line for its note.
  const auto legendLabel = [&](int region) {
    return (region == selection.region ? "[" : "") + ChartRegionName(s, region, words) + (region == selection.region ? "]" : "");
  };
  const std::string legendNote =
      other ? TrFormat(source.minus ? "chart.legend-difference-named" : "chart.legend-comparison-named", {{"name", session.ComparisonDisplayName()}})
            : std::string();
  int legendRows = 1;
  float rowWidth = 0.0f;
  std::vector<float> widths;
  for (int region : regions) widths.push_back(ImGui::CalcTextSize(legendLabel(region).c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  if (!legendNote.empty()) widths.push_back(ImGui::CalcTextSize(legendNote.c_str()).x);
  for (const float width : widths) {
    if (rowWidth > 0.0f && rowWidth + width > ImGui::GetContentRegionAvail().x) {
      ++legendRows;
      rowWidth = 0.0f;
    }
    rowWidth += width + ImGui::GetStyle().ItemSpacing.x;
  }
  const float legendHeight = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(legendRows + 1);  // and the timeline's row
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left = ImGui::CalcTextSize((MoneyAxisLabel(-100e9, true) + " ").c_str()).x;
  Plot plot;
  plot.min = ImVec2(origin.x + left, origin.y + 4.0f);
  plot.max = ImVec2(origin.x + std::max(left + 40.0f, avail.x - 8.0f),
                    origin.y + std::max(40.0f, avail.y - legendHeight - ImGui::GetFontSize() - 8.0f));
  plot.months = r.months;
  const AxisTicks ticks = RangeOf(source, r.months, selection.good, regions, plot);

  ImDrawList* draw = ImGui::GetWindowDrawList();
  DrawAxes(draw, plot, source, ticks);
  for (int region : regions) {
    if (region == selection.region) continue;
    DrawSeries(draw, plot, source, region, selection.good, (RegionColour(region) & 0x00FFFFFF) | 0x90000000, 1.5f, false);
  }
  if (other && !source.minus) {
    DrawSeries(draw, plot, SeriesSource{other, nullptr, state.metric, words}, selection.region, selection.good,
               ImGui::GetColorU32(ImGuiCol_Text), 2.0f, true);
  }
  DrawSeries(draw, plot, source, selection.region, selection.good, RegionColour(selection.region), 3.5f, false);
  const ImVec2 marker = plot.At(selection.month, plot.yMin);
  draw->AddLine(ImVec2(marker.x, plot.min.y), ImVec2(marker.x, plot.max.y), ImGui::GetColorU32(ImGuiCol_PlotLinesHovered), 1.5f);

  // Hover read-out and click-to-pick-month over the plot area.
  ImGui::SetCursorScreenPos(plot.min);
  ImGui::InvisibleButton("plot", ImVec2(plot.max.x - plot.min.x, plot.max.y - plot.min.y));
  if (ImGui::IsItemHovered() && r.months > 0) {
    const float x = (ImGui::GetIO().MousePos.x - plot.min.x) / std::max(1.0f, plot.max.x - plot.min.x);
    const int t = std::clamp(static_cast<int>(std::lround(x * static_cast<float>(r.months - 1))), 0, r.months - 1);
    if (ImGui::IsItemClicked()) selection.month = t;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(TrFormat(source.minus ? "chart.hover-difference" : "chart.hover", {{"month", std::to_string(t)}}).c_str());
    for (int region : regions) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(RegionColour(region)), "%s: %s", ChartRegionName(s, region, words).c_str(),
                         source.Format(source.At(t, region, selection.good)).c_str());
    }
    if (other && !source.minus) {
      ImGui::TextDisabled("%s", TrFormat("chart.hover-comparison", {{"region", ChartRegionName(s, selection.region, words)},
                                                                     {"value", FormatMetric(state.metric, MetricValue(*other, state.metric, t, selection.region, selection.good), words)}})
                                    .c_str());
    }
    ImGui::EndTooltip();
  }

  // Legend: click a region to follow it.
  ImGui::SetCursorScreenPos(ImVec2(origin.x, plot.max.y + ImGui::GetFontSize() + 8.0f));
  for (std::size_t i = 0; i < regions.size(); ++i) {  // flowed onto more lines when the panel is narrow
    const int region = regions[i];
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(RegionColour(region)));
    const std::string label = legendLabel(region);
    if (i > 0) SameLineIfFits(ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton(label.c_str())) selection.region = region;
    ImGui::PopStyleColor();
  }
  if (!legendNote.empty()) {  // B by name ("- - Without this framework"), here and on the Difference chart
    if (!regions.empty()) SameLineIfFits(ImGui::CalcTextSize(legendNote.c_str()).x);
    ImGui::PushTextWrapPos(0.0f);
    WrappedTextDisabled(legendNote);
    ImGui::PopTextWrapPos();
  }
  return selection;
}

}  // namespace kz
