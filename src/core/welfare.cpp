// Welfare sums (see welfare.hpp).
#include "kizuna/welfare.hpp"

namespace kz {

RegionTotals SumByRegion(const Results& results) {
  RegionTotals totals;
  totals.loss.assign(static_cast<std::size_t>(results.regions), 0.0);
  totals.policyCost.assign(static_cast<std::size_t>(results.regions), 0.0);
  totals.tradeIncome.assign(static_cast<std::size_t>(results.regions), 0.0);
  totals.stockValueChange.assign(static_cast<std::size_t>(results.regions), 0.0);
  // Summed in registers across a month's goods (the same additions in the same order): through
  // totals' vectors, which may alias results', every addition was a store and a reload. Month t
  // weighs (1 + rate)^-t (exactly 1 without discounting: the same sums bit for bit).
  double weight = 1.0;
  for (int t = 0; t < results.months; ++t, weight /= 1.0 + results.monthlyDiscountRate) {
    for (int r = 0; r < results.regions; ++r) {
      double loss = totals.loss[r];
      double policyCost = totals.policyCost[r];
      double tradeIncome = totals.tradeIncome[r];
      double stockValueChange = totals.stockValueChange[r];
      for (int g = 0; g < results.goods; ++g) {
        const std::size_t i = results.Index(t, r, g);
        loss += weight * results.loss[i];
        policyCost += weight * results.policyCost[i];
        tradeIncome += weight * results.tradeIncome[i];
        stockValueChange += weight * results.stockValueChange[i];
      }
      totals.loss[r] = loss;
      totals.policyCost[r] = policyCost;
      totals.tradeIncome[r] = tradeIncome;
      totals.stockValueChange[r] = stockValueChange;
    }
  }
  return totals;
}

double WelfareOf(const RegionTotals& totals, std::size_t r) {
  return totals.tradeIncome[r] + totals.stockValueChange[r] - (totals.loss[r] + totals.policyCost[r]);
}

std::vector<double> RegionWelfare(const Results& results) {
  const RegionTotals totals = SumByRegion(results);
  std::vector<double> welfare(totals.loss.size());
  for (std::size_t r = 0; r < welfare.size(); ++r) welfare[r] = WelfareOf(totals, r);
  return welfare;
}

}  // namespace kz
