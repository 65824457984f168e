// The month loop (see engine.hpp for the order of a step). Section index:
//   Workspace            state and scratch arrays, allocated once per run
//   Effects              events and export controls at month t
//   Planning             orders flow from final goods up the recipes (reverse topological order);
//                        frameworks' joint plants and costs; re-sourcing spread (SpreadOverSupply)
//   Clearing             production and each good's market, inputs first (topological order):
//                        contracts, offtake, re-sourcing, users' and public stocks, pools, uses
//                        served by value
//   Explain              the binding constraint behind a shortfall
//   Run                  the step sequence, recording, metrics
// The step functions are KZ_OUT_OF_LINE (out_of_line.hpp) so that, in wasm, V8 optimizes each soon
// and on its own rather than one giant month loop late.
#include "kizuna/engine.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "kizuna/assert.hpp"
#include "kizuna/validate.hpp"
#include "minmax.hpp"
#include "network.hpp"
#include "capital_cost.hpp"
#include "out_of_line.hpp"

namespace kz {
namespace {

constexpr double kShortageThreshold = 0.99;  // fulfilment below this counts as a shortage (responses, metrics)
constexpr double kTiny = 1e-12;              // volumes below this are treated as zero
constexpr double kRounding = 1e-9;           // a gap below this share of an order is rounding, whatever the scale
// A region's market for a good is calm again when its price index is back within this of normal:
// until then a response goes on (hysteresis) and no stock, public or private, is rebuilt.
constexpr double kCalmPrice = 1.05;
// Users rebuild their own stocks by at most this share of the target a month [assumption: a
// quarter, so a month of cover drawn down is rebuilt within a season, not at once].
constexpr double kUserStockRefill = 0.25;
// The share of its normal inventory a producer may rebuild in a month. Rebuilt at once, a depleted
// inventory doubled the producer's orders for inputs the month after a shortage, which made them
// short again, and no inventory was rebuilt the month after: a two-month cycle (synthetic-40).
constexpr double kInventoryRefill = 0.25;
// Re-sourcing asks again what sellers could not fill, at most this many times a month: enough to
// place requests with every seller that still has supply in the networks Kizuna runs.
constexpr int kResourcingPasses = 4;

// ---------------------------------------------------------------------------------------------
// Workspace
// ---------------------------------------------------------------------------------------------
struct Workspace {
  explicit Workspace(const Network& net) {
    const std::size_t rg = static_cast<std::size_t>(net.regions * net.goods);
    const std::size_t grr = static_cast<std::size_t>(net.goods) * static_cast<std::size_t>(net.regions * net.regions);
    const std::size_t r = static_cast<std::size_t>(net.regions);
    const std::size_t linkCount = net.linkBuyer.size();
    cells.assign(rg, Cell{});
    params.resize(rg);
    for (std::size_t i = 0; i < rg; ++i) {
      Cell& c = cells[i];
      c.inventory = net.initialStock[i];
      c.held = c.inventory;
      c.stockpile = net.stockpileInitial[i];
      c.userStock = net.userStockTarget[i];
      c.demandLevel = net.demand0[i];
      CellParams& p = params[i];
      p.capacity = net.capacity[i];
      p.maxRamp = net.maxRamp[i];
      p.substitutionMax = net.substitutionMax[i];
      p.substitutionCost = net.substitutionCost[i];
      p.demand0 = net.demand0[i];
      p.recyclingRate = net.recyclingRate[i];
      p.holdingCostPerMonth = net.holdingCostPerMonth[i];
      p.investCapacity = net.investCapacity[i];
      p.investCapexPerMonth = net.investCapexPerMonth[i];
      p.demandMonthlyGrowth = net.demandMonthlyGrowth[i];
      p.substitutionMonths = net.substitutionMonths[i];
      p.recyclingLag = net.recyclingLag[i];
      p.investStart = net.investStart[i];
      p.investLead = net.investLead[i];
      p.investRamp = net.investRamp[i];
      p.userStockTarget = net.userStockTarget[i];
      p.stockpileTarget = net.stockpileTarget[i];
    }
    for (int region = 0; region < net.regions; ++region) {
      for (int g = 0; g < net.goods; ++g) {
        CellParams& p = params[net.RG(region, g)];
        p.demandElasticity = net.demandElasticity[g];
        p.priceMaxMultiple = net.priceMaxMultiple[g];
        p.priceSensitivity = net.priceSensitivity[g];
        p.priceAdjustment = net.priceAdjustment[g];
        p.basePrice = net.basePrice[g];
        p.valueMultiplier = net.valueMultiplier[g];
        p.qualificationMonths = net.qualificationMonths[g];
        p.adaptationMax = net.adaptationMax[g];
        p.adaptationMonths = net.adaptationMonths[g];
        p.responseLag = net.responseLag[region];
      }
    }
    for (std::vector<double>* v : {&capFactor, &demandFactor, &strongestLoss}) v->assign(rg, 0.0);
    for (std::vector<int>* v : {&capEffect, &sellerCauseKind, &sellerCauseInput}) v->assign(rg, -1);
    for (std::vector<double>* v : {&jointCapacity, &jointReserved}) v->assign(rg, 0.0);
    for (std::vector<int>* v : {&firstShort, &lastShort}) v->assign(rg, -1);
    touchedRoutes.resize(static_cast<std::size_t>(net.goods));
    for (std::vector<int>& routes : touchedRoutes) routes.reserve(r * r);
    available.assign(r, 0.0);
    links.resize(linkCount);
    for (std::size_t l = 0; l < linkCount; ++l) {
      links[l].buyer = net.linkBuyer[l];
      links[l].seller = net.linkSeller[l];
      links[l].share = net.linkShare[l];
      links[l].contract = net.linkContract[l];
    }
    pass.assign(grr, 1.0);
    routeEffect.assign(grr, -1);
    routeKind.assign(grr, 0);
    passActive.assign(static_cast<std::size_t>(net.goods), 0);
    goodDisrupted.assign(static_cast<std::size_t>(net.goods), 0);
    goodShortSomewhere.assign(static_cast<std::size_t>(net.goods), 0);
    for (std::vector<double>* v : {&column, &ships, &supply, &spare, &leftover, &unmet, &request, &heldBack,
                                   &delivered, &extra, &ratio, &shippedOnLinks}) {
      v->assign(r, 0.0);
    }
    requestValue.assign(r, 0.0);
    grantShare.assign(r, 0.0);
    granted.assign(r, 0);
    ships2.assign(r * r, 0.0);
    routeCap.assign(r * r, 0.0);
    useFulfil.assign(r * net.userGood.size(), 1.0);
  }

  // Per (region, good), index Network::RG, as one record each (array of structs): in wasm every
  // array access costs an address computation of its own (no scaled-index addressing, and each
  // array's address is one more value to keep in a register or reload), while the fields of one
  // record share one. The month loop touches most fields of a cell together.
  struct Cell {
    // State carried between months.
    double inventory = 0.0, inputStock = 0.0, stockpile = 0.0, price = 1.0, demandLevel = 0.0;
    double userStock = 0.0;   // users' own stock of the good as an input (Good::userStockMonths)
    double held = 0.0;        // producers' inventory plus input stock at the end of last month
    // Capacity in working order: damaged capacity comes back at the ramp limit; capacity that was
    // idle for want of orders or inputs is usable at once.
    double rampCap = std::numeric_limits<double>::infinity();
    double adaptation = 0.0;  // months of adaptation to a shortage: + 1 each month in one, - 1 after
    int shortageSince = -1, responseStart = -1;
    // This month.
    double planned = 0.0, capEff = 0.0, capFull = 0.0, capEvent = 0.0, finalDemand = 0.0, need = 0.0, local = 0.0,
           toOrder = 0.0, refill = 0.0, resource = 0.0, fulfil = 0.0, production = 0.0;
    double delivered = 0.0;     // shipments received, both rounds, once the good is cleared
    double allowedTotal = 0.0;  // orders that may reach the producer, planned before clearing
    double contracted = 0.0;    // of which within its buyers' contracts (Workspace::Link::contract)
    double forUse = 0.0;        // orders for use, not for stocks
    bool calm = true;           // Calm() at planning time
    bool rationed = false;      // a producer that could not fill the orders that reached it (round 1)
    double released = 0.0;      // stockpile released this month (own use and pools together)
    double wantedFinal = 0.0;   // final demand before substitution and adaptation
    double substitution = 0.0;  // the region's substitution policy: share of use avoided
    double thrift = 0.0;        // share of all use avoided (policy and the market's adaptation)
    double userRefill = 0.0;    // bought this month to rebuild users' stocks
    double baselineShipped = 0.0;  // round-1 shipments from the region's usual suppliers
    double finalFulfil = 1.0;   // fulfilment of final demand (uses are served by value)
    double used = 0.0;          // used up as an input by the region's producers
    double marketFulfil = 1.0;  // share of need the market supplied, before any stock was drawn
    double userDrawn = 0.0;     // drawn from users' own stocks this month
    double pricedOut = 0.0;     // final demand given up because of the price this month
    double restocked = 0.0;     // bought into users' and public stocks this month
    double income = 0.0;        // sales minus purchases of the good this month, USD (see Trade)
    // Cost pass-through: what the region paid this month above base prices for the good (spot
    // premiums, and surcharges passed on by its suppliers), per unit of its supply; and, as a
    // producer, the surcharge it passes on to its buyers for the premiums embodied in its output.
    double premium = 0.0, premiumPerUnit = 0.0, passOn = 0.0;
    // The region is in a shortage of the good and its response lag has passed. bool, not char: a store
    // through a char may change any object, so the compiler reloaded everything after writing it.
    bool responding = false;
    bool usesRationed = false;  // the good's uses in the region were last served by value (ServeUsesByValue)
    // An event cuts the capacity of a good made from this one in the region this month: its makers
    // keep their contracts for it (they will need it again as they recover), whatever they order now.
    bool usersDamaged = false;
  };
  // The network's per-(region, good) parameters that the month loop reads for every cell, packed the
  // same way (copied per run: a few microseconds). The good's and the region's parameters are
  // repeated in each cell: read through one record pointer instead of one pointer per array, which
  // V8 had to keep in registers it does not have, spilling and reloading them every cell.
  struct CellParams {
    double capacity, maxRamp, substitutionMax, substitutionCost, demand0, recyclingRate, holdingCostPerMonth,
        investCapacity, investCapexPerMonth, demandMonthlyGrowth;
    double demandElasticity, priceMaxMultiple, priceSensitivity, priceAdjustment, basePrice, valueMultiplier;  // of the good
    int substitutionMonths, recyclingLag, investStart, investLead, investRamp;
    double userStockTarget, stockpileTarget;
    double adaptationMax;     // of the good
    int qualificationMonths;  // of the good
    int adaptationMonths;     // of the good
    int responseLag;          // of the region
  };
  std::vector<Cell> cells;
  std::vector<CellParams> params;
  std::vector<double> capFactor, demandFactor, strongestLoss;
  std::vector<double> jointCapacity;  // capacity built by frameworks' joint investment this month
  std::vector<double> jointReserved;  // of which offered to the projects' members first
  bool factorsChanged = true;  // capFactor, demandFactor, capEffect, strongestLoss differ from no effect
  bool premiumsPaid = false;   // some region paid above base prices this month (cost pass-through)
  std::vector<int> capEffect, sellerCauseKind, sellerCauseInput;
  std::vector<int> firstShort, lastShort;  // per cell, the run's first and last short month (ComputeMetrics)
  // Per trade link (index as Network::linkBuyer...), one record each as for cells: the network's buyer,
  // seller and share, then this month's orders, what may pass restrictions, round-1 shipments.
  struct Link {
    int buyer = 0, seller = 0;
    // The buyer's contract on the link, units a month: what it orders for its own use (not for
    // stocks) while its market is calm, kept through a disruption and while an event damages the
    // buyer's own plants that use the good (from Network::linkContract).
    double share = 0.0, contract = 0.0;
    double orders = 0.0, allowed = 0.0, pass = 0.0, firstShip = 0.0;
  };
  std::vector<Link> links;
  // Dense route pass per good, buyer x seller (Network::Share), filled only for goods with an active
  // restriction or chokepoint this month (passActive); the rest pass in full.
  std::vector<double> pass;
  std::vector<int> routeEffect;
  std::vector<char> routeKind;       // EventKind of routeEffect
  std::vector<std::vector<int>> touchedRoutes;  // per good: routes whose pass an effect changed this month
  // This month's effects on shipments (export restrictions, chokepoints) that are in force, in the
  // effects' order, with their strength: found once a month rather than for every good.
  std::vector<std::pair<const TimedEffect*, double>> shipmentEffects;
  std::vector<char> passActive;
  std::vector<char> goodDisrupted;  // per good: some event or export control acts on it this month
  std::vector<char> goodShortSomewhere;  // per good: some region had the shortage signal last month
  // Per region scratch.
  std::vector<double> column, ships, supply, spare, leftover, unmet, request, delivered, extra, ratio;
  std::vector<double> heldBack;  // per buyer, the part of its re-sourcing request its usual suppliers may not take
  std::vector<double> requestValue;  // per buyer, value per unit of the use its re-sourcing request would serve
  std::vector<double> grantShare;    // per buyer, the share of its ask an oversubscribed seller grants
  std::vector<char> granted;         // per buyer, its share is set (GrantByValue)
  std::vector<double> shippedOnLinks;  // per producing region, its round-1 shipments of the good (pass-through)
  std::vector<double> ships2;  // buyer x seller, re-sourced shipments of the good being cleared
  std::vector<double> routeCap;  // buyer x seller, what re-sourcing may still ship on the route this month
  std::vector<double> available;  // per buyer, supply of the good being cleared
  // Per region x user entry (index r * userGood.size() + u): fulfilment of that use of its input
  // this month (last month's until the input is cleared).
  std::vector<double> useFulfil;
  double* flows = nullptr;  // buyer x seller shipments of the good being cleared (Results::flows), or null

  double Pass(const Network& net, int g, int buyer, int seller) const {
    return passActive[g] ? pass[net.Share(g, buyer, seller)] : 1.0;
  }
};

bool Affects(const TimedEffect& effect, int region, int good) {
  return effect.regionMask[region] && effect.goodMask[good];
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------
// Month t's capacity and demand factors per (region, good), and the shipment effects in force (for
// ComputeRoutePass). The factors are reset only after a month in which some effect may have changed
// them: most months no capacity or demand effect is active, and refilling unchanged values every
// month was a visible cost in wasm, where the fills store one value at a time.
KZ_OUT_OF_LINE void ApplyEffects(const Network& net, const std::vector<TimedEffect>& effects, int t, Workspace& w) {
  w.shipmentEffects.clear();  // keeps its capacity: no allocation in the month loop
  std::fill(w.goodDisrupted.begin(), w.goodDisrupted.end(), 0);
  if (w.factorsChanged) {
    std::fill(w.capFactor.begin(), w.capFactor.end(), 1.0);
    std::fill(w.demandFactor.begin(), w.demandFactor.end(), 1.0);
    std::fill(w.capEffect.begin(), w.capEffect.end(), -1);
    std::fill(w.strongestLoss.begin(), w.strongestLoss.end(), 0.0);
    w.factorsChanged = false;
  }
  for (const TimedEffect& effect : effects) {
    const double strength = effect.StrengthAt(t);
    if (strength == 0.0) continue;
    for (int g = 0; g < net.goods; ++g) w.goodDisrupted[g] = static_cast<char>(w.goodDisrupted[g] | effect.goodMask[g]);
    if (effect.kind == EventKind::ExportRestriction || effect.kind == EventKind::Chokepoint) {
      w.shipmentEffects.emplace_back(&effect, strength);
      continue;
    }
    if (effect.kind != EventKind::CapacityLoss && effect.kind != EventKind::DemandShock) continue;
    w.factorsChanged = true;
    for (int r = 0; r < net.regions; ++r) {
      for (int g = 0; g < net.goods; ++g) {
        if (!Affects(effect, r, g)) continue;
        const std::size_t i = net.RG(r, g);
        if (effect.kind == EventKind::DemandShock) {
          w.demandFactor[i] *= Max(0.0, 1.0 + strength);
        } else {
          w.capFactor[i] *= Clamp(1.0 - strength, 0.0, 1.0);
          if (strength > w.strongestLoss[i]) {
            w.strongestLoss[i] = strength;
            w.capEffect[i] = effect.sourceIndex;
          }
        }
      }
    }
  }
}

// Share of shipments of good g from each seller to each buyer that may pass this month, and the
// effect that blocks most on each route (for Explain). Untouched (all pass) when nothing is active.
// Reads the month's shipment effects from ApplyEffects.
// Only the routes an effect touched last month are reset (not the whole region x region block): in a
// Monte Carlo run many goods carry a restriction most months, and the full reset dominated in wasm.
KZ_OUT_OF_LINE void ComputeRoutePass(const Network& net, int g, Workspace& w) {
  for (const int i : w.touchedRoutes[g]) {
    w.pass[i] = 1.0;
    w.routeEffect[i] = -1;
  }
  w.touchedRoutes[g].clear();  // keeps its capacity: no allocation in the month loop
  w.passActive[g] = 0;
  for (const auto& [effectPointer, strength] : w.shipmentEffects) {
    const TimedEffect& effect = *effectPointer;
    if (!effect.goodMask[g]) continue;
    w.passActive[g] = 1;
    for (int seller = 0; seller < net.regions; ++seller) {
      if (!effect.regionMask[seller]) continue;
      for (int buyer = 0; buyer < net.regions; ++buyer) {
        if (buyer == seller || !effect.targetMask[buyer]) continue;  // a region never restricts itself
        const std::size_t i = net.Share(g, buyer, seller);
        const double before = w.pass[i];
        if (w.routeEffect[i] < 0) w.touchedRoutes[g].push_back(static_cast<int>(i));  // first touch this month
        w.pass[i] *= Clamp(1.0 - strength, 0.0, 1.0);
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
// min(1, months / monthsToFull) for monthsToFull >= 1. A response, once begun, keeps its progress, so
// most responding cells are past full: no division for them (a >= b > 0 gives a / b >= 1 exactly).
double Progress(double months, int monthsToFull) {
  const double full = static_cast<double>(monthsToFull);
  return months >= full ? 1.0 : Min(1.0, months / full);
}

// Capacity in operation at month t of a plant started at `start`: none during construction, then a
// linear ramp over `ramp` months.
double BuiltCapacity(double capacity, int start, int lead, int ramp, int t) {
  if (capacity <= 0.0) return 0.0;
  const int built = start + lead;
  if (t < built) return 0.0;
  if (ramp <= 0) return capacity;
  return capacity * Progress(static_cast<double>(t - built + 1), ramp);
}

// Frameworks' jointly financed plants: capacity in operation this month at each host, and the part
// of it reserved for the project's members.
KZ_OUT_OF_LINE void ScheduleJointProjects(const Network& net, int t, Workspace& w) {
  for (Workspace::Cell& c : w.cells) c.released = 0.0;
  if (net.joints.empty()) return;  // joint capacity stays zero, as the workspace starts
  std::fill(w.jointCapacity.begin(), w.jointCapacity.end(), 0.0);
  std::fill(w.jointReserved.begin(), w.jointReserved.end(), 0.0);
  for (const Network::JointProject& project : net.joints) {
    const double built = BuiltCapacity(project.capacity, project.start, project.lead, project.ramp, t);
    const std::size_t i = net.RG(project.host, project.good);
    w.jointCapacity[i] += built;
    w.jointReserved[i] += built * project.reservedShare;
  }
}

// Framework costs of month t into its policy-cost row: joint capital cost split among the project's
// members, and pooled stockpiles' holding costs re-split among the pool's members.
KZ_OUT_OF_LINE void ApplyFrameworkCosts(const Network& net, int t, double* monthCost) {
  for (const Network::JointProject& project : net.joints) {
    if (!ChargedForCapital(project.start, project.lead, t)) continue;
    for (int r = 0; r < net.regions; ++r) monthCost[net.RG(r, project.good)] += project.capexPerMonth * project.costWeight[r];
  }
  for (const Network::StockPool& pool : net.pools) {
    for (int g = 0; g < net.goods; ++g) {
      if (!pool.good[g]) continue;
      double total = 0.0;
      for (int r = 0; r < net.regions; ++r) {
        if (pool.member[r]) total += net.stockpileTarget[net.RG(r, g)] * net.holdingCostPerMonth[net.RG(r, g)];
      }
      for (int r = 0; r < net.regions; ++r) {
        if (!pool.member[r]) continue;
        const std::size_t i = net.RG(r, g);
        monthCost[i] += total * pool.costWeight[r] - net.stockpileTarget[i] * net.holdingCostPerMonth[i];
      }
    }
  }
}

// What may pass a restricted route this month: a restriction caps the route's volume at its pass
// share of the link's normal volume (its contract before the disruption), as a quota does, not at a
// share of what the buyer orders now. So a buyer that needs less (it thrifts, substitutes, pays a
// higher price) stops meeting the cap, as China's rare-earth quota went unfilled in 2011 once users
// had cut their use (docs/MODEL.md, step 5); and one that wants more (a surge, stocks to rebuild)
// is not let through.
double UnderQuota(double orders, double pass, double normal) { return pass >= 1.0 ? orders : Min(orders, pass * normal); }

// What a link may still claim on its contract (at most its contract times its pass share, never
// beyond its orders) after the `firstShip` it already has.
double ContractLeft(const Workspace::Link& link) {
  return Max(0.0, Min(link.allowed, link.contract * link.pass) - link.firstShip);
}

// A producer short of `supply` for the orders that may reach it serves its links [begin, end) on
// their contracts first, as suppliers on allocation do (on buyers' historical volumes, through
// restrictions: each link is entitled to at most its contract times its pass share), pro rata when
// even the contracts cannot all be met; what is left goes to orders beyond contracts, pro rata.
// Rationing on orders alone would let a buyer that orders more (a bigger reserve to fill, a surge)
// take supply from the others' contracts. Sets each link's firstShip; returns the amount shipped.
double RationOnContracts(Workspace::Link* links, int begin, int end, double supply) {
  double entitled = 0.0, beyond = 0.0;
  for (int l = begin; l < end; ++l) {
    const double entitlement = Min(links[l].allowed, links[l].contract * links[l].pass);
    entitled += entitlement;
    beyond += links[l].allowed - entitlement;
  }
  const double first = entitled > kTiny ? Min(1.0, supply / entitled) : 0.0;
  const double second = beyond > kTiny ? Clamp((supply - entitled) / beyond, 0.0, 1.0) : 0.0;
  double shipped = 0.0;
  for (int l = begin; l < end; ++l) {
    const double entitlement = Min(links[l].allowed, links[l].contract * links[l].pass);
    links[l].firstShip = entitlement * first + (links[l].allowed - entitlement) * second;
    shipped += links[l].firstShip;
  }
  return shipped;
}

// Shares `left` of seller s's supply among the asks (`w.ships2`, buyer x seller) of the buyers in one
// tier (`partners`: its priority partners, or the rest) whose share is not set yet: the highest value
// per unit of the use the ask serves (`w.requestValue`) first, equal values pro rata. A scarce input
// re-sourced goes where it is worth most, as a market clears to those who bid most, rather than pro
// rata to whoever asked: pro rata, a region that responded sooner took an input from one that needed
// it for the parts both depended on (ga-ge-controls-2023-jp-resist: the US's earlier response took
// resist Taiwan's microcontroller fabs needed). Sets `w.grantShare`; returns what is left.
double GrantByValue(int R, int s, const char* partner, bool partners, double left, Workspace& w) {
  auto ask = [&](int r) { return w.ships2[static_cast<std::size_t>(r * R + s)]; };
  auto waiting = [&](int r) {  // in the tier, asking, share not yet set
    return ((partner != nullptr && partner[r] != 0) == partners) && !w.granted[r] && ask(r) > 0.0;
  };
  for (;;) {
    double best = -1.0;
    for (int r = 0; r < R; ++r) {
      if (waiting(r)) best = Max(best, w.requestValue[r]);
    }
    if (best < 0.0) return left;
    double asked = 0.0;
    for (int r = 0; r < R; ++r) {
      if (waiting(r) && w.requestValue[r] == best) asked += ask(r);
    }
    const double share = asked > kTiny ? Clamp(left / asked, 0.0, 1.0) : 0.0;
    for (int r = 0; r < R; ++r) {
      if (waiting(r) && w.requestValue[r] == best) {
        w.grantShare[r] = share;
        w.granted[r] = 1;
      }
    }
    left = Max(0.0, left - share * asked);
  }
}

// Re-sourcing, in planning and in clearing: spreads each buyer's `w.request` for good g over the
// producers in proportion to what each could give it (its `supply` left, at most what the route
// still lets through), and asks again what they could not fill, up to kResourcingPasses times.
// (Spread by supply alone, a big seller behind a restricted route took most of each request and
// refused it, so more capacity there left buyers with less after the passes.) A producer asked for
// more than it has serves its partners' requests first if it gives them priority (trusted-partner
// rules, joint plants), and within each tier the requests of the highest value first (GrantByValue).
// A restriction caps its route at its pass share of the buyer's request for the whole month, so
// asking again never lets a quota leak. Calls grant(buyer, seller, amount) for what is granted and
// takes it off `w.request` and `supply`. Amounts below a billionth of what was asked are rounding
// (a seller that ran out exactly): nothing, so that the passes do not depend on the quantities' scale.
// With `usualOnly`, a buyer asks only its usual suppliers: producers on open routes with a baseline share.
template <typename Grant>
void SpreadOverSupply(const Network& net, int g, Workspace& w, std::vector<double>& supply, bool usualOnly, Grant&& grant) {
  const int R = net.regions;
  const int first = net.producerStart[g];
  const int last = net.producerStart[g + 1];
  double asked = 0.0;
  for (int r = 0; r < R; ++r) asked += w.request[r];
  if (asked <= kTiny) return;
  for (int r = 0; r < R; ++r) {
    for (int p = first; p < last; ++p) {
      const int s = net.producerRegion[p];
      const double pass = w.Pass(net, g, r, s);
      const bool usual = pass >= 1.0 && net.share[net.Share(g, r, s)] > 0.0;
      w.routeCap[static_cast<std::size_t>(r * R + s)] = usualOnly && !usual ? 0.0 : pass * w.request[r];
    }
  }
  const double negligible = 1e-9 * asked;
  for (int pass = 0; pass < kResourcingPasses; ++pass) {
    std::fill(w.extra.begin(), w.extra.end(), 0.0);
    std::fill(w.ships2.begin(), w.ships2.end(), 0.0);
    for (int r = 0; r < R; ++r) {
      if (w.request[r] <= negligible) continue;
      double weight = 0.0;
      for (int p = first; p < last; ++p) {
        const int s = net.producerRegion[p];
        weight += Min(w.routeCap[static_cast<std::size_t>(r * R + s)], supply[s]);
      }
      if (weight <= 0.0) continue;
      for (int p = first; p < last; ++p) {
        const int s = net.producerRegion[p];
        const std::size_t route = static_cast<std::size_t>(r * R + s);
        const double canGive = Min(w.routeCap[route], supply[s]);
        if (canGive <= negligible) continue;
        w.ships2[route] = Min(w.request[r] * canGive / weight, w.routeCap[route]);
        w.extra[s] += w.ships2[route];
      }
    }
    double total = 0.0;
    for (int p = first; p < last; ++p) {
      const int s = net.producerRegion[p];
      if (w.extra[s] <= negligible) continue;
      const std::size_t i = net.RG(s, g);
      const char* const partner = &net.priorityPartner[i * static_cast<std::size_t>(R)];
      const bool oversubscribed = w.extra[s] > supply[s];
      if (oversubscribed) {
        std::fill(w.granted.begin(), w.granted.end(), 0);
        const bool priority = net.priorityShare[i] > 0.0 || w.jointReserved[i] > kTiny;
        const double left = priority ? GrantByValue(R, s, partner, true, supply[s], w) : supply[s];
        GrantByValue(R, s, priority ? partner : nullptr, false, left, w);
      }
      for (int r = 0; r < R; ++r) {
        const std::size_t route = static_cast<std::size_t>(r * R + s);
        const double share = oversubscribed ? w.grantShare[r] : 1.0;
        const double granted = Min(w.ships2[route] * share, supply[s]);
        if (granted <= 0.0) continue;
        grant(r, s, granted);
        w.request[r] -= granted;
        w.routeCap[route] -= granted;
        supply[s] -= granted;
        total += granted;
      }
    }
    if (total <= negligible) break;
  }
}

// Re-sourcing of each buyer's `w.request` (what it still wants of good g and the use is worth):
// first from its usual suppliers, as far as the good is interchangeable between makers (a commodity
// is, parts designed around one maker's process are not), without qualifying them anew; then what is
// left from any producer, as far as the buyer has qualified new suppliers (`resource`).
template <typename Grant>
void ReSourceRequests(const Network& net, int g, Workspace& w, std::vector<double>& supply, Grant&& grant) {
  const int R = net.regions;
  const double interchangeable = net.interchangeable[g];
  if (interchangeable > 0.0) {
    for (int r = 0; r < R; ++r) {
      w.heldBack[r] = w.request[r] * (1.0 - interchangeable);
      w.request[r] -= w.heldBack[r];
    }
    SpreadOverSupply(net, g, w, supply, true, grant);
    for (int r = 0; r < R; ++r) w.request[r] += w.heldBack[r];
  }
  bool anyQualified = false;
  for (int r = 0; r < R; ++r) {
    w.request[r] *= w.cells[net.RG(r, g)].resource;
    anyQualified = anyQualified || w.request[r] > 0.0;
  }
  if (anyQualified) SpreadOverSupply(net, g, w, supply, false, grant);
}

// Offtake contracts in planning: each joint plant of good g plans its reserved output for what its
// framework's members expect to go unmet (`w.unmet`, which it reduces), within its spare capacity.
KZ_OUT_OF_LINE void PlanOfftake(const Network& net, int g, Workspace& w) {
  const int R = net.regions;
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const std::size_t i = net.RG(s, g);
    if (w.jointReserved[i] <= kTiny) continue;
    const char* const member = &net.priorityPartner[i * static_cast<std::size_t>(R)];
    double asked = 0.0;
    for (int b = 0; b < R; ++b) {
      if (member[b] && b != s) asked += Max(0.0, w.unmet[b]) * w.Pass(net, g, b, s);
    }
    const double plan = Min(w.spare[s], Min(w.jointReserved[i], asked));
    if (plan <= kTiny) continue;
    w.cells[i].planned += plan;
    w.spare[s] -= plan;
    for (int b = 0; b < R; ++b) {
      if (member[b] && b != s) w.unmet[b] -= plan * Max(0.0, w.unmet[b]) * w.Pass(net, g, b, s) / asked;
    }
  }
}

// Region r's need this month of good g in one of its uses (Network::useOrder): final demand, or what
// the region's planned output of the user good takes, less what thrift avoids. Shared by serving uses
// by value, valuing a re-sourcing request and what is worth buying at spot, so that all three rank
// the same quantities.
double UseNeed(const Network& net, int r, int use, const Workspace::Cell& c, const Workspace& w) {
  if (use == Network::kFinalUse) return c.finalDemand;
  return net.userUnits[use] * (1.0 - c.thrift) * w.cells[net.RG(r, net.userGood[use])].planned;
}

// Share of a producer's planned output that an input served at `fulfil` of its need allows: all of
// the output that does not need it, and `fulfil` of the output that does (recipeShare). (With a
// share of 1 it is `fulfil` exactly: 0 + 1 x fulfil.)
double OutputAllowed(const Network& net, int k, double fulfil) {
  return (1.0 - net.recipeShare[k]) + net.recipeShare[k] * fulfil;
}

// Share of producer s's planned output of good g that its inputs can support, judged by how well
// each input's use for g was served last month (the scarcest binds, as in ProduceGood); an input
// `except` is left out (what the others allow).
double InputReadiness(const Network& net, int g, int s, const Workspace& w, int except = -1) {
  const std::size_t uses = net.userGood.size();
  double ready = 1.0;
  for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) {
    if (net.recipeInput[k] == except) continue;
    ready = Min(ready, OutputAllowed(net, k, w.useFulfil[static_cast<std::size_t>(s) * uses + static_cast<std::size_t>(net.recipeUse[k])]));
  }
  return ready;
}

// Value per unit of good g in the use that region r's next unit would serve, once `covered` units
// serve its uses from the most valuable down (as ServeUsesByValue): what a re-sourcing request is
// worth to it (GrantByValue). 0 when every use is covered (the request would rebuild stocks).
double MarginalUseValue(const Network& net, int r, int g, const Workspace& w, double covered) {
  const Workspace::Cell& c = w.cells[net.RG(r, g)];
  for (int k = net.useOrderStart[g]; k < net.useOrderStart[g + 1]; ++k) {
    covered -= UseNeed(net, r, net.useOrder[k], c, w);
    if (covered < 0.0) return net.useValue[k];
  }
  return 0.0;
}

// Region r's need for good g in uses that value it at or above its spot price (price index x base
// price; uses by value as in ServeUsesByValue), as far as the users' other inputs let them use it.
// Spot supply (re-sourcing, partners' pooled stocks) goes only to those uses: a buyer does not pay
// the spot price for a use worth less, nor for output its other inputs cannot support.
double WorthUsingAtSpot(const Network& net, int r, int g, const Workspace& w) {
  const Workspace::Cell& c = w.cells[net.RG(r, g)];
  // Every use is worth at least the base price, so at a price index of 1 or below only the other
  // inputs limit it (no shortcut: a price a rounding above 1 must give the same request).
  const double spot = c.price * net.basePrice[g];
  double worth = 0.0;
  for (int k = net.useOrderStart[g]; k < net.useOrderStart[g + 1] && net.useValue[k] >= spot; ++k) {
    const int use = net.useOrder[k];
    const double need = UseNeed(net, r, use, c, w);
    worth += use == Network::kFinalUse ? need : need * InputReadiness(net, net.userGood[use], r, w, g);
  }
  return worth;
}

// What region r would order of good g at its spot price: those uses, plus any stock rebuilding,
// less what it has locally.
double WorthBuyingAtSpot(const Network& net, int r, int g, const Workspace& w) {
  const Workspace::Cell& c = w.cells[net.RG(r, g)];
  return Clamp(WorthUsingAtSpot(net, r, g, w) + c.refill + c.userRefill - c.local, 0.0, c.toOrder);
}

// A region's market for a good is calm: no shortage signal, no response under way, prices normal.
bool Calm(const Workspace::Cell& c) { return !c.responding && c.shortageSince < 0 && c.price <= kCalmPrice; }

// `monthCost` is this month's policy-cost row (index Network::RG): substitution and the market's
// adaptation charge their cost. (Sales that export controls forgo show in the trade income.)
KZ_OUT_OF_LINE void PlanGood(const Network& net, int g, Workspace& w, double* monthCost) {
  const int R = net.regions;
  ComputeRoutePass(net, g, w);
  for (int r = 0; r < R; ++r) {
    const std::size_t i = net.RG(r, g);
    Workspace::Cell& c = w.cells[i];
    // Inputs for the users' whole planned output, and for the part of it their own buyers' contracts
    // take (users are planned before their inputs): only that part is the input's contracted use.
    // Inputs for output beyond contracts (re-sourced orders, stocks rebuilt) are beyond contract all
    // the way up the chain, so every stage that makes them is charged its value added (ProduceGood).
    double intermediate = 0.0, intermediateContracted = 0.0;
    bool usersDamaged = false;
    for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) {
      const std::size_t userCell = net.RG(r, net.userGood[u]);
      const Workspace::Cell& user = w.cells[userCell];
      intermediate += net.userUnits[u] * user.planned;
      intermediateContracted += net.userUnits[u] * Min(user.planned, user.contracted);
      usersDamaged = usersDamaged || w.capFactor[userCell] < 1.0;
    }
    c.usersDamaged = usersDamaged;
    c.need = c.finalDemand + intermediate * (1.0 - c.thrift);
    if (c.thrift > 0.0) {
      // Use avoided, by whom: the region's substitution policy at its cost per unit; the market's
      // adaptation at the good's base price per unit avoided [assumption: redesign and substitute
      // materials cost about what they save at normal prices].
      const double normal = c.wantedFinal + intermediate;
      const double bySubstitution = normal * c.substitution;
      const double byMarket = normal * (c.thrift - c.substitution);
      monthCost[i] += net.substitutionCost[i] * bySubstitution + net.basePrice[g] * byMarket;
    }
    // No stock, public or private, is rebuilt while the region is short of the good or its market
    // has not calmed, nor while any region is still short of it: rebuilding would compete with
    // users for scarce supply, the region's own or others' (a bigger reserve rebuilt sooner took
    // more of what a region still short of magnets needed, and its holder then went short again).
    const bool calm = Calm(c);
    const bool rebuild = calm && !w.goodShortSomewhere[g];
    c.refill = rebuild ? Min(net.refillPerMonth[i], Max(0.0, net.stockpileTarget[i] - c.stockpile)) : 0.0;
    c.userRefill = rebuild
                       ? Min(kUserStockRefill * net.userStockTarget[i], Max(0.0, net.userStockTarget[i] - c.userStock))
                       : 0.0;
    c.toOrder = Max(0.0, c.need + c.refill + c.userRefill - c.local);
    c.allowedTotal = 0.0;
    c.contracted = 0.0;
    c.forUse = Max(0.0, c.finalDemand + intermediateContracted * (1.0 - c.thrift) - c.local);
    c.calm = calm;
  }
  // Two versions of the link loop: most months nothing restricts the good, and then every route
  // passes in full and costs nothing (the loop with restrictions gives the same numbers for them).
  Workspace::Link* const links = w.links.data();
  Workspace::Cell* const cells = w.cells.data();
  const int firstLink = net.linkStart[g];
  const int lastLink = net.linkStart[g + 1];
  if (!w.passActive[g]) {
    for (int l = firstLink; l < lastLink; ++l) {
      Workspace::Link& link = links[l];
      const Workspace::Cell& buyer = cells[net.RG(link.buyer, g)];
      link.pass = 1.0;
      link.orders = buyer.toOrder * link.share;
      link.allowed = link.orders;
      Workspace::Cell& seller = cells[net.RG(link.seller, g)];
      if (!buyer.usersDamaged && (buyer.calm || !seller.rationed)) link.contract = buyer.forUse * link.share;
      seller.allowedTotal += link.allowed;
      seller.contracted += Min(link.allowed, link.contract);
    }
  } else {
    for (int l = firstLink; l < lastLink; ++l) {
      Workspace::Link& link = links[l];
      const Workspace::Cell& buyer = cells[net.RG(link.buyer, g)];
      const std::size_t route = net.Share(g, link.buyer, link.seller);
      link.orders = buyer.toOrder * link.share;
      link.allowed = UnderQuota(link.orders, w.pass[route], net.linkContract[l]);
      link.pass = link.orders > kTiny ? link.allowed / link.orders : w.pass[route];
      Workspace::Cell& seller = cells[net.RG(link.seller, g)];
      if (!buyer.usersDamaged && (buyer.calm || !seller.rationed)) link.contract = buyer.forUse * link.share;
      seller.allowedTotal += link.allowed;
      seller.contracted += Min(link.allowed, link.contract * link.pass);
    }
  }
  // First round: each producer plans for the orders that may reach it, plus topping up its inventory.
  std::fill(w.spare.begin(), w.spare.end(), 0.0);
  bool anyRationed = false;
  bool anyOfftake = false;
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const std::size_t i = net.RG(s, g);
    // A producer rebuilds its own inventory only while its inputs are plentiful: topping it up in a
    // shortage would take scarce inputs from producers that would ship what they make. (Most months
    // the inventory is full and the inputs need not be looked at.)
    const double topUp = Min(kInventoryRefill * net.initialStock[i], net.initialStock[i] - w.cells[i].inventory);
    const bool inputsShort = topUp > 0.0 && InputReadiness(net, g, s, w) < 1.0 - 1e-9;  // not a rounding of full supply
    w.cells[i].planned = Clamp(w.cells[i].allowedTotal + (inputsShort ? 0.0 : topUp), 0.0, w.cells[i].capEff);
    const double available = w.cells[i].planned + w.cells[i].inventory;
    w.ratio[s] = w.cells[i].allowedTotal > kTiny ? Min(1.0, available / w.cells[i].allowedTotal) : 1.0;
    w.supply[s] = available;
    anyRationed = anyRationed || w.ratio[s] < 1.0;
    anyOfftake = anyOfftake || w.jointReserved[i] > kTiny;
  }
  // Re-sourcing: buyers expect what restrictions and rationing leave unmet and ask producers with
  // spare capacity: their usual suppliers at once as far as the good is interchangeable, others as
  // far as they have qualified them (ReSourceRequests); members take the reserved output of their
  // frameworks' joint plants under offtake contracts, qualified or not. Most months nothing is
  // blocked or rationed, or (a good tied to its makers) nobody is re-sourcing it: then there is
  // nothing to estimate.
  bool anyResourcing = net.interchangeable[g] > 0.0;
  for (int r = 0; r < R && !anyResourcing; ++r) anyResourcing = w.cells[net.RG(r, g)].resource > 0.0;
  if (!(anyResourcing || anyOfftake) || (!anyRationed && !w.passActive[g])) return;
  // What round 1 will leave unmet: rationed producers serve contracts first (as in ClearGood).
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    if (w.ratio[s] < 1.0) RationOnContracts(links, net.producerLinkBegin[p], net.producerLinkEnd[p], w.supply[s]);
  }
  std::fill(w.unmet.begin(), w.unmet.end(), 0.0);
  for (int l = net.linkStart[g]; l < net.linkStart[g + 1]; ++l) {
    const int s = links[l].seller;
    const bool producer = net.hasFacility[net.RG(s, g)] != 0;
    const double expected = !producer ? 0.0 : w.ratio[s] < 1.0 ? links[l].firstShip : links[l].allowed;
    w.unmet[links[l].buyer] += links[l].orders - expected;
  }
  // Spare capacity counts only as far as the producer's inputs can support it.
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const Workspace::Cell& c = w.cells[net.RG(s, g)];
    w.spare[s] = Max(0.0, c.capEff * InputReadiness(net, g, s, w) - c.planned);
  }
  if (anyOfftake) PlanOfftake(net, g, w);
  double anyRequest = 0.0;
  for (int r = 0; r < R; ++r) {
    const Workspace::Cell& c = w.cells[net.RG(r, g)];
    const bool unmet = w.unmet[r] > kRounding * c.toOrder;
    w.request[r] = unmet ? Clamp(w.unmet[r] - (c.toOrder - WorthBuyingAtSpot(net, r, g, w)), 0.0, w.unmet[r]) : 0.0;
    w.requestValue[r] = w.request[r] > 0.0 ? MarginalUseValue(net, r, g, w, c.local + c.toOrder - w.unmet[r]) : 0.0;
    anyRequest += w.request[r];
  }
  if (anyRequest <= kTiny) return;
  ReSourceRequests(net, g, w, w.spare, [&](int, int s, double amount) { w.cells[net.RG(s, g)].planned += amount; });
}

// ---------------------------------------------------------------------------------------------
// Clearing
// ---------------------------------------------------------------------------------------------
// Output of good g in each producing region, limited by the inputs the region received (Leontief:
// the scarcest input binds). Unused allocated inputs go back to the region's input stock.
// Output beyond its buyers' contracts (for re-sourced orders, offtake, stocks being rebuilt, its own
// inventory) is charged its value added at base prices to `monthCost`: capacity idle in normal times
// is dearer than the trade it would replace (at the margin, price = cost), so making at home what a
// restriction blocks saves no import bill.
KZ_OUT_OF_LINE void ProduceGood(const Network& net, int g, Workspace& w, double* monthCost) {
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const std::size_t i = net.RG(s, g);
    double inputRatio = 1.0;
    int bindingInput = -1;
    const double* const useFulfil = w.useFulfil.data() + static_cast<std::size_t>(s) * net.userGood.size();
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) {
      const double allowed = OutputAllowed(net, k, useFulfil[net.recipeUse[k]]);
      if (allowed < inputRatio) {
        inputRatio = allowed;
        bindingInput = net.recipeInput[k];
      }
    }
    const double production = w.cells[i].planned * inputRatio;
    w.cells[i].production = production;
    // Units of input k used: `units` per unit of output on the output that needs it, which is the
    // whole production unless the input itself is short (then all it was allocated); with a share
    // of 1 that is always `units x production`.
    auto usedOf = [&](int k, double units) { return units * Min(production, useFulfil[net.recipeUse[k]] * w.cells[i].planned); };
    double passOn = 0.0;
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1] && w.premiumsPaid; ++k) {
      const Workspace::Cell& input = w.cells[net.RG(s, net.recipeInput[k])];
      passOn += input.premiumPerUnit * usedOf(k, net.recipeUnits[k] * (1.0 - input.thrift));
    }
    w.cells[i].passOn = passOn;
    monthCost[i] += net.unitValueAdded[g] * Max(0.0, w.cells[i].production - w.cells[i].contracted);
    for (int k = net.recipeStart[g]; k < net.recipeStart[g + 1]; ++k) {
      const std::size_t input = net.RG(s, net.recipeInput[k]);
      const double units = net.recipeUnits[k] * (1.0 - w.cells[input].thrift);
      const double allocated = useFulfil[net.recipeUse[k]] * units * w.cells[i].planned;
      const double used = usedOf(k, units);
      w.cells[input].inputStock += allocated - used;
      w.cells[input].used += used;
    }
    // What limited this producer, for Explain.
    const bool capacityBound = w.cells[i].planned >= w.cells[i].capEff - kTiny * (1.0 + w.cells[i].capEff);
    if (bindingInput >= 0 && inputRatio < 1.0 - 1e-9) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::InputShortage);
      w.sellerCauseInput[i] = bindingInput;
    } else if (capacityBound && w.cells[i].capEff < w.cells[i].capEvent - 1e-9 * (1.0 + w.cells[i].capEvent)) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::RampUp);
    } else if (capacityBound && w.capEffect[i] >= 0) {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::CapacityLoss);
    } else {
      w.sellerCauseKind[i] = static_cast<int>(ConstraintKind::Capacity);
    }
  }
}

// Trusted-partner priority at one producer in shortage: `reserved` units of its supply go first to
// the orders of partner buyers (pro rata), then everything left to all remaining orders, contracts
// first (as RationOnContracts: what a partner already received counts towards its contract).
// Returns the amount shipped.
KZ_OUT_OF_LINE double ShipWithPartnerPriority(const Network& net, int g, int p, double supply, double reserved, Workspace& w) {
  const int s = net.producerRegion[p];
  const std::size_t partners = net.RG(s, g) * static_cast<std::size_t>(net.regions);
  const int begin = net.producerLinkBegin[p], end = net.producerLinkEnd[p];
  double partnerOrders = 0.0;
  for (int l = begin; l < end; ++l) {
    if (net.priorityPartner[partners + w.links[l].buyer]) partnerOrders += w.links[l].allowed;
  }
  const double firstRatio = partnerOrders > kTiny ? Min(1.0, reserved / partnerOrders) : 0.0;
  double rest = supply, entitled = 0.0, beyond = 0.0;
  for (int l = begin; l < end; ++l) {
    Workspace::Link& link = w.links[l];
    link.firstShip = net.priorityPartner[partners + link.buyer] ? link.allowed * firstRatio : 0.0;
    rest -= link.firstShip;
    const double entitlement = ContractLeft(link);
    entitled += entitlement;
    beyond += link.allowed - link.firstShip - entitlement;
  }
  rest = Max(0.0, rest);
  const double onContract = entitled > kTiny ? Min(1.0, rest / entitled) : 0.0;
  const double onOrders = beyond > kTiny ? Clamp((rest - entitled) / beyond, 0.0, 1.0) : 0.0;
  double shipped = 0.0;
  for (int l = begin; l < end; ++l) {
    Workspace::Link& link = w.links[l];
    const double entitlement = ContractLeft(link);
    link.firstShip += entitlement * onContract + (link.allowed - link.firstShip - entitlement) * onOrders;
    w.delivered[link.buyer] += link.firstShip;
    shipped += link.firstShip;
  }
  return shipped;
}

// `quantity` of good g shipped from seller to buyer at `priceIndex` x its base price: the buyer pays,
// the seller earns (a region's trade with itself nets out). Shipments on the usual trade links and
// under offtake contracts are at contract prices (the base price: contracts do not follow the spot
// market within a horizon of months); re-sourced orders pay the buyer's spot price index.
void Trade(const Network& net, int g, int buyer, int seller, double quantity, double priceIndex, Workspace& w) {
  const double value = quantity * net.basePrice[g] * priceIndex;
  w.cells[net.RG(seller, g)].income += value;
  w.cells[net.RG(buyer, g)].income -= value;
}

// A stockpile pool for good g: members still short after their own release receive from members
// that are not, each donor giving at most what its release rate has left this month. The transfer
// is split among recipients by the pool's rule, never beyond a recipient's unmet need, and paid for.
KZ_OUT_OF_LINE void ReleasePool(const Network& net, int g, const Network::StockPool& pool, Workspace& w) {
  const int R = net.regions;
  double donorCapacity = 0.0;
  double unmetTotal = 0.0;
  std::fill(w.extra.begin(), w.extra.end(), 0.0);    // recipients' unmet need
  std::fill(w.unmet.begin(), w.unmet.end(), 0.0);    // donors' capacity
  for (int r = 0; r < R; ++r) {
    if (!pool.member[r]) continue;
    const std::size_t i = net.RG(r, g);
    const double need = w.cells[i].need;
    // Short by more than rounding: a member held at exactly 99% of its need (by its own reserve's
    // trigger, say) is not short at one scale of the quantities and short at another.
    const bool short_ = need > kTiny && w.available[r] < need * kShortageThreshold * (1.0 - kRounding);
    if (short_ && w.cells[i].responding) {
      // A member draws on its partners' stocks for the uses worth the good at its spot price, not
      // for uses a high price has made marginal: those stocks may be needed by their owners later.
      w.extra[r] = Clamp(WorthUsingAtSpot(net, r, g, w) - w.available[r], 0.0, need - w.available[r]);
      unmetTotal += w.extra[r];
    } else if (!short_) {
      w.unmet[r] = Max(0.0, Min(w.cells[i].stockpile, net.releasePerMonth[i] - w.cells[i].released));
      donorCapacity += w.unmet[r];
    }
  }
  const double transfer = Min(donorCapacity, unmetTotal);
  if (transfer <= kTiny) return;
  // Water-filling: share by weight, cap at need, hand any excess to those still below their need.
  std::fill(w.request.begin(), w.request.end(), 0.0);  // given to each recipient
  double left = transfer;
  for (int pass = 0; pass < R && left > kTiny; ++pass) {
    double weightTotal = 0.0;
    for (int r = 0; r < R; ++r) {
      if (w.extra[r] - w.request[r] <= kTiny) continue;
      const std::size_t i = net.RG(r, g);
      const double weight = pool.allocation == PoolAllocation::ByNeed         ? w.extra[r] - w.request[r]
                            : pool.allocation == PoolAllocation::ByContribution ? net.stockpileTarget[i]
                                                                                : 1.0;
      w.spare[r] = weight;
      weightTotal += weight;
    }
    if (weightTotal <= kTiny) break;
    double given = 0.0;
    for (int r = 0; r < R; ++r) {
      if (w.extra[r] - w.request[r] <= kTiny) continue;
      const double share = Min(left * w.spare[r] / weightTotal, w.extra[r] - w.request[r]);
      w.request[r] += share;
      given += share;
    }
    left -= given;
  }
  const double delivered = transfer - left;
  for (int r = 0; r < R; ++r) {
    const std::size_t i = net.RG(r, g);
    if (w.unmet[r] > 0.0) {  // donor: gives in proportion to what it can give
      const double give = delivered * w.unmet[r] / donorCapacity;
      w.cells[i].stockpile -= give;
      w.cells[i].released += give;
    }
    w.available[r] += w.request[r];
  }
  // Each recipient buys what it receives from each donor, in the donors' proportions, at the base
  // price (the pool's contract): the donor's stock becomes income, the recipient pays for its supply.
  for (int r = 0; r < R; ++r) {
    if (w.request[r] <= 0.0) continue;
    for (int d = 0; d < R; ++d) {
      if (w.unmet[d] <= 0.0) continue;
      const double amount = w.request[r] * w.unmet[d] / donorCapacity;
      Trade(net, g, r, d, amount, 1.0, w);  // not a shipment: the flows are deliveries (Results::flows)
    }
  }
}

// Round-1 shipments of good g on its trade links into the month's flow block (Results::flows).
void RecordLinkFlows(const Network& net, int g, Workspace& w) {
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    for (int l = net.producerLinkBegin[p]; l < net.producerLinkEnd[p]; ++l) {
      w.flows[w.links[l].buyer * net.regions + s] += w.links[l].firstShip;
    }
  }
}

// What a maker of good g may pass on per unit of its round-1 shipments: at most what the good's
// least-burdened maker pays (its passOn over its shipments), since a customer turns to a competitor
// without the premium. So a premium every maker pays (a world shortage of the input) passes on in
// full, and one that only some pay (a restriction aimed at some buyers of the input) stays with
// them, as makers outside China bore its dual pricing of rare earths. Passed on in full, such a
// premium let a restriction's targets recover from customers elsewhere what they had paid each
// other, and gain from a harsher restriction. Also fills w.shippedOnLinks for PassOnPremiums.
double CompetitorsPremiumPerUnit(const Network& net, int g, Workspace& w) {
  double least = std::numeric_limits<double>::infinity();
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    double shipped = 0.0;
    for (int l = net.producerLinkBegin[p]; l < net.producerLinkEnd[p]; ++l) shipped += w.links[l].firstShip;
    w.shippedOnLinks[s] = shipped;
    if (shipped > kTiny) least = Min(least, w.cells[net.RG(s, g)].passOn / shipped);
  }
  return least < std::numeric_limits<double>::infinity() ? least : 0.0;
}

// Cost pass-through at producer p of good g: the premiums above base prices it paid for the inputs
// of this month's output (Cell::passOn) are charged to the buyers of its round-1 shipments in
// proportion to what each received, as surcharges on contract prices, and count as premiums the
// buyers paid for g (so they pass on down the chain). Who values a scarce input most pays for it:
// a maker of parts sold at contract prices does not carry its customers' scarcity. Per unit, at
// most `competitorsPerUnit` (CompetitorsPremiumPerUnit); the rest the maker bears itself.
void PassOnPremiums(const Network& net, int g, int p, double competitorsPerUnit, Workspace& w) {
  const int s = net.producerRegion[p];
  const double shipped = w.shippedOnLinks[s];
  if (shipped <= kTiny) return;
  Workspace::Cell& seller = w.cells[net.RG(s, g)];
  const double perUnit = Min(seller.passOn / shipped, competitorsPerUnit);
  for (int l = net.producerLinkBegin[p]; l < net.producerLinkEnd[p]; ++l) {
    const double charge = perUnit * w.links[l].firstShip;
    Workspace::Cell& buyer = w.cells[net.RG(w.links[l].buyer, g)];
    seller.income += charge;
    buyer.income -= charge;
    buyer.premium += charge;
    w.premiumsPaid = true;
  }
}

// Offtake contracts in clearing: each joint plant of good g ships its reserved output, from what it
// has left after round 1, to its framework's members' unmet orders (pro rata, through restrictions).
KZ_OUT_OF_LINE void ShipOfftake(const Network& net, int g, Workspace& w) {
  const int R = net.regions;
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const std::size_t i = net.RG(s, g);
    if (w.jointReserved[i] <= kTiny || w.leftover[s] <= kTiny) continue;
    const char* const member = &net.priorityPartner[i * static_cast<std::size_t>(R)];
    double asked = 0.0;
    for (int b = 0; b < R; ++b) {
      if (member[b] && b != s) asked += Max(0.0, w.cells[net.RG(b, g)].toOrder - w.delivered[b]) * w.Pass(net, g, b, s);
    }
    const double give = Min(w.leftover[s], Min(w.jointReserved[i], asked));
    if (give <= kTiny) continue;
    for (int b = 0; b < R; ++b) {
      if (!member[b] || b == s) continue;
      const double shipped = give * Max(0.0, w.cells[net.RG(b, g)].toOrder - w.delivered[b]) * w.Pass(net, g, b, s) / asked;
      if (w.flows) w.flows[b * R + s] += shipped;
      Trade(net, g, b, s, shipped, 1.0, w);
      w.delivered[b] += shipped;
    }
    w.leftover[s] -= give;
  }
}

// Serves region r's uses of good g from `available` by value per unit, highest first (uses of equal
// value share pro rata), into w.useFulfil and the cell's finalFulfil. Called only when r is short.
void ServeUsesByValue(const Network& net, int r, int g, double available, Workspace& w) {
  const std::size_t uses = net.userGood.size();
  Workspace::Cell& c = w.cells[net.RG(r, g)];
  double* const fulfil = w.useFulfil.data() + static_cast<std::size_t>(r) * uses;
  double left = available;
  const int end = net.useOrderStart[g + 1];
  for (int k = net.useOrderStart[g]; k < end;) {
    int groupEnd = k + 1;  // uses of the same value
    while (groupEnd < end && net.useValue[groupEnd] == net.useValue[k]) ++groupEnd;
    double groupNeed = 0.0;
    for (int j = k; j < groupEnd; ++j) groupNeed += UseNeed(net, r, net.useOrder[j], c, w);
    const double ratio = groupNeed > kTiny ? Clamp(left / groupNeed, 0.0, 1.0) : 1.0;
    for (int j = k; j < groupEnd; ++j) {
      if (net.useOrder[j] == Network::kFinalUse) {
        c.finalFulfil = ratio;
      } else {
        fulfil[net.useOrder[j]] = ratio;
      }
    }
    left = Max(0.0, left - ratio * groupNeed);
    k = groupEnd;
  }
}

// Round 2 of clearing good g: re-sourcing of what is still unmet from producers with supply left
// (ReSourceRequests: usual suppliers at once as far as the good is interchangeable, others as far as
// each buyer has qualified them), for uses worth the spot price, which the buyer pays.
KZ_OUT_OF_LINE void ReSource(const Network& net, int g, Workspace& w) {
  // Most cells are served, and most qualify no new supplier (resource 0) for goods that are not
  // interchangeable: nothing to value. Checked first in a loop without the call below, which in wasm
  // made every cell of the loop keep its values on the stack.
  const bool interchangeable = net.interchangeable[g] > 0.0;
  auto mayReSource = [&](int r) {  // short by more than rounding, with a supplier it may ask
    const Workspace::Cell& c = w.cells[net.RG(r, g)];
    return (interchangeable || c.resource > 0.0) && c.toOrder - w.delivered[r] > kRounding * c.toOrder;
  };
  bool anyUnmet = false;
  for (int r = 0; r < net.regions; ++r) anyUnmet = anyUnmet || mayReSource(r);
  if (!anyUnmet) return;
  bool any = false;
  for (int r = 0; r < net.regions; ++r) {
    w.request[r] = mayReSource(r) ? Max(0.0, WorthBuyingAtSpot(net, r, g, w) - w.delivered[r]) : 0.0;
    w.requestValue[r] =
        w.request[r] > 0.0 ? MarginalUseValue(net, r, g, w, w.cells[net.RG(r, g)].local + w.delivered[r]) : 0.0;
    any = any || w.request[r] > kTiny;
  }
  if (!any) return;
  ReSourceRequests(net, g, w, w.leftover, [&](int r, int s, double amount) {
    if (w.flows) w.flows[r * net.regions + s] += amount;  // re-sourcing may use routes with no baseline share
    Workspace::Cell& buyer = w.cells[net.RG(r, g)];
    Trade(net, g, r, s, amount, buyer.price, w);
    buyer.premium += Max(0.0, buyer.price - 1.0) * net.basePrice[g] * amount;
    w.premiumsPaid = w.premiumsPaid || buyer.price > 1.0;
    w.delivered[r] += amount;
  });
}

KZ_OUT_OF_LINE void ClearGood(const Network& net, int g, const AllocationRule* rule, Workspace& w) {
  const int R = net.regions;
  // Round 1: producers share out production plus inventory among the orders that may pass.
  std::fill(w.delivered.begin(), w.delivered.end(), 0.0);
  std::fill(w.leftover.begin(), w.leftover.end(), 0.0);
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    const std::size_t i = net.RG(s, g);
    const double supply = w.cells[i].production + w.cells[i].inventory;
    // Rationing on contracts (the default) straight on the links; other rules see dense columns.
    const double ratio = w.cells[i].allowedTotal > kTiny ? Min(1.0, supply / w.cells[i].allowedTotal) : 0.0;
    // Short by less than a billionth of its orders is rounding (supply and orders that are equal in
    // exact arithmetic), not rationing: whether contracts follow this month's orders must not turn
    // on the last bit, which the order of summation (of regions, say) decides.
    w.cells[i].rationed = w.cells[i].allowedTotal > kTiny && ratio < 1.0 - 1e-9;
    const double reserved = Min(supply, Max(net.priorityShare[i] * supply, w.jointReserved[i]));
    if (!rule && reserved > kTiny && supply < w.cells[i].allowedTotal) {  // priority matters only when short
      w.leftover[s] = Max(0.0, supply - ShipWithPartnerPriority(net, g, p, supply, reserved, w));
      continue;
    }
    if (rule) {
      std::fill(w.column.begin(), w.column.end(), 0.0);
      for (int l = net.producerLinkBegin[p]; l < net.producerLinkEnd[p]; ++l) w.column[w.links[l].buyer] = w.links[l].allowed;
      rule->Allocate(g, s, w.column.data(), R, supply, w.ships.data());
    }
    const bool onContracts = !rule && ratio < 1.0;
    if (onContracts) RationOnContracts(w.links.data(), net.producerLinkBegin[p], net.producerLinkEnd[p], supply);
    double shipped = 0.0;
    for (int l = net.producerLinkBegin[p]; l < net.producerLinkEnd[p]; ++l) {
      const double ship = rule ? w.ships[w.links[l].buyer] : onContracts ? w.links[l].firstShip : w.links[l].allowed * ratio;
      w.links[l].firstShip = ship;
      w.delivered[w.links[l].buyer] += ship;
      shipped += ship;
    }
    w.leftover[s] = Max(0.0, supply - shipped);
  }
  if (w.flows) RecordLinkFlows(net, g, w);
  // What round 1 delivered is each buyer's supply from its usual suppliers (the shortage signal).
  // It is trade at contract (base) prices: each region earns for what it shipped and pays for what
  // it received (its trade with itself nets out), without a pass over the links.
  for (int r = 0; r < R; ++r) {
    Workspace::Cell& c = w.cells[net.RG(r, g)];
    c.baselineShipped = w.delivered[r];
    c.income = -net.basePrice[g] * w.delivered[r];
  }
  for (int r = 0; r < R; ++r) w.cells[net.RG(r, g)].premium = 0.0;
  const double competitorsPerUnit = w.premiumsPaid ? CompetitorsPremiumPerUnit(net, g, w) : 0.0;
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    Workspace::Cell& c = w.cells[net.RG(s, g)];
    c.income += net.basePrice[g] * (c.production + c.inventory - w.leftover[s]);
    if (c.passOn > 0.0 && competitorsPerUnit > 0.0) PassOnPremiums(net, g, p, competitorsPerUnit, w);
  }
  if (!net.joints.empty()) ShipOfftake(net, g, w);
  ReSource(net, g, w);  // round 2
  for (int p = net.producerStart[g]; p < net.producerStart[g + 1]; ++p) {
    const int s = net.producerRegion[p];
    w.cells[net.RG(s, g)].inventory = Max(0.0, w.leftover[s]);
  }

  // Buyers: deliveries plus local supply (input stock, recycling), then users' own stocks (drawn at
  // once), then the own stockpile if responding, then pooled stockpiles of fellow framework members.
  // The buyer loops step through the good's cells with a pointer and an index (a region's cell is G
  // records on): in wasm each `cells[RG(r, g)]` was two multiplications.
  const std::size_t G = static_cast<std::size_t>(net.goods);
  Workspace::Cell* const cellsOfGood = w.cells.data() + g;
  double* const delivered = w.delivered.data();
  double* const availableTo = w.available.data();
  {
    Workspace::Cell* c = cellsOfGood;
    std::size_t i = static_cast<std::size_t>(g);
    for (int r = 0; r < R; ++r, c += G, i += G) {
      c->delivered = delivered[r];
      double available = delivered[r] + c->local;
      const double need = c->need;
      c->marketFulfil = need > kTiny ? Min(1.0, available / need) : 1.0;
      c->userDrawn = 0.0;
      if (c->userStock > 0.0 && available < need) {
        const double draw = Min(c->userStock, need - available);
        c->userStock -= draw;
        c->userDrawn = draw;
        available += draw;
      }
      // A reserve tops supply up to its trigger, not beyond: releasing the whole shortfall once
      // supply crossed the trigger made a cut just past it cost its holder less than a milder one.
      const bool mayRelease = c->responding || net.releaseWithoutLag[i];
      const double floor = need * net.releaseTrigger[i];
      if (mayRelease && net.stockpileTarget[i] > 0.0 && need > kTiny && available < floor) {
        const double release = Min(Min(c->stockpile, net.releasePerMonth[i]), floor - available);
        c->stockpile -= release;
        c->released += release;
        available += release;
      }
      availableTo[r] = available;
    }
  }
  if (net.pooledGood[g]) {
    for (const Network::StockPool& pool : net.pools) {
      if (pool.good[g]) ReleasePool(net, g, pool, w);
    }
  }
  // Stocks rebuilt from any surplus; then, in a loop of their own, the uses of regions short of the
  // good served by value (a call inside the loop above made V8 keep its values on the stack).
  bool anyShortOrRecovering = false;
  {
    Workspace::Cell* c = cellsOfGood;
    for (int r = 0; r < R; ++r, c += G) {
      const double available = availableTo[r];
      const double need = c->need;
      const double phi = need > kTiny ? Min(1.0, available / need) : 1.0;
      c->fulfil = phi;
      anyShortOrRecovering = anyShortOrRecovering || phi < 1.0 || c->usesRationed;
      double surplus = Max(0.0, available - phi * need);
      const double userRefill = Min(surplus, c->userRefill);
      c->userStock += userRefill;
      surplus -= userRefill;
      const double refill = Min(surplus, c->refill);
      c->stockpile += refill;
      c->restocked = userRefill + refill;
      c->inputStock = surplus - refill;
      c->premiumPerUnit = c->premium > 0.0 && available > kTiny ? c->premium / available : 0.0;
    }
  }
  if (!anyShortOrRecovering) return;
  for (int r = 0; r < R; ++r) {
    Workspace::Cell& c = cellsOfGood[static_cast<std::size_t>(r) * G];
    if (c.fulfil < 1.0) {
      ServeUsesByValue(net, r, g, availableTo[r], w);
      c.usesRationed = true;
    } else if (c.usesRationed) {  // back to full: every use is served again
      c.usesRationed = false;
      c.finalFulfil = 1.0;
      double* const fulfil = w.useFulfil.data() + static_cast<std::size_t>(r) * net.userGood.size();
      for (int u = net.userStart[g]; u < net.userStart[g + 1]; ++u) fulfil[u] = 1.0;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Explain
// ---------------------------------------------------------------------------------------------
// The largest cause by volume of buyer r's unmet orders for good g: blocked routes (attributed to
// the effect that blocks most) or rationing at a seller (attributed to what limited that seller).
KZ_OUT_OF_LINE Constraint ExplainShortfall(const Network& net, int r, int g, const Workspace& w) {
  Constraint best;
  double bestVolume = kTiny;
  auto consider = [&](double volume, Constraint c) {
    if (volume > bestVolume) {
      bestVolume = volume;
      best = c;
    }
  };
  for (int l = net.linkStart[g]; l < net.linkStart[g + 1]; ++l) {
    if (w.links[l].buyer != r) continue;
    const int s = w.links[l].seller;
    const double blocked = w.links[l].orders - w.links[l].allowed;
    const std::size_t route = net.Share(g, r, s);
    if (blocked > kTiny && w.passActive[g] && w.routeEffect[route] >= 0) {
      const auto kind = static_cast<EventKind>(w.routeKind[route]) == EventKind::Chokepoint
                            ? ConstraintKind::Chokepoint
                            : ConstraintKind::ExportRestriction;
      consider(blocked, Constraint{kind, static_cast<std::int16_t>(s), -1, static_cast<std::int16_t>(w.routeEffect[route])});
    }
    const double rationed = w.links[l].allowed - w.links[l].firstShip;
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

// ---------------------------------------------------------------------------------------------
// The month's steps around planning and clearing
// ---------------------------------------------------------------------------------------------
// Out of line, like the other steps, so that profiles name them (as one month loop they ran at the
// same speed, natively and in wasm). Arrays are reached through local pointers: through `w.x[i]` and
// `net.x[i]` every access loaded the vector's address again after a store that may alias it, and V8
// does not hoist those loads.

// Responses, capacity, demand, local supply and policy costs of every (region, good) for month t.
KZ_OUT_OF_LINE void StartMonth(const Network& net, int t, Workspace& w, const Results& out, double* policyCost) {
  const int R = net.regions;
  const int G = net.goods;
  const std::size_t rg = static_cast<std::size_t>(R * G);
  const std::size_t row = static_cast<std::size_t>(t) * rg;  // out.Index(t, 0, 0)
  Workspace::Cell* const state = w.cells.data();
  const Workspace::CellParams* const params = w.params.data();
  const double* const capFactor = w.capFactor.data();
  const double* const demandFactor = w.demandFactor.data();
  const double* const jointCapacity = w.jointCapacity.data();
  const double* const finalDelivered = out.finalDelivered.data();
  // Cells in storage order, counted (i is RG(r, g)), as in EndMonth.
  std::size_t i = 0;
  for (int r = 0; r < R; ++r) {
    for (int g = 0; g < G; ++g, ++i) {
      Workspace::Cell& c = state[i];
      const Workspace::CellParams& p = params[i];
      // Responses start `responseLag` months after the first short month (at the earliest the next
      // month). Substitution and supplier qualification, once begun, keep their progress.
      const bool responding = c.shortageSince >= 0 && t >= c.shortageSince + p.responseLag;
      c.responding = responding;
      if (responding && c.responseStart < 0) c.responseStart = t;
      const int started = c.responseStart;
      const double respondingFor = started >= 0 ? static_cast<double>(t - started + 1) : 0.0;
      const int qualification = p.qualificationMonths;
      c.resource = started < 0 ? 0.0 : qualification <= 0 ? 1.0 : Progress(respondingFor, qualification);
      // The region's substitution policy acts while it responds (its progress is kept between
      // episodes: what was learnt is not forgotten). Not computed for cells that are not responding
      // (most of them): 1 - (+/-0) is 1 either way.
      const double substitution = !responding ? 0.0 : p.substitutionMax * Progress(respondingFor, p.substitutionMonths);
      // The market's own adaptation (thrifting, substitution by users) grows with the months users
      // go short and fades after; it applies to every use of the good in the region.
      const double adapted = c.adaptation > 0.0 ? p.adaptationMax * Progress(c.adaptation, p.adaptationMonths) : 0.0;
      c.substitution = substitution;
      c.thrift = 1.0 - (1.0 - substitution) * (1.0 - adapted);

      const double full = p.capacity + BuiltCapacity(p.investCapacity, p.investStart, p.investLead, p.investRamp, t) +
                          jointCapacity[i];
      c.capFull = full;
      const double event = full * capFactor[i];
      c.capEvent = event;
      c.capEff = Min(event, c.rampCap + p.maxRamp * full);

      const double priceFactor = Max(0.0, 1.0 - p.demandElasticity * (c.price - 1.0));
      const double demandNow = c.demandLevel * demandFactor[i];  // in a local: read once, not again after the stores below
      const double wanted = demandNow * priceFactor;
      const double demand = wanted * (1.0 - c.thrift);
      c.wantedFinal = wanted;
      c.finalDemand = demand;
      // End use that high prices drive out is lost as surely as end use left unmet (RecordMonth).
      c.pricedOut = demandNow * (1.0 - priceFactor) * (1.0 - c.thrift);

      const int lag = std::max(1, p.recyclingLag);
      const double pastConsumption = t - lag >= 0 ? finalDelivered[row - static_cast<std::size_t>(lag) * rg + i] : p.demand0;
      c.local = c.inputStock + p.recyclingRate * pastConsumption;
      c.inputStock = 0.0;  // consumed into `local`; what is left over returns in ClearGood
      c.used = 0.0;

      // Holding a stockpile costs what keeping its target does (storage, the programme), drawn or
      // not: a reserve used in a shock does not save its upkeep. Substitution and adaptation: PlanGood.
      double cost = p.stockpileTarget * p.holdingCostPerMonth;
      if (p.investCapacity > 0.0) {
        const int start = p.investStart;
        const int lead = p.investLead;
        if (ChargedForCapital(start, lead, t)) cost += p.investCapexPerMonth;
      }
      policyCost[i] = cost;
    }
  }
}

// Month t's production, deliveries, input use and what bound each shortfall (Simulation::RecordDetail).
// The rare explanations in a loop of their own: a call inside the store loop made V8 keep none of the
// loop's values in registers. ExplainShortfall may run after all goods are cleared because what it
// reads is kept per good until the next month (the good's links and routes, its sellers' causes).
KZ_OUT_OF_LINE void RecordDetailOfMonth(const Network& net, int t, const Workspace& w, Results& out, bool anyShort) {
  const std::size_t row = out.Index(t, 0, 0);
  double* const outProduction = &out.production[row];
  double* const outDeliveries = &out.deliveries[row];
  double* const outInputUse = &out.inputUse[row];
  Constraint* const outBinding = &out.binding[row];
  const Workspace::Cell* const state = w.cells.data();
  const std::size_t cells = static_cast<std::size_t>(net.regions * net.goods);
  for (std::size_t i = 0; i < cells; ++i) {
    const Workspace::Cell& c = state[i];
    outProduction[i] = c.production;
    outDeliveries[i] = c.delivered;
    outInputUse[i] = c.used;
    // Field by field: as `Constraint{}` the wasm build made it in a stack slot with three narrow
    // stores and copied it with one 8-byte load, which the CPU cannot forward from those stores.
    Constraint& b = outBinding[i];
    b.kind = ConstraintKind::None;
    b.region = -1;
    b.input = -1;
    b.event = -1;
  }
  if (!anyShort) return;
  for (int r = 0; r < net.regions; ++r) {
    for (int g = 0; g < net.goods; ++g) {
      const std::size_t i = net.RG(r, g);
      if (state[i].fulfil < 1.0 - 1e-9) outBinding[i] = ExplainShortfall(net, r, g, w);
    }
  }
}

// Month t's results, once every good is cleared, per (region, good): one pass over the month's row
// rather than one per good; then, with `detail`, RecordDetailOfMonth.
KZ_OUT_OF_LINE void RecordMonth(const Network& net, int t, const Workspace& w, Results& out, bool detail) {
  const std::size_t row = out.Index(t, 0, 0);
  double* const outFinalDemand = &out.finalDemand[row];
  double* const outFinalDelivered = &out.finalDelivered[row];
  double* const outFulfilment = &out.fulfilment[row];
  double* const outShortfall = &out.shortfall[row];
  double* const outLoss = &out.loss[row];
  double* const outTradeIncome = &out.tradeIncome[row];
  double* const outStockValueChange = &out.stockValueChange[row];
  const Workspace::Cell* const state = w.cells.data();
  const Workspace::CellParams* const params = w.params.data();
  const std::size_t cells = static_cast<std::size_t>(net.regions * net.goods);
  bool anyShort = false;
  for (std::size_t i = 0; i < cells; ++i) {
    const Workspace::Cell& c = state[i];
    const Workspace::CellParams& p = params[i];
    const double phi = c.fulfil;
    const double demand = c.finalDemand;
    const double deliveredFinal = demand * c.finalFulfil;
    const double shortfall = demand - deliveredFinal;
    outFinalDemand[i] = demand;
    outFinalDelivered[i] = deliveredFinal;
    outFulfilment[i] = phi;
    outShortfall[i] = shortfall;
    outLoss[i] = (shortfall + c.pricedOut) * p.basePrice * p.valueMultiplier;
    outTradeIncome[i] = c.income;
    // Every stock is an asset at the base price: public and users' stocks (what is drawn is consumed,
    // what is bought back regained: its payment is in the trade income, so rebuilding costs what the
    // price is above normal), and producers' inventories and input stocks. So buying less for a
    // stock saves its payment and loses its value alike, and a stock ends the run worth what it holds.
    const double heldChange = c.inventory + c.inputStock - c.held;
    outStockValueChange[i] = p.basePrice * (c.restocked - c.released - c.userDrawn + heldChange);
    anyShort = anyShort || phi < 1.0 - 1e-9;
  }
  if (detail) RecordDetailOfMonth(net, t, w, out, anyShort);
}

// Month end: stocks, shortage detection, prices, ramp reference, demand growth.
KZ_OUT_OF_LINE void EndMonth(const Network& net, int t, Workspace& w, Results& out, bool detail) {
  const std::size_t row = out.Index(t, 0, 0);
  double* const outInventory = detail ? &out.inventory[row] : nullptr;
  double* const outStockpile = &out.stockpile[row];
  double* const outPrice = &out.price[row];
  Workspace::Cell* const state = w.cells.data();
  const Workspace::CellParams* const params = w.params.data();
  const char* const disrupted = w.goodDisrupted.data();
  char* const shortSomewhere = w.goodShortSomewhere.data();
  std::fill(w.goodShortSomewhere.begin(), w.goodShortSomewhere.end(), 0);
  // Cells in storage order, counted (i is RG(r, g)): in wasm the index computed from r and g cost two
  // multiplications per cell.
  std::size_t i = 0;
  for (int r = 0; r < net.regions; ++r) {
    for (int g = 0; g < net.goods; ++g, ++i) {
      Workspace::Cell& c = state[i];
      if (outInventory) outInventory[i] = c.inventory + c.inputStock + c.userStock;
      c.held = c.inventory + c.inputStock;
      outStockpile[i] = c.stockpile;
      const bool needed = c.need > kTiny;
      // Prices follow the market's scarcity, what buyers could not buy, however much of it their own
      // stocks covered: stocks buffer users, they do not make the market less tight.
      const double scarcity = needed ? 1.0 - c.marketFulfil : 0.0;
      const Workspace::CellParams& p = params[i];
      const double target = Min(p.priceMaxMultiple, 1.0 + p.priceSensitivity * scarcity);
      // The new price in a local: after the store to outPrice (a double that may alias the cell), the
      // wasm build read c.price back from memory, at the end of its dependency chain.
      const double price = c.price + p.priceAdjustment * (target - c.price);
      c.price = price;
      outPrice[i] = price;
      // The shortage signal is the region's usual suppliers failing its orders (a restriction or
      // rationing), measured before any stock of its own covers the gap: a reserve's release never
      // ends the shortage it answers. Once begun it lasts while an event still acts on the good and
      // until supply is back and the market has calmed (hysteresis): a response that removes the
      // shortage (substitution, re-sourcing) does not switch itself off while the disruption goes on.
      // (Selects rather than branches: the month loop runs them for every cell, and wasm branches
      // that follow the data cost more than both arms.)
      const bool shortNow = needed & (c.fulfil < kShortageThreshold);
      const bool signal = shortNow | (needed & (c.toOrder > kTiny) & (c.baselineShipped < kShortageThreshold * c.toOrder));
      const bool ends = !signal & (price <= kCalmPrice) & !disrupted[g];
      const int since = c.shortageSince;
      c.shortageSince = signal ? (since < 0 ? t : since) : (ends ? -1 : since);
      shortSomewhere[g] = static_cast<char>(shortSomewhere[g] | (c.shortageSince >= 0));
      // Users adapt (thrift, substitute) while their supply is visibly cut (the signal), even while
      // their own stocks cover the gap: they see the cut before it reaches them. What they learnt
      // fades as slowly as it came.
      c.adaptation = signal ? c.adaptation + 1.0 : Max(0.0, c.adaptation - 1.0);
      c.rampCap = c.capEff;
      c.demandLevel *= p.demandMonthlyGrowth;
    }
  }
}

// The run's metrics per (region, good). Month by month over whole rows, in the order the series are
// stored (reading one cell's months strided a row apart was slow in wasm); each cell's sums still add
// its months in order.
KZ_OUT_OF_LINE void ComputeMetrics(const Network& net, Workspace& w, Results& out) {
  const std::size_t cells = static_cast<std::size_t>(net.regions * net.goods);
  out.metrics.assign(cells, Metrics{});
  Metrics* const metrics = out.metrics.data();
  int* const firstShort = w.firstShort.data();
  int* const lastShort = w.lastShort.data();  // both -1 from the run's new Workspace
  for (int t = 0; t < net.months; ++t) {
    const std::size_t row = out.Index(t, 0, 0);
    const double* const loss = &out.loss[row];
    const double* const policyCost = &out.policyCost[row];
    const double* const price = &out.price[row];
    const double* const finalDemand = &out.finalDemand[row];
    const double* const shortfall = &out.shortfall[row];
    for (std::size_t i = 0; i < cells; ++i) {
      Metrics& m = metrics[i];
      m.cumulativeLoss += loss[i];
      m.policyCost += policyCost[i];
      m.peakPrice = Max(m.peakPrice, price[i]);
      if (finalDemand[i] > kTiny) {
        const double unmetShare = shortfall[i] / finalDemand[i];
        m.peakShortfall = Max(m.peakShortfall, unmetShare);
        if (1.0 - unmetShare < kShortageThreshold) {
          if (firstShort[i] < 0) firstShort[i] = t;
          lastShort[i] = t;
        }
      }
    }
  }
  for (std::size_t i = 0; i < cells; ++i) {
    if (firstShort[i] < 0) continue;
    metrics[i].timeToSurvive = firstShort[i] - std::max(0, std::min(firstShort[i], out.firstDisruptionMonth));
    metrics[i].timeToRecover = lastShort[i] == net.months - 1 ? -1 : lastShort[i] + 1 - firstShort[i];
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
  const double ratio = total > kTiny ? Min(1.0, supply / total) : 0.0;
  for (int r = 0; r < regionCount; ++r) ships[r] = orders[r] * ratio;
}

Simulation::Simulation(std::unique_ptr<Network> compiled) : network(std::move(compiled)) {}
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;
Simulation::~Simulation() = default;

Expected<Simulation> Simulation::Create(const Scenario& scenario, Validation validation) {
  if (validation == Validation::Full) {
    std::vector<Problem> problems = ValidateScenario(scenario);
    if (!problems.empty()) return problems;
  }
  Expected<Network> compiled = CompileNetwork(scenario);
  if (!compiled) return compiled.problems();
  return Simulation(std::make_unique<Network>(std::move(compiled.value())));
}

void Simulation::Run(Results& out, const AllocationRule* rule, const std::vector<Event>& extraEvents) const {
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
  out.monthlyDiscountRate = net.monthlyRate;
  for (std::vector<double>* series : {&out.finalDemand, &out.finalDelivered, &out.fulfilment, &out.shortfall,
                                      &out.stockpile, &out.price, &out.loss, &out.policyCost, &out.tradeIncome,
                                      &out.stockValueChange}) {
    series->resize(cells);  // every cell is written below: no need to clear
  }
  for (std::vector<double>* series : {&out.production, &out.deliveries, &out.inventory, &out.inputUse}) {
    if (recordDetail) {
      series->resize(cells);
    } else {
      series->clear();
    }
  }
  if (recordDetail) {
    out.binding.resize(cells);
  } else {
    out.binding.clear();
  }
  if (recordFlows) {
    out.flows.assign(static_cast<std::size_t>(net.months) * static_cast<std::size_t>(G) * static_cast<std::size_t>(R * R), 0.0);
  } else {
    out.flows.clear();
  }
  out.initialInventory = net.initialStock;  // and users' own stocks, which the inventory series includes
  for (std::size_t i = 0; i < out.initialInventory.size(); ++i) out.initialInventory[i] += net.userStockTarget[i];
  out.initialStockpile = net.stockpileInitial;

  Workspace w(net);
  std::vector<TimedEffect> combined;  // the network's effects and this run's, only when events are added
  if (!extraEvents.empty()) {
    std::vector<Problem> problems;
    combined = net.effects;
    for (TimedEffect& effect : CompileExtraEvents(net, extraEvents, problems)) {
      if (out.firstDisruptionMonth < 0 || effect.start < out.firstDisruptionMonth) out.firstDisruptionMonth = effect.start;
      combined.push_back(std::move(effect));
    }
    KZ_ASSERT(problems.empty(), "Simulation::Run: extra events must name the scenario's regions and goods");
  }
  const std::vector<TimedEffect>& effects = extraEvents.empty() ? net.effects : combined;
  w.shipmentEffects.reserve(effects.size());  // no allocation in the month loop

  for (int t = 0; t < net.months; ++t) {
    ApplyEffects(net, effects, t, w);
    ScheduleJointProjects(net, t, w);
    double* const policyCost = &out.policyCost[out.Index(t, 0, 0)];
    w.premiumsPaid = false;
    StartMonth(net, t, w, out, policyCost);
    ApplyFrameworkCosts(net, t, policyCost);
    for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it) {
      PlanGood(net, *it, w, policyCost);
    }
    for (const int g : net.topoOrder) {
      ProduceGood(net, g, w, policyCost);
      w.flows = recordFlows ? &out.flows[out.FlowIndex(t, g, 0, 0)] : nullptr;
      ClearGood(net, g, rule, w);  // nullptr: proportional
    }
    RecordMonth(net, t, w, out, recordDetail);
    EndMonth(net, t, w, out, recordDetail);
  }
  ComputeMetrics(net, w, out);
}

Expected<Results> RunScenario(const Scenario& scenario) {
  Expected<Simulation> simulation = Simulation::Create(scenario);
  if (!simulation) return simulation.problems();
  Results results;
  simulation.value().RecordTradeFlows(true);
  simulation.value().Run(results);
  return results;
}

}  // namespace kz
