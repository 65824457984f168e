// Scenario JSON: exact problems for syntax, structure, types and validation; deterministic saving
// and exact round trips; and robustness: truncations, byte flips and deep nesting never crash.
#include "kizuna/scenario_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "kizuna/rng.hpp"
#include "test_scenarios.hpp"

namespace {

using kz::LoadScenarioJson;
using kz::SaveScenarioJson;
using kz::Scenario;
using Strings = std::vector<std::string>;

// A small valid file: KR makes wafers, JP makes chips from them and wants chips.
constexpr const char* kMini = R"({
  "schemaVersion": 1,
  "id": "mini",
  "title": {"en": "Mini"},
  "horizonMonths": 12,
  "regions": [{"id": "JP", "lat": 36, "lon": 138}, {"id": "KR"}],
  "goods": [
    {"id": "wafers", "unit": "wafers", "basePrice": 100},
    {"id": "chips", "unit": "chips", "basePrice": 5,
     "recipe": [{"good": "wafers", "unitsPerOutput": 0.01}],
     "finalDemand": [{"region": "JP", "monthly": 1000}]}
  ],
  "facilities": [{"region": "KR", "good": "wafers", "capacity": 20},
                 {"region": "JP", "good": "chips", "capacity": 1200}],
  "trade": [{"buyer": "JP", "good": "wafers", "seller": "KR", "share": 1},
            {"buyer": "JP", "good": "chips", "seller": "JP", "share": 1}],
  "events": [{"id": "kr-fire", "kind": "capacityLoss", "regions": ["KR"], "goods": ["wafers"],
              "fraction": 0.5, "start": 2}]
})";

// kMini with the first occurrence of `from` replaced by `to` (which must occur).
std::string Mini(const std::string& from, const std::string& to) {
  std::string text = kMini;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

Strings Problems(std::string_view text) {
  Strings out;
  const kz::Expected<Scenario> loaded = LoadScenarioJson(text);
  if (loaded.ok()) return out;
  for (const kz::Problem& p : loaded.problems()) out.push_back(p.ToString());
  return out;
}

TEST(ScenarioJson, LoadsAValidFileAndAppliesDefaults) {
  const kz::Expected<Scenario> loaded = LoadScenarioJson(kMini);
  ASSERT_TRUE(loaded.ok()) << Problems(kMini)[0];
  const Scenario& s = loaded.value();
  EXPECT_EQ(s.id, "mini");
  EXPECT_EQ(s.title.en, "Mini");
  EXPECT_EQ(s.horizonMonths, 12);
  ASSERT_EQ(s.regions.size(), 2u);
  EXPECT_EQ(s.regions[0].lon, 138.0);
  EXPECT_EQ(s.regions[1].weight, 1.0);  // default
  ASSERT_EQ(s.goods.size(), 2u);
  EXPECT_EQ(s.goods[1].recipe[0].unitsPerOutput, 0.01);
  EXPECT_EQ(s.goods[1].qualificationMonths, 9);  // default
  EXPECT_EQ(s.facilities[0].maxRampPerMonth, 0.1);  // default
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].kind, kz::EventKind::CapacityLoss);
  EXPECT_EQ(s.events[0].duration, 1);  // default
  EXPECT_EQ(s.events[0].recovery, kz::RecoveryShape::Step);
}

TEST(ScenarioJson, RoundTripKeepsEveryFieldAndEnumValue) {
  for (const Scenario& original : {kz::test::SmallChainScenario(), kz::test::EveryFieldScenario()}) {
    const std::string text = SaveScenarioJson(original);
    const kz::Expected<Scenario> loaded = LoadScenarioJson(text);
    ASSERT_TRUE(loaded.ok()) << Problems(text)[0];
    EXPECT_TRUE(loaded.value() == original) << text;
    EXPECT_EQ(SaveScenarioJson(loaded.value()), text);  // and saving again changes nothing
  }
}

TEST(ScenarioJson, EnumsAreWrittenAsTheirNames) {
  const std::string text = SaveScenarioJson(kz::test::EveryFieldScenario());
  for (const char* name : {"\"capacityLoss\"", "\"exportRestriction\"", "\"demandShock\"",
                           "\"chokepoint\"", "\"step\"", "\"linear\""}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
}

TEST(ScenarioJson, SaveIsDeterministicAndPretty) {
  Scenario a = kz::test::SmallChainScenario();
  Scenario b = kz::test::SmallChainScenario();
  b.regions[0].lat = -0.0;  // equal to 0.0, so it must save identically
  a.regions[0].lat = 0.0;
  ASSERT_TRUE(a == b);
  const std::string text = SaveScenarioJson(a);
  EXPECT_EQ(SaveScenarioJson(b), text);
  EXPECT_EQ(text.rfind("{\n  \"schemaVersion\": 1,\n  \"id\": \"small-chain\",\n  \"title\": {\n"
                       "    \"en\": \"Small rare-earth chain\",\n    \"ja\": \"\"\n  },\n",
                       0),
            0u)
      << text;
  EXPECT_EQ(text.substr(text.size() - 2), "}\n");
}

TEST(ScenarioJson, SaveWritesNonFiniteNumbersAsNullWhichLoadReports) {
  Scenario s = kz::test::SmallChainScenario();
  s.facilities[1].capacity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(Problems(SaveScenarioJson(s)), Strings{"facilities[1].capacity: must be a number, got null"});
}

TEST(ScenarioJson, SyntaxErrorsGiveLineAndColumn) {
  EXPECT_EQ(Problems("{\n  \"id\": \"x\",\n  \"title\" {}\n}"),
            Strings{"line 3, column 11: Missing a colon after a name of object member."});
  // Columns count characters, not bytes: "日本" is 6 bytes but 2 columns.
  EXPECT_EQ(Problems("{\"日本\": 1,, }"),
            Strings{"line 1, column 10: Missing a name for object member."});
}

TEST(ScenarioJson, EmptyNulAndNonObjectInputsAreRejected) {
  EXPECT_EQ(Problems(""), Strings{"the file is empty"});
  EXPECT_EQ(Problems(" \n\t"), Strings{"the file is empty"});
  EXPECT_EQ(Problems(std::string_view("{}\0{}", 5)),
            Strings{"line 1, column 3: a NUL byte (this is not a JSON text file)"});
  EXPECT_EQ(Problems("[1, 2]"), Strings{"a scenario must be a JSON object, got array"});
  EXPECT_EQ(Problems("{\"id\": \"\xff\"}"), Strings{"line 1, column 9: Invalid encoding in string."});
}

TEST(ScenarioJson, OversizedInputIsRejectedBeforeParsing) {
  const std::string huge(kz::kMaxScenarioJsonBytes + 1, '[');
  EXPECT_EQ(Problems(huge),
            Strings{"the file is 16777217 bytes; a scenario file may be at most 16 MiB (16777216 bytes)"});
}

TEST(ScenarioJson, NewerSchemaVersionIsReportedAlone) {
  EXPECT_EQ(Problems(Mini("\"schemaVersion\": 1", "\"schemaVersion\": 2, \"newThing\": true")),
            Strings{"schemaVersion: this scenario was made by a newer version of Kizuna (schema 2); "
                    "this build reads schema 1"});
}

TEST(ScenarioJson, MissingRequiredFieldsAreProblems) {
  EXPECT_EQ(Problems("{}"),
            (Strings{"schemaVersion: required field is missing", "id: required field is missing",
                     "title: required field is missing", "horizonMonths: required field is missing",
                     "regions: required field is missing", "goods: required field is missing"}));
  EXPECT_EQ(Problems(Mini("{\"en\": \"Mini\"}", "{\"ja\": \"ミニ\"}")),
            Strings{"title.en: required field is missing"});
  EXPECT_EQ(Problems(Mini("{\"good\": \"wafers\", \"unitsPerOutput\": 0.01}", "{\"unitsPerOutput\": 0.01}")),
            Strings{"goods[1].recipe[0].good: required field is missing"});
  EXPECT_EQ(Problems(Mini("\"kind\": \"capacityLoss\", ", "")),
            Strings{"events[0].kind: required field is missing"});
}

TEST(ScenarioJson, UnknownFieldsSuggestTheClosestName) {
  EXPECT_EQ(Problems(Mini("\"lat\": 36", "\"lattitude\": 36")),
            Strings{"regions[0].lattitude: unknown field (did you mean 'lat'?)"});
  EXPECT_EQ(Problems(Mini("\"basePrice\": 100", "\"baseprise\": 100")),
            Strings{"goods[0].baseprise: unknown field (did you mean 'basePrice'?)"});
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12,", "\"horizonMonths\": 12, \"colour\": \"red\",")),
            Strings{"colour: unknown field"});
}

TEST(ScenarioJson, RepeatedFieldsAreProblems) {
  EXPECT_EQ(Problems(Mini("\"lat\": 36", "\"lat\": 36, \"lat\": 37")),
            Strings{"regions[0].lat: duplicate field"});
}

TEST(ScenarioJson, WrongTypesNameTheExpectedAndActualType) {
  EXPECT_EQ(Problems(Mini("{\"id\": \"KR\"}", "{\"id\": \"KR\", \"lat\": \"north\"}")),
            Strings{"regions[1].lat: must be a number, got string"});
  EXPECT_EQ(Problems(Mini("\"id\": \"mini\"", "\"id\": 7")), Strings{"id: must be a string, got number"});
  EXPECT_EQ(Problems(Mini("\"regions\": [{\"id\": \"JP\", \"lat\": 36, \"lon\": 138}, {\"id\": \"KR\"}]",
                          "\"regions\": {}")),
            Strings{"regions: must be an array, got object"});
  EXPECT_EQ(Problems(Mini("\"regions\": [\"KR\"]", "\"regions\": [true]")),
            Strings{"events[0].regions[0]: must be a string, got boolean"});
  EXPECT_EQ(Problems(Mini("\"title\": {\"en\": \"Mini\"}", "\"title\": null")),
            Strings{"title: must be an object, got null"});
}

TEST(ScenarioJson, IntegersMustBeWholeNumbersInRange) {
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12.5")),
            Strings{"horizonMonths: must be a whole number, got 12.5"});
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 1e12")),
            Strings{"horizonMonths: must be in 1..240, got 1e+12"});
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12.0")), Strings{});
  EXPECT_EQ(Problems(Mini("\"start\": 2", "\"start\": -3000000000")),
            Strings{"events[0].start: must be in 0..11, got -3000000000"});
}

TEST(ScenarioJson, SeedIsAnUnsigned64BitWholeNumber) {
  const kz::Expected<Scenario> max =
      LoadScenarioJson(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12, \"seed\": 18446744073709551615"));
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(max.value().seed, UINT64_MAX);
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12, \"seed\": -1")),
            Strings{"seed: must be a whole number in 0..18446744073709551615, got -1"});
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12, \"seed\": 0.5")),
            Strings{"seed: must be a whole number in 0..18446744073709551615, got 0.5"});
  EXPECT_EQ(Problems(Mini("\"horizonMonths\": 12", "\"horizonMonths\": 12, \"seed\": 1e30")),
            Strings{"seed: must be a whole number in 0..18446744073709551615, got 1e+30"});
}

TEST(ScenarioJson, EnumsMustBeKnownNames) {
  EXPECT_EQ(Problems(Mini("\"capacityLoss\"", "\"fire\"")),
            Strings{"events[0].kind: must be one of capacityLoss, exportRestriction, demandShock, "
                    "chokepoint; got 'fire'"});
  EXPECT_EQ(Problems(Mini("\"start\": 2", "\"start\": 2, \"recovery\": \"slow\"")),
            Strings{"events[0].recovery: must be one of step, linear; got 'slow'"});
}

TEST(ScenarioJson, ValidationProblemsCarryJsonPaths) {
  EXPECT_EQ(Problems(Mini("\"capacity\": 20", "\"capacity\": -20")),
            Strings{"facilities[0].capacity: must be >= 0, got -20"});
  EXPECT_EQ(Problems(Mini("\"good\": \"wafers\", \"unitsPerOutput\"", "\"good\": \"wafer\", \"unitsPerOutput\"")),
            Strings{"goods[1].recipe[0].good: unknown good 'wafer'"});
}

TEST(ScenarioJson, ReportsStructuralAndValidationProblemsTogether) {
  std::string text = Mini("\"lat\": 36", "\"lat\": \"36\"");
  text.replace(text.find("\"capacity\": 20"), 14, "\"capacity\": -20");
  EXPECT_EQ(Problems(text), (Strings{"regions[0].lat: must be a number, got string",
                                     "facilities[0].capacity: must be >= 0, got -20"}));
}

TEST(ScenarioJson, StructuralProblemsHideTheirOwnValidationEchoes) {
  // A region that is not an object is reported once, not also as "regions[1].id: must not be empty".
  EXPECT_EQ(Problems(Mini("{\"id\": \"KR\"}", "[]")),
            (Strings{"regions[1]: must be an object, got array",
                     "facilities[0].region: unknown region 'KR'",
                     "trade[0].seller: unknown region 'KR'", "events[0].regions[0]: unknown region 'KR'"}));
}

TEST(ScenarioJson, ProblemListIsCapped) {
  std::string text = "{";
  for (int i = 0; i < 300; ++i) text += (i ? ",\"f" : "\"f") + std::to_string(i) + "\": 0";
  text += "}";
  const Strings problems = Problems(text);
  ASSERT_EQ(problems.size(), 101u);
  EXPECT_EQ(problems[0], "f0: unknown field");
  EXPECT_EQ(problems[100], "... and 206 more problems");
}

TEST(ScenarioJson, DeepNestingNeverOverflowsTheStack) {
  const std::string open(100000, '[');
  EXPECT_FALSE(LoadScenarioJson(open).ok());
  // Well-formed but absurdly deep, inside an unknown field: parsed without recursion, then reported.
  const std::string deep = "{\"x\": " + open + std::string(100000, ']') + "}";
  const Strings problems = Problems(deep);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "x: unknown field");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_FALSE(LoadScenarioJson(objects + "1" + std::string(100000, '}')).ok());
}

TEST(ScenarioJson, TruncatedInputNeverCrashes) {
  const std::string text = SaveScenarioJson(kz::test::EveryFieldScenario());
  // Every proper prefix fails with at least one problem, except the one missing only the final "\n".
  for (std::size_t length = 0; length + 1 < text.size(); ++length) {
    const kz::Expected<Scenario> loaded = LoadScenarioJson(std::string_view(text).substr(0, length));
    ASSERT_FALSE(loaded.ok()) << "prefix of " << length << " bytes loaded";
    ASSERT_FALSE(loaded.problems().empty());
  }
  EXPECT_TRUE(LoadScenarioJson(std::string_view(text).substr(0, text.size() - 1)).ok());
}

TEST(ScenarioJson, RandomByteFlipsNeverCrash) {
  const std::string original = SaveScenarioJson(kz::test::EveryFieldScenario());
  kz::Rng rng(20240601);
  int accepted = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text = original;
    const int flips = 1 + static_cast<int>(rng.NextBelow(4));
    for (int f = 0; f < flips; ++f) {
      text[rng.NextBelow(text.size())] = static_cast<char>(rng.NextBelow(256));
    }
    const kz::Expected<Scenario> loaded = LoadScenarioJson(text);
    if (loaded.ok()) {
      // Whatever is accepted must be valid and survive its own round trip.
      ++accepted;
      const kz::Expected<Scenario> again = LoadScenarioJson(SaveScenarioJson(loaded.value()));
      ASSERT_TRUE(again.ok());
      ASSERT_TRUE(again.value() == loaded.value());
    } else {
      ASSERT_FALSE(loaded.problems().empty());
      ASSERT_LE(loaded.problems().size(), 101u);
    }
  }
  // Flips in whitespace or inside text stay valid, most others do not: both paths ran.
  EXPECT_GT(accepted, 0);
  EXPECT_LT(accepted, 3000);
}

// The story's subject and key levers save and load back, stay out of the scenario's hash (no run
// reads them), and a subject naming what the scenario lacks is named.
TEST(ScenarioJson, SubjectAndDialsRoundTripAndStayOutOfTheHash) {
  Scenario s = kz::test::SmallChainScenario();
  const std::uint64_t plain = kz::ScenarioHash(s);
  s.presentation.subjectRegion = s.regions.front().id;
  s.presentation.subjectGood = s.goods.back().id;
  s.presentation.dials = {"horizonMonths"};
  const std::string text = SaveScenarioJson(s);
  EXPECT_NE(text.find("\"dials\""), std::string::npos);
  const kz::Expected<Scenario> loaded = LoadScenarioJson(text);
  ASSERT_TRUE(loaded.ok()) << Problems(text)[0];
  EXPECT_EQ(loaded.value(), s);
  EXPECT_EQ(kz::ScenarioHash(s), plain) << "presentation is not physics";
  s.presentation.subjectRegion = "ATLANTIS";
  s.presentation.dials = {"horizonMonths", "horizonMonths"};
  const Strings problems = Problems(SaveScenarioJson(s));
  EXPECT_NE(std::find(problems.begin(), problems.end(), "subject.region: unknown region 'ATLANTIS'"), problems.end());
  EXPECT_NE(std::find(problems.begin(), problems.end(), "dials[1]: duplicate lever 'horizonMonths'"), problems.end());
}

}  // namespace
