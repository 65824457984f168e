// Calibration: the historical presets must reproduce what happened. Each test names the episode, the
// observation and its source (rows of shared/data/SOURCES.md, "the data sheet"), and states its
// tolerance and why. docs/MODEL.md shows the same figures as a table (observed vs simulated).
// These run natively and compiled to wasm: the presets are read from assets/scenarios.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "kizuna/levers.hpp"

namespace kz {
namespace {

using test::At;
using test::GoodIndex;
using test::RegionIndex;

double Flow(const Results& r, int t, const char* good, const char* buyer, const char* seller) {
  return r.flows[r.FlowIndex(t, GoodIndex(r, good), RegionIndex(r, buyer), RegionIndex(r, seller))];
}

double WorldSum(const Results& r, const std::vector<double>& series, int t, const char* good) {
  double sum = 0.0;
  for (int region = 0; region < r.regions; ++region) sum += series[r.Index(t, region, GoodIndex(r, good))];
  return sum;
}

// ---------------------------------------------------------------------------------------------
// 2010: China halts rare-earth shipments to Japan (month 0 = July 2010).
// ---------------------------------------------------------------------------------------------
// Observed (data sheet, 2010 halt row; Japanese trade statistics): imports from China 2,246 t in
// September, 1,278 t in October, 634 t in November. Tolerance: "at least half" by November, as the
// issue states: the model halts shipments outright (no cargo already cleared), so it may overshoot.
TEST(Calibration, Re2010Japan_ImportsFromChinaHalveWithinTwoMonths_DataSheet2010HaltRow) {
  const Scenario s = test::LoadBundled("re-2010-japan");
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  auto imports = [&r](int t) { return Flow(r, t, "re_oxide", "JP", "CN") + Flow(r, t, "re_ore", "JP", "CN"); };
  const double september = imports(2);
  const double november = imports(4);
  ASSERT_GT(september, 0.0);
  EXPECT_LE(november, 0.5 * september) << "September " << september << " t, November " << november << " t";
  EXPECT_GT(imports(6), 0.5 * september) << "shipments resume after the halt";
}

// Observed (data sheet, 2010-11 price spike): average oxide prices rose 11-15x from end-2009 to
// mid-2011 under the 40% quota cut; the sheet's default for a 2010-type shock is 5-15x. Tolerance:
// the peak of Japan's oxide price index within 12 months lies in that 5-15x band.
TEST(Calibration, Re2010Japan_OxidePricePeaks5To15xWithinAYear_DataSheetPriceSpikeRow) {
  const Scenario s = test::LoadBundled("re-2010-japan");
  const Results r = test::RunOrFail(s);
  double peak = 0.0;
  for (int t = 0; t <= 12; ++t) peak = std::max(peak, At(r, r.price, t, "JP", "re_oxide"));
  EXPECT_GE(peak, 5.0);
  EXPECT_LE(peak, 15.0);
}

// ---------------------------------------------------------------------------------------------
// 2021: fire at Renesas's Naka fab (month 0 = March 2021).
// ---------------------------------------------------------------------------------------------
// Observed (data sheet, Renesas row): fire 19 March; restart 17 April; 88% of output at the end of
// May; 100% on 24 June. The model works in month averages: April (month 1) is mostly lost; May
// (month 2) averages the climb from restart to 88%, so it must lie between 60% and 95% of the
// pre-fire output; June (month 3) must be back to at least 98%. Carmakers, holding under five days of
// chips, must lose output in that window and only then.
TEST(Calibration, RenesasFire2021_LineBackTo88PctInMayAndFullInJune_DataSheetRenesasRow) {
  const Scenario s = test::LoadBundled("renesas-fire-2021");
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  const double before = At(r, r.production, 0, "JP", "mcu");
  ASSERT_GT(before, 0.0);
  EXPECT_LE(At(r, r.production, 1, "JP", "mcu") / before, 0.5);
  const double may = At(r, r.production, 2, "JP", "mcu") / before;
  EXPECT_GE(may, 0.60);
  EXPECT_LE(may, 0.95);
  EXPECT_GE(At(r, r.production, 3, "JP", "mcu") / before, 0.98);
  auto vehicleShortfall = [&r](int t) { return WorldSum(r, r.shortfall, t, "vehicles"); };
  EXPECT_LT(vehicleShortfall(0), 1e-6) << "nothing lost before the fire";
  EXPECT_GT(vehicleShortfall(1) + vehicleShortfall(2), 0.0) << "automotive shortfall in the window";
  for (int t = 4; t < r.months; ++t) EXPECT_LT(vehicleShortfall(t), 1e-6) << "month " << t;
}

// ---------------------------------------------------------------------------------------------
// 2019: Japan's export controls on chip chemicals to Korea (month 0 = July 2019).
// ---------------------------------------------------------------------------------------------
double KoreanFabOutput(const Results& r, int months) {
  double sum = 0.0;
  for (int t = 0; t < months; ++t) sum += At(r, r.production, t, "KR", "fab_mature") + At(r, r.production, t, "KR", "fab_leading");
  return sum;
}

// Observed (data sheet, 2019 controls row; Yomiuri): Korean fabs held about a month of the
// chemicals and their output barely moved. Tolerance: output over the first six months stays within
// 5% of the same world without the controls. The test also shows why: without the month of stocks,
// the same controls cost more than 5%.
TEST(Calibration, JpKrControls2019_KoreanFabLossUnder5PctWithAMonthOfStocks_Yomiuri2019) {
  Scenario s = test::LoadBundled("jp-kr-controls-2019");
  const Results controls = test::RunOrFail(s);
  test::ExpectInvariants(s, controls);
  Scenario without = s;
  ASSERT_TRUE(SetLever(without, "event.jp-resist-licences-2019.fraction", 0.0).empty());
  const Results baseline = test::RunOrFail(without);
  const double loss = 1.0 - KoreanFabOutput(controls, 6) / KoreanFabOutput(baseline, 6);
  EXPECT_LT(loss, 0.05) << "Korean fab output loss " << loss;

  ASSERT_TRUE(SetLever(s, "policy.KR.stockpile.photoresist.targetMonths", 0.0).empty());
  const Results noStocks = test::RunOrFail(s);
  const double lossWithoutStocks = 1.0 - KoreanFabOutput(noStocks, 6) / KoreanFabOutput(baseline, 6);
  EXPECT_GT(lossWithoutStocks, 0.05) << "without stocks the loss would be " << lossWithoutStocks;
}

// ---------------------------------------------------------------------------------------------
// 2020-21: the global chip shortage (month 0 = January 2021).
// ---------------------------------------------------------------------------------------------
// Observed (data sheet; AlixPartners 2021, US Commerce RFI 2022): 7.7 million vehicles lost in 2021
// of ~80 million made, with customer chip inventories under 5 days. Tolerance: "of the observed
// order", taken as between half and twice 7.7 million: the model shares shortages pro rata among a
// region's users and leaves out the Malaysian packaging lockdowns of mid-2021 and carmakers losing
// their place in foundry queues, so it should not be expected to match closely.
TEST(Calibration, ChipShortage2021_VehicleLossOfTheObservedOrder_AlixPartners2021) {
  const Scenario s = test::LoadBundled("chip-shortage-2021");
  for (const char* region : {"US", "JP", "CN", "EU", "KR"}) {
    const Expected<double> days = GetLever(s, std::string("policy.") + region + ".stockpile.mcu.targetMonths");
    ASSERT_TRUE(days.ok());
    EXPECT_LE(days.value() * 30.0, 5.0 + 1e-9) << region << ": inventories under 5 days";
  }
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  double lostThousands = 0.0;
  for (int t = 0; t < 12; ++t) lostThousands += WorldSum(r, r.shortfall, t, "vehicles");
  EXPECT_GE(lostThousands, 0.5 * 7700.0) << "vehicles lost in 2021 (thousands)";
  EXPECT_LE(lostThousands, 2.0 * 7700.0) << "vehicles lost in 2021 (thousands)";
}

}  // namespace
}  // namespace kz
