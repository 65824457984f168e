// Reading scenario JSON: RapidJSON's iterative parser (no recursion, so no stack overflow on deep
// nesting), then the core's reader (json_read.hpp) walks the known structure collecting problems
// with their JSON paths, then ValidateScenario. A file on a base reads its base first and then itself
// over it. Sections: helpers; reader; per-struct readers; overlays; layers (parse, base, set); load.
// Writing is scenario_json_write.cpp.
#include "kizuna/scenario_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "kizuna/levers.hpp"
#include "kizuna/provenance.hpp"
#include "kizuna/validate.hpp"
#include "distribution.hpp"
#include "id_text.hpp"
#include "json_detail.hpp"
#include "json_read.hpp"
#include "ranges.hpp"

namespace kz {
namespace {

using Json = rapidjson::Value;

using json_read::kMaxProblems;
using json_read::kMaxShownKeyBytes;
using json_read::Shorten;

// -- Helpers ------------------------------------------------------------------------------------------

using json_detail::Field;
using json_detail::Item;
using json_detail::TypeName;

// "line L, column C" of a byte offset; columns count UTF-8 characters, from 1.
std::string LineAndColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// -- Reader ---------------------------------------------------------------------------------------------

// The core's JSON reader (json_read.hpp), noting when the root, `regions` or `goods` itself is
// unusable: then validation, whose every reference would be "unknown", is not run.
class Reader : public json_read::Reader {
 public:
  bool listsBroken = false;

 protected:
  void Noticed(const std::string& path) override {
    if (path.empty() || path == "regions" || path == "goods") listsBroken = true;
  }
};

constexpr std::array<EventKind, 4> kEventKinds = {EventKind::CapacityLoss,
                                                  EventKind::ExportRestriction,
                                                  EventKind::DemandShock, EventKind::Chokepoint};
constexpr std::array<RecoveryShape, 2> kRecoveryShapes = {RecoveryShape::Step,
                                                          RecoveryShape::Linear};
constexpr std::array<DistributionKind, 3> kDistributionKinds = {
    DistributionKind::Fixed, DistributionKind::Uniform, DistributionKind::Triangular};
constexpr std::array<PoolAllocation, 3> kPoolAllocations = {PoolAllocation::ByNeed, PoolAllocation::ByContribution,
                                                            PoolAllocation::Equal};
constexpr std::array<CostShare, 3> kCostShares = {CostShare::Gdp, CostShare::Consumption, CostShare::Equal};

// -- Per-struct readers (field lists in scenario.hpp order) -------------------------------------------

void ReadRegion(Reader& r, const Json& v, const std::string& path, Region& out) {
  if (!r.Object(v, path, {"id", "name", "lat", "lon", "weight"})) return;
  r.String(v, path, "id", out.id, true);
  r.Text(v, path, "name", out.name);
  r.Number(v, path, "lat", out.lat);
  r.Number(v, path, "lon", out.lon);
  r.Number(v, path, "weight", out.weight);
}

void ReadGood(Reader& r, const Json& v, const std::string& path, Good& out) {
  if (!r.Object(v, path,
                {"id", "name", "unit", "basePrice", "recipe", "finalDemand", "valueMultiplier",
                 "qualificationMonths", "interchangeable", "demandElasticity", "priceSensitivity", "priceMaxMultiple",
                 "priceAdjustment", "userStockMonths", "adaptationMax", "adaptationMonths"})) {
    return;
  }
  r.String(v, path, "id", out.id, true);
  r.Text(v, path, "name", out.name);
  r.String(v, path, "unit", out.unit, false);
  r.Number(v, path, "basePrice", out.basePrice);
  r.Array(v, path, "recipe", out.recipe, false,
          [&r](const Json& item, const std::string& itemPath, RecipeInput& input) {
            if (!r.Object(item, itemPath, {"good", "unitsPerOutput", "shareOfOutput"})) return;
            r.String(item, itemPath, "good", input.good, true);
            r.Number(item, itemPath, "unitsPerOutput", input.unitsPerOutput, true);
            r.Number(item, itemPath, "shareOfOutput", input.shareOfOutput);
          });
  r.Array(v, path, "finalDemand", out.finalDemand, false,
          [&r](const Json& item, const std::string& itemPath, FinalDemand& demand) {
            if (!r.Object(item, itemPath, {"region", "monthly", "growthPerYear"})) return;
            r.String(item, itemPath, "region", demand.region, true);
            r.Number(item, itemPath, "monthly", demand.monthly);
            r.Number(item, itemPath, "growthPerYear", demand.growthPerYear);
          });
  r.Number(v, path, "valueMultiplier", out.valueMultiplier);
  r.Integer(v, path, "qualificationMonths", out.qualificationMonths, ranges::kQualificationMonths);
  r.Number(v, path, "interchangeable", out.interchangeable);
  r.Number(v, path, "demandElasticity", out.demandElasticity);
  r.Number(v, path, "priceSensitivity", out.priceSensitivity);
  r.Number(v, path, "priceMaxMultiple", out.priceMaxMultiple);
  r.Number(v, path, "priceAdjustment", out.priceAdjustment);
  r.Number(v, path, "userStockMonths", out.userStockMonths);
  r.Number(v, path, "adaptationMax", out.adaptationMax);
  r.Integer(v, path, "adaptationMonths", out.adaptationMonths, ranges::kAdaptationMonths);
}

void ReadFacility(Reader& r, const Json& v, const std::string& path, Facility& out) {
  if (!r.Object(v, path, {"region", "good", "capacity", "initialStock", "maxRampPerMonth"})) return;
  r.String(v, path, "region", out.region, true);
  r.String(v, path, "good", out.good, true);
  r.Number(v, path, "capacity", out.capacity);
  r.Number(v, path, "initialStock", out.initialStock);
  r.Number(v, path, "maxRampPerMonth", out.maxRampPerMonth);
}

void ReadTrade(Reader& r, const Json& v, const std::string& path, TradeShare& out) {
  if (!r.Object(v, path, {"buyer", "good", "seller", "share"})) return;
  r.String(v, path, "buyer", out.buyer, true);
  r.String(v, path, "good", out.good, true);
  r.String(v, path, "seller", out.seller, true);
  r.Number(v, path, "share", out.share);
}

void ReadEvent(Reader& r, const Json& v, const std::string& path, Event& out, int horizonMonths) {
  if (!r.Object(v, path,
                {"id", "kind", "name", "regions", "targets", "goods", "fraction", "start",
                 "duration", "recovery", "recoveryMonths", "leakage"})) {
    return;
  }
  r.String(v, path, "id", out.id, true);
  // Required although it has a default: silently reading a misspelt disruption as a capacity loss
  // would run a different experiment than the author meant.
  r.Enum(v, path, "kind", out.kind, kEventKinds, EventKindName, true);
  r.Text(v, path, "name", out.name);
  r.StringList(v, path, "regions", out.regions);
  r.StringList(v, path, "targets", out.targets);
  r.StringList(v, path, "goods", out.goods);
  r.Number(v, path, "fraction", out.fraction);
  r.Integer(v, path, "start", out.start, ranges::EventStart(horizonMonths));
  r.Integer(v, path, "duration", out.duration, ranges::kEventDuration);
  r.Enum(v, path, "recovery", out.recovery, kRecoveryShapes, RecoveryShapeName, false);
  r.Integer(v, path, "recoveryMonths", out.recoveryMonths, ranges::kRecoveryMonths);
  r.Number(v, path, "leakage", out.leakage);
}

// Risk register (Monte Carlo): a hazard is an event with a probability and uncertain numbers.
void ReadDistribution(Reader& r, const Json& v, const std::string& path, const char* name,
                      Distribution& out) {
  const Json* value = r.Member(v, path, name, false);
  if (value == nullptr) return;
  const std::string p = Field(path, name);
  if (!r.Object(*value, p, {"kind", "low", "mode", "high"})) return;
  r.Enum(*value, p, "kind", out.kind, kDistributionKinds, DistributionKindName, true);
  r.Number(*value, p, "low", out.low);
  r.Number(*value, p, "mode", out.mode);
  r.Number(*value, p, "high", out.high);
}

void ReadHazard(Reader& r, const Json& v, const std::string& path, Hazard& out) {
  if (!r.Object(v, path,
                {"id", "name", "kind", "regions", "targets", "goods", "annualProbability", "severity",
                 "durationMonths", "recovery", "recoveryMonths"})) {
    return;
  }
  r.String(v, path, "id", out.id, true);
  r.Text(v, path, "name", out.name);
  r.Enum(v, path, "kind", out.kind, kEventKinds, EventKindName, true);  // required, as for events
  r.StringList(v, path, "regions", out.regions);
  r.StringList(v, path, "targets", out.targets);
  r.StringList(v, path, "goods", out.goods);
  r.Number(v, path, "annualProbability", out.annualProbability);
  ReadDistribution(r, v, path, "severity", out.severity);
  ReadDistribution(r, v, path, "durationMonths", out.durationMonths);
  r.Enum(v, path, "recovery", out.recovery, kRecoveryShapes, RecoveryShapeName, false);
  r.Integer(v, path, "recoveryMonths", out.recoveryMonths, ranges::kRecoveryMonths);
}

void ReadPolicy(Reader& r, const Json& v, const std::string& path, RegionPolicy& out) {
  if (!r.Object(v, path,
                {"region", "responseLagMonths", "stockpiles", "investments", "diversification",
                 "substitution", "recycling", "exportControls"})) {
    return;
  }
  r.String(v, path, "region", out.region, true);
  r.Integer(v, path, "responseLagMonths", out.responseLagMonths, ranges::kResponseLagMonths);
  r.Array(v, path, "stockpiles", out.stockpiles, false,
          [&r](const Json& item, const std::string& p, StockpilePolicy& s) {
            if (!r.Object(item, p,
                          {"good", "targetMonths", "initialFill", "releaseTrigger",
                           "releasePerMonth", "refillPerMonth", "holdingCostPerYear", "releaseWithoutLag"})) {
              return;
            }
            r.String(item, p, "good", s.good, true);
            r.Number(item, p, "targetMonths", s.targetMonths);
            r.Number(item, p, "initialFill", s.initialFill);
            r.Number(item, p, "releaseTrigger", s.releaseTrigger);
            r.Number(item, p, "releasePerMonth", s.releasePerMonth);
            r.Number(item, p, "refillPerMonth", s.refillPerMonth);
            r.Number(item, p, "holdingCostPerYear", s.holdingCostPerYear);
            r.Bool(item, p, "releaseWithoutLag", s.releaseWithoutLag);
          });
  r.Array(v, path, "investments", out.investments, false,
          [&r](const Json& item, const std::string& p, InvestmentPolicy& s) {
            if (!r.Object(item, p,
                          {"good", "capacity", "start", "leadMonths", "rampMonths",
                           "capexPerUnit"})) {
              return;
            }
            r.String(item, p, "good", s.good, true);
            r.Number(item, p, "capacity", s.capacity);
            r.Integer(item, p, "start", s.start, ranges::kInvestmentStart);
            r.Integer(item, p, "leadMonths", s.leadMonths, ranges::kInvestmentLeadMonths);
            r.Integer(item, p, "rampMonths", s.rampMonths, ranges::kInvestmentRampMonths);
            r.Number(item, p, "capexPerUnit", s.capexPerUnit);
          });
  r.Array(v, path, "diversification", out.diversification, false,
          [&r](const Json& item, const std::string& p, DiversificationPolicy& s) {
            if (!r.Object(item, p, {"good", "maxShare", "partners"})) return;
            r.String(item, p, "good", s.good, true);
            r.Number(item, p, "maxShare", s.maxShare);
            r.StringList(item, p, "partners", s.partners);
          });
  r.Array(v, path, "substitution", out.substitution, false,
          [&r](const Json& item, const std::string& p, SubstitutionPolicy& s) {
            if (!r.Object(item, p, {"good", "maxReduction", "monthsToFull", "costPerUnit"})) return;
            r.String(item, p, "good", s.good, true);
            r.Number(item, p, "maxReduction", s.maxReduction);
            r.Integer(item, p, "monthsToFull", s.monthsToFull, ranges::kSubstitutionMonthsToFull);
            r.Number(item, p, "costPerUnit", s.costPerUnit);
          });
  r.Array(v, path, "recycling", out.recycling, false,
          [&r](const Json& item, const std::string& p, RecyclingPolicy& s) {
            if (!r.Object(item, p, {"good", "rate", "lagMonths"})) return;
            r.String(item, p, "good", s.good, true);
            r.Number(item, p, "rate", s.rate);
            r.Integer(item, p, "lagMonths", s.lagMonths, ranges::kRecyclingLagMonths);
          });
  r.Array(v, path, "exportControls", out.exportControls, false,
          [&r](const Json& item, const std::string& p, ExportControlPolicy& s) {
            if (!r.Object(item, p, {"good", "targets", "fraction", "start", "duration"})) return;
            r.String(item, p, "good", s.good, true);
            r.StringList(item, p, "targets", s.targets);
            r.Number(item, p, "fraction", s.fraction);
            r.Integer(item, p, "start", s.start, ranges::kExportControlStart);
            r.Integer(item, p, "duration", s.duration, ranges::kExportControlDuration);
          });
}

// A framework: members and its five rules, each an optional object with `enabled` and parameters.
void ReadFramework(Reader& r, const Json& v, const std::string& path, Framework& out) {
  if (!r.Object(v, path,
                {"id", "name", "members", "informationSharing", "stockpilePool", "partnerPriority",
                 "jointInvestment", "exportControls"})) {
    return;
  }
  r.String(v, path, "id", out.id, true);
  r.Text(v, path, "name", out.name);
  r.StringList(v, path, "members", out.members);
  auto rule = [&](const char* name, std::initializer_list<std::string_view> fields, auto read) {
    const Json* value = r.Member(v, path, name, false);
    if (value == nullptr) return;
    const std::string rulePath = Field(path, name);
    if (!r.Object(*value, rulePath, fields)) return;
    read(*value, rulePath);
  };
  auto enabled = [&r](const Json& value, const std::string& p, bool& isEnabled) {
    const Json* flag = r.Member(value, p, "enabled", false);
    if (flag == nullptr) {
      isEnabled = true;  // writing a rule down means wanting it, unless it says otherwise
      return;
    }
    if (!flag->IsBool()) {
      r.Add(Field(p, "enabled"), std::string("must be true or false, got ") + TypeName(*flag));
      return;
    }
    isEnabled = flag->GetBool();
  };
  rule("informationSharing", {"enabled", "lagMonths"}, [&](const Json& x, const std::string& p) {
    enabled(x, p, out.informationSharing.enabled);
    r.Integer(x, p, "lagMonths", out.informationSharing.lagMonths, ranges::kInformationLagMonths);
  });
  rule("stockpilePool", {"enabled", "goods", "allocation", "costShare"}, [&](const Json& x, const std::string& p) {
    enabled(x, p, out.stockpilePool.enabled);
    r.StringList(x, p, "goods", out.stockpilePool.goods);
    r.Enum(x, p, "allocation", out.stockpilePool.allocation, kPoolAllocations, PoolAllocationName, false);
    r.Enum(x, p, "costShare", out.stockpilePool.costShare, kCostShares, CostShareName, false);
  });
  rule("partnerPriority", {"enabled", "goods", "priority"}, [&](const Json& x, const std::string& p) {
    enabled(x, p, out.partnerPriority.enabled);
    r.StringList(x, p, "goods", out.partnerPriority.goods);
    r.Number(x, p, "priority", out.partnerPriority.priority);
  });
  rule("jointInvestment",
       {"enabled", "host", "good", "capacity", "start", "leadMonths", "rampMonths", "capexPerUnit", "costShare",
        "reservedShare"},
       [&](const Json& x, const std::string& p) {
         JointInvestmentRule& j = out.jointInvestment;
         enabled(x, p, j.enabled);
         r.String(x, p, "host", j.host, true);
         r.String(x, p, "good", j.good, true);
         r.Number(x, p, "capacity", j.capacity);
         r.Integer(x, p, "start", j.start, ranges::kJointStart);
         r.Integer(x, p, "leadMonths", j.leadMonths, ranges::kJointLeadMonths);
         r.Integer(x, p, "rampMonths", j.rampMonths, ranges::kJointRampMonths);
         r.Number(x, p, "capexPerUnit", j.capexPerUnit);
         r.Enum(x, p, "costShare", j.costShare, kCostShares, CostShareName, false);
         r.Number(x, p, "reservedShare", j.reservedShare);
       });
  rule("exportControls", {"enabled", "goods", "targets", "fraction", "start", "duration"},
       [&](const Json& x, const std::string& p) {
         CoordinatedExportControlRule& c = out.exportControls;
         enabled(x, p, c.enabled);
         r.StringList(x, p, "goods", c.goods);
         r.StringList(x, p, "targets", c.targets);
         r.Number(x, p, "fraction", c.fraction);
         r.Integer(x, p, "start", c.start, ranges::kCoordinatedControlStart);
         r.Integer(x, p, "duration", c.duration, ranges::kCoordinatedControlDuration);
       });
}

// Sources and provenance (kizuna/provenance.hpp checks what they name).
void ReadSource(Reader& r, const Json& v, const std::string& path, Source& out) {
  if (!r.Object(v, path, {"id", "citation", "tag", "url"})) return;
  r.String(v, path, "id", out.id, true);
  r.String(v, path, "citation", out.citation, true);
  r.String(v, path, "tag", out.tag, false);
  r.String(v, path, "url", out.url, false);
}

void ReadProvenance(Reader& r, const Json& v, const std::string& path, Provenance& out) {
  if (!r.Object(v, path, {"numbers", "source", "assumption", "note"})) return;
  r.StringList(v, path, "numbers", out.numbers, true);
  r.String(v, path, "source", out.source, false);
  r.String(v, path, "assumption", out.assumption, false);
  r.String(v, path, "note", out.note, false);
}

// -- Overlays (a file on a base) ------------------------------------------------------------------------

// Each item of `added` replaces the item of `base` for the same good, or is appended.
template <typename T>
void MergeByGood(std::vector<T>& base, std::vector<T>& added) {
  for (T& item : added) {
    const auto same = std::find_if(base.begin(), base.end(), [&](const T& x) { return x.good == item.good; });
    if (same != base.end()) {
      *same = std::move(item);
    } else {
      base.push_back(std::move(item));
    }
  }
}

// An overlay's policy block merges into the base's block for its region (responseLagMonths replaces
// it only when the overlay gives it), or is appended. Only base blocks are merged into, so two blocks
// for one region in the overlay itself stay a duplicate that validation reports.
void MergePolicies(std::vector<RegionPolicy>& base, std::vector<RegionPolicy>& added, const Json& json) {
  const std::size_t baseCount = base.size();
  for (std::size_t i = 0; i < added.size(); ++i) {
    RegionPolicy& overlay = added[i];
    const auto end = base.begin() + static_cast<std::ptrdiff_t>(baseCount);
    const auto same = std::find_if(base.begin(), end, [&](const RegionPolicy& p) { return p.region == overlay.region; });
    if (same == end) {
      base.push_back(std::move(overlay));
      continue;
    }
    const Json& item = json[static_cast<rapidjson::SizeType>(i)];
    if (item.IsObject() && item.HasMember("responseLagMonths")) same->responseLagMonths = overlay.responseLagMonths;
    MergeByGood(same->stockpiles, overlay.stockpiles);
    MergeByGood(same->investments, overlay.investments);
    MergeByGood(same->diversification, overlay.diversification);
    MergeByGood(same->substitution, overlay.substitution);
    MergeByGood(same->recycling, overlay.recycling);
    MergeByGood(same->exportControls, overlay.exportControls);
  }
}

// "subject": {"region", "good"}, "dials": [lever paths] and "tryThis": {"en", "ja"}; each replaces a
// base's when given.
void ReadPresentation(Reader& r, const Json& root, Presentation& out) {
  if (const auto subject = root.FindMember("subject"); subject != root.MemberEnd()) {
    out.subjectRegion.clear();
    out.subjectGood.clear();
    if (r.Object(subject->value, "subject", {"region", "good"})) {
      r.String(subject->value, "subject", "region", out.subjectRegion, true);
      r.String(subject->value, "subject", "good", out.subjectGood, true);
    }
  }
  if (root.HasMember("dials")) {
    out.dials.clear();
    r.StringList(root, "", "dials", out.dials, false, 32);
  }
  if (root.HasMember("tryThis")) {
    out.tryThis = LocalizedText{};  // a scenario's own prompt replaces its base's in both languages
    r.Text(root, "", "tryThis", out.tryThis, false);
  }
}

// Reads the root object into `out`. On a base (`out` already holds it), header fields present
// replace the base's, nothing is required but schemaVersion, lists are appended and policy blocks
// merged (see scenario_json.hpp).
void ReadScenario(Reader& r, const Json& root, Scenario& out, bool onBase) {
  const std::string path;
  if (!r.Object(root, path,
                {"schemaVersion", "id", "title", "narrative", "description", "subject", "dials", "tryThis", "horizonMonths", "seed", "discountRate", "regions",
                 "goods", "facilities", "trade", "events", "policies", "frameworks", "risks", "sources",
                 "provenance", "base", "set"})) {
    return;
  }
  const bool required = !onBase;
  r.Integer(root, path, "schemaVersion", out.schemaVersion, ranges::kSchemaVersion, true);
  r.String(root, path, "id", out.id, required);
  if (onBase && root.HasMember("title")) out.title = LocalizedText{};  // a new title replaces both languages
  r.Text(root, path, "title", out.title, required);
  if (onBase && root.HasMember("narrative")) out.narrative = LocalizedText{};
  r.Text(root, path, "narrative", out.narrative, false);
  r.String(root, path, "description", out.description, false);
  ReadPresentation(r, root, out.presentation);
  r.Integer(root, path, "horizonMonths", out.horizonMonths, ranges::kHorizonMonths, required);
  r.Uint64(root, path, "seed", out.seed);
  r.Number(root, path, "discountRate", out.discountRate);
  auto item = [&r](auto read) {
    return [&r, read](const Json& v, const std::string& p, auto& x) { read(r, v, p, x); };
  };
  // Reads list `name` into `target`, or (on a base) after it.
  auto list = [&](const char* name, auto& target, bool isRequired, auto readItem) {
    if (!onBase) {
      r.Array(root, path, name, target, isRequired, readItem);
      return;
    }
    std::remove_reference_t<decltype(target)> added;
    r.Array(root, path, name, added, false, readItem);
    target.insert(target.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  };
  list("regions", out.regions, true, item(ReadRegion));
  list("goods", out.goods, true, item(ReadGood));
  list("facilities", out.facilities, false, item(ReadFacility));
  list("trade", out.trade, false, item(ReadTrade));
  const int horizon = out.horizonMonths;
  list("events", out.events, false, [&r, horizon](const Json& v, const std::string& p, Event& e) {
    ReadEvent(r, v, p, e, horizon);
  });
  if (onBase) {
    std::vector<RegionPolicy> added;
    r.Array(root, path, "policies", added, false, item(ReadPolicy));
    if (!added.empty()) MergePolicies(out.policies, added, root.FindMember("policies")->value);  // an array
  } else {
    r.Array(root, path, "policies", out.policies, false, item(ReadPolicy));
  }
  list("frameworks", out.frameworks, false, item(ReadFramework));
  list("risks", out.risks, false, item(ReadHazard));
  list("sources", out.sources, false, item(ReadSource));
  list("provenance", out.provenance, false, item(ReadProvenance));
}

// `set`: { "<lever path or pattern>": value, ... } applied in file order through SetLever, after
// everything else. A pattern (a `*` segment matches any one segment, as in provenance) sets every
// lever it matches, in ListLevers order; one that matches none is a problem.
void ApplySet(Reader& r, const Json& root, Scenario& out) {
  const auto set = root.FindMember("set");
  if (set == root.MemberEnd()) return;
  if (!set->value.IsObject()) {
    r.Add("set", std::string("must be an object of lever paths and values, got ") + TypeName(set->value));
    return;
  }
  for (auto it = set->value.MemberBegin(); it != set->value.MemberEnd(); ++it) {
    const std::string lever(it->name.GetString(), it->name.GetStringLength());
    const std::string path = "set." + Shorten(lever, kMaxShownKeyBytes);
    if (!it->value.IsNumber()) {
      r.Add(path, std::string("must be a number, got ") + TypeName(it->value));
      continue;
    }
    if (lever.find('*') == std::string::npos) {
      for (Problem& problem : SetLever(out, lever, it->value.GetDouble())) r.Add(path, std::move(problem.message));
      continue;
    }
    if (const std::optional<std::string> bad = CheckNumberPattern(lever)) {
      r.Add(path, "pattern " + *bad);
      continue;
    }
    bool matched = false;
    for (const LeverInfo& info : ListLevers(out)) {
      if (!MatchesNumberPattern(lever, info.path)) continue;
      matched = true;
      for (Problem& problem : SetLever(out, info.path, it->value.GetDouble())) r.Add(path, info.path + ": " + problem.message);
    }
    if (!matched) r.Add(path, "matches no lever of this scenario");
  }
}

// True when `path` is `prefix` or lies inside it (`prefix.x`, `prefix[3]`).
bool IsWithin(const std::string& path, const std::string& prefix) {
  if (!path.starts_with(prefix)) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

// -- Layers: parsing one file, its base, its own fields, its `set` ------------------------------------

// Parses one file; the problem that stops reading it, if any.
std::optional<Problem> Parse(std::string_view text, rapidjson::Document& document) {
  if (text.size() > kMaxScenarioJsonBytes) {
    return Problem{"", "the file is " + std::to_string(text.size()) +
                           " bytes; a scenario file may be at most 16 MiB (" +
                           std::to_string(kMaxScenarioJsonBytes) + " bytes)"};
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Problem{"", "the file is empty"};
  }
  // JSON text never holds a raw NUL, and RapidJSON's in-memory stream would take one for the end.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return Problem{"", LineAndColumn(text, nul) + ": a NUL byte (this is not a JSON text file)"};
  }

  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |        // no recursion: deep nesting is safe
                              rapidjson::kParseFullPrecisionFlag |    // exact doubles: saves round-trip
                              rapidjson::kParseValidateEncodingFlag;  // strings are valid UTF-8
  document.Parse<kFlags>(text.data(), text.size());
  if (document.HasParseError()) {
    return Problem{"", LineAndColumn(text, document.GetErrorOffset()) + ": " +
                           rapidjson::GetParseError_En(document.GetParseError())};
  }
  if (!document.IsObject()) {
    return Problem{"", std::string("a scenario must be a JSON object, got ") + TypeName(document)};
  }
  // A newer schema may give known fields new meanings: report that alone rather than misread it.
  const Json& root = document;  // const iterators on both sides: RapidJSON's mixed != is ambiguous in C++20
  if (const auto version = root.FindMember("schemaVersion");
      version != root.MemberEnd() && version->value.IsNumber() &&
      version->value.GetDouble() > kScenarioSchemaVersion) {
    return Problem{"schemaVersion", "this scenario was made by a newer version of Kizuna (schema " +
                                        FormatNumber(version->value.GetDouble()) +
                                        "); this build reads schema " +
                                        std::to_string(kScenarioSchemaVersion)};
  }
  return std::nullopt;
}

// The base ids being loaded, outermost first, and how to find their text.
struct BaseChain {
  const ScenarioResolver* resolver = nullptr;
  std::vector<std::string> ids;
};

void ReadLayer(Reader& r, std::string_view text, BaseChain& chain, Scenario& out);

enum class BaseState { None, Loaded, Failed };

// Loads the scenario named by `base` (and its own bases) into `out`. Its problems are reported
// under `base`, prefixed with its id, so a nested failure reads "base: 'a': base: 'b': ...".
BaseState ReadBase(Reader& r, const Json& root, BaseChain& chain, Scenario& out) {
  const auto member = root.FindMember("base");
  if (member == root.MemberEnd()) return BaseState::None;
  r.listsBroken = true;  // until the base is loaded: validating a lone overlay would only echo its absence
  if (!member->value.IsString()) {
    r.Add("base", std::string("must be a string (the id of a base scenario), got ") + TypeName(member->value));
    return BaseState::Failed;
  }
  const std::string id(member->value.GetString(), member->value.GetStringLength());
  if (!IsIdText(id)) {
    r.Add("base", "'" + Shorten(id, kMaxShownKeyBytes) + "' is not a scenario id: letters, digits, '_' and '-'");
    return BaseState::Failed;
  }
  const std::string prefix = "'" + id + "': ";
  if (std::find(chain.ids.begin(), chain.ids.end(), id) != chain.ids.end()) {
    std::string cycle;
    for (const std::string& link : chain.ids) cycle += link + " -> ";
    r.Add("base", prefix + "bases extend each other in a cycle (" + cycle + id + ")");
    return BaseState::Failed;
  }
  if (chain.ids.size() >= kMaxBaseDepth) {
    r.Add("base", prefix + "bases may nest at most " + std::to_string(kMaxBaseDepth) + " deep");
    return BaseState::Failed;
  }
  if (chain.resolver == nullptr || !*chain.resolver) {
    r.Add("base", prefix + "not found: no resolver for base scenarios was given");
    return BaseState::Failed;
  }
  Expected<std::string> text = (*chain.resolver)(id);
  if (!text) {
    for (const Problem& problem : text.problems()) r.Add("base", prefix + problem.ToString());
    return BaseState::Failed;
  }
  Reader baseReader;
  Scenario base;
  chain.ids.push_back(id);
  ReadLayer(baseReader, text.value(), chain, base);
  chain.ids.pop_back();
  if (!baseReader.problems.empty() || baseReader.dropped > 0) {
    for (Problem& problem : baseReader.problems) r.Add("base", prefix + problem.ToString());
    r.dropped += baseReader.dropped;
    return BaseState::Failed;
  }
  out = std::move(base);
  r.listsBroken = false;
  return BaseState::Loaded;
}

// Reads one file onto `out`: its base first, then its own fields, then its `set` (only when all
// else is readable: a lever of a half-read scenario may not exist yet). No validation.
void ReadLayer(Reader& r, std::string_view text, BaseChain& chain, Scenario& out) {
  rapidjson::Document document;
  if (std::optional<Problem> problem = Parse(text, document)) {
    r.Add(std::move(problem->path), std::move(problem->message));
    r.listsBroken = true;
    return;
  }
  const Json& root = document;
  const BaseState base = ReadBase(r, root, chain, out);
  ReadScenario(r, root, out, base != BaseState::None);
  if (base != BaseState::Failed && r.problems.empty() && r.dropped == 0) ApplySet(r, root, out);
}

}  // namespace

// -- Load ---------------------------------------------------------------------------------------------

Expected<Scenario> LoadScenarioJson(std::string_view text) { return LoadScenarioJson(text, ScenarioResolver{}); }

Expected<Scenario> LoadScenarioJson(std::string_view text, const ScenarioResolver& resolveBase) {
  Reader reader;
  Scenario scenario;
  BaseChain chain{&resolveBase, {}};
  ReadLayer(reader, text, chain, scenario);
  if (reader.problems.empty() && reader.dropped == 0) {
    std::vector<Problem> problems = ValidateScenario(scenario);
    if (problems.empty()) return scenario;
    if (problems.size() > kMaxProblems) {
      const std::size_t more = problems.size() - kMaxProblems;
      problems.resize(kMaxProblems);
      problems.push_back(Problem{"", "... and " + std::to_string(more) + " more problems"});
    }
    return problems;
  }

  // Structural problems: still report the semantic ones, except where the structure already failed
  // (a missing region id would otherwise also be "empty"). None at all when the file, its base, or
  // the region or good list itself is unusable (every reference would be "unknown"), or when the list
  // is already full (the echoes of dropped problems could not be recognised).
  const std::vector<Problem> structural = reader.problems;
  if (!reader.listsBroken && reader.dropped == 0) {
    for (Problem& problem : ValidateScenario(scenario)) {
      const bool covered = std::any_of(structural.begin(), structural.end(), [&](const Problem& s) {
        return IsWithin(problem.path, s.path);
      });
      if (!covered) reader.Add(std::move(problem.path), std::move(problem.message));
    }
  }
  if (reader.dropped > 0) {
    reader.problems.push_back(
        Problem{"", "... and " + std::to_string(reader.dropped) + " more problems"});
  }
  return std::move(reader.problems);
}

}  // namespace kz
