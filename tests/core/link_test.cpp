// Share links: round trips rebuild the scenario bit for bit, typical links stay short, every kind of
// damage gets its own message, and the golden links keep decoding to the same scenario and results.
#include "kizuna/link.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "bundled_scenarios.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/hash.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/story.hpp"
#include "link_wire.hpp"

namespace {

kz::Event Fire() {
  kz::Event e;
  e.id = "user-fire-1";
  e.kind = kz::EventKind::CapacityLoss;
  e.name.en = "Fire at a magnet plant: Japan, NdFeB magnets";
  e.name.ja = "磁石工場の火災";
  e.regions = {"JP"};
  e.goods = {"re_magnet"};
  e.fraction = 0.35;
  e.start = 2;
  e.duration = 4;
  e.recovery = kz::RecoveryShape::Linear;
  e.recoveryMonths = 3;
  return e;
}

// A preset after the edits a user makes in the app: levers (one a trade share, which rescales the
// buyer's other sellers), a shock added, one removed, a framework member added.
kz::Scenario Edited(const kz::Scenario& preset) {
  kz::Scenario s = preset;
  EXPECT_TRUE(kz::SetLever(s, "policy.JP.responseLagMonths", 1).empty());
  EXPECT_TRUE(kz::SetLever(s, "event.cn-re-controls-stress.fraction", 0.1234567890123).empty());
  EXPECT_TRUE(kz::SetLever(s, "trade.JP.re_oxide.CN", 0.4).empty());
  s.events.push_back(Fire());
  s.frameworks.front().members.push_back("KR");
  return s;
}

std::uint64_t ResultHash(const kz::Scenario& s) {
  kz::Expected<kz::Simulation> sim = kz::Simulation::Create(s);
  EXPECT_TRUE(sim.ok());
  kz::Results results;
  sim.value().Run(results);
  return kz::HashResults(results);
}

std::string Message(const kz::Expected<kz::ScenarioLink>& decoded) {
  EXPECT_FALSE(decoded.ok()) << "the link should be refused";
  return decoded.ok() ? "" : decoded.problems().front().message;
}

// A fragment with a valid checksum around arbitrary bytes (to test what lies behind the checksum).
std::string Sealed(std::vector<std::uint8_t> bytes) {
  const std::uint32_t sum = kz::link_wire::Checksum(bytes.data(), bytes.size());
  for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(sum >> (8 * i)));
  return "k" + kz::link_wire::Base64UrlEncode(bytes);
}

TEST(Link, RoundTripRebuildsTheEditedScenarioExactly) {
  const kz::Scenario preset = kz::test::LoadBundled("us-jp-steering-committee");
  const kz::Scenario working = Edited(preset);
  kz::LinkView view;
  view.region = "JP";
  view.good = "re_magnet";
  view.month = 7;
  view.comparison = 3;
  view.comparisonScenario = "re-2010-japan";
  view.chartDelta = true;
  view.hasMapView = true;
  view.mapLon = 139.5f;
  view.mapLat = 35.25f;
  view.mapZoom = 2.5f;
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, working, view);
  ASSERT_TRUE(link.ok()) << link.problems().front().ToString();
  EXPECT_EQ(link.value().addedEvents.size(), 1u);
  EXPECT_EQ(link.value().members.size(), 1u);
  const std::string text = kz::EncodeLink(link.value());
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink("https://example.org/kizuna/#" + text);
  ASSERT_TRUE(decoded.ok()) << decoded.problems().front().ToString();
  EXPECT_EQ(decoded.value(), link.value());
  EXPECT_EQ(kz::EncodeLink(decoded.value()), text) << "equal links encode to equal text";
  kz::Expected<kz::Scenario> rebuilt = kz::ApplyLink(preset, decoded.value());
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.problems().front().ToString();
  EXPECT_EQ(rebuilt.value(), working);
  EXPECT_EQ(ResultHash(rebuilt.value()), ResultHash(working));
  EXPECT_LT(text.size(), 2000u) << text;
}

// "Without this framework" (comparison 4) travels in format 2 as the other comparisons do; 5 is refused.
TEST(Link, CarriesTheWithoutFrameworksComparison) {
  const kz::Scenario preset = kz::test::LoadBundled("us-jp-steering-committee");
  kz::LinkView view;
  view.comparison = 4;
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, preset, view);
  ASSERT_TRUE(link.ok());
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(kz::EncodeLink(link.value()));
  ASSERT_TRUE(decoded.ok()) << decoded.problems().front().ToString();
  EXPECT_EQ(decoded.value().view.comparison, 4);
  link.value().view.comparison = 5;
  EXPECT_FALSE(kz::DecodeLink(kz::EncodeLink(link.value())).ok());
}

TEST(Link, AnUneditedPresetIsAShortLinkAndEveryBundledPresetRoundTrips) {
  for (const std::string& id : kz::test::BundledScenarioIds()) {
    const kz::Scenario preset = kz::test::LoadBundled(id);
    kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, preset);
    ASSERT_TRUE(link.ok()) << id;
    EXPECT_TRUE(link.value().levers.empty()) << id;
    const std::string text = kz::EncodeLink(link.value());
    EXPECT_LT(text.size(), 80u) << id << ": " << text;
    kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(text);
    ASSERT_TRUE(decoded.ok()) << id;
    EXPECT_EQ(kz::ApplyLink(preset, decoded.value()).value(), preset) << id;
  }
}

TEST(Link, NumbersTravelBitForBit) {
  const kz::Scenario preset = kz::test::LoadBundled("default-world");
  kz::ScenarioLink link;
  link.preset = preset.id;
  for (const double value : {0.0, -0.0, 1.0, -3.0, 0.1, 1e-300, 123456789.123, 4503599627370497.0}) {
    link.levers.push_back({"good.re_oxide.basePrice", value});
  }
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(kz::EncodeLink(link));
  ASSERT_TRUE(decoded.ok());
  for (std::size_t i = 0; i < link.levers.size(); ++i) {
    EXPECT_EQ(kz::link_wire::BitsOf(decoded.value().levers[i].value), kz::link_wire::BitsOf(link.levers[i].value)) << i;
  }
}

TEST(Link, ManyEditsOnTheLargestPresetStayUnderTwoThousandCharacters) {
  const kz::Scenario preset = kz::test::LoadBundled("minerals-security-partnership");
  kz::Scenario working = preset;
  int changed = 0;
  for (const kz::LeverInfo& lever : kz::ListLevers(preset)) {  // every national policy number, nudged
    if (lever.path.rfind("policy.", 0) != 0 || lever.integer || changed >= 40) continue;
    const double value = std::min(lever.max, lever.value + (lever.max - lever.value) * 0.25);
    if (kz::SetLever(working, lever.path, value).empty()) ++changed;
  }
  working.events.push_back(Fire());
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, working);
  ASSERT_TRUE(link.ok()) << link.problems().front().ToString();
  const std::string text = kz::EncodeLink(link.value());
  std::cout << "[ link size ] " << changed << " levers and a shock on " << preset.id << ": " << text.size() << " characters\n";
  EXPECT_LT(text.size(), 2000u);
  EXPECT_EQ(kz::ApplyLink(preset, kz::DecodeLink(text).value()).value(), working);
}

TEST(Link, EachKindOfDamageHasItsOwnMessage) {
  const kz::Scenario preset = kz::test::LoadBundled("us-jp-steering-committee");
  const std::string good = kz::EncodeLink(kz::LinkFromScenario(preset, Edited(preset)).value());

  EXPECT_NE(Message(kz::DecodeLink("")).find("not a Kizuna"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink("#/about")).find("not a Kizuna"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink(good.substr(0, good.size() - 7))).find("damaged"), std::string::npos);
  std::string flipped = good;
  flipped[good.size() / 2] = flipped[good.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_NE(Message(kz::DecodeLink(flipped)).find("checksum"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink(good + "<script>")).find("characters"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink("k" + std::string(70000, 'A'))).find("too long"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink(Sealed({7, 1, 2, 3}))).find("newer version"), std::string::npos);
  EXPECT_NE(Message(kz::DecodeLink(Sealed({0, 0, 0}))).find("damaged"), std::string::npos);
  // Behind a valid checksum: an index past the string table, and a month far outside any horizon.
  EXPECT_NE(Message(kz::DecodeLink(Sealed({1, 1, 1, 'x', 5, 0, 0, 0, 0}))).find("entry"), std::string::npos);
  // Random bytes never crash and are always refused with a message.
  std::uint64_t state = 42;
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<std::uint8_t> bytes(1 + trial % 60);
    for (std::uint8_t& b : bytes) b = static_cast<std::uint8_t>((state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 56);
    const std::string text = trial % 2 ? Sealed(bytes) : "k" + kz::link_wire::Base64UrlEncode(bytes);
    kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(text);
    if (!decoded.ok()) {
      EXPECT_FALSE(decoded.problems().front().message.empty());
    }
  }
}

TEST(Link, ApplyingRefusesWhatThePresetCannotTakeAndNamesIt) {
  const kz::Scenario preset = kz::test::LoadBundled("us-jp-steering-committee");
  kz::ScenarioLink link;
  link.preset = "re-2010-japan";
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().message.find("re-2010-japan"), std::string::npos);
  link.preset = preset.id;
  link.removedEvents = {"no-such-shock"};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().message.find("no-such-shock"), std::string::npos);
  link.removedEvents.clear();
  link.levers = {{"policy.JP.responseLagMonths", -5}};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().ToString().find("responseLagMonths"), std::string::npos);
  link.levers = {{"no.such.lever", 1}};
  EXPECT_FALSE(kz::ApplyLink(preset, link).ok());
  kz::Event bad = Fire();
  bad.regions = {"ATLANTIS"};
  link.levers.clear();
  link.addedEvents = {bad};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().ToString().find("ATLANTIS"), std::string::npos);
}

// A hazard a user adds in Levers > Risks (state/risk_register.hpp makes ids like this one).
kz::Hazard Quake() {
  kz::Hazard h;
  h.id = "user-hazard-1";
  h.name.en = "Earthquake near Japan's magnet plants";
  h.name.ja = "磁石工場近くの地震";
  h.kind = kz::EventKind::CapacityLoss;
  h.regions = {"JP"};
  h.goods = {"re_magnet"};
  h.annualProbability = 0.05;
  h.severity = {kz::DistributionKind::Triangular, 0.1, 0.3, 0.7};
  h.durationMonths = {kz::DistributionKind::Uniform, 1, 2, 6};
  h.recovery = kz::RecoveryShape::Linear;
  h.recoveryMonths = 4;
  return h;
}

// Format 4: the risk register's changes travel (added, removed, changed in place beyond its levers),
// and a link without them keeps the format (and bytes) it had.
TEST(Link, CarriesTheRiskRegistersChangesInFormatFour) {
  const kz::Scenario preset = kz::test::LoadBundled("re-2010-japan");
  ASSERT_GE(preset.risks.size(), 2u) << "the preset has a register to edit";
  kz::Scenario working = preset;
  working.risks.erase(working.risks.begin());            // removed
  working.risks.front().regions.push_back("KR");         // changed beyond its levers: replaced in place
  working.risks.front().annualProbability = 0.125;       // a lever of it: travels with the hazard
  working.risks.push_back(Quake());                      // added
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, working);
  ASSERT_TRUE(link.ok()) << link.problems().front().ToString();
  EXPECT_EQ(link.value().removedHazards, std::vector<std::string>{preset.risks.front().id});
  EXPECT_EQ(link.value().addedHazards.size(), 2u);
  const std::string text = kz::EncodeLink(link.value());
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(text);
  ASSERT_TRUE(decoded.ok()) << decoded.problems().front().ToString();
  EXPECT_EQ(decoded.value(), link.value());
  EXPECT_EQ(kz::ApplyLink(preset, decoded.value()).value(), working);
  EXPECT_EQ(kz::link_wire::Open(kz::link_wire::kShareLinks, text).value().version, 4);

  // Only a lever of a hazard changed: a plain format-2 link, as before format 4.
  kz::Scenario leverOnly = preset;
  leverOnly.risks.front().annualProbability = 0.2;
  kz::Expected<kz::ScenarioLink> plain = kz::LinkFromScenario(preset, leverOnly);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain.value().addedHazards.empty());
  EXPECT_EQ(kz::link_wire::Open(kz::link_wire::kShareLinks, kz::EncodeLink(plain.value())).value().version, 2);

  // A story step with a register change makes the story link format 4; every step keeps its own.
  kz::ScenarioLink story = plain.value();
  story.story.push_back(kz::StoryStep{link.value(), "With an earthquake", 0});
  story.story.push_back(kz::StoryStep{plain.value(), "Without", 0});
  const std::string storyText = kz::EncodeLink(story);
  kz::Expected<kz::ScenarioLink> storyBack = kz::DecodeLink(storyText);
  ASSERT_TRUE(storyBack.ok()) << storyBack.problems().front().ToString();
  EXPECT_EQ(storyBack.value(), story);
  EXPECT_EQ(kz::link_wire::Open(kz::link_wire::kShareLinks, storyText).value().version, 4);
  EXPECT_TRUE(kz::CheckStory(preset, storyBack.value()).empty());
}

TEST(Link, HazardChangesAreCheckedAsUntrustedInput) {
  const kz::Scenario preset = kz::test::LoadBundled("re-2010-japan");
  kz::ScenarioLink link;
  link.preset = preset.id;
  link.removedHazards = {"no-such-hazard"};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().message.find("removes hazard 'no-such-hazard'"), std::string::npos);
  link.removedHazards.clear();
  kz::Hazard bad = Quake();
  bad.annualProbability = 7.0;
  link.addedHazards = {bad};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().ToString().find("annualProbability"), std::string::npos);
  bad = Quake();
  bad.goods = {"UNOBTAINIUM"};
  link.addedHazards = {bad};
  EXPECT_NE(kz::ApplyLink(preset, link).problems().front().ToString().find("UNOBTAINIUM"), std::string::npos);
  // An unknown spread of a hazard's strength is damage the reader names.
  bad = Quake();
  bad.severity.kind = static_cast<kz::DistributionKind>(9);
  link.addedHazards = {bad};
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(link))).find("spread of a hazard's strength"), std::string::npos);
  bad = Quake();
  bad.name.en = std::string("bad\x01name");
  link.addedHazards = {bad};
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(link))).find("hazard's name"), std::string::npos);
}

TEST(Link, ChangesALinkCannotCarryAreRefusedNotDropped) {
  const kz::Scenario preset = kz::test::LoadBundled("us-jp-steering-committee");
  kz::Scenario renamed = preset;
  renamed.title.en = "My own title";
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(preset, renamed);
  ASSERT_FALSE(link.ok());
  EXPECT_NE(link.problems().front().message.find("export the scenario"), std::string::npos);
}

// Golden links: every line of tests/golden/links/links.txt is "name fragment scenario-hash
// result-hash [embed=N] [language=N] [story=N]". They must decode to the same scenario, results,
// embedding, language and number of story steps forever (a version-1 link migrates to language 0, the
// reader's own); add one per format change.
TEST(Link, GoldenLinksDecodeToTheSameScenarioAndResults) {
  std::ifstream file(std::string(KIZUNA_TEST_GOLDEN_DIR) + "/links/links.txt");
  ASSERT_TRUE(file) << "cannot read the golden links";
  std::string line;
  int checked = 0;
  int newest = 0;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, fragment, scenarioHash, resultHash, extra;
    fields >> name >> fragment >> scenarioHash >> resultHash;
    kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(fragment);
    ASSERT_TRUE(link.ok()) << name << ": " << link.problems().front().ToString();
    const kz::Scenario preset = kz::test::LoadBundled(link.value().preset);
    kz::Expected<kz::Scenario> scenario = kz::ApplyLink(preset, link.value());
    ASSERT_TRUE(scenario.ok()) << name << ": " << scenario.problems().front().ToString();
    char hex[2][17];
    std::snprintf(hex[0], sizeof hex[0], "%016llx", static_cast<unsigned long long>(kz::ScenarioHash(scenario.value())));
    std::snprintf(hex[1], sizeof hex[1], "%016llx", static_cast<unsigned long long>(ResultHash(scenario.value())));
    EXPECT_EQ(scenarioHash, hex[0]) << name << ": the scenario changed";
    EXPECT_EQ(resultHash, hex[1]) << name << ": the results changed";
    std::string embed = "embed=0";
    std::string language = "language=0";
    std::string story = "story=0";
    while (fields >> extra) (extra.rfind("embed=", 0) == 0 ? embed : extra.rfind("story=", 0) == 0 ? story : language) = extra;
    EXPECT_EQ(embed, "embed=" + std::to_string(link.value().view.embed)) << name;
    EXPECT_EQ(language, "language=" + std::to_string(link.value().view.language)) << name;
    EXPECT_EQ(story, "story=" + std::to_string(link.value().story.size())) << name;
    EXPECT_TRUE(kz::CheckStory(preset, link.value()).empty()) << name << ": every step of its story opens";
    if (name.rfind("v2-", 0) == 0) newest = std::max(newest, 2);
    if (name.rfind("v3-", 0) == 0) newest = std::max(newest, 3);
    if (name.rfind("v4-", 0) == 0) newest = std::max(newest, 4);
    ++checked;
  }
  EXPECT_GE(checked, 3);
  EXPECT_EQ(newest, kz::kLinkVersion) << "add a golden link for the newest link format";
}

}  // namespace
