// Levers: the exact path list and order, Set-then-Get round trips that keep a scenario valid at every
// lever's bounds, trade-share rescaling, and the specific problems for bad paths and values.
#include "kizuna/levers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kizuna/validate.hpp"
#include "test_scenarios.hpp"

namespace {

using kz::Scenario;
using kz::test::EveryFieldScenario;
using kz::test::SmallChainScenario;
using Strings = std::vector<std::string>;

Strings Texts(const std::vector<kz::Problem>& problems) {
  Strings out;
  for (const kz::Problem& p : problems) out.push_back(p.ToString());
  return out;
}

Strings Paths(const Scenario& s) {
  Strings out;
  for (const kz::LeverInfo& lever : kz::ListLevers(s)) out.push_back(lever.path);
  return out;
}

const kz::LeverInfo* Find(const std::vector<kz::LeverInfo>& levers, const std::string& path) {
  for (const kz::LeverInfo& lever : levers) {
    if (lever.path == path) return &lever;
  }
  return nullptr;
}

double Get(const Scenario& s, const std::string& path) {
  const kz::Expected<double> value = kz::GetLever(s, path);
  EXPECT_TRUE(value.ok()) << path;
  return value.ok() ? value.value() : std::nan("");
}

TEST(Levers, ListsEveryLeverInScenarioOrder) {
  Strings expected = {"horizonMonths", "discountRate", "region.CN.weight", "region.JP.weight"};
  for (const char* good : {"re_oxide", "re_magnet", "motors"}) {
    for (const char* field : {"basePrice", "valueMultiplier", "qualificationMonths", "interchangeable", "demandElasticity",
                              "priceSensitivity", "priceMaxMultiple", "priceAdjustment", "userStockMonths",
                              "adaptationMax", "adaptationMonths"}) {
      expected.push_back(std::string("good.") + good + "." + field);
    }
  }
  for (const char* region : {"CN", "JP"}) {
    expected.push_back(std::string("demand.") + region + ".motors.monthly");
    expected.push_back(std::string("demand.") + region + ".motors.growthPerYear");
  }
  for (const char* facility : {"CN.re_oxide", "CN.re_magnet", "JP.re_magnet", "CN.motors", "JP.motors"}) {
    for (const char* field : {"capacity", "initialStock", "maxRampPerMonth"}) {
      expected.push_back(std::string("facility.") + facility + "." + field);
    }
  }
  for (const char* trade : {"CN.re_oxide.CN", "JP.re_oxide.CN", "CN.re_magnet.CN", "JP.re_magnet.JP",
                            "JP.re_magnet.CN", "CN.motors.CN", "JP.motors.JP"}) {
    expected.push_back(std::string("trade.") + trade);
  }
  for (const char* field : {"fraction", "start", "duration", "recoveryMonths"}) {
    expected.push_back(std::string("event.cn-oxide-cut.") + field);
  }
  expected.push_back("policy.JP.responseLagMonths");
  for (const char* field : {"targetMonths", "initialFill", "releaseTrigger", "releasePerMonth",
                            "refillPerMonth", "holdingCostPerYear"}) {
    expected.push_back(std::string("policy.JP.stockpile.re_oxide.") + field);
  }
  EXPECT_EQ(Paths(SmallChainScenario()), expected);
}

TEST(Levers, PolicyListsHaveTheirPaths) {
  const Strings paths = Paths(EveryFieldScenario());
  for (const char* path :
       {"policy.JP.investment.re_magnet.capacity", "policy.JP.investment.re_magnet.start",
        "policy.JP.investment.re_magnet.leadMonths", "policy.JP.investment.re_magnet.rampMonths",
        "policy.JP.investment.re_magnet.capexPerUnit", "policy.JP.diversification.re_magnet.maxShare",
        "policy.JP.substitution.re_magnet.maxReduction", "policy.JP.substitution.re_magnet.monthsToFull",
        "policy.JP.substitution.re_magnet.costPerUnit", "policy.JP.recycling.re_magnet.rate",
        "policy.JP.recycling.re_magnet.lagMonths", "policy.CN.responseLagMonths",
        "policy.CN.exportControl.re_oxide.fraction", "policy.CN.exportControl.re_oxide.start",
        "policy.CN.exportControl.re_oxide.duration", "demand.JP.re_oxide.monthly",
        "event.ev-boom.fraction", "event.strait.recoveryMonths"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
  }
}

TEST(Levers, ListedValuesMatchTheScenario) {
  const Scenario s = EveryFieldScenario();
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(s);
  EXPECT_EQ(Find(levers, "horizonMonths")->value, 36.0);
  EXPECT_EQ(Find(levers, "facility.JP.re_magnet.capacity")->value, 300.0);
  EXPECT_EQ(Find(levers, "trade.JP.re_magnet.CN")->value, 0.4);
  EXPECT_EQ(Find(levers, "policy.JP.investment.re_magnet.capexPerUnit")->value, 1.5e6);
  EXPECT_EQ(Find(levers, "event.ev-boom.fraction")->value, -0.25);
  for (const kz::LeverInfo& lever : levers) EXPECT_EQ(Get(s, lever.path), lever.value) << lever.path;
}

TEST(Levers, UnitsUseTheGoodsUnit) {
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(EveryFieldScenario());
  EXPECT_EQ(Find(levers, "horizonMonths")->unit, "months");
  EXPECT_EQ(Find(levers, "good.re_oxide.basePrice")->unit, "USD/t");
  EXPECT_EQ(Find(levers, "good.re_oxide.valueMultiplier")->unit, "x");
  EXPECT_EQ(Find(levers, "demand.CN.motors.monthly")->unit, "units/month");
  EXPECT_EQ(Find(levers, "facility.CN.re_oxide.capacity")->unit, "t/month");
  EXPECT_EQ(Find(levers, "facility.CN.re_oxide.initialStock")->unit, "t");
  EXPECT_EQ(Find(levers, "trade.JP.re_magnet.CN")->unit, "share");
  EXPECT_EQ(Find(levers, "policy.JP.investment.re_magnet.capexPerUnit")->unit, "USD/(t/month)");
  EXPECT_EQ(Find(levers, "policy.JP.substitution.re_magnet.costPerUnit")->unit, "USD/t");
  EXPECT_EQ(Find(levers, "facility.JP.re_magnet.capacity")->label, "JP re_magnet capacity");
  for (const kz::LeverInfo& lever : levers) {
    EXPECT_FALSE(lever.unit.empty()) << lever.path;
    EXPECT_FALSE(lever.label.empty()) << lever.path;
  }
}

TEST(Levers, RangesAreTheValidatorsRanges) {
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(EveryFieldScenario());
  const kz::LeverInfo* target = Find(levers, "policy.JP.stockpile.re_oxide.targetMonths");
  EXPECT_EQ(target->min, 0.0);
  EXPECT_EQ(target->max, 24.0);
  EXPECT_FALSE(target->integer);
  const kz::LeverInfo* lag = Find(levers, "policy.JP.responseLagMonths");
  EXPECT_TRUE(lag->integer);
  EXPECT_EQ(lag->max, 24.0);
  const kz::LeverInfo* price = Find(levers, "good.re_oxide.basePrice");
  EXPECT_GT(price->min, 0.0);  // "> 0": the smallest positive double
  EXPECT_LT(price->min, 1e-300);
  EXPECT_EQ(price->max, std::numeric_limits<double>::infinity());
  EXPECT_EQ(Find(levers, "event.ev-boom.fraction")->min, -1.0);  // demand shock
  EXPECT_EQ(Find(levers, "event.ev-boom.fraction")->max, 10.0);
  EXPECT_EQ(Find(levers, "event.strait.fraction")->max, 1.0);
}

// Every lever at its minimum, its maximum (or a large value when unbounded) and a middle value:
// Get returns what Set stored, and the scenario stays valid.
TEST(Levers, EveryLeverRoundTripsAndKeepsTheScenarioValid) {
  const Scenario original = EveryFieldScenario();
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(original);
  ASSERT_GT(levers.size(), 80u);
  for (const kz::LeverInfo& lever : levers) {
    const double high = std::isinf(lever.max) ? lever.value * 2 + 1000 : lever.max;
    double middle = (std::max(lever.min, 0.0) + high) / 2;
    if (lever.integer) middle = std::floor(middle);
    for (const double value : {lever.min, high, middle}) {
      Scenario s = original;
      EXPECT_EQ(Texts(kz::SetLever(s, lever.path, value)), Strings{}) << lever.path << " = " << value;
      EXPECT_EQ(Get(s, lever.path), value) << lever.path;
      EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{}) << lever.path << " = " << value;
    }
  }
}

TEST(Levers, OutOfRangeValuesAreRefusedForEveryLever) {
  const Scenario original = EveryFieldScenario();
  for (const kz::LeverInfo& lever : kz::ListLevers(original)) {
    Scenario s = original;
    const std::vector<kz::Problem> below = kz::SetLever(s, lever.path, lever.min - 1);
    ASSERT_EQ(below.size(), 1u) << lever.path;
    EXPECT_EQ(below[0].path, lever.path);
    if (!std::isinf(lever.max)) {
      EXPECT_EQ(kz::SetLever(s, lever.path, lever.max + 0.5).size(), 1u) << lever.path;
    }
    EXPECT_TRUE(s == original) << lever.path;
  }
}

TEST(Levers, BadPathsAndValuesGiveSpecificProblems) {
  const Scenario original = SmallChainScenario();
  Scenario s = original;
  const kz::Expected<double> missing = kz::GetLever(s, "good.gold.basePrice");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(Texts(missing.problems()), Strings{"good.gold.basePrice: unknown lever"});
  EXPECT_EQ(Texts(kz::SetLever(s, "facility.JP.re_oxide.capacity", 5)),
            Strings{"facility.JP.re_oxide.capacity: unknown lever"});
  EXPECT_EQ(Texts(kz::SetLever(s, "", 5)), Strings{"a lever path is required"});
  EXPECT_EQ(Texts(kz::SetLever(s, "facility.CN.re_oxide.capacity", -1)),
            Strings{"facility.CN.re_oxide.capacity: must be >= 0, got -1"});
  EXPECT_EQ(Texts(kz::SetLever(s, "facility.CN.re_oxide.capacity", std::nan(""))),
            Strings{"facility.CN.re_oxide.capacity: must be a finite number, got NaN"});
  EXPECT_EQ(Texts(kz::SetLever(s, "good.motors.basePrice", std::numeric_limits<double>::infinity())),
            Strings{"good.motors.basePrice: must be a finite number, got inf"});
  EXPECT_EQ(Texts(kz::SetLever(s, "good.motors.basePrice", 0)),
            Strings{"good.motors.basePrice: must be > 0, got 0"});
  EXPECT_EQ(Texts(kz::SetLever(s, "policy.JP.stockpile.re_oxide.targetMonths", 30)),
            Strings{"policy.JP.stockpile.re_oxide.targetMonths: must be in 0..24, got 30"});
  EXPECT_EQ(Texts(kz::SetLever(s, "event.cn-oxide-cut.duration", 2.5)),
            Strings{"event.cn-oxide-cut.duration: must be a whole number, got 2.5"});
  EXPECT_EQ(Texts(kz::SetLever(s, "event.cn-oxide-cut.duration", 1e12)),
            Strings{"event.cn-oxide-cut.duration: must be in 1..240, got 1e+12"});
  EXPECT_TRUE(s == original);
}

TEST(Levers, EventStartIsLimitedByTheHorizon) {
  Scenario s = SmallChainScenario();  // horizon 24
  EXPECT_EQ(Texts(kz::SetLever(s, "event.cn-oxide-cut.start", 24)),
            Strings{"event.cn-oxide-cut.start: must be in 0..23, got 24"});
  EXPECT_EQ(Texts(kz::SetLever(s, "event.cn-oxide-cut.start", 23)), Strings{});
}

TEST(Levers, HorizonCannotEndBeforeAnEventStarts) {
  Scenario s = SmallChainScenario();  // event starts at month 6
  EXPECT_EQ(Find(kz::ListLevers(s), "horizonMonths")->min, 7.0);
  EXPECT_EQ(Texts(kz::SetLever(s, "horizonMonths", 6)),
            Strings{"horizonMonths: must be in 7..240, got 6"});
  EXPECT_EQ(Texts(kz::SetLever(s, "horizonMonths", 7)), Strings{});
  EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
}

TEST(Levers, TradeShareRescalesOtherSellersProportionally) {
  Scenario s = SmallChainScenario();  // JP magnets: JP 0.6, CN 0.4
  ASSERT_EQ(Texts(kz::SetLever(s, "trade.JP.re_magnet.CN", 0.8)), Strings{});
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.CN"), 0.8);
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.JP"), 0.2);
  EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
}

TEST(Levers, TradeShareRescalesSeveralSellersKeepingTheirRatio) {
  Scenario s = SmallChainScenario();
  // Three sellers of magnets to JP: JP 0.5, CN 0.3, and a new region KR 0.2.
  kz::Region kr;
  kr.id = "KR";
  s.regions.push_back(kr);
  s.facilities.push_back(kz::Facility{"KR", "re_magnet", 100.0, 0.0, 0.1});
  s.trade.push_back(kz::TradeShare{"KR", "re_oxide", "CN", 1.0});
  s.trade[3].share = 0.5;
  s.trade[4].share = 0.3;
  s.trade.push_back(kz::TradeShare{"JP", "re_magnet", "KR", 0.2});
  ASSERT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
  ASSERT_EQ(Texts(kz::SetLever(s, "trade.JP.re_magnet.JP", 0.75)), Strings{});
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.CN"), 0.15);  // 0.3 / 0.5 of the remaining 0.25
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.KR"), 0.10);
  EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
}

TEST(Levers, TradeShareRemainderGoesEquallyWhenOthersAreZero) {
  Scenario s = SmallChainScenario();
  kz::Region kr;
  kr.id = "KR";
  s.regions.push_back(kr);
  s.facilities.push_back(kz::Facility{"KR", "re_magnet", 100.0, 0.0, 0.1});
  s.trade.push_back(kz::TradeShare{"KR", "re_oxide", "CN", 1.0});
  s.trade[3].share = 1.0;  // JP from JP
  s.trade[4].share = 0.0;  // JP from CN
  s.trade.push_back(kz::TradeShare{"JP", "re_magnet", "KR", 0.0});
  ASSERT_EQ(Texts(kz::SetLever(s, "trade.JP.re_magnet.JP", 0.4)), Strings{});
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.CN"), 0.3);
  EXPECT_DOUBLE_EQ(Get(s, "trade.JP.re_magnet.KR"), 0.3);
  // Setting one to 1 empties the others.
  ASSERT_EQ(Texts(kz::SetLever(s, "trade.JP.re_magnet.KR", 1.0)), Strings{});
  EXPECT_EQ(Get(s, "trade.JP.re_magnet.JP"), 0.0);
  EXPECT_EQ(Get(s, "trade.JP.re_magnet.CN"), 0.0);
  EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
}

TEST(Levers, OnlySellerOfAGoodKeepsAShareOfOne) {
  Scenario s = SmallChainScenario();
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(s);
  const kz::LeverInfo* only = Find(levers, "trade.JP.motors.JP");
  ASSERT_NE(only, nullptr);
  EXPECT_EQ(only->min, 1.0);
  EXPECT_EQ(only->max, 1.0);
  EXPECT_EQ(Texts(kz::SetLever(s, "trade.JP.motors.JP", 0.5)),
            Strings{"trade.JP.motors.JP: must be in 1..1, got 0.5"});
}


// The lever's place comes from the core (the path grammar's one reader): group, owner and the label's
// words; the app reads these, never the path.
TEST(Levers, EachLeverKnowsItsGroupOwnerAndLabelWords) {
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(SmallChainScenario());
  const kz::LeverInfo* horizon = Find(levers, "horizonMonths");
  EXPECT_EQ(horizon->group, kz::LeverGroup::WorldData);
  EXPECT_EQ(horizon->owner, "");
  EXPECT_EQ(horizon->labelParts, Strings{"horizonMonths"});
  const kz::LeverInfo* pile = Find(levers, "policy.JP.stockpile.re_oxide.targetMonths");
  EXPECT_EQ(pile->group, kz::LeverGroup::Policies);
  EXPECT_EQ(pile->owner, "JP");
  EXPECT_EQ(pile->labelParts, (Strings{"stockpile", "re_oxide", "targetMonths"}));
  const kz::LeverInfo* shock = Find(levers, "event.cn-oxide-cut.fraction");
  EXPECT_EQ(shock->group, kz::LeverGroup::Shocks);
  EXPECT_EQ(shock->owner, "cn-oxide-cut");
  EXPECT_EQ(shock->labelParts, Strings{"fraction"});
  const kz::LeverInfo* trade = Find(levers, "trade.JP.re_magnet.CN");
  EXPECT_EQ(trade->group, kz::LeverGroup::WorldData);
  EXPECT_EQ(trade->owner, "JP");
  EXPECT_EQ(trade->labelParts, (Strings{"re_magnet", "CN"}));
  EXPECT_STREQ(kz::LeverGroupName(kz::LeverGroup::Policies), "National policies");
}

// SetLever says what it changed: the lever, or every share of the buyer's good for a trade share.
TEST(Levers, SetLeverReportsWhatItChanged) {
  Scenario s = SmallChainScenario();
  std::vector<std::string> changed;
  ASSERT_TRUE(kz::SetLever(s, "policy.JP.stockpile.re_oxide.targetMonths", 2.0, changed).empty());
  EXPECT_EQ(changed, Strings{"policy.JP.stockpile.re_oxide.targetMonths"});
  changed.clear();
  ASSERT_TRUE(kz::SetLever(s, "trade.JP.re_magnet.CN", 0.8, changed).empty());
  std::sort(changed.begin(), changed.end());
  EXPECT_EQ(changed, (Strings{"trade.JP.re_magnet.CN", "trade.JP.re_magnet.JP"}));
  changed.clear();
  EXPECT_FALSE(kz::SetLever(s, "trade.JP.re_magnet.CN", 1.5, changed).empty());
  EXPECT_TRUE(changed.empty()) << "a refused value changes nothing";
}

}  // namespace
