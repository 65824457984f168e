#include "panels/ui_scale.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "headless_imgui.hpp"

namespace {

TEST(UiScale, FollowsThePixelRatioWithinSaneBounds) {
  EXPECT_EQ(kz::UiScaleFromPixelRatio(1.0), 1.0f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(2.0), 2.0f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(1.25), 1.25f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(0.1), 0.5f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(9.0), 4.0f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(0.0), 1.0f);
  EXPECT_EQ(kz::UiScaleFromPixelRatio(std::numeric_limits<double>::quiet_NaN()), 1.0f);
}

TEST(UiScale, RasterisesTheFontAtDevicePixels) {
  kz::test::HeadlessImGui imgui;
  kz::ApplyUiScale(2.0f);
  ImGuiIO& io = ImGui::GetIO();
  ASSERT_EQ(io.Fonts->Fonts.Size, 1);
  EXPECT_EQ(io.Fonts->Fonts[0]->FontSize, 26.0f);
  EXPECT_TRUE(io.Fonts->IsBuilt());
  EXPECT_EQ(ImGui::GetStyle().WindowPadding.x, 16.0f);  // 8 px default, doubled
}

}  // namespace
