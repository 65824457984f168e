// Welfare accounting shared by framework impact, coalition analysis and Monte Carlo: a region's
// welfare over a run is its trade income minus (economic loss + policy cost), in USD, summed over
// goods and months (partial equilibrium: buyers pay and sellers earn the market price, so a price
// spike moves money from buyers to sellers and an exporter's restriction costs it the sales lost).
#pragma once

#include <vector>

#include "kizuna/results.hpp"

namespace kz {

/// Per-region welfare, index = region: trade income - (loss + policy cost), summed over every good
/// and month. Only differences between runs of one world mean anything (the baseline's own trade
/// balance is in every run).
std::vector<double> RegionWelfare(const Results& results);

/// Per-region loss and cost, summed over goods and months.
struct RegionTotals {
  std::vector<double> loss;        ///< USD
  std::vector<double> policyCost;  ///< USD
  std::vector<double> tradeIncome; ///< USD, sales minus purchases
};
RegionTotals SumByRegion(const Results& results);

}  // namespace kz
