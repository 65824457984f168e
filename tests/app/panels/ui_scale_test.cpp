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
  ASSERT_EQ(io.Fonts->Fonts.Size, 3);  // body, heading, headline
  EXPECT_EQ(io.Fonts->Fonts[0]->FontSize, 26.0f);
  EXPECT_EQ(kz::FontFor(kz::TextLevel::Heading)->FontSize, 31.0f);
  EXPECT_EQ(kz::FontFor(kz::TextLevel::Headline)->FontSize, 49.0f);
  EXPECT_TRUE(io.Fonts->IsBuilt());
  EXPECT_EQ(ImGui::GetStyle().WindowPadding.x, 16.0f);  // 8 px default, doubled
}

TEST(UiScale, TextFollowsTheWindowAndTheSetting) {
  EXPECT_EQ(kz::BodyTextPx(1024.0f, 768.0f, kz::TextSize::Normal), 15.0f);   // a projector: larger than the old 13 px
  EXPECT_EQ(kz::BodyTextPx(1920.0f, 1080.0f, kz::TextSize::Normal), 23.0f);
  EXPECT_EQ(kz::BodyTextPx(3840.0f, 2160.0f, kz::TextSize::Normal), 24.0f);  // 4K at ratio 1: capped, still large
  EXPECT_EQ(kz::BodyTextPx(390.0f, 844.0f, kz::TextSize::Normal), 14.0f);    // a phone: never below 14 px
  EXPECT_LT(kz::BodyTextPx(1280.0f, 720.0f, kz::TextSize::Smaller), kz::BodyTextPx(1280.0f, 720.0f, kz::TextSize::Normal));
  EXPECT_GT(kz::BodyTextPx(1280.0f, 720.0f, kz::TextSize::Larger), kz::BodyTextPx(1280.0f, 720.0f, kz::TextSize::Normal));
}

TEST(UiScale, WindowsAreOpaque) {
  kz::test::HeadlessImGui imgui;
  kz::ApplyUiFonts(1.0f, 16.0f, {});
  for (const ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg}) {
    EXPECT_EQ(ImGui::GetStyle().Colors[col].w, 1.0f) << ImGui::GetStyleColorName(col);
  }
}

}  // namespace
