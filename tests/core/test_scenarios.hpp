// Shared valid scenarios for core tests, built in code: a small two-region, three-good chain that
// tests modify to break one rule at a time, and a scenario that uses every field and enum value
// (for JSON round trips and levers). Both pass ValidateScenario.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kizuna/scenario.hpp"

namespace kz::test {

/// Chain re_oxide (t) -> re_magnet (t, 1.2 oxide each) -> motors (units, 0.5 magnet each).
/// CN: oxide 1000/month, magnets 800, motors 1000 (wants 500 motors). JP: magnets 300, motors 2000
/// (wants 1000 motors). JP buys all its oxide from CN and its magnets 60% at home, 40% from CN;
/// everything else is domestic. One capacity-loss event (CN oxide -50%, months 6-8) and a JP
/// oxide stockpile. Index map: regions CN=0, JP=1; goods re_oxide=0, re_magnet=1, motors=2.
inline Scenario SmallChainScenario() {
  Scenario s;
  s.id = "small-chain";
  s.title.en = "Small rare-earth chain";
  s.horizonMonths = 24;

  auto region = [](const char* id, const char* name, double lat, double lon) {
    Region r;
    r.id = id;
    r.name.en = name;
    r.lat = lat;
    r.lon = lon;
    return r;
  };
  s.regions = {region("CN", "China", 35.0, 103.0), region("JP", "Japan", 36.0, 138.0)};

  Good oxide;
  oxide.id = "re_oxide";
  oxide.name.en = "Rare-earth oxide";
  oxide.unit = "t";
  oxide.basePrice = 20000.0;
  Good magnet;
  magnet.id = "re_magnet";
  magnet.name.en = "Rare-earth magnet";
  magnet.unit = "t";
  magnet.basePrice = 80000.0;
  magnet.recipe = {RecipeInput{"re_oxide", 1.2}};
  Good motors;
  motors.id = "motors";
  motors.name.en = "Motors";
  motors.unit = "units";
  motors.basePrice = 500.0;
  motors.recipe = {RecipeInput{"re_magnet", 0.5}};
  motors.finalDemand = {FinalDemand{"CN", 500.0, 0.03}, FinalDemand{"JP", 1000.0, 0.01}};
  s.goods = {oxide, magnet, motors};

  s.facilities = {
      Facility{"CN", "re_oxide", 1000.0, 100.0, 0.1},  Facility{"CN", "re_magnet", 800.0, 0.0, 0.1},
      Facility{"JP", "re_magnet", 300.0, 0.0, 0.1},    Facility{"CN", "motors", 1000.0, 0.0, 0.1},
      Facility{"JP", "motors", 2000.0, 0.0, 0.1},
  };
  s.trade = {
      TradeShare{"CN", "re_oxide", "CN", 1.0},  TradeShare{"JP", "re_oxide", "CN", 1.0},
      TradeShare{"CN", "re_magnet", "CN", 1.0}, TradeShare{"JP", "re_magnet", "JP", 0.6},
      TradeShare{"JP", "re_magnet", "CN", 0.4}, TradeShare{"CN", "motors", "CN", 1.0},
      TradeShare{"JP", "motors", "JP", 1.0},
  };

  Event loss;
  loss.id = "cn-oxide-cut";
  loss.kind = EventKind::CapacityLoss;
  loss.regions = {"CN"};
  loss.goods = {"re_oxide"};
  loss.fraction = 0.5;
  loss.start = 6;
  loss.duration = 3;
  s.events = {loss};

  RegionPolicy jp;
  jp.region = "JP";
  StockpilePolicy stockpile;
  stockpile.good = "re_oxide";
  stockpile.targetMonths = 3.0;
  jp.stockpiles = {stockpile};
  s.policies = {jp};
  return s;
}

/// SmallChainScenario with every optional field set to a non-default value, every event kind and
/// both recovery shapes, every policy list filled, Japanese names, a description, the largest seed
/// and numbers with no short decimal form (1/3) to exercise exact round trips; two sources (one with
/// a url) and provenance entries of every form (exact path, patterns, source, assumption, note).
inline Scenario EveryFieldScenario() {
  Scenario s = SmallChainScenario();
  s.id = "every-field";
  s.title = {"Every field", "全フィールド"};
  s.description = "Uses every field.\nLine two, with \"quotes\" and a tab\t.";
  s.horizonMonths = 36;
  s.seed = UINT64_MAX;
  s.regions[0].name.ja = "中国";
  s.regions[1].name.ja = "日本";
  s.regions[1].weight = 4.2;
  s.regions[0].lat = -1.0 / 3.0;
  Good& oxide = s.goods[0];
  oxide.name.ja = "レアアース酸化物";
  oxide.valueMultiplier = 2.5;
  oxide.qualificationMonths = 18;
  oxide.demandElasticity = 0.1;
  oxide.priceSensitivity = 12.5;
  oxide.priceMaxMultiple = 8.0;
  oxide.priceAdjustment = 1.0 / 3.0;
  oxide.finalDemand = {FinalDemand{"JP", 10.0, -0.02}};

  Event restriction;
  restriction.id = "cn-export-ban";
  restriction.kind = EventKind::ExportRestriction;
  restriction.name = {"Export ban", "輸出禁止"};
  restriction.regions = {"CN"};
  restriction.targets = {"JP"};
  restriction.goods = {"re_oxide", "re_magnet"};
  restriction.fraction = 0.75;
  restriction.start = 3;
  restriction.duration = 2;
  restriction.recovery = RecoveryShape::Linear;
  restriction.recoveryMonths = 6;
  Event shock;
  shock.id = "ev-boom";
  shock.kind = EventKind::DemandShock;
  shock.regions = {"JP"};
  shock.goods = {"motors"};
  shock.fraction = -0.25;
  shock.start = 35;
  Event choke;
  choke.id = "strait";
  choke.kind = EventKind::Chokepoint;
  choke.regions = {"CN"};
  choke.fraction = 0.3;
  choke.start = 10;
  choke.duration = 4;
  s.events.push_back(restriction);
  s.events.push_back(shock);
  s.events.push_back(choke);

  RegionPolicy& jp = s.policies[0];
  jp.responseLagMonths = 2;
  jp.stockpiles[0] = StockpilePolicy{"re_oxide", 6.0, 0.5, 0.9, 0.2, 0.1, 0.04};
  jp.investments = {InvestmentPolicy{"re_magnet", 150.0, 4, 24, 3, 1.5e6}};
  jp.diversification = {DiversificationPolicy{"re_magnet", 0.5, {"CN"}}};
  jp.substitution = {SubstitutionPolicy{"re_magnet", 0.2, 18, 12000.0}};
  jp.recycling = {RecyclingPolicy{"re_magnet", 0.15, 24}};
  RegionPolicy cn;
  cn.region = "CN";
  cn.responseLagMonths = 0;
  cn.exportControls = {ExportControlPolicy{"re_oxide", {"JP"}, 0.4, 12, 6}};
  s.policies.push_back(cn);
  s.sources = {Source{"usgs-mcs-2022", "USGS, Mineral Commodity Summaries 2022: Rare earths", "F H",
                      "https://pubs.usgs.gov/periodicals/mcs2022/mcs2022-rare-earths.pdf"},
               Source{"sheet.row-7", "Data sheet, rare earths: 2020 prices", "F? M", ""}};
  s.provenance = {Provenance{{"facility.CN.re_oxide.capacity"}, "usgs-mcs-2022", "", "168,000 t REO in 2021 / 12"},
                  Provenance{{"good.*.basePrice"}, "sheet.row-7", "", ""},
                  Provenance{{"region.*.lat", "region.*.lon"}, "", "map positions: capitals", ""}};
  return s;
}

}  // namespace kz::test
