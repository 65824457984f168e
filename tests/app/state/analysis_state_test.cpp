// The app's analysis state: requests and cancels for the platform, runs followed by id, partial and
// final results taken from the worker's JSON (made here by the core's own stepped jobs; the core's
// readers are tested in tests/core/analysis_view_test.cpp), a message for malformed JSON, and the
// options the window sends accepted by the core.
#include "state/analysis_state.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/analysis_job.hpp"
#include "kizuna/scenario_json.hpp"
#include "state/analysis_options.hpp"

namespace kz {
namespace {

// A bundled scenario plus a one-hazard risk register, so Monte Carlo runs differ.
Scenario WithRisk(std::string_view id) {
  Scenario s = test::LoadBundled(id);
  Hazard h;
  h.id = "cn-halt";
  h.kind = EventKind::ExportRestriction;
  h.regions = {"CN"};
  h.targets = {"JP"};
  h.goods = {"re_oxide"};
  h.annualProbability = 0.6;
  h.severity = {DistributionKind::Triangular, 0.3, 0.6, 1.0};
  h.durationMonths = {DistributionKind::Uniform, 2.0, 4.0, 8.0};
  s.risks = {h};
  return s;
}

// Every JSON a stepped job produces, partial ones first.
std::vector<std::string> JobJsons(std::string_view kind, const Scenario& scenario, std::string_view options) {
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(kind, scenario, options);
  EXPECT_TRUE(job.ok()) << (job.ok() ? "" : job.problems().front().ToString());
  std::vector<std::string> out;
  if (!job.ok()) return out;
  while (!job.value()->Done()) {
    EXPECT_TRUE(job.value()->Step().empty());
    out.push_back(job.value()->Json());
  }
  return out;
}

TEST(AnalysisState, RequestsGoToThePlatformOnceAndNotWhileBusy) {
  AnalysisState state;
  EXPECT_EQ(state.status(), AnalysisStatus::Idle);
  EXPECT_FALSE(state.TakeRequest());
  ASSERT_TRUE(state.Request(AnalysisKind::Coalition, R"({"framework":"x"})"));
  EXPECT_EQ(state.status(), AnalysisStatus::Starting);
  EXPECT_TRUE(state.Busy());
  EXPECT_FALSE(state.Request(AnalysisKind::MonteCarlo, "{}")) << "one analysis at a time";
  const std::optional<AnalysisRequest> request = state.TakeRequest();
  ASSERT_TRUE(request);
  EXPECT_EQ(request->kind, AnalysisKind::Coalition);
  EXPECT_EQ(request->optionsJson, R"({"framework":"x"})");
  EXPECT_FALSE(state.TakeRequest()) << "taken once";
}

TEST(AnalysisState, FollowsProgressPartialAndFinalMonteCarloResults) {
  const std::vector<std::string> jsons = JobJsons("montecarlo", WithRisk("re-2010-japan"), R"({"runs": 12, "chunkRuns": 4, "seed": 5})");
  ASSERT_EQ(jsons.size(), 3u);
  AnalysisState state;
  ASSERT_TRUE(state.OnStarted(7, "montecarlo"));
  EXPECT_EQ(state.status(), AnalysisStatus::Running);
  EXPECT_EQ(state.monteCarlo(), nullptr);
  state.OnProgress(7, 1.0 / 3.0, jsons[0]);
  ASSERT_NE(state.monteCarlo(), nullptr);
  EXPECT_EQ(state.monteCarlo()->runs, 4);
  EXPECT_EQ(state.monteCarlo()->runsRequested, 12);
  EXPECT_FALSE(state.monteCarlo()->done);
  EXPECT_NEAR(state.fraction(), 1.0 / 3.0, 1e-12);
  state.OnProgress(8, 0.9, jsons[1]);  // another run's message: ignored
  EXPECT_EQ(state.monteCarlo()->runs, 4);
  state.OnProgress(7, 2.0 / 3.0, jsons[1]);
  EXPECT_EQ(state.monteCarlo()->runs, 8);
  state.OnResult(7, jsons[2]);
  EXPECT_EQ(state.status(), AnalysisStatus::Done);
  EXPECT_FALSE(state.Busy());
  const MonteCarloView& mc = *state.monteCarlo();
  EXPECT_TRUE(mc.done);
  EXPECT_EQ(mc.runs, 12);
  EXPECT_EQ(mc.seed, "5");
  EXPECT_EQ(mc.hash.size(), 16u);
  EXPECT_GT(mc.expectedTotalLoss, 0.0);
  EXPECT_GE(mc.cvar95, mc.expectedTotalLoss);
  ASSERT_FALSE(mc.cells.empty());
  for (const MonteCarloCell& cell : mc.cells) {
    for (std::size_t p = 0; p + 1 < cell.fulfilment.size(); ++p) {
      ASSERT_EQ(cell.fulfilment[p].size(), static_cast<std::size_t>(mc.months));
      for (int t = 0; t < mc.months; ++t) EXPECT_LE(cell.fulfilment[p][t], cell.fulfilment[p + 1][t]) << "bands are ordered";
    }
  }
  EXPECT_EQ(state.updates(), 3);
}

TEST(AnalysisState, CoalitionPartialsThenTheFinalResult) {
  const std::vector<std::string> jsons = JobJsons("coalition", test::LoadBundled("quad-semis"), R"({"chunkSubsets": 5})");
  ASSERT_EQ(jsons.size(), 3u);  // 16 subsets, the baseline done at start: 15 in chunks of 5
  AnalysisState state;
  ASSERT_TRUE(state.OnStarted(2, "coalition"));
  state.OnProgress(2, 0.4, jsons[0]);
  ASSERT_NE(state.coalition(), nullptr);
  EXPECT_FALSE(state.coalition()->done);
  EXPECT_EQ(state.coalition()->subsetsDone, 6);
  state.OnResult(2, jsons.back());
  EXPECT_EQ(state.status(), AnalysisStatus::Done);
  const CoalitionView& v = *state.coalition();
  EXPECT_TRUE(v.done);
  EXPECT_EQ(v.candidates, (std::vector<std::string>{"US", "JP", "AU", "IN"}));
  double sum = 0.0;
  for (const double x : v.shapley) sum += x;
  ASSERT_TRUE(v.GrandValue());
  EXPECT_NEAR(sum, *v.GrandValue(), 1e-6 * (1.0 + std::fabs(sum)));  // efficiency
}

TEST(AnalysisState, SensitivityRowsArriveLeverByLever) {
  const std::vector<std::string> jsons = JobJsons(
      "sensitivity", test::LoadBundled("re-2010-japan"),
      R"({"metric": "loss.JP", "levers": ["event.cn-halt-japan-2010.fraction", "event.cn-halt-japan-2010.duration"]})");
  ASSERT_EQ(jsons.size(), 2u);
  AnalysisState state;
  ASSERT_TRUE(state.OnStarted(1, "sensitivity"));
  state.OnProgress(1, 0.5, jsons[0]);
  ASSERT_NE(state.sensitivity(), nullptr);
  EXPECT_EQ(state.sensitivity()->rows.size(), 1u);
  state.OnResult(1, jsons[1]);
  const SensitivityView& v = *state.sensitivity();
  EXPECT_TRUE(v.done);
  EXPECT_EQ(v.unit, "USD");
  ASSERT_EQ(v.rows.size(), 2u);
  EXPECT_GE(v.rows[0].swing, v.rows[1].swing);
  EXPECT_GT(v.rows[0].swing, 0.0) << "the halt's size moves Japan's loss";
}

TEST(AnalysisState, CancelGoesToThePlatformAndEndsTheRun) {
  AnalysisState state;
  state.RequestCancel();  // nothing running: nothing to cancel
  EXPECT_FALSE(state.TakeCancelRequest());
  ASSERT_TRUE(state.Request(AnalysisKind::MonteCarlo, "{}"));
  ASSERT_TRUE(state.TakeRequest());
  ASSERT_TRUE(state.OnStarted(3, "montecarlo"));
  state.RequestCancel();
  EXPECT_TRUE(state.cancelRequested());
  EXPECT_TRUE(state.TakeCancelRequest());
  EXPECT_FALSE(state.TakeCancelRequest()) << "taken once";
  EXPECT_TRUE(state.Busy()) << "running until the worker stops";
  state.OnFailed(3, "analysis cancelled", true);
  EXPECT_EQ(state.status(), AnalysisStatus::Cancelled);
  EXPECT_EQ(state.message(), "analysis cancelled");
  EXPECT_FALSE(state.Busy());
  state.OnResult(3, "{}");  // a late message after the end: ignored
  EXPECT_EQ(state.status(), AnalysisStatus::Cancelled);
}

TEST(AnalysisState, CancelBeforeThePlatformTookTheRequestDropsIt) {
  AnalysisState state;
  ASSERT_TRUE(state.Request(AnalysisKind::Sensitivity, "{}"));
  state.RequestCancel();
  EXPECT_EQ(state.status(), AnalysisStatus::Cancelled);
  EXPECT_FALSE(state.TakeRequest());
  EXPECT_FALSE(state.TakeCancelRequest());
}

TEST(AnalysisState, FailuresAndMalformedResultsShowAMessage) {
  AnalysisState state;
  EXPECT_FALSE(state.OnStarted(1, "forecast")) << "unknown kinds are not followed";
  EXPECT_EQ(state.status(), AnalysisStatus::Idle);
  ASSERT_TRUE(state.OnStarted(2, "coalition"));
  state.OnFailed(2, "framework: no framework 'x' in the scenario", false);
  EXPECT_EQ(state.status(), AnalysisStatus::Failed);
  EXPECT_EQ(state.message(), "framework: no framework 'x' in the scenario");
  ASSERT_TRUE(state.OnStarted(4, "montecarlo"));
  state.OnResult(4, R"({"kind": "montecarlo", "done": true, "runsRequested": 3, "runs": 3, "months": "many"})");
  EXPECT_EQ(state.status(), AnalysisStatus::Failed);
  EXPECT_EQ(state.message(), "the result could not be read: months: must be a number, got string");
  ASSERT_TRUE(state.OnStarted(5, "sensitivity"));
  state.OnProgress(5, 0.5, R"({"kind": "coalition"})");  // read as the kind that runs: refused
  EXPECT_EQ(state.status(), AnalysisStatus::Failed);
  EXPECT_EQ(state.message(), "the result could not be read: kind: must be \"sensitivity\"");
}

TEST(AnalysisState, OptionsTheWindowSendsAreAcceptedByTheCore) {
  const Scenario scenario = test::LoadBundled("us-jp-steering-committee");
  EXPECT_TRUE(StartAnalysis("montecarlo", scenario, MonteCarloOptionsJson(10, 18446744073709551615ULL)).ok());
  EXPECT_TRUE(StartAnalysis("coalition", scenario, CoalitionOptionsJson(scenario.frameworks[0].id, {"US", "JP", "KR"})).ok());
  const Expected<std::unique_ptr<AnalysisJob>> sensitivity =
      StartAnalysis("sensitivity", scenario, SensitivityOptionsJson("loss.JP", 0.25, {"region.JP.weight"}));
  EXPECT_TRUE(sensitivity.ok()) << (sensitivity.ok() ? "" : sensitivity.problems().front().ToString());
}

}  // namespace
}  // namespace kz
