// Timing of engine runs, shared by `kizuna bench` and the kizuna_bench executable (native and wasm).
// Benchmarks report figures; they assert nothing (tests do that).
#pragma once

#include <cstdint>
#include <string>

#include "kizuna/engine.hpp"

namespace kz::cli {

struct BenchFigures {
  int runs = 0;
  double medianMs = 0.0;
  double p10Ms = 0.0;
  double p90Ms = 0.0;
  double minMs = 0.0;
};

/// Runs `simulation` `runs` times (after runs/10, at least 3, warm-up runs) into one reused Results.
BenchFigures TimeRuns(const Simulation& simulation, int runs);

/// One line: "<label>  median 0.412 ms  p10 0.401  p90 0.455  min 0.398  (200 runs)".
std::string FormatFigures(const std::string& label, const BenchFigures& figures);

/// The synthetic scaling series: runs of R regions x G goods x M months for a few sizes, one line each.
std::string ScalingReport(int runs);

/// Adds `hazards` random hazards (every kind, probabilities 5-30% a year, triangular severity and
/// duration) to a synthetic scenario, so Monte Carlo has something to draw. Deterministic in `seed`.
void AddSyntheticRisks(Scenario& scenario, int hazards, std::uint64_t seed);

/// The Monte Carlo benchmark's scenario: the 10 x 10 x 120 synthetic network with 10 hazards.
Scenario MonteCarloBenchScenario();
/// Times `repetitions` RunMonteCarlo calls of `runs` runs each over the 10 x 10 x 120 synthetic
/// scenario with 10 hazards. One line: the median call (total and per run), the first call (in wasm
/// it includes the JIT's tier-up) and the fastest, strikes per run, histogram memory.
std::string MonteCarloReport(int runs, int repetitions);

}  // namespace kz::cli
