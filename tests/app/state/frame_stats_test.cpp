#include "state/frame_stats.hpp"

#include <gtest/gtest.h>

namespace {

TEST(FrameStats, MedianIsZeroBeforeTheFirstFrame) {
  const kz::FrameStats stats;
  EXPECT_EQ(stats.MedianMs(), 0.0);
  EXPECT_EQ(stats.FrameCount(), 0);
}

TEST(FrameStats, MedianIgnoresOneSlowFrame) {
  kz::FrameStats stats;
  stats.Record(2.0);
  stats.Record(500.0);
  stats.Record(4.0);
  EXPECT_EQ(stats.MedianMs(), 4.0);
  stats.Record(3.0);
  EXPECT_EQ(stats.MedianMs(), 3.5);  // even count: mean of the middle two
}

TEST(FrameStats, KeepsOnlyTheMostRecentFrames) {
  kz::FrameStats stats;
  for (std::size_t i = 0; i < kz::FrameStats::kCapacity; ++i) stats.Record(100.0);
  for (std::size_t i = 0; i < kz::FrameStats::kCapacity; ++i) stats.Record(1.0);
  EXPECT_EQ(stats.MedianMs(), 1.0);
  EXPECT_EQ(stats.FrameCount(), static_cast<long long>(2 * kz::FrameStats::kCapacity));
}

TEST(FrameStats, NegativeDurationsAreClamped) {
  kz::FrameStats stats;
  stats.Record(-5.0);
  EXPECT_EQ(stats.MedianMs(), 0.0);
}

}  // namespace
