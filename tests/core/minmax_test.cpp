// kz::Min / Max / Clamp (src/core/minmax.hpp) must equal std::min / std::max / std::clamp bit for bit:
// the engine's results in wasm, where they are SIMD pmin / pmax, must match native ones, where they
// are std::min / std::max. The interesting cases are the ones where "the smaller" is ambiguous: equal
// values, signed zeros (equal, but different bits) and NaN.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "minmax.hpp"

namespace kz {
namespace {

// (memcpy: Emscripten's libc++ has no std::bit_cast)
std::uint64_t Bits(double x) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

std::vector<double> EdgeValues() {
  const double inf = std::numeric_limits<double>::infinity();
  return {0.0, -0.0, 1.0, -1.0, 1.0 + 1e-15, 0.99, 1e-12, -1e-300, std::numeric_limits<double>::denorm_min(),
          std::numeric_limits<double>::max(), inf, -inf, std::numeric_limits<double>::quiet_NaN()};
}

TEST(MinMax, MinAndMaxEqualTheStandardOnesBitForBit) {
  for (const double a : EdgeValues()) {
    for (const double b : EdgeValues()) {
      EXPECT_EQ(Bits(Min(a, b)), Bits(std::min(a, b))) << "Min(" << a << ", " << b << ")";
      EXPECT_EQ(Bits(Max(a, b)), Bits(std::max(a, b))) << "Max(" << a << ", " << b << ")";
    }
  }
}

TEST(MinMax, SignedZerosKeepTheFirstArgumentAsTheStandardDoes) {
  // Equal values: std::min and std::max return their first argument.
  EXPECT_EQ(Bits(Min(0.0, -0.0)), Bits(0.0));
  EXPECT_EQ(Bits(Min(-0.0, 0.0)), Bits(-0.0));
  EXPECT_EQ(Bits(Max(0.0, -0.0)), Bits(0.0));
  EXPECT_EQ(Bits(Max(-0.0, 0.0)), Bits(-0.0));
}

TEST(MinMax, ClampEqualsTheStandardOneBitForBit) {
  const std::vector<double> values = EdgeValues();
  for (const double v : values) {
    for (const double low : values) {
      for (const double high : values) {
        if (!(low <= high)) continue;  // std::clamp requires low <= high (and no NaN bounds)
        EXPECT_EQ(Bits(Clamp(v, low, high)), Bits(std::clamp(v, low, high)))
            << "Clamp(" << v << ", " << low << ", " << high << ")";
      }
    }
  }
}

}  // namespace
}  // namespace kz
