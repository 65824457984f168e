// Drives an App headless as a user would: frames, and clicks on named controls (ui_landmarks.hpp).
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "app.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"

namespace kz::test {

inline void DrawFrames(App& app, int frames, float scale = 1.0f) {
  for (int frame = 0; frame < frames; ++frame) {
    ImGui::NewFrame();
    app.Frame(FrameContext{.frameMs = 1.5, .uiScale = scale});
    ImGui::Render();
  }
}

/// Clicks the middle of a named control drawn in the last frame.
inline void Click(App& app, const char* landmark) {
  const std::optional<LandmarkRect> rect = FindLandmark(landmark);
  ASSERT_TRUE(rect) << landmark << " was not drawn";
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(rect->x + rect->width * 0.5f, rect->y + rect->height * 0.5f);
  DrawFrames(app, 1);
  io.AddMouseButtonEvent(0, true);
  DrawFrames(app, 1);
  io.AddMouseButtonEvent(0, false);
  DrawFrames(app, 2);
}

}  // namespace kz::test
