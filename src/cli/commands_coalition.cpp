// `kizuna coalition SCENARIO --framework ID [--candidates A,B,...] [--json FILE]`: a thin layer over
// AnalyzeCoalition. Prints, per candidate, its Shapley value, its gain inside, its free-rider gain
// and its incentive to join; whether the Shapley split is in the core; and the effect on non-members.
#include "commands_coalition.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "kizuna/coalition_analysis.hpp"
#include "scenario_source.hpp"

namespace kz::cli {
namespace {

int ReportProblems(const std::string& what, const std::vector<Problem>& problems) {
  std::cerr << what << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems") << "\n";
  for (const Problem& problem : problems) std::cerr << "  " << problem.ToString() << "\n";
  return 2;
}

// "{A, B}" for a coalition mask.
std::string CoalitionNames(const CoalitionAnalysis& a, std::uint32_t mask) {
  std::string names;
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    if ((mask >> i) & 1U) names += (names.empty() ? "" : ", ") + a.candidates[i];
  }
  return "{" + names + "}";
}

void PrintTable(const CoalitionAnalysis& a) {
  const std::size_t n = a.candidates.size();
  std::printf("framework %s: %zu candidates, %zu subsets simulated; welfare change in USD against the scenario "
              "without the framework\n",
              a.frameworkId.c_str(), n, a.subsetValue.size());
  std::printf("%-10s %16s %16s %16s %18s\n", "candidate", "shapley", "gain_inside", "free_rider_gain",
              "incentive_to_join");
  for (std::size_t i = 0; i < n; ++i) {
    std::printf("%-10s %16.0f %16.0f %16.0f %18.0f\n", a.candidates[i].c_str(), a.shapley[i], a.gainInside[i],
                a.gainOutside[i], a.incentiveToJoin[i]);
  }
  std::printf("grand coalition value v(N): %.0f\n", a.subsetValue.back());
  if (a.core.inCore) {
    std::printf("core: the Shapley split is in the core (no coalition gains more on its own)\n");
  } else {
    std::printf("core: the Shapley split is NOT in the core: %s would gain %.0f more on its own\n",
                CoalitionNames(a, a.core.blockingCoalition).c_str(), a.core.excess);
  }
  std::printf("non-members: total effect %.0f\n", a.nonMemberEffect);
  for (std::size_t r = 0; r < a.regionIds.size(); ++r) {
    bool candidate = false;
    for (const std::string& c : a.candidates) candidate = candidate || c == a.regionIds[r];
    if (!candidate) std::printf("  %-10s %16.0f\n", a.regionIds[r].c_str(), a.nonMemberEffectByRegion[r]);
  }
}

}  // namespace

int CoalitionCommand(const CoalitionOptions& options) {
  Expected<Scenario> scenario = LoadScenarioSource(options.scenario);
  if (!scenario) return ReportProblems(options.scenario, scenario.problems());
  // The subset count for progress lines; an unknown framework is reported by the analysis itself.
  std::size_t n = options.candidates.size();
  for (const Framework& framework : scenario.value().frameworks) {
    if (n == 0 && framework.id == options.framework) n = framework.members.size();
  }
  const double subsets = n < 31 ? static_cast<double>(1UL << n) : 0.0;
  using Clock = std::chrono::steady_clock;
  Clock::time_point lastPrint = Clock::now();
  const Progress progress = [&](double fraction) {
    const Clock::time_point now = Clock::now();
    if (now - lastPrint >= std::chrono::milliseconds(500)) {
      lastPrint = now;
      std::fprintf(stderr, "coalition: %.0f/%.0f subsets\n", std::round(fraction * subsets), subsets);
    }
    return true;
  };
  Expected<CoalitionAnalysis> analysis =
      AnalyzeCoalition(scenario.value(), options.framework, options.candidates, progress);
  if (!analysis) return ReportProblems(options.scenario, analysis.problems());
  PrintTable(analysis.value());
  if (!options.jsonPath.empty()) {
    std::ofstream file(options.jsonPath, std::ios::binary);
    file << SaveCoalitionAnalysisJson(analysis.value());
    file.close();
    if (!file) {
      std::cerr << options.jsonPath << ": could not be written\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace kz::cli
