// Output lost against the undisrupted world (see output_account.hpp).
#include "kizuna/output_account.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "kizuna/engine.hpp"

namespace kz {
namespace {

// Base price of each of the results' goods (0 for a good the scenario does not have).
std::vector<double> BasePrices(const Scenario& scenario, const Results& results) {
  std::vector<double> prices(static_cast<std::size_t>(results.goods), 0.0);
  for (int g = 0; g < results.goods; ++g) {
    for (const Good& good : scenario.goods) {
      if (good.id == results.goodIds[static_cast<std::size_t>(g)]) prices[static_cast<std::size_t>(g)] = good.basePrice;
    }
  }
  return prices;
}

// Per results good: its recipe as (results index of the input, units per unit), inputs the results
// do not have left out.
std::vector<std::vector<std::pair<int, double>>> Recipes(const Scenario& scenario, const Results& results) {
  std::vector<std::vector<std::pair<int, double>>> recipes(static_cast<std::size_t>(results.goods));
  for (const Good& good : scenario.goods) {
    const auto made = std::find(results.goodIds.begin(), results.goodIds.end(), good.id);
    if (made == results.goodIds.end()) continue;
    for (const RecipeInput& input : good.recipe) {
      const auto used = std::find(results.goodIds.begin(), results.goodIds.end(), input.good);
      if (used == results.goodIds.end()) continue;
      recipes[static_cast<std::size_t>(made - results.goodIds.begin())].emplace_back(static_cast<int>(used - results.goodIds.begin()),
                                                                                     input.unitsPerOutput);
    }
  }
  return recipes;
}

// What region r's producers use up in month t, at base prices, by their recipes: the inputs they
// used, and for what they thrifted (the market's adaptation, a substitution policy) the substitutes
// that replaced it, taken to cost what the input would have (the engine charges the market's
// adaptation at the base price of the input avoided). So thrift keeps value added where it was: a
// maker that redesigns to use less of a scarce input does not add value by it, and a region short
// of an input does not "gain" value added the longer the shortage lasts.
double InputsUsedUp(const Results& results, const std::vector<std::vector<std::pair<int, double>>>& recipes,
                    const std::vector<double>& price, int t, int r) {
  double value = 0.0;
  for (int g = 0; g < results.goods; ++g) {
    const double made = results.production[results.Index(t, r, g)];
    for (const auto& [input, units] : recipes[static_cast<std::size_t>(g)]) value += made * units * price[static_cast<std::size_t>(input)];
  }
  return value;
}

}  // namespace

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
  const std::vector<double> price = BasePrices(scenario, results);
  const auto recipes = Recipes(scenario, results);
  for (int t = 0; t < results.months; ++t) {
    for (int r = 0; r < results.regions; ++r) {
      double outputLost = 0.0, referenceOutput = 0.0;
      for (int g = 0; g < results.goods; ++g) {
        const std::size_t i = results.Index(t, r, g);
        const double p = price[static_cast<std::size_t>(g)];
        const double lost = (reference.production[i] - results.production[i]) * p;
        account.grossOutputLost[static_cast<std::size_t>(r * results.goods + g)] += lost;
        outputLost += lost;
        referenceOutput += reference.production[i] * p;
      }
      const double referenceInputs = InputsUsedUp(reference, recipes, price, t, r);
      const double inputsSaved = referenceInputs - InputsUsedUp(results, recipes, price, t, r);
      account.valueAddedLost[static_cast<std::size_t>(r)] += outputLost - inputsSaved;
      account.referenceValueAdded[static_cast<std::size_t>(r)] += referenceOutput - referenceInputs;
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
