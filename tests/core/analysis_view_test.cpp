// Reading analysis results back (LoadMonteCarloViewJson, LoadCoalitionViewJson,
// LoadSensitivityViewJson): what a stepped job writes, partial and final, reads back to the one-shot
// analysis's figures bit for bit; damaged JSON (truncated, another kind, wrong types, unknown
// fields, sizes that do not match) is refused with a message naming the place.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "engine_fixtures.hpp"
#include "kizuna/analysis_job.hpp"
#include "kizuna/coalition_analysis.hpp"
#include "kizuna/montecarlo.hpp"
#include "kizuna/sensitivity.hpp"
#include "risk_scenarios.hpp"
#include "test_scenarios.hpp"

namespace kz {
namespace {

using test::AllProblems;

// Every JSON a stepped job writes, partial ones first, the final one last.
std::vector<std::string> JobJsons(std::string_view kind, const Scenario& scenario, std::string_view options) {
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(kind, scenario, options);
  EXPECT_TRUE(job.ok()) << (job.ok() ? "" : AllProblems(job.problems()));
  std::vector<std::string> jsons;
  if (!job.ok()) return jsons;
  for (int guard = 0; !job.value()->Done() && guard < 1000; ++guard) {
    EXPECT_TRUE(job.value()->Step().empty());
    jsons.push_back(job.value()->Json());
  }
  return jsons;
}

// `json` with the first `from` replaced by `to` (which must be there: a test of damage must damage).
std::string Damaged(std::string json, const std::string& from, const std::string& to) {
  const std::size_t at = json.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? json : json.replace(at, from.size(), to);
}

// The first problem of reading `json` with `load`, as "path: message" ("" when it reads).
template <typename Load>
std::string FirstProblem(Load load, const std::string& json) {
  const auto read = load(json);
  return read.ok() ? std::string() : read.problems().front().ToString();
}

TEST(AnalysisView, MonteCarloReadsBackTheOneShotResultsBitForBit) {
  const Scenario scenario = test::SmallChainWithRisks();
  const Expected<MonteCarloResults> whole = RunMonteCarlo(scenario, 30, 11);
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());
  const MonteCarloResults& expected = whole.value();
  const std::vector<std::string> jsons = JobJsons("montecarlo", scenario, R"({"runs": 30, "seed": 11, "chunkRuns": 10})");
  ASSERT_EQ(jsons.size(), 3u);

  const Expected<MonteCarloView> partial = LoadMonteCarloViewJson(jsons.front());
  ASSERT_TRUE(partial.ok()) << AllProblems(partial.problems());
  EXPECT_FALSE(partial.value().done);
  EXPECT_EQ(partial.value().runs, 10);
  EXPECT_EQ(partial.value().runsRequested, 30);
  EXPECT_EQ(partial.value().hash, "") << "partial results carry no fingerprint";

  const Expected<MonteCarloView> read = LoadMonteCarloViewJson(jsons.back());
  ASSERT_TRUE(read.ok()) << AllProblems(read.problems());
  const MonteCarloView& v = read.value();
  EXPECT_TRUE(v.done);
  EXPECT_EQ(v.runs, 30);
  EXPECT_EQ(v.seed, "11");
  EXPECT_EQ(v.months, expected.runs.months);
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(HashMonteCarloResults(expected)));
  EXPECT_EQ(v.hash, hash);
  EXPECT_EQ(v.hazards, (std::vector<std::string>{"cn-oxide-outage", "cn-export-ban"}));
  EXPECT_EQ(v.regions, expected.runs.regionIds);
  EXPECT_EQ(v.expectedLoss, expected.expectedLoss);  // exact: shortest round-trip text, read at full precision
  EXPECT_EQ(v.expectedTotalLoss, expected.expectedTotalLoss);
  EXPECT_EQ(v.cvar95, expected.cvar95);
  EXPECT_EQ(v.shortfallThreshold, expected.shortfallThreshold);
  ASSERT_EQ(v.cells.size(), 2u);  // motors in CN and JP have final demand (test_scenarios.hpp)
  for (const MonteCarloCell& cell : v.cells) {
    const int r = cell.region == "CN" ? 0 : 1;
    int g = 0;
    while (expected.runs.goodIds[static_cast<std::size_t>(g)] != cell.good) ++g;
    EXPECT_EQ(expected.runs.regionIds[static_cast<std::size_t>(r)], cell.region);
    EXPECT_EQ(cell.shortfallProbability, expected.shortfallProbability[static_cast<std::size_t>(r * expected.runs.goods + g)]);
    for (int p = 0; p < 5; ++p) {
      ASSERT_EQ(cell.fulfilment[static_cast<std::size_t>(p)].size(), static_cast<std::size_t>(v.months));
      for (int t = 0; t < v.months; ++t) {
        EXPECT_EQ(cell.fulfilment[static_cast<std::size_t>(p)][static_cast<std::size_t>(t)],
                  expected.bands[expected.BandIndex(BandSeries::Fulfilment, p, t, r, g)]);
      }
    }
  }
}

TEST(AnalysisView, MonteCarloBeforeItsFirstRunsHasNoStatistics) {
  const Expected<MonteCarloView> v =
      LoadMonteCarloViewJson(R"({"kind":"montecarlo","done":false,"fraction":0,"runsRequested":50,"runs":0})");
  ASSERT_TRUE(v.ok()) << AllProblems(v.problems());
  EXPECT_EQ(v.value().runsRequested, 50);
  EXPECT_TRUE(v.value().cells.empty());
}

TEST(AnalysisView, DamagedMonteCarloJsonIsRefusedNamingThePlace) {
  const std::string json = JobJsons("montecarlo", test::SmallChainWithRisks(), R"({"runs": 6, "seed": 2})").back();
  ASSERT_TRUE(LoadMonteCarloViewJson(json).ok());
  const auto load = [](const std::string& text) { return LoadMonteCarloViewJson(text); };
  EXPECT_EQ(FirstProblem(load, json.substr(0, json.size() / 2)).rfind("not valid JSON: ", 0), 0u);
  EXPECT_EQ(FirstProblem(load, "[1, 2]"), "must be a JSON object, got array");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"kind\":\"montecarlo\"", "\"kind\":\"coalition\"")), "kind: must be \"montecarlo\"");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"done\":true", "\"done\":1")), "done: must be true or false, got number");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"runs\":6,", "\"runs\":\"six\",")), "runs: must be a number, got string");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"runs\":6,", "\"runs\":6.5,")), "runs: must be a whole number >= 0, got 6.5");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"cvar95\":", "\"cvar\":0,\"cvar95\":")), "cvar: unknown field (did you mean 'cvar95'?)");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"cvar95\":", "\"cvar95\":\"high\",\"x\":")), "x: unknown field");
  EXPECT_EQ(FirstProblem(load, Damaged(json, ",\"cvar95\":", ",\"cvar95\":\"high\",\"cvar95\":")), "cvar95: duplicate field");
  EXPECT_EQ(FirstProblem(load, Damaged(json, ",\"cells\":", ",\"cellz\":")), "cellz: unknown field (did you mean 'cells'?)");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"fulfilment\":[[", "\"fulfilment\":[[\"x\",")),
            "cells[0].fulfilment[0][0]: must be a number or null, got string");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"fulfilment\":[[", "\"fulfilment\":[[1,")),
            "cells[0].fulfilment[0]: must have one value per month (24)");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"fulfilment\":[", "\"fulfilment\":[[],")),
            "cells[0].fulfilment: at most 5 items, got 6");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"expectedLoss\":[", "\"expectedLoss\":[0,")), "expectedLoss: must have one value per region");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"hash\":", "\"hush\":")), "hush: unknown field (did you mean 'hash'?)");
  // A number that was not finite is written null (json_write.hpp) and read as 0 in a list.
  const Expected<MonteCarloView> withNull = LoadMonteCarloViewJson(Damaged(json, "\"expectedLoss\":[", "\"expectedLoss\":[null,0,"));
  ASSERT_FALSE(withNull.ok());
  EXPECT_EQ(withNull.problems().front().ToString(), "expectedLoss: must have one value per region") << "two values too many";
}

TEST(AnalysisView, CoalitionPartialsKnowWhichSubsetsRanAndTheFinalReadsBackExactly) {
  const Scenario scenario = test::OreClubScenario();
  const Expected<CoalitionAnalysis> whole = AnalyzeCoalition(scenario, "ore-club", {"A", "B", "C"});
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());
  const CoalitionAnalysis& expected = whole.value();
  const std::vector<std::string> jsons =
      JobJsons("coalition", scenario, R"({"framework": "ore-club", "candidates": ["A", "B", "C"], "chunkSubsets": 3})");
  ASSERT_EQ(jsons.size(), 3u);  // 8 subsets, the baseline done at start: 7 in chunks of 3

  const Expected<CoalitionView> partial = LoadCoalitionViewJson(jsons.front());
  ASSERT_TRUE(partial.ok()) << AllProblems(partial.problems());
  EXPECT_FALSE(partial.value().done);
  EXPECT_EQ(partial.value().subsetsDone, 4);
  EXPECT_EQ(partial.value().known, (std::vector<bool>{true, true, true, true, false, false, false, false}));
  EXPECT_TRUE(partial.value().StandAlone(1).has_value());   // mask 2
  EXPECT_FALSE(partial.value().StandAlone(2).has_value());  // mask 4: not yet
  EXPECT_FALSE(partial.value().StandAlone(40).has_value());
  EXPECT_FALSE(partial.value().GrandValue().has_value());
  EXPECT_TRUE(partial.value().shapley.empty()) << "derived figures come with the final result";

  const Expected<CoalitionView> read = LoadCoalitionViewJson(jsons.back());
  ASSERT_TRUE(read.ok()) << AllProblems(read.problems());
  const CoalitionView& v = read.value();
  EXPECT_TRUE(v.done);
  EXPECT_EQ(v.framework, "ore-club");
  EXPECT_EQ(v.candidates, expected.candidates);
  EXPECT_EQ(v.regions, expected.regionIds);
  EXPECT_EQ(v.subsetValue, expected.subsetValue);
  EXPECT_EQ(v.known, std::vector<bool>(8, true));
  EXPECT_EQ(v.shapley, expected.shapley);
  EXPECT_EQ(v.gainInside, expected.gainInside);
  EXPECT_EQ(v.gainOutside, expected.gainOutside);
  EXPECT_EQ(v.incentiveToJoin, expected.incentiveToJoin);
  EXPECT_EQ(v.inCore, expected.core.inCore);
  EXPECT_EQ(v.excess, expected.core.excess);
  EXPECT_EQ(v.nonMemberEffect, expected.nonMemberEffect);
  EXPECT_EQ(v.nonMemberEffectByRegion, expected.nonMemberEffectByRegion);
  ASSERT_TRUE(v.GrandValue());
  EXPECT_EQ(*v.GrandValue(), expected.subsetValue.back());
}

TEST(AnalysisView, DamagedCoalitionJsonIsRefusedNamingThePlace) {
  const std::vector<std::string> jsons =
      JobJsons("coalition", test::OreClubScenario(), R"({"framework": "ore-club", "candidates": ["A", "B", "C"], "chunkSubsets": 4})");
  ASSERT_EQ(jsons.size(), 2u);
  const std::string& partial = jsons.front();
  const std::string& final = jsons.back();
  const auto load = [](const std::string& text) { return LoadCoalitionViewJson(text); };
  EXPECT_EQ(FirstProblem(load, final), "");
  EXPECT_EQ(FirstProblem(load, Damaged(partial, "\"subsetValue\":[", "\"subsetValue\":[0,")),
            "subsetValue: must have 2^n values for n = 3 candidates");
  EXPECT_EQ(FirstProblem(load, Damaged(partial, "\"subsetValue\":[", "\"subsetValue\":[\"0\",")),
            "subsetValue[0]: must be a number or null, got string");
  EXPECT_EQ(FirstProblem(load, Damaged(final, "\"shapley\":[", "\"shapley\":[1,")), "shapley: must have one value per candidate");
  EXPECT_EQ(FirstProblem(load, Damaged(final, "\"inCore\":", "\"inCore\":1,\"z\":")).rfind("core.z: unknown field", 0), 0u);
  EXPECT_EQ(FirstProblem(load, Damaged(final, "\"core\":{", "\"core\":{\"in\":0,")),
            "core.in: unknown field (did you mean 'inCore'?)");
  EXPECT_EQ(FirstProblem(load, Damaged(final, "\"nonMemberEffectByRegion\":[", "\"nonMemberEffectByRegion\":[0,")),
            "nonMemberEffectByRegion: must have one value per region");
  EXPECT_EQ(FirstProblem(load, Damaged(final, "\"kind\":\"coalition\"", "\"kind\":\"sensitivity\"")), "kind: must be \"coalition\"");
  EXPECT_EQ(FirstProblem(load, final.substr(0, final.size() / 2)).rfind("not valid JSON: ", 0), 0u);
}

TEST(AnalysisView, SensitivityRowsReadBackTheOneShotRows) {
  const Scenario scenario = test::SmallChainScenario();
  SensitivityOptions options;
  options.metric = "loss";
  const std::vector<std::string> jsons = JobJsons("sensitivity", scenario, R"({"metric": "loss", "chunkLevers": 4})");
  ASSERT_GE(jsons.size(), 2u);
  const Expected<SensitivityResults> whole = RunSensitivity(scenario, options);
  ASSERT_TRUE(whole.ok()) << AllProblems(whole.problems());

  const Expected<SensitivityView> partial = LoadSensitivityViewJson(jsons.front());
  ASSERT_TRUE(partial.ok()) << AllProblems(partial.problems());
  EXPECT_FALSE(partial.value().done);
  EXPECT_EQ(partial.value().rows.size(), 4u);
  EXPECT_EQ(partial.value().leversDone, 4);

  const Expected<SensitivityView> read = LoadSensitivityViewJson(jsons.back());
  ASSERT_TRUE(read.ok()) << AllProblems(read.problems());
  const SensitivityView& v = read.value();
  EXPECT_TRUE(v.done);
  EXPECT_EQ(v.metric, "loss");
  EXPECT_EQ(v.unit, "USD");
  EXPECT_EQ(v.baseline, whole.value().baseline);
  ASSERT_EQ(v.rows.size(), whole.value().rows.size());
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const SensitivityRow& row = whole.value().rows[i];
    EXPECT_EQ(v.rows[i].path, row.path);
    EXPECT_EQ(v.rows[i].label, row.label);
    EXPECT_EQ(v.rows[i].value, row.value);
    EXPECT_EQ(v.rows[i].low, row.low);
    EXPECT_EQ(v.rows[i].high, row.high);
    EXPECT_EQ(v.rows[i].metricLow, row.metricLow);
    EXPECT_EQ(v.rows[i].metricHigh, row.metricHigh);
    EXPECT_EQ(v.rows[i].swing, row.swing);
  }
}

TEST(AnalysisView, DamagedSensitivityJsonIsRefusedNamingThePlace) {
  const std::string json = JobJsons("sensitivity", test::SmallChainScenario(), R"({"metric": "loss"})").back();
  const auto load = [](const std::string& text) { return LoadSensitivityViewJson(text); };
  EXPECT_EQ(FirstProblem(load, json), "");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"swing\":", "\"swing\":\"big\",\"swung\":")),
            "rows[0].swung: unknown field (did you mean 'swing'?)");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"rows\":[", "\"rows\":[7,")), "rows[0]: must be an object, got number");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"unit\":\"USD\",", "")), "unit: required field is missing");
  EXPECT_EQ(FirstProblem(load, Damaged(json, "\"baseline\":", "\"baseline\":null,\"b\":")).rfind("b: unknown field", 0), 0u);
  EXPECT_EQ(FirstProblem(load, "{\"kind\":\"coalition\"}"), "kind: must be \"sensitivity\"");
  EXPECT_EQ(FirstProblem(load, ""), "not valid JSON: The document is empty. (offset 0)");
}

}  // namespace
}  // namespace kz
