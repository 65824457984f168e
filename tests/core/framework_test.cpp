// Hand-computed cases for every coordination-framework rule (numbers in comments are the hand
// calculation), the invariants with frameworks active, and the with/without accounting.
#include "kizuna/framework.hpp"
#include "kizuna/results_io.hpp"

#include <gtest/gtest.h>

#include "engine_fixtures.hpp"
#include "kizuna/rng.hpp"
#include "kizuna/synthetic.hpp"
#include "kizuna/validate.hpp"

namespace kz {
namespace {

using test::At;
using test::MakeEvent;
using test::PolicyOf;
using test::RunOrFail;

constexpr double kEps = 1e-9;

Framework MakeFramework(std::string id, std::vector<std::string> members) {
  Framework f;
  f.id = std::move(id);
  f.name.en = f.id;
  f.members = std::move(members);
  return f;
}

// One good, ore, mined only by A (capacity 100). B and C each want 40 a month; regions D and E
// exist for the tests that need outsiders. Stocks are zero and lags long unless a test sets them.
Scenario OreMarket() {
  Scenario s;
  s.id = "ore-market";
  s.title.en = "Ore market";
  s.horizonMonths = 8;
  const double weights[] = {1.0, 1.0, 3.0, 1.0, 1.0};
  const char* ids[] = {"A", "B", "C", "D", "E"};
  for (int r = 0; r < 5; ++r) {
    Region region;
    region.id = ids[r];
    region.name.en = ids[r];
    region.weight = weights[r];
    s.regions.push_back(region);
    RegionPolicy policy;
    policy.region = ids[r];
    policy.responseLagMonths = 12;
    s.policies.push_back(policy);
  }
  Good ore;
  ore.id = "ore";
  ore.name.en = "Ore";
  ore.unit = "t";
  ore.basePrice = 10.0;
  ore.qualificationMonths = 0;
  ore.finalDemand = {{"B", 40.0, 0.0}, {"C", 40.0, 0.0}};
  s.goods = {ore};
  s.facilities = {{"A", "ore", 100.0, 0.0, 1.0}};
  s.trade = {{"B", "ore", "A", 1.0}, {"C", "ore", "A", 1.0}};
  return s;
}

TEST(Framework, InformationSharingShortensTheResponseLag) {
  Scenario s = test::OreMagnetChain();
  s.goods[0].interchangeable = 0.0;  // ore made to A's specification: C takes A's orders only once B responds
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 6, {"B"}));
  const Results alone = RunOrFail(s);
  Framework f = MakeFramework("early-warning", {"B", "C"});
  f.informationSharing = {true, 0};
  s.frameworks.push_back(f);
  const Results shared = RunOrFail(s);
  test::ExpectInvariants(s, shared);
  // Alone, B's 12-month lag keeps it at the 20% C supplies; sharing, it re-sources from month 2.
  EXPECT_NEAR(At(alone, alone.fulfilment, 2, "B", "ore"), 0.2, kEps);
  EXPECT_NEAR(At(shared, shared.fulfilment, 1, "B", "ore"), 0.2, kEps);
  EXPECT_NEAR(At(shared, shared.fulfilment, 2, "B", "ore"), 1.0, kEps);
  EXPECT_NEAR(At(shared, shared.production, 2, "C", "ore"), 60.0, kEps);
}

TEST(Framework, PartnerPriorityServesMembersFirstInAShortage) {
  Scenario s = OreMarket();
  s.events.push_back(MakeEvent("flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 0, 8));
  const Results alone = RunOrFail(s);
  EXPECT_NEAR(At(alone, alone.finalDelivered, 0, "B", "ore"), 25.0, kEps);  // 50 shared pro rata
  Framework f = MakeFramework("trusted", {"A", "B"});
  f.partnerPriority.enabled = true;
  f.partnerPriority.priority = 1.0;
  s.frameworks.push_back(f);
  const Results full = RunOrFail(s);
  test::ExpectInvariants(s, full);
  EXPECT_NEAR(At(full, full.finalDelivered, 0, "B", "ore"), 40.0, kEps);
  EXPECT_NEAR(At(full, full.finalDelivered, 0, "C", "ore"), 10.0, kEps);
  // Half priority: 25 t to B first, then 25 t pro rata over B's remaining 15 and C's 40.
  s.frameworks[0].partnerPriority.priority = 0.5;
  const Results half = RunOrFail(s);
  EXPECT_NEAR(At(half, half.finalDelivered, 0, "B", "ore"), 25.0 + 25.0 * 15.0 / 55.0, kEps);
  EXPECT_NEAR(At(half, half.finalDelivered, 0, "C", "ore"), 25.0 * 40.0 / 55.0, kEps);
}

TEST(Framework, PartnerPriorityChangesNothingWithoutShortage) {
  Scenario s = OreMarket();
  Framework f = MakeFramework("trusted", {"A", "B"});
  f.partnerPriority.enabled = true;
  s.frameworks.push_back(f);
  EXPECT_EQ(HashResults(RunOrFail(s)), HashResults(RunOrFail(WithoutFramework(s, "trusted"))));
}

TEST(Framework, StockpilePoolReleasesToMembersInShortageAndSharesHoldingCosts) {
  Scenario s = OreMarket();
  s.goods[0].valueMultiplier = 20.0;  // worth its spot price to B's users (a pool serves those uses only)
  for (RegionPolicy& p : s.policies) p.responseLagMonths = 0;
  StockpilePolicy pile;
  pile.good = "ore";
  pile.targetMonths = 2.0;      // C: 2 x 40 = 80 t
  pile.releasePerMonth = 0.25;  // 20 t a month
  pile.holdingCostPerYear = 0.12;
  PolicyOf(s, "C").stockpiles.push_back(pile);
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 3, {"B"}));
  const Results alone = RunOrFail(s);
  EXPECT_NEAR(At(alone, alone.fulfilment, 2, "B", "ore"), 0.0, kEps);
  Framework f = MakeFramework("pool", {"B", "C"});
  f.stockpilePool.enabled = true;
  f.stockpilePool.goods = {"ore"};
  f.stockpilePool.costShare = CostShare::Gdp;  // weights B 1, C 3
  s.frameworks.push_back(f);
  const Results pooled = RunOrFail(s);
  test::ExpectInvariants(s, pooled);
  // Month 1 B is short; from month 2 (lag 0) C's pool gives its 20 t a month: half of B's 40.
  EXPECT_NEAR(At(pooled, pooled.fulfilment, 1, "B", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(pooled, pooled.fulfilment, 2, "B", "ore"), 0.5, kEps);
  EXPECT_NEAR(At(pooled, pooled.fulfilment, 3, "B", "ore"), 0.5, kEps);
  // C gives 20 t in months 2 and 3 and, though not short itself, refills nothing while B is short
  // (its refill would compete with B for the ore).
  EXPECT_NEAR(At(pooled, pooled.stockpile, 2, "C", "ore"), 60.0, kEps);
  EXPECT_NEAR(At(pooled, pooled.stockpile, 3, "C", "ore"), 40.0, kEps);
  EXPECT_NEAR(At(pooled, pooled.fulfilment, 2, "C", "ore"), 1.0, kEps);  // the donor stays whole
  // Holding cost at month 0: 80 t x 10 USD x 0.12 / 12 = 8 USD, split 1:3 by GDP.
  EXPECT_NEAR(At(pooled, pooled.policyCost, 0, "B", "ore"), 2.0, kEps);
  EXPECT_NEAR(At(pooled, pooled.policyCost, 0, "C", "ore"), 6.0, kEps);
  EXPECT_NEAR(At(alone, alone.policyCost, 0, "C", "ore"), 8.0, kEps);
}

TEST(Framework, StockpilePoolByContributionGivesNothingToMembersWithoutStock) {
  Scenario s = OreMarket();
  for (RegionPolicy& p : s.policies) p.responseLagMonths = 0;
  StockpilePolicy pile;
  pile.good = "ore";
  pile.targetMonths = 2.0;
  PolicyOf(s, "C").stockpiles.push_back(pile);
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 3, {"B"}));
  Framework f = MakeFramework("pool", {"B", "C"});
  f.stockpilePool = {true, {"ore"}, PoolAllocation::ByContribution, CostShare::Equal};
  s.frameworks.push_back(f);
  const Results r = RunOrFail(s);
  EXPECT_NEAR(At(r, r.fulfilment, 2, "B", "ore"), 0.0, kEps);
}

TEST(Framework, JointInvestmentBuildsCapacityReservesOutputAndSplitsCapex) {
  Scenario s = OreMarket();
  s.goods[0].interchangeable = 0.0;  // buyers cannot move B's half of their orders to A's spare capacity
  s.facilities.push_back({"B", "ore", 0.0, 0.0, 1.0});  // B's plant has no capacity until the project
  s.goods[0].finalDemand.push_back({"D", 40.0, 0.0});
  s.trade = {{"B", "ore", "A", 0.5}, {"B", "ore", "B", 0.5}, {"C", "ore", "A", 0.5},
             {"C", "ore", "B", 0.5}, {"D", "ore", "A", 0.5}, {"D", "ore", "B", 0.5}};
  Framework f = MakeFramework("joint", {"B", "C"});
  f.jointInvestment = {true, "B", "ore", 40.0, 0, 2, 0, 300.0, CostShare::Equal, 1.0};
  s.frameworks.push_back(f);
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Before the plant (months 0-1) nobody gets B's half; capex 40 x 300 charged from month 2 over the
  // plant's 240-month life (50 a month), split equally.
  EXPECT_NEAR(At(r, r.finalDelivered, 0, "B", "ore"), 20.0, kEps);
  EXPECT_NEAR(At(r, r.policyCost, 1, "C", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(r, r.policyCost, 2, "B", "ore"), 25.0, kEps);
  EXPECT_NEAR(At(r, r.policyCost, 2, "C", "ore"), 25.0, kEps);
  // From month 2 the plant makes 40 t for 60 t of orders: members (20 + 20) first, D gets none.
  EXPECT_NEAR(At(r, r.production, 2, "B", "ore"), 40.0, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 2, "B", "ore"), 40.0, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 2, "C", "ore"), 40.0, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 2, "D", "ore"), 20.0, kEps);
  // Half reserved: 20 t to members first (10 + 10), then 20 t over B 10, C 10, D 20 pro rata.
  s.frameworks[0].jointInvestment.reservedShare = 0.5;
  const Results half = RunOrFail(s);
  EXPECT_NEAR(At(half, half.finalDelivered, 2, "B", "ore"), 20.0 + 15.0, kEps);
  EXPECT_NEAR(At(half, half.finalDelivered, 2, "D", "ore"), 20.0 + 10.0, kEps);
}

// The members' lost sales show in their trade income (welfare.hpp), as any exporter's restriction's
// would: how a restriction is written does not change what it costs.
TEST(Framework, CoordinatedExportControlsStarveTheTargetAndCostTheMembersTheirSales) {
  Scenario s = test::OreMagnetChain();
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  Framework f = MakeFramework("controls", {"A", "C"});
  f.exportControls = {true, {"ore"}, {"B"}, 1.0, 1, 2};
  s.frameworks.push_back(f);
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.fulfilment, 1, "B", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(r, r.production, 1, "B", "magnet"), 0.0, kEps);  // the target's dependent stage degrades
  EXPECT_NEAR(At(r, r.tradeIncome, 0, "A", "ore") - At(r, r.tradeIncome, 1, "A", "ore"), 48.0 * 10.0, kEps);  // 48 t unsold
  EXPECT_NEAR(At(r, r.tradeIncome, 0, "C", "ore") - At(r, r.tradeIncome, 1, "C", "ore"), 12.0 * 10.0, kEps);
  EXPECT_NEAR(At(r, r.policyCost, 1, "A", "ore"), 0.0, kEps);  // not counted twice
  EXPECT_NEAR(At(r, r.fulfilment, 3, "B", "ore"), 1.0, kEps);
  EXPECT_EQ(r.binding[r.Index(1, 1, 0)].kind, ConstraintKind::ExportRestriction);
}

TEST(Framework, AssessmentCountsLossAvoidedAndCostsPerRegion) {
  Scenario s = test::OreMagnetChain();
  s.goods[0].interchangeable = 0.0;  // as above
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 6, {"B"}));
  Framework f = MakeFramework("early-warning", {"B", "C"});
  f.informationSharing = {true, 0};
  s.frameworks.push_back(f);
  const Expected<FrameworkImpact> impact = AssessFramework(s, "early-warning");
  ASSERT_TRUE(impact);
  // Without: B short of 24 magnets (x 100 USD x 3) in months 1-6; with: only in month 1. What B
  // pays C for the re-sourced ore at the spot price is C's income; the 48 t a month C makes beyond
  // its usual orders cost it their value added (10 USD a tonne of ore, which has no inputs): the
  // members' net gain is the loss avoided less that cost.
  const RegionImpact& b = impact.value().regions[1];
  const RegionImpact& c = impact.value().regions[2];
  EXPECT_TRUE(b.member);
  EXPECT_NEAR(b.lossAvoided, 5 * 24.0 * 100.0 * 3.0, 1e-6);
  EXPECT_NEAR(b.extraCost, 0.0, 1e-9);
  EXPECT_LT(b.tradeGain, 0.0);
  EXPECT_NEAR(b.tradeGain + c.tradeGain, 0.0, 1e-6);
  EXPECT_NEAR(b.netGain, b.lossAvoided + b.tradeGain, 1e-6);
  EXPECT_NEAR(c.extraCost, 5 * 48.0 * 10.0, 1e-6);
  EXPECT_NEAR(impact.value().membersNetGain, b.lossAvoided - c.extraCost, 1e-6);
  EXPECT_NEAR(b.exposure, 6 * 24.0 * 100.0 * 3.0, 1e-6);  // B's loss without the framework, months 1-6
  EXPECT_NEAR(b.gainPerExposure, b.netGain / b.exposure, 1e-12);
  EXPECT_EQ(c.gainPerExposure, 0.0);  // C loses nothing without it
  EXPECT_FALSE(impact.value().regions[0].member);
  EXPECT_FALSE(AssessFramework(s, "nope"));
}

TEST(Framework, ValidationNamesBrokenRules) {
  Scenario s = OreMarket();
  Framework f = MakeFramework("bad", {"B", "Z"});
  f.exportControls = {true, {"ore"}, {"B"}, 1.0, 0, 1};
  f.jointInvestment = {true, "D", "ore", 1.0, 0, 1, 0, 0.0, CostShare::Gdp, 0.5};
  s.frameworks.push_back(f);
  std::vector<std::string> messages;
  for (const Problem& p : ValidateScenario(s)) messages.push_back(p.ToString());
  EXPECT_NE(std::find(messages.begin(), messages.end(), "frameworks[0].members[1]: unknown region 'Z'"), messages.end());
  EXPECT_NE(std::find(messages.begin(), messages.end(),
                      "frameworks[0].exportControls.targets[0]: B is a member of bad and cannot be its target"),
            messages.end());
  EXPECT_NE(std::find(messages.begin(), messages.end(), "frameworks[0].jointInvestment.host: D is not a member of bad"),
            messages.end());
}

// Every rule at once on random networks: the invariants of the engine still hold.
TEST(Framework, InvariantsHoldWithEveryRuleOnRandomNetworks) {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    SyntheticSpec spec;
    spec.seed = seed;
    spec.regions = 5;
    spec.goods = 6;
    spec.months = 36;
    Scenario s = MakeSyntheticScenario(spec);
    Rng rng = Rng::ForStream(seed, 99);
    Framework f = MakeFramework("all-rules", {"R0", "R1", "R2"});
    f.informationSharing = {true, 0};
    f.stockpilePool = {true, {"G0", "G3"}, static_cast<PoolAllocation>(rng.NextBelow(3)), CostShare::Consumption};
    f.partnerPriority = {true, {}, rng.NextUniform()};
    f.jointInvestment = {true, "R1", "G4", 500.0, 2, 6, 3, 100.0, CostShare::Gdp, rng.NextUniform()};
    f.exportControls = {true, {"G1"}, {"R4"}, rng.NextUniform(), 5, 10};
    s.frameworks.push_back(f);
    for (RegionPolicy& p : s.policies) p.stockpiles = {StockpilePolicy{"G0", 3.0}, StockpilePolicy{"G3", 2.0}};
    ASSERT_TRUE(ValidateScenario(s).empty()) << ValidateScenario(s).front().ToString();
    const Results r = RunOrFail(s);
    SCOPED_TRACE("seed " + std::to_string(seed));
    test::ExpectInvariants(s, r);
  }
}

}  // namespace
}  // namespace kz

namespace kz {
namespace {

TEST(Framework, EffectNamesFollowTheConstraintNumbering) {
  Scenario s = test::OreMagnetChain();
  s.events.push_back(test::MakeEvent("quake", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 0, 1));
  test::PolicyOf(s, "A").exportControls.push_back({"ore", {"B"}, 0.5, 2, 1});
  Framework f;
  f.id = "controls";
  f.members = {"A", "C"};
  s.frameworks.push_back(f);
  EXPECT_EQ(EffectName(s, 0), "quake");
  EXPECT_EQ(EffectName(s, 1), "export control of A on ore");
  EXPECT_EQ(EffectName(s, 2), "framework controls");
  EXPECT_EQ(EffectName(s, 3), "drawn event");
}

TEST(Framework, CoordinatedControlsAreExplainedByTheirFramework) {
  Scenario s = test::OreMagnetChain();
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  Framework f;
  f.id = "controls";
  f.name.en = "controls";
  f.members = {"A", "C"};
  f.exportControls = {true, {"ore"}, {"B"}, 1.0, 1, 2};
  s.frameworks.push_back(f);
  const Results r = test::RunOrFail(s);
  EXPECT_EQ(EffectName(s, r.binding[r.Index(1, 1, 0)].event), "framework controls");
}

}  // namespace
}  // namespace kz
