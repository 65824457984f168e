// Small scenarios for engine tests, built in code so each test states exactly what it changes, the
// invariant checks every engine test applies to its results, and the problems of a failed call as text.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kizuna/engine.hpp"
#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz::test {

/// Chain ore -> magnet. Region A mines ore (capacity 100/month); B makes magnets (capacity 40) from
/// 2 ore each and wants 30 magnets a month; C mines ore too (capacity 100) but B buys none of it.
/// Baseline: A mines 60, B makes 30, everything is met. No stocks, responses only after 12 months.
inline Scenario OreMagnetChain() {
  Scenario s;
  s.id = "ore-magnet";
  s.title.en = "Ore to magnet chain";
  s.horizonMonths = 12;
  for (const char* id : {"A", "B", "C"}) {
    Region region;
    region.id = id;
    region.name.en = id;
    s.regions.push_back(region);
  }
  Good ore;
  ore.id = "ore";
  ore.name.en = "Ore";
  ore.unit = "t";
  ore.basePrice = 10.0;
  ore.qualificationMonths = 0;
  Good magnet;
  magnet.id = "magnet";
  magnet.name.en = "Magnet";
  magnet.unit = "t";
  magnet.basePrice = 100.0;
  magnet.valueMultiplier = 3.0;
  magnet.qualificationMonths = 0;
  magnet.recipe = {{"ore", 2.0}};
  magnet.finalDemand = {{"B", 30.0, 0.0}};
  s.goods = {ore, magnet};
  s.facilities = {{"A", "ore", 100.0, 0.0, 1.0}, {"C", "ore", 100.0, 0.0, 1.0}, {"B", "magnet", 40.0, 0.0, 1.0}};
  s.trade = {{"B", "ore", "A", 1.0}, {"B", "magnet", "B", 1.0}};
  for (const char* id : {"A", "B", "C"}) {
    RegionPolicy policy;
    policy.region = id;
    policy.responseLagMonths = 12;
    s.policies.push_back(policy);
  }
  return s;
}

inline RegionPolicy& PolicyOf(Scenario& s, const std::string& region) {
  for (RegionPolicy& policy : s.policies) {
    if (policy.region == region) return policy;
  }
  ADD_FAILURE() << "no policy block for " << region;
  return s.policies.front();
}

inline Event MakeEvent(std::string id, EventKind kind, std::vector<std::string> regions, std::vector<std::string> goods,
                       double fraction, int start, int duration, std::vector<std::string> targets = {}) {
  Event e;
  e.id = std::move(id);
  e.kind = kind;
  e.name.en = e.id;
  e.regions = std::move(regions);
  e.goods = std::move(goods);
  e.targets = std::move(targets);
  e.fraction = fraction;
  e.start = start;
  e.duration = duration;
  return e;
}

inline Results RunOrFail(const Scenario& s) {
  Expected<Results> results = RunScenario(s);
  if (!results) {
    std::string all;
    for (const Problem& p : results.problems()) all += p.ToString() + "\n";
    ADD_FAILURE() << "scenario rejected:\n" << all;
    return Results{};
  }
  return results.value();
}

/// Index of a region or good id in the results.
inline int RegionIndex(const Results& r, const std::string& id) {
  for (int i = 0; i < r.regions; ++i) {
    if (r.regionIds[i] == id) return i;
  }
  return -1;
}
inline int GoodIndex(const Results& r, const std::string& id) {
  for (int i = 0; i < r.goods; ++i) {
    if (r.goodIds[i] == id) return i;
  }
  return -1;
}

/// A series value by ids, e.g. At(results, results.production, 3, "A", "ore").
inline double At(const Results& r, const std::vector<double>& series, int t, const std::string& region,
                 const std::string& good) {
  return series[r.Index(t, RegionIndex(r, region), GoodIndex(r, good))];
}

/// The invariants every run must satisfy (docs/MODEL.md, section 2): material balance per good and month, no
/// negative or non-finite values, deliveries within supply, demand met at most in full.
/// Trade flows (when recorded): none negative, and each buyer's flows of a good add up to its deliveries.
inline void ExpectFlowsAddUpToDeliveries(const Results& r) {
  if (r.flows.empty()) return;
  ASSERT_EQ(r.flows.size(), static_cast<std::size_t>(r.months * r.goods * r.regions * r.regions));
  for (int t = 0; t < r.months; ++t) {
    for (int g = 0; g < r.goods; ++g) {
      for (int buyer = 0; buyer < r.regions; ++buyer) {
        double total = 0.0;
        for (int seller = 0; seller < r.regions; ++seller) {
          const double flow = r.flows[r.FlowIndex(t, g, buyer, seller)];
          ASSERT_GE(flow, 0.0);
          total += flow;
        }
        const double delivered = r.deliveries[r.Index(t, buyer, g)];
        ASSERT_NEAR(total, delivered, 1e-9 * (1.0 + delivered)) << "flows of good " << g << " to " << buyer << " month " << t;
      }
    }
  }
}

inline void ExpectInvariants(const Scenario& s, const Results& r) {
  const double tolerance = 1e-7;
  auto scale = [](double x) { return 1.0 + std::fabs(x); };
  for (const std::vector<double>* series : {&r.production, &r.deliveries, &r.finalDemand, &r.finalDelivered,
                                            &r.fulfilment, &r.shortfall, &r.inventory, &r.stockpile, &r.price,
                                            &r.loss, &r.policyCost}) {
    for (const double v : *series) {
      ASSERT_TRUE(std::isfinite(v));
      ASSERT_GE(v, -tolerance);
    }
  }
  for (int t = 0; t < r.months; ++t) {
    for (int g = 0; g < r.goods; ++g) {
      const Good& good = s.goods[static_cast<std::size_t>(g)];
      bool canThrift = good.adaptationMax > 0.0;
      for (const RegionPolicy& policy : s.policies) {
        for (const SubstitutionPolicy& sub : policy.substitution) canThrift = canThrift || (sub.good == good.id && sub.maxReduction > 0.0);
      }
      double sources = 0.0;
      double uses = 0.0;
      double supply = 0.0;
      double delivered = 0.0;
      for (int reg = 0; reg < r.regions; ++reg) {
        const std::size_t i = r.Index(t, reg, g);
        const std::size_t rg = static_cast<std::size_t>(reg * r.goods + g);
        const double inventoryBefore = t == 0 ? r.initialInventory[rg] : r.inventory[r.Index(t - 1, reg, g)];
        const double stockpileBefore = t == 0 ? r.initialStockpile[rg] : r.stockpile[r.Index(t - 1, reg, g)];
        double recycled = 0.0;
        for (const RegionPolicy& policy : s.policies) {
          if (policy.region != r.regionIds[reg]) continue;
          for (const RecyclingPolicy& rec : policy.recycling) {
            if (rec.good != good.id) continue;
            const int lag = std::max(1, rec.lagMonths);
            double past = 0.0;
            if (t - lag >= 0) {
              past = r.finalDelivered[r.Index(t - lag, reg, g)];
            } else {
              for (const FinalDemand& d : good.finalDemand) past += d.region == r.regionIds[reg] ? d.monthly : 0.0;
            }
            recycled += rec.rate * past;
          }
        }
        sources += r.production[i] + inventoryBefore + stockpileBefore + recycled;
        uses += r.finalDelivered[i] + r.inventory[i] + r.stockpile[i];
        // Inputs used: at most the recipe's units (thrifting and substitution only save, and output
        // that does not need the input uses none), and all of it when nothing in the scenario can
        // thrift and all of every user's output needs it.
        double recipeUse = 0.0;
        bool neededByAll = true;
        for (int h = 0; h < r.goods; ++h) {
          for (const RecipeInput& input : s.goods[static_cast<std::size_t>(h)].recipe) {
            if (input.good != good.id) continue;
            recipeUse += input.unitsPerOutput * r.production[r.Index(t, reg, h)];
            neededByAll = neededByAll && input.shareOfOutput == 1.0;
          }
        }
        ASSERT_LE(r.inputUse[i], recipeUse + tolerance * scale(recipeUse)) << good.id << " month " << t;
        if (!canThrift && neededByAll) {
          ASSERT_NEAR(r.inputUse[i], recipeUse, tolerance * scale(recipeUse)) << good.id << " month " << t;
        }
        uses += r.inputUse[i];
        supply += r.production[i] + inventoryBefore;
        delivered += r.deliveries[i];
        ASSERT_LE(r.finalDelivered[i], r.finalDemand[i] + tolerance * scale(r.finalDemand[i]));
        ASSERT_LE(r.fulfilment[i], 1.0 + 1e-12);
      }
      ASSERT_NEAR(sources, uses, tolerance * scale(sources)) << "material balance of " << good.id << " in month " << t;
      ASSERT_LE(delivered, supply + tolerance * scale(supply)) << good.id << " month " << t;
    }
  }
  ExpectFlowsAddUpToDeliveries(r);
}

/// Every problem as "path: message" lines, for a failed expectation's message.
inline std::string AllProblems(const std::vector<Problem>& problems) {
  std::string all;
  for (const Problem& problem : problems) all += problem.ToString() + "\n";
  return all;
}

/// OreMagnetChain where B buys 80% of its ore from A and 20% from C and A halts ore exports to B in
/// months 1-6. B responds (re-sources from C, whose ore is not interchangeable with A's) only after 12
/// months: never within the horizon.
/// Framework "ore-club" of A and B shares information with no lag, so as a member B re-sources at
/// once (the coalition tests' game: tests/cli/CMakeLists.txt works its figures out).
inline Scenario OreClubScenario() {
  Scenario s = OreMagnetChain();
  s.goods[0].interchangeable = 0.0;  // C's ore: B takes more of it only once it responds
  s.trade = {{"B", "ore", "A", 0.8}, {"B", "ore", "C", 0.2}, {"B", "magnet", "B", 1.0}};
  s.events.push_back(MakeEvent("halt", EventKind::ExportRestriction, {"A"}, {"ore"}, 1.0, 1, 6, {"B"}));
  Framework club;
  club.id = "ore-club";
  club.name.en = "Ore club";
  club.members = {"A", "B"};
  club.informationSharing.enabled = true;
  club.informationSharing.lagMonths = 0;
  s.frameworks.push_back(club);
  return s;
}

}  // namespace kz::test
