// The app: UI state and the frame that lays out every panel. Platform code owns the window, the GL
// context and the main loop, and calls App::Frame between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "frame_stats.hpp"
#include "world_view.hpp"

namespace kz {

/// What the platform measured for the frame being built.
struct FrameContext {
  double frameMs = 0.0;  ///< median frame time so far, milliseconds
  float uiScale = 1.0f;  ///< current UI scale (see ui_scale.hpp)
};

/// Kizuna's UI. Holds UI state only (selection, open panels); the model lives in the core.
class App {
 public:
  /// Lays out one frame. Requires a current ImGui context inside NewFrame/Render.
  void Frame(const FrameContext& frame);
  /// The world map's data and view, for the platform's renderer.
  WorldView& World() { return world; }

 private:
  WorldView world;
};

}  // namespace kz
