// The scenario compiled for the engine: ids resolved to indices, per-(region, good) parameters in
// flat arrays, recipes in compressed rows, goods in topological order, events and export controls
// as one list of timed effects. Private to the core.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// One timed effect on capacity, demand or shipments (a scenario event or a region's export control).
struct TimedEffect {
  EventKind kind = EventKind::CapacityLoss;
  std::vector<char> regionMask;  ///< regions affected (sellers for shipment effects), size R
  std::vector<char> targetMask;  ///< buyers affected by shipment effects, size R (all when the list is empty)
  std::vector<char> goodMask;    ///< goods affected, size G
  double fraction = 0.0;
  int start = 0;
  int duration = 1;
  RecoveryShape recovery = RecoveryShape::Step;
  int recoveryMonths = 0;
  int sourceIndex = 0;           ///< index reported in Constraint::event
  int framework = -1;            ///< the framework whose coordinated export controls this is, else -1

  /// Strength at month t: `fraction` while at full strength, tapering during a linear recovery, else 0.
  double StrengthAt(int t) const;
};

/// Value per unit of an input in a use: what the unit enables of the user good's value. It goes into
/// the share of the user's output that needs it (RecipeInput::shareOfOutput), `unitsPerOutput /
/// shareOfOutput` of it per unit of that output. The engine's use order (with the user's chain value)
/// and the findings' "served first" (with an end good's own value) both rank uses by it.
inline double ValuePerInputUnit(double userValue, double shareOfOutput, double unitsPerOutput) {
  return userValue * shareOfOutput / unitsPerOutput;
}

struct Network {
  int regions = 0;
  int goods = 0;
  int months = 0;
  std::vector<int> topoOrder;  ///< goods, every input before the goods made from it

  // Recipes, compressed rows: inputs of good g are [recipeStart[g], recipeStart[g + 1]).
  std::vector<int> recipeStart;
  std::vector<int> recipeInput;
  std::vector<double> recipeUnits;
  std::vector<double> recipeShare;  ///< share of the good's output that needs the input (RecipeInput::shareOfOutput)
  // Users of each good: goods h whose recipe consumes g, [userStart[g], userStart[g + 1]).
  std::vector<int> userStart;
  std::vector<int> userGood;
  std::vector<double> userUnits;
  std::vector<double> userShare;  ///< the user's recipeShare for this good
  std::vector<int> recipeUse;  ///< per recipe entry k: its index u among its input's users
  // Uses of each good by value per unit, highest first (BuildUseOrder): for good g, entries
  // [useOrderStart[g], useOrderStart[g + 1]) of useOrder (a user index u, or kFinalUse) and useValue.
  static constexpr int kFinalUse = -1;
  std::vector<int> useOrderStart, useOrder;
  std::vector<double> useValue;

  // Per good.
  std::vector<double> basePrice, valueMultiplier, demandElasticity, priceSensitivity, priceMaxMultiple,
      priceAdjustment;
  std::vector<int> qualificationMonths;
  std::vector<double> interchangeable;  ///< share of unmet orders a buyer's usual suppliers take at once (Good)
  std::vector<double> adaptationMax;  ///< share of use avoided once users have fully adapted to a shortage
  std::vector<int> adaptationMonths;  ///< months to full adaptation, >= 1
  /// Value added per unit at base prices (UnitValueAdded, output_account.hpp): what output beyond a
  /// producer's usual orders costs to make (engine.cpp, ProduceGood).
  std::vector<double> unitValueAdded;

  // Per (region, good), index r * goods + g.
  std::vector<char> hasFacility;
  std::vector<double> capacity, initialStock, maxRamp;
  std::vector<double> demand0, demandMonthlyGrowth;  ///< final demand at month 0 and its monthly growth factor
  std::vector<char> releaseWithoutLag;  // per (region, good): firms' stock, drawn at once
  std::vector<double> stockpileTarget, stockpileInitial, releaseTrigger, releasePerMonth, refillPerMonth,
      holdingCostPerMonth;  ///< stockpile targets in units (target months x baseline use)
  std::vector<double> userStockTarget;  ///< users' own stocks of the good as an input, units (Good::userStockMonths)
  std::vector<double> substitutionMax, substitutionCost;
  std::vector<int> substitutionMonths;
  std::vector<double> recyclingRate;
  std::vector<int> recyclingLag;
  std::vector<double> investCapacity, investCapexPerMonth;
  std::vector<int> investStart, investLead, investRamp;

  // Per region.
  std::vector<int> responseLag;

  double monthlyRate = 0.0;  ///< the scenario's discount rate per month (capital_cost.hpp)

  // Sourcing shares after diversification caps, dense: index (g * regions + buyer) * regions + seller.
  std::vector<double> share;
  // The same shares as sparse links, because most (buyer, seller) pairs do not trade: for good g,
  // links [linkStart[g], linkStart[g + 1]) sorted by seller. Producers (regions with a facility) of
  // good g are [producerStart[g], producerStart[g + 1]); producer p's links are
  // [producerLinkBegin[p], producerLinkEnd[p]).
  std::vector<int> linkStart, linkBuyer, linkSeller;
  std::vector<double> linkShare;
  // Each link's contract: the buyer's baseline monthly use times the link's share, what a seller
  // short of supply serves first (allocation on historical volumes), in units a month.
  std::vector<double> linkContract;
  std::vector<int> producerStart, producerRegion, producerLinkBegin, producerLinkEnd;

  std::vector<TimedEffect> effects;
  int firstDisruptionMonth = -1;
  int nextEffectIndex = 0;  ///< the Constraint::event index that effects added at run time start from

  // Coordination frameworks (compiled by CompileFrameworks in framework_rules.cpp).
  /// A stockpile pool: members' stocks of `good` flagged goods are released to members in need.
  struct StockPool {
    std::vector<char> member;        ///< size R
    std::vector<char> good;          ///< size G
    PoolAllocation allocation = PoolAllocation::ByNeed;
    std::vector<double> costWeight;  ///< size R, members' shares of pooled holding costs (sum 1)
  };
  std::vector<StockPool> pools;
  std::vector<char> pooledGood;      ///< size G: some pool covers the good
  /// Trusted-partner priority: seller s offers share priorityShare[RG(s, g)] of its supply of g to
  /// the buyers b with priorityPartner[RG(s, g) * R + b] first.
  std::vector<double> priorityShare;
  std::vector<char> priorityPartner;
  /// Jointly financed capacity (added to the host's capacity; part of its output reserved).
  struct JointProject {
    int host = 0;
    int good = 0;
    double capacity = 0.0;
    int start = 0, lead = 0, ramp = 0;
    double capexPerMonth = 0.0;      ///< total, split by costWeight
    std::vector<double> costWeight;  ///< size R
    double reservedShare = 0.0;
  };
  std::vector<JointProject> joints;

  std::vector<std::string> regionIds, goodIds;

  std::size_t RG(int r, int g) const { return static_cast<std::size_t>(r * goods + g); }
  std::size_t Share(int g, int buyer, int seller) const {
    return (static_cast<std::size_t>(g) * static_cast<std::size_t>(regions) + static_cast<std::size_t>(buyer)) *
               static_cast<std::size_t>(regions) + static_cast<std::size_t>(seller);
  }
};

/// Compiles a scenario that has passed validation. Reports (rather than crashes on) anything it
/// cannot resolve, so it is safe on any input. The same as CompleteNetwork(CompileNetworkBase(s), s).
Expected<Network> CompileNetwork(const Scenario& scenario);

/// A scenario compiled up to its frameworks: everything that does not depend on them (goods,
/// facilities, demand, trade, policies). A batch that changes only frameworks (coalition analysis:
/// 2^n memberships) compiles this once; resolving ids in it cost more than running a subset in wasm.
struct NetworkBase {
  using IdMap = std::map<std::string, int, std::less<>>;
  Network net;
  std::vector<double> baselineUse;  ///< per (region, good): what stockpile targets and pools are measured in
  IdMap regionIndex, goodIndex;
  int exportControlIndex = 0;  ///< the effect index of the frameworks' first control
};
Expected<NetworkBase> CompileNetworkBase(const Scenario& scenario);

/// Adds `scenario`'s frameworks and events to a copy of `base`, which must have been compiled from
/// a scenario that differs from `scenario` at most in its frameworks.
Expected<Network> CompleteNetwork(const NetworkBase& base, const Scenario& scenario);

/// Effects for events added to an already compiled network (Monte Carlo draws), numbered from
/// `net.nextEffectIndex`. References that do not resolve are reported, not trusted.
std::vector<TimedEffect> CompileExtraEvents(const Network& net, const std::vector<Event>& events,
                                            std::vector<Problem>& problems);

/// (1 + annualGrowth)^(1/12) by Newton's method on +, *, / only: bit-identical on every platform,
/// unlike std::pow, so demand paths hash the same natively and in wasm.
double MonthlyGrowthFactor(double annualGrowth);

}  // namespace kz
