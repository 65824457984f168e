#include "flow_geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

kz::MapScene TwoRegions() {
  kz::MapScene scene;
  scene.regionAnchors = {{138.3, 36.2}, {-98.6, 39.8}};
  return scene;
}

TEST(FlowGeometry, WiderArcsForLargerVolumes) {
  const kz::MapView view;
  const kz::MapViewport viewport{0, 0, 1280, 720};
  auto extent = [&](float volume) {
    kz::MapScene scene = TwoRegions();
    scene.flows.push_back({0, 1, volume, 0.0f, false});
    std::vector<kz::FlowVertex> out;
    kz::BuildFlowGeometry(view, viewport, 1.0, scene, out);
    EXPECT_FALSE(out.empty());
    EXPECT_EQ(out.size() % 3, 0u);
    // The first moving segment's two edge vertices are the arc's width apart (after the halo).
    const auto first = std::find_if(out.begin(), out.end(), [](const kz::FlowVertex& v) {
      return v.style == float(kz::FlowStyle::Moving);
    });
    EXPECT_NE(first, out.end());
    return std::hypot(first[0].x - first[1].x, first[0].y - first[1].y);
  };
  EXPECT_GT(extent(1.0f), 3.0 * extent(0.0f));
}

TEST(FlowGeometry, RestrictedRoutesAreDashedWithACross) {
  kz::MapScene scene = TwoRegions();
  scene.flows.push_back({0, 1, 0.5f, 0.2f, true});
  std::vector<kz::FlowVertex> out;
  kz::BuildFlowGeometry(kz::MapView{}, {0, 0, 1280, 720}, 2.0, scene, out);
  const auto styled = [&](kz::FlowStyle style) {
    return std::count_if(out.begin(), out.end(), [&](const kz::FlowVertex& v) { return v.style == float(style); });
  };
  EXPECT_GT(styled(kz::FlowStyle::Restricted), 0);
  EXPECT_EQ(styled(kz::FlowStyle::Solid), 12);  // two bars of two triangles
  EXPECT_EQ(styled(kz::FlowStyle::Moving), 0);
  EXPECT_EQ(styled(kz::FlowStyle::Halo), styled(kz::FlowStyle::Restricted) + 12);  // under the arc and the cross
}

TEST(FlowGeometry, SkipsFlowsWithoutAnchorsAndDomesticOnes) {
  kz::MapScene scene = TwoRegions();
  scene.flows = {{0, 0, 1.0f, 0.0f, false}, {0, 7, 1.0f, 0.0f, false}, {-1, 1, 1.0f, 0.0f, false}};
  std::vector<kz::FlowVertex> out;
  kz::BuildFlowGeometry(kz::MapView{}, {0, 0, 1280, 720}, 1.0, scene, out);
  EXPECT_TRUE(out.empty());
}

TEST(FlowGeometry, ColourGoesFromCalmToRed) {
  const auto calm = kz::FlowColour(0.0f), cut = kz::FlowColour(1.0f);
  EXPECT_GT(calm[2], calm[0]);  // blue-ish
  EXPECT_GT(cut[0], 0.9f);      // red
  EXPECT_LT(cut[1], 0.3f);
}

}  // namespace
