// Welfare sums (see welfare.hpp).
#include "kizuna/welfare.hpp"

namespace kz {

RegionTotals SumByRegion(const Results& results) {
  RegionTotals totals;
  totals.loss.assign(static_cast<std::size_t>(results.regions), 0.0);
  totals.policyCost.assign(static_cast<std::size_t>(results.regions), 0.0);
  for (int t = 0; t < results.months; ++t) {
    for (int r = 0; r < results.regions; ++r) {
      for (int g = 0; g < results.goods; ++g) {
        const std::size_t i = results.Index(t, r, g);
        totals.loss[r] += results.loss[i];
        totals.policyCost[r] += results.policyCost[i];
      }
    }
  }
  return totals;
}

std::vector<double> RegionWelfare(const Results& results) {
  const RegionTotals totals = SumByRegion(results);
  std::vector<double> welfare(totals.loss.size());
  for (std::size_t r = 0; r < welfare.size(); ++r) welfare[r] = -(totals.loss[r] + totals.policyCost[r]);
  return welfare;
}

}  // namespace kz
