#include "state/layout.hpp"

#include <utility>

#include "kizuna/link.hpp"

namespace kz {
namespace {

constexpr float kLeversWidth = 0.28f;
// The right column's bands when all three show; hidden ones give their share to the others.
constexpr float kFindingsShare = 0.24f;
constexpr float kMapShare = 0.38f;
constexpr float kChartShare = 0.38f;
// The narrow column's bands: the headline and findings, the chart, the levers.
constexpr float kNarrowFindingsShare = 0.34f;
constexpr float kNarrowChartShare = 0.36f;
constexpr float kNarrowLeversShare = 0.30f;

bool Shows(std::uint32_t flags, std::uint32_t hideBit) { return (flags & kEmbedMode) == 0 || (flags & hideBit) == 0; }

// One column, top to bottom; hidden panels give their share to the others.
void StackInOneColumn(PanelLayout& layout) {
  layout.map.shown = false;
  if (!layout.levers.shown && !layout.findings.shown && !layout.chart.shown) layout.chart.shown = true;
  const std::pair<PanelRect*, float> bands[] = {
      {&layout.findings, kNarrowFindingsShare}, {&layout.chart, kNarrowChartShare}, {&layout.levers, kNarrowLeversShare}};
  float total = 0.0f;
  for (const auto& [rect, share] : bands) total += rect->shown ? share : 0.0f;
  float y = 0.0f;
  for (const auto& [rect, share] : bands) {
    if (!rect->shown) continue;
    *rect = PanelRect{0.0f, y, 1.0f, share / total, true};
    y += share / total;
  }
}

}  // namespace

PanelLayout LayoutPanels(std::uint32_t embedFlags, bool narrow) {
  PanelLayout layout;
  layout.levers.shown = Shows(embedFlags, kEmbedHideLevers);
  layout.findings.shown = Shows(embedFlags, kEmbedHideFindings);
  layout.map.shown = Shows(embedFlags, kEmbedHideMap);
  layout.chart.shown = Shows(embedFlags, kEmbedHideChart);
  if (narrow) {
    StackInOneColumn(layout);
    return layout;
  }
  if (!layout.levers.shown && !layout.findings.shown && !layout.map.shown && !layout.chart.shown) layout.chart.shown = true;

  const bool rightColumn = layout.findings.shown || layout.map.shown || layout.chart.shown;
  const float columnX = layout.levers.shown ? kLeversWidth : 0.0f;
  if (layout.levers.shown) layout.levers = PanelRect{0.0f, 0.0f, rightColumn ? kLeversWidth : 1.0f, 1.0f, true};

  const float total = (layout.findings.shown ? kFindingsShare : 0.0f) + (layout.map.shown ? kMapShare : 0.0f) +
                      (layout.chart.shown ? kChartShare : 0.0f);
  float y = 0.0f;
  for (auto [rect, share] : {std::pair{&layout.findings, kFindingsShare}, std::pair{&layout.map, kMapShare},
                             std::pair{&layout.chart, kChartShare}}) {
    if (!rect->shown) continue;
    const float height = share / total;
    *rect = PanelRect{columnX, y, 1.0f - columnX, height, true};
    y += height;
  }
  return layout;
}

PanelRect PlacePresentingBar(PanelLayout& layout, float workAreaLines) {
  if (!layout.map.shown) return layout.chart;
  PanelRect bar = layout.map;
  if (layout.map.height * workAreaLines < kMinSharedMapBandLines) {
    layout.map.shown = false;
    return bar;
  }
  bar.height = layout.map.height * kPresentingBarShare;
  layout.map.y += bar.height;
  layout.map.height -= bar.height;
  return bar;
}

}  // namespace kz
