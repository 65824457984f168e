// The month loop (see engine.hpp for the order of a step). Section index:
//   Workspace            state and scratch arrays, allocated once per run
//   Effects              events and export controls at month t
//   Planning             orders flow from final goods up the recipes (reverse topological order)
//   Clearing             production and each good's market, inputs first (topological order)
//   Explain              the binding constraint behind a shortfall
//   Run                  the step sequence, recording, metrics
#include "kizuna/engine.hpp"

#include <algorithm>
#include <limits>

#include "kizuna/validate.hpp"
#include "network.hpp"

namespace kz {
namespace {

constexpr double kShortageThreshold = 0.99;  // fulfilment below this counts as a shortage (responses, metrics)
constexpr double kTiny = 1e-12;              // volumes below this are treated as zero

// ---------------------------------------------------------------------------------------------
// Workspace
// ---------------------------------------------------------------------------------------------
struct Workspace {
  explicit Workspace(const Network& net) {
    const std::size_t rg = static_cast<std::size_t>(net.regions * net.goods);
    const std::size_t grr = static_cast<std::size_t>(net.goods) * static_cast<std::size_t>(net.regions * net.regions);
    const std::size_t r = static_cast<std::size_t>(net.regions);
    for (std::vector<double>* v : {&inventory, &inputStock, &stockpile, &price, &prevProduction, &planned, &capEff,
                                   &capFull, &capEvent, &finalDemand, &need, &local, &toOrder, &refill, &resource,
                                   &fulfil, &capFactor, &demandFactor, &demandLevel, &production, &strongestLoss}) {
      v->assign(rg, 0.0);
    }
    for (std::vector<int>* v : {&shortageSince, &responseStart, &capEffect, &sellerCauseKind, &sellerCauseInput}) {
      v->assign(rg, -1);
    }
    for (std::vector<double>* v : {&orders, &allowed, &pass}) v->assign(grr, 0.0);
    routeEffect.assign(grr, -1);
    routeKind.assign(grr, 0);
    for (std::vector<double>* v : {&column, &ships, &supply, &allowedTotal, &spare, &leftover, &unmet, &request,
                                   &delivered, &extra}) {
      v->assign(r, 0.0);
    }
    responding.assign(rg, 0);
    ships2.assign(r * r, 0.0);
    firstShips.assign(r * r, 0.0);
    causeVolume.assign(static_cast<std::size_t>(net.effects.size()) + 4 * r + static_cast<std::size_t>(net.goods) * r, 0.0);
  }

  // State carried between months, per (region, good).
  std::vector<double> inventory, inputStock, stockpile, price, prevProduction, demandLevel;
  std::vector<int> shortageSince, responseStart;
  // Per month, per (region, good).
  std::vector<double> planned, capEff, capFull, capEvent, finalDemand, need, local, toOrder, refill, resource,
      fulfil, capFactor, demandFactor, production, strongestLoss;
  std::vector<char> responding;  // the region is in a shortage of the good and its response lag has passed
  std::vector<int> capEffect, sellerCauseKind, sellerCauseInput;
  // Per good, buyer x seller: index Network::Share(g, buyer, seller).
  std::vector<double> orders, allowed, pass;
  std::vector<int> routeEffect;
  std::vector<char> routeKind;  // EventKind of routeEffect
  // Per region scratch.
  std::vector<double> column, ships, supply, allowedTotal, spare, leftover, unmet, request, delivered, extra;
  std::vector<double> ships2, firstShips;  // buyer x seller for the good being cleared
  std::vector<double> causeVolume;
};

bool Affects(const TimedEffect& effect, int region, int good) {
  return effect.regionMask[region] && effect.goodMask[good];
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------
void ApplyEffects(const Network& net, int t, Workspace& w) {
  std::fill(w.capFactor.begin(), w.capFactor.end(), 1.0);
  std::fill(w.demandFactor.begin(), w.demandFactor.end(), 1.0);
  std::fill(w.capEffect.begin(), w.capEffect.end(), -1);
  std::vector<double>& strongest = w.strongestLoss;
  std::fill(strongest.begin(), strongest.end(), 0.0);
  for (std::size_t e = 0; e < net.effects.size(); ++e) {
    const TimedEffect& effect = net.effects[e];
    const double strength = effect.StrengthAt(t);
    if (strength == 0.0) continue;
    if (effect.kind != EventKind::CapacityLoss && effect.kind != EventKind::DemandShock) continue;
    for (int r = 0; r < net.regions; ++r) {
      for (int g = 0; g < net.goods; ++g) {
        if (!Affects(effect, r, g)) continue;
        const std::size_t i = net.RG(r, g);
        if (effect.kind == EventKind::DemandShock) {
          w.demandFactor[i] *= std::max(0.0, 1.0 + strength);
        } else {
          w.capFactor[i] *= std::clamp(1.0 - strength, 0.0, 1.0);
          if (strength > strongest[i]) {
            strongest[i] = strength;
            w.capEffect[i] = effect.sourceIndex;
          }
        }
      }
    }
  }
}

// Share of shipments from each seller to each buyer of good g that may pass this month.
void ComputeRoutePass(const Network& net, int t, int g, Workspace& w) {
  const std::size_t base = net.Share(g, 0, 0);
  std::fill(w.pass.begin() + static_cast<std::ptrdiff_t>(base),
            w.pass.begin() + static_cast<std::ptrdiff_t>(base + static_cast<std::size_t>(net.regions * net.regions)), 1.0);
  std::fill(w.routeEffect.begin() + static_cast<std::ptrdiff_t>(base),
            w.routeEffect.begin() + static_cast<std::ptrdiff_t>(base + static_cast<std::size_t>(net.regions * net.regions)), -1);
  for (const TimedEffect& effect : net.effects) {
    if (effect.kind != EventKind::ExportRestriction && effect.kind != EventKind::Chokepoint) continue;
    if (!effect.goodMask[g]) continue;
    const double strength = effect.StrengthAt(t);
    if (strength == 0.0) continue;
    for (int seller = 0; seller < net.regions; ++seller) {
      if (!effect.regionMask[seller]) continue;
      for (int buyer = 0; buyer < net.regions; ++buyer) {
        if (buyer == seller || !effect.targetMask[buyer]) continue;  // a region never restricts itself
        const std::size_t i = net.Share(g, buyer, seller);
        const double before = w.pass[i];
        w.pass[i] *= std::clamp(1.0 - strength, 0.0, 1.0);
        if (w.routeEffect[i] < 0 || strength > 1.0 - before) {
          w.routeEffect[i] = effect.sourceIndex;
          w.routeKind[i] = static_cast<char>(effect.kind);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------
double InvestedCapacity(const Network& net, std::size_t i, int t) {
  if (net.investCapacity[i] <= 0.0) return 0.0;
  const int built = net.investStart[i] + net.investLead[i];
  if (t < built) return 0.0;
  if (net.investRamp[i] <= 0) return net.investCapacity[i];
  const double ramp = std::min(1.0, static_cast<double>(t - built + 1) / static_cast<double>(net.investRamp[i]));
  return net.investCapacity[i] * ramp;
}

void PlanGood(const Network& net, int t, int g, Workspace& w) {
  const int R = net.regions;
  ComputeRoutePass(net, t, g, w);
  for (int r = 0; r < R; ++r) {
    const std::size_t i = net.RG(r, g);
    double intermediate = 0.0;
    for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) {
      intermediate += net.userUnits[u] * w.planned[net.RG(r, net.userGood[u])];
    }
    w.need[i] = w.finalDemand[i] + intermediate;
    w.refill[i] = w.responding[i] ? 0.0 : std::min(net.refillPerMonth[i], std::max(0.0, net.stockpileTarget[i] - w.stockpile[i]));
    w.toOrder[i] = std::max(0.0, w.need[i] + w.refill[i] - w.local[i]);
    for (int s = 0; s < R; ++s) {
      const std::size_t k = net.Share(g, r, s);
      w.orders[k] = w.toOrder[i] * net.share[k];
      w.allowed[k] = w.orders[k] * w.pass[k];
    }
  }
  // First round: each seller plans for the orders that may reach it, plus topping up its inventory.
  for (int s = 0; s < R; ++s) {
    const std::size_t i = net.RG(s, g);
    double total = 0.0;
    for (int r = 0; r < R; ++r) total += w.allowed[net.Share(g, r, s)];
    w.allowedTotal[s] = total;
    w.planned[i] = net.hasFacility[i]
                       ? std::clamp(total + net.initialStock[i] - w.inventory[i], 0.0, w.capEff[i])
                       : 0.0;
    w.spare[s] = net.hasFacility[i] ? w.capEff[i] - w.planned[i] : 0.0;
  }
  // Re-sourcing: buyers expect what restrictions and rationing leave unmet and, as far as their
  // qualification of new suppliers allows, ask sellers with spare capacity.
  double anyRequest = 0.0;
  for (int r = 0; r < R; ++r) {
    double expectedUnmet = 0.0;
    for (int s = 0; s < R; ++s) {
      const std::size_t k = net.Share(g, r, s);
      const double available = w.planned[net.RG(s, g)] + w.inventory[net.RG(s, g)];
      const double ratio = w.allowedTotal[s] > kTiny ? std::min(1.0, available / w.allowedTotal[s]) : 1.0;
      expectedUnmet += w.orders[k] - w.allowed[k] * ratio;
    }
    w.request[r] = w.resource[net.RG(r, g)] * std::max(0.0, expectedUnmet);
    anyRequest += w.request[r];
  }
  if (anyRequest <= kTiny) return;
  std::fill(w.extra.begin(), w.extra.end(), 0.0);
  for (int r = 0; r < R; ++r) {
    if (w.request[r] <= kTiny) continue;
    double weight = 0.0;
    for (int s = 0; s < R; ++s) weight += w.spare[s] * w.pass[net.Share(g, r, s)];
    if (weight <= kTiny) continue;
    for (int s = 0; s < R; ++s) w.extra[s] += w.request[r] * w.spare[s] * w.pass[net.Share(g, r, s)] / weight;
  }
  for (int s = 0; s < R; ++s) w.planned[net.RG(s, g)] += std::min(w.spare[s], w.extra[s]);
}

// ---------------------------------------------------------------------------------------------
// Clearing
// ---------------------------------------------------------------------------------------------
// Output of good g in region s, limited by the inputs its region received (Leontief: the scarcest
// input binds). Unused allocated inputs go back to the region's input stock.
void ProduceGood(const Network& net, int g, Workspace& w) {
  for (int s = 0; s < net.regions; ++s) {
    const std::size_t i = net.RG(s, g);
    double inputRatio = 1.0;
    int bindingInput = -1;
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) {
      const double phi = w.fulfil[net.RG(s, net.recipeInput[k])];
      if (phi < inputRatio) {
        inputRatio = phi;
        bindingInput = net.recipeInput[k];
      }
    }
    w.production[i] = w.planned[i] * inputRatio;
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) {
      const std::size_t input = net.RG(s, net.recipeInput[k]);
      const double allocated = w.fulfil[input] * net.recipeUnits[k] * w.planned[i];
      w.inputStock[input] += allocated - net.recipeUnits[k] * w.production[i];
    }
    // What limited this seller, for Explain.
    const bool capacityBound = w.planned[i] >= w.capEff[i] - kTiny * (1.0 + w.capEff[i]);
    if (bindingInput >= 0 && inputRatio < 1.0 - 1e-9) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::InputShortage);
      w.sellerCauseInput[i] = bindingInput;
    } else if (capacityBound && w.capEff[i] < w.capEvent[i] - 1e-9 * (1.0 + w.capEvent[i])) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::RampUp);
    } else if (capacityBound && w.capEffect[i] >= 0) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::CapacityLoss);
    } else {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::Capacity);
    }
  }
}

void ClearGood(const Network& net, int g, const AllocationRule& rule, Workspace& w) {
  const int R = net.regions;
  // Round 1: sellers share out production plus inventory among the orders that may pass.
  std::fill(w.delivered.begin(), w.delivered.end(), 0.0);
  for (int s = 0; s < R; ++s) {
    const std::size_t i = net.RG(s, g);
    w.supply[s] = w.production[i] + w.inventory[i];
    for (int r = 0; r < R; ++r) w.column[r] = w.allowed[net.Share(g, r, s)];
    rule.Allocate(g, s, w.column.data(), R, w.supply[s], w.ships.data());
    double shipped = 0.0;
    for (int r = 0; r < R; ++r) {
      w.firstShips[static_cast<std::size_t>(r * R + s)] = w.ships[r];
      w.delivered[r] += w.ships[r];
      shipped += w.ships[r];
    }
    w.leftover[s] = std::max(0.0, w.supply[s] - shipped);
  }
  // Round 2: re-sourcing of what is still unmet, from sellers with supply left, as far as each
  // buyer has qualified new suppliers; proportional where requests exceed what is left.
  std::fill(w.ships2.begin(), w.ships2.end(), 0.0);
  std::fill(w.extra.begin(), w.extra.end(), 0.0);  // requests per seller
  bool anyRequest = false;
  for (int r = 0; r < R; ++r) {
    w.unmet[r] = std::max(0.0, w.toOrder[net.RG(r, g)] - w.delivered[r]);
    w.request[r] = w.resource[net.RG(r, g)] * w.unmet[r];
    if (w.request[r] <= kTiny) continue;
    double weight = 0.0;
    for (int s = 0; s < R; ++s) weight += w.leftover[s] * w.pass[net.Share(g, r, s)];
    if (weight <= kTiny) continue;
    for (int s = 0; s < R; ++s) {
      const double asked = w.request[r] * w.leftover[s] * w.pass[net.Share(g, r, s)] / weight;
      w.ships2[static_cast<std::size_t>(r * R + s)] = asked;
      w.extra[s] += asked;
      anyRequest = true;
    }
  }
  if (anyRequest) {
    for (int s = 0; s < R; ++s) {
      const double ratio = w.extra[s] > kTiny ? std::min(1.0, w.leftover[s] / w.extra[s]) : 0.0;
      for (int r = 0; r < R; ++r) {
        double& shipped = w.ships2[static_cast<std::size_t>(r * R + s)];
        shipped *= ratio;
        w.delivered[r] += shipped;
        w.leftover[s] -= shipped;
      }
    }
  }
  for (int s = 0; s < R; ++s) w.inventory[net.RG(s, g)] = std::max(0.0, w.leftover[s]);

  // Buyers: deliveries plus local supply (input stock, recycling), then the stockpile if responding.
  for (int r = 0; r < R; ++r) {
    const std::size_t i = net.RG(r, g);
    double available = w.delivered[r] + w.local[i];
    const double need = w.need[i];
    if (w.responding[i] && net.stockpileTarget[i] > 0.0 && need > kTiny && available < need * net.releaseTrigger[i]) {
      const double release = std::min({w.stockpile[i], net.releasePerMonth[i], need - available});
      w.stockpile[i] -= release;
      available += release;
    }
    const double phi = need > kTiny ? std::min(1.0, available / need) : 1.0;
    w.fulfil[i] = phi;
    const double surplus = std::max(0.0, available - phi * need);
    const double refill = std::min(surplus, w.refill[i]);
    w.stockpile[i] += refill;
    w.inputStock[i] = surplus - refill;
  }
}

// ---------------------------------------------------------------------------------------------
// Explain
// ---------------------------------------------------------------------------------------------
// The largest cause by volume of buyer r's unmet orders for good g: blocked routes (attributed to
// the effect that blocks most) or rationing at a seller (attributed to what limited that seller).
Constraint ExplainShortfall(const Network& net, int r, int g, const Workspace& w) {
  const int R = net.regions;
  Constraint best;
  double bestVolume = kTiny;
  auto consider = [&](double volume, Constraint c) {
    if (volume > bestVolume) {
      bestVolume = volume;
      best = c;
    }
  };
  for (int s = 0; s < R; ++s) {
    const std::size_t k = net.Share(g, r, s);
    const double blocked = w.orders[k] - w.allowed[k];
    if (blocked > kTiny && w.routeEffect[k] >= 0) {
      const auto kind = static_cast<EventKind>(w.routeKind[k]) == EventKind::Chokepoint ? ConstraintKind::Chokepoint
                                                                                         : ConstraintKind::ExportRestriction;
      consider(blocked, Constraint{kind, static_cast<std::int16_t>(s), -1, static_cast<std::int16_t>(w.routeEffect[k])});
    }
    const double rationed = w.allowed[k] - w.firstShips[static_cast<std::size_t>(r * R + s)];
    if (rationed > kTiny) {
      const std::size_t i = net.RG(s, g);
      Constraint c{static_cast<ConstraintKind>(w.sellerCauseKind[i]), static_cast<std::int16_t>(s), -1, -1};
      if (c.kind == ConstraintKind::InputShortage) c.input = static_cast<std::int16_t>(w.sellerCauseInput[i]);
      if (c.kind == ConstraintKind::CapacityLoss) c.event = static_cast<std::int16_t>(w.capEffect[i]);
      consider(rationed, c);
    }
  }
  if (best.kind == ConstraintKind::None) best = Constraint{ConstraintKind::Capacity, -1, -1, -1};  // nothing to order from
  return best;
}

void ComputeMetrics(const Network& net, Results& out) {
  out.metrics.assign(static_cast<std::size_t>(net.regions * net.goods), Metrics{});
  for (int r = 0; r < net.regions; ++r) {
    for (int g = 0; g < net.goods; ++g) {
      Metrics& m = out.metrics[static_cast<std::size_t>(r * net.goods + g)];
      int firstShort = -1;
      int lastShort = -1;
      for (int t = 0; t < net.months; ++t) {
        const std::size_t i = out.Index(t, r, g);
        m.cumulativeLoss += out.loss[i];
        m.policyCost += out.policyCost[i];
        m.peakPrice = std::max(m.peakPrice, out.price[i]);
        if (out.finalDemand[i] > kTiny) {
          const double unmetShare = out.shortfall[i] / out.finalDemand[i];
          m.peakShortfall = std::max(m.peakShortfall, unmetShare);
          if (1.0 - unmetShare < kShortageThreshold) {
            if (firstShort < 0) firstShort = t;
            lastShort = t;
          }
        }
      }
      if (firstShort >= 0) {
        m.timeToSurvive = firstShort - std::max(0, std::min(firstShort, out.firstDisruptionMonth));
        m.timeToRecover = lastShort == net.months - 1 ? -1 : lastShort + 1 - firstShort;
      }
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------
void ProportionalAllocation::Allocate(int, int, const double* orders, int regionCount, double supply,
                                      double* ships) const {
  double total = 0.0;
  for (int r = 0; r < regionCount; ++r) total += orders[r];
  const double ratio = total > kTiny ? std::min(1.0, supply / total) : 0.0;
  for (int r = 0; r < regionCount; ++r) ships[r] = orders[r] * ratio;
}

Simulation::Simulation(std::unique_ptr<Network> compiled) : network(std::move(compiled)) {}
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;
Simulation::~Simulation() = default;

Expected<Simulation> Simulation::Create(const Scenario& scenario) {
  std::vector<Problem> problems = ValidateScenario(scenario);
  if (!problems.empty()) return problems;
  Expected<Network> compiled = CompileNetwork(scenario);
  if (!compiled) return compiled.problems();
  return Simulation(std::make_unique<Network>(std::move(compiled.value())));
}

void Simulation::Run(Results& out, const AllocationRule* rule) const {
  static const ProportionalAllocation kProportional;
  const AllocationRule& allocation = rule ? *rule : kProportional;
  const Network& net = *network;
  const int R = net.regions;
  const int G = net.goods;
  const std::size_t cells = static_cast<std::size_t>(net.months) * static_cast<std::size_t>(R * G);
  out.months = net.months;
  out.regions = R;
  out.goods = G;
  out.regionIds = net.regionIds;
  out.goodIds = net.goodIds;
  out.firstDisruptionMonth = net.firstDisruptionMonth;
  for (std::vector<double>* series : {&out.production, &out.deliveries, &out.finalDemand, &out.finalDelivered,
                                      &out.fulfilment, &out.shortfall, &out.inventory, &out.stockpile, &out.price,
                                      &out.loss, &out.policyCost}) {
    series->assign(cells, 0.0);
  }
  out.binding.assign(cells, Constraint{});
  out.initialInventory = net.initialStock;
  out.initialStockpile = net.stockpileInitial;

  Workspace w(net);
  w.inventory = net.initialStock;
  w.stockpile = net.stockpileInitial;
  w.demandLevel = net.demand0;
  std::fill(w.price.begin(), w.price.end(), 1.0);
  std::fill(w.prevProduction.begin(), w.prevProduction.end(), std::numeric_limits<double>::infinity());

  for (int t = 0; t < net.months; ++t) {
    ApplyEffects(net, t, w);
    // Responses, capacity, demand and local supply of every (region, good) for this month.
    for (int r = 0; r < R; ++r) {
      for (int g = 0; g < G; ++g) {
        const std::size_t i = net.RG(r, g);
        // Responses start `responseLag` months after the first short month (at the earliest the next
        // month). Substitution and supplier qualification, once begun, keep their progress.
        w.responding[i] = w.shortageSince[i] >= 0 && t >= w.shortageSince[i] + net.responseLag[r];
        if (w.responding[i] && w.responseStart[i] < 0) w.responseStart[i] = t;
        const double respondingFor = w.responseStart[i] >= 0 ? static_cast<double>(t - w.responseStart[i] + 1) : 0.0;
        const int qualification = net.qualificationMonths[g];
        w.resource[i] = w.responseStart[i] < 0 ? 0.0
                        : qualification <= 0   ? 1.0
                                               : std::min(1.0, respondingFor / static_cast<double>(qualification));
        const double substitution =
            net.substitutionMax[i] * std::min(1.0, respondingFor / static_cast<double>(net.substitutionMonths[i]));

        w.capFull[i] = net.capacity[i] + InvestedCapacity(net, i, t);
        w.capEvent[i] = w.capFull[i] * w.capFactor[i];
        w.capEff[i] = std::min(w.capEvent[i], w.prevProduction[i] + net.maxRamp[i] * w.capFull[i]);

        const double priceFactor = std::max(0.0, 1.0 - net.demandElasticity[g] * (w.price[i] - 1.0));
        const double wanted = w.demandLevel[i] * w.demandFactor[i] * priceFactor;
        w.finalDemand[i] = wanted * (1.0 - substitution);

        const int lag = std::max(1, net.recyclingLag[i]);
        const double pastConsumption = t - lag >= 0 ? out.finalDelivered[out.Index(t - lag, r, g)] : net.demand0[i];
        w.local[i] = w.inputStock[i] + net.recyclingRate[i] * pastConsumption;
        w.inputStock[i] = 0.0;  // consumed into `local`; what is left over returns in ClearGood

        double cost = w.stockpile[i] * net.holdingCostPerMonth[i] + net.substitutionCost[i] * (wanted - w.finalDemand[i]);
        if (net.investCapacity[i] > 0.0) {
          const int start = net.investStart[i];
          const int lead = net.investLead[i];
          if ((lead > 0 && t >= start && t < start + lead) || (lead == 0 && t == start)) cost += net.investCapexPerMonth[i];
        }
        out.policyCost[out.Index(t, r, g)] = cost;
      }
    }
    for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it) PlanGood(net, t, *it, w);
    for (const int g : net.topoOrder) {
      ProduceGood(net, g, w);
      ClearGood(net, g, allocation, w);
      for (int r = 0; r < R; ++r) {
        const std::size_t i = net.RG(r, g);
        const std::size_t o = out.Index(t, r, g);
        out.production[o] = w.production[i];
        out.deliveries[o] = w.delivered[r];
        out.finalDemand[o] = w.finalDemand[i];
        out.finalDelivered[o] = w.finalDemand[i] * w.fulfil[i];
        out.fulfilment[o] = w.fulfil[i];
        out.shortfall[o] = w.finalDemand[i] - out.finalDelivered[o];
        out.loss[o] = out.shortfall[o] * net.basePrice[g] * net.valueMultiplier[g];
        if (w.fulfil[i] < 1.0 - 1e-9) out.binding[o] = ExplainShortfall(net, r, g, w);
      }
    }
    // Month end: stocks, shortage detection, prices, ramp reference, demand growth.
    for (int r = 0; r < R; ++r) {
      for (int g = 0; g < G; ++g) {
        const std::size_t i = net.RG(r, g);
        const std::size_t o = out.Index(t, r, g);
        out.inventory[o] = w.inventory[i] + w.inputStock[i];
        out.stockpile[o] = w.stockpile[i];
        const bool needed = w.need[i] > kTiny;
        if (needed && w.fulfil[i] < kShortageThreshold) {
          if (w.shortageSince[i] < 0) w.shortageSince[i] = t;
        } else {
          w.shortageSince[i] = -1;
        }
        const double scarcity = needed ? 1.0 - w.fulfil[i] : 0.0;
        const double target = std::min(net.priceMaxMultiple[g], 1.0 + net.priceSensitivity[g] * scarcity);
        w.price[i] += net.priceAdjustment[g] * (target - w.price[i]);
        out.price[o] = w.price[i];
        w.prevProduction[i] = w.production[i];
        w.demandLevel[i] *= net.demandMonthlyGrowth[i];
      }
    }
  }
  ComputeMetrics(net, out);
}

Expected<Results> RunScenario(const Scenario& scenario) {
  Expected<Simulation> simulation = Simulation::Create(scenario);
  if (!simulation) return simulation.problems();
  Results results;
  simulation.value().Run(results);
  return results;
}

}  // namespace kz
