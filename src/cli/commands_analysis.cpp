// mc and sensitivity: thin layers over kizuna/montecarlo.hpp and kizuna/sensitivity.hpp that print
// for people, report progress on stderr and read/write Monte Carlo shard files.
#include "commands_analysis.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "kizuna/montecarlo.hpp"
#include "kizuna/sensitivity.hpp"
#include "cli_output.hpp"
#include "scenario_source.hpp"

namespace kz::cli {
namespace {

// "mc: 250/1000 runs" on stderr, at most every half second (and never in the results).
Progress RunProgress(int runCount) {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  return [runCount, last](double fraction) {
    const auto now = std::chrono::steady_clock::now();
    if (now - *last >= std::chrono::milliseconds(500) || fraction >= 1.0) {
      *last = now;
      std::fprintf(stderr, "mc: %d/%d runs\n", static_cast<int>(fraction * runCount + 0.5), runCount);
    }
    return true;
  };
}

// "I/N" with 1 <= I <= N.
bool ParseShard(const std::string& text, int& index, int& count) {
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> index >> slash >> count) || slash != '/' || !in.eof()) return false;
  return count >= 1 && index >= 1 && index <= count;
}

void PrintSummary(const std::string& what, const MonteCarloResults& r) {
  const MonteCarloShard& s = r.runs;
  std::printf("%s: %d runs (runs %d..%d, seed %llu), %d hazards; results hash %016llx\n", what.c_str(), s.runCount,
              s.firstRun, s.firstRun + s.runCount - 1, static_cast<unsigned long long>(s.seed),
              static_cast<int>(s.hazardIds.size()), static_cast<unsigned long long>(HashMonteCarloResults(r)));
  std::printf("expected loss %.6g USD, CVaR95 %.6g USD\n", r.expectedTotalLoss, r.cvar95);
  std::printf("%-10s %16s\n", "region", "expected_loss_USD");
  for (int g = 0; g < s.regions; ++g) {
    std::printf("%-10s %16.6g\n", s.regionIds[static_cast<std::size_t>(g)].c_str(),
                r.expectedLoss[static_cast<std::size_t>(g)]);
  }
  std::printf("probability of a peak shortfall above %g%%:\n", 100.0 * r.shortfallThreshold);
  bool any = false;
  for (int reg = 0; reg < s.regions; ++reg) {
    for (int g = 0; g < s.goods; ++g) {
      const double p = r.shortfallProbability[static_cast<std::size_t>(reg * s.goods + g)];
      if (p <= 0.0) continue;
      any = true;
      std::printf("  %-10s %-14s %6.1f%%\n", s.regionIds[static_cast<std::size_t>(reg)].c_str(),
                  s.goodIds[static_cast<std::size_t>(g)].c_str(), 100.0 * p);
    }
  }
  if (!any) std::printf("  (none in any run)\n");
}

int MergeCommand(const McOptions& options) {
  std::vector<MonteCarloShard> shards;
  for (const std::string& path : options.merge) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return ReportProblems(path, {Problem{"", "could not be read"}});
    std::stringstream text;
    text << file.rdbuf();
    Expected<MonteCarloShard> shard = LoadMonteCarloShardJson(text.str());
    if (!shard) return ReportProblems(path, shard.problems());
    shards.push_back(std::move(shard.value()));
  }
  Expected<MonteCarloResults> merged = MergeShards(shards, options.threshold);
  if (!merged) return ReportProblems("--merge", merged.problems());
  PrintSummary("merged " + std::to_string(shards.size()) + " shards", merged.value());
  if (!options.jsonPath.empty() && !WriteFile(options.jsonPath, SaveMonteCarloShardJson(merged.value().runs))) {
    return 1;
  }
  return 0;
}

}  // namespace

int McCommand(const McOptions& options) {
  if (!options.merge.empty()) return MergeCommand(options);
  if (options.scenario.empty()) return ReportProblems("mc", {Problem{"", "a scenario (or --merge FILE...) is required"}});
  Expected<Scenario> scenario = LoadScenarioSource(options.scenario);
  if (!scenario) return ReportProblems(options.scenario, scenario.problems());
  const std::uint64_t seed = options.hasSeed ? options.seed : scenario.value().seed;

  RunRange range{0, options.runs};
  int shardIndex = 0;
  int shardCount = 0;
  if (!options.shard.empty()) {
    if (!ParseShard(options.shard, shardIndex, shardCount)) {
      return ReportProblems("--shard", {Problem{"", "'" + options.shard + "' must be I/N with 1 <= I <= N"}});
    }
    if (options.jsonPath.empty()) return ReportProblems("--shard", {Problem{"", "needs --json FILE for the shard"}});
    range = ShardRuns(options.runs, shardIndex - 1, shardCount);
    if (range.count < 1) {
      return ReportProblems("--shard", {Problem{"", "shard " + options.shard + " of " + std::to_string(options.runs) +
                                                        " runs is empty; use fewer shards"}});
    }
  }
  Expected<MonteCarloShard> shard =
      RunMonteCarloShard(scenario.value(), seed, range.first, range.count, RunProgress(range.count));
  if (!shard) return ReportProblems(options.scenario, shard.problems());
  if (!options.shard.empty()) {
    std::printf("%s: shard %d/%d, runs %d..%d of %d (seed %llu); shard hash %016llx\n", scenario.value().id.c_str(),
                shardIndex, shardCount, range.first, range.first + range.count - 1, options.runs,
                static_cast<unsigned long long>(seed), static_cast<unsigned long long>(HashMonteCarloShard(shard.value())));
    return WriteFile(options.jsonPath, SaveMonteCarloShardJson(shard.value())) ? 0 : 1;
  }
  const std::string json = options.jsonPath.empty() ? std::string() : SaveMonteCarloShardJson(shard.value());
  Expected<MonteCarloResults> results = MergeShards({std::move(shard.value())}, options.threshold);
  if (!results) return ReportProblems(options.scenario, results.problems());
  PrintSummary(scenario.value().id, results.value());
  if (!options.jsonPath.empty() && !WriteFile(options.jsonPath, json)) return 1;
  return 0;
}

int SensitivityCommand(const SensitivityCliOptions& options) {
  Expected<Scenario> scenario = LoadScenarioSource(options.scenario);
  if (!scenario) return ReportProblems(options.scenario, scenario.problems());
  SensitivityOptions analysis;
  analysis.metric = options.metric;
  analysis.spread = options.spread;
  std::stringstream paths(options.levers);
  for (std::string path; std::getline(paths, path, ',');) {
    if (!path.empty()) analysis.levers.push_back(SensitivityLever{path});
  }
  Expected<SensitivityResults> results = RunSensitivity(scenario.value(), analysis);
  if (!results) return ReportProblems(options.scenario, results.problems());
  const SensitivityResults& r = results.value();
  std::printf("%s: metric %s, baseline %.6g\n", scenario.value().id.c_str(), r.metric.c_str(), r.baseline);
  std::printf("%-52s %12s %12s %14s %14s %14s\n", "lever", "low", "high", "metric_low", "metric_high", "swing");
  for (const SensitivityRow& row : r.rows) {
    std::printf("%-52s %12g %12g %14.6g %14.6g %14.6g\n", row.path.c_str(), row.low, row.high, row.metricLow,
                row.metricHigh, row.swing);
  }
  return 0;
}

}  // namespace kz::cli
