// What a run produces: monthly series per (region, good) as contiguous arrays, the binding
// constraint behind every shortfall (for "Explain"), and summary metrics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kz {

/// Why a region's demand for a good went unmet in a month: the largest cause by volume.
enum class ConstraintKind : std::uint8_t {
  None,               ///< no shortfall
  Capacity,           ///< suppliers' capacity is below what is ordered (`region` = the seller)
  CapacityLoss,       ///< a capacity-loss event at the seller (`event`, `region` = the seller)
  RampUp,             ///< the seller is recovering but output can grow only so fast (`region`)
  InputShortage,      ///< the seller lacked an input (`input` = that good, `region` = the seller)
  ExportRestriction,  ///< an export restriction or export control blocked shipments (`event`, `region` = seller)
  Chokepoint,         ///< a logistics chokepoint blocked shipments (`event`, `region` = seller)
};

/// The binding constraint of one (month, region, good). Indices are -1 where they do not apply.
/// `event` numbers every timed effect: first Scenario::events, then the regions' own export controls
/// (in policy order), then the frameworks (one number each, for their coordinated export controls),
/// then events added to a single run (Monte Carlo draws). EffectName (results_io.hpp) names one.
struct Constraint {
  ConstraintKind kind = ConstraintKind::None;
  std::int16_t region = -1;  ///< the region where the constraint sits (e.g. the seller)
  std::int16_t input = -1;   ///< for InputShortage: the missing input good
  std::int16_t event = -1;   ///< for event-driven kinds
};

/// Summary of one (region, good) over the run.
struct Metrics {
  double peakShortfall = 0.0;   ///< largest share of final demand unmet in any month, 0..1
  double cumulativeLoss = 0.0;  ///< sum of economic loss, USD
  double policyCost = 0.0;      ///< sum of policy cost, USD
  double peakPrice = 1.0;       ///< highest price index
  int timeToSurvive = -1;       ///< months from the first disruption to the first unmet final demand; -1 = never unmet
  int timeToRecover = -1;       ///< months from the first unmet month to full fulfilment that lasts; -1 = not within the horizon or never short
};

struct Results {
  int months = 0;
  int regions = 0;
  int goods = 0;
  std::vector<std::string> regionIds;
  std::vector<std::string> goodIds;

  // Monthly series, each months x regions x goods, index Index(t, r, g).
  std::vector<double> production;      ///< units produced by the region
  std::vector<double> deliveries;      ///< units the region received from all suppliers (itself included)
  std::vector<double> finalDemand;     ///< end-use demand after price response, shocks and substitution
  std::vector<double> finalDelivered;  ///< end-use demand met
  std::vector<double> fulfilment;      ///< share of the region's whole need (final + intermediate) met, 0..1
  std::vector<double> shortfall;       ///< end-use demand unmet, units
  std::vector<double> inventory;       ///< producer inventory + unused inputs held at month end, units
  std::vector<double> stockpile;       ///< strategic stockpile at month end, units
  std::vector<double> price;           ///< price index (1 = base price)
  std::vector<double> loss;            ///< economic loss: (shortfall + end use priced out) x base price x value multiplier, USD
  std::vector<double> policyCost;      ///< holding, capex and substitution costs, USD
  std::vector<double> inputUse;        ///< units used up as inputs by the region's producers (after thrifting)
  /// Sales minus purchases of the good, USD: usual trade and offtake contracts at the base price,
  /// re-sourced (spot) orders at the buyer's price index (a region's trade with itself nets out;
  /// the world's sums to zero).
  std::vector<double> tradeIncome;
  /// Change of the value of public and users' stocks of the good (stockpile released or drawn, and
  /// rebuilt), at the base price, USD: part of welfare (kizuna/welfare.hpp).
  std::vector<double> stockValueChange;
  std::vector<Constraint> binding;     ///< the binding constraint of each shortfall

  /// Shipments of each good from seller to buyer (buyer == seller: domestic supply), units per month,
  /// months x goods x regions (buyer) x regions (seller), index FlowIndex(t, g, buyer, seller). Filled
  /// only when the run was asked to (Simulation::RecordTradeFlows); otherwise empty. Transfers out of
  /// pooled strategic stockpiles are not trade and are not included.
  std::vector<double> flows;

  // State before month 0, per (region, good), index r * goods + g (for balances and charts).
  std::vector<double> initialInventory;  ///< producer inventory at the start
  std::vector<double> initialStockpile;  ///< strategic stockpile at the start

  std::vector<Metrics> metrics;        ///< regions x goods, index r * goods + g
  int firstDisruptionMonth = -1;       ///< first month any event or export control is active; -1 = none
  /// The scenario's discount rate per month: welfare sums (welfare.hpp) weigh month t by (1 + rate)^-t.
  double monthlyDiscountRate = 0.0;

  std::size_t Index(int t, int r, int g) const {
    return (static_cast<std::size_t>(t) * static_cast<std::size_t>(regions) + static_cast<std::size_t>(r)) *
               static_cast<std::size_t>(goods) + static_cast<std::size_t>(g);
  }
  std::size_t FlowIndex(int t, int g, int buyer, int seller) const {
    const std::size_t r = static_cast<std::size_t>(regions);
    return ((static_cast<std::size_t>(t) * static_cast<std::size_t>(goods) + static_cast<std::size_t>(g)) * r +
            static_cast<std::size_t>(buyer)) * r + static_cast<std::size_t>(seller);
  }
  const Metrics& MetricsOf(int r, int g) const { return metrics[static_cast<std::size_t>(r * goods + g)]; }
};

/// A fingerprint of the results, stable across platforms: every series value is rounded to single
/// precision (about 7 significant digits) before hashing, so last-bit differences between native and
/// wasm maths libraries do not change it.
std::uint64_t HashResults(const Results& results);

}  // namespace kz
