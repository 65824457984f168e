// What a disruption costs in output, the national-accounts way: production in the run against the
// same world without its disruptions, at base prices, by the region where the output is lost.
// Gross output lost counts every stage of a chain (oxide, magnets and the cars made from them);
// value added lost counts each dollar of final output once (a region's output minus the inputs it
// uses up), so it is the headline. Welfare (welfare.hpp) is a different view: users' loss, trade
// income and stocks.
#pragma once

#include <string>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

struct OutputAccount {
  int regions = 0;
  int goods = 0;
  /// Per (region, good), index r * goods + g, USD over the run: (reference production - production)
  /// x base price. Negative where the region made more than it would have (a supplier that gains
  /// orders, stocks rebuilt).
  std::vector<double> grossOutputLost;
  /// Per region, USD over the run: gross output lost minus the value of the inputs its producers did
  /// not use up as a result (by their recipes: inputs avoided by thrift count as replaced by
  /// substitutes of the same cost, so thrift adds no value).
  std::vector<double> valueAddedLost;
  /// Per region, USD over the run: the reference's value added (for shares).
  std::vector<double> referenceValueAdded;

  double WorldValueAddedLost() const;
  double WorldGrossOutputLost() const;
  double GrossOutputLost(int r, int g) const { return grossOutputLost[static_cast<std::size_t>(r * goods + g)]; }
};

/// Value added per unit of each of the scenario's goods, in its order, at base prices: the good's
/// price less its recipe's inputs at theirs (inputs the scenario does not have left out), never below
/// zero. One definition for the engine (what output beyond contracts costs) and this account.
std::vector<double> UnitValueAdded(const Scenario& scenario);

/// The scenario with no supply disruption: no capacity losses, restrictions or chokepoints, no
/// regions' export controls and no frameworks' coordinated export controls. Demand shocks stay (a
/// demand surge that supply cannot meet is not output lost against what would have been made), and
/// so does every policy and framework rule (they act only on shortages, or build what they build
/// either way).
Scenario WithoutDisruptions(const Scenario& scenario);

/// A run of WithoutDisruptions(scenario) (no trade flows recorded): the reference of AccountOutput.
Expected<Results> RunWithoutDisruptions(const Scenario& scenario);

/// Measures `results` (a run of `scenario`) against a run of WithoutDisruptions(scenario). Fails
/// when the scenario does not compile or its ids do not match the results'.
Expected<OutputAccount> AccountOutput(const Scenario& scenario, const Results& results);

/// As above, against a reference run already made (RunWithoutDisruptions of the same world, with
/// the same months, regions and goods): for comparing several runs of one world with one reference.
OutputAccount AccountOutput(const Scenario& scenario, const Results& results, const Results& reference);

}  // namespace kz
