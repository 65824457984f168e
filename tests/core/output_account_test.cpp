// Output lost against the world without its disruptions (output_account.hpp): exact on the
// hand-computed chain, zero without a disruption, additive along a chain, scale-invariant, and the
// history's downstream outcomes in value added.
#include "kizuna/output_account.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "kizuna/levers.hpp"

namespace kz {
namespace {

using test::MakeEvent;
using test::RegionIndex;
using test::RunOrFail;

OutputAccount AccountOrFail(const Scenario& s, const Results& r) {
  Expected<OutputAccount> account = AccountOutput(s, r);
  EXPECT_TRUE(account.ok()) << s.id;
  return account.ok() ? account.value() : OutputAccount{};
}

double GrossOfRegion(const OutputAccount& a, int r) {
  double sum = 0.0;
  for (int g = 0; g < a.goods; ++g) sum += a.GrossOutputLost(r, g);
  return sum;
}

// A's mine loses half its capacity in months 2-3: B makes 25 of its 30 magnets (2 t of ore at 10 USD
// each, 100 USD a magnet). Ten magnets never made: B loses 1,000 of output, 800 of value added (it
// did not use 20 t of ore), A loses the 20 t of ore it could not mine, 200; the world 1,000 = the
// final output lost, each dollar once. C is untouched.
TEST(OutputAccount, ExactOnTheFloodedChain) {
  Scenario s = test::OreMagnetChain();
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, 0.5, 2, 2));
  const OutputAccount a = AccountOrFail(s, RunOrFail(s));
  const int A = 0, B = 1, C = 2;
  EXPECT_NEAR(a.valueAddedLost[B], 800.0, 1e-9);
  EXPECT_NEAR(a.valueAddedLost[A], 200.0, 1e-9);
  EXPECT_NEAR(a.valueAddedLost[C], 0.0, 1e-9);
  EXPECT_NEAR(GrossOfRegion(a, B), 1000.0, 1e-9);
  EXPECT_NEAR(GrossOfRegion(a, A), 200.0, 1e-9);
  EXPECT_NEAR(a.WorldValueAddedLost(), 1000.0, 1e-9);
  EXPECT_NEAR(a.WorldGrossOutputLost(), 1200.0, 1e-9);  // the ore counted twice: mined, and inside magnets
}

// Without a supply disruption nothing is lost, exactly (the reference is the same run), in every
// preset; demand shocks stay in the reference.
TEST(OutputAccount, NothingIsLostWithoutASupplyDisruption) {
  for (const std::string& id : test::BundledScenarioIds()) {
    const Scenario calm = WithoutDisruptions(test::LoadBundled(id));
    for (const Event& event : calm.events) EXPECT_EQ(event.kind, EventKind::DemandShock) << id;
    const OutputAccount a = AccountOrFail(calm, RunOrFail(calm));
    for (const double lost : a.valueAddedLost) EXPECT_EQ(lost, 0.0) << id;
    for (const double lost : a.grossOutputLost) EXPECT_EQ(lost, 0.0) << id;
  }
}

// Every quantity x10 gives x10 the output lost, region by region.
TEST(OutputAccount, TenTimesEveryQuantityGivesTenTimesTheOutputLost) {
  for (const char* id : {"tohoku-2011", "neon-2022", "ga-ge-controls-2023"}) {
    const Scenario base = test::LoadBundled(id);
    Scenario s = base;
    for (Good& good : s.goods) {
      for (FinalDemand& demand : good.finalDemand) demand.monthly *= 10.0;
    }
    for (Facility& facility : s.facilities) {
      facility.capacity *= 10.0;
      facility.initialStock *= 10.0;
    }
    for (RegionPolicy& policy : s.policies) {
      for (InvestmentPolicy& investment : policy.investments) investment.capacity *= 10.0;
    }
    const OutputAccount a = AccountOrFail(base, RunOrFail(base));
    const OutputAccount b = AccountOrFail(s, RunOrFail(s));
    for (int r = 0; r < a.regions; ++r) {
      const double scale = 1e-6 * (std::fabs(a.referenceValueAdded[r]) + 1.0);
      EXPECT_NEAR(b.valueAddedLost[r], 10.0 * a.valueAddedLost[r], 10.0 * scale) << id << " region " << r;
    }
  }
}

// History in value added. 2010: Japan's economy lost no measurable output (Gholz, CFR 2014): under
// 0.1% of its value added in the modelled goods over the horizon; China, whose sales stopped, loses
// more than Japan. Tohoku 2011: the output lost sits in Japan (the quake's damage), most of the world's.
TEST(OutputAccount, HistoryInValueAdded_Gholz2014_JAMA2011) {
  {
    const Scenario s = test::LoadBundled("re-2010-japan");
    const Results r = RunOrFail(s);
    const OutputAccount a = AccountOrFail(s, r);
    const int jp = RegionIndex(r, "JP");
    const int cn = RegionIndex(r, "CN");
    EXPECT_LT(a.valueAddedLost[jp], 1e-3 * a.referenceValueAdded[jp]);
    EXPECT_GT(a.valueAddedLost[cn], a.valueAddedLost[jp]);
  }
  {
    const Scenario s = test::LoadBundled("tohoku-2011");
    const Results r = RunOrFail(s);
    const OutputAccount a = AccountOrFail(s, r);
    EXPECT_GT(a.valueAddedLost[RegionIndex(r, "JP")], 0.5 * a.WorldValueAddedLost());
  }
}

// Thrift adds no value: a maker that uses less of a scarce input per unit (the market's adaptation,
// a substitution policy) replaces it with substitutes that cost about as much, so its value added is
// what its output makes it. In re-2010-japan Japan's magnet makers thrift oxide through the halt and
// make as many magnets as in the world without it: Japan loses no value added however long the halt,
// and gains none either (counted on the inputs used alone, it "gained" $45-62 million, more the
// longer China halted its exports to it).
TEST(OutputAccount, ThriftAddsNoValueAdded) {
  for (const int months : {2, 6, 12}) {
    Scenario s = test::LoadBundled("re-2010-japan");
    ASSERT_TRUE(SetLever(s, "event.cn-halt-japan-2010.duration", months).empty());
    const Results r = RunOrFail(s);
    const OutputAccount a = AccountOrFail(s, r);
    const int jp = RegionIndex(r, "JP");
    EXPECT_NEAR(a.valueAddedLost[jp], 0.0, 1.0) << months << " months";
  }
}

// Results of another world are refused, not measured.
TEST(OutputAccount, RefusesResultsOfAnotherWorld) {
  const Scenario chain = test::OreMagnetChain();
  const Results other = RunOrFail(test::LoadBundled("tohoku-2011"));
  const Expected<OutputAccount> account = AccountOutput(chain, other);
  ASSERT_FALSE(account.ok());
  EXPECT_NE(account.problems()[0].message.find("not a run of this scenario"), std::string::npos);
}

}  // namespace
}  // namespace kz
