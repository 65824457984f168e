// Analyses split into parts (analysis_job.hpp: options partIndex / partCount, ExportPart,
// AbsorbPart), as the page's pool of Web Workers runs them: every split, merged in order by the job
// of part 0, gives the one-shot job's JSON bit for bit, for all three kinds; parts out of order, of
// another kind or damaged are refused and leave the job as it was.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine_fixtures.hpp"
#include "kizuna/analysis_job.hpp"
#include "risk_scenarios.hpp"
#include "test_scenarios.hpp"

namespace kz {
namespace {

using test::AllProblems;

std::unique_ptr<AnalysisJob> Start(std::string_view kind, const Scenario& scenario, const std::string& options) {
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(kind, scenario, options);
  EXPECT_TRUE(job.ok()) << options << ": " << (job.ok() ? "" : AllProblems(job.problems()));
  return job.ok() ? std::move(job.value()) : nullptr;
}

void RunToEnd(AnalysisJob& job) {
  for (int guard = 0; !job.Done() && guard < 100000; ++guard) {
    const std::vector<Problem> problems = job.Step();
    ASSERT_TRUE(problems.empty()) << AllProblems(problems);
  }
  ASSERT_TRUE(job.Done());
  EXPECT_EQ(job.Fraction(), 1.0);
}

// `options` (a JSON object's fields, without braces) as one job.
std::string OneShot(std::string_view kind, const Scenario& scenario, const std::string& options) {
  std::unique_ptr<AnalysisJob> job = Start(kind, scenario, "{" + options + "}");
  if (!job) return "";
  RunToEnd(*job);
  return job->Json();
}

// The same in `parts` parts, each run by its own job, merged in order into part 0's job.
std::string InParts(std::string_view kind, const Scenario& scenario, const std::string& options, int parts) {
  std::vector<std::unique_ptr<AnalysisJob>> jobs;
  for (int i = 0; i < parts; ++i) {
    jobs.push_back(Start(kind, scenario, "{" + options + ",\"partIndex\":" + std::to_string(i) +
                                             ",\"partCount\":" + std::to_string(parts) + "}"));
    if (!jobs.back()) return "";
    RunToEnd(*jobs.back());
  }
  AnalysisJob& merger = *jobs.front();
  if (parts > 1) {
    EXPECT_NE(merger.Json().find("\"done\":false"), std::string::npos) << "part 0 alone is not the result";
  }
  for (int i = 1; i < parts; ++i) {
    const std::vector<Problem> problems = merger.AbsorbPart(jobs[static_cast<std::size_t>(i)]->ExportPart());
    EXPECT_TRUE(problems.empty()) << "part " << i << " of " << parts << ": " << AllProblems(problems);
  }
  EXPECT_TRUE(merger.Done());
  return merger.Json();
}

TEST(AnalysisParts, MonteCarloInAnyPartsIsBitIdenticalToOneJob) {
  const Scenario scenario = test::SmallChainWithRisks();
  for (const std::string options : {R"("runs": 30, "seed": 11, "chunkRuns": 4)", R"("runs": 3, "seed": 5)"}) {
    const std::string whole = OneShot("montecarlo", scenario, options);
    ASSERT_NE(whole.find("\"hash\":"), std::string::npos);
    for (const int parts : {1, 2, 3, 7}) {  // with 3 runs, 7 parts leave some empty
      EXPECT_EQ(InParts("montecarlo", scenario, options, parts), whole) << options << " in " << parts << " parts";
    }
  }
}

TEST(AnalysisParts, CoalitionInAnyPartsIsBitIdenticalToOneJob) {
  const Scenario scenario = test::OreClubScenario();
  const std::string options = R"("candidates": ["A", "B", "C"], "chunkSubsets": 2)";
  const std::string whole = OneShot("coalition", scenario, options);
  ASSERT_NE(whole.find("\"shapley\":"), std::string::npos) << whole;
  for (const int parts : {1, 2, 3, 4, 9}) {
    EXPECT_EQ(InParts("coalition", scenario, options, parts), whole) << parts << " parts";
  }
}

TEST(AnalysisParts, SensitivityInAnyPartsIsBitIdenticalToOneJob) {
  const Scenario scenario = test::SmallChainScenario();
  const std::string options = R"("metric": "loss")";  // every lever
  const std::string whole = OneShot("sensitivity", scenario, options);
  ASSERT_NE(whole.find("\"rows\":[{"), std::string::npos) << whole;
  for (const int parts : {1, 2, 3, 5, 64}) {
    EXPECT_EQ(InParts("sensitivity", scenario, options, parts), whole) << parts << " parts";
  }
}

TEST(AnalysisParts, PartsOutOfOrderOfAnotherKindOrDamagedAreRefused) {
  const Scenario scenario = test::SmallChainWithRisks();
  auto part = [&](int index) {
    std::unique_ptr<AnalysisJob> job = Start("montecarlo", scenario, R"({"runs": 9, "seed": 2, "partCount": 3, "partIndex": )" +
                                                                         std::to_string(index) + "}");
    RunToEnd(*job);
    return job;
  };
  std::unique_ptr<AnalysisJob> first = part(0);
  const std::string before = first->Json();
  const std::string third = part(2)->ExportPart();
  const std::string second = part(1)->ExportPart();
  EXPECT_FALSE(first->AbsorbPart(third).empty()) << "part 2 before part 1";
  EXPECT_FALSE(first->AbsorbPart(second.substr(0, second.size() - 1)).empty()) << "truncated";
  EXPECT_FALSE(first->AbsorbPart("").empty());
  std::unique_ptr<AnalysisJob> sensitivity =
      Start("sensitivity", test::SmallChainScenario(), R"({"partCount": 3, "partIndex": 1})");
  RunToEnd(*sensitivity);
  EXPECT_FALSE(first->AbsorbPart(sensitivity->ExportPart()).empty()) << "another kind";
  EXPECT_EQ(first->Json(), before) << "refused parts leave the job as it was";
  EXPECT_TRUE(first->AbsorbPart(second).empty());
  EXPECT_TRUE(first->AbsorbPart(third).empty());
  EXPECT_NE(first->Json().find("\"done\":true"), std::string::npos);

  Expected<std::unique_ptr<AnalysisJob>> bad = StartAnalysis("montecarlo", scenario, R"({"partCount": 2, "partIndex": 2})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.problems().front().path, "options.partIndex");
}

}  // namespace
}  // namespace kz
