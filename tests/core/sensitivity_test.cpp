// Sensitivity: direction of effects on the small rare-earth chain (more oxide capacity, less loss),
// tornado order by swing, default low/high settings, and problems naming a bad metric or lever.
#include "kizuna/sensitivity.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_scenarios.hpp"

namespace {

using kz::SensitivityOptions;

kz::SensitivityResults Analyse(const SensitivityOptions& options) {
  kz::Expected<kz::SensitivityResults> results = kz::RunSensitivity(kz::test::SmallChainScenario(), options);
  EXPECT_TRUE(results.ok()) << (results.ok() ? "" : results.problems()[0].ToString());
  return results.ok() ? results.value() : kz::SensitivityResults{};
}

TEST(Sensitivity, MoreCapacityAtTheDisruptedSupplierMeansLessLoss) {
  SensitivityOptions options;
  options.levers = {{"facility.CN.re_oxide.capacity"}};
  const kz::SensitivityResults r = Analyse(options);
  ASSERT_EQ(r.rows.size(), 1u);
  const kz::SensitivityRow& row = r.rows[0];
  EXPECT_EQ(row.value, 1000.0);
  EXPECT_EQ(row.low, 500.0);  // -50%
  EXPECT_EQ(row.high, 1500.0);
  EXPECT_GT(r.baseline, 0.0);
  EXPECT_GT(row.metricLow, r.baseline);
  EXPECT_LE(row.metricHigh, r.baseline);
  EXPECT_EQ(row.swing, row.metricLow - row.metricHigh);
}

TEST(Sensitivity, StrongerEventMeansMoreShortfall) {
  SensitivityOptions options;
  options.metric = "shortfall.JP.motors";
  options.levers = {{"event.cn-oxide-cut.fraction", 0.1, 0.9}};
  const kz::SensitivityResults r = Analyse(options);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_LT(r.rows[0].metricLow, r.rows[0].metricHigh);
}

TEST(Sensitivity, RowsAreSortedBySwingLargestFirst) {
  SensitivityOptions options;  // every lever, metric loss
  const kz::SensitivityResults r = Analyse(options);
  ASSERT_GT(r.rows.size(), 20u);
  for (std::size_t i = 1; i < r.rows.size(); ++i) EXPECT_GE(r.rows[i - 1].swing, r.rows[i].swing) << i;
  EXPECT_GT(r.rows.front().swing, 0.0);
}

TEST(Sensitivity, IntegerLeversAreRoundedAndClampedToTheirRange) {
  SensitivityOptions options;
  options.levers = {{"event.cn-oxide-cut.duration"}, {"policy.JP.stockpile.re_oxide.targetMonths"}};
  options.spread = 0.9;  // duration 3 -> 0.3 (clamped to 1) and 5.7 (rounded to 6)
  const kz::SensitivityResults r = Analyse(options);
  ASSERT_EQ(r.rows.size(), 2u);
  for (const kz::SensitivityRow& row : r.rows) {
    if (row.path != "event.cn-oxide-cut.duration") continue;
    EXPECT_EQ(row.low, 1.0);
    EXPECT_EQ(row.high, 6.0);
  }
}

TEST(Sensitivity, EveryMetricFormIsAccepted) {
  for (const char* metric : {"loss", "loss.JP", "welfare.CN", "shortfall.JP.motors", "price.CN.re_oxide"}) {
    SensitivityOptions options;
    options.metric = metric;
    options.levers = {{"facility.CN.re_oxide.capacity"}};
    EXPECT_TRUE(kz::RunSensitivity(kz::test::SmallChainScenario(), options).ok()) << metric;
  }
}

TEST(Sensitivity, UnknownMetricOrLeverIsNamed) {
  SensitivityOptions options;
  options.metric = "loss.KR";
  kz::Expected<kz::SensitivityResults> r = kz::RunSensitivity(kz::test::SmallChainScenario(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems()[0].ToString(), "metric: unknown metric 'loss.KR': no region 'KR'");
  options.metric = "profit";
  r = kz::RunSensitivity(kz::test::SmallChainScenario(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems()[0].path, "metric");
  EXPECT_NE(r.problems()[0].message.find("'profit'"), std::string::npos);
  options.metric = "loss";
  options.levers = {{"facility.CN.gold.capacity"}};
  r = kz::RunSensitivity(kz::test::SmallChainScenario(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems()[0].ToString(), "facility.CN.gold.capacity: unknown lever");
}

}  // namespace
