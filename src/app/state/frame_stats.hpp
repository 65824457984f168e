// Frame timing measured by the platform layer and shown by the app and the page API (kizuna.stats()).
// What one frame's duration covers is the platform's definition (web: WebApp::Frame).
#pragma once

#include <array>
#include <cstddef>

namespace kz {

/// Keeps the last kCapacity frame durations and reports their median (robust to one slow frame).
class FrameStats {
 public:
  static constexpr std::size_t kCapacity = 120;

  /// Records one frame's duration in milliseconds (negative values are clamped to 0).
  void Record(double frameMs);
  /// Median of the recorded durations, or 0 before the first frame.
  double MedianMs() const;
  /// Frames recorded since start (not capped at kCapacity).
  long long FrameCount() const { return frameCount; }

 private:
  std::array<double, kCapacity> samples{};
  std::size_t next = 0;
  std::size_t filled = 0;
  long long frameCount = 0;
};

}  // namespace kz
