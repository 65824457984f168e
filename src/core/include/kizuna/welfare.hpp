// Welfare accounting shared by framework impact, coalition analysis and Monte Carlo: a region's
// welfare over a run is its trade income plus the change in value of its stocks minus (economic loss
// + policy cost), in USD, summed over goods and months (partial equilibrium: buyers pay and sellers
// earn the market price, so a price spike moves money from buyers to sellers and an exporter's
// restriction costs it the sales lost; a reserve drawn is an asset used up, one rebuilt regained).
#pragma once

#include <vector>

#include "kizuna/results.hpp"

namespace kz {

/// Per-region welfare, index = region: trade income + stock value change - (loss + policy cost),
/// summed over every good and month, month t discounted by (1 + Results::monthlyDiscountRate)^-t. Only differences between runs of one world mean anything (the baseline's own trade
/// balance is in every run).
std::vector<double> RegionWelfare(const Results& results);

/// Per-region loss and cost, summed over goods and months.
struct RegionTotals {
  std::vector<double> loss;        ///< USD
  std::vector<double> policyCost;  ///< USD
  std::vector<double> tradeIncome; ///< USD, sales minus purchases
  std::vector<double> stockValueChange;  ///< USD, public and users' stocks rebuilt minus drawn
};
RegionTotals SumByRegion(const Results& results);

/// Welfare of region r from its totals (as RegionWelfare).
double WelfareOf(const RegionTotals& totals, std::size_t r);

}  // namespace kz
