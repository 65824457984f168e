// Welfare accounting shared by framework impact, coalition analysis and Monte Carlo: a region's
// welfare over a run is minus (economic loss + policy cost), in USD, summed over goods and months.
#pragma once

#include <vector>

#include "kizuna/results.hpp"

namespace kz {

/// Per-region welfare, index = region: -(sum of loss + policy cost) over every good and month.
std::vector<double> RegionWelfare(const Results& results);

/// Per-region loss and cost, summed over goods and months.
struct RegionTotals {
  std::vector<double> loss;        ///< USD
  std::vector<double> policyCost;  ///< USD
};
RegionTotals SumByRegion(const Results& results);

}  // namespace kz
