// Properties over many generated networks: the invariants hold, nothing is NaN or infinite, extreme
// sizes and quantities are handled, an undisturbed network is steady, and a fixed scenario's result
// hash is the same natively and in wasm (this file runs in both tiers).
#include <gtest/gtest.h>

#include "engine_fixtures.hpp"
#include "kizuna/rng.hpp"
#include "kizuna/synthetic.hpp"
#include "kizuna/validate.hpp"

namespace kz {
namespace {

std::string ProblemsText(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& p : problems) text += p.ToString() + "\n";
  return text;
}

TEST(EngineProperty, InvariantsHoldOnRandomNetworks) {
  Rng sizes(2024);
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    SyntheticSpec spec;
    spec.seed = seed;
    spec.regions = 1 + static_cast<int>(sizes.NextBelow(7));
    spec.goods = 1 + static_cast<int>(sizes.NextBelow(9));
    spec.months = 1 + static_cast<int>(sizes.NextBelow(72));
    spec.events = static_cast<int>(sizes.NextBelow(10));
    spec.policies = sizes.NextBelow(4) != 0;
    const Scenario s = MakeSyntheticScenario(spec);
    ASSERT_TRUE(ValidateScenario(s).empty()) << "seed " << seed << "\n" << ProblemsText(ValidateScenario(s));
    const Results r = test::RunOrFail(s);
    SCOPED_TRACE("seed " + std::to_string(seed));
    test::ExpectInvariants(s, r);
    for (const double v : r.fulfilment) ASSERT_LE(v, 1.0 + 1e-12);
  }
}

TEST(EngineProperty, UndisturbedNetworkIsSteady) {
  SyntheticSpec spec;
  spec.regions = 6;
  spec.goods = 7;
  spec.months = 36;
  spec.events = 0;
  spec.policies = false;
  Scenario s = MakeSyntheticScenario(spec);
  for (Good& good : s.goods) {
    for (FinalDemand& demand : good.finalDemand) demand.growthPerYear = 0.0;
  }
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  for (int t = 1; t < r.months; ++t) {
    for (int reg = 0; reg < r.regions; ++reg) {
      for (int g = 0; g < r.goods; ++g) {
        const std::size_t now = r.Index(t, reg, g);
        const std::size_t first = r.Index(0, reg, g);
        ASSERT_NEAR(r.production[now], r.production[first], 1e-9 * (1.0 + r.production[first])) << t;
        ASSERT_NEAR(r.fulfilment[now], 1.0, 1e-12);
        ASSERT_NEAR(r.price[now], 1.0, 1e-12);
        ASSERT_NEAR(r.inventory[now], r.inventory[first], 1e-9 * (1.0 + r.inventory[first]));
      }
    }
  }
}

TEST(EngineProperty, ZeroCapacityGivesZeroFulfilmentNotNaN) {
  Scenario s = test::OreMagnetChain();
  for (Facility& facility : s.facilities) facility.capacity = 0.0;
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_EQ(test::At(r, r.finalDelivered, 0, "B", "magnet"), 0.0);
  EXPECT_EQ(r.MetricsOf(1, 1).peakShortfall, 1.0);
  EXPECT_EQ(r.MetricsOf(1, 1).timeToRecover, -1);  // never recovers within the horizon
}

TEST(EngineProperty, LongestHorizonAndExtremeQuantitiesStayFinite) {
  for (const double scale : {1e-9, 1.0, 1e12}) {
    Scenario s = test::OreMagnetChain();
    s.horizonMonths = kMaxHorizonMonths;
    for (Facility& facility : s.facilities) facility.capacity *= scale;
    s.goods[1].finalDemand[0].monthly *= scale;
    s.goods[1].finalDemand[0].growthPerYear = 0.02;
    s.events.push_back(test::MakeEvent("quake", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.9, 100, 30));
    const Results r = test::RunOrFail(s);
    SCOPED_TRACE("scale " + std::to_string(scale));
    test::ExpectInvariants(s, r);
    EXPECT_EQ(r.months, kMaxHorizonMonths);
  }
}

TEST(EngineProperty, LargestNetworksRun) {
  SyntheticSpec spec;
  spec.regions = 32;
  spec.goods = 32;
  spec.months = 24;
  spec.events = 20;
  const Scenario s = MakeSyntheticScenario(spec);
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
}

// Golden hash of a fixed generated scenario. The same value natively (glibc) and in wasm (musl)
// shows that the engine is deterministic across platforms; a change here changes every shared
// link's results, so update it only with a deliberate model change (and say so in the commit).
TEST(EngineProperty, GoldenResultHashIsIdenticalOnEveryPlatform) {
  SyntheticSpec spec;
  spec.regions = 10;
  spec.goods = 10;
  spec.months = 60;
  spec.seed = 7;
  spec.events = 8;
  const Results r = test::RunOrFail(MakeSyntheticScenario(spec));
  EXPECT_EQ(HashResults(r), 0x8d15375fdda5bec3ULL) << std::hex << HashResults(r);
}

}  // namespace
}  // namespace kz
