// Levers: one walk over the scenario (ForEachLever) defines every lever's path, unit, label, range
// and field; listing, getting and setting all go through it, so the three can never disagree.
// Ranges come from ranges.hpp, the table validation uses.
#include "kizuna/levers.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "ranges.hpp"

namespace kz {
namespace {

constexpr std::size_t kNoTrade = std::numeric_limits<std::size_t>::max();

struct LeverSpec {
  std::string path;
  std::string unit;
  std::string label;
  Range range;
  std::size_t trade = kNoTrade;  // index into Scenario::trade for share levers (set rescales others)
  bool lever = true;             // false for map positions (listed by ListNumbers only)
};

// Calls visit(spec, field) for every lever until it returns true. `field` is a double&, int& or bool&
// (const when S is const Scenario). With `mapPositions`, each region's lat and lon (numbers, but not
// levers) come just before its weight: the one walk also defines ListNumbers.
template <typename S, typename Visit>
void ForEachLever(S& s, Visit&& visit, bool mapPositions = false) {
  bool stopped = false;
  auto emit = [&](std::string path, std::string unit, std::string label, const Range& range,
                  auto& field, std::size_t trade = kNoTrade) {
    if (!stopped) {
      stopped = visit(LeverSpec{std::move(path), std::move(unit), std::move(label), range, trade},
                      field);
    }
  };
  std::unordered_map<std::string, std::string> units;  // good id -> unit
  for (const Good& good : s.goods) units.emplace(good.id, good.unit.empty() ? "units" : good.unit);
  auto unitOf = [&units](const std::string& good) {
    const auto it = units.find(good);
    return it == units.end() ? std::string("units") : it->second;
  };

  // The horizon may not end before an event starts.
  int latestStart = -1;
  for (const Event& event : s.events) latestStart = std::max(latestStart, event.start);
  Range horizon = ranges::kHorizonMonths;
  horizon.min = std::clamp(latestStart + 1, 1, kMaxHorizonMonths);
  emit("horizonMonths", "months", "Simulated horizon", horizon, s.horizonMonths);
  emit("discountRate", "share/year", "Discount rate (welfare and plants' capital charge)", ranges::kDiscountRate,
       s.discountRate);

  for (auto& region : s.regions) {
    const std::string p = "region." + region.id + ".";
    if (mapPositions && !stopped) {
      stopped = visit(LeverSpec{p + "lat", "degrees north", region.id + " map latitude", ranges::kRegionLat,
                                kNoTrade, false},
                      region.lat) ||
                visit(LeverSpec{p + "lon", "degrees east", region.id + " map longitude", ranges::kRegionLon,
                                kNoTrade, false},
                      region.lon);
    }
    emit(p + "weight", "weight", region.id + " economic weight (cost sharing)", ranges::kRegionWeight,
         region.weight);
  }

  for (auto& good : s.goods) {
    const std::string p = "good." + good.id + ".";
    const std::string& g = good.id;
    const std::string unit = unitOf(g);
    emit(p + "basePrice", "USD/" + unit, g + " base price", ranges::kBasePrice, good.basePrice);
    emit(p + "valueMultiplier", "x", g + " downstream value lost per USD short",
         ranges::kValueMultiplier, good.valueMultiplier);
    emit(p + "qualificationMonths", "months", g + " supplier qualification time",
         ranges::kQualificationMonths, good.qualificationMonths);
    emit(p + "interchangeable", "share", g + " orders usual suppliers take at once", ranges::kInterchangeable,
         good.interchangeable);
    emit(p + "demandElasticity", "share", g + " demand elasticity to price",
         ranges::kDemandElasticity, good.demandElasticity);
    emit(p + "priceSensitivity", "x", g + " price sensitivity to scarcity",
         ranges::kPriceSensitivity, good.priceSensitivity);
    emit(p + "priceMaxMultiple", "x", g + " highest price multiple", ranges::kPriceMaxMultiple,
         good.priceMaxMultiple);
    emit(p + "priceAdjustment", "share/month", g + " price adjustment speed",
         ranges::kPriceAdjustment, good.priceAdjustment);
    emit(p + "userStockMonths", "months", g + " users' own stocks", ranges::kUserStockMonths,
         good.userStockMonths);
    emit(p + "adaptationMax", "share", g + " use avoided when fully adapted", ranges::kAdaptationMax,
         good.adaptationMax);
    emit(p + "adaptationMonths", "months", g + " months to adapt fully", ranges::kAdaptationMonths,
         good.adaptationMonths);
  }

  for (auto& good : s.goods) {
    const std::string unit = unitOf(good.id);
    for (auto& demand : good.finalDemand) {
      const std::string p = "demand." + demand.region + "." + good.id + ".";
      const std::string who = demand.region + " " + good.id;
      emit(p + "monthly", unit + "/month", who + " final demand", ranges::kDemandMonthly,
           demand.monthly);
      emit(p + "growthPerYear", "share/year", who + " demand growth", ranges::kDemandGrowthPerYear,
           demand.growthPerYear);
    }
  }

  for (auto& facility : s.facilities) {
    const std::string p = "facility." + facility.region + "." + facility.good + ".";
    const std::string who = facility.region + " " + facility.good;
    const std::string unit = unitOf(facility.good);
    emit(p + "capacity", unit + "/month", who + " capacity", ranges::kCapacity, facility.capacity);
    emit(p + "initialStock", unit, who + " initial stock", ranges::kInitialStock,
         facility.initialStock);
    emit(p + "maxRampPerMonth", "share/month", who + " fastest ramp-up", ranges::kMaxRampPerMonth,
         facility.maxRampPerMonth);
  }

  // A buyer's only source of a good must keep all of it: the shares sum to 1. Counted once, not per
  // row: large scenarios have thousands of trade rows.
  std::map<std::pair<std::string_view, std::string_view>, int> sellerCount;  // (buyer, good) -> rows
  for (const TradeShare& t : s.trade) ++sellerCount[{t.buyer, t.good}];
  for (std::size_t i = 0; i < s.trade.size(); ++i) {
    auto& t = s.trade[i];
    const bool hasOthers = sellerCount[{t.buyer, t.good}] > 1;
    Range share = ranges::kTradeShare;
    if (!hasOthers) share.min = 1;
    emit("trade." + t.buyer + "." + t.good + "." + t.seller, "share",
         t.buyer + " share of " + t.good + " bought from " + t.seller, share, t.share, i);
  }

  const Range start = ranges::EventStart(s.horizonMonths);
  for (auto& event : s.events) {
    const std::string p = "event." + event.id + ".";
    emit(p + "fraction", "share", event.id + " strength", ranges::EventFraction(event.kind),
         event.fraction);
    emit(p + "start", "month", event.id + " first month", start, event.start);
    emit(p + "duration", "months", event.id + " months at full strength", ranges::kEventDuration,
         event.duration);
    emit(p + "recoveryMonths", "months", event.id + " recovery time", ranges::kRecoveryMonths,
         event.recoveryMonths);
    if (event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint) {
      emit(p + "leakage", "share", event.id + " share that leaks through", ranges::kLeakage, event.leakage);
    }
  }

  // Risk register. A distribution's low, mode and high bound each other (low <= mode <= high), so
  // their ranges depend on the current values and no setting can break the order; a fixed
  // distribution offers only its mode.
  auto distribution = [&](const std::string& p, const std::string& unit, const std::string& label,
                          const Range& kindRange, auto& d) {
    if (d.kind == DistributionKind::Fixed) {
      emit(p + "mode", unit, label, kindRange, d.mode);
      return;
    }
    emit(p + "low", unit, label + " (low)", Range{kindRange.min, d.mode}, d.low);
    emit(p + "mode", unit, label + " (most likely)", Range{d.low, d.high}, d.mode);
    emit(p + "high", unit, label + " (high)", Range{d.mode, kindRange.max}, d.high);
  };
  for (auto& hazard : s.risks) {
    const std::string p = "risk." + hazard.id + ".";
    emit(p + "annualProbability", "share/year", hazard.id + " chance per year", ranges::kAnnualProbability,
         hazard.annualProbability);
    distribution(p + "severity.", "share", hazard.id + " strength", ranges::EventFraction(hazard.kind),
                 hazard.severity);
    distribution(p + "durationMonths.", "months", hazard.id + " months at full strength",
                 ranges::kHazardDurationMonths, hazard.durationMonths);
  }

  for (auto& policy : s.policies) {
    const std::string& r = policy.region;
    const std::string p = "policy." + r + ".";
    emit(p + "responseLagMonths", "months", r + " response lag", ranges::kResponseLagMonths,
         policy.responseLagMonths);
    for (auto& x : policy.stockpiles) {
      const std::string q = p + "stockpile." + x.good + ".";
      const std::string who = r + " " + x.good + " stockpile";
      emit(q + "targetMonths", "months", who + " target (months of use)",
           ranges::kStockpileTargetMonths, x.targetMonths);
      emit(q + "initialFill", "share", who + " initial fill", ranges::kStockpileInitialFill,
           x.initialFill);
      emit(q + "releaseTrigger", "share", who + " tops supply up to (fulfilment)",
           ranges::kStockpileReleaseTrigger, x.releaseTrigger);
      emit(q + "releasePerMonth", "share/month", who + " release rate",
           ranges::kStockpileReleasePerMonth, x.releasePerMonth);
      emit(q + "refillPerMonth", "share/month", who + " refill rate",
           ranges::kStockpileRefillPerMonth, x.refillPerMonth);
      emit(q + "holdingCostPerYear", "share/year", who + " holding cost",
           ranges::kStockpileHoldingCostPerYear, x.holdingCostPerYear);
    }
    for (auto& x : policy.investments) {
      const std::string q = p + "investment." + x.good + ".";
      const std::string who = r + " " + x.good + " investment";
      const std::string unit = unitOf(x.good);
      emit(q + "capacity", unit + "/month", who + " added capacity",
           ranges::kInvestmentCapacity, x.capacity);
      emit(q + "start", "month", who + " construction start", ranges::kInvestmentStart, x.start);
      emit(q + "leadMonths", "months", who + " construction time",
           ranges::kInvestmentLeadMonths, x.leadMonths);
      emit(q + "rampMonths", "months", who + " ramp-up time", ranges::kInvestmentRampMonths,
           x.rampMonths);
      emit(q + "capexPerUnit", "USD/(" + unit + "/month)", who + " capital cost",
           ranges::kInvestmentCapexPerUnit, x.capexPerUnit);
    }
    for (auto& x : policy.diversification) {
      emit(p + "diversification." + x.good + ".maxShare", "share",
           r + " " + x.good + " largest share of one supplier",
           ranges::kDiversificationMaxShare, x.maxShare);
    }
    for (auto& x : policy.substitution) {
      const std::string q = p + "substitution." + x.good + ".";
      const std::string who = r + " " + x.good + " substitution";
      emit(q + "maxReduction", "share", who + " largest demand cut",
           ranges::kSubstitutionMaxReduction, x.maxReduction);
      emit(q + "monthsToFull", "months", who + " months to full effect",
           ranges::kSubstitutionMonthsToFull, x.monthsToFull);
      emit(q + "costPerUnit", "USD/" + unitOf(x.good), who + " cost per unit avoided",
           ranges::kSubstitutionCostPerUnit, x.costPerUnit);
    }
    for (auto& x : policy.recycling) {
      const std::string q = p + "recycling." + x.good + ".";
      const std::string who = r + " " + x.good + " recycling";
      emit(q + "rate", "share", who + " recovery rate", ranges::kRecyclingRate, x.rate);
      emit(q + "lagMonths", "months", who + " lag", ranges::kRecyclingLagMonths, x.lagMonths);
    }
    for (auto& x : policy.exportControls) {
      const std::string q = p + "exportControl." + x.good + ".";
      const std::string who = r + " " + x.good + " export control";
      emit(q + "fraction", "share", who + " strength", ranges::kExportControlFraction, x.fraction);
      emit(q + "start", "month", who + " first month", ranges::kExportControlStart, x.start);
      emit(q + "duration", "months", who + " duration", ranges::kExportControlDuration,
           x.duration);
    }
  }

  // Frameworks: each rule's switch (0 = off, 1 = on) and parameters. A rule that names goods,
  // targets or a host offers its switch only once those are filled in, so no lever can make a
  // valid scenario invalid.
  const Range onOff{0, 1, false, true};
  for (auto& f : s.frameworks) {
    const std::string p = "framework." + f.id + ".";
    auto& info = f.informationSharing;
    emit(p + "informationSharing.enabled", "on/off", f.id + " information sharing", onOff, info.enabled);
    emit(p + "informationSharing.lagMonths", "months", f.id + " shared response lag",
         ranges::kInformationLagMonths, info.lagMonths);
    if (!f.stockpilePool.goods.empty()) {
      emit(p + "stockpilePool.enabled", "on/off", f.id + " stockpile pooling", onOff, f.stockpilePool.enabled);
    }
    auto& priority = f.partnerPriority;
    emit(p + "partnerPriority.enabled", "on/off", f.id + " trusted-partner priority", onOff, priority.enabled);
    emit(p + "partnerPriority.priority", "share", f.id + " share of supply offered to members first",
         ranges::kPartnerPriority, priority.priority);
    auto& joint = f.jointInvestment;
    if (!joint.host.empty() && !joint.good.empty()) {
      const std::string q = p + "jointInvestment.";
      const std::string who = f.id + " joint investment";
      const std::string unit = unitOf(joint.good);
      emit(q + "enabled", "on/off", who, onOff, joint.enabled);
      emit(q + "capacity", unit + "/month", who + " added capacity", ranges::kJointCapacity, joint.capacity);
      emit(q + "start", "month", who + " construction start", ranges::kJointStart, joint.start);
      emit(q + "leadMonths", "months", who + " construction time", ranges::kJointLeadMonths, joint.leadMonths);
      emit(q + "rampMonths", "months", who + " ramp-up time", ranges::kJointRampMonths, joint.rampMonths);
      emit(q + "capexPerUnit", "USD/(" + unit + "/month)", who + " capital cost", ranges::kJointCapexPerUnit,
           joint.capexPerUnit);
      emit(q + "reservedShare", "share", who + " output reserved for members", ranges::kJointReservedShare,
           joint.reservedShare);
    }
    auto& controls = f.exportControls;
    if (!controls.goods.empty() && !controls.targets.empty()) {
      const std::string q = p + "exportControls.";
      const std::string who = f.id + " coordinated export controls";
      emit(q + "enabled", "on/off", who, onOff, controls.enabled);
      emit(q + "fraction", "share", who + " strength", ranges::kCoordinatedControlFraction, controls.fraction);
      emit(q + "start", "month", who + " first month", ranges::kCoordinatedControlStart, controls.start);
      emit(q + "duration", "months", who + " duration", ranges::kCoordinatedControlDuration, controls.duration);
    }
  }
}

// Sets trade[index].share to `value` and rescales the buyer's other sellers of the good so the shares
// sum to 1: proportionally, or equally when the others are all 0.
void SetTradeShare(Scenario& s, std::size_t index, double value) {
  const TradeShare& target = s.trade[index];
  std::vector<std::size_t> others;
  double othersSum = 0.0;
  for (std::size_t j = 0; j < s.trade.size(); ++j) {
    if (j != index && s.trade[j].buyer == target.buyer && s.trade[j].good == target.good) {
      others.push_back(j);
      othersSum += s.trade[j].share;
    }
  }
  const double remainder = 1.0 - value;
  for (std::size_t j : others) {
    s.trade[j].share = othersSum > 0.0 ? s.trade[j].share / othersSum * remainder
                                       : remainder / static_cast<double>(others.size());
  }
  s.trade[index].share = value;
}

// The words of a path ("policy.JP.stockpile.re_oxide.targetMonths" -> policy, JP, stockpile, ...).
std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> words;
  for (std::size_t begin = 0; begin <= path.size();) {
    const std::size_t end = std::min(path.find('.', begin), path.size());
    words.emplace_back(path.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// The lever's group, owner and label words, from the path ForEachLever built: the path grammar's one
// reader (the app reads these fields, never the path). Top-level levers have no owner.
void Place(LeverInfo& lever) {
  std::vector<std::string> words = Segments(lever.path);
  if (words.size() < 3) {  // horizonMonths, discountRate
    lever.group = LeverGroup::WorldData;
    lever.labelParts = std::move(words);
    return;
  }
  const std::string& kind = words[0];
  lever.group = kind == "event" ? LeverGroup::Shocks
                : kind == "policy" ? LeverGroup::Policies
                : kind == "framework" ? LeverGroup::Frameworks
                : kind == "risk" ? LeverGroup::Risks
                                 : LeverGroup::WorldData;
  lever.owner = words[1];
  lever.labelParts.assign(words.begin() + 2, words.end());
}

Problem UnknownLever(std::string_view path) {
  if (path.empty()) return Problem{"", "a lever path is required"};
  return Problem{std::string(path), "unknown lever"};
}

}  // namespace

std::vector<LeverInfo> ListLevers(const Scenario& scenario) {
  std::vector<LeverInfo> levers;
  ForEachLever(scenario, [&levers](LeverSpec spec, const auto& field) {
    // An open lower bound (> 0) is reported as the smallest value above it, so min is always valid.
    const double min = spec.range.minExclusive
                           ? std::nextafter(spec.range.min, std::numeric_limits<double>::infinity())
                           : spec.range.min;
    levers.push_back(LeverInfo{std::move(spec.path), std::move(spec.unit), min, spec.range.max, static_cast<double>(field), spec.range.integer,
                               std::move(spec.label), LeverGroup::WorldData, "", {}});
    Place(levers.back());
    return false;
  });
  return levers;
}

std::vector<NumberInfo> ListNumbers(const Scenario& scenario) {
  std::vector<NumberInfo> numbers;
  ForEachLever(
      scenario,
      [&numbers](LeverSpec spec, const auto& field) {
        numbers.push_back(NumberInfo{std::move(spec.path), std::move(spec.unit), static_cast<double>(field),
                                     spec.lever, std::move(spec.label)});
        return false;
      },
      /*mapPositions=*/true);
  return numbers;
}

Expected<double> GetLever(const Scenario& scenario, std::string_view path) {
  bool found = false;
  double value = 0.0;
  ForEachLever(scenario, [&](const LeverSpec& spec, const auto& field) {
    if (spec.path != path) return false;
    found = true;
    value = static_cast<double>(field);
    return true;
  });
  if (!found) return std::vector<Problem>{UnknownLever(path)};
  return value;
}

const char* LeverGroupName(LeverGroup group) {
  switch (group) {
    case LeverGroup::Shocks: return "Shocks";
    case LeverGroup::Policies: return "National policies";
    case LeverGroup::Frameworks: return "Frameworks";
    case LeverGroup::Risks: return "Risks";
    case LeverGroup::WorldData: return "World data";
  }
  return "World data";
}

std::vector<Problem> SetLever(Scenario& scenario, std::string_view path, double value) {
  std::vector<std::string> changed;
  return SetLever(scenario, path, value, changed);
}

std::vector<Problem> SetLever(Scenario& scenario, std::string_view path, double value, std::vector<std::string>& changed) {
  std::vector<Problem> problems;
  bool found = false;
  ForEachLever(scenario, [&](const LeverSpec& spec, auto& field) {
    if (spec.path != path) return false;
    found = true;
    if (auto message = CheckRange(spec.range, value)) {
      problems.push_back(Problem{spec.path, std::move(*message)});
    } else if (spec.trade != kNoTrade) {
      SetTradeShare(scenario, spec.trade, value);
      const TradeShare& set = scenario.trade[spec.trade];
      for (const TradeShare& t : scenario.trade) {  // the buyer's shares of the good, this one among them
        if (t.buyer == set.buyer && t.good == set.good) changed.push_back("trade." + t.buyer + "." + t.good + "." + t.seller);
      }
      return true;
    } else if constexpr (std::is_same_v<std::remove_reference_t<decltype(field)>, bool>) {
      field = value != 0.0;  // switches are whole numbers in 0..1: CheckRange said so
    } else if constexpr (std::is_same_v<std::remove_reference_t<decltype(field)>, int>) {
      field = static_cast<int>(value);  // whole and within an int's range: CheckRange said so
    } else {
      field = value;
    }
    if (problems.empty()) changed.push_back(spec.path);
    return true;
  });
  if (!found) problems.push_back(UnknownLever(path));
  return problems;
}

}  // namespace kz
