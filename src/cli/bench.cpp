// Engine timings with std::chrono::steady_clock (emscripten maps it to performance.now()).
#include "bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kizuna/synthetic.hpp"

namespace kz::cli {

BenchFigures TimeRuns(const Simulation& simulation, int runs) {
  runs = std::max(1, runs);
  Results results;
  // Warm-up: sizes the results, fills the caches and, in wasm, lets the engine's JIT tier up.
  for (int i = 0; i < std::max(3, runs / 10); ++i) simulation.Run(results);
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    simulation.Run(results);
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1) + 0.5)]; };
  return BenchFigures{runs, at(0.5), at(0.1), at(0.9), ms.front()};
}

std::string FormatFigures(const std::string& label, const BenchFigures& f) {
  char line[256];
  std::snprintf(line, sizeof line, "%-28s median %8.3f ms  p10 %8.3f  p90 %8.3f  min %8.3f  (%d runs)",
                label.c_str(), f.medianMs, f.p10Ms, f.p90Ms, f.minMs, f.runs);
  return line;
}

std::string ScalingReport(int runs) {
  struct Size { int regions, goods, months; };
  const Size sizes[] = {{10, 10, 120}, {20, 10, 120}, {40, 10, 120}, {10, 20, 120}, {10, 40, 120},
                        {10, 10, 240}, {32, 32, 240}};
  std::string report;
  for (const Size& size : sizes) {
    SyntheticSpec spec;
    spec.regions = size.regions;
    spec.goods = size.goods;
    spec.months = size.months;
    Expected<Simulation> simulation = Simulation::Create(MakeSyntheticScenario(spec));
    if (!simulation) {
      report += "synthetic scenario rejected: " + simulation.problems().front().ToString() + "\n";
      continue;
    }
    const int scaledRuns = std::max(5, runs * 1200 / (size.regions * size.goods * size.months / 10));
    char label[64];
    std::snprintf(label, sizeof label, "%d regions x %d goods x %d m", size.regions, size.goods, size.months);
    report += FormatFigures(label, TimeRuns(simulation.value(), std::min(runs, scaledRuns))) + "\n";
  }
  return report;
}

}  // namespace kz::cli
