// Provenance: number paths (levers plus map positions), pattern matching (`*` is one whole segment),
// which entry covers a number (exact beats pattern, the most specific pattern wins), the numbers left uncovered,
// every validation rule of sources and provenance, and their JSON round trip.
#include "kizuna/provenance.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kizuna/levers.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/validate.hpp"
#include "test_scenarios.hpp"

namespace {

using kz::Provenance;
using kz::Scenario;
using kz::Source;
using kz::test::SmallChainScenario;
using Strings = std::vector<std::string>;

Strings Texts(const std::vector<kz::Problem>& problems) {
  Strings out;
  for (const kz::Problem& p : problems) out.push_back(p.ToString());
  return out;
}

Strings Paths(const std::vector<kz::NumberInfo>& numbers) {
  Strings out;
  for (const kz::NumberInfo& n : numbers) out.push_back(n.path);
  return out;
}

// The entry covering `path` in `s`, or kNoProvenance; fails the test when `path` is not a number.
std::size_t EntryOf(const Scenario& s, const std::string& path) {
  for (const kz::NumberProvenance& item : kz::ResolveProvenance(s)) {
    if (item.number.path == path) return item.entry;
  }
  ADD_FAILURE() << path << " is not a number of the scenario";
  return kz::kNoProvenance;
}

Provenance Assumed(Strings numbers, const char* why = "assumed") {
  return Provenance{std::move(numbers), "", why, ""};
}
Provenance Sourced(Strings numbers, const char* source) { return Provenance{std::move(numbers), source, "", ""}; }

// Every number path of SmallChainScenario has 1, 3, 4 or 5 segments.
Scenario FullyCovered() {
  Scenario s = SmallChainScenario();
  s.provenance = {Assumed({"*", "*.*.*", "*.*.*.*", "*.*.*.*.*"})};
  return s;
}

TEST(Provenance, NumbersAreTheLeversWithMapPositionsBeforeEachWeight) {
  const Scenario s = SmallChainScenario();
  const std::vector<kz::NumberInfo> numbers = kz::ListNumbers(s);
  const Strings paths = Paths(numbers);
  ASSERT_GE(paths.size(), 8u);
  EXPECT_EQ(Strings(paths.begin(), paths.begin() + 8),
            (Strings{"horizonMonths", "discountRate", "region.CN.lat", "region.CN.lon", "region.CN.weight",
                     "region.JP.lat", "region.JP.lon", "region.JP.weight"}));
  EXPECT_FALSE(numbers[2].lever);
  EXPECT_EQ(numbers[2].value, 35.0);
  EXPECT_EQ(numbers[2].unit, "degrees north");
  EXPECT_TRUE(numbers[4].lever);
  // Every lever is a number, in the same order; the map positions are the only additions.
  Strings levers;
  for (const kz::LeverInfo& lever : kz::ListLevers(s)) levers.push_back(lever.path);
  Strings numberLevers;
  for (const kz::NumberInfo& n : numbers) {
    if (n.lever) numberLevers.push_back(n.path);
  }
  EXPECT_EQ(numberLevers, levers);
  EXPECT_EQ(paths.size(), levers.size() + 2 * s.regions.size());
}

TEST(Provenance, RegionWeightIsALeverButMapPositionsAreNot) {
  Scenario s = SmallChainScenario();
  EXPECT_EQ(Texts(kz::SetLever(s, "region.JP.weight", 4.9)), Strings{});
  EXPECT_EQ(s.regions[1].weight, 4.9);
  EXPECT_EQ(Texts(kz::SetLever(s, "region.JP.weight", 0)), Strings{"region.JP.weight: must be > 0, got 0"});
  EXPECT_EQ(Texts(kz::SetLever(s, "region.JP.lat", 10)), Strings{"region.JP.lat: unknown lever"});
  EXPECT_FALSE(kz::GetLever(s, "region.JP.lon").ok());
}

TEST(Provenance, StarMatchesExactlyOneWholeSegment) {
  EXPECT_TRUE(kz::MatchesNumberPattern("good.*.basePrice", "good.re_oxide.basePrice"));
  EXPECT_TRUE(kz::MatchesNumberPattern("good.re_oxide.basePrice", "good.re_oxide.basePrice"));
  EXPECT_TRUE(kz::MatchesNumberPattern("*", "horizonMonths"));
  EXPECT_TRUE(kz::MatchesNumberPattern("facility.*.*.capacity", "facility.CN.re_oxide.capacity"));
  EXPECT_FALSE(kz::MatchesNumberPattern("facility.*.capacity", "facility.CN.re_oxide.capacity"));
  EXPECT_FALSE(kz::MatchesNumberPattern("good.*", "good.re_oxide.basePrice"));
  EXPECT_FALSE(kz::MatchesNumberPattern("*", "good.re_oxide.basePrice"));
  EXPECT_FALSE(kz::MatchesNumberPattern("good.*.basePrice", "good.re_oxide.priceAdjustment"));
  EXPECT_FALSE(kz::MatchesNumberPattern("good.re_oxide", "good.re_oxide.basePrice"));
}

TEST(Provenance, MalformedPatternsAreNamed) {
  EXPECT_EQ(kz::CheckNumberPattern("good.*.basePrice"), std::nullopt);
  EXPECT_EQ(kz::CheckNumberPattern(""), "must not be empty");
  EXPECT_EQ(kz::CheckNumberPattern("good..basePrice"), "has an empty segment");
  EXPECT_EQ(kz::CheckNumberPattern("good.*."), "has an empty segment");
  EXPECT_EQ(kz::CheckNumberPattern("good.re_*.basePrice"), "'*' must be a whole segment (it matches exactly one segment)");
}

TEST(Provenance, ExactPathBeatsAnEarlierPattern) {
  Scenario s = SmallChainScenario();
  s.sources = {Source{"usgs", "USGS", "F H", ""}};
  s.provenance = {Assumed({"facility.*.*.capacity"}), Sourced({"facility.CN.re_oxide.capacity"}, "usgs")};
  EXPECT_EQ(EntryOf(s, "facility.CN.re_oxide.capacity"), 1u);
  EXPECT_EQ(EntryOf(s, "facility.JP.re_magnet.capacity"), 0u);
  EXPECT_EQ(EntryOf(s, "facility.JP.re_magnet.initialStock"), kz::kNoProvenance);
  for (const kz::NumberProvenance& item : kz::ResolveProvenance(s)) {
    if (item.number.path == "facility.CN.re_oxide.capacity") {
      EXPECT_EQ(item.source, 0u);  // sources[0]
      EXPECT_EQ(item.number.value, 1000.0);
      EXPECT_EQ(item.number.unit, "t/month");
    } else if (item.covered()) {
      EXPECT_EQ(item.source, kz::kNoProvenance) << item.number.path;  // an assumption
    }
  }
}

// The most specific pattern wins, in either order; equally specific ones, the later (a preset's
// entries come after its base's).
TEST(Provenance, MostSpecificPatternWinsThenTheLater) {
  Scenario s = SmallChainScenario();
  s.provenance = {Assumed({"facility.*.*.*"}, "first"), Assumed({"facility.CN.*.*"}, "second")};
  EXPECT_EQ(EntryOf(s, "facility.CN.re_oxide.capacity"), 1u);
  EXPECT_EQ(EntryOf(s, "facility.JP.re_magnet.capacity"), 0u);
  s.provenance = {Assumed({"facility.CN.*.*"}, "first"), Assumed({"facility.*.*.*"}, "second")};
  EXPECT_EQ(EntryOf(s, "facility.CN.re_oxide.capacity"), 0u);
  EXPECT_EQ(EntryOf(s, "facility.JP.re_magnet.capacity"), 1u);
  s.provenance = {Assumed({"facility.*.re_oxide.*"}, "first"), Assumed({"facility.CN.*.*"}, "second")};
  EXPECT_EQ(EntryOf(s, "facility.CN.re_oxide.capacity"), 1u);
}

// A preset appended to its base re-sources a number it changes by naming it again.
TEST(Provenance, ALaterExactEntryOverridesAnEarlierOne) {
  Scenario s = SmallChainScenario();
  s.provenance = {Assumed({"horizonMonths"}, "base"), Assumed({"horizonMonths"}, "preset")};
  EXPECT_EQ(EntryOf(s, "horizonMonths"), 1u);
}

TEST(Provenance, UncoveredNumbersAreListedInOrder) {
  EXPECT_EQ(Paths(kz::NumbersWithoutProvenance(FullyCovered())), Strings{});
  Scenario s = FullyCovered();
  s.provenance = {Assumed({"*", "*.*.*", "*.*.*.*"})};  // not the policy numbers (5 segments)
  const Strings uncovered = Paths(kz::NumbersWithoutProvenance(s));
  EXPECT_EQ(uncovered,
            (Strings{"policy.JP.stockpile.re_oxide.targetMonths", "policy.JP.stockpile.re_oxide.initialFill",
                     "policy.JP.stockpile.re_oxide.releaseTrigger", "policy.JP.stockpile.re_oxide.releasePerMonth",
                     "policy.JP.stockpile.re_oxide.refillPerMonth", "policy.JP.stockpile.re_oxide.holdingCostPerYear"}));
  s.provenance = {};
  EXPECT_EQ(kz::NumbersWithoutProvenance(s).size(), kz::ListNumbers(s).size());
}

TEST(Provenance, EveryFormIsValid) {
  EXPECT_EQ(Texts(kz::ValidateScenario(FullyCovered())), Strings{});
  EXPECT_EQ(Texts(kz::ValidateScenario(kz::test::EveryFieldScenario())), Strings{});
}

TEST(Provenance, SourceRulesNameThePathAndRule) {
  Scenario s = SmallChainScenario();
  s.sources = {Source{"usgs-mcs-2022", "USGS", "", ""}, Source{"usgs-mcs-2022", "again", "", ""},
               Source{"us gs", "x", "", ""}, Source{"", "", "", ""}, Source{"sheet.row-7", "Sheet", "E L", ""}};
  EXPECT_EQ(Texts(kz::ValidateScenario(s)),
            (Strings{"sources[1].id: duplicate source id 'usgs-mcs-2022' (first at sources[0])",
                     "sources[2].id: 'us gs' may contain only letters, digits, '_', '-' and '.'",
                     "sources[3].id: must not be empty", "sources[3].citation: must not be empty"}));
}

TEST(Provenance, EntryRulesNameThePathAndRule) {
  Scenario s = SmallChainScenario();
  s.sources = {Source{"usgs-mcs-2022", "USGS", "F H", ""}};
  s.provenance = {
      Sourced({"facility.CN.re_oxide.capacity"}, "usgs-mcs-2022"),                  // fine
      Provenance{{"horizonMonths"}, "usgs-mcs-2022", "and assumed", ""},           // both
      Provenance{{"horizonMonths"}, "", "", "a note is not a source"},            // neither
      Sourced({"facility.XX.re_ore.capacity", "good.re_*.basePrice", ""}, "usgs"),  // no match, malformed, unknown
      Assumed({}),                                                                // no numbers
      Assumed({"facility.*.capacity"}),                                           // a pattern one segment short
  };
  EXPECT_EQ(Texts(kz::ValidateScenario(s)),
            (Strings{"provenance[1]: give either 'source' or 'assumption', not both",
                     "provenance[2]: needs a 'source' (a source id) or an 'assumption' (its rationale)",
                     "provenance[3].numbers[1]: 'good.re_*.basePrice': '*' must be a whole segment (it matches "
                     "exactly one segment)",
                     "provenance[3].numbers[2]: must not be empty", "provenance[3].source: unknown source 'usgs'",
                     "provenance[4].numbers: must name at least one number path"}));
  // Patterns matching nothing do not stop a run (derived scenarios drop parts); files are linted.
  EXPECT_EQ(Texts(kz::UnmatchedProvenance(s)),
            (Strings{"provenance[3].numbers[0]: 'facility.XX.re_ore.capacity' matches no number of this scenario",
                     "provenance[5].numbers[0]: 'facility.*.capacity' matches no number of this scenario"}));
}

TEST(Provenance, MapPositionsCanBeSourced) {
  Scenario s = SmallChainScenario();
  s.provenance = {Assumed({"region.JP.lat", "region.*.lon"})};
  EXPECT_EQ(Texts(kz::ValidateScenario(s)), Strings{});
  EXPECT_EQ(EntryOf(s, "region.JP.lat"), 0u);
  EXPECT_EQ(EntryOf(s, "region.CN.lon"), 0u);
  EXPECT_EQ(EntryOf(s, "region.CN.lat"), kz::kNoProvenance);
}

// -- JSON -----------------------------------------------------------------------------------------------

TEST(ProvenanceJson, LoadsSourcesAndEntriesAndSavesOnlyWhatIsGiven) {
  Scenario s = SmallChainScenario();
  s.sources = {Source{"usgs-mcs-2022", "USGS, Mineral Commodity Summaries 2022", "F H", ""}};
  s.provenance = {Provenance{{"facility.CN.re_oxide.capacity"}, "usgs-mcs-2022", "", "168,000 t REO in 2021 / 12"},
                  Assumed({"good.*.priceAdjustment", "region.*.lat"}, "rationale")};
  const std::string text = kz::SaveScenarioJson(s);
  EXPECT_NE(text.find(R"("sources": [
    {
      "id": "usgs-mcs-2022",
      "citation": "USGS, Mineral Commodity Summaries 2022",
      "tag": "F H"
    }
  ],
  "provenance": [
    {
      "numbers": [
        "facility.CN.re_oxide.capacity"
      ],
      "source": "usgs-mcs-2022",
      "note": "168,000 t REO in 2021 / 12"
    },
    {
      "numbers": [
        "good.*.priceAdjustment",
        "region.*.lat"
      ],
      "assumption": "rationale"
    }
  ]
}
)"),
            std::string::npos)
      << text;
  const kz::Expected<Scenario> loaded = kz::LoadScenarioJson(text);
  ASSERT_TRUE(loaded.ok()) << loaded.problems()[0].ToString();
  EXPECT_TRUE(loaded.value() == s);
}

TEST(ProvenanceJson, StructuralProblemsNameTheField) {
  const std::string text = R"({"schemaVersion": 1, "id": "x", "title": {"en": "X"}, "horizonMonths": 12,
    "regions": [{"id": "JP"}], "goods": [],
    "sources": [{"id": "usgs", "tag": 3}],
    "provenance": [{"sourc": "usgs"}, {"numbers": "horizonMonths", "assumption": "x"}]})";
  const kz::Expected<Scenario> loaded = kz::LoadScenarioJson(text);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(Texts(loaded.problems()),
            (Strings{"sources[0].citation: required field is missing", "sources[0].tag: must be a string, got number",
                     "provenance[0].sourc: unknown field (did you mean 'source'?)",
                     "provenance[0].numbers: required field is missing",
                     "provenance[1].numbers: must be an array, got string",
                     "goods: a scenario needs at least one good",
                     "provenance[0]: needs a 'source' (a source id) or an 'assumption' (its rationale)"}));
}

TEST(ProvenanceJson, ReportListsSourcesNumbersAndUncovered) {
  Scenario s = SmallChainScenario();
  s.sources = {Source{"usgs", "USGS", "F H", ""}};
  s.provenance = {Provenance{{"horizonMonths"}, "usgs", "", "two years"}};
  const std::string report = kz::ProvenanceReportJson(s);
  EXPECT_NE(report.find(R"({
      "path": "horizonMonths",
      "unit": "months",
      "value": 24.0,
      "source": "usgs",
      "note": "two years"
    })"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(R"("uncovered": [
    "discountRate",
    "region.CN.lat",)"),
            std::string::npos)
      << report;
  EXPECT_EQ(kz::ProvenanceReportJson(FullyCovered()).find("\"uncovered\": []"),
            kz::ProvenanceReportJson(FullyCovered()).size() - std::string("\"uncovered\": []\n}\n").size());
}

}  // namespace
