// Shapley value and core check of a cooperative game given as a table of coalition values
// (see coalition.hpp). Both walk the 2^n coalitions in increasing bitmask order, so the summation
// order, and with it every rounding, is the same on every platform.
#include "kizuna/coalition.hpp"

#include <bit>
#include <cstddef>

#include "kizuna/assert.hpp"

namespace kz {
namespace {

bool WellFormed(const CoalitionGame& game) {
  KZ_ASSERT(game.players >= 1 && game.players <= kMaxCoalitionPlayers, "CoalitionGame::players must be in 1..20");
  if (game.players < 1 || game.players > kMaxCoalitionPlayers) return false;
  KZ_ASSERT(game.value.size() == (std::size_t{1} << game.players), "CoalitionGame::value must have 2^players entries");
  if (game.value.size() != (std::size_t{1} << game.players)) return false;
  // Not fatal: the formulas only ever use v(S u {i}) - v(S), but a non-zero v(empty) is a caller's slip.
  KZ_ASSERT(game.value[0] == 0.0, "CoalitionGame::value[0] (the empty coalition) must be 0");
  return true;
}

// weight[s] = s!(n-s-1)!/n! = 1 / (n * C(n-1, s)). The binomials are built by Pascal's rule in
// doubles, where they are exact integers (C(19, 9) = 92378), so each weight is a single correctly
// rounded division: no tgamma, pow or factorial overflow, and identical bits under wasm.
std::vector<double> ShapleyWeights(int n) {
  std::vector<double> binomial(static_cast<std::size_t>(n), 0.0);  // row n-1 of Pascal's triangle
  binomial[0] = 1.0;
  for (int row = 1; row < n; ++row) {
    for (int k = row; k >= 1; --k) binomial[static_cast<std::size_t>(k)] += binomial[static_cast<std::size_t>(k - 1)];
  }
  std::vector<double> weight(static_cast<std::size_t>(n));
  for (int s = 0; s < n; ++s) weight[static_cast<std::size_t>(s)] = 1.0 / (static_cast<double>(n) * binomial[static_cast<std::size_t>(s)]);
  return weight;
}

}  // namespace

std::vector<double> ShapleyValues(const CoalitionGame& game) {
  if (!WellFormed(game)) return {};
  const int n = game.players;
  const std::vector<double> weight = ShapleyWeights(n);
  std::vector<double> phi(static_cast<std::size_t>(n), 0.0);
  const std::uint32_t count = std::uint32_t{1} << n;
  for (std::uint32_t s = 0; s < count; ++s) {
    const int size = std::popcount(s);
    if (size == n) continue;  // the grand coalition has no one left to join it
    const double w = weight[static_cast<std::size_t>(size)];
    const double without = game.value[s];
    for (int i = 0; i < n; ++i) {
      const std::uint32_t bit = std::uint32_t{1} << i;
      if ((s & bit) != 0) continue;
      phi[static_cast<std::size_t>(i)] += w * (game.value[s | bit] - without);
    }
  }
  return phi;
}

CoreCheck CheckCore(const CoalitionGame& game, const std::vector<double>& allocation, double tolerance) {
  if (!WellFormed(game)) return {};
  KZ_ASSERT(allocation.size() == static_cast<std::size_t>(game.players), "CheckCore: one allocation entry per player");
  if (allocation.size() != static_cast<std::size_t>(game.players)) return {};
  const std::uint32_t count = std::uint32_t{1} << game.players;
  // x(S) = x(S without its lowest player) + x(lowest player): one addition per coalition.
  std::vector<double> share(count, 0.0);
  CoreCheck check;
  bool first = true;
  for (std::uint32_t s = 1; s < count; ++s) {
    share[s] = share[s & (s - 1)] + allocation[static_cast<std::size_t>(std::countr_zero(s))];
    const double excess = game.value[s] - share[s];
    if (first || excess > check.excess) {  // strict: the lowest mask wins ties
      check.blockingCoalition = s;
      check.excess = excess;
      first = false;
    }
  }
  check.inCore = !(check.excess > tolerance);
  return check;
}

}  // namespace kz
