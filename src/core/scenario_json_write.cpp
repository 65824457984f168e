// Writing scenario JSON (see kizuna/scenario_json.hpp): every field in a fixed order (scenario.hpp's),
// pretty-printed (json_out.hpp, -0 as 0: a scenario's hash is that of these bytes), so saved files
// diff cleanly and reload to an equal scenario. Reading is scenario_json_read.cpp.
#include <string>
#include <vector>

#include "distribution.hpp"
#include "json_out.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/hash.hpp"
#include "ranges.hpp"

namespace kz {
namespace {

using Writer = PrettyJsonOut;

// A localized text as { en, ja }.
void Text(Writer& o, const char* name, const LocalizedText& text) {
  o.Object(name, [&] {
    o.Str("en", text.en);
    o.Str("ja", text.ja);
  });
}

// Every rule is written with its `enabled` flag, so a file shows what a framework could do.
void WriteFrameworks(Writer& o, const std::vector<Framework>& frameworks) {
  o.Objects("frameworks", frameworks, [&o](const Framework& x) {
    o.Str("id", x.id);
    Text(o, "name", x.name);
    o.Strings("members", x.members);
    o.Object("informationSharing", [&] {
      o.Bool("enabled", x.informationSharing.enabled);
      o.Int("lagMonths", x.informationSharing.lagMonths);
    });
    o.Object("stockpilePool", [&] {
      o.Bool("enabled", x.stockpilePool.enabled);
      o.Strings("goods", x.stockpilePool.goods);
      o.Str("allocation", PoolAllocationName(x.stockpilePool.allocation));
      o.Str("costShare", CostShareName(x.stockpilePool.costShare));
    });
    o.Object("partnerPriority", [&] {
      o.Bool("enabled", x.partnerPriority.enabled);
      o.Strings("goods", x.partnerPriority.goods);
      o.Num("priority", x.partnerPriority.priority);
    });
    o.Object("jointInvestment", [&] {
      const JointInvestmentRule& j = x.jointInvestment;
      o.Bool("enabled", j.enabled);
      o.Str("host", j.host);
      o.Str("good", j.good);
      o.Num("capacity", j.capacity);
      o.Int("start", j.start);
      o.Int("leadMonths", j.leadMonths);
      o.Int("rampMonths", j.rampMonths);
      o.Num("capexPerUnit", j.capexPerUnit);
      o.Str("costShare", CostShareName(j.costShare));
      o.Num("reservedShare", j.reservedShare);
    });
    o.Object("exportControls", [&] {
      const CoordinatedExportControlRule& c = x.exportControls;
      o.Bool("enabled", c.enabled);
      o.Strings("goods", c.goods);
      o.Strings("targets", c.targets);
      o.Num("fraction", c.fraction);
      o.Int("start", c.start);
      o.Int("duration", c.duration);
    });
  });
}

void WriteDistribution(Writer& o, const char* name, const Distribution& d) {
  o.Object(name, [&] {
    o.Str("kind", DistributionKindName(d.kind));
    o.Num("low", d.low);
    o.Num("mode", d.mode);
    o.Num("high", d.high);
  });
}

void WriteRisks(Writer& o, const std::vector<Hazard>& risks) {
  o.Objects("risks", risks, [&o](const Hazard& x) {
    o.Str("id", x.id);
    Text(o, "name", x.name);
    o.Str("kind", EventKindName(x.kind));
    o.Strings("regions", x.regions);
    o.Strings("targets", x.targets);
    o.Strings("goods", x.goods);
    o.Num("annualProbability", x.annualProbability);
    WriteDistribution(o, "severity", x.severity);
    WriteDistribution(o, "durationMonths", x.durationMonths);
    o.Str("recovery", RecoveryShapeName(x.recovery));
    o.Int("recoveryMonths", x.recoveryMonths);
  });
}

// A provenance entry writes only the one of `source` and `assumption` it uses, and `url` and
// `note` only when given: an empty one means absent.
void WriteProvenance(Writer& o, const Scenario& s) {
  o.Objects("sources", s.sources, [&o](const Source& x) {
    o.Str("id", x.id);
    o.Str("citation", x.citation);
    o.Str("tag", x.tag);
    if (!x.url.empty()) o.Str("url", x.url);
  });
  o.Objects("provenance", s.provenance, [&o](const Provenance& x) {
    o.Strings("numbers", x.numbers);
    if (!x.source.empty()) o.Str("source", x.source);
    if (!x.assumption.empty()) o.Str("assumption", x.assumption);
    if (!x.note.empty()) o.Str("note", x.note);
  });
}

// The fields of the scenario's object.
void WriteScenario(Writer& o, const Scenario& s) {
  o.Int("schemaVersion", s.schemaVersion);
  o.Str("id", s.id);
  Text(o, "title", s.title);
  if (!s.narrative.en.empty() || !s.narrative.ja.empty()) Text(o, "narrative", s.narrative);
  o.Str("description", s.description);
  // Only when set, so scenarios without a presentation save (and hash) as before.
  if (!s.presentation.subjectRegion.empty() || !s.presentation.subjectGood.empty()) {
    o.Object("subject", [&o, &s] {
      o.Str("region", s.presentation.subjectRegion);
      o.Str("good", s.presentation.subjectGood);
    });
  }
  if (!s.presentation.dials.empty()) o.Strings("dials", s.presentation.dials);
  if (!s.presentation.tryThis.en.empty() || !s.presentation.tryThis.ja.empty()) Text(o, "tryThis", s.presentation.tryThis);
  o.Int("horizonMonths", s.horizonMonths);
  o.Uint64("seed", s.seed);
  o.Num("discountRate", s.discountRate);
  o.Objects("regions", s.regions, [&o](const Region& x) {
    o.Str("id", x.id);
    Text(o, "name", x.name);
    o.Num("lat", x.lat);
    o.Num("lon", x.lon);
    o.Num("weight", x.weight);
  });
  o.Objects("goods", s.goods, [&o](const Good& x) {
    o.Str("id", x.id);
    Text(o, "name", x.name);
    o.Str("unit", x.unit);
    o.Num("basePrice", x.basePrice);
    o.Objects("recipe", x.recipe, [&o](const RecipeInput& y) {
      o.Str("good", y.good);
      o.Num("unitsPerOutput", y.unitsPerOutput);
      o.Num("shareOfOutput", y.shareOfOutput);
    });
    o.Objects("finalDemand", x.finalDemand, [&o](const FinalDemand& y) {
      o.Str("region", y.region);
      o.Num("monthly", y.monthly);
      o.Num("growthPerYear", y.growthPerYear);
    });
    o.Num("valueMultiplier", x.valueMultiplier);
    o.Int("qualificationMonths", x.qualificationMonths);
    o.Num("interchangeable", x.interchangeable);
    o.Num("demandElasticity", x.demandElasticity);
    o.Num("priceSensitivity", x.priceSensitivity);
    o.Num("priceMaxMultiple", x.priceMaxMultiple);
    o.Num("priceAdjustment", x.priceAdjustment);
    o.Num("userStockMonths", x.userStockMonths);
    o.Num("adaptationMax", x.adaptationMax);
    o.Int("adaptationMonths", x.adaptationMonths);
  });
  o.Objects("facilities", s.facilities, [&o](const Facility& x) {
    o.Str("region", x.region);
    o.Str("good", x.good);
    o.Num("capacity", x.capacity);
    o.Num("initialStock", x.initialStock);
    o.Num("maxRampPerMonth", x.maxRampPerMonth);
  });
  o.Objects("trade", s.trade, [&o](const TradeShare& x) {
    o.Str("buyer", x.buyer);
    o.Str("good", x.good);
    o.Str("seller", x.seller);
    o.Num("share", x.share);
  });
  o.Objects("events", s.events, [&o](const Event& x) {
    o.Str("id", x.id);
    o.Str("kind", EventKindName(x.kind));
    Text(o, "name", x.name);
    o.Strings("regions", x.regions);
    o.Strings("targets", x.targets);
    o.Strings("goods", x.goods);
    o.Num("fraction", x.fraction);
    o.Int("start", x.start);
    o.Int("duration", x.duration);
    o.Str("recovery", RecoveryShapeName(x.recovery));
    o.Int("recoveryMonths", x.recoveryMonths);
    o.Num("leakage", x.leakage);
  });
  o.Objects("policies", s.policies, [&o](const RegionPolicy& x) {
    o.Str("region", x.region);
    o.Int("responseLagMonths", x.responseLagMonths);
    o.Objects("stockpiles", x.stockpiles, [&o](const StockpilePolicy& y) {
      o.Str("good", y.good);
      o.Num("targetMonths", y.targetMonths);
      o.Num("initialFill", y.initialFill);
      o.Num("releaseTrigger", y.releaseTrigger);
      o.Num("releasePerMonth", y.releasePerMonth);
      o.Num("refillPerMonth", y.refillPerMonth);
      o.Num("holdingCostPerYear", y.holdingCostPerYear);
      if (y.releaseWithoutLag) o.Bool("releaseWithoutLag", true);
    });
    o.Objects("investments", x.investments, [&o](const InvestmentPolicy& y) {
      o.Str("good", y.good);
      o.Num("capacity", y.capacity);
      o.Int("start", y.start);
      o.Int("leadMonths", y.leadMonths);
      o.Int("rampMonths", y.rampMonths);
      o.Num("capexPerUnit", y.capexPerUnit);
    });
    o.Objects("diversification", x.diversification, [&o](const DiversificationPolicy& y) {
      o.Str("good", y.good);
      o.Num("maxShare", y.maxShare);
      o.Strings("partners", y.partners);
    });
    o.Objects("substitution", x.substitution, [&o](const SubstitutionPolicy& y) {
      o.Str("good", y.good);
      o.Num("maxReduction", y.maxReduction);
      o.Int("monthsToFull", y.monthsToFull);
      o.Num("costPerUnit", y.costPerUnit);
    });
    o.Objects("recycling", x.recycling, [&o](const RecyclingPolicy& y) {
      o.Str("good", y.good);
      o.Num("rate", y.rate);
      o.Int("lagMonths", y.lagMonths);
    });
    o.Objects("exportControls", x.exportControls, [&o](const ExportControlPolicy& y) {
      o.Str("good", y.good);
      o.Strings("targets", y.targets);
      o.Num("fraction", y.fraction);
      o.Int("start", y.start);
      o.Int("duration", y.duration);
    });
  });
  WriteFrameworks(o, s.frameworks);
  WriteRisks(o, s.risks);
  WriteProvenance(o, s);
}

}  // namespace

// -- Save ---------------------------------------------------------------------------------------------

std::string SaveScenarioJson(const Scenario& scenario) {
  return PrettyJsonObject([&scenario](Writer& out) { WriteScenario(out, scenario); });
}

std::uint64_t ScenarioHash(const Scenario& scenario) {
  Scenario physics = scenario;
  physics.presentation = Presentation{};
  return Fnv1a64(SaveScenarioJson(physics));
}

}  // namespace kz
