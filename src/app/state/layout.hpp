// Where the panels go: fractions of the work area, so the layout fits 1280x720 and 1920x1080, and one
// column on a phone. The full app shows every panel; an embedded view (a share link's embed flags)
// may hide some, and the rest grow to fill the space.
#pragma once

#include <cstdint>

namespace kz {

/// A panel's place as fractions of the work area; `shown` false means it is not drawn.
struct PanelRect {
  float x = 0.0f;
  float y = 0.0f;
  float width = 0.0f;
  float height = 0.0f;
  bool shown = false;
};

/// Levers on the left; findings, the map band and the chart stacked on the right.
struct PanelLayout {
  PanelRect levers;
  PanelRect findings;
  PanelRect map;
  PanelRect chart;
};

/// Below this width in CSS pixels (a phone held upright) the panels stack in one column.
inline constexpr float kNarrowCssWidth = 600.0f;

/// The layout for a link's embed flags (kizuna/link.hpp EmbedFlag; 0 = the full app). Hiding every
/// panel is not a view anyone wants: the chart is kept then. `narrow` (under kNarrowCssWidth): one
/// column, findings over the chart over the levers, without the map (a few pixels high on a phone,
/// it would only take room from the figures; the chart's legend picks regions).
PanelLayout LayoutPanels(std::uint32_t embedFlags, bool narrow = false);

/// Body-text lines the map band needs before a story's presenting bar shares it with the map.
inline constexpr float kMinSharedMapBandLines = 14.0f;
/// The share of the map band the presenting bar takes when it shares the band.
inline constexpr float kPresentingBarShare = 0.6f;

/// Where a presented story's bar goes (its caption in large type, over the room's view): the top
/// of the map band, the map shrunk to the rest, when the band is at least kMinSharedMapBandLines
/// lines of body text high (`workAreaLines`: the work area's height in such lines); the whole band
/// (the map hidden) when it is lower; the chart's band when there is no map (a phone).
PanelRect PlacePresentingBar(PanelLayout& layout, float workAreaLines);

}  // namespace kz
