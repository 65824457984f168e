#include "kizuna/rng.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <set>

#include "kizuna/hash.hpp"

namespace {

// Reference outputs of Vigna's splitmix64.c for seed 1234567.
TEST(Rng, MatchesSplitMix64ReferenceOutputs) {
  kz::Rng rng(1234567);
  const std::array<std::uint64_t, 5> expected = {6457827717110365317ULL, 3203168211198807973ULL,
                                                 9817491932198370423ULL, 4593380528125082431ULL,
                                                 16408922859458223821ULL};
  for (const std::uint64_t value : expected) EXPECT_EQ(rng.NextU64(), value);
}

TEST(Rng, UniformStaysInHalfOpenUnitInterval) {
  kz::Rng rng(7);
  double sum = 0.0;
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.NextUniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // Mean of U(0,1) is 0.5 with standard error 1/sqrt(12 n) ~ 0.0009: 5 standard errors.
  EXPECT_NEAR(sum / kDraws, 0.5, 0.0046);
}

TEST(Rng, NextBelowCoversTheRangeWithoutBias) {
  kz::Rng rng(99);
  std::array<int, 6> counts{};
  constexpr int kDraws = 60000;
  for (int i = 0; i < kDraws; ++i) ++counts[rng.NextBelow(6)];
  // Each face expects 10000 with standard deviation ~91: allow 5 standard deviations.
  for (const int count : counts) EXPECT_NEAR(count, 10000, 456);
}

TEST(Rng, StreamsAreIndependentOfEachOtherAndRepeatable) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    for (std::uint64_t stream = 0; stream < 64; ++stream) {
      firsts.insert(kz::Rng::ForStream(seed, stream).NextU64());
    }
  }
  EXPECT_EQ(firsts.size(), 4u * 64u);  // no two (seed, stream) pairs start alike
  EXPECT_EQ(kz::Rng::ForStream(42, 7).NextU64(), kz::Rng::ForStream(42, 7).NextU64());
}

// Golden hash (computed independently by a Python transcription of SplitMix64 + FNV-1a): the same bits natively (glibc) and in wasm under node (musl). If this changes, every
// Monte Carlo result and share-link result hash changes with it: never update it casually.
TEST(Rng, StreamDigestIsIdenticalOnEveryPlatform) {
  kz::Hasher hasher;
  for (std::uint64_t stream = 0; stream < 16; ++stream) {
    kz::Rng rng = kz::Rng::ForStream(20211, stream);
    for (int i = 0; i < 256; ++i) hasher.AddDouble(rng.NextUniform());
  }
  EXPECT_EQ(hasher.Digest(), 0x81e8eeb3361a162bULL) << std::hex << hasher.Digest();
}

}  // namespace
