// Engine timings with std::chrono::steady_clock (emscripten maps it to performance.now()).
#include "bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kizuna/montecarlo.hpp"
#include "kizuna/rng.hpp"
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

void AddSyntheticRisks(Scenario& s, int hazards, std::uint64_t seed) {
  Rng rng = Rng::ForStream(seed, 0x715c);
  auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng.NextBelow(n)); };
  auto uniform = [&rng](double lo, double hi) { return lo + (hi - lo) * rng.NextUniform(); };
  for (int i = 0; i < hazards; ++i) {
    Hazard h;
    h.id = "hazard" + std::to_string(i);
    h.name.en = "Hazard " + std::to_string(i);
    h.kind = static_cast<EventKind>(i % 4);
    const std::size_t seller = pick(s.regions.size());
    h.regions = {s.regions[seller].id};
    if (h.kind != EventKind::Chokepoint) h.goods = {s.goods[pick(s.goods.size())].id};
    if (h.kind == EventKind::ExportRestriction && s.regions.size() > 1) {
      h.targets = {s.regions[(seller + 1 + pick(s.regions.size() - 1)) % s.regions.size()].id};
    }
    h.annualProbability = uniform(0.05, 0.3);
    const double low = uniform(0.1, 0.4);
    h.severity = {DistributionKind::Triangular, low, low + 0.2, low + 0.5};
    h.durationMonths = {DistributionKind::Triangular, 1.0, uniform(2.0, 6.0), 12.0};
    h.recovery = i % 2 == 0 ? RecoveryShape::Linear : RecoveryShape::Step;
    h.recoveryMonths = i % 2 == 0 ? 6 : 0;
    s.risks.push_back(h);
  }
}

Scenario MonteCarloBenchScenario() {
  SyntheticSpec spec;  // 10 regions x 10 goods x 120 months
  Scenario scenario = MakeSyntheticScenario(spec);
  AddSyntheticRisks(scenario, 10, 1);
  return scenario;
}

std::string MonteCarloReport(int runs, int repetitions) {
  const Scenario scenario = MonteCarloBenchScenario();
  repetitions = std::max(1, repetitions);
  std::vector<double> ms;
  double strikes = 0.0, histogramMb = 0.0, expectedLoss = 0.0, cvar95 = 0.0;  // the same in every repetition
  for (int i = 0; i < repetitions; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const Expected<MonteCarloResults> results = RunMonteCarlo(scenario, runs, 42);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!results) return "monte carlo failed: " + results.problems().front().ToString() + "\n";
    strikes = 0.0;
    for (const std::int32_t count : results.value().runs.strikes) strikes += count;
    histogramMb = static_cast<double>(results.value().runs.counts.size() * sizeof(std::uint32_t)) / 1e6;
    expectedLoss = results.value().expectedTotalLoss;
    cvar95 = results.value().cvar95;
  }
  const double first = ms.front();
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  char line[320];
  std::snprintf(line, sizeof line,
                "mc 10 regions x 10 goods x 120 m, 10 hazards: %d runs in %.1f ms (%.3f ms/run; first of %d %.1f ms, "
                "min %.1f ms), %.2f strikes/run, histograms %.1f MB, expected loss %.6g USD, CVaR95 %.6g USD\n",
                runs, median, median / runs, repetitions, first, ms.front(), strikes / runs, histogramMb, expectedLoss,
                cvar95);
  return line;
}

}  // namespace kz::cli
