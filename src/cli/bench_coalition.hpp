// Timing of a whole coalition analysis (2^12 = 4,096 simulations), shared by `kizuna_bench coalition`
// natively and as wasm under node. Reports figures; asserts nothing.
#pragma once

#include <string>

#include "kizuna/scenario.hpp"

namespace kz::cli {

/// The coalition benchmark's scenario: a synthetic 12 regions x 10 goods x 120 months network with a
/// framework "bench-club" of all 12 regions (information sharing and partner priority).
Scenario CoalitionBenchScenario();
/// Times AnalyzeCoalition `runs` times on a synthetic 12 regions x 10 goods x 120 months network with
/// a framework of all 12 regions (information sharing and partner priority): one line with the median,
/// min and per-subset time, and the grand coalition's value (non-zero once the framework rules act).
std::string CoalitionBenchReport(int runs);

}  // namespace kz::cli
