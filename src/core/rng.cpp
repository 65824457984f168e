// SplitMix64 and the conversions Kizuna uses from it (see rng.hpp for why they are our own).
#include "kizuna/rng.hpp"

#include "kizuna/assert.hpp"

namespace kz {
namespace {
constexpr std::uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;  // 2^64 / golden ratio, SplitMix64's step
constexpr double kTwoToMinus53 = 1.0 / 9007199254740992.0;     // exact power of two
}  // namespace

std::uint64_t Mix64(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

Rng Rng::ForStream(std::uint64_t seed, std::uint64_t stream) {
  // Mixing the stream index before combining keeps (seed, i) and (seed + 1, i - 1) unrelated.
  return Rng(Mix64(seed ^ Mix64(stream + kGoldenGamma)));
}

std::uint64_t Rng::NextU64() {
  state += kGoldenGamma;
  return Mix64(state);
}

double Rng::NextUniform() { return static_cast<double>(NextU64() >> 11) * kTwoToMinus53; }

std::uint64_t Rng::NextBelow(std::uint64_t bound) {
  KZ_ASSERT(bound > 0, "Rng::NextBelow needs a bound > 0");
  if (bound == 0) return 0;  // reached only when a replaced assert handler returns
  // Lemire's rejection: reject the low values that would make some results more likely.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t r = NextU64();
    if (r >= threshold) return r % bound;
  }
}

}  // namespace kz
