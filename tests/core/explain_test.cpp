// Explain: the chain of binding constraints behind a shortfall and the levers chosen by rule, on the
// hand-computed ore -> magnet chain, the two-sector scenario and the Renesas fire preset.
#include "kizuna/explain.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "kizuna/levers.hpp"

namespace kz {
namespace {

using test::MakeEvent;
using test::OreMagnetChain;
using test::PolicyOf;
using test::RunOrFail;

std::vector<std::string> Paths(const Explanation& e) {
  std::vector<std::string> paths;
  for (const LeverSuggestion& lever : e.levers) paths.push_back(lever.path);
  return paths;
}

bool Has(const std::vector<std::string>& paths, const std::string& path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

// Every suggestion is a lever of the scenario, with its current value.
void ExpectLeversExist(const Scenario& s, const Explanation& e) {
  std::set<std::string> known;
  for (const LeverInfo& lever : ListLevers(s)) known.insert(lever.path);
  for (const LeverSuggestion& lever : e.levers) {
    EXPECT_TRUE(known.count(lever.path)) << lever.path;
    EXPECT_EQ(GetLever(s, lever.path).value(), lever.value) << lever.path;
    EXPECT_FALSE(lever.reason.empty()) << lever.path;
  }
}

// A's mine floods (half its capacity, months 2-3): B's magnet line lacks ore (engine_test.cpp).
Scenario FloodedChain() {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 2));
  return s;
}

TEST(Explain, FollowsTheMissingInputToTheEventOnTheChain) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "B", "magnet", 2);
  ASSERT_TRUE(e.ok());
  const Explanation& x = e.value();
  EXPECT_EQ(x.text,
            "In month 2, B gets 83% of the magnet it needs. B is short of magnet because producers in B lack ore. "
            "B is short of ore because of 'mine-flood' in A (capacity loss).");
  ASSERT_EQ(x.chain.size(), 2u);
  EXPECT_EQ(x.chain[0].constraint.kind, ConstraintKind::InputShortage);
  EXPECT_EQ(x.chain[0].input, "ore");
  EXPECT_EQ(x.chain[1].region, "B");
  EXPECT_EQ(x.chain[1].good, "ore");
  EXPECT_EQ(x.chain[1].constraint.kind, ConstraintKind::CapacityLoss);
  EXPECT_EQ(x.chain[1].seller, "A");
  EXPECT_EQ(x.chain[1].effect, "mine-flood");
  // No stocks, investments or frameworks in the chain's scenario, and B buys ore from A alone (its trade
  // share cannot move): lag, re-sourcing, the event.
  EXPECT_EQ(Paths(x), (std::vector<std::string>{"policy.B.responseLagMonths", "good.ore.qualificationMonths",
                                                "event.mine-flood.fraction", "event.mine-flood.duration"}));
  ExpectLeversExist(s, x);
}

TEST(Explain, SuggestsStocksDiversificationAndFrameworkRulesWhereTheScenarioHasThem) {
  Scenario s = FloodedChain();
  s.horizonMonths = 12;
  StockpilePolicy stock;
  stock.good = "ore";
  stock.targetMonths = 0.0;
  PolicyOf(s, "B").stockpiles.push_back(stock);
  PolicyOf(s, "B").diversification.push_back({"ore", 1.0, {}});
  Framework club;
  club.id = "ore-club";
  club.name.en = "Ore club";
  club.members = {"B", "C"};
  club.stockpilePool.goods = {"ore"};
  s.frameworks.push_back(club);
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "B", "magnet", 2);
  ASSERT_TRUE(e.ok());
  const std::vector<std::string> paths = Paths(e.value());
  ASSERT_FALSE(paths.empty());
  EXPECT_EQ(paths.front(), "policy.B.stockpile.ore.targetMonths");
  EXPECT_TRUE(Has(paths, "policy.B.diversification.ore.maxShare"));
  EXPECT_TRUE(Has(paths, "framework.ore-club.stockpilePool.enabled"));
  EXPECT_TRUE(Has(paths, "framework.ore-club.informationSharing.enabled"));
  for (const LeverSuggestion& lever : e.value().levers) {
    if (lever.path == "framework.ore-club.stockpilePool.enabled") {
      EXPECT_EQ(lever.reason, "Ore club pools members' stocks of ore, so B can draw on partners' reserves "
                              "(off here: switch it on to try it).");
    }
    if (lever.path == "policy.B.diversification.ore.maxShare") {
      EXPECT_EQ(lever.reason, "A lower cap on any one supplier's share of ore bought by B spreads purchases beyond A.");
    }
  }
  ExpectLeversExist(s, e.value());
}

TEST(Explain, NothingShortMeansNoChainAndNoLevers) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "B", "magnet", 0);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value().text, "In month 0, B gets all the magnet it needs.");
  EXPECT_TRUE(e.value().chain.empty());
  EXPECT_TRUE(e.value().levers.empty());
  EXPECT_DOUBLE_EQ(e.value().fulfilment, 1.0);
}

TEST(Explain, UnknownRegionGoodOrMonthAreProblemsNamingThem) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "ZZ", "gold", 12);
  ASSERT_FALSE(e.ok());
  ASSERT_EQ(e.problems().size(), 3u);
  EXPECT_EQ(e.problems()[0].ToString(), "region: unknown region 'ZZ'");
  EXPECT_EQ(e.problems()[1].ToString(), "good: unknown good 'gold'");
  EXPECT_EQ(e.problems()[2].ToString(), "month: must be in 0..11");
  EXPECT_FALSE(Explain(s, r, "B", "magnet", -1).ok());
}

// two-sector.json: China halts oxide exports to Japan from month 3; Japan's magnet makers run short.
TEST(Explain, TwoSectorMagnetsInJapanTraceToChinasOxideHalt) {
  const Scenario s = test::LoadBundled("two-sector");
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "JP", "re_magnet", 3);
  ASSERT_TRUE(e.ok());
  const Explanation& x = e.value();
  ASSERT_EQ(x.chain.size(), 2u) << x.text;
  EXPECT_EQ(x.chain[0].constraint.kind, ConstraintKind::InputShortage);
  EXPECT_EQ(x.chain[0].input, "re_oxide");
  EXPECT_EQ(x.chain[1].good, "re_oxide");
  EXPECT_EQ(x.chain[1].constraint.kind, ConstraintKind::ExportRestriction);
  EXPECT_EQ(x.chain[1].seller, "CN");
  EXPECT_EQ(x.chain[1].effect, "China halts oxide exports to Japan");
  EXPECT_NE(x.text.find("because of 'China halts oxide exports to Japan' in China (export restriction)"),
            std::string::npos)
      << x.text;
  const std::vector<std::string> paths = Paths(x);
  ASSERT_FALSE(paths.empty());
  EXPECT_EQ(paths.front(), "policy.JP.stockpile.re_oxide.targetMonths");
  EXPECT_TRUE(Has(paths, "policy.JP.responseLagMonths"));
  EXPECT_TRUE(Has(paths, "good.re_oxide.qualificationMonths"));
  EXPECT_TRUE(Has(paths, "trade.JP.re_oxide.CN"));  // Australia could supply more
  EXPECT_TRUE(Has(paths, "event.cn-oxide-halt.fraction"));
  ExpectLeversExist(s, x);
}

TEST(Explain, RenesasVehiclesTraceToTheFire) {
  const Scenario s = test::LoadBundled("renesas-fire-2021");
  const Results r = RunOrFail(s);
  const Expected<Explanation> e = Explain(s, r, "JP", "vehicles", 1);
  ASSERT_TRUE(e.ok());
  const Explanation& x = e.value();
  ASSERT_GE(x.chain.size(), 2u) << x.text;
  EXPECT_EQ(x.chain[0].input, "mcu");
  EXPECT_EQ(x.chain.back().good, "mcu");
  EXPECT_EQ(x.chain.back().constraint.kind, ConstraintKind::CapacityLoss);
  EXPECT_EQ(x.chain.back().effect, "Fire at Renesas's Naka fab");
  EXPECT_NE(x.text.find("Japan is short of vehicles because producers in Japan lack automotive microcontrollers."),
            std::string::npos)
      << x.text;
  const std::vector<std::string> paths = Paths(x);
  EXPECT_TRUE(Has(paths, "policy.JP.stockpile.mcu.targetMonths"));
  EXPECT_TRUE(Has(paths, "event.naka-fire-2021.fraction"));
  EXPECT_TRUE(Has(paths, "event.naka-fire-2021.duration"));
  ExpectLeversExist(s, x);
}

// Frameworks the region belongs to offer their switches (us-jp-steering-committee: Japan is a member).
TEST(Explain, ChainsStayShortAndLeversExistOnEveryShortfallOfAFrameworkPreset) {
  const Scenario s = test::LoadBundled("us-jp-steering-committee");
  const Results r = RunOrFail(s);
  int explained = 0;
  for (int t = 0; t < r.months; t += 3) {
    for (int region = 0; region < r.regions; ++region) {
      for (int good = 0; good < r.goods; ++good) {
        if (r.binding[r.Index(t, region, good)].kind == ConstraintKind::None) continue;
        const Expected<Explanation> e = Explain(s, r, r.regionIds[region], r.goodIds[good], t);
        ASSERT_TRUE(e.ok());
        EXPECT_FALSE(e.value().chain.empty());
        EXPECT_LE(e.value().chain.size(), static_cast<std::size_t>(kMaxExplainHops));
        ExpectLeversExist(s, e.value());
        ++explained;
      }
    }
  }
  EXPECT_GT(explained, 0);
}

}  // namespace
}  // namespace kz
