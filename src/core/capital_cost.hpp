// The capital charge of a plant and the discounting of welfare, from the scenario's discount rate.
// Only + - * / (no pow): the same bits on every platform, so links reproduce natively and in wasm.
// Private to the core.
#pragma once

namespace kz {

/// A plant's life over which its capital cost is charged, months (assumption: 20 years, the order
/// of a fab's, a separation plant's or a magnet plant's; docs/MODEL.md section 5).
inline constexpr int kAssetLifeMonths = 240;

/// The monthly rate equivalent to `perYear`: (1 + perYear)^(1/12) - 1, by Newton's method.
inline double MonthlyRate(double perYear) {
  if (perYear <= 0.0) return 0.0;
  const double target = 1.0 + perYear;
  double x = 1.0 + perYear / 12.0;  // above the root: Newton descends to it monotonically
  for (int i = 0; i < 60; ++i) {
    double x11 = 1.0;
    for (int k = 0; k < 11; ++k) x11 *= x;
    const double next = x - (x11 * x - target) / (12.0 * x11);
    if (!(next < x)) break;
    x = next;
  }
  return x - 1.0;
}

/// The level monthly charge over `lifeMonths` whose present value at the monthly rate `rate` is
/// `capital` (capital / lifeMonths at rate 0).
inline double CapitalChargePerMonth(double capital, double rate, int lifeMonths) {
  if (rate <= 0.0) return capital / static_cast<double>(lifeMonths);
  double growth = 1.0;
  for (int k = 0; k < lifeMonths; ++k) growth *= 1.0 + rate;
  return capital * rate * growth / (growth - 1.0);
}

/// Capital is charged from the month a plant enters service (after its lead time) for its life.
inline bool ChargedForCapital(int start, int lead, int t) {
  const int inService = start + lead;
  return t >= inService && t < inService + kAssetLifeMonths;
}

}  // namespace kz
