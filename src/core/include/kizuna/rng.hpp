// Deterministic random numbers for the model. The standard library's engines are portable but its
// distributions are not (libstdc++ and libc++ differ), so Kizuna owns both: SplitMix64 for bits and
// its own conversions. Streams are addressed by (seed, stream index), so Monte Carlo run i draws the
// same numbers however runs are split across workers.
#pragma once

#include <cstdint>

namespace kz {

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference constants). Small, fast, statistically
/// sound for simulation, and bit-identical on every platform. Not for cryptography.
class Rng {
 public:
  /// A generator whose first output is SplitMix64's first output for `state`.
  explicit Rng(std::uint64_t initialState) : state(initialState) {}

  /// The independent stream `stream` of `seed` (e.g. Monte Carlo run index): both are mixed, so
  /// neighbouring seeds or indices give unrelated sequences.
  static Rng ForStream(std::uint64_t seed, std::uint64_t stream);

  /// Next 64 random bits.
  std::uint64_t NextU64();

  /// Uniform double in [0, 1) with 53 random bits (exact: no rounding, same on every platform).
  double NextUniform();

  /// Uniform integer in [0, bound), without modulo bias. `bound` must be > 0.
  std::uint64_t NextBelow(std::uint64_t bound);

 private:
  std::uint64_t state;
};

/// SplitMix64's output function: a bijective 64-bit mix with good avalanche.
std::uint64_t Mix64(std::uint64_t x);

}  // namespace kz
