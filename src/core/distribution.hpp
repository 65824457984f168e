// Kizuna's own sampling of the risk register's distributions (fixed, uniform, triangular), so draws
// are bit-identical natively and in wasm: only +, -, *, / and std::sqrt (correctly rounded in IEEE
// 754), never std:: distributions or pow/exp/log. Internal to src/core (tests may use it).
#pragma once

#include "kizuna/scenario.hpp"

namespace kz {

/// The JSON name of a distribution kind: "fixed", "uniform", "triangular".
const char* DistributionKindName(DistributionKind kind);

/// The value of `distribution` at the uniform variate `u` in [0, 1) (inverse CDF). Fixed: mode;
/// uniform: low + (high - low) u; triangular on [low, high] with peak `mode`:
/// low + sqrt(u (high - low)(mode - low)) below F(mode) = (mode - low)/(high - low), else
/// high - sqrt((1 - u)(high - low)(high - mode)). Needs low <= mode <= high (validated scenarios).
double SampleDistribution(const Distribution& distribution, double u);

}  // namespace kz
