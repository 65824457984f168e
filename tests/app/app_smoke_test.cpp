#include "app.hpp"

#include <gtest/gtest.h>

#include "headless_imgui.hpp"
#include "imgui_internal.h"
#include "ui_scale.hpp"

namespace {

TEST(AppSmoke, DrawsTheMainWindowForManyFrames) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  for (int frame = 0; frame < 30; ++frame) {
    ImGui::NewFrame();
    app.Frame(kz::FrameContext{.frameMs = 1.5, .uiScale = 1.0f});
    ImGui::Render();
  }
  const ImDrawData* drawData = ImGui::GetDrawData();
  ASSERT_NE(drawData, nullptr);
  EXPECT_GT(drawData->TotalVtxCount, 100);  // a window with text, not an empty frame
  const ImGuiWindow* window = ImGui::FindWindowByName("Kizuna");
  ASSERT_NE(window, nullptr);
  EXPECT_TRUE(window->WasActive);
  EXPECT_GT(window->Size.x, 100.0f);
}

TEST(AppSmoke, ScaledUiKeepsTheWindowOnScreen) {
  kz::test::HeadlessImGui imgui(2560.0f, 1440.0f);
  kz::ApplyUiScale(2.0f);
  kz::App app;
  for (int frame = 0; frame < 5; ++frame) {
    ImGui::NewFrame();
    app.Frame(kz::FrameContext{.frameMs = 1.5, .uiScale = 2.0f});
    ImGui::Render();
  }
  const ImGuiWindow* window = ImGui::FindWindowByName("Kizuna");
  ASSERT_NE(window, nullptr);
  EXPECT_GT(window->Size.x, 800.0f);  // 420 CSS px at 2x
  EXPECT_LE(window->Pos.x + window->Size.x, 2560.0f);
}

}  // namespace
