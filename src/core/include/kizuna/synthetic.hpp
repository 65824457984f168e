// Generated scenarios of any size: for benchmarks (10 regions x 10 goods x 120 months and larger)
// and for property tests over many random valid networks. Deterministic in the seed.
#pragma once

#include <cstdint>

#include "kizuna/scenario.hpp"

namespace kz {

struct SyntheticSpec {
  int regions = 10;           ///< 1..200
  int goods = 10;             ///< 1..200; goods form tiers, each made from up to 3 goods of earlier tiers
  int months = 120;           ///< 1..kMaxHorizonMonths
  std::uint64_t seed = 1;
  int events = 4;             ///< random disruptions of every kind
  bool policies = true;       ///< random stockpiles, investments, substitution, recycling, export controls
};

/// A valid scenario (ValidateScenario finds no problem) with capacities that cover baseline demand
/// with some slack, so disruptions, not the baseline, cause shortfalls.
Scenario MakeSyntheticScenario(const SyntheticSpec& spec);

}  // namespace kz
