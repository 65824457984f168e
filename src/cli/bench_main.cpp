// kizuna_bench: engine timings without the CLI's dependencies, so the same program runs natively and
// as wasm under node (BENCHMARKS.md compares the two).
// Usage: kizuna_bench [runs] [regions goods months]   (no size: the whole scaling series)
//        kizuna_bench mc [runs [repetitions]]         (Monte Carlo, 10 x 10 x 120 with 10 hazards; 7 calls)
//        kizuna_bench coalition [runs]                (coalition analysis, 12 candidates = 4,096 runs)
//        kizuna_bench scenario mc|coalition           (prints the scenario JSON of those two, for
//                                                      web/tools/pool_bench.mjs)
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench.hpp"
#include "bench_coalition.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/synthetic.hpp"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "mc") == 0) {
    const int mcRuns = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int repetitions = argc > 3 ? std::atoi(argv[3]) : 7;
    if (mcRuns < 1 || repetitions < 1) {
      std::fprintf(stderr, "usage: kizuna_bench mc [runs >= 1 [repetitions >= 1]]\n");
      return 2;
    }
    std::printf("%s", kz::cli::MonteCarloReport(mcRuns, repetitions).c_str());
    return 0;
  }
  if (argc == 3 && std::strcmp(argv[1], "scenario") == 0) {
    const bool mc = std::strcmp(argv[2], "mc") == 0;
    if (!mc && std::strcmp(argv[2], "coalition") != 0) {
      std::fprintf(stderr, "usage: kizuna_bench scenario mc|coalition\n");
      return 2;
    }
    std::printf("%s\n", kz::SaveScenarioJson(mc ? kz::cli::MonteCarloBenchScenario() : kz::cli::CoalitionBenchScenario()).c_str());
    return 0;
  }
  if (argc > 1 && std::strcmp(argv[1], "coalition") == 0) { std::printf("%s", kz::cli::CoalitionBenchReport(argc > 2 ? std::atoi(argv[2]) : 3).c_str()); return 0; }
  const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
  if (runs < 1 || (argc != 1 && argc != 2 && argc != 5)) {
    std::fprintf(stderr, "usage: kizuna_bench [runs >= 1] [regions goods months]\n");
    return 2;
  }
  if (argc == 2 || argc == 1) {
    std::printf("%s", kz::cli::ScalingReport(runs).c_str());
    return 0;
  }
  kz::SyntheticSpec spec;
  spec.regions = std::atoi(argv[2]);
  spec.goods = std::atoi(argv[3]);
  spec.months = std::atoi(argv[4]);
  kz::Expected<kz::Simulation> simulation = kz::Simulation::Create(kz::MakeSyntheticScenario(spec));
  if (!simulation) {
    std::fprintf(stderr, "%s\n", simulation.problems().front().ToString().c_str());
    return 2;
  }
  char label[64];
  std::snprintf(label, sizeof label, "%d regions x %d goods x %d m", spec.regions, spec.goods, spec.months);
  std::printf("%s\n", kz::cli::FormatFigures(label, kz::cli::TimeRuns(simulation.value(), runs)).c_str());
  return 0;
}
