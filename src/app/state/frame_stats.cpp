// Median frame time over a sliding window.
#include "state/frame_stats.hpp"

#include <algorithm>

namespace kz {

void FrameStats::Record(double frameMs) {
  samples[next] = std::max(frameMs, 0.0);
  next = (next + 1) % kCapacity;
  filled = std::min(filled + 1, kCapacity);
  ++frameCount;
}

double FrameStats::MedianMs() const {
  if (filled == 0) return 0.0;
  std::array<double, kCapacity> sorted = samples;
  std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(filled));
  const std::size_t mid = filled / 2;
  return filled % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

}  // namespace kz
