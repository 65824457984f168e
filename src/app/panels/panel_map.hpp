// The world map panel: the map fills the window behind every other panel (the renderer draws it as
// the backdrop); this panel owns the view, turns mouse drags and the wheel into pan and zoom (touch
// arrives as mouse input), hit-tests the hovered region, and draws the legend, the good and month
// selectors and the hover tooltip. It never touches GL: the platform draws View() with WorldMap.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "state/map_data.hpp"
#include "map_view.hpp"
#include "world_mesh.hpp"

namespace kz {

/// What the panel shows this frame. Spans must outlive the Frame call; pointers are the caller's
/// selection, which the selectors edit in place.
struct MapPanelInput {
  const WorldMesh* mesh = nullptr;              ///< for hit-testing; null = no hover
  std::span<const std::string> regionIds;       ///< scenario region ids, in scenario order
  std::span<const MapRegionFigures> figures;    ///< per scenario region; empty = no results yet
  std::span<const std::string> goodNames;       ///< the selectable goods, as shown (names)
  int* good = nullptr;                          ///< selected good index; null hides the selectors
  int* month = nullptr;                         ///< selected month, 0..months-1
  int months = 0;
  const char* status = nullptr;                 ///< a line under the selectors (e.g. a load error); may be null
  /// The screen area the map is fitted to and its legend sits in (ImGui coordinates); zero width =
  /// the whole main viewport. The app passes the space its panels leave free.
  MapViewport area{0.0, 0.0, 0.0, 0.0};
};

class MapPanel {
 public:
  /// Handles input over the map, then draws the legend window and the tooltip. Returns true when
  /// the selection (good or month) changed. Requires a current ImGui frame.
  bool Frame(const MapPanelInput& input, float uiScale);

  const MapView& View() const { return view; }
  /// Sets the view (e.g. from a share link), clamped to the world and the zoom range.
  void SetView(MapView wanted) {
    ClampView(wanted);
    view = wanted;
  }
  /// The screen rectangle the map fills (ImGui's main viewport, CSS pixels).
  const MapViewport& Viewport() const { return viewport; }
  /// The scenario region under the mouse, or -1.
  int HoveredRegion() const { return hovered; }
  /// The scenario region at a screen point (ImGui coordinates), or -1: the hit test behind hovering.
  int RegionAt(const MapPanelInput& input, ScreenPoint point) const;

 private:
  void HandleInput(const MapPanelInput& input);
  bool DrawLegend(const MapPanelInput& input, float uiScale);
  void DrawTooltip(const MapPanelInput& input) const;

  MapView view;
  MapViewport viewport;
  int hovered = -1;
  bool dragging = false;  // a drag that started on the map (not on a window) pans until released
};

}  // namespace kz
