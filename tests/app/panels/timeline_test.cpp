#include "panels/timeline.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Timeline, PlaysAtItsPaceAndStopsAtTheLastMonth) {
  kz::TimelineState state;
  state.playing = true;
  state.monthsPerSecond = 4.0;
  int month = kz::AdvanceTimeline(state, 0.1, 0, 10);  // 0.4 month: not yet
  EXPECT_EQ(month, 0);
  month = kz::AdvanceTimeline(state, 0.2, month, 10);  // 1.2 months in all
  EXPECT_EQ(month, 1);
  month = kz::AdvanceTimeline(state, 1.0, month, 10);  // 4 more (the 0.2 carried)
  EXPECT_EQ(month, 5);
  EXPECT_TRUE(state.playing);
  month = kz::AdvanceTimeline(state, 100.0, month, 10);
  EXPECT_EQ(month, 10);
  EXPECT_FALSE(state.playing) << "stops at the end";
}

TEST(Timeline, PausedStaysAndOddClocksDoNotJumpBack) {
  kz::TimelineState state;
  EXPECT_EQ(kz::AdvanceTimeline(state, 5.0, 3, 10), 3);
  state.playing = true;
  EXPECT_EQ(kz::AdvanceTimeline(state, -1.0, 3, 10), 3);
}

}  // namespace
