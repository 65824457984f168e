// Compiling a scenario into the engine's indexed network (see network.hpp).
#include "network.hpp"

#include "kizuna/output_account.hpp"

#include "framework_rules.hpp"
#include "capital_cost.hpp"
#include "out_of_line.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace kz {
namespace {

using IdMap = NetworkBase::IdMap;

IdMap IndexIds(const auto& items) {
  IdMap map;
  for (std::size_t i = 0; i < items.size(); ++i) map.emplace(items[i].id, static_cast<int>(i));
  return map;
}

// Looks up an id, recording a problem at `path` if it is unknown.
// `path` makes the problem's path, called only when there is a problem: Create runs once per
// coalition subset, and building every path eagerly cost more than the lookups.
template <typename PathFn>
int Resolve(const IdMap& map, const std::string& id, PathFn&& path, const char* what, std::vector<Problem>& problems) {
  const auto it = map.find(id);
  if (it != map.end()) return it->second;
  problems.push_back({path(), std::string("unknown ") + what + " '" + id + "'"});
  return -1;
}

template <typename PathFn>
std::vector<char> MaskOf(const IdMap& map, const std::vector<std::string>& ids, int size, bool emptyMeansAll,
                         const PathFn& path, const char* what, std::vector<Problem>& problems) {
  std::vector<char> mask(static_cast<std::size_t>(size), ids.empty() && emptyMeansAll ? 1 : 0);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const int index = Resolve(map, ids[i], [&] { return path() + "[" + std::to_string(i) + "]"; }, what, problems);
    if (index >= 0) mask[static_cast<std::size_t>(index)] = 1;
  }
  return mask;
}

// Kahn's algorithm, lowest index first among ready goods, so the order is deterministic.
KZ_OUT_OF_LINE bool TopologicalOrder(Network& net) {
  std::vector<int> pendingInputs(static_cast<std::size_t>(net.goods));
  for (int g = 0; g < net.goods; ++g) pendingInputs[g] = net.recipeStart[g + 1] - net.recipeStart[g];
  net.topoOrder.clear();
  std::vector<char> done(static_cast<std::size_t>(net.goods), 0);
  for (int placed = 0; placed < net.goods; ++placed) {
    int next = -1;
    for (int g = 0; g < net.goods && next < 0; ++g) {
      if (!done[g] && pendingInputs[g] == 0) next = g;
    }
    if (next < 0) return false;  // a cycle
    done[next] = 1;
    net.topoOrder.push_back(next);
    for (int u = net.userStart[next]; u < net.userStart[next + 1]; ++u) --pendingInputs[net.userGood[u]];
  }
  return true;
}

KZ_OUT_OF_LINE void BuildRecipes(const Scenario& scenario, const IdMap& goodIds, Network& net, std::vector<Problem>& problems) {
  const int G = net.goods;
  net.recipeStart.assign(static_cast<std::size_t>(G + 1), 0);
  std::vector<std::vector<std::pair<int, double>>> users(static_cast<std::size_t>(G));  // (user, units)
  std::vector<std::vector<double>> userShares(static_cast<std::size_t>(G));
  for (int g = 0; g < G; ++g) {
    const Good& good = scenario.goods[g];
    net.recipeStart[g] = static_cast<int>(net.recipeInput.size());
    for (std::size_t k = 0; k < good.recipe.size(); ++k) {
      const auto path = [&] { return "goods[" + std::to_string(g) + "].recipe[" + std::to_string(k) + "].good"; };
      const int input = Resolve(goodIds, good.recipe[k].good, path, "good", problems);
      if (input < 0) continue;
      net.recipeInput.push_back(input);
      net.recipeUnits.push_back(good.recipe[k].unitsPerOutput);
      net.recipeShare.push_back(good.recipe[k].shareOfOutput);
      users[input].emplace_back(g, good.recipe[k].unitsPerOutput);
      userShares[input].push_back(good.recipe[k].shareOfOutput);
    }
  }
  net.recipeStart[G] = static_cast<int>(net.recipeInput.size());
  net.userStart.assign(static_cast<std::size_t>(G + 1), 0);
  for (int g = 0; g < G; ++g) {
    net.userStart[g] = static_cast<int>(net.userGood.size());
    for (std::size_t u = 0; u < users[g].size(); ++u) {
      net.userGood.push_back(users[g][u].first);
      net.userUnits.push_back(users[g][u].second);
      net.userShare.push_back(userShares[g][u]);
    }
  }
  net.userStart[G] = static_cast<int>(net.userGood.size());
  // Each recipe entry's place among its input's users: users were listed by good, then entry.
  net.recipeUse.assign(net.recipeInput.size(), -1);
  std::vector<int> nextUse(net.userStart.begin(), net.userStart.end() - 1);
  for (int g = 0; g < G; ++g) {
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) net.recipeUse[k] = nextUse[net.recipeInput[k]]++;
  }
  if (problems.empty() && !TopologicalOrder(net)) problems.push_back({"goods", "recipes form a cycle"});
}

// Value per unit of an input in its use u, at its user's chain value (ValuePerInputUnit).
double UseValue(const Network& net, const std::vector<double>& chainValue, int u) {
  return ValuePerInputUnit(chainValue[net.userGood[u]], net.userShare[u], net.userUnits[u]);
}

// The uses of each good from the highest value per unit to the lowest: its own final demand (its
// price times its downstream multiplier) and each good made from it, at the value of what that good
// ends up in (the highest of its own final value and its users', per unit of this input: a tonne of
// oxide in magnets is worth what the magnets' best use loses without it). A region short of the good
// serves them in this order; uses of equal value share.
KZ_OUT_OF_LINE void BuildUseOrder(Network& net) {
  const int G = net.goods;
  std::vector<double> chainValue(static_cast<std::size_t>(G), 0.0);
  for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it) {  // users before inputs
    const int g = *it;
    double value = net.basePrice[g] * net.valueMultiplier[g];
    for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) {
      value = std::max(value, UseValue(net, chainValue, u));
    }
    chainValue[g] = value;
  }
  net.useOrderStart.assign(static_cast<std::size_t>(G + 1), 0);
  net.useOrder.clear();
  net.useValue.clear();
  for (int g = 0; g < G; ++g) {
    net.useOrderStart[g] = static_cast<int>(net.useOrder.size());
    std::vector<std::pair<double, int>> uses;
    uses.emplace_back(net.basePrice[g] * net.valueMultiplier[g], Network::kFinalUse);
    for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) {
      uses.emplace_back(UseValue(net, chainValue, u), u);
    }
    std::stable_sort(uses.begin(), uses.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [value, use] : uses) {
      net.useOrder.push_back(use);
      net.useValue.push_back(value);
    }
  }
  net.useOrderStart[G] = static_cast<int>(net.useOrder.size());
}

// Caps any single non-partner supplier's share at `maxShare` and hands the excess to the buyer's
// other suppliers in proportion to their shares (a few passes, as handing over can push one over).
void ApplyDiversificationCap(Network& net, int buyer, int g, double maxShare, const std::vector<char>& partner) {
  for (int pass = 0; pass < 8; ++pass) {
    double excess = 0.0;
    double receivingTotal = 0.0;
    for (int s = 0; s < net.regions; ++s) {
      double& share = net.share[net.Share(g, buyer, s)];
      const bool capped = s != buyer && !partner[s];
      if (capped && share > maxShare) {
        excess += share - maxShare;
        share = maxShare;
      } else if (share > 0.0 && (!capped || share < maxShare)) {
        receivingTotal += share;
      }
    }
    if (excess <= 0.0) return;
    if (receivingTotal <= 0.0) return;  // no other supplier: the cap cannot be met by re-sourcing
    for (int s = 0; s < net.regions; ++s) {
      double& share = net.share[net.Share(g, buyer, s)];
      const bool capped = s != buyer && !partner[s];
      if (share > 0.0 && (!capped || share < maxShare)) share += excess * share / receivingTotal;
    }
  }
}

// Baseline (undisrupted, month 0) use of each good by each region, for stockpile targets:
// final demand plus the inputs its producers need to fill their baseline orders.
KZ_OUT_OF_LINE std::vector<double> BaselineUse(const Network& net) {
  std::vector<double> need(net.demand0);
  std::vector<double> production(need.size(), 0.0);
  for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it) {
    const int g = *it;
    for (int r = 0; r < net.regions; ++r) {
      for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) {
        need[net.RG(r, g)] += net.userUnits[u] * production[net.RG(r, net.userGood[u])];
      }
    }
    for (int s = 0; s < net.regions; ++s) {
      double ordered = 0.0;
      for (int r = 0; r < net.regions; ++r) ordered += need[net.RG(r, g)] * net.share[net.Share(g, r, s)];
      production[net.RG(s, g)] = std::min(ordered, net.capacity[net.RG(s, g)]);
    }
  }
  return need;
}

// Sparse trade links and producers from the dense shares (see network.hpp).
KZ_OUT_OF_LINE void BuildLinks(Network& net, const std::vector<double>& baselineUse) {
  net.linkStart.assign(static_cast<std::size_t>(net.goods + 1), 0);
  net.producerStart.assign(static_cast<std::size_t>(net.goods + 1), 0);
  for (int g = 0; g < net.goods; ++g) {
    net.linkStart[g] = static_cast<int>(net.linkBuyer.size());
    net.producerStart[g] = static_cast<int>(net.producerRegion.size());
    for (int seller = 0; seller < net.regions; ++seller) {
      const bool producer = net.hasFacility[net.RG(seller, g)] != 0;
      if (producer) {
        net.producerRegion.push_back(seller);
        net.producerLinkBegin.push_back(static_cast<int>(net.linkBuyer.size()));
      }
      for (int buyer = 0; buyer < net.regions; ++buyer) {
        const double share = net.share[net.Share(g, buyer, seller)];
        if (share <= 0.0) continue;
        net.linkBuyer.push_back(buyer);
        net.linkSeller.push_back(seller);
        net.linkShare.push_back(share);
        net.linkContract.push_back(share * baselineUse[net.RG(buyer, g)]);
      }
      if (producer) net.producerLinkEnd.push_back(static_cast<int>(net.linkBuyer.size()));
    }
  }
  net.linkStart[net.goods] = static_cast<int>(net.linkBuyer.size());
  net.producerStart[net.goods] = static_cast<int>(net.producerRegion.size());
}

// An event's strength as the engine applies it: what leaks through a restriction or chokepoint
// (licences, transshipment, smuggling) is never stopped.
double EffectiveFraction(const Event& event) {
  const bool shipment = event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint;
  return shipment ? event.fraction * (1.0 - event.leakage) : event.fraction;
}

TimedEffect EffectFromEvent(const Event& event, int index, const IdMap& regionIds, const IdMap& goodIds,
                            const Network& net, std::vector<Problem>& problems) {
  const auto path = [index] { return "events[" + std::to_string(index) + "]"; };
  TimedEffect effect;
  effect.kind = event.kind;
  const bool shipment = event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint;
  effect.regionMask = MaskOf(regionIds, event.regions, net.regions, false, [&] { return path() + ".regions"; }, "region", problems);
  effect.targetMask = MaskOf(regionIds, event.targets, net.regions, shipment, [&] { return path() + ".targets"; }, "region", problems);
  effect.goodMask = MaskOf(goodIds, event.goods, net.goods, event.kind == EventKind::Chokepoint, [&] { return path() + ".goods"; },
                           "good", problems);
  effect.fraction = EffectiveFraction(event);
  effect.start = event.start;
  effect.duration = std::max(1, event.duration);
  effect.recovery = event.recovery;
  effect.recoveryMonths = std::max(0, event.recoveryMonths);
  effect.sourceIndex = index;
  return effect;
}

}  // namespace

// Run-time events come in every Monte Carlo run, so this path avoids the id maps and message strings
// of CompileNetwork: ids are found by a linear scan (a few dozen at most) and text is built only
// for a problem.
std::vector<TimedEffect> CompileExtraEvents(const Network& net, const std::vector<Event>& events,
                                            std::vector<Problem>& problems) {
  auto mask = [&](const std::vector<std::string>& ids, const std::vector<std::string>& known, bool emptyMeansAll,
                  std::size_t event, const char* field) {
    std::vector<char> result(known.size(), ids.empty() && emptyMeansAll ? 1 : 0);
    for (const std::string& id : ids) {
      const auto it = std::find(known.begin(), known.end(), id);
      if (it == known.end()) {
        problems.push_back({"events[" + std::to_string(event) + "]." + field, "unknown id '" + id + "'"});
      } else {
        result[static_cast<std::size_t>(it - known.begin())] = 1;
      }
    }
    return result;
  };
  std::vector<TimedEffect> effects(events.size());
  for (std::size_t e = 0; e < events.size(); ++e) {
    const Event& event = events[e];
    TimedEffect& effect = effects[e];
    const bool shipment = event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint;
    effect.kind = event.kind;
    effect.regionMask = mask(event.regions, net.regionIds, false, e, "regions");
    effect.targetMask = mask(event.targets, net.regionIds, shipment, e, "targets");
    effect.goodMask = mask(event.goods, net.goodIds, event.kind == EventKind::Chokepoint, e, "goods");
    effect.fraction = EffectiveFraction(event);
    effect.start = event.start;
    effect.duration = std::max(1, event.duration);
    effect.recovery = event.recovery;
    effect.recoveryMonths = std::max(0, event.recoveryMonths);
    effect.sourceIndex = net.nextEffectIndex + static_cast<int>(e);
  }
  return effects;
}

double TimedEffect::StrengthAt(int t) const {
  if (t < start) return 0.0;
  const int fullUntil = start + duration;  // exclusive
  if (t < fullUntil) return fraction;
  if (recovery == RecoveryShape::Linear && recoveryMonths > 0 && t < fullUntil + recoveryMonths) {
    const double recovered = static_cast<double>(t - fullUntil + 1) / static_cast<double>(recoveryMonths + 1);
    return fraction * (1.0 - recovered);
  }
  return 0.0;
}

double MonthlyGrowthFactor(double annualGrowth) {
  const double target = 1.0 + annualGrowth;
  if (target <= 0.0) return 0.0;
  double x = 1.0 + annualGrowth / 12.0;  // close to the root for realistic growth rates
  for (int i = 0; i < 60; ++i) {
    double x11 = 1.0;
    for (int k = 0; k < 11; ++k) x11 *= x;
    const double next = x - (x11 * x - target) / (12.0 * x11);
    if (next == x) break;
    x = next;
  }
  return x;
}

namespace {

// CompileNetworkBase's work. False when a problem stops compiling early; the problems found after
// that point (policies) do not, so that CompileNetwork still reports the frameworks' and events'.
bool CompileBaseInto(const Scenario& scenario, NetworkBase& base, std::vector<Problem>& problems) {
  Network& net = base.net;
  net.regions = static_cast<int>(scenario.regions.size());
  net.goods = static_cast<int>(scenario.goods.size());
  net.months = scenario.horizonMonths;
  net.monthlyRate = MonthlyRate(scenario.discountRate);
  if (net.regions == 0) problems.push_back({"regions", "at least one region is needed"});
  if (net.goods == 0) problems.push_back({"goods", "at least one good is needed"});
  if (net.months < 1 || net.months > kMaxHorizonMonths) {
    problems.push_back({"horizonMonths", "must be in 1.." + std::to_string(kMaxHorizonMonths)});
  }
  if (!problems.empty()) return false;
  base.regionIndex = IndexIds(scenario.regions);
  base.goodIndex = IndexIds(scenario.goods);
  const IdMap& regionIds = base.regionIndex;
  const IdMap& goodIds = base.goodIndex;
  const int R = net.regions;
  const int G = net.goods;
  const std::size_t RG = static_cast<std::size_t>(R * G);
  for (const Region& region : scenario.regions) net.regionIds.push_back(region.id);
  for (const Good& good : scenario.goods) net.goodIds.push_back(good.id);

  BuildRecipes(scenario, goodIds, net, problems);
  for (const Good& good : scenario.goods) {
    net.basePrice.push_back(good.basePrice);
    net.valueMultiplier.push_back(good.valueMultiplier);
    net.demandElasticity.push_back(good.demandElasticity);
    net.priceSensitivity.push_back(good.priceSensitivity);
    net.priceMaxMultiple.push_back(good.priceMaxMultiple);
    net.priceAdjustment.push_back(good.priceAdjustment);
    net.qualificationMonths.push_back(good.qualificationMonths);
    net.interchangeable.push_back(good.interchangeable);
    net.adaptationMax.push_back(good.adaptationMax);
    net.adaptationMonths.push_back(std::max(1, good.adaptationMonths));
  }
  if (problems.empty()) BuildUseOrder(net);
  net.unitValueAdded = UnitValueAdded(scenario);

  net.hasFacility.assign(RG, 0);
  net.capacity.assign(RG, 0.0);
  net.initialStock.assign(RG, 0.0);
  net.maxRamp.assign(RG, 1.0);
  for (std::size_t i = 0; i < scenario.facilities.size(); ++i) {
    const Facility& facility = scenario.facilities[i];
    const auto path = [i](const char* field) { return "facilities[" + std::to_string(i) + "]." + field; };
    const int r = Resolve(regionIds, facility.region, [&] { return path("region"); }, "region", problems);
    const int g = Resolve(goodIds, facility.good, [&] { return path("good"); }, "good", problems);
    if (r < 0 || g < 0) continue;
    net.hasFacility[net.RG(r, g)] = 1;
    net.capacity[net.RG(r, g)] = facility.capacity;
    net.initialStock[net.RG(r, g)] = facility.initialStock;
    net.maxRamp[net.RG(r, g)] = facility.maxRampPerMonth;
  }

  net.demand0.assign(RG, 0.0);
  net.demandMonthlyGrowth.assign(RG, 1.0);
  for (int g = 0; g < G; ++g) {
    const Good& good = scenario.goods[g];
    for (std::size_t k = 0; k < good.finalDemand.size(); ++k) {
      const auto path = [&] { return "goods[" + std::to_string(g) + "].finalDemand[" + std::to_string(k) + "].region"; };
      const int r = Resolve(regionIds, good.finalDemand[k].region, path, "region", problems);
      if (r < 0) continue;
      net.demand0[net.RG(r, g)] += good.finalDemand[k].monthly;
      net.demandMonthlyGrowth[net.RG(r, g)] = MonthlyGrowthFactor(good.finalDemand[k].growthPerYear);
    }
  }

  net.share.assign(static_cast<std::size_t>(G) * static_cast<std::size_t>(R * R), 0.0);
  for (std::size_t i = 0; i < scenario.trade.size(); ++i) {
    const TradeShare& trade = scenario.trade[i];
    const auto path = [i](const char* field) { return "trade[" + std::to_string(i) + "]." + field; };
    const int buyer = Resolve(regionIds, trade.buyer, [&] { return path("buyer"); }, "region", problems);
    const int g = Resolve(goodIds, trade.good, [&] { return path("good"); }, "good", problems);
    const int seller = Resolve(regionIds, trade.seller, [&] { return path("seller"); }, "region", problems);
    if (buyer < 0 || g < 0 || seller < 0) continue;
    net.share[net.Share(g, buyer, seller)] += trade.share;
  }
  if (!problems.empty()) return false;

  // Policies. Regions without a policy block respond after the default lag.
  net.responseLag.assign(static_cast<std::size_t>(R), RegionPolicy{}.responseLagMonths);
  for (std::vector<double>* perRegionGood :
       {&net.stockpileTarget, &net.stockpileInitial, &net.releasePerMonth, &net.refillPerMonth,
        &net.holdingCostPerMonth, &net.substitutionMax, &net.substitutionCost, &net.recyclingRate,
        &net.investCapacity, &net.investCapexPerMonth}) {
    perRegionGood->assign(RG, 0.0);
  }
  net.releaseTrigger.assign(RG, 0.0);
  net.releaseWithoutLag.assign(RG, 0);
  net.substitutionMonths.assign(RG, 1);
  net.recyclingLag.assign(RG, 0);
  net.investStart.assign(RG, 0);
  net.investLead.assign(RG, 0);
  net.investRamp.assign(RG, 0);

  // Diversification first: it changes the shares that baseline use (and so stockpile targets) follow.
  for (std::size_t p = 0; p < scenario.policies.size(); ++p) {
    const RegionPolicy& policy = scenario.policies[p];
    const auto path = [p] { return "policies[" + std::to_string(p) + "]"; };
    const int r = Resolve(regionIds, policy.region, [&] { return path() + ".region"; }, "region", problems);
    if (r < 0) continue;
    for (std::size_t k = 0; k < policy.diversification.size(); ++k) {
      const DiversificationPolicy& d = policy.diversification[k];
      const auto where = [&] { return path() + ".diversification[" + std::to_string(k) + "]"; };
      const int g = Resolve(goodIds, d.good, [&] { return where() + ".good"; }, "good", problems);
      const std::vector<char> partners =
          MaskOf(regionIds, d.partners, R, false, [&] { return where() + ".partners"; }, "region", problems);
      if (g >= 0) ApplyDiversificationCap(net, r, g, d.maxShare, partners);
    }
  }
  if (!problems.empty()) return false;

  base.baselineUse = BaselineUse(net);
  const std::vector<double>& baselineUse = base.baselineUse;
  net.userStockTarget.assign(RG, 0.0);
  for (int r = 0; r < R; ++r) {
    for (int g = 0; g < G; ++g) net.userStockTarget[net.RG(r, g)] = scenario.goods[g].userStockMonths * baselineUse[net.RG(r, g)];
  }
  int exportControlIndex = static_cast<int>(scenario.events.size());
  for (std::size_t p = 0; p < scenario.policies.size(); ++p) {
    const RegionPolicy& policy = scenario.policies[p];
    const auto path = [p] { return "policies[" + std::to_string(p) + "]"; };
    const int r = Resolve(regionIds, policy.region, [&] { return path() + ".region"; }, "region", problems);
    if (r < 0) continue;
    net.responseLag[r] = policy.responseLagMonths;
    auto goodOf = [&](const std::string& id, const char* list, std::size_t k) {
      return Resolve(goodIds, id, [&] { return path() + "." + list + "[" + std::to_string(k) + "].good"; }, "good",
                     problems);
    };
    for (std::size_t k = 0; k < policy.stockpiles.size(); ++k) {
      const StockpilePolicy& s = policy.stockpiles[k];
      const int g = goodOf(s.good, "stockpiles", k);
      if (g < 0) continue;
      const std::size_t i = net.RG(r, g);
      net.stockpileTarget[i] = s.targetMonths * baselineUse[i];
      net.stockpileInitial[i] = s.initialFill * net.stockpileTarget[i];
      net.releaseTrigger[i] = s.releaseTrigger;
      net.releaseWithoutLag[i] = s.releaseWithoutLag ? 1 : 0;
      net.releasePerMonth[i] = s.releasePerMonth * net.stockpileTarget[i];
      net.refillPerMonth[i] = s.refillPerMonth * net.stockpileTarget[i];
      net.holdingCostPerMonth[i] = s.holdingCostPerYear * net.basePrice[g] / 12.0;
    }
    for (std::size_t k = 0; k < policy.investments.size(); ++k) {
      const InvestmentPolicy& inv = policy.investments[k];
      const int g = goodOf(inv.good, "investments", k);
      if (g < 0) continue;
      const std::size_t i = net.RG(r, g);
      net.investCapacity[i] = inv.capacity;
      net.investStart[i] = inv.start;
      net.investLead[i] = inv.leadMonths;
      net.investRamp[i] = inv.rampMonths;
      net.investCapexPerMonth[i] = CapitalChargePerMonth(inv.capacity * inv.capexPerUnit, net.monthlyRate, kAssetLifeMonths);
    }
    for (std::size_t k = 0; k < policy.substitution.size(); ++k) {
      const SubstitutionPolicy& s = policy.substitution[k];
      const int g = goodOf(s.good, "substitution", k);
      if (g < 0) continue;
      net.substitutionMax[net.RG(r, g)] = s.maxReduction;
      net.substitutionMonths[net.RG(r, g)] = std::max(1, s.monthsToFull);
      // At least the good's base price per unit avoided: a substitute cheaper than the good would be
      // in use without any shock (and would make a shock that sets it going a gain). InertRules
      // warns of a lower cost.
      net.substitutionCost[net.RG(r, g)] = std::max(s.costPerUnit, net.basePrice[g]);
    }
    for (std::size_t k = 0; k < policy.recycling.size(); ++k) {
      const RecyclingPolicy& rec = policy.recycling[k];
      const int g = goodOf(rec.good, "recycling", k);
      if (g < 0) continue;
      net.recyclingRate[net.RG(r, g)] = rec.rate;
      net.recyclingLag[net.RG(r, g)] = rec.lagMonths;
    }
    for (std::size_t k = 0; k < policy.exportControls.size(); ++k) {
      const ExportControlPolicy& control = policy.exportControls[k];
      Event asEvent;
      asEvent.kind = EventKind::ExportRestriction;
      asEvent.regions = {policy.region};
      asEvent.targets = control.targets;
      asEvent.goods = {control.good};
      asEvent.fraction = control.fraction;
      asEvent.start = control.start;
      asEvent.duration = control.duration;
      std::vector<Problem> local;
      net.effects.push_back(EffectFromEvent(asEvent, exportControlIndex++, regionIds, goodIds, net, local));
      for (Problem& problem : local) {
        const std::string where = path() + ".exportControls[" + std::to_string(k) + "]";
        problems.push_back({where + problem.path.substr(problem.path.find('.')), problem.message});
      }
    }
  }

  base.exportControlIndex = exportControlIndex;
  return true;
}

// Frameworks and events into `net` (a copy of a base's network), as CompileNetwork's last step.
void CompleteInto(const NetworkBase& base, const Scenario& scenario, Network& net, std::vector<Problem>& problems) {
  CompileFrameworks(scenario, base.baselineUse, net, problems);
  BuildLinks(net, base.baselineUse);
  for (std::size_t e = 0; e < scenario.events.size(); ++e) {
    net.effects.push_back(
        EffectFromEvent(scenario.events[e], static_cast<int>(e), base.regionIndex, base.goodIndex, net, problems));
  }
  for (const TimedEffect& effect : net.effects) {
    if (net.firstDisruptionMonth < 0 || effect.start < net.firstDisruptionMonth) net.firstDisruptionMonth = effect.start;
  }
  net.nextEffectIndex = base.exportControlIndex + static_cast<int>(scenario.frameworks.size());
}

}  // namespace

Expected<Network> CompileNetwork(const Scenario& scenario) {
  std::vector<Problem> problems;
  NetworkBase base;
  if (!CompileBaseInto(scenario, base, problems)) return problems;
  CompleteInto(base, scenario, base.net, problems);
  if (!problems.empty()) return problems;
  return std::move(base.net);
}

Expected<NetworkBase> CompileNetworkBase(const Scenario& scenario) {
  std::vector<Problem> problems;
  NetworkBase base;
  if (!CompileBaseInto(scenario, base, problems) || !problems.empty()) return problems;
  return base;
}

Expected<Network> CompleteNetwork(const NetworkBase& base, const Scenario& scenario) {
  std::vector<Problem> problems;
  Network net = base.net;
  CompleteInto(base, scenario, net, problems);
  if (!problems.empty()) return problems;
  return net;
}

}  // namespace kz
