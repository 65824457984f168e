// Output lost against the undisrupted world (see output_account.hpp).
#include "kizuna/output_account.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kizuna/engine.hpp"

namespace kz {
namespace {

// Per results good, `perScenarioGood` of the scenario's good with its id (0 for a good the scenario
// does not have).
std::vector<double> PerResultsGood(const Scenario& scenario, const Results& results, const std::vector<double>& perScenarioGood) {
  std::vector<double> values(static_cast<std::size_t>(results.goods), 0.0);
  for (int g = 0; g < results.goods; ++g) {
    for (std::size_t k = 0; k < scenario.goods.size(); ++k) {
      if (scenario.goods[k].id == results.goodIds[static_cast<std::size_t>(g)]) values[static_cast<std::size_t>(g)] = perScenarioGood[k];
    }
  }
  return values;
}

}  // namespace

std::vector<double> UnitValueAdded(const Scenario& scenario) {
  std::map<std::string, double> basePrice;
  for (const Good& good : scenario.goods) basePrice.emplace(good.id, good.basePrice);
  std::vector<double> added;
  for (const Good& good : scenario.goods) {
    double inputs = 0.0;
    for (const RecipeInput& input : good.recipe) {
      const auto used = basePrice.find(input.good);
      if (used != basePrice.end()) inputs += input.unitsPerOutput * used->second;
    }
    added.push_back(std::max(0.0, good.basePrice - inputs));
  }
  return added;
}

double OutputAccount::WorldValueAddedLost() const {
  double total = 0.0;
  for (const double lost : valueAddedLost) total += lost;
  return total;
}

double OutputAccount::WorldGrossOutputLost() const {
  double total = 0.0;
  for (const double lost : grossOutputLost) total += lost;
  return total;
}

Scenario WithoutDisruptions(const Scenario& scenario) {
  Scenario calm = scenario;
  std::erase_if(calm.events, [](const Event& event) { return event.kind != EventKind::DemandShock; });
  for (RegionPolicy& policy : calm.policies) policy.exportControls.clear();
  for (Framework& framework : calm.frameworks) framework.exportControls.enabled = false;
  return calm;
}

OutputAccount AccountOutput(const Scenario& scenario, const Results& results, const Results& reference) {
  OutputAccount account;
  account.regions = results.regions;
  account.goods = results.goods;
  account.grossOutputLost.assign(static_cast<std::size_t>(results.regions * results.goods), 0.0);
  account.valueAddedLost.assign(static_cast<std::size_t>(results.regions), 0.0);
  account.referenceValueAdded.assign(static_cast<std::size_t>(results.regions), 0.0);
  std::vector<double> basePrices;
  for (const Good& good : scenario.goods) basePrices.push_back(good.basePrice);
  const std::vector<double> price = PerResultsGood(scenario, results, basePrices);
  // Value added counted by recipe, not by the inputs a maker used after thrift: what it thrifted (the
  // market's adaptation, a substitution policy) is replaced by substitutes taken to cost what the
  // input would have (the engine charges the market's adaptation at the base price of the input
  // avoided). So thrift keeps value added where it was: a maker that redesigns to use less of a
  // scarce input does not add value by it, and a region short of an input does not "gain" value
  // added the longer the shortage lasts.
  const std::vector<double> added = PerResultsGood(scenario, results, UnitValueAdded(scenario));
  for (int t = 0; t < results.months; ++t) {
    for (int r = 0; r < results.regions; ++r) {
      for (int g = 0; g < results.goods; ++g) {
        const std::size_t i = results.Index(t, r, g);
        const std::size_t k = static_cast<std::size_t>(g);
        const double lost = reference.production[i] - results.production[i];
        account.grossOutputLost[static_cast<std::size_t>(r * results.goods + g)] += lost * price[k];
        account.valueAddedLost[static_cast<std::size_t>(r)] += lost * added[k];
        account.referenceValueAdded[static_cast<std::size_t>(r)] += reference.production[i] * added[k];
      }
    }
  }
  return account;
}

Expected<Results> RunWithoutDisruptions(const Scenario& scenario) {
  Expected<Simulation> simulation = Simulation::Create(WithoutDisruptions(scenario));
  if (!simulation) return simulation.problems();
  Results calm;
  simulation.value().Run(calm);
  return calm;
}

Expected<OutputAccount> AccountOutput(const Scenario& scenario, const Results& results) {
  Expected<Results> reference = RunWithoutDisruptions(scenario);
  if (!reference) return reference.problems();
  const Results& calm = reference.value();
  if (calm.months != results.months || calm.regionIds != results.regionIds || calm.goodIds != results.goodIds) {
    return std::vector<Problem>{{"", "the results are not a run of this scenario (months, regions or goods differ)"}};
  }
  return AccountOutput(scenario, results, calm);
}

}  // namespace kz
