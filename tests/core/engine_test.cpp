// Hand-computed cases for each mechanism of the engine (the numbers in comments are the hand
// calculation), on the ore -> magnet chain of engine_fixtures.hpp.
#include "kizuna/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine_fixtures.hpp"
#include "kizuna/results.hpp"
#include "kizuna/validate.hpp"
#include "kizuna/welfare.hpp"
#include "network.hpp"  // private: MonthlyGrowthFactor

namespace kz {
namespace {

using test::At;
using test::MakeEvent;
using test::OreMagnetChain;
using test::PolicyOf;
using test::RunOrFail;

constexpr double kEps = 1e-9;

TEST(Engine, BaselineIsSteadyAndFullyMet) {
  const Scenario s = OreMagnetChain();
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  for (int t = 0; t < r.months; ++t) {
    EXPECT_NEAR(At(r, r.production, t, "A", "ore"), 60.0, kEps);  // 30 magnets x 2 ore
    EXPECT_NEAR(At(r, r.production, t, "C", "ore"), 0.0, kEps);   // nobody orders from C
    EXPECT_NEAR(At(r, r.production, t, "B", "magnet"), 30.0, kEps);
    EXPECT_NEAR(At(r, r.fulfilment, t, "B", "magnet"), 1.0, kEps);
    EXPECT_NEAR(At(r, r.price, t, "B", "magnet"), 1.0, kEps);
    EXPECT_EQ(r.binding[r.Index(t, 1, 1)].kind, ConstraintKind::None);
  }
  EXPECT_EQ(r.MetricsOf(1, 1).timeToSurvive, -1);
  EXPECT_EQ(r.MetricsOf(1, 1).cumulativeLoss, 0.0);
}

TEST(Engine, CapacityLossStarvesTheDownstreamStage) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 2));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Months 2-3: A can mine 50 of the 60 t B needs, so B makes 25 of 30 magnets.
  for (int t : {2, 3}) {
    EXPECT_NEAR(At(r, r.production, t, "A", "ore"), 50.0, kEps);
    EXPECT_NEAR(At(r, r.fulfilment, t, "B", "ore"), 50.0 / 60.0, kEps);
    EXPECT_NEAR(At(r, r.production, t, "B", "magnet"), 25.0, kEps);
    EXPECT_NEAR(At(r, r.shortfall, t, "B", "magnet"), 5.0, kEps);
    EXPECT_NEAR(At(r, r.loss, t, "B", "magnet"), 5.0 * 100.0 * 3.0, kEps);  // shortfall x price x multiplier
  }
  EXPECT_NEAR(At(r, r.fulfilment, 4, "B", "magnet"), 1.0, kEps);
  // Explain: magnets are short because the magnet maker lacked ore; ore because of the flood at A.
  const Constraint magnetWhy = r.binding[r.Index(2, 1, 1)];
  EXPECT_EQ(magnetWhy.kind, ConstraintKind::InputShortage);
  EXPECT_EQ(magnetWhy.region, 1);
  EXPECT_EQ(magnetWhy.input, 0);
  const Constraint oreWhy = r.binding[r.Index(2, 1, 0)];
  EXPECT_EQ(oreWhy.kind, ConstraintKind::CapacityLoss);
  EXPECT_EQ(oreWhy.region, 0);
  EXPECT_EQ(oreWhy.event, 0);
  // Metrics: unmet from month 2 (the disruption's first month) to month 3; full again in month 4.
  const Metrics& m = r.MetricsOf(1, 1);
  EXPECT_EQ(m.timeToSurvive, 0);
  EXPECT_EQ(m.timeToRecover, 2);
  EXPECT_NEAR(m.peakShortfall, 5.0 / 30.0, kEps);
  EXPECT_NEAR(m.cumulativeLoss, 2 * 1500.0, kEps);
}

TEST(Engine, PriceIndexMovesTowardScarcityTargetAndBack) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 2));
  const Results r = RunOrFail(s);
  // Scarcity 1/6: target 1 + 10/6; half the gap closed each month.
  const double target = 1.0 + 10.0 / 6.0;
  const double month2 = 1.0 + 0.5 * (target - 1.0);
  const double month3 = month2 + 0.5 * (target - month2);
  EXPECT_NEAR(At(r, r.price, 2, "B", "magnet"), month2, kEps);
  EXPECT_NEAR(At(r, r.price, 3, "B", "magnet"), month3, kEps);
  EXPECT_NEAR(At(r, r.price, 4, "B", "magnet"), month3 + 0.5 * (1.0 - month3), kEps);
  EXPECT_NEAR(r.MetricsOf(1, 1).peakPrice, month3, kEps);
}

TEST(Engine, PriceResponseReducesFinalDemand) {
  Scenario s = OreMagnetChain();
  s.goods[1].demandElasticity = 0.5;
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 1));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  const double price2 = 1.0 + 0.5 * (10.0 / 6.0);
  EXPECT_NEAR(At(r, r.finalDemand, 3, "B", "magnet"), 30.0 * (1.0 - 0.5 * (price2 - 1.0)), kEps);
}

TEST(Engine, ExportRestrictionBlocksShipmentsAndNamesTheEvent) {
  Scenario s = OreMagnetChain();
  s.goods[0].interchangeable = 0.0;  // ore made to A's specification: C cannot take A's orders at once
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 2, {"B"}));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // B orders 48 t from A (blocked) and 12 t from C: 12 of 60 arrive, so 6 of 30 magnets.
  EXPECT_NEAR(At(r, r.deliveries, 1, "B", "ore"), 12.0, kEps);
  EXPECT_NEAR(At(r, r.production, 1, "B", "magnet"), 6.0, kEps);
  EXPECT_NEAR(At(r, r.production, 1, "A", "ore"), 0.0, kEps);  // A does not mine for orders it may not ship
  const Constraint why = r.binding[r.Index(1, 1, 0)];
  EXPECT_EQ(why.kind, ConstraintKind::ExportRestriction);
  EXPECT_EQ(why.event, 0);
  EXPECT_EQ(why.region, 0);
  EXPECT_NEAR(At(r, r.fulfilment, 3, "B", "ore"), 1.0, kEps);  // lifted after two months
}

TEST(Engine, ReSourcingStartsAfterTheResponseLag) {
  Scenario s = OreMagnetChain();
  s.goods[0].interchangeable = 0.0;  // as above: C takes A's orders only once qualified
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 6, {"B"}));
  PolicyOf(s, "B").responseLagMonths = 2;
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Short from month 1; responses from month 3 (lag 2): C, with 88 t spare, fills the 48 t gap.
  EXPECT_NEAR(At(r, r.fulfilment, 1, "B", "ore"), 0.2, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 2, "B", "ore"), 0.2, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 3, "B", "ore"), 1.0, kEps);
  EXPECT_NEAR(At(r, r.production, 3, "C", "ore"), 60.0, kEps);
}

TEST(Engine, ReSourcingIsLimitedByQualificationTime) {
  Scenario s = OreMagnetChain();
  s.goods[0].qualificationMonths = 4;
  s.goods[0].interchangeable = 0.0;
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 8, {"B"}));
  PolicyOf(s, "B").responseLagMonths = 1;
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Responding from month 2: a quarter of the 48 t gap can be re-sourced per month of qualification.
  for (int k = 0; k < 4; ++k) {
    const double reSourced = 48.0 * (k + 1) / 4.0;
    EXPECT_NEAR(At(r, r.deliveries, 2 + k, "B", "ore"), 12.0 + reSourced, kEps) << "month " << 2 + k;
  }
}

// An input only part of the output needs cuts only that part: B's magnets need ore for 40% of their
// output, so without ore B still makes 60% of its 30 t, and with half its ore 80% (all of it used).
TEST(Engine, AnInputOnlyPartOfTheOutputNeedsCutsOnlyThatPart) {
  Scenario s = OreMagnetChain();
  s.goods[1].recipe[0].shareOfOutput = 0.4;
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 1, {"B"}));
  s.events.push_back(MakeEvent("half", EventKind::ExportRestriction, {"A"}, {"ore"}, 0.5, 2, 1, {"B"}));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.production, 1, "B", "magnet"), 0.6 * 30.0, kEps);
  EXPECT_NEAR(At(r, r.inputUse, 1, "B", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(r, r.production, 2, "B", "magnet"), 0.8 * 30.0, kEps);
  EXPECT_NEAR(At(r, r.inputUse, 2, "B", "ore"), 30.0, kEps);
  EXPECT_EQ(r.binding[r.Index(1, 1, 1)].kind, ConstraintKind::InputShortage);
}

// A commodity's buyer orders more from the usual suppliers it still has as soon as one fails it, in
// the same month and with no response lag; a supplier it does not use yet waits for qualification.
TEST(Engine, UsualSuppliersTakeACommoditysOrdersAtOnce) {
  Scenario s = OreMagnetChain();  // ore interchangeable (the default); B's response lag is 12 months
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 6, {"B"}));
  Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.fulfilment, 1, "B", "ore"), 1.0, kEps);  // C, with 88 t spare, takes the 48 t at once
  EXPECT_NEAR(At(r, r.production, 1, "C", "ore"), 60.0, kEps);
  EXPECT_NEAR(At(r, r.production, 1, "B", "magnet"), 30.0, kEps);

  s.goods[0].interchangeable = 0.5;  // half of the gap at once, the rest waits for qualification
  r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.deliveries, 1, "B", "ore"), 12.0 + 24.0, kEps);

  s.goods[0].interchangeable = 1.0;
  s.trade = {{"B", "ore", "A", 1.0}, {"B", "magnet", "B", 1.0}};  // C is not one of B's suppliers
  r = RunOrFail(s);
  EXPECT_NEAR(At(r, r.deliveries, 1, "B", "ore"), 0.0, kEps);
}

TEST(Engine, DemandShockBeyondCapacityIsACapacityShortfall) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("boom", EventKind::DemandShock, {"B"}, {"magnet"}, 0.5, 0, 3));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Demand 45 against a magnet capacity of 40.
  EXPECT_NEAR(At(r, r.finalDemand, 0, "B", "magnet"), 45.0, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 0, "B", "magnet"), 40.0, kEps);
  EXPECT_NEAR(At(r, r.production, 0, "A", "ore"), 80.0, kEps);
  const Constraint why = r.binding[r.Index(0, 1, 1)];
  EXPECT_EQ(why.kind, ConstraintKind::Capacity);
  EXPECT_EQ(why.region, 1);
  EXPECT_NEAR(At(r, r.finalDemand, 3, "B", "magnet"), 30.0, 1e-6 * 30.0 + 30.0 * 0.5 * 10.0);  // shock over
}

TEST(Engine, ChokepointHalvesShipmentsOnItsRoute) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("strait", EventKind::Chokepoint, {"A"}, {}, 0.5, 0, 1, {"B"}));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.deliveries, 0, "B", "ore"), 30.0, kEps);
  EXPECT_NEAR(At(r, r.production, 0, "B", "magnet"), 15.0, kEps);
  EXPECT_EQ(r.binding[r.Index(0, 1, 0)].kind, ConstraintKind::Chokepoint);
}

// From month `from`, a stockpile of `level` stays put while the region's price of the good is above
// normal (the market has not calmed: rebuilding would compete with users), then grows by `refill` a
// month.
void ExpectRefillOnlyOnceCalm(const Results& r, const char* region, const char* good, int from, double level,
                              double refill) {
  int firstRefill = -1;
  for (int t = from; t < r.months && firstRefill < 0; ++t) {
    if (At(r, r.stockpile, t, region, good) > level + kEps) firstRefill = t;
  }
  ASSERT_GT(firstRefill, from) << "the stock is rebuilt only after supply is back";
  for (int t = from; t < firstRefill; ++t) EXPECT_NEAR(At(r, r.stockpile, t, region, good), level, kEps) << t;
  EXPECT_GT(At(r, r.price, firstRefill - 2, region, good), 1.05) << "held back while the price was above normal";
  EXPECT_LE(At(r, r.price, firstRefill - 1, region, good), 1.05) << "rebuilt once the price is back to normal";
  EXPECT_NEAR(At(r, r.stockpile, firstRefill, region, good), level + refill, kEps);
}

TEST(Engine, StockpileReleasesAfterTheLagAndRefillsAfterRecovery) {
  Scenario s = OreMagnetChain();
  s.horizonMonths = 24;  // long enough for the price to calm after the outage
  s.facilities.erase(s.facilities.begin() + 1);  // no mine at C: nothing to re-source from
  RegionPolicy& b = PolicyOf(s, "B");
  b.responseLagMonths = 0;
  StockpilePolicy pile;
  pile.good = "ore";
  pile.targetMonths = 2.0;       // 2 x 60 t = 120 t
  pile.releasePerMonth = 0.25;   // at most 30 t a month
  pile.refillPerMonth = 0.05;    // at most 6 t a month
  pile.holdingCostPerYear = 0.12;
  b.stockpiles.push_back(pile);
  s.events.push_back(MakeEvent("outage", EventKind::CapacityLoss, {"A"}, {"ore"}, 1.0, 1, 4));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.stockpile, 0, "B", "ore"), 120.0, kEps);
  EXPECT_NEAR(At(r, r.policyCost, 0, "B", "ore"), 120.0 * 10.0 * 0.12 / 12.0, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 1, "B", "ore"), 0.0, kEps);  // short; the response starts next month
  for (int t : {2, 3, 4}) EXPECT_NEAR(At(r, r.fulfilment, t, "B", "ore"), 0.5, kEps) << t;
  EXPECT_NEAR(At(r, r.stockpile, 4, "B", "ore"), 30.0, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 5, "B", "ore"), 1.0, kEps);  // the mine is back
  ExpectRefillOnlyOnceCalm(r, "B", "ore", 5, 30.0, 6.0);
}

// A partial restriction (an export quota) also applies to re-sourced orders: B, cut to half of its
// ore from A, asks A for more once it responds, but only half of that passes too. Month 2: 30 t on
// the baseline order + half of the 30 t re-sourced = 45 of 60 t.
TEST(Engine, ReSourcingCannotUndoAPartialRestriction) {
  Scenario s = OreMagnetChain();
  s.facilities.erase(s.facilities.begin() + 1);  // A is the only mine
  PolicyOf(s, "B").responseLagMonths = 0;
  s.events.push_back(MakeEvent("quota", EventKind::ExportRestriction, {"A"}, {"ore"}, 0.5, 1, 6, {"B"}));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.fulfilment, 1, "B", "ore"), 0.5, kEps);   // not yet responding
  EXPECT_NEAR(At(r, r.fulfilment, 2, "B", "ore"), 0.75, kEps);  // re-sourcing, through the same quota
  EXPECT_NEAR(At(r, r.production, 2, "A", "ore"), 45.0, kEps);
  EXPECT_NEAR(At(r, r.production, 2, "B", "magnet"), 22.5, kEps);
  EXPECT_NEAR(r.flows[r.FlowIndex(2, 0, 1, 0)], 45.0, kEps);    // all of it from A
}

// Firms' safety stock (releaseWithoutLag): drawn in the first short month, although the region's
// response lag (12 months here) would hold a government stockpile back; refilling stops while short.
TEST(Engine, FirmsSafetyStockIsDrawnWithoutTheResponseLag) {
  Scenario s = OreMagnetChain();
  s.horizonMonths = 24;  // long enough for the price to calm after the outage
  s.facilities.erase(s.facilities.begin() + 1);  // no mine at C: nothing to re-source from
  StockpilePolicy stock;
  stock.good = "ore";
  stock.targetMonths = 1.0;     // 60 t
  stock.releasePerMonth = 0.5;  // at most 30 t a month
  stock.refillPerMonth = 0.1;   // at most 6 t a month
  stock.releaseWithoutLag = true;
  PolicyOf(s, "B").stockpiles.push_back(stock);
  s.events.push_back(MakeEvent("outage", EventKind::CapacityLoss, {"A"}, {"ore"}, 1.0, 1, 3));
  const Results withStock = RunOrFail(s);
  test::ExpectInvariants(s, withStock);
  EXPECT_NEAR(At(withStock, withStock.fulfilment, 1, "B", "ore"), 0.5, kEps);  // 30 of 60 t, in the first month
  EXPECT_NEAR(At(withStock, withStock.fulfilment, 2, "B", "ore"), 0.5, kEps);
  EXPECT_NEAR(At(withStock, withStock.stockpile, 2, "B", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(withStock, withStock.fulfilment, 3, "B", "ore"), 0.0, kEps);   // empty
  ExpectRefillOnlyOnceCalm(withStock, "B", "ore", 4, 0.0, 6.0);
  PolicyOf(s, "B").stockpiles.back().releaseWithoutLag = false;
  const Results government = RunOrFail(s);
  EXPECT_NEAR(At(government, government.fulfilment, 1, "B", "ore"), 0.0, kEps);  // held back by the 12-month lag
  EXPECT_NEAR(At(government, government.stockpile, 3, "B", "ore"), 60.0, kEps);
}

TEST(Engine, RampUpLimitsRecovery) {
  Scenario s = OreMagnetChain();
  s.facilities[0].maxRampPerMonth = 0.1;
  s.events.push_back(MakeEvent("outage", EventKind::CapacityLoss, {"A"}, {"ore"}, 1.0, 1, 2));
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.production, 3, "A", "ore"), 10.0, kEps);  // 0 + 10% of 100
  EXPECT_NEAR(At(r, r.production, 4, "A", "ore"), 20.0, kEps);
  EXPECT_EQ(r.binding[r.Index(3, 1, 0)].kind, ConstraintKind::RampUp);
}

TEST(Engine, InvestmentAddsCapacityAfterLeadTimeWithCapex) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("boom", EventKind::DemandShock, {"B"}, {"magnet"}, 0.5, 0, 12));
  InvestmentPolicy plant;
  plant.good = "magnet";
  plant.capacity = 10.0;
  plant.start = 0;
  plant.leadMonths = 3;
  plant.rampMonths = 2;
  plant.capexPerUnit = 1200.0;
  PolicyOf(s, "B").investments.push_back(plant);
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.production, 2, "B", "magnet"), 40.0, kEps);
  EXPECT_NEAR(At(r, r.production, 3, "B", "magnet"), 45.0, kEps);  // half the new 10 in the first ramp month
  EXPECT_NEAR(At(r, r.fulfilment, 4, "B", "magnet"), 1.0, kEps);
  // Capital is charged from entering service (month 3), over the plant's 240-month life, undiscounted.
  for (int t : {0, 1, 2}) EXPECT_NEAR(At(r, r.policyCost, t, "B", "magnet"), 0.0, kEps);
  for (int t : {3, 11}) EXPECT_NEAR(At(r, r.policyCost, t, "B", "magnet"), 10.0 * 1200.0 / 240.0, kEps);
}

// At a discount rate, the charge is the annuity whose present value is the capital: 5% a year is
// 0.4074% a month (1.05^(1/12) - 1), and 12,000 over 240 months at that rate is 78.46 a month (an
// annuity table's figure, 12,000 x i / (1 - (1 + i)^-240)); welfare sums discount month t by (1 + i)^-t.
TEST(Engine, CapitalChargeIsTheAnnuityAtTheDiscountRate) {
  Scenario s = OreMagnetChain();
  InvestmentPolicy plant;
  plant.good = "magnet";
  plant.capacity = 10.0;
  plant.leadMonths = 3;
  plant.capexPerUnit = 1200.0;
  PolicyOf(s, "B").investments.push_back(plant);
  s.discountRate = 0.05;
  const Results r = RunOrFail(s);
  EXPECT_NEAR(r.monthlyDiscountRate, 0.0040741237836483535, 1e-15);
  EXPECT_NEAR(At(r, r.policyCost, 3, "B", "magnet"), 78.4604, 1e-4);
  double discounted = 0.0;
  for (int t = 0; t < r.months; ++t) discounted += At(r, r.policyCost, t, "B", "magnet") / std::pow(1.0 + r.monthlyDiscountRate, t);
  EXPECT_NEAR(SumByRegion(r).policyCost[1], discounted, 1e-9 * discounted);
}

TEST(Engine, SubstitutionRampsDemandDownAtACost) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("boom", EventKind::DemandShock, {"B"}, {"magnet"}, 0.5, 0, 12));
  RegionPolicy& b = PolicyOf(s, "B");
  b.responseLagMonths = 0;
  b.substitution.push_back({"magnet", 0.2, 2, 150.0});
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.finalDemand, 0, "B", "magnet"), 45.0, kEps);
  EXPECT_NEAR(At(r, r.finalDemand, 1, "B", "magnet"), 45.0 * 0.9, kEps);  // half of the 20% in month 1
  EXPECT_NEAR(At(r, r.policyCost, 1, "B", "magnet"), 4.5 * 150.0, kEps);
  EXPECT_NEAR(At(r, r.finalDemand, 2, "B", "magnet"), 36.0, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 2, "B", "magnet"), 1.0, kEps);
  EXPECT_NEAR(At(r, r.finalDemand, 5, "B", "magnet"), 36.0, kEps);  // the substitution persists
}

// A substitute cheaper than the good would be in use without any shock, so one that a shock sets
// going cannot make its region better off than without the shock: it costs at least the good's
// base price per unit avoided, and validation says so.
TEST(Engine, SubstitutionCostsAtLeastTheGoodsBasePrice) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("boom", EventKind::DemandShock, {"B"}, {"magnet"}, 0.5, 0, 12));
  RegionPolicy& b = PolicyOf(s, "B");
  b.responseLagMonths = 0;
  b.substitution.push_back({"magnet", 0.2, 2, 50.0});  // magnets cost 100 a tonne
  const Results r = RunOrFail(s);
  EXPECT_NEAR(At(r, r.policyCost, 1, "B", "magnet"), 4.5 * 100.0, kEps);
  const std::vector<Problem> warnings = InertRules(s);
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const Problem& p) {
    return p.path == "policies[1].substitution[0].costPerUnit" && p.message.find("base price") != std::string::npos;
  })) << (warnings.empty() ? "no warning" : warnings.front().ToString());
}

TEST(Engine, RecyclingSuppliesPartOfDemandFromPastConsumption) {
  Scenario s = OreMagnetChain();
  PolicyOf(s, "B").recycling.push_back({"magnet", 0.1, 1});
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  for (int t = 0; t < r.months; ++t) {
    EXPECT_NEAR(At(r, r.production, t, "B", "magnet"), 27.0, kEps);  // 3 of 30 recovered
    EXPECT_NEAR(At(r, r.finalDelivered, t, "B", "magnet"), 30.0, kEps);
  }
}

TEST(Engine, DiversificationCapShiftsSharesToOtherSuppliers) {
  Scenario s = OreMagnetChain();
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  PolicyOf(s, "B").diversification.push_back({"ore", 0.5, {}});
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.production, 0, "A", "ore"), 30.0, kEps);
  EXPECT_NEAR(At(r, r.production, 0, "C", "ore"), 30.0, kEps);
}

TEST(Engine, RegionsOwnExportControlActsLikeARestriction) {
  Scenario s = OreMagnetChain();
  PolicyOf(s, "A").exportControls.push_back({"ore", {"B"}, 0.5, 2, 1});
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  EXPECT_NEAR(At(r, r.deliveries, 2, "B", "ore"), 30.0, kEps);
  const Constraint why = r.binding[r.Index(2, 1, 0)];
  EXPECT_EQ(why.kind, ConstraintKind::ExportRestriction);
  EXPECT_EQ(why.event, 0);  // first export control: index events.size() + 0, and there are no events
  EXPECT_EQ(r.firstDisruptionMonth, 2);
}

TEST(Engine, LinearRecoveryRestoresCapacityGradually) {
  Scenario s = OreMagnetChain();
  Event quake = MakeEvent("quake", EventKind::CapacityLoss, {"A"}, {"ore"}, 1.0, 0, 2);
  quake.recovery = RecoveryShape::Linear;
  quake.recoveryMonths = 3;
  s.events.push_back(quake);
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  // Full loss in months 0-1, then 25%, 50%, 75% of capacity back in months 2-4.
  EXPECT_NEAR(At(r, r.production, 1, "A", "ore"), 0.0, kEps);
  EXPECT_NEAR(At(r, r.production, 2, "A", "ore"), 25.0, kEps);
  EXPECT_NEAR(At(r, r.production, 3, "A", "ore"), 50.0, kEps);
  EXPECT_NEAR(At(r, r.production, 4, "A", "ore"), 60.0, kEps);  // 75 available, 60 needed
}

TEST(Engine, RepeatedRunsAreIdentical) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.7, 1, 3));
  const Results first = RunOrFail(s);
  Expected<Simulation> simulation = Simulation::Create(s);
  ASSERT_TRUE(simulation);
  Results reused;
  for (int i = 0; i < 3; ++i) {
    simulation.value().Run(reused);
    EXPECT_EQ(HashResults(reused), HashResults(first));
  }
}

// A buyer whose own plant an event damages keeps its contracts for the plant's inputs: as it
// recovers it needs them again, and its supplier, short, allocates on its buyers' volumes from before
// the shock. B and C each make 30 magnets a month from 60 t of A's ore; in month 2 A loses half its
// ore (65 t left until month 8) and B 80% of its plant, back over months 3-5. B's ore and magnets
// grow as its plant recovers, and from month 6, both asking for 60 t, B and C get 32.5 t each. (With
// the contract B ordered in its damaged month, 12 t, B stayed at 5.4 magnets until the mine came back.)
TEST(Engine, ABuyerWhosePlantIsDamagedKeepsItsInputContracts) {
  Scenario s = OreMagnetChain();
  s.goods[1].finalDemand = {{"B", 30.0, 0.0}, {"C", 30.0, 0.0}};
  s.facilities = {{"A", "ore", 130.0, 0.0, 1.0}, {"B", "magnet", 30.0, 0.0, 1.0}, {"C", "magnet", 30.0, 0.0, 1.0}};
  s.trade = {{"B", "ore", "A", 1.0}, {"C", "ore", "A", 1.0}, {"B", "magnet", "B", 1.0}, {"C", "magnet", "C", 1.0}};
  Event mine = MakeEvent("mine", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 6);
  Event plant = MakeEvent("plant", EventKind::CapacityLoss, {"B"}, {"magnet"}, 0.8, 2, 1);
  plant.recovery = RecoveryShape::Linear;
  plant.recoveryMonths = 3;
  s.events = {mine, plant};
  const Results r = RunOrFail(s);
  test::ExpectInvariants(s, r);
  auto oreTo = [&](int t, int buyer) { return r.flows[r.FlowIndex(t, 0, buyer, 0)]; };
  for (int t = 3; t <= 6; ++t) {
    EXPECT_GT(At(r, r.production, t, "B", "magnet"), At(r, r.production, t - 1, "B", "magnet") + 1.0) << "month " << t;
  }
  for (int t = 6; t <= 7; ++t) {
    EXPECT_NEAR(oreTo(t, 1), 32.5, kEps) << "month " << t;
    EXPECT_NEAR(oreTo(t, 2), 32.5, kEps) << "month " << t;
  }
}

// Without detail (Monte Carlo's setting) every series it keeps is the same bit for bit, the ones it
// leaves out are empty, and turning detail back on refills them in a reused Results.
TEST(Engine, RunsWithoutDetailKeepTheSameSeriesAndLeaveTheRestEmpty) {
  Scenario s = OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.7, 1, 3));
  Expected<Simulation> simulation = Simulation::Create(s);
  ASSERT_TRUE(simulation);
  Results full;
  simulation.value().Run(full);
  ASSERT_GT(*std::max_element(full.production.begin(), full.production.end()), 0.0);
  simulation.value().RecordDetail(false);
  Results lean;
  simulation.value().Run(lean);
  for (const auto series : {&Results::finalDemand, &Results::finalDelivered, &Results::fulfilment, &Results::shortfall,
                            &Results::stockpile, &Results::price, &Results::loss, &Results::policyCost,
                            &Results::tradeIncome, &Results::stockValueChange}) {
    EXPECT_EQ(lean.*series, full.*series);
  }
  for (const auto series : {&Results::production, &Results::deliveries, &Results::inventory, &Results::inputUse}) {
    EXPECT_TRUE((lean.*series).empty());
  }
  EXPECT_TRUE(lean.binding.empty());
  ASSERT_EQ(lean.metrics.size(), full.metrics.size());
  for (std::size_t i = 0; i < full.metrics.size(); ++i) {
    EXPECT_EQ(lean.metrics[i].cumulativeLoss, full.metrics[i].cumulativeLoss);
    EXPECT_EQ(lean.metrics[i].peakShortfall, full.metrics[i].peakShortfall);
  }
  simulation.value().RecordDetail(true);
  simulation.value().Run(lean);
  EXPECT_EQ(HashResults(lean), HashResults(full));
}

TEST(Engine, GrowthCompoundsMonthlyToTheAnnualRate) {
  EXPECT_NEAR(MonthlyGrowthFactor(0.12), 1.009488792934583, 1e-15);
  EXPECT_EQ(MonthlyGrowthFactor(0.0), 1.0);
}

}  // namespace
}  // namespace kz
