// The coalition benchmark (see bench_coalition.hpp). The framework uses rules that touch every month
// of the run (information sharing, partner priority) so the timing includes their cost in the engine.
#include "bench_coalition.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kizuna/coalition_analysis.hpp"
#include "kizuna/synthetic.hpp"

namespace kz::cli {

Scenario CoalitionBenchScenario() {
  SyntheticSpec spec;
  spec.regions = kMaxCoalitionCandidates;
  spec.goods = 10;
  spec.months = 120;
  Scenario scenario = MakeSyntheticScenario(spec);
  Framework club;
  club.id = "bench-club";
  club.name.en = "Benchmark club";
  for (const Region& region : scenario.regions) club.members.push_back(region.id);
  club.informationSharing.enabled = true;
  club.informationSharing.lagMonths = 1;
  club.partnerPriority.enabled = true;
  club.partnerPriority.priority = 1.0;
  scenario.frameworks.push_back(club);
  return scenario;
}

std::string CoalitionBenchReport(int runs) {
  runs = std::max(1, runs);
  const Scenario scenario = CoalitionBenchScenario();
  const std::string clubId = scenario.frameworks.front().id;
  SyntheticSpec spec;  // the sizes, for the report
  spec.regions = kMaxCoalitionCandidates;
  spec.goods = 10;
  spec.months = 120;
  std::vector<double> seconds;
  double grandValue = 0.0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const Expected<CoalitionAnalysis> analysis = AnalyzeCoalition(scenario, clubId, {});
    const auto end = std::chrono::steady_clock::now();
    if (!analysis) return "coalition benchmark scenario rejected: " + analysis.problems().front().ToString() + "\n";
    grandValue = analysis.value().subsetValue.back();
    seconds.push_back(std::chrono::duration<double>(end - start).count());
  }
  const double first = seconds.front();  // in wasm it includes the JIT's tier-up
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  char line[256];
  std::snprintf(line, sizeof line,
                "coalition 12 candidates (4096 subsets), %d regions x %d goods x %d m: median %.3f s  min %.3f s  "
                "first %.3f s  (%.3f ms per subset, %d runs; v(N) = %.6g)\n",
                spec.regions, spec.goods, spec.months, median, seconds.front(), first, 1000.0 * median / 4096.0, runs,
                grandValue);
  return line;
}

}  // namespace kz::cli
