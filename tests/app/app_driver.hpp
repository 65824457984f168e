// Drives an App headless as a user would: frames, and clicks on named controls (ui_landmarks.hpp).
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "app.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ImGui::FindWindowByName (ScrollTo)
#include "panels/ui_landmarks.hpp"

namespace kz::test {

inline void DrawFrames(App& app, int frames, float scale = 1.0f) {
  for (int frame = 0; frame < frames; ++frame) {
    ImGui::NewFrame();
    app.Frame(FrameContext{.frameMs = 1.5, .uiScale = scale});
    ImGui::Render();
  }
}

/// Scrolls a window (by its ImGui id, "###levers") down with the mouse wheel, a step a frame, until
/// the named control is drawn: a scenario's key levers may push a control below the fold.
inline void ScrollTo(App& app, const char* landmark, const char* window = "###levers") {
  const auto whollyShown = [&](const ImGuiWindow* w) {  // not cut by the window's bottom edge
    const std::optional<LandmarkRect> rect = FindLandmark(landmark);
    return rect && rect->y + rect->height <= w->InnerClipRect.Max.y;
  };
  for (int step = 0; step < 60; ++step) {
    const ImGuiWindow* w = ImGui::FindWindowByName(window);
    ASSERT_NE(w, nullptr) << window;
    if (whollyShown(w)) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(w->Pos.x + w->Size.x * 0.5f, w->Pos.y + w->Size.y * 0.5f);
    io.AddMouseWheelEvent(0.0f, -1.0f);
    DrawFrames(app, 1);
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
