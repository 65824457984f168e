// Stepped analyses (analysis_job.hpp): any chunking gives the one-shot result bit for bit (Monte
// Carlo results hash, coalition and sensitivity JSON), partial JSON grows chunk by chunk, and bad
// options are refused with messages naming the option.
#include "kizuna/analysis_job.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "engine_fixtures.hpp"
#include "kizuna/coalition_analysis.hpp"
#include "kizuna/montecarlo.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/sensitivity.hpp"
#include "risk_scenarios.hpp"
#include "test_scenarios.hpp"

namespace kz {
namespace {

using test::AllProblems;

std::unique_ptr<AnalysisJob> Start(std::string_view kind, const Scenario& scenario, std::string_view options) {
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(kind, scenario, options);
  EXPECT_TRUE(job.ok()) << (job.ok() ? "" : AllProblems(job.problems()));
  return job.ok() ? std::move(job.value()) : nullptr;
}

// Steps `job` to the end; returns the JSON after every step (the last is the final result).
std::vector<std::string> RunToEnd(AnalysisJob& job) {
  std::vector<std::string> jsons;
  double fraction = job.Fraction();
  for (int guard = 0; !job.Done() && guard < 100000; ++guard) {
    const std::vector<Problem> problems = job.Step();
    EXPECT_TRUE(problems.empty()) << AllProblems(problems);
    EXPECT_GE(job.Fraction(), fraction);
    fraction = job.Fraction();
    jsons.push_back(job.Json());
  }
  EXPECT_TRUE(job.Done());
  EXPECT_EQ(job.Fraction(), 1.0);
  return jsons;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The JSON of `object` without its opening brace: the fields a job's envelope must end with.
std::string Fields(const std::string& object) { return object.substr(object.find('{') + 1); }

std::vector<Problem> StartProblems(std::string_view kind, const Scenario& scenario, std::string_view options) {
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(kind, scenario, options);
  EXPECT_FALSE(job.ok()) << kind << " " << options << " should be refused";
  return job.ok() ? std::vector<Problem>{} : job.problems();
}

TEST(AnalysisJob, MonteCarloInChunksIsBitIdenticalToOneRun) {
  const Scenario scenario = test::SmallChainWithRisks();
  Expected<MonteCarloResults> whole = RunMonteCarlo(scenario, 30, 11);
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());
  char hash[32];
  std::snprintf(hash, sizeof hash, "\"hash\":\"%016llx\"",
                static_cast<unsigned long long>(HashMonteCarloResults(whole.value())));
  for (const int chunk : {1, 7, 30}) {
    std::unique_ptr<AnalysisJob> job =
        Start("montecarlo", scenario, R"({"runs": 30, "seed": 11, "chunkRuns": )" + std::to_string(chunk) + "}");
    ASSERT_NE(job, nullptr);
    EXPECT_TRUE(Contains(job->Json(), "\"runs\":0")) << job->Json();
    const std::vector<std::string> jsons = RunToEnd(*job);
    ASSERT_EQ(jsons.size(), static_cast<std::size_t>((30 + chunk - 1) / chunk)) << "chunk " << chunk;
    EXPECT_TRUE(Contains(jsons.back(), hash)) << "chunk " << chunk << ": " << jsons.back().substr(0, 400);
    EXPECT_TRUE(Contains(jsons.back(), "\"done\":true"));
    EXPECT_TRUE(Contains(jsons.back(), "\"runs\":30"));
    EXPECT_TRUE(Contains(jsons.back(), Fields(SaveMonteCarloSummaryJson(whole.value(), scenario))))
        << "the summary of the chunked run is the one-shot summary";
    if (jsons.size() > 1) {
      EXPECT_TRUE(Contains(jsons.front(), "\"done\":false"));
      EXPECT_TRUE(Contains(jsons.front(), "\"runs\":" + std::to_string(chunk) + ","));
      EXPECT_FALSE(Contains(jsons.front(), "\"hash\"")) << "partial results skip the fingerprint";
    }
  }
}

TEST(AnalysisJob, MonteCarloSummaryHasBandsForCellsWithFinalDemand) {
  const Scenario scenario = test::SmallChainWithRisks();
  std::unique_ptr<AnalysisJob> job = Start("montecarlo", scenario, R"({"runs": 5, "seed": "3"})");
  ASSERT_NE(job, nullptr);
  const std::string json = RunToEnd(*job).back();
  EXPECT_TRUE(Contains(json, "\"seed\":3,")) << json.substr(0, 300);
  EXPECT_TRUE(Contains(json, "\"cvar95\":"));
  EXPECT_TRUE(Contains(json, "\"runsRequested\":5"));
  EXPECT_TRUE(Contains(json, "\"kind\":\"montecarlo\""));
  // Final demand in the small chain: motors in CN and JP (test_scenarios.hpp), in region order.
  EXPECT_TRUE(Contains(json, "\"cells\":[{\"region\":\"CN\",\"good\":\"motors\"")) << json.substr(json.find("cells"), 200);
  EXPECT_TRUE(Contains(json, "},{\"region\":\"JP\",\"good\":\"motors\""));
  EXPECT_TRUE(Contains(json, "\"fulfilment\":[["));
}

TEST(AnalysisJob, CoalitionInBatchesEqualsTheOneShotAnalysis) {
  const Scenario scenario = test::OreClubScenario();
  Expected<CoalitionAnalysis> whole = AnalyzeCoalition(scenario, "ore-club", {"A", "B", "C"});
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());
  const std::string expected = Fields(SaveCoalitionAnalysisJson(whole.value()));
  for (const int chunk : {1, 3, 8}) {
    std::unique_ptr<AnalysisJob> job = Start(
        "coalition", scenario, R"({"framework": "ore-club", "candidates": ["A", "B", "C"], "chunkSubsets": )" + std::to_string(chunk) + "}");
    ASSERT_NE(job, nullptr);
    EXPECT_TRUE(Contains(job->Json(), "\"subsetsDone\":1,")) << job->Json();
    const std::vector<std::string> jsons = RunToEnd(*job);
    EXPECT_EQ(jsons.size(), static_cast<std::size_t>((7 + chunk - 1) / chunk)) << "chunk " << chunk;
    ASSERT_GE(jsons.back().size(), expected.size());
    EXPECT_EQ(jsons.back().substr(jsons.back().size() - expected.size()), expected) << "chunk " << chunk;
    if (jsons.size() > 1) {
      EXPECT_TRUE(Contains(jsons.front(), "\"done\":false"));
      EXPECT_TRUE(Contains(jsons.front(), "null]")) << "subsets not yet run are null: " << jsons.front();
    }
  }
}

TEST(AnalysisJob, CoalitionTakesTheOnlyFrameworkByDefault) {
  std::unique_ptr<AnalysisJob> job = Start("coalition", test::OreClubScenario(), "{}");
  ASSERT_NE(job, nullptr);
  const std::string json = RunToEnd(*job).back();
  EXPECT_TRUE(Contains(json, "\"candidates\":[\"A\",\"B\"]")) << json;
  EXPECT_TRUE(Contains(json, "\"subsets\":4,\"subsetsDone\":4"));
}

TEST(AnalysisJob, SensitivityLeverByLeverEqualsTheOneShotRun) {
  const Scenario scenario = test::SmallChainScenario();
  SensitivityOptions options;
  options.metric = "shortfall.JP.motors";
  options.levers = {{"facility.CN.re_oxide.capacity"}, {"event.cn-oxide-cut.fraction", 0.1, 0.9}};
  Expected<SensitivityResults> whole = RunSensitivity(scenario, options);
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());
  std::unique_ptr<AnalysisJob> job = Start(
      "sensitivity", scenario,
      R"({"metric": "shortfall.JP.motors", "levers": ["facility.CN.re_oxide.capacity", {"path": "event.cn-oxide-cut.fraction", "low": 0.1, "high": 0.9}]})");
  ASSERT_NE(job, nullptr);
  const std::vector<std::string> jsons = RunToEnd(*job);
  ASSERT_EQ(jsons.size(), 2u);
  EXPECT_TRUE(Contains(jsons.front(), "\"leversDone\":1,"));
  EXPECT_TRUE(Contains(jsons.back(), "\"unit\":\"share\""));
  const std::string expected = Fields(SaveSensitivityJson(whole.value()));
  EXPECT_EQ(jsons.back().substr(jsons.back().size() - expected.size()), expected);
}

TEST(AnalysisJob, BadOptionsAreRefusedWithMessagesNamingThem) {
  const Scenario risks = test::SmallChainWithRisks();
  std::vector<Problem> p = StartProblems("forecast", risks, "{}");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(), "kind: unknown analysis 'forecast': use montecarlo, coalition or sensitivity");
  p = StartProblems("montecarlo", risks, R"({"runs": 0})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(), "options.runs: must be a whole number in 1..100000");
  EXPECT_EQ(StartProblems("montecarlo", risks, R"({"runs": 100001})").size(), 1u);
  EXPECT_EQ(StartProblems("montecarlo", risks, R"({"runs": 2.5})").size(), 1u);
  EXPECT_EQ(StartProblems("montecarlo", risks, R"({"runs": "ten"})").size(), 1u);
  p = StartProblems("montecarlo", risks, R"({"runs": 10, "framework": "x"})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "options.framework");
  EXPECT_TRUE(Contains(p[0].message, "unknown option for montecarlo")) << p[0].message;
  p = StartProblems("montecarlo", risks, R"({"runs": )");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "options");
  EXPECT_EQ(StartProblems("montecarlo", risks, "[1]")[0].ToString(), "options: must be a JSON object");
  EXPECT_EQ(StartProblems("montecarlo", risks, R"({"seed": -1})")[0].path, "options.seed");

  p = StartProblems("coalition", test::OreClubScenario(), R"({"framework": "no-such-club"})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "framework");
  EXPECT_TRUE(Contains(p[0].message, "no framework 'no-such-club'")) << p[0].message;
  p = StartProblems("coalition", test::OreClubScenario(), R"({"candidates": ["A", "ZZ"]})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(), "candidates[1]: unknown region 'ZZ'");
  p = StartProblems("coalition", risks, "{}");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(), "options.framework: the scenario has no framework to analyse");

  p = StartProblems("sensitivity", test::SmallChainScenario(), R"({"metric": "profit.US"})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "metric");
  p = StartProblems("sensitivity", test::SmallChainScenario(), R"({"levers": ["no.such.lever"]})");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(), "no.such.lever: unknown lever");
}

TEST(AnalysisJob, StartsFromScenarioJsonAndNamesScenarioProblems) {
  const std::string text = SaveScenarioJson(test::SmallChainWithRisks());
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis("montecarlo", text, R"({"runs": 3})");
  ASSERT_TRUE(job.ok()) << AllProblems(job.problems());
  Expected<std::unique_ptr<AnalysisJob>> broken = StartAnalysis("montecarlo", std::string_view("{\"schemaVersion\": 1"), "{}");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.problems()[0].path.rfind("scenario", 0), 0u) << broken.problems()[0].ToString();
}

}  // namespace
}  // namespace kz
