// Scenario validation: one pass per part of the scenario, in scenario order, collecting every problem.
// Sections: header and ids; regions; goods (recipes, demand); recipe cycles; facilities; trade (shares,
// sellers, needs without sources); events; policies; then sources and provenance (provenance.cpp).
// Ranges come from ranges.hpp (shared with levers).
#include "kizuna/validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "kizuna/provenance.hpp"
#include "id_text.hpp"
#include "out_of_line.hpp"
#include "ranges.hpp"

namespace kz {
namespace {

std::string Field(const std::string& base, std::string_view name) {
  return base.empty() ? std::string(name) : base + "." + std::string(name);
}
std::string Item(const std::string& base, std::size_t index) {
  return base + "[" + std::to_string(index) + "]";
}

using IdIndex = std::unordered_map<std::string, std::size_t>;
using PairKey = std::pair<std::string, std::string>;

class Validator {
 public:
  explicit Validator(const Scenario& scenario) : s(scenario) {}

  // The checks stay out of line: in wasm, one function holding them all is optimized in the
  // background (~0.4 s of CPU) although it runs once.
  std::vector<Problem> Run() {
    CheckHeader();
    CheckRegions();
    CheckGoods();
    CheckRecipeCycles();
    CheckFacilities();
    CheckTrade();
    CheckEvents();
    CheckPolicies();
    CheckFrameworks();
    CheckRisks();
    CheckPresentation();
    for (Problem& problem : ValidateProvenance(s)) problems.push_back(std::move(problem));
    return std::move(problems);
  }

 private:
  const Scenario& s;
  std::vector<Problem> problems;
  IdIndex regionIndex;                       // id -> first index in s.regions
  IdIndex goodIndex;                         // id -> first index in s.goods
  std::map<PairKey, std::size_t> facilities;  // (region, good) -> first index in s.facilities

  void Add(std::string path, std::string message) {
    problems.push_back(Problem{std::move(path), std::move(message)});
  }

  void CheckNumber(const std::string& path, double value, const Range& range) {
    if (auto message = CheckRange(range, value)) Add(path, std::move(*message));
  }

  // An id's text: non-empty and made of [A-Za-z0-9_-] (ids go into lever paths and URLs).
  bool CheckIdText(const std::string& path, const std::string& id) {
    if (id.empty()) {
      Add(path, "must not be empty");
      return false;
    }
    if (!std::all_of(id.begin(), id.end(), IsIdChar)) {
      Add(path, "'" + id + "' may contain only letters, digits, '_' and '-'");
      return false;
    }
    return true;
  }

  // Registers a defining id; invalid ids are still registered so references to them do not also fail.
  void DefineId(const std::string& path, const std::string& id, const char* kind,
                const std::string& listPath, IdIndex& index, std::size_t position) {
    CheckIdText(path, id);
    if (id.empty()) return;
    auto [it, inserted] = index.emplace(id, position);
    if (!inserted) {
      Add(path, std::string("duplicate ") + kind + " id '" + id + "' (first at " +
                    Item(listPath, it->second) + ")");
    }
  }

  // A reference to a region or good; true when it resolves.
  bool CheckRef(const std::string& path, const std::string& id, const IdIndex& index,
                const char* kind) {
    if (id.empty()) {
      Add(path, "must not be empty");
      return false;
    }
    if (index.find(id) == index.end()) {
      Add(path, std::string("unknown ") + kind + " '" + id + "'");
      return false;
    }
    return true;
  }

  // A list of references with no repeats (event regions, targets, partners...).
  void CheckRefList(const std::string& path, const std::vector<std::string>& ids,
                    const IdIndex& index, const char* kind) {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::string itemPath = Item(path, i);
      CheckRef(itemPath, ids[i], index, kind);
      auto [it, inserted] = seen.emplace(ids[i], i);
      if (!inserted) {
        Add(itemPath, std::string("duplicate ") + kind + " '" + ids[i] + "' (first at " +
                          Item(path, it->second) + ")");
      }
    }
  }

  // -- Header ---------------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckHeader() {
    CheckNumber("schemaVersion", s.schemaVersion, ranges::kSchemaVersion);
    CheckIdText("id", s.id);
    if (s.title.en.empty()) Add("title.en", "must not be empty");
    CheckNumber("horizonMonths", s.horizonMonths, ranges::kHorizonMonths);
    CheckNumber("discountRate", s.discountRate, ranges::kDiscountRate);
  }

  // -- Regions --------------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckRegions() {
    if (s.regions.empty()) Add("regions", "a scenario needs at least one region");
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
      const Region& region = s.regions[i];
      const std::string path = Item("regions", i);
      DefineId(Field(path, "id"), region.id, "region", "regions", regionIndex, i);
      CheckNumber(Field(path, "lat"), region.lat, ranges::kRegionLat);
      CheckNumber(Field(path, "lon"), region.lon, ranges::kRegionLon);
      CheckNumber(Field(path, "weight"), region.weight, ranges::kRegionWeight);
    }
  }

  // -- Goods ----------------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckGoods() {
    if (s.goods.empty()) Add("goods", "a scenario needs at least one good");
    // Ids first: recipes may name goods listed later.
    for (std::size_t i = 0; i < s.goods.size(); ++i) {
      DefineId(Field(Item("goods", i), "id"), s.goods[i].id, "good", "goods", goodIndex, i);
    }
    for (std::size_t i = 0; i < s.goods.size(); ++i) {
      const Good& good = s.goods[i];
      const std::string path = Item("goods", i);
      CheckNumber(Field(path, "basePrice"), good.basePrice, ranges::kBasePrice);

      const std::string recipePath = Field(path, "recipe");
      std::unordered_map<std::string, std::size_t> inputs;
      for (std::size_t k = 0; k < good.recipe.size(); ++k) {
        const RecipeInput& input = good.recipe[k];
        const std::string inputPath = Item(recipePath, k);
        CheckRef(Field(inputPath, "good"), input.good, goodIndex, "good");
        auto [it, inserted] = inputs.emplace(input.good, k);
        if (!inserted && !input.good.empty()) {
          Add(Field(inputPath, "good"), "duplicate input '" + input.good + "' (first at " +
                                            Item(recipePath, it->second) + ")");
        }
        CheckNumber(Field(inputPath, "unitsPerOutput"), input.unitsPerOutput,
                    ranges::kUnitsPerOutput);
        CheckNumber(Field(inputPath, "shareOfOutput"), input.shareOfOutput, ranges::kShareOfOutput);
      }

      const std::string demandPath = Field(path, "finalDemand");
      std::unordered_map<std::string, std::size_t> demands;
      for (std::size_t k = 0; k < good.finalDemand.size(); ++k) {
        const FinalDemand& demand = good.finalDemand[k];
        const std::string itemPath = Item(demandPath, k);
        CheckRef(Field(itemPath, "region"), demand.region, regionIndex, "region");
        auto [it, inserted] = demands.emplace(demand.region, k);
        if (!inserted && !demand.region.empty()) {
          Add(Field(itemPath, "region"), "duplicate demand of '" + demand.region + "' (first at " +
                                             Item(demandPath, it->second) + ")");
        }
        CheckNumber(Field(itemPath, "monthly"), demand.monthly, ranges::kDemandMonthly);
        CheckNumber(Field(itemPath, "growthPerYear"), demand.growthPerYear,
                    ranges::kDemandGrowthPerYear);
      }

      CheckNumber(Field(path, "valueMultiplier"), good.valueMultiplier, ranges::kValueMultiplier);
      CheckNumber(Field(path, "qualificationMonths"), good.qualificationMonths,
                  ranges::kQualificationMonths);
      CheckNumber(Field(path, "interchangeable"), good.interchangeable, ranges::kInterchangeable);
      CheckNumber(Field(path, "demandElasticity"), good.demandElasticity,
                  ranges::kDemandElasticity);
      CheckNumber(Field(path, "priceSensitivity"), good.priceSensitivity,
                  ranges::kPriceSensitivity);
      CheckNumber(Field(path, "priceMaxMultiple"), good.priceMaxMultiple,
                  ranges::kPriceMaxMultiple);
      CheckNumber(Field(path, "priceAdjustment"), good.priceAdjustment, ranges::kPriceAdjustment);
      CheckNumber(Field(path, "userStockMonths"), good.userStockMonths, ranges::kUserStockMonths);
      CheckNumber(Field(path, "adaptationMax"), good.adaptationMax, ranges::kAdaptationMax);
      CheckNumber(Field(path, "adaptationMonths"), good.adaptationMonths, ranges::kAdaptationMonths);
    }
  }

  // -- Recipe cycles --------------------------------------------------------------------------------
  // Iterative depth-first search (a recursive one could overflow wasm's small stack on a long chain).
  // Each cycle is reported once, rotated to start at its earliest good, at that good's recipe.
  KZ_OUT_OF_LINE void CheckRecipeCycles() {
    const std::size_t n = s.goods.size();
    std::vector<std::vector<std::size_t>> inputs(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (const RecipeInput& input : s.goods[i].recipe) {
        auto it = goodIndex.find(input.good);
        if (it != goodIndex.end()) inputs[i].push_back(it->second);
      }
    }
    enum : char { kUnvisited, kOnPath, kDone };
    std::vector<char> state(n, kUnvisited);
    std::vector<std::size_t> pathPosition(n, 0);
    std::set<std::vector<std::size_t>> cycles;  // canonical rotations, ordered by earliest good
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (good, next input to follow)
    std::vector<std::size_t> path;
    for (std::size_t root = 0; root < n; ++root) {
      if (state[root] != kUnvisited) continue;
      stack.push_back({root, 0});
      state[root] = kOnPath;
      pathPosition[root] = 0;
      path.push_back(root);
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next == inputs[node].size()) {
          state[node] = kDone;
          path.pop_back();
          stack.pop_back();
          continue;
        }
        const std::size_t input = inputs[node][next++];
        if (state[input] == kOnPath) {
          std::vector<std::size_t> cycle(path.begin() + static_cast<std::ptrdiff_t>(pathPosition[input]),
                                         path.end());
          std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
          cycles.insert(std::move(cycle));
        } else if (state[input] == kUnvisited) {
          state[input] = kOnPath;
          pathPosition[input] = path.size();
          path.push_back(input);
          stack.push_back({input, 0});  // invalidates `node` and `next`; not used again this turn
        }
      }
    }
    for (const std::vector<std::size_t>& cycle : cycles) {
      std::string text = "cycle ";
      for (std::size_t good : cycle) text += s.goods[good].id + " -> ";
      text += s.goods[cycle.front()].id;
      Add(Field(Item("goods", cycle.front()), "recipe"), std::move(text));
    }
  }

  // -- Facilities -----------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckFacilities() {
    for (std::size_t i = 0; i < s.facilities.size(); ++i) {
      const Facility& facility = s.facilities[i];
      const std::string path = Item("facilities", i);
      const bool regionOk = CheckRef(Field(path, "region"), facility.region, regionIndex, "region");
      const bool goodOk = CheckRef(Field(path, "good"), facility.good, goodIndex, "good");
      if (regionOk && goodOk) {
        auto [it, inserted] = facilities.emplace(PairKey{facility.region, facility.good}, i);
        if (!inserted) {
          Add(path, "duplicate facility for " + facility.region + " and " + facility.good +
                        " (first at " + Item("facilities", it->second) + ")");
        }
      }
      CheckNumber(Field(path, "capacity"), facility.capacity, ranges::kCapacity);
      CheckNumber(Field(path, "initialStock"), facility.initialStock, ranges::kInitialStock);
      CheckNumber(Field(path, "maxRampPerMonth"), facility.maxRampPerMonth,
                  ranges::kMaxRampPerMonth);
    }
  }

  // -- Trade ----------------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckTrade() {
    std::map<std::pair<PairKey, std::string>, std::size_t> entries;  // ((buyer, good), seller)
    std::vector<PairKey> groupOrder;                                 // (buyer, good), first seen
    std::map<PairKey, double> sums;
    for (std::size_t i = 0; i < s.trade.size(); ++i) {
      const TradeShare& t = s.trade[i];
      const std::string path = Item("trade", i);
      const bool buyerOk = CheckRef(Field(path, "buyer"), t.buyer, regionIndex, "region");
      const bool goodOk = CheckRef(Field(path, "good"), t.good, goodIndex, "good");
      const bool sellerOk = CheckRef(Field(path, "seller"), t.seller, regionIndex, "region");
      CheckNumber(Field(path, "share"), t.share, ranges::kTradeShare);
      if (sellerOk && goodOk && facilities.find({t.seller, t.good}) == facilities.end()) {
        Add(Field(path, "seller"), t.seller + " has no facility for " + t.good);
      }
      if (!(buyerOk && goodOk)) continue;
      // A bad seller is reported above; the entry still counts as a source, so the buyer is not
      // also told it has none.
      if (sellerOk) {
        auto [it, inserted] = entries.emplace(std::pair{PairKey{t.buyer, t.good}, t.seller}, i);
        if (!inserted) {
          Add(path, "duplicate entry: " + t.buyer + " buys " + t.good + " from " + t.seller +
                        " (first at " + Item("trade", it->second) + ")");
        }
      }
      auto [sum, newGroup] = sums.emplace(PairKey{t.buyer, t.good}, 0.0);
      if (newGroup) groupOrder.push_back(sum->first);
      sum->second += t.share;
    }
    for (const PairKey& group : groupOrder) {
      const double sum = sums[group];
      if (!(std::fabs(sum - 1.0) <= ranges::kShareSumTolerance)) {
        Add("trade." + group.first + "." + group.second,
            "shares sum to " + FormatNumber(sum) + ", must sum to 1");
      }
    }
    CheckNeedsHaveSources(sums);
  }

  // A region needs a good when it has final demand for it or makes a good whose recipe uses it.
  // Presence decides, not amounts: a lever that sets a demand or capacity to 0 must not make a valid
  // scenario invalid, nor one that raises it from 0.
  void CheckNeedsHaveSources(const std::map<PairKey, double>& sums) {
    for (const Region& region : s.regions) {
      if (region.id.empty()) continue;
      for (const Good& good : s.goods) {
        if (good.id.empty() || sums.count({region.id, good.id}) != 0) continue;
        const bool hasDemand =
            std::any_of(good.finalDemand.begin(), good.finalDemand.end(),
                        [&](const FinalDemand& d) { return d.region == region.id; });
        const std::string path = "trade." + region.id + "." + good.id;
        if (hasDemand) {
          Add(path, region.id + " has demand for " + good.id + " but no sources");
          continue;
        }
        for (const Facility& facility : s.facilities) {
          if (facility.region != region.id) continue;
          auto made = goodIndex.find(facility.good);
          if (made == goodIndex.end()) continue;
          const std::vector<RecipeInput>& recipe = s.goods[made->second].recipe;
          if (std::any_of(recipe.begin(), recipe.end(),
                          [&](const RecipeInput& in) { return in.good == good.id; })) {
            Add(path, region.id + " makes " + facility.good + ", which uses " + good.id +
                          ", but has no sources of " + good.id);
            break;
          }
        }
      }
    }
  }

  // -- Events ---------------------------------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckEvents() {
    IdIndex eventIndex;
    const Range startRange = ranges::EventStart(s.horizonMonths);
    for (std::size_t i = 0; i < s.events.size(); ++i) {
      const Event& event = s.events[i];
      const std::string path = Item("events", i);
      const std::string kind = EventKindName(event.kind);
      const std::string aKind = (kind[0] == 'e' ? "an " : "a ") + kind;  // "an exportRestriction"
      DefineId(Field(path, "id"), event.id, "event", "events", eventIndex, i);
      if (event.regions.empty()) {
        Add(Field(path, "regions"), aKind + " event needs at least one region");
      }
      CheckRefList(Field(path, "regions"), event.regions, regionIndex, "region");
      const bool hasTargets =
          event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint;
      if (!hasTargets && !event.targets.empty()) {
        Add(Field(path, "targets"), "only exportRestriction and chokepoint events have targets");
      }
      CheckRefList(Field(path, "targets"), event.targets, regionIndex, "region");
      if (event.kind != EventKind::Chokepoint && event.goods.empty()) {
        Add(Field(path, "goods"), aKind + " event needs at least one good");
      }
      CheckRefList(Field(path, "goods"), event.goods, goodIndex, "good");
      CheckNumber(Field(path, "fraction"), event.fraction, ranges::EventFraction(event.kind));
      CheckNumber(Field(path, "start"), event.start, startRange);
      CheckNumber(Field(path, "duration"), event.duration, ranges::kEventDuration);
      CheckNumber(Field(path, "recoveryMonths"), event.recoveryMonths, ranges::kRecoveryMonths);
      CheckNumber(Field(path, "leakage"), event.leakage, ranges::kLeakage);
    }
  }

  // -- Risk register --------------------------------------------------------------------------------
  // A hazard obeys its event kind's rules (it becomes such an event when it strikes), and its
  // distributions stay in that kind's range. Fixed uses only `mode`; uniform and triangular need
  // low <= mode <= high (uniform too, so switching between them never breaks a scenario).
  void CheckDistribution(const std::string& path, const Distribution& d, const Range& range) {
    CheckNumber(Field(path, "mode"), d.mode, range);
    if (d.kind == DistributionKind::Fixed) return;
    CheckNumber(Field(path, "low"), d.low, range);
    CheckNumber(Field(path, "high"), d.high, range);
    if (!(d.low <= d.mode && d.mode <= d.high)) {
      Add(path, "must have low <= mode <= high, got " + FormatNumber(d.low) + ", " + FormatNumber(d.mode) +
                    ", " + FormatNumber(d.high));
    }
  }

  KZ_OUT_OF_LINE void CheckRisks() {
    IdIndex hazardIndex;
    for (std::size_t i = 0; i < s.risks.size(); ++i) {
      const Hazard& hazard = s.risks[i];
      const std::string path = Item("risks", i);
      const std::string kind = EventKindName(hazard.kind);
      const std::string aKind = (kind[0] == 'e' ? "an " : "a ") + kind;
      DefineId(Field(path, "id"), hazard.id, "hazard", "risks", hazardIndex, i);
      if (hazard.regions.empty()) Add(Field(path, "regions"), aKind + " hazard needs at least one region");
      CheckRefList(Field(path, "regions"), hazard.regions, regionIndex, "region");
      const bool hasTargets =
          hazard.kind == EventKind::ExportRestriction || hazard.kind == EventKind::Chokepoint;
      if (!hasTargets && !hazard.targets.empty()) {
        Add(Field(path, "targets"), "only exportRestriction and chokepoint hazards have targets");
      }
      CheckRefList(Field(path, "targets"), hazard.targets, regionIndex, "region");
      if (hazard.kind != EventKind::Chokepoint && hazard.goods.empty()) {
        Add(Field(path, "goods"), aKind + " hazard needs at least one good");
      }
      CheckRefList(Field(path, "goods"), hazard.goods, goodIndex, "good");
      CheckNumber(Field(path, "annualProbability"), hazard.annualProbability, ranges::kAnnualProbability);
      CheckDistribution(Field(path, "severity"), hazard.severity, ranges::EventFraction(hazard.kind));
      CheckDistribution(Field(path, "durationMonths"), hazard.durationMonths, ranges::kHazardDurationMonths);
      CheckNumber(Field(path, "recoveryMonths"), hazard.recoveryMonths, ranges::kRecoveryMonths);
    }
  }

  // -- Policies -------------------------------------------------------------------------------------
  // Checks the `good` of each entry of one policy list: it resolves and appears once.
  template <typename T>
  void CheckPolicyGoods(const std::string& listPath, const std::vector<T>& list) {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string goodPath = Field(Item(listPath, k), "good");
      if (!CheckRef(goodPath, list[k].good, goodIndex, "good")) continue;
      auto [it, inserted] = seen.emplace(list[k].good, k);
      if (!inserted) {
        Add(goodPath, "duplicate entry for " + list[k].good + " (first at " +
                          Item(listPath, it->second) + ")");
      }
    }
  }

  KZ_OUT_OF_LINE void CheckPolicies() {
    IdIndex policyIndex;
    for (std::size_t i = 0; i < s.policies.size(); ++i) {
      const RegionPolicy& policy = s.policies[i];
      const std::string path = Item("policies", i);
      if (CheckRef(Field(path, "region"), policy.region, regionIndex, "region")) {
        auto [it, inserted] = policyIndex.emplace(policy.region, i);
        if (!inserted) {
          Add(Field(path, "region"), "duplicate policy block for " + policy.region + " (first at " +
                                         Item("policies", it->second) + ")");
        }
      }
      CheckNumber(Field(path, "responseLagMonths"), policy.responseLagMonths,
                  ranges::kResponseLagMonths);

      const std::string stockpiles = Field(path, "stockpiles");
      CheckPolicyGoods(stockpiles, policy.stockpiles);
      for (std::size_t k = 0; k < policy.stockpiles.size(); ++k) {
        const StockpilePolicy& p = policy.stockpiles[k];
        const std::string item = Item(stockpiles, k);
        CheckNumber(Field(item, "targetMonths"), p.targetMonths, ranges::kStockpileTargetMonths);
        CheckNumber(Field(item, "initialFill"), p.initialFill, ranges::kStockpileInitialFill);
        CheckNumber(Field(item, "releaseTrigger"), p.releaseTrigger,
                    ranges::kStockpileReleaseTrigger);
        CheckNumber(Field(item, "releasePerMonth"), p.releasePerMonth,
                    ranges::kStockpileReleasePerMonth);
        CheckNumber(Field(item, "refillPerMonth"), p.refillPerMonth,
                    ranges::kStockpileRefillPerMonth);
        CheckNumber(Field(item, "holdingCostPerYear"), p.holdingCostPerYear,
                    ranges::kStockpileHoldingCostPerYear);
      }

      const std::string investments = Field(path, "investments");
      CheckPolicyGoods(investments, policy.investments);
      for (std::size_t k = 0; k < policy.investments.size(); ++k) {
        const InvestmentPolicy& p = policy.investments[k];
        const std::string item = Item(investments, k);
        CheckNumber(Field(item, "capacity"), p.capacity, ranges::kInvestmentCapacity);
        CheckNumber(Field(item, "start"), p.start, ranges::kInvestmentStart);
        CheckNumber(Field(item, "leadMonths"), p.leadMonths, ranges::kInvestmentLeadMonths);
        CheckNumber(Field(item, "rampMonths"), p.rampMonths, ranges::kInvestmentRampMonths);
        CheckNumber(Field(item, "capexPerUnit"), p.capexPerUnit, ranges::kInvestmentCapexPerUnit);
      }

      const std::string diversification = Field(path, "diversification");
      CheckPolicyGoods(diversification, policy.diversification);
      for (std::size_t k = 0; k < policy.diversification.size(); ++k) {
        const DiversificationPolicy& p = policy.diversification[k];
        const std::string item = Item(diversification, k);
        CheckNumber(Field(item, "maxShare"), p.maxShare, ranges::kDiversificationMaxShare);
        CheckRefList(Field(item, "partners"), p.partners, regionIndex, "region");
      }

      const std::string substitution = Field(path, "substitution");
      CheckPolicyGoods(substitution, policy.substitution);
      for (std::size_t k = 0; k < policy.substitution.size(); ++k) {
        const SubstitutionPolicy& p = policy.substitution[k];
        const std::string item = Item(substitution, k);
        CheckNumber(Field(item, "maxReduction"), p.maxReduction,
                    ranges::kSubstitutionMaxReduction);
        CheckNumber(Field(item, "monthsToFull"), p.monthsToFull, ranges::kSubstitutionMonthsToFull);
        CheckNumber(Field(item, "costPerUnit"), p.costPerUnit, ranges::kSubstitutionCostPerUnit);
      }

      const std::string recycling = Field(path, "recycling");
      CheckPolicyGoods(recycling, policy.recycling);
      for (std::size_t k = 0; k < policy.recycling.size(); ++k) {
        const RecyclingPolicy& p = policy.recycling[k];
        const std::string item = Item(recycling, k);
        CheckNumber(Field(item, "rate"), p.rate, ranges::kRecyclingRate);
        CheckNumber(Field(item, "lagMonths"), p.lagMonths, ranges::kRecyclingLagMonths);
      }

      const std::string exportControls = Field(path, "exportControls");
      CheckPolicyGoods(exportControls, policy.exportControls);
      for (std::size_t k = 0; k < policy.exportControls.size(); ++k) {
        const ExportControlPolicy& p = policy.exportControls[k];
        const std::string item = Item(exportControls, k);
        CheckRefList(Field(item, "targets"), p.targets, regionIndex, "region");
        CheckNumber(Field(item, "fraction"), p.fraction, ranges::kExportControlFraction);
        CheckNumber(Field(item, "start"), p.start, ranges::kExportControlStart);
        CheckNumber(Field(item, "duration"), p.duration, ranges::kExportControlDuration);
      }
    }
  }

  // -- Frameworks -----------------------------------------------------------------------------------
  // Rules are checked only when enabled, so a disabled rule may keep half-filled parameters.
  KZ_OUT_OF_LINE void CheckFrameworks() {
    IdIndex frameworkIndex;
    for (std::size_t i = 0; i < s.frameworks.size(); ++i) {
      const Framework& f = s.frameworks[i];
      const std::string path = Item("frameworks", i);
      DefineId(Field(path, "id"), f.id, "framework", "frameworks", frameworkIndex, i);
      if (f.members.empty()) Add(Field(path, "members"), "a framework needs at least one member");
      CheckRefList(Field(path, "members"), f.members, regionIndex, "region");
      const auto isMember = [&f](const std::string& id) {
        return std::find(f.members.begin(), f.members.end(), id) != f.members.end();
      };
      if (f.informationSharing.enabled) {
        CheckNumber(Field(path, "informationSharing.lagMonths"), f.informationSharing.lagMonths,
                    ranges::kInformationLagMonths);
      }
      if (f.stockpilePool.enabled) {
        const std::string goods = Field(path, "stockpilePool.goods");
        if (f.stockpilePool.goods.empty()) Add(goods, "a stockpile pool needs at least one good");
        CheckRefList(goods, f.stockpilePool.goods, goodIndex, "good");
      }
      if (f.partnerPriority.enabled) {
        CheckRefList(Field(path, "partnerPriority.goods"), f.partnerPriority.goods, goodIndex, "good");
        CheckNumber(Field(path, "partnerPriority.priority"), f.partnerPriority.priority, ranges::kPartnerPriority);
      }
      if (f.jointInvestment.enabled) {
        const JointInvestmentRule& j = f.jointInvestment;
        const std::string rule = Field(path, "jointInvestment");
        if (CheckRef(Field(rule, "host"), j.host, regionIndex, "region") && !isMember(j.host)) {
          Add(Field(rule, "host"), j.host + " is not a member of " + f.id);
        }
        CheckRef(Field(rule, "good"), j.good, goodIndex, "good");
        CheckNumber(Field(rule, "capacity"), j.capacity, ranges::kJointCapacity);
        CheckNumber(Field(rule, "start"), j.start, ranges::kJointStart);
        CheckNumber(Field(rule, "leadMonths"), j.leadMonths, ranges::kJointLeadMonths);
        CheckNumber(Field(rule, "rampMonths"), j.rampMonths, ranges::kJointRampMonths);
        CheckNumber(Field(rule, "capexPerUnit"), j.capexPerUnit, ranges::kJointCapexPerUnit);
        CheckNumber(Field(rule, "reservedShare"), j.reservedShare, ranges::kJointReservedShare);
      }
      if (f.exportControls.enabled) {
        const CoordinatedExportControlRule& c = f.exportControls;
        const std::string rule = Field(path, "exportControls");
        if (c.goods.empty()) Add(Field(rule, "goods"), "coordinated export controls need at least one good");
        CheckRefList(Field(rule, "goods"), c.goods, goodIndex, "good");
        if (c.targets.empty()) Add(Field(rule, "targets"), "coordinated export controls need at least one target");
        CheckRefList(Field(rule, "targets"), c.targets, regionIndex, "region");
        for (std::size_t k = 0; k < c.targets.size(); ++k) {
          if (isMember(c.targets[k])) {
            Add(Item(Field(rule, "targets"), k), c.targets[k] + " is a member of " + f.id + " and cannot be its target");
          }
        }
        CheckNumber(Field(rule, "fraction"), c.fraction, ranges::kCoordinatedControlFraction);
        CheckNumber(Field(rule, "start"), c.start, ranges::kCoordinatedControlStart);
        CheckNumber(Field(rule, "duration"), c.duration, ranges::kCoordinatedControlDuration);
      }
    }
  }

  // -- Presentation (subject, dials) ----------------------------------------------------------------
  KZ_OUT_OF_LINE void CheckPresentation() {
    const Presentation& p = s.presentation;
    if (!p.subjectRegion.empty() || !p.subjectGood.empty()) {
      CheckRef("subject.region", p.subjectRegion, regionIndex, "region");
      CheckRef("subject.good", p.subjectGood, goodIndex, "good");
    }
    // A dial whose lever is gone (its shock removed) is not a problem: the levers panel skips it.
    std::set<std::string> seen;
    for (std::size_t i = 0; i < p.dials.size(); ++i) {
      if (p.dials[i].empty()) Add(Item("dials", i), "must not be empty");
      else if (!seen.insert(p.dials[i]).second) Add(Item("dials", i), "duplicate lever '" + p.dials[i] + "'");
    }
  }
};

}  // namespace

std::vector<Problem> ValidateScenario(const Scenario& scenario) { return Validator(scenario).Run(); }

}  // namespace kz
