#include "panels/panel_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../core/bundled_scenarios.hpp"
#include "headless_imgui.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/scenario_json.hpp"
#include "state/map_data.hpp"
#include "panels/world_view.hpp"


namespace {

std::string DefaultWorldText() { return kz::test::ReadBundledText("default-world").value(); }


float Luminance(const std::array<float, 4>& c) { return 0.2126f * c[0] + 0.7152f * c[1] + 0.0722f * c[2]; }

TEST(MapData, FulfilmentScaleRunsFromCalmBlueThroughAmberToRed) {
  const auto full = kz::FulfilmentColour(1.0), amber = kz::FulfilmentColour(0.75), half = kz::FulfilmentColour(0.5);
  EXPECT_GT(full[2], full[0]);   // blue-grey
  EXPECT_GT(amber[0], amber[2]); // amber: red and green over blue
  EXPECT_GT(amber[1], amber[2]);
  EXPECT_GT(half[0], 2.0f * half[1]);  // red
  EXPECT_EQ(kz::FulfilmentColour(0.2), half);  // at or below 50% it stays red
  for (const auto& c : {full, amber, half}) EXPECT_LT(Luminance(c), 0.7f);  // UI text stays readable over it
}

TEST(MapData, SceneFromTheDefaultWorldHasColoursAnchorsAndRoutes) {
  const kz::Scenario scenario = kz::LoadScenarioJson(DefaultWorldText()).value();
  const kz::Results results = kz::RunScenario(scenario).value();
  const int good = static_cast<int>(std::find(results.goodIds.begin(), results.goodIds.end(), "chips_leading") -
                                    results.goodIds.begin());
  ASSERT_LT(good, results.goods);
  const kz::MapScene scene = kz::BuildMapScene(scenario, results, good, 0);
  ASSERT_EQ(scene.regionColours.size(), scenario.regions.size());
  EXPECT_EQ(scene.regionAnchors[1].lon, scenario.regions[1].lon);
  ASSERT_FALSE(scene.flows.empty());
  EXPECT_LE(scene.flows.size(), 24u);
  EXPECT_FLOAT_EQ(std::max_element(scene.flows.begin(), scene.flows.end(), [](auto& a, auto& b) {
                    return a.volume01 < b.volume01;
                  })->volume01, 1.0f);
  for (const kz::MapFlow& flow : scene.flows) {
    EXPECT_NE(flow.fromRegion, flow.toRegion);
    EXPECT_FLOAT_EQ(flow.disruption01, 0.0f);  // month 0 is its own baseline
  }
  const auto figures = kz::RegionFigures(scenario, results, good, 0, kz::UiText(kz::Language::English));
  EXPECT_EQ(figures[1].name, "Japan");
}

TEST(MapPanel, HoveringJapanFindsItsRegionAndDraggingPans) {
  kz::test::HeadlessImGui imgui;
  kz::WorldView world;
  kz::Session session;
  ASSERT_TRUE(session.Load(DefaultWorldText()).empty());
  for (int frame = 0; frame < 2; ++frame) {
    ImGui::NewFrame();
    world.Frame(session, 1.0f);
    ImGui::Render();
  }
  ASSERT_NE(world.Mesh(), nullptr) << world.Status();
  const auto& ids = world.RegionIds();
  const int japan = static_cast<int>(std::find(ids.begin(), ids.end(), "JP") - ids.begin());
  ASSERT_LT(japan, static_cast<int>(ids.size()));

  const kz::ScreenPoint tokyo = kz::LonLatToScreen(world.Panel().View(), world.Panel().Viewport(), {138.5, 36.5});
  ImGuiIO& io = ImGui::GetIO();
  for (int frame = 0; frame < 3; ++frame) {
    io.AddMousePosEvent(static_cast<float>(tokyo.x), static_cast<float>(tokyo.y));
    ImGui::NewFrame();
    world.Frame(session, 1.0f);
    ImGui::Render();
  }
  EXPECT_EQ(world.Panel().HoveredRegion(), japan);

  // Drag 100 px to the left: Japan follows the pointer.
  const kz::LonLat before = world.Panel().View().center;
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  for (int frame = 0; frame < 4; ++frame) {
    io.AddMousePosEvent(static_cast<float>(tokyo.x) - 25.0f * static_cast<float>(frame + 1), static_cast<float>(tokyo.y));
    ImGui::NewFrame();
    world.Frame(session, 1.0f);
    ImGui::Render();
  }
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  EXPECT_GT(world.Panel().View().center.lon, before.lon);
  const kz::ScreenPoint after = kz::LonLatToScreen(world.Panel().View(), world.Panel().Viewport(), {138.5, 36.5});
  EXPECT_NEAR(after.x, tokyo.x - 100.0, 1.0);
}

}  // namespace
