#include "map_view.hpp"

#include <gtest/gtest.h>

namespace {

constexpr kz::MapViewport kViewport{0.0, 0.0, 1280.0, 720.0};

TEST(MapView, ScreenAndLonLatRoundTrip) {
  kz::MapView view;
  view.center = {40.0, -10.0};
  view.zoom = 3.7;
  for (const kz::LonLat point : {kz::LonLat{139.7, 35.7}, kz::LonLat{-122.4, 37.8}, kz::LonLat{0.0, 0.0}}) {
    const kz::LonLat back = kz::ScreenToLonLat(view, kViewport, kz::LonLatToScreen(view, kViewport, point));
    EXPECT_NEAR(back.lon, point.lon, 1e-9);
    EXPECT_NEAR(back.lat, point.lat, 1e-9);
  }
}

TEST(MapView, ZoomOneFitsTheWorldAndNorthIsUp) {
  const kz::MapView view{{0.0, 0.0}, 1.0};
  const kz::ScreenPoint west = kz::LonLatToScreen(view, kViewport, {-180.0, 0.0});
  const kz::ScreenPoint east = kz::LonLatToScreen(view, kViewport, {180.0, 0.0});
  EXPECT_NEAR(west.x, 0.0, 1e-9);
  EXPECT_NEAR(east.x, 1280.0, 1e-9);
  EXPECT_LT(kz::LonLatToScreen(view, kViewport, {0.0, 60.0}).y, kz::LonLatToScreen(view, kViewport, {0.0, -60.0}).y);
}

TEST(MapView, ZoomAboutKeepsThePointUnderTheCursor) {
  kz::MapView view;
  const kz::ScreenPoint cursor{900.0, 200.0};
  const kz::LonLat before = kz::ScreenToLonLat(view, kViewport, cursor);
  kz::ZoomAbout(view, kViewport, cursor, 2.5);
  EXPECT_DOUBLE_EQ(view.zoom, 2.5);
  const kz::LonLat after = kz::ScreenToLonLat(view, kViewport, cursor);
  EXPECT_NEAR(after.lon, before.lon, 1e-9);
  EXPECT_NEAR(after.lat, before.lat, 1e-9);
}

TEST(MapView, PanFollowsThePointerAndZoomIsClamped) {
  kz::MapView view{{0.0, 0.0}, 2.0};
  const kz::LonLat grabbed = kz::ScreenToLonLat(view, kViewport, {640.0, 360.0});
  kz::PanBy(view, kViewport, {50.0, -20.0});
  const kz::LonLat under = kz::ScreenToLonLat(view, kViewport, {690.0, 340.0});
  EXPECT_NEAR(under.lon, grabbed.lon, 1e-9);
  EXPECT_NEAR(under.lat, grabbed.lat, 1e-9);
  kz::ZoomAbout(view, kViewport, {0.0, 0.0}, 1000.0);
  EXPECT_DOUBLE_EQ(view.zoom, kz::MapView::kMaxZoom);
  kz::ZoomAbout(view, kViewport, {0.0, 0.0}, 1e-6);
  EXPECT_DOUBLE_EQ(view.zoom, kz::MapView::kMinZoom);
}

TEST(MapView, PanningAroundTheWorldWrapsTheCentre) {
  kz::MapView view{{170.0, 0.0}, 1.0};
  kz::PanBy(view, kViewport, {-20.0 * kz::PixelsPerDegree(view, kViewport), 0.0});  // 20 degrees east
  EXPECT_NEAR(view.center.lon, -170.0, 1e-9);
  EXPECT_NEAR(kz::WrapLongitude(540.0), -180.0, 1e-12);
  EXPECT_NEAR(kz::WrapLongitude(-190.0), 170.0, 1e-12);
}

TEST(MapView, ClipTransformAgreesWithScreenProjection) {
  const kz::MapView view{{100.0, 20.0}, 3.0};
  const kz::ClipTransform clip = kz::ClipTransformOf(view, kViewport);
  const kz::LonLat tokyo{139.7, 35.7};
  const kz::ScreenPoint screen = kz::LonLatToScreen(view, kViewport, tokyo);
  EXPECT_NEAR(tokyo.lon * clip.scaleX + clip.offsetX, screen.x / 640.0 - 1.0, 1e-5);
  EXPECT_NEAR(tokyo.lat * clip.scaleY + clip.offsetY, 1.0 - screen.y / 360.0, 1e-5);
}

// The map in an area beside the panels (not the whole canvas) is drawn where hovering and the flows
// place it: the land's clip transform over the whole surface agrees with LonLatToScreen.
TEST(MapView, ClipTransformOfAnAreaAgreesWithScreenProjectionOnTheWholeSurface) {
  const kz::MapViewport area{358.0, 187.0, 922.0, 268.0};  // a 1280 x 720 canvas's map band
  const kz::MapView view{{100.0, 20.0}, 1.5};
  const kz::ClipTransform clip = kz::ClipTransformOf(view, area, 1280.0, 720.0);
  for (const kz::LonLat point : {kz::LonLat{139.7, 35.7}, kz::LonLat{-98.6, 39.8}, kz::LonLat{9.7, 50.1}}) {
    const kz::ScreenPoint screen = kz::LonLatToScreen(view, area, point);
    EXPECT_NEAR(point.lon * clip.scaleX + clip.offsetX, screen.x / 640.0 - 1.0, 1e-5);
    EXPECT_NEAR(point.lat * clip.scaleY + clip.offsetY, 1.0 - screen.y / 360.0, 1e-5);
  }
}

}  // namespace
