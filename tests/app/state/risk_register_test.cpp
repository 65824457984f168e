// Editing the risk register in the app: a hazard added, changed and removed through drafts, each
// edit one undo step that leaves the single run exactly as it was, listed among the changes from the
// preset; drafts that cannot make a hazard are refused in plain words in both languages.
#include "state/risk_register.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/results.hpp"
#include "state/analysis_options.hpp"
#include "state/preset_changes.hpp"

namespace {

using kz::PresetChangeKind;

std::string Text(const char* id) { return kz::test::ReadBundledText(id).value(); }

int GoodIndex(const kz::Scenario& s, const std::string& id) {
  for (std::size_t g = 0; g < s.goods.size(); ++g) {
    if (s.goods[g].id == id) return static_cast<int>(g);
  }
  return -1;
}

const kz::Hazard* Find(const kz::Scenario& s, const std::string& id) {
  const auto it = std::find_if(s.risks.begin(), s.risks.end(), [&id](const kz::Hazard& h) { return h.id == id; });
  return it == s.risks.end() ? nullptr : &*it;
}

bool Lists(const std::vector<kz::PresetChange>& changes, PresetChangeKind kind, const std::string& id) {
  return std::any_of(changes.begin(), changes.end(), [&](const kz::PresetChange& c) { return c.kind == kind && c.id == id; });
}

class RiskRegister : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(session.Load(Text("tohoku-2011"), Text("default-world")).empty());
    runHash = kz::HashResults(session.results());
    hazards = session.scenario().risks.size();
    ASSERT_GT(hazards, 0u) << "the preset inherits the default world's register";
  }
  kz::Session session;
  kz::UiText english{kz::Language::English};
  std::uint64_t runHash = 0;
  std::size_t hazards = 0;
};

TEST_F(RiskRegister, AddsAHazardNamedByWhatItIsWithoutMovingTheSingleRun) {
  kz::HazardDraft draft = kz::NewHazardDraft(session.scenario(), GoodIndex(session.scenario(), "wafer"));
  EXPECT_EQ(draft.regions, std::vector<std::string>{"JP"}) << "a new hazard starts at the good's largest producer";
  draft.chance = 0.2;
  const kz::Expected<kz::Hazard> hazard = kz::HazardFromDraft(session.scenario(), draft, english);
  ASSERT_TRUE(hazard.ok()) << hazard.problems().front().ToString();
  EXPECT_EQ(hazard.value().id, "user-hazard-1");
  const int wafer = GoodIndex(session.scenario(), "wafer");
  EXPECT_EQ(hazard.value().name.en, "Capacity loss: Japan, " + session.scenario().goods[static_cast<std::size_t>(wafer)].name.en);
  EXPECT_FALSE(hazard.value().name.ja.empty());
  EXPECT_NE(hazard.value().name.ja, hazard.value().name.en);

  ASSERT_TRUE(kz::AddHazard(session, hazard.value()).empty());
  ASSERT_EQ(session.scenario().risks.size(), hazards + 1);
  EXPECT_EQ(session.scenario().risks.back(), hazard.value());
  EXPECT_EQ(kz::HashResults(session.results()), runHash) << "hazards are Monte Carlo only";
  EXPECT_TRUE(Lists(kz::ChangesFromPreset(session, english), PresetChangeKind::AddedHazard, "user-hazard-1"));
  EXPECT_FALSE(kz::AddHazard(session, hazard.value()).empty()) << "the same id twice";

  session.Undo();
  EXPECT_EQ(session.scenario().risks.size(), hazards);
  EXPECT_TRUE(kz::ChangesFromPreset(session, english).empty());
  session.Redo();
  EXPECT_NE(Find(session.scenario(), "user-hazard-1"), nullptr);
}

TEST_F(RiskRegister, ChangesAHazardInPlaceAndTheChangeIsListedAndUndone) {
  const std::size_t at = static_cast<std::size_t>(std::find_if(session.scenario().risks.begin(), session.scenario().risks.end(),
                                                               [](const kz::Hazard& h) { return h.id == "jp-quake"; }) -
                                                  session.scenario().risks.begin());
  ASSERT_LT(at, hazards);
  kz::HazardDraft draft = kz::DraftFromHazard(session.scenario().risks[at]);
  draft.goods = {"wafer"};
  draft.chance = 0.5;
  draft.monthsHigh = 6;
  const kz::Expected<kz::Hazard> hazard = kz::HazardFromDraft(session.scenario(), draft, english);
  ASSERT_TRUE(hazard.ok()) << hazard.problems().front().ToString();
  EXPECT_EQ(hazard.value().name, session.scenario().risks[at].name) << "an untouched name is kept";

  ASSERT_TRUE(kz::EditHazard(session, hazard.value()).empty());
  const kz::Hazard& edited = session.scenario().risks[at];
  EXPECT_EQ(edited.id, "jp-quake");
  EXPECT_EQ(edited.goods, std::vector<std::string>{"wafer"});
  EXPECT_EQ(edited.annualProbability, 0.5);
  EXPECT_EQ(edited.durationMonths.high, 6.0);
  EXPECT_EQ(kz::HashResults(session.results()), runHash);
  const std::vector<kz::PresetChange> changes = kz::ChangesFromPreset(session, english);
  EXPECT_TRUE(Lists(changes, PresetChangeKind::ChangedHazard, "jp-quake")) << "the goods changed";
  EXPECT_TRUE(Lists(changes, PresetChangeKind::Lever, "risk.jp-quake.annualProbability")) << "the chance is a lever";

  session.Undo();
  EXPECT_EQ(session.scenario().risks[at], session.preset().risks[at]);
  EXPECT_FALSE(kz::EditHazard(session, [] { kz::Hazard h; h.id = "no-such"; return h; }()).empty());
}

TEST_F(RiskRegister, RemovesAHazardAndUndoBringsItBack) {
  ASSERT_NE(Find(session.scenario(), "tw-quake"), nullptr);
  ASSERT_TRUE(kz::RemoveHazard(session, "tw-quake").empty());
  EXPECT_EQ(Find(session.scenario(), "tw-quake"), nullptr);
  EXPECT_EQ(session.scenario().risks.size(), hazards - 1);
  EXPECT_EQ(kz::HashResults(session.results()), runHash);
  EXPECT_TRUE(Lists(kz::ChangesFromPreset(session, english), PresetChangeKind::RemovedHazard, "tw-quake"));
  ASSERT_NE(kz::PresetHazard(session, "tw-quake"), nullptr) << "what undoing the removal adds back";
  EXPECT_FALSE(kz::RemoveHazard(session, "tw-quake").empty()) << "already gone";
  session.Undo();
  EXPECT_EQ(session.scenario().risks, session.preset().risks);
}

TEST_F(RiskRegister, RefusesABadDraftInPlainWordsInBothLanguagesAndChangesNothing) {
  kz::HazardDraft draft = kz::NewHazardDraft(session.scenario(), 0);
  draft.goods.clear();
  draft.chance = 1.5;
  draft.strengthLow = 0.8;  // above the most likely
  draft.monthsHigh = 0;
  const std::vector<kz::Problem> problems = kz::CheckHazardDraft(session.scenario(), draft, english);
  std::vector<std::string> fields;
  for (const kz::Problem& p : problems) fields.push_back(p.path);
  EXPECT_EQ(fields, (std::vector<std::string>{"risks.goods", "risks.annualProbability", "risks.severity", "risks.durationMonths"}));
  EXPECT_EQ(problems.front().message, "Pick at least one good the hazard hits.");
  const std::vector<kz::Problem> japanese = kz::CheckHazardDraft(session.scenario(), draft, kz::UiText(kz::Language::Japanese));
  ASSERT_EQ(japanese.size(), problems.size());
  for (std::size_t i = 0; i < problems.size(); ++i) {
    EXPECT_NE(japanese[i].message, problems[i].message) << "worded in Japanese: " << problems[i].path;
    EXPECT_EQ(japanese[i].message.find("risks."), std::string::npos) << "a catalog key leaked: " << japanese[i].message;
  }
  EXPECT_FALSE(kz::HazardFromDraft(session.scenario(), draft, english).ok());
  EXPECT_EQ(session.scenario().risks.size(), hazards);
  EXPECT_FALSE(session.CanUndo());

  draft = kz::NewHazardDraft(session.scenario(), 0);
  draft.regions = {"XX"};
  EXPECT_EQ(kz::CheckHazardDraft(session.scenario(), draft, english).front().path, "risks.regions");
}

// Every bundled hazard survives the form unchanged: opening it and saving it at once changes nothing.
TEST(RiskRegisterDrafts, EveryBundledHazardRoundTripsThroughADraft) {
  const kz::UiText english(kz::Language::English);
  for (const char* id : {"default-world", "two-sector", "jp-kr-controls-2019", "ga-ge-controls-2023"}) {
    const kz::Scenario s = kz::test::LoadBundled(id);
    for (const kz::Hazard& hazard : s.risks) {
      const kz::Expected<kz::Hazard> again = kz::HazardFromDraft(s, kz::DraftFromHazard(hazard), english);
      ASSERT_TRUE(again.ok()) << id << " " << hazard.id << ": " << again.problems().front().ToString();
      EXPECT_EQ(again.value(), hazard) << id << " " << hazard.id;
      EXPECT_FALSE(kz::HazardSummary(hazard, english).empty());
    }
  }
}

// Sensitivity varies single runs, which never draw hazards: its default levers leave the register out
// (otherwise a preset's dozens of hazard numbers would crowd out the levers that matter).
TEST_F(RiskRegister, SensitivityDefaultsLeaveTheRegisterOut) {
  const std::vector<std::size_t> defaults = kz::DefaultSensitivityLevers(session);
  ASSERT_FALSE(defaults.empty());
  for (const std::size_t i : defaults) EXPECT_NE(session.levers()[i].group, kz::LeverGroup::Risks) << session.levers()[i].path;
}

TEST(RiskRegisterDrafts, SummaryReadsAsChanceStrengthAndMonths) {
  kz::Hazard h;
  h.annualProbability = 0.3;
  h.severity = {kz::DistributionKind::Triangular, 0.05, 0.15, 0.6};
  h.durationMonths = {kz::DistributionKind::Triangular, 1, 1, 3};
  EXPECT_EQ(kz::HazardSummary(h, kz::UiText(kz::Language::English)), "30% a year; strength 5%-60%; 1-3 months");
  h.durationMonths = {kz::DistributionKind::Fixed, 0, 2, 0};
  EXPECT_EQ(kz::HazardSummary(h, kz::UiText(kz::Language::English)), "30% a year; strength 5%-60%; 2 months");
}

}  // namespace
