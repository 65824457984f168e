// ValidateScenario: each rule broken once on an otherwise valid scenario, checking the exact list of
// problems (path and message), so a rule that stops firing or starts firing twice fails a test.
#include "kizuna/validate.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "test_scenarios.hpp"

namespace {

using kz::Scenario;
using kz::test::EveryFieldScenario;
using kz::test::SmallChainScenario;
using Strings = std::vector<std::string>;

Strings Problems(const Scenario& s) {
  Strings out;
  for (const kz::Problem& p : kz::ValidateScenario(s)) out.push_back(p.ToString());
  return out;
}

TEST(Validate, TestScenariosAreValid) {
  EXPECT_EQ(Problems(SmallChainScenario()), Strings{});
  EXPECT_EQ(Problems(EveryFieldScenario()), Strings{});
}

TEST(Validate, HeaderFieldsAreRequired) {
  Scenario s = SmallChainScenario();
  s.schemaVersion = 0;
  s.id = "";
  s.title.en = "";
  EXPECT_EQ(Problems(s), (Strings{"schemaVersion: must be in 1..1, got 0", "id: must not be empty",
                                  "title.en: must not be empty"}));
}

TEST(Validate, HorizonMustBeIn1To240) {
  Scenario s = SmallChainScenario();
  s.horizonMonths = 241;
  EXPECT_EQ(Problems(s), Strings{"horizonMonths: must be in 1..240, got 241"});
  s.horizonMonths = 0;
  EXPECT_EQ(Problems(s), Strings{"horizonMonths: must be in 1..240, got 0"});
  s.horizonMonths = 240;
  EXPECT_EQ(Problems(s), Strings{});
}

TEST(Validate, ScenarioNeedsRegionsAndGoods) {
  Scenario s;
  s.id = "empty";
  s.title.en = "Empty";
  EXPECT_EQ(Problems(s), (Strings{"regions: a scenario needs at least one region",
                                  "goods: a scenario needs at least one good"}));
}

TEST(Validate, IdsMustNotBeEmpty) {
  Scenario s = SmallChainScenario();
  s.events[0].id = "";
  EXPECT_EQ(Problems(s), Strings{"events[0].id: must not be empty"});
}

TEST(Validate, IdsUseOnlyLettersDigitsUnderscoreAndHyphen) {
  Scenario s = SmallChainScenario();
  s.id = "small chain";
  s.events[0].id = "cn.oxide";
  EXPECT_EQ(Problems(s),
            (Strings{"id: 'small chain' may contain only letters, digits, '_' and '-'",
                     "events[0].id: 'cn.oxide' may contain only letters, digits, '_' and '-'"}));
}

TEST(Validate, IdsAreUniqueWithinTheirKind) {
  Scenario s = SmallChainScenario();
  s.regions.push_back(s.regions[0]);
  s.events.push_back(s.events[0]);
  s.events[1].id = "cn-oxide-cut";
  EXPECT_EQ(Problems(s), (Strings{"regions[2].id: duplicate region id 'CN' (first at regions[0])",
                                  "events[1].id: duplicate event id 'cn-oxide-cut' (first at events[0])"}));
  Scenario goods = SmallChainScenario();
  goods.goods.push_back(goods.goods[0]);
  EXPECT_EQ(Problems(goods),
            Strings{"goods[3].id: duplicate good id 're_oxide' (first at goods[0])"});
  // Kinds have separate namespaces: an event may share a region's id.
  Scenario kinds = SmallChainScenario();
  kinds.events[0].id = "CN";
  EXPECT_EQ(Problems(kinds), Strings{});
}

TEST(Validate, RecipeGoodsMustExist) {
  Scenario s = SmallChainScenario();
  s.goods[1].recipe[0].good = "wafer";
  EXPECT_EQ(Problems(s), Strings{"goods[1].recipe[0].good: unknown good 'wafer'"});
}

TEST(Validate, FinalDemandRegionsMustExist) {
  Scenario s = SmallChainScenario();
  s.goods[2].finalDemand[0].region = "KR";
  // CN still makes motors from magnets, so it keeps its sources; only the reference is wrong.
  EXPECT_EQ(Problems(s), Strings{"goods[2].finalDemand[0].region: unknown region 'KR'"});
}

TEST(Validate, FacilityReferencesMustExist) {
  Scenario s = SmallChainScenario();
  s.facilities.push_back(kz::Facility{"KR", "wafers", 1.0, 0.0, 0.1});
  s.facilities.push_back(kz::Facility{"", "motors", 1.0, 0.0, 0.1});
  EXPECT_EQ(Problems(s), (Strings{"facilities[5].region: unknown region 'KR'",
                                  "facilities[5].good: unknown good 'wafers'",
                                  "facilities[6].region: must not be empty"}));
}

TEST(Validate, TradeReferencesMustExist) {
  Scenario s = SmallChainScenario();
  s.trade.push_back(kz::TradeShare{"KR", "chips", "TW", 1.0});
  EXPECT_EQ(Problems(s), (Strings{"trade[7].buyer: unknown region 'KR'",
                                  "trade[7].good: unknown good 'chips'",
                                  "trade[7].seller: unknown region 'TW'"}));
}

TEST(Validate, EventReferencesMustExist) {
  Scenario s = EveryFieldScenario();
  s.events[1].regions = {"XX"};
  s.events[1].targets = {"JP", "YY"};
  s.events[1].goods = {"re_oxide", "gold"};
  EXPECT_EQ(Problems(s), (Strings{"events[1].regions[0]: unknown region 'XX'",
                                  "events[1].targets[1]: unknown region 'YY'",
                                  "events[1].goods[1]: unknown good 'gold'"}));
}

TEST(Validate, PolicyReferencesMustExist) {
  Scenario s = EveryFieldScenario();
  s.policies[0].stockpiles[0].good = "gold";
  s.policies[0].diversification[0].partners = {"US"};
  s.policies[1].exportControls[0].targets = {"JP", "KR"};
  s.policies[1].region = "CHN";
  EXPECT_EQ(Problems(s), (Strings{"policies[0].stockpiles[0].good: unknown good 'gold'",
                                  "policies[0].diversification[0].partners[0]: unknown region 'US'",
                                  "policies[1].region: unknown region 'CHN'",
                                  "policies[1].exportControls[0].targets[1]: unknown region 'KR'"}));
}

TEST(Validate, ReferenceListsHaveNoRepeats) {
  Scenario s = EveryFieldScenario();
  s.events[1].goods = {"re_oxide", "re_oxide"};
  s.policies[0].diversification[0].partners = {"CN", "CN"};
  EXPECT_EQ(Problems(s),
            (Strings{"events[1].goods[1]: duplicate good 're_oxide' (first at events[1].goods[0])",
                     "policies[0].diversification[0].partners[1]: duplicate region 'CN' (first at "
                     "policies[0].diversification[0].partners[0])"}));
}

TEST(Validate, RecipeInputsAndDemandsAppearOnce) {
  Scenario s = SmallChainScenario();
  s.goods[1].recipe.push_back(kz::RecipeInput{"re_oxide", 1.0});
  s.goods[2].finalDemand.push_back(kz::FinalDemand{"JP", 1.0, 0.0});
  EXPECT_EQ(Problems(s),
            (Strings{"goods[1].recipe[1].good: duplicate input 're_oxide' (first at goods[1].recipe[0])",
                     "goods[2].finalDemand[2].region: duplicate demand of 'JP' (first at "
                     "goods[2].finalDemand[1])"}));
}

// Every documented range, broken once (one step outside it).
TEST(Validate, EveryNumericRangeIsChecked) {
  struct Case {
    std::function<void(Scenario&)> breakIt;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {[](Scenario& s) { s.regions[0].lat = 91; }, "regions[0].lat: must be in -90..90, got 91"},
      {[](Scenario& s) { s.regions[0].lon = -180.5; },
       "regions[0].lon: must be in -180..180, got -180.5"},
      {[](Scenario& s) { s.regions[1].weight = 0; }, "regions[1].weight: must be > 0, got 0"},
      {[](Scenario& s) { s.goods[0].basePrice = 0; }, "goods[0].basePrice: must be > 0, got 0"},
      {[](Scenario& s) { s.goods[1].recipe[0].unitsPerOutput = 0; },
       "goods[1].recipe[0].unitsPerOutput: must be > 0, got 0"},
      {[](Scenario& s) { s.goods[1].recipe[0].shareOfOutput = 0; },
       "goods[1].recipe[0].shareOfOutput: must be in 0..1 and above 0, got 0"},
      {[](Scenario& s) { s.goods[2].finalDemand[0].monthly = -1; },
       "goods[2].finalDemand[0].monthly: must be >= 0, got -1"},
      {[](Scenario& s) { s.goods[2].finalDemand[1].growthPerYear = -0.6; },
       "goods[2].finalDemand[1].growthPerYear: must be in -0.5..1, got -0.6"},
      {[](Scenario& s) { s.goods[0].valueMultiplier = 0.5; },
       "goods[0].valueMultiplier: must be >= 1, got 0.5"},
      {[](Scenario& s) { s.goods[0].qualificationMonths = 61; },
       "goods[0].qualificationMonths: must be in 0..60, got 61"},
      {[](Scenario& s) { s.goods[0].interchangeable = 1.5; },
       "goods[0].interchangeable: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.goods[0].demandElasticity = 1.5; },
       "goods[0].demandElasticity: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.goods[0].priceSensitivity = 101; },
       "goods[0].priceSensitivity: must be in 0..100, got 101"},
      {[](Scenario& s) { s.goods[0].priceMaxMultiple = 0.5; },
       "goods[0].priceMaxMultiple: must be in 1..100, got 0.5"},
      {[](Scenario& s) { s.goods[0].priceAdjustment = -0.1; },
       "goods[0].priceAdjustment: must be in 0..1, got -0.1"},
      {[](Scenario& s) { s.facilities[4].capacity = -1; },
       "facilities[4].capacity: must be >= 0, got -1"},
      {[](Scenario& s) { s.facilities[0].initialStock = -1; },
       "facilities[0].initialStock: must be >= 0, got -1"},
      {[](Scenario& s) { s.facilities[0].maxRampPerMonth = 1.01; },
       "facilities[0].maxRampPerMonth: must be in 0..1, got 1.01"},
      {[](Scenario& s) { s.events[0].fraction = 1.5; },
       "events[0].fraction: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.events[1].fraction = -0.1; },
       "events[1].fraction: must be in 0..1, got -0.1"},
      {[](Scenario& s) { s.events[2].fraction = 10.5; },
       "events[2].fraction: must be in -1..10, got 10.5"},
      {[](Scenario& s) { s.events[2].fraction = -1.5; },
       "events[2].fraction: must be in -1..10, got -1.5"},
      {[](Scenario& s) { s.events[3].fraction = 2; },
       "events[3].fraction: must be in 0..1, got 2"},
      {[](Scenario& s) { s.events[0].start = 36; }, "events[0].start: must be in 0..35, got 36"},
      {[](Scenario& s) { s.events[0].start = -1; }, "events[0].start: must be in 0..35, got -1"},
      {[](Scenario& s) { s.events[0].duration = 0; },
       "events[0].duration: must be in 1..240, got 0"},
      {[](Scenario& s) { s.events[1].recoveryMonths = 241; },
       "events[1].recoveryMonths: must be in 0..240, got 241"},
      {[](Scenario& s) { s.policies[0].responseLagMonths = 25; },
       "policies[0].responseLagMonths: must be in 0..24, got 25"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].targetMonths = 30; },
       "policies[0].stockpiles[0].targetMonths: must be in 0..24, got 30"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].initialFill = 1.1; },
       "policies[0].stockpiles[0].initialFill: must be in 0..1, got 1.1"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].releaseTrigger = -0.1; },
       "policies[0].stockpiles[0].releaseTrigger: must be in 0..1, got -0.1"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].releasePerMonth = 1.1; },
       "policies[0].stockpiles[0].releasePerMonth: must be in 0..1, got 1.1"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].refillPerMonth = 1.1; },
       "policies[0].stockpiles[0].refillPerMonth: must be in 0..1, got 1.1"},
      {[](Scenario& s) { s.policies[0].stockpiles[0].holdingCostPerYear = 1.1; },
       "policies[0].stockpiles[0].holdingCostPerYear: must be in 0..1, got 1.1"},
      {[](Scenario& s) { s.policies[0].investments[0].capacity = -5; },
       "policies[0].investments[0].capacity: must be >= 0, got -5"},
      {[](Scenario& s) { s.policies[0].investments[0].start = 241; },
       "policies[0].investments[0].start: must be in 0..240, got 241"},
      {[](Scenario& s) { s.policies[0].investments[0].leadMonths = -1; },
       "policies[0].investments[0].leadMonths: must be in 0..240, got -1"},
      {[](Scenario& s) { s.policies[0].investments[0].rampMonths = 121; },
       "policies[0].investments[0].rampMonths: must be in 0..120, got 121"},
      {[](Scenario& s) { s.policies[0].investments[0].capexPerUnit = -1; },
       "policies[0].investments[0].capexPerUnit: must be >= 0, got -1"},
      {[](Scenario& s) { s.policies[0].diversification[0].maxShare = 1.5; },
       "policies[0].diversification[0].maxShare: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.policies[0].substitution[0].maxReduction = 1.5; },
       "policies[0].substitution[0].maxReduction: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.policies[0].substitution[0].monthsToFull = 0; },
       "policies[0].substitution[0].monthsToFull: must be in 1..120, got 0"},
      {[](Scenario& s) { s.policies[0].substitution[0].costPerUnit = -1; },
       "policies[0].substitution[0].costPerUnit: must be >= 0, got -1"},
      {[](Scenario& s) { s.policies[0].recycling[0].rate = 1.5; },
       "policies[0].recycling[0].rate: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.policies[0].recycling[0].lagMonths = 121; },
       "policies[0].recycling[0].lagMonths: must be in 0..120, got 121"},
      {[](Scenario& s) { s.policies[1].exportControls[0].fraction = 1.5; },
       "policies[1].exportControls[0].fraction: must be in 0..1, got 1.5"},
      {[](Scenario& s) { s.policies[1].exportControls[0].start = -1; },
       "policies[1].exportControls[0].start: must be in 0..240, got -1"},
      {[](Scenario& s) { s.policies[1].exportControls[0].duration = 0; },
       "policies[1].exportControls[0].duration: must be in 1..240, got 0"},
  };
  for (const Case& c : cases) {
    Scenario s = EveryFieldScenario();
    c.breakIt(s);
    EXPECT_EQ(Problems(s), Strings{c.expected});
  }
}

TEST(Validate, TradeShareMustBeAFraction) {
  Scenario s = SmallChainScenario();
  s.trade[3].share = 1.2;  // JP buys 1.2 of its magnets at home and 0.4 from CN
  EXPECT_EQ(Problems(s), (Strings{"trade[3].share: must be in 0..1, got 1.2",
                                  "trade.JP.re_magnet: shares sum to 1.6, must sum to 1"}));
}

TEST(Validate, NonFiniteNumbersAreProblems) {
  Scenario s = SmallChainScenario();
  s.facilities[0].capacity = std::numeric_limits<double>::quiet_NaN();
  s.goods[0].basePrice = std::numeric_limits<double>::infinity();
  EXPECT_EQ(Problems(s), (Strings{"goods[0].basePrice: must be a finite number, got inf",
                                  "facilities[0].capacity: must be a finite number, got NaN"}));
}

TEST(Validate, EventStartMustFallWithinTheHorizon) {
  Scenario s = SmallChainScenario();
  s.events[0].start = 24;
  EXPECT_EQ(Problems(s), Strings{"events[0].start: must be in 0..23, got 24"});
  s.events[0].start = 23;
  EXPECT_EQ(Problems(s), Strings{});
}

TEST(Validate, RecipesMustBeAcyclic) {
  Scenario s = SmallChainScenario();
  s.goods[0].recipe = {kz::RecipeInput{"motors", 0.1}};  // oxide from motors: a loop
  EXPECT_EQ(Problems(s), Strings{"goods[0].recipe: cycle re_oxide -> motors -> re_magnet -> re_oxide"});
}

TEST(Validate, RecipeCycleIsNamedFromItsEarliestGood) {
  // gadget -> re_dust -> re_alloy -> re_dust: the search meets the cycle at re_dust, but it is
  // reported once, from re_alloy, the cycle's earliest good. No facility makes these goods, so no
  // region needs them.
  Scenario s = SmallChainScenario();
  for (const char* id : {"gadget", "re_alloy", "re_dust"}) {
    s.goods.push_back(kz::Good{});
    s.goods.back().id = id;
  }
  s.goods[3].recipe = {kz::RecipeInput{"re_dust", 1.0}};
  s.goods[4].recipe = {kz::RecipeInput{"re_dust", 1.0}};
  s.goods[5].recipe = {kz::RecipeInput{"re_alloy", 1.0}};
  EXPECT_EQ(Problems(s), Strings{"goods[4].recipe: cycle re_alloy -> re_dust -> re_alloy"});
}

TEST(Validate, GoodMayNotBeItsOwnInput) {
  Scenario s = SmallChainScenario();
  s.goods[2].recipe.push_back(kz::RecipeInput{"motors", 0.1});
  EXPECT_EQ(Problems(s), Strings{"goods[2].recipe: cycle motors -> motors"});
}

TEST(Validate, AtMostOneFacilityPerRegionAndGood) {
  Scenario s = SmallChainScenario();
  s.facilities.push_back(s.facilities[2]);
  EXPECT_EQ(Problems(s),
            Strings{"facilities[5]: duplicate facility for JP and re_magnet (first at facilities[2])"});
}

TEST(Validate, OnePolicyBlockPerRegion) {
  Scenario s = SmallChainScenario();
  s.policies.push_back(kz::RegionPolicy{});
  s.policies[1].region = "JP";
  EXPECT_EQ(Problems(s),
            Strings{"policies[1].region: duplicate policy block for JP (first at policies[0])"});
}

TEST(Validate, OneEntryPerGoodInEachPolicyList) {
  Scenario s = EveryFieldScenario();
  s.policies[0].stockpiles.push_back(s.policies[0].stockpiles[0]);
  s.policies[0].recycling.push_back(s.policies[0].recycling[0]);
  EXPECT_EQ(Problems(s),
            (Strings{"policies[0].stockpiles[1].good: duplicate entry for re_oxide (first at "
                     "policies[0].stockpiles[0])",
                     "policies[0].recycling[1].good: duplicate entry for re_magnet (first at "
                     "policies[0].recycling[0])"}));
}

TEST(Validate, TradeSharesMustSumToOne) {
  Scenario s = SmallChainScenario();
  s.trade[3].share = 0.9;  // 0.9 + 0.4
  EXPECT_EQ(Problems(s), Strings{"trade.JP.re_magnet: shares sum to 1.3, must sum to 1"});
  s.trade[3].share = 0.6 + 0.5e-6;  // within the tolerance
  EXPECT_EQ(Problems(s), Strings{});
  s.trade[3].share = 0.6 - 2e-6;
  EXPECT_EQ(Problems(s), Strings{"trade.JP.re_magnet: shares sum to 0.999998, must sum to 1"});
}

TEST(Validate, TradeEntriesAreUnique) {
  Scenario s = SmallChainScenario();
  s.trade[4].share = 0.2;
  s.trade.push_back(s.trade[4]);
  EXPECT_EQ(Problems(s),
            Strings{"trade[7]: duplicate entry: JP buys re_magnet from CN (first at trade[4])"});
}

TEST(Validate, FinalDemandNeedsSources) {
  Scenario s = SmallChainScenario();
  s.trade.erase(s.trade.begin() + 6);  // JP motors from JP
  EXPECT_EQ(Problems(s), Strings{"trade.JP.motors: JP has demand for motors but no sources"});
}

TEST(Validate, RecipeInputsOfAFacilityNeedSources) {
  Scenario s = SmallChainScenario();
  s.trade.erase(s.trade.begin() + 1);  // JP oxide from CN, needed by JP's magnet facility
  EXPECT_EQ(Problems(s), Strings{"trade.JP.re_oxide: JP makes re_magnet, which uses re_oxide, but "
                                 "has no sources of re_oxide"});
}

TEST(Validate, NeedDependsOnPresenceNotAmount) {
  Scenario s = SmallChainScenario();
  s.goods[2].finalDemand[1].monthly = 0;  // still a demand entry, so JP still needs sources
  s.facilities[2].capacity = 0;           // still a facility
  EXPECT_EQ(Problems(s), Strings{});
  s.trade.erase(s.trade.begin() + 6);
  EXPECT_EQ(Problems(s), Strings{"trade.JP.motors: JP has demand for motors but no sources"});
}

TEST(Validate, SellersMustHaveAFacilityForTheGood) {
  Scenario s = SmallChainScenario();
  s.trade[1].seller = "JP";  // JP buys its oxide from itself but mines none
  EXPECT_EQ(Problems(s), Strings{"trade[1].seller: JP has no facility for re_oxide"});
}

TEST(Validate, EventsNeedRegionsAndGoodsByKind) {
  Scenario s = EveryFieldScenario();
  s.events[0].regions.clear();  // capacityLoss
  s.events[1].goods.clear();    // exportRestriction
  s.events[2].goods.clear();    // demandShock
  s.events[3].regions.clear();  // chokepoint: goods may be empty (= all), regions may not
  EXPECT_EQ(Problems(s), (Strings{"events[0].regions: a capacityLoss event needs at least one region",
                                  "events[1].goods: an exportRestriction event needs at least one good",
                                  "events[2].goods: a demandShock event needs at least one good",
                                  "events[3].regions: a chokepoint event needs at least one region"}));
}

TEST(Validate, OnlyRestrictionsAndChokepointsHaveTargets) {
  Scenario s = EveryFieldScenario();
  s.events[0].targets = {"JP"};  // capacityLoss
  s.events[3].targets = {"JP"};  // chokepoint: fine
  EXPECT_EQ(Problems(s),
            Strings{"events[0].targets: only exportRestriction and chokepoint events have targets"});
}

TEST(Validate, ReportsEveryProblemInScenarioOrder) {
  Scenario s = SmallChainScenario();
  s.facilities[0].capacity = -1;
  s.regions[0].lat = 100;
  s.trade[3].share = 0.9;
  EXPECT_EQ(Problems(s), (Strings{"regions[0].lat: must be in -90..90, got 100",
                                  "facilities[0].capacity: must be >= 0, got -1",
                                  "trade.JP.re_magnet: shares sum to 1.3, must sum to 1"}));
}

}  // namespace
