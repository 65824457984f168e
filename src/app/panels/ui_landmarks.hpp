// Where named controls were drawn in the last frame, so browser tests and embedding pages can click a
// real button (kizuna.uiRect(name)) rather than guess coordinates from the layout.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kz {

/// A control's rectangle in ImGui coordinates (framebuffer pixels / UI scale; see the page API).
struct LandmarkRect {
  float x = 0, y = 0, width = 0, height = 0;
  /// A window's vertical scroll and its limit (0 for controls): a test scrolling to a control
  /// below the fold knows which way to go and when it has reached the end.
  float scrollY = 0, scrollMaxY = 0;
};

/// Records the last ImGui item under `name` (overwrites the previous frame's).
void MarkLastItem(const char* name);

/// Records the current window (inside Begin/End) under `name`: e.g. the chart a PNG export crops to.
void MarkWindow(const char* name);

/// The rectangle recorded under `name`, if the last frame drew it.
std::optional<LandmarkRect> FindLandmark(const std::string& name);

/// Every name recorded so far (drawn recently or not).
std::vector<std::string> LandmarkNames();

}  // namespace kz
