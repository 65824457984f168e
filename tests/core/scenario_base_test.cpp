// Scenario files on a base (presets extending a world): header fields replace, lists append, policy
// blocks merge, `set` applies last; nested bases, cycles, depth, missing bases and their messages.
// Bases come from an in-memory resolver: no files.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "kizuna/scenario_json.hpp"

namespace {

using kz::Scenario;
using Strings = std::vector<std::string>;
using Files = std::map<std::string, std::string>;

// KR makes wafers, JP makes chips from them and wants chips; JP keeps a wafer stockpile and plans a
// chip investment. Valid on its own, with one source and full-coverage patterns.
constexpr const char* kWorld = R"({
  "schemaVersion": 1, "id": "world", "title": {"en": "World", "ja": "世界"}, "description": "the base",
  "horizonMonths": 24, "seed": 7,
  "regions": [{"id": "JP", "lat": 36, "lon": 138}, {"id": "KR", "lat": 36, "lon": 128}],
  "goods": [
    {"id": "wafers", "unit": "wafers", "basePrice": 100},
    {"id": "chips", "unit": "chips", "basePrice": 5, "recipe": [{"good": "wafers", "unitsPerOutput": 0.01}],
     "finalDemand": [{"region": "JP", "monthly": 1000}]}
  ],
  "facilities": [{"region": "KR", "good": "wafers", "capacity": 20}, {"region": "JP", "good": "chips", "capacity": 1200}],
  "trade": [{"buyer": "JP", "good": "wafers", "seller": "KR", "share": 1},
            {"buyer": "JP", "good": "chips", "seller": "JP", "share": 1}],
  "events": [{"id": "kr-fire", "kind": "capacityLoss", "regions": ["KR"], "goods": ["wafers"], "fraction": 0.5, "start": 2}],
  "policies": [{"region": "JP", "responseLagMonths": 3,
                "stockpiles": [{"good": "wafers", "targetMonths": 2, "initialFill": 0.5}],
                "investments": [{"good": "chips", "capacity": 100}]}],
  "sources": [{"id": "sheet", "citation": "Data sheet"}],
  "provenance": [{"numbers": ["*", "*.*.*", "*.*.*.*", "*.*.*.*.*"], "assumption": "test values"}]
})";

// An overlay on `world` with `fields` (JSON members, no braces).
std::string On(const std::string& base, const std::string& fields) {
  return R"({"schemaVersion": 1, "base": ")" + base + "\"" + (fields.empty() ? "" : ", " + fields) + "}";
}

kz::ScenarioResolver Resolver(const Files& files) {
  return [files](std::string_view id) -> kz::Expected<std::string> {
    const auto it = files.find(std::string(id));
    if (it == files.end()) return std::vector<kz::Problem>{{std::string(id) + ".json", "no such file"}};
    return it->second;
  };
}

kz::Expected<Scenario> Load(const std::string& text, const Files& files = {{"world", kWorld}}) {
  return kz::LoadScenarioJson(text, Resolver(files));
}

Strings Problems(const kz::Expected<Scenario>& loaded) {
  Strings out;
  if (!loaded.ok()) {
    for (const kz::Problem& p : loaded.problems()) out.push_back(p.ToString());
  }
  return out;
}

Scenario Loaded(const std::string& text, const Files& files = {{"world", kWorld}}) {
  const kz::Expected<Scenario> loaded = Load(text, files);
  EXPECT_EQ(Problems(loaded), Strings{});
  return loaded.ok() ? loaded.value() : Scenario{};
}

TEST(ScenarioBase, AnEmptyOverlayIsItsBase) {
  const Scenario world = kz::LoadScenarioJson(kWorld).value();
  EXPECT_TRUE(Loaded(On("world", "")) == world);
}

TEST(ScenarioBase, HeaderFieldsGivenReplaceTheBases) {
  const Scenario s = Loaded(On("world", R"("id": "preset", "title": {"en": "Preset", "ja": "プリセット"}, "horizonMonths": 18)"));
  EXPECT_EQ(s.id, "preset");
  EXPECT_EQ(s.title.en, "Preset");
  EXPECT_EQ(s.title.ja, "プリセット");
  EXPECT_EQ(s.horizonMonths, 18);
  EXPECT_EQ(s.description, "the base");  // not given: the base's
  EXPECT_EQ(s.seed, 7u);
  const Scenario t = Loaded(On("world", R"("description": "", "seed": 9)"));
  EXPECT_EQ(t.id, "world");
  EXPECT_EQ(t.title.ja, "世界");
  EXPECT_EQ(t.description, "");
  EXPECT_EQ(t.seed, 9u);
  // A title replaces both languages: an English-only title does not keep the base's Japanese one.
  EXPECT_EQ(Loaded(On("world", R"("title": {"en": "Preset"})")).title, (kz::LocalizedText{"Preset", ""}));
}

TEST(ScenarioBase, ListsAreAppendedAfterTheBases) {
  const Scenario s = Loaded(On("world", R"(
    "regions": [{"id": "TW"}],
    "goods": [{"id": "resist", "unit": "l", "basePrice": 50}],
    "facilities": [{"region": "TW", "good": "resist", "capacity": 5}],
    "trade": [{"buyer": "TW", "good": "resist", "seller": "TW", "share": 1}],
    "events": [{"id": "tw-quake", "kind": "capacityLoss", "regions": ["TW"], "goods": ["resist"], "fraction": 1}],
    "frameworks": [{"id": "club", "members": ["JP", "TW"], "informationSharing": {"lagMonths": 0}}],
    "risks": [{"id": "quake", "kind": "capacityLoss", "regions": ["TW"], "goods": ["resist"], "annualProbability": 0.1,
               "durationMonths": {"kind": "fixed", "mode": 2}}],
    "sources": [{"id": "tw-stats", "citation": "Taiwan statistics"}],
    "provenance": [{"numbers": ["facility.TW.resist.capacity"], "source": "tw-stats"}])"));
  ASSERT_EQ(s.regions.size(), 3u);
  EXPECT_EQ(s.regions[2].id, "TW");
  ASSERT_EQ(s.goods.size(), 3u);
  EXPECT_EQ(s.goods[2].id, "resist");
  EXPECT_EQ(s.facilities.back().region, "TW");
  EXPECT_EQ(s.trade.size(), 3u);
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].id, "kr-fire");
  EXPECT_EQ(s.events[1].id, "tw-quake");
  ASSERT_EQ(s.frameworks.size(), 1u);
  ASSERT_EQ(s.risks.size(), 1u);
  ASSERT_EQ(s.sources.size(), 2u);
  EXPECT_EQ(s.sources[1].id, "tw-stats");
  ASSERT_EQ(s.provenance.size(), 2u);
  EXPECT_EQ(s.provenance[1].source, "tw-stats");
}

TEST(ScenarioBase, AppendedDuplicatesAndBrokenSharesAreValidationProblems) {
  EXPECT_EQ(Problems(Load(On("world", R"("regions": [{"id": "KR"}], "sources": [{"id": "sheet", "citation": "again"}])"))),
            (Strings{"regions[2].id: duplicate region id 'KR' (first at regions[1])",
                     "sources[1].id: duplicate source id 'sheet' (first at sources[0])"}));
  EXPECT_EQ(Problems(Load(On("world", R"("trade": [{"buyer": "JP", "good": "wafers", "seller": "KR", "share": 0.5}])"))),
            (Strings{"trade[2]: duplicate entry: JP buys wafers from KR (first at trade[0])",
                     "trade.JP.wafers: shares sum to 1.5, must sum to 1"}));
}

TEST(ScenarioBase, PolicyBlocksMergeByRegionAndGood) {
  const Scenario s = Loaded(On("world", R"("regions": [{"id": "TW"}], "policies": [
    {"region": "JP", "stockpiles": [{"good": "wafers", "targetMonths": 4}],
     "substitution": [{"good": "chips", "maxReduction": 0.1}]},
    {"region": "TW", "responseLagMonths": 1}])"));
  ASSERT_EQ(s.policies.size(), 2u);
  const kz::RegionPolicy& jp = s.policies[0];
  EXPECT_EQ(jp.responseLagMonths, 3);  // not given: the base's
  ASSERT_EQ(jp.stockpiles.size(), 1u);
  EXPECT_EQ(jp.stockpiles[0].targetMonths, 4.0);  // the overlay's item replaces the base's whole
  EXPECT_EQ(jp.stockpiles[0].initialFill, 1.0);   // (so this is the default, not the base's 0.5)
  ASSERT_EQ(jp.investments.size(), 1u);           // not mentioned: kept
  EXPECT_EQ(jp.investments[0].capacity, 100.0);
  ASSERT_EQ(jp.substitution.size(), 1u);          // new good: appended
  EXPECT_EQ(jp.substitution[0].maxReduction, 0.1);
  EXPECT_EQ(s.policies[1].region, "TW");          // no base block: appended
  EXPECT_EQ(s.policies[1].responseLagMonths, 1);

  const Scenario t = Loaded(On("world", R"("policies": [{"region": "JP", "responseLagMonths": 0,
    "stockpiles": [{"good": "chips", "targetMonths": 1}]}])"));
  EXPECT_EQ(t.policies[0].responseLagMonths, 0);  // given: replaces
  ASSERT_EQ(t.policies[0].stockpiles.size(), 2u);
  EXPECT_EQ(t.policies[0].stockpiles[0].good, "wafers");
  EXPECT_EQ(t.policies[0].stockpiles[1].good, "chips");
}

TEST(ScenarioBase, TwoBlocksForOneRegionInTheOverlayStayADuplicate) {
  EXPECT_EQ(Problems(Load(On("world", R"("regions": [{"id": "TW"}], "policies": [{"region": "TW"}, {"region": "TW"}])"))),
            Strings{"policies[2].region: duplicate policy block for TW (first at policies[1])"});
}

TEST(ScenarioBase, SetAppliesLastThroughLevers) {
  const Scenario s = Loaded(On("world", R"("set": {"facility.TW.wafers.capacity": 30, "trade.JP.wafers.KR": 0.25,
    "region.TW.weight": 0.8, "event.kr-fire.fraction": 0.9},
    "regions": [{"id": "TW"}], "facilities": [{"region": "TW", "good": "wafers", "capacity": 10}],
    "trade": [{"buyer": "JP", "good": "wafers", "seller": "TW", "share": 0}])"));
  EXPECT_EQ(s.facilities.back().capacity, 30.0);  // an item the overlay itself appended
  EXPECT_EQ(s.trade[0].share, 0.25);
  EXPECT_EQ(s.trade[2].share, 0.75);  // the other seller rescaled: shares still sum to 1
  EXPECT_EQ(s.regions[2].weight, 0.8);
  EXPECT_EQ(s.events[0].fraction, 0.9);
}

TEST(ScenarioBase, SetProblemsNameSetAndTheLeverPath) {
  EXPECT_EQ(Problems(Load(On("world", R"("set": {"facility.XX.wafers.capacity": 1, "event.kr-fire.fraction": 2,
    "horizonMonths": "long", "region.JP.lat": 10})"))),
            (Strings{"set.facility.XX.wafers.capacity: unknown lever", "set.event.kr-fire.fraction: must be in 0..1, got 2",
                     "set.horizonMonths: must be a number, got string", "set.region.JP.lat: unknown lever"}));
  EXPECT_EQ(Problems(Load(On("world", R"("set": [1])"))),
            Strings{"set: must be an object of lever paths and values, got array"});
  // Without a base too: a file may set its own levers.
  std::string own = kWorld;
  own.insert(own.rfind('}'), R"(, "set": {"facility.KR.wafers.capacity": 25})");
  EXPECT_EQ(kz::LoadScenarioJson(own).value().facilities[0].capacity, 25.0);
}

TEST(ScenarioBase, OverlayProblemsUseTheOverlaysOwnPaths) {
  EXPECT_EQ(Problems(Load(On("world", R"("events": [{"id": "x", "kind": "capacityLoss", "fraction": "half"}],
    "set": {"no.such.lever": 1})"))),
            (Strings{"events[0].fraction: must be a number, got string",
                     // validation of the resolved scenario: the event is its events[1]
                     "events[1].regions: a capacityLoss event needs at least one region",
                     "events[1].goods: a capacityLoss event needs at least one good"}));
  EXPECT_EQ(Problems(Load(R"({"base": "world"})")), Strings{"schemaVersion: required field is missing"});
}

TEST(ScenarioBase, BasesNest) {
  const Files files = {{"world", kWorld},
                       {"mid", On("world", R"("id": "mid", "events": [{"id": "jp-demand", "kind": "demandShock",
                                               "regions": ["JP"], "goods": ["chips"], "fraction": 0.2}],
                                               "set": {"horizonMonths": 30})")}};
  const Scenario s = Loaded(On("mid", R"("id": "top", "set": {"event.jp-demand.fraction": 0.3})"), files);
  EXPECT_EQ(s.id, "top");
  EXPECT_EQ(s.horizonMonths, 30);
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[1].fraction, 0.3);
}

TEST(ScenarioBase, DepthIsLimitedToFourBases) {
  Files files = {{"b1", kWorld}};
  for (int i = 2; i <= 5; ++i) files["b" + std::to_string(i)] = On("b" + std::to_string(i - 1), "");
  EXPECT_EQ(Problems(Load(On("b4", ""), files)), Strings{});  // b4 -> b3 -> b2 -> b1: four bases
  EXPECT_EQ(Problems(Load(On("b5", ""), files)),
            Strings{"base: 'b5': base: 'b4': base: 'b3': base: 'b2': base: 'b1': bases may nest at most 4 deep"});
}

TEST(ScenarioBase, CyclesAreNamed) {
  const Files files = {{"a", On("b", "")}, {"b", On("a", "")}, {"self", On("self", "")}};
  EXPECT_EQ(Problems(Load(files.at("a"), files)),
            Strings{"base: 'b': base: 'a': base: 'b': bases extend each other in a cycle (b -> a -> b)"});
  EXPECT_EQ(Problems(Load(files.at("self"), files)),
            Strings{"base: 'self': base: 'self': bases extend each other in a cycle (self -> self)"});
}

TEST(ScenarioBase, MissingOrUnresolvableBasesAreNamed) {
  EXPECT_EQ(Problems(Load(On("nope", ""))), Strings{"base: 'nope': nope.json: no such file"});
  EXPECT_EQ(Problems(kz::LoadScenarioJson(On("world", ""))),
            Strings{"base: 'world': not found: no resolver for base scenarios was given"});
  EXPECT_EQ(Problems(Load(R"({"schemaVersion": 1, "base": 3})")),
            Strings{"base: must be a string (the id of a base scenario), got number"});
  EXPECT_EQ(Problems(Load(R"({"schemaVersion": 1, "base": "../world"})")),
            Strings{"base: '../world' is not a scenario id: letters, digits, '_' and '-'"});
}

TEST(ScenarioBase, ProblemsOfABaseArePrefixedWithItsId) {
  const Files files = {{"broken", R"({"schemaVersion": 1, "id": "b", "title": {"en": "B"}, "horizonMonths": 12,
                                      "regions": [{"id": "JP", "lat": "north"}], "goods": []})"},
                       {"garbled", "{\"schemaVersion\": 1,"}};
  EXPECT_EQ(Problems(Load(On("broken", ""), files)), Strings{"base: 'broken': regions[0].lat: must be a number, got string"});
  EXPECT_EQ(Problems(Load(On("garbled", ""), files)),
            Strings{"base: 'garbled': line 1, column 21: Missing a name for object member."});
}

TEST(ScenarioBase, TheResolvedScenarioSavesWholeWithoutBaseOrSet) {
  const Scenario s = Loaded(On("world", R"("id": "preset", "regions": [{"id": "TW"}], "set": {"region.TW.weight": 2})"));
  const std::string text = kz::SaveScenarioJson(s);
  EXPECT_EQ(text.find("\"base\""), std::string::npos);
  EXPECT_EQ(text.find("\"set\""), std::string::npos);
  const kz::Expected<Scenario> again = kz::LoadScenarioJson(text);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.value() == s);
}

}  // namespace
