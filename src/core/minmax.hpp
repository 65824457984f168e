// Min, Max and Clamp of doubles for the engine's month loop: std::min, std::max and std::clamp, to
// the bit (NaN and signed zeros included), but without branches in WebAssembly. Private to the core.
//
// Why: V8 compiles wasm's scalar compare-and-select of doubles into a compare and a branch. The
// engine's min and max follow the data (is this cell short this month?), so in Monte Carlo runs the
// branches mispredict. wasm SIMD defines f64x2.pmin(a, b) as `b < a ? b : a` and f64x2.pmax(a, b) as
// `a < b ? b : a`, which is how std::min and std::max are defined, and V8 emits each as one minpd /
// maxpd: no branch. Measured ~10% of a Monte Carlo sweep in wasm (BENCHMARKS.md). Natively these are
// std::min and std::max, which GCC already emits as minsd / maxsd.
#pragma once

#include <algorithm>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace kz {

inline double Min(double a, double b) {
#if defined(__wasm_simd128__)
  return wasm_f64x2_extract_lane(wasm_f64x2_pmin(wasm_f64x2_splat(a), wasm_f64x2_splat(b)), 0);
#else
  return std::min(a, b);
#endif
}

inline double Max(double a, double b) {
#if defined(__wasm_simd128__)
  return wasm_f64x2_extract_lane(wasm_f64x2_pmax(wasm_f64x2_splat(a), wasm_f64x2_splat(b)), 0);
#else
  return std::max(a, b);
#endif
}

/// std::clamp(v, low, high) for low <= high: `v < low ? low : high < v ? high : v`.
inline double Clamp(double v, double low, double high) { return Min(Max(v, low), high); }

}  // namespace kz
