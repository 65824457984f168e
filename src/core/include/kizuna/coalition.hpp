// Cooperative games in characteristic-function form: the exact Shapley value and a core check.
// Pure functions over a table of coalition values, so they are tested on textbook games apart from
// the simulation; coalition_analysis.hpp builds such a table from a scenario's framework.
// Deterministic: integer-exact weights and a fixed summation order give the same bits natively and in wasm.
#pragma once

#include <cstdint>
#include <vector>

namespace kz {

/// The most players a game may have: the value table has 2^players entries (8 MB at 20).
inline constexpr int kMaxCoalitionPlayers = 20;

/// A transferable-utility game. `value[S]` is the worth of coalition S, a bitmask (bit i = player i);
/// `value.size()` must be 2^players and `value[0]` (the empty coalition) 0. Profit games: higher is
/// better (for a cost game, pass the costs: the Shapley value is linear, but read the core check's
/// inequalities as the profit form).
struct CoalitionGame {
  int players = 0;            ///< 1..kMaxCoalitionPlayers
  std::vector<double> value;  ///< 2^players entries, indexed by coalition bitmask
};

/// The Shapley value: phi_i = sum over S not containing i of |S|!(n-|S|-1)!/n! (v(S u {i}) - v(S)).
/// Exact (all 2^n coalitions, O(n 2^n)); one entry per player. Efficient: the entries sum to
/// value[2^n - 1] up to rounding. Asserts on a malformed game (players out of range, wrong table size).
std::vector<double> ShapleyValues(const CoalitionGame& game);

/// Whether an allocation is in the core, and the coalition that objects to it most.
struct CoreCheck {
  bool inCore = true;                   ///< every coalition's excess is <= the tolerance
  std::uint32_t blockingCoalition = 0;  ///< bitmask of the coalition with the largest excess (the lowest mask on ties)
  double excess = 0.0;                  ///< v(S) - sum_{i in S} x_i of that coalition; > tolerance when blocking
};

/// Checks the core's coalitional rationality: for every non-empty coalition S, sum_{i in S} x_i >=
/// v(S) - `tolerance`. Efficiency (x sums to v(N)) is the allocation's business and is not checked
/// separately, though an allocation short of v(N) is blocked by the grand coalition. `allocation`
/// has one entry per player; `tolerance` >= 0 (absolute, in the game's units). Always reports the
/// coalition with the largest excess, even when the allocation is in the core (then excess <= tolerance).
CoreCheck CheckCore(const CoalitionGame& game, const std::vector<double>& allocation, double tolerance);

}  // namespace kz
