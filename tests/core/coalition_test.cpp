// Shapley value and core check on textbook games with known answers (glove, airport, weighted
// majority), the Shapley axioms on random games drawn with the core's Rng (fixed seeds), and a
// brute-force check against the definition as the average marginal contribution over all orders.
#include "kizuna/coalition.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include "kizuna/assert.hpp"
#include "kizuna/rng.hpp"

namespace kz {
namespace {

constexpr double kEps = 1e-12;

// A game whose value depends on the coalition through `value(mask)`.
template <typename F>
CoalitionGame MakeGame(int players, F value) {
  CoalitionGame game{players, std::vector<double>(std::size_t{1} << players, 0.0)};
  for (std::uint32_t s = 1; s < game.value.size(); ++s) game.value[s] = value(s);
  return game;
}

// Values uniform in [-10, 10) for every non-empty coalition.
CoalitionGame RandomGame(int players, std::uint64_t stream) {
  Rng rng = Rng::ForStream(20240611, stream);
  return MakeGame(players, [&](std::uint32_t) { return 20.0 * rng.NextUniform() - 10.0; });
}

double Sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

// Glove game: player 0 holds the only left glove, players 1 and 2 a right glove each; a pair is worth 1.
CoalitionGame GloveGame() {
  return MakeGame(3, [](std::uint32_t s) {
    const int left = static_cast<int>(s & 1U);
    const int right = std::popcount(s >> 1);
    return static_cast<double>(std::min(left, right));
  });
}

TEST(Shapley, GloveGameGivesTheScarceLeftGloveTwoThirds) {
  // Player 0 adds a pair in the 4 of 6 orders where a right glove came first.
  const std::vector<double> phi = ShapleyValues(GloveGame());
  ASSERT_EQ(phi.size(), 3U);
  EXPECT_NEAR(phi[0], 2.0 / 3.0, kEps);
  EXPECT_NEAR(phi[1], 1.0 / 6.0, kEps);
  EXPECT_NEAR(phi[2], 1.0 / 6.0, kEps);
}

TEST(Shapley, AirportGameSharesEachRunwaySegmentAmongItsUsers) {
  // Cost game v(S) = longest runway S needs. Littlechild-Owen: segment k's cost is split equally
  // among the n - k planes that need it. Runways 8, 11, 13, 18: 8/4 = 2; 2 + 3/3 = 3; 3 + 2/2 = 4; 4 + 5 = 9.
  const double cost[] = {8.0, 11.0, 13.0, 18.0};
  const CoalitionGame game = MakeGame(4, [&](std::uint32_t s) { return cost[31 - std::countl_zero(s)]; });
  const std::vector<double> phi = ShapleyValues(game);
  ASSERT_EQ(phi.size(), 4U);
  EXPECT_NEAR(phi[0], 2.0, kEps);
  EXPECT_NEAR(phi[1], 3.0, kEps);
  EXPECT_NEAR(phi[2], 4.0, kEps);
  EXPECT_NEAR(phi[3], 9.0, kEps);
  // Three planes, runways 1, 2, 3: 1/3; 1/3 + 1/2 = 5/6; 5/6 + 1 = 11/6.
  const CoalitionGame three = MakeGame(3, [](std::uint32_t s) { return static_cast<double>(32 - std::countl_zero(s)); });
  const std::vector<double> phi3 = ShapleyValues(three);
  EXPECT_NEAR(phi3[0], 1.0 / 3.0, kEps);
  EXPECT_NEAR(phi3[1], 5.0 / 6.0, kEps);
  EXPECT_NEAR(phi3[2], 11.0 / 6.0, kEps);
}

TEST(Shapley, WeightedMajorityGivesTheVetoPlayerTwoThirds) {
  // [51; 50, 49, 1]: winning coalitions are {0,1}, {0,2}, {0,1,2}. Player 0 is pivotal whenever it
  // is not first (4 of 6 orders); player 1 only in (0,1,2), player 2 only in (0,2,1).
  const double weight[] = {50.0, 49.0, 1.0};
  const CoalitionGame game = MakeGame(3, [&](std::uint32_t s) {
    double total = 0.0;
    for (int i = 0; i < 3; ++i) total += ((s >> i) & 1U) ? weight[i] : 0.0;
    return total >= 51.0 ? 1.0 : 0.0;
  });
  const std::vector<double> phi = ShapleyValues(game);
  EXPECT_NEAR(phi[0], 2.0 / 3.0, kEps);
  EXPECT_NEAR(phi[1], 1.0 / 6.0, kEps);
  EXPECT_NEAR(phi[2], 1.0 / 6.0, kEps);
}

TEST(Shapley, SinglePlayerGetsItsOwnValue) {
  const std::vector<double> phi = ShapleyValues(CoalitionGame{1, {0.0, 7.5}});
  ASSERT_EQ(phi.size(), 1U);
  EXPECT_EQ(phi[0], 7.5);
}

TEST(Shapley, EqualsTheAverageMarginalContributionOverAllOrders) {
  const int n = 5;
  const CoalitionGame game = RandomGame(n, 1);
  std::vector<double> average(n, 0.0);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  int orders = 0;
  do {
    std::uint32_t s = 0;
    for (const int player : order) {
      average[static_cast<std::size_t>(player)] += game.value[s | (1U << player)] - game.value[s];
      s |= 1U << player;
    }
    ++orders;
  } while (std::next_permutation(order.begin(), order.end()));
  ASSERT_EQ(orders, 120);
  const std::vector<double> phi = ShapleyValues(game);
  for (int i = 0; i < n; ++i) EXPECT_NEAR(phi[static_cast<std::size_t>(i)], average[static_cast<std::size_t>(i)] / orders, 1e-12) << "player " << i;
}

TEST(Shapley, IsEfficientOnRandomGames) {
  for (int n = 1; n <= 12; ++n) {
    const CoalitionGame game = RandomGame(n, 100 + static_cast<std::uint64_t>(n));
    EXPECT_NEAR(Sum(ShapleyValues(game)), game.value.back(), 1e-9) << n << " players";
  }
}

TEST(Shapley, GivesSymmetricPlayersEqualValues) {
  // Players 1 and 3 are interchangeable: v(S) depends on S only through its canonical form with
  // their bits sorted, so v(S u {1}) = v(S u {3}) for every S containing neither.
  const CoalitionGame random = RandomGame(6, 2);
  const CoalitionGame game = MakeGame(6, [&](std::uint32_t s) {
    const bool has1 = (s & 2U) != 0;
    const bool has3 = (s & 8U) != 0;
    if (has1 != has3) s = (s & ~10U) | 2U;  // exactly one of them: always count it as player 1
    return random.value[s];
  });
  const std::vector<double> phi = ShapleyValues(game);
  EXPECT_NEAR(phi[1], phi[3], 1e-12);
  EXPECT_GT(std::fabs(phi[1] - phi[0]), 1e-6);  // not a game where everyone is alike
}

TEST(Shapley, GivesTheNullPlayerNothing) {
  // Player 2 adds nothing to any coalition.
  const CoalitionGame random = RandomGame(6, 3);
  const CoalitionGame game = MakeGame(6, [&](std::uint32_t s) { return random.value[s & ~4U]; });
  const std::vector<double> phi = ShapleyValues(game);
  EXPECT_EQ(phi[2], 0.0);  // every marginal is exactly 0
  EXPECT_NEAR(Sum(phi), game.value.back(), 1e-9);
}

TEST(Shapley, IsAdditiveOverGames) {
  const int n = 7;
  const CoalitionGame v = RandomGame(n, 4);
  const CoalitionGame w = RandomGame(n, 5);
  CoalitionGame sum{n, v.value};
  for (std::size_t s = 0; s < sum.value.size(); ++s) sum.value[s] += w.value[s];
  const std::vector<double> phiV = ShapleyValues(v);
  const std::vector<double> phiW = ShapleyValues(w);
  const std::vector<double> phiSum = ShapleyValues(sum);
  for (int i = 0; i < n; ++i) {
    const std::size_t k = static_cast<std::size_t>(i);
    EXPECT_NEAR(phiSum[k], phiV[k] + phiW[k], 1e-12) << "player " << i;
  }
}

TEST(Shapley, TwentyPlayerAdditiveGamePaysEachItsOwnWorth) {
  // In an additive game every marginal of player i is a_i, and the weights over all coalitions sum
  // to 1: checks the weights at the largest size, where factorials would overflow integers.
  const int n = kMaxCoalitionPlayers;
  const CoalitionGame game = MakeGame(n, [](std::uint32_t s) {
    double total = 0.0;
    for (int i = 0; i < 20; ++i) total += ((s >> i) & 1U) ? static_cast<double>(i + 1) : 0.0;
    return total;
  });
  const std::vector<double> phi = ShapleyValues(game);
  ASSERT_EQ(phi.size(), 20U);
  for (int i = 0; i < n; ++i) EXPECT_NEAR(phi[static_cast<std::size_t>(i)], i + 1.0, 1e-9 * (i + 1.0)) << "player " << i;
}

TEST(Shapley, BitsAreIdenticalOnEveryPlatform) {
  // Golden fingerprint of every bit of a 12-player Shapley value, the same natively and in wasm:
  // exact weights and a fixed summation order leave nothing to the platform's maths library.
  const std::vector<double> phi = ShapleyValues(RandomGame(12, 6));
  std::uint64_t hash = 0;
  for (const double x : phi) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);  // not std::bit_cast: Emscripten 3.1.6's libc++ lacks it
    hash = Mix64(hash ^ bits);
  }
  EXPECT_EQ(hash, 0x514790315496257ULL) << std::hex << hash;
}

std::string lastAssert;
void RecordAssert(const char*, const char* message, const char*, int) { lastAssert = message; }

TEST(Shapley, MalformedGameIsReportedAndGivesNoValues) {
  const AssertHandler previous = SetAssertHandler(RecordAssert);
  lastAssert.clear();
  const std::vector<double> wrongSize = ShapleyValues(CoalitionGame{3, std::vector<double>(4, 0.0)});
  const std::string sizeMessage = lastAssert;
  lastAssert.clear();
  const std::vector<double> tooMany = ShapleyValues(CoalitionGame{21, {}});
  const std::string playersMessage = lastAssert;
  SetAssertHandler(previous);
  EXPECT_TRUE(wrongSize.empty());
  EXPECT_NE(sizeMessage.find("2^players"), std::string::npos) << sizeMessage;
  EXPECT_TRUE(tooMany.empty());
  EXPECT_NE(playersMessage.find("1..20"), std::string::npos) << playersMessage;
}

TEST(CoalitionCore, GloveGameCoreGivesTheScarceSideEverything) {
  const CoalitionGame game = GloveGame();
  const CoreCheck all = CheckCore(game, {1.0, 0.0, 0.0}, 1e-9);
  EXPECT_TRUE(all.inCore);
  EXPECT_LE(all.excess, 0.0);
  // The Shapley value leaves each left-right pair 5/6 of the pair's 1: {0,1} (mask 3) objects first.
  const CoreCheck shapley = CheckCore(game, {2.0 / 3.0, 1.0 / 6.0, 1.0 / 6.0}, 1e-9);
  EXPECT_FALSE(shapley.inCore);
  EXPECT_EQ(shapley.blockingCoalition, 3U);
  EXPECT_NEAR(shapley.excess, 1.0 / 6.0, kEps);
  // A right glove paid anything is blocked by the other pair.
  const CoreCheck generous = CheckCore(game, {0.9, 0.1, 0.0}, 1e-9);
  EXPECT_FALSE(generous.inCore);
  EXPECT_EQ(generous.blockingCoalition, 5U);  // {0, 2}
  EXPECT_NEAR(generous.excess, 0.1, kEps);
}

TEST(CoalitionCore, ThreePlayerMajorityGameHasAnEmptyCore) {
  // v(S) = 1 for |S| >= 2: any split of 1 leaves some pair with less than 1.
  const CoalitionGame game = MakeGame(3, [](std::uint32_t s) { return std::popcount(s) >= 2 ? 1.0 : 0.0; });
  const CoreCheck equal = CheckCore(game, {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0}, 1e-9);
  EXPECT_FALSE(equal.inCore);
  EXPECT_EQ(equal.blockingCoalition, 3U);  // the three pairs tie; the lowest mask is reported
  EXPECT_NEAR(equal.excess, 1.0 / 3.0, kEps);
  const CoreCheck dictator = CheckCore(game, {1.0, 0.0, 0.0}, 1e-9);
  EXPECT_FALSE(dictator.inCore);
  EXPECT_EQ(dictator.blockingCoalition, 6U);  // {1, 2}
  EXPECT_NEAR(dictator.excess, 1.0, kEps);
  Rng rng(7);
  for (int k = 0; k < 100; ++k) {
    const double a = rng.NextUniform();
    const double b = (1.0 - a) * rng.NextUniform();
    EXPECT_FALSE(CheckCore(game, {a, b, 1.0 - a - b}, 1e-9).inCore) << a << " " << b;
  }
}

TEST(CoalitionCore, ToleranceAbsorbsRoundingButNotObjections) {
  const CoalitionGame game = MakeGame(2, [](std::uint32_t s) { return s == 3U ? 1.0 : 0.25; });
  const CoreCheck rounding = CheckCore(game, {0.25 - 1e-10, 0.75 + 1e-10}, 1e-9);
  EXPECT_TRUE(rounding.inCore);
  EXPECT_EQ(rounding.blockingCoalition, 1U);
  EXPECT_GT(rounding.excess, 0.0);
  EXPECT_FALSE(CheckCore(game, {0.2, 0.8}, 1e-9).inCore);
}

TEST(CoalitionCore, AllocationShortOfTheGrandCoalitionIsBlockedByIt) {
  const CoalitionGame game = MakeGame(3, [](std::uint32_t s) { return static_cast<double>(std::popcount(s)); });
  const CoreCheck check = CheckCore(game, {0.9, 0.9, 0.9}, 1e-9);
  EXPECT_FALSE(check.inCore);
  EXPECT_EQ(check.blockingCoalition, 7U);
  EXPECT_NEAR(check.excess, 0.3, 1e-12);
}

}  // namespace
}  // namespace kz
