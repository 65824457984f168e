// Levers in plain words (lever_text.hpp). Sections: lever shapes -- names -- units -- values.
#include "state/lever_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "state/catalog.hpp"

namespace kz {
namespace {

// ---------------------------------------------------------------------------------------------
// Lever shapes: the group's word, then the label parts with goods as G and regions as R
// ("policy.stockpile.G.targetMonths"); a shock's strength also names the shock's kind.
// ---------------------------------------------------------------------------------------------

constexpr std::pair<std::string_view, const char*> kNameKeys[] = {
    {"world.horizonMonths", "lever.name.world.horizonMonths"},
    {"world.discountRate", "lever.name.world.discountRate"},
    {"world.weight", "lever.name.world.weight"},
    {"world.basePrice", "lever.name.world.basePrice"},
    {"world.valueMultiplier", "lever.name.world.valueMultiplier"},
    {"world.qualificationMonths", "lever.name.world.qualificationMonths"},
    {"world.interchangeable", "lever.name.world.interchangeable"},
    {"world.demandElasticity", "lever.name.world.demandElasticity"},
    {"world.priceSensitivity", "lever.name.world.priceSensitivity"},
    {"world.priceMaxMultiple", "lever.name.world.priceMaxMultiple"},
    {"world.priceAdjustment", "lever.name.world.priceAdjustment"},
    {"world.userStockMonths", "lever.name.world.userStockMonths"},
    {"world.adaptationMax", "lever.name.world.adaptationMax"},
    {"world.adaptationMonths", "lever.name.world.adaptationMonths"},
    {"world.G.monthly", "lever.name.world.G.monthly"},
    {"world.G.growthPerYear", "lever.name.world.G.growthPerYear"},
    {"world.G.capacity", "lever.name.world.G.capacity"},
    {"world.G.initialStock", "lever.name.world.G.initialStock"},
    {"world.G.maxRampPerMonth", "lever.name.world.G.maxRampPerMonth"},
    {"world.G.R", "lever.name.world.G.R"},
    {"event.fraction.capacity", "lever.name.event.fraction.capacity"},
    {"event.fraction.export", "lever.name.event.fraction.export"},
    {"event.fraction.demand", "lever.name.event.fraction.demand"},
    {"event.fraction.chokepoint", "lever.name.event.fraction.chokepoint"},
    {"event.start", "lever.name.event.start"},
    {"event.duration", "lever.name.event.duration"},
    {"event.recoveryMonths", "lever.name.event.recoveryMonths"},
    {"event.leakage", "lever.name.event.leakage"},
    {"risk.annualProbability", "lever.name.risk.annualProbability"},
    {"risk.severity.low", "lever.name.risk.severity.low"},
    {"risk.severity.mode", "lever.name.risk.severity.mode"},
    {"risk.severity.high", "lever.name.risk.severity.high"},
    {"risk.durationMonths.low", "lever.name.risk.durationMonths.low"},
    {"risk.durationMonths.mode", "lever.name.risk.durationMonths.mode"},
    {"risk.durationMonths.high", "lever.name.risk.durationMonths.high"},
    {"policy.responseLagMonths", "lever.name.policy.responseLagMonths"},
    {"policy.stockpile.G.targetMonths", "lever.name.policy.stockpile.targetMonths"},
    {"policy.stockpile.G.initialFill", "lever.name.policy.stockpile.initialFill"},
    {"policy.stockpile.G.releaseTrigger", "lever.name.policy.stockpile.releaseTrigger"},
    {"policy.stockpile.G.releasePerMonth", "lever.name.policy.stockpile.releasePerMonth"},
    {"policy.stockpile.G.refillPerMonth", "lever.name.policy.stockpile.refillPerMonth"},
    {"policy.stockpile.G.holdingCostPerYear", "lever.name.policy.stockpile.holdingCostPerYear"},
    {"policy.investment.G.capacity", "lever.name.policy.investment.capacity"},
    {"policy.investment.G.start", "lever.name.policy.investment.start"},
    {"policy.investment.G.leadMonths", "lever.name.policy.investment.leadMonths"},
    {"policy.investment.G.rampMonths", "lever.name.policy.investment.rampMonths"},
    {"policy.investment.G.capexPerUnit", "lever.name.policy.investment.capexPerUnit"},
    {"policy.diversification.G.maxShare", "lever.name.policy.diversification.maxShare"},
    {"policy.substitution.G.maxReduction", "lever.name.policy.substitution.maxReduction"},
    {"policy.substitution.G.monthsToFull", "lever.name.policy.substitution.monthsToFull"},
    {"policy.substitution.G.costPerUnit", "lever.name.policy.substitution.costPerUnit"},
    {"policy.recycling.G.rate", "lever.name.policy.recycling.rate"},
    {"policy.recycling.G.lagMonths", "lever.name.policy.recycling.lagMonths"},
    {"policy.exportControl.G.fraction", "lever.name.policy.exportControl.fraction"},
    {"policy.exportControl.G.start", "lever.name.policy.exportControl.start"},
    {"policy.exportControl.G.duration", "lever.name.policy.exportControl.duration"},
    {"framework.informationSharing.enabled", "lever.name.framework.informationSharing.enabled"},
    {"framework.informationSharing.lagMonths", "lever.name.framework.informationSharing.lagMonths"},
    {"framework.stockpilePool.enabled", "lever.name.framework.stockpilePool.enabled"},
    {"framework.partnerPriority.enabled", "lever.name.framework.partnerPriority.enabled"},
    {"framework.partnerPriority.priority", "lever.name.framework.partnerPriority.priority"},
    {"framework.jointInvestment.enabled", "lever.name.framework.jointInvestment.enabled"},
    {"framework.jointInvestment.capacity", "lever.name.framework.jointInvestment.capacity"},
    {"framework.jointInvestment.start", "lever.name.framework.jointInvestment.start"},
    {"framework.jointInvestment.leadMonths", "lever.name.framework.jointInvestment.leadMonths"},
    {"framework.jointInvestment.rampMonths", "lever.name.framework.jointInvestment.rampMonths"},
    {"framework.jointInvestment.capexPerUnit", "lever.name.framework.jointInvestment.capexPerUnit"},
    {"framework.jointInvestment.reservedShare", "lever.name.framework.jointInvestment.reservedShare"},
    {"framework.exportControls.enabled", "lever.name.framework.exportControls.enabled"},
    {"framework.exportControls.fraction", "lever.name.framework.exportControls.fraction"},
    {"framework.exportControls.start", "lever.name.framework.exportControls.start"},
    {"framework.exportControls.duration", "lever.name.framework.exportControls.duration"},
};

const char* GroupWord(LeverGroup group) {
  switch (group) {
    case LeverGroup::Shocks: return "event";
    case LeverGroup::Policies: return "policy";
    case LeverGroup::Frameworks: return "framework";
    case LeverGroup::Risks: return "risk";
    case LeverGroup::WorldData: return "world";
  }
  return "world";
}

const char* EventKindWord(EventKind kind) {
  switch (kind) {
    case EventKind::CapacityLoss: return "capacity";
    case EventKind::ExportRestriction: return "export";
    case EventKind::DemandShock: return "demand";
    case EventKind::Chokepoint: return "chokepoint";
  }
  return "capacity";
}

const Good* FindGood(const Scenario& s, const std::string& id) {
  const auto it = std::find_if(s.goods.begin(), s.goods.end(), [&id](const Good& g) { return g.id == id; });
  return it == s.goods.end() ? nullptr : &*it;
}

const Region* FindRegion(const Scenario& s, const std::string& id) {
  const auto it = std::find_if(s.regions.begin(), s.regions.end(), [&id](const Region& r) { return r.id == id; });
  return it == s.regions.end() ? nullptr : &*it;
}

// The lever's shape and the ids standing for G and R in it.
struct Shape {
  std::string pattern;
  std::string good;    // the G's id ("" when none)
  std::string region;  // the R's id ("" when none)
};

Shape ShapeOf(const Scenario& s, const LeverInfo& lever) {
  Shape shape{GroupWord(lever.group), "", ""};
  for (const std::string& part : lever.labelParts) {
    if (FindGood(s, part) != nullptr && shape.good.empty()) {
      shape.good = part;
      shape.pattern += ".G";
    } else if (FindRegion(s, part) != nullptr && shape.region.empty()) {
      shape.region = part;
      shape.pattern += ".R";
    } else {
      shape.pattern += "." + part;
    }
  }
  if (lever.group == LeverGroup::Shocks && lever.labelParts.size() == 1 && lever.labelParts[0] == "fraction") {
    const auto event = std::find_if(s.events.begin(), s.events.end(), [&lever](const Event& e) { return e.id == lever.owner; });
    if (event != s.events.end()) shape.pattern += std::string(".") + EventKindWord(event->kind);
  }
  return shape;
}

template <std::size_t N>
const char* KeyFor(const std::pair<std::string_view, const char*> (&table)[N], std::string_view word) {
  for (const auto& [id, key] : table) {
    if (id == word) return key;
  }
  return nullptr;
}

// The owner's name: a region, good, shock, framework or hazard of the scenario.
std::string OwnerName(const Scenario& s, const std::string& owner, const UiText& words) {
  if (const Region* r = FindRegion(s, owner)) return words.LocalName(r->name, r->id);
  if (const Good* g = FindGood(s, owner)) return words.LocalName(g->name, g->id);
  for (const Event& e : s.events) {
    if (e.id == owner) return words.LocalName(e.name, e.id);
  }
  for (const Framework& f : s.frameworks) {
    if (f.id == owner) return words.LocalName(f.name, f.id);
  }
  for (const Hazard& h : s.risks) {
    if (h.id == owner) return words.LocalName(h.name, h.id);
  }
  return owner;
}

std::string GoodName(const Scenario& s, const std::string& id, const UiText& words) {
  const Good* g = FindGood(s, id);
  return g != nullptr ? words.LocalName(g->name, g->id) : id;
}

std::string RegionName(const Scenario& s, const std::string& id, const UiText& words) {
  const Region* r = FindRegion(s, id);
  return r != nullptr ? words.LocalName(r->name, r->id) : id;
}

// ---------------------------------------------------------------------------------------------
// Units: the app's own units by key; a good's unit ("t", "wafers") is the scenario's word, placed
// in catalog patterns ("{unit} per month", "$ per {unit}").
// ---------------------------------------------------------------------------------------------

constexpr std::pair<std::string_view, const char*> kUnitKeys[] = {
    {"months", "lever.unit.months"},       {"month", "lever.unit.month"},
    {"share", "lever.unit.percent"},       {"share/month", "lever.unit.percent-month"},
    {"share/year", "lever.unit.percent-year"}, {"on/off", "lever.unit.on-off"},
    {"x", "lever.unit.times"},             {"weight", "lever.unit.weight"},
};

std::string ComposedUnit(std::string_view unit, const UiText& words) {
  if (unit.starts_with("USD/(") && unit.ends_with("/month)")) {
    return words.TrFormat("lever.unit.usd-per-capacity", {{"unit", std::string(unit.substr(5, unit.size() - 5 - 7))}});
  }
  if (unit.starts_with("USD/")) return words.TrFormat("lever.unit.usd-per", {{"unit", std::string(unit.substr(4))}});
  if (unit.ends_with("/month")) return words.TrFormat("lever.unit.per-month", {{"unit", std::string(unit.substr(0, unit.size() - 6))}});
  return std::string(unit);  // a good's own unit, as the scenario writes it
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const char* LeverNameKey(const Scenario& scenario, const LeverInfo& lever) {
  return KeyFor(kNameKeys, ShapeOf(scenario, lever).pattern);
}

std::string LeverLabel(const Scenario& scenario, const LeverInfo& lever, const UiText& words, bool withOwner) {
  const Shape shape = ShapeOf(scenario, lever);
  const char* key = KeyFor(kNameKeys, shape.pattern);
  if (key == nullptr) return lever.label;
  const std::string owner = lever.owner.empty() ? std::string() : OwnerName(scenario, lever.owner, words);
  std::string label = words.TrFormat(key, {{"owner", owner},
                                           {"good", GoodName(scenario, shape.good, words)},
                                           {"region", RegionName(scenario, shape.region, words)}});
  if (withOwner && lever.group != LeverGroup::WorldData && !owner.empty()) {
    label = words.TrFormat("lever.owned-label", {{"owner", owner}, {"label", label}});
  }
  return label;
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

const char* LeverUnitKey(const std::string& unit) { return KeyFor(kUnitKeys, unit); }

std::string LeverUnit(const LeverInfo& lever, const UiText& words) {
  if (LeverDisplayOf(lever) == LeverDisplay::Switch) return "";
  if (const char* key = LeverUnitKey(lever.unit)) return words.Tr(key);
  return ComposedUnit(lever.unit, words);
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

LeverDisplay LeverDisplayOf(const LeverInfo& lever) {
  if (lever.unit == "on/off") return LeverDisplay::Switch;
  if (lever.unit == "share" || lever.unit == "share/month" || lever.unit == "share/year") return LeverDisplay::Percent;
  if (lever.unit == "months" || lever.unit == "month") return LeverDisplay::WholeMonths;
  return LeverDisplay::Number;
}

double ToDisplayValue(LeverDisplay display, double value) {
  return display == LeverDisplay::Percent ? value * 100.0 : value;
}

double FromDisplayValue(LeverDisplay display, double shown) {
  switch (display) {
    case LeverDisplay::Percent: return std::round(shown * 1e4) / 1e6;  // 0.01 % steps
    case LeverDisplay::WholeMonths: return std::round(shown);
    default: return shown;
  }
}

std::string LeverValueText(const LeverInfo& lever, double value, const UiText& words) {
  const LeverDisplay display = LeverDisplayOf(lever);
  if (display == LeverDisplay::Switch) return words.Tr(value != 0.0 ? "lever.on" : "lever.off");
  char number[32];
  if (display == LeverDisplay::Percent) {
    std::snprintf(number, sizeof number, "%.4g%%", ToDisplayValue(display, value));
    const std::string unit = LeverUnit(lever, words);
    return unit == "%" ? std::string(number) : std::string(number) + unit.substr(1);  // "% per month" after the number
  }
  if (display != LeverDisplay::WholeMonths && std::abs(value) >= 1e4 && std::abs(value) < 1e15) {
    // Four significant figures, written out with separators ("50,000", not "5e+04").
    const double step = std::pow(10.0, std::floor(std::log10(std::abs(value))) - 3.0);
    return FormatCount(std::llround(std::round(value / step) * step)) + " " + LeverUnit(lever, words);
  }
  std::snprintf(number, sizeof number, display == LeverDisplay::WholeMonths ? "%.0f" : "%.4g", value);
  return std::string(number) + " " + LeverUnit(lever, words);
}

}  // namespace kz
