// Where a presented story's bar goes (state/layout.hpp PlacePresentingBar): beside the map when the
// band has room, over it when not, over the chart on a phone.
#include "state/layout.hpp"

#include <gtest/gtest.h>

namespace kz {
namespace {

TEST(PresentingBar, SharesTheMapBandWhenItHasRoom) {
  PanelLayout layout = LayoutPanels(0);
  const PanelRect band = layout.map;
  const PanelRect bar = PlacePresentingBar(layout, 45.0f);  // 1280x720 at the default text size
  EXPECT_TRUE(layout.map.shown);
  EXPECT_FLOAT_EQ(bar.y, band.y);
  EXPECT_FLOAT_EQ(bar.height, band.height * kPresentingBarShare);
  EXPECT_FLOAT_EQ(layout.map.y, bar.y + bar.height);  // the map right under the bar, to the band's end
  EXPECT_FLOAT_EQ(layout.map.y + layout.map.height, band.y + band.height);
  EXPECT_FLOAT_EQ(bar.x, band.x);
  EXPECT_FLOAT_EQ(bar.width, band.width);
}

TEST(PresentingBar, TakesTheWholeBandWhenTheMapWouldBeASliver) {
  PanelLayout layout = LayoutPanels(0);
  const PanelRect band = layout.map;
  const PanelRect bar = PlacePresentingBar(layout, 20.0f);  // very large text in a low window
  EXPECT_FALSE(layout.map.shown);
  EXPECT_FLOAT_EQ(bar.height, band.height);
}

TEST(PresentingBar, GoesOverTheChartWithoutAMap) {
  PanelLayout layout = LayoutPanels(0, true);
  const PanelRect bar = PlacePresentingBar(layout, 60.0f);
  EXPECT_FALSE(layout.map.shown);
  EXPECT_FLOAT_EQ(bar.y, layout.chart.y);
  EXPECT_FLOAT_EQ(bar.height, layout.chart.height);
}

}  // namespace
}  // namespace kz
