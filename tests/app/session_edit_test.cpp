// Structural edits through the session: adding and removing shocks, framework membership, and
// comparing with another scenario (A vs B). Every refused edit leaves the work as it was.
#include "state/session.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "../core/bundled_scenarios.hpp"
#include "page_api.hpp"

namespace {

std::string Text(const char* id) { return kz::test::ReadBundledText(id).value(); }

double TotalLoss(const kz::Results& r) { return std::accumulate(r.loss.begin(), r.loss.end(), 0.0); }

kz::Session Loaded(const char* id) {
  kz::Session session;
  EXPECT_TRUE(session.Load(Text(id), Text("default-world")).empty());
  return session;
}

kz::Event MagnetFire() {
  kz::Event event;
  event.id = "user-fire";
  event.kind = kz::EventKind::CapacityLoss;
  event.regions = {"JP"};
  event.goods = {"re_magnet"};
  event.fraction = 0.8;
  event.start = 2;
  event.duration = 6;
  return event;
}

TEST(SessionEdit, AddingAShockCostsMoreAndRemovingItRestoresTheResults) {
  kz::Session session = Loaded("re-2010-japan");
  const double before = TotalLoss(session.results());
  const std::size_t events = session.scenario().events.size();
  ASSERT_TRUE(session.AddEvent(MagnetFire()).empty());
  EXPECT_EQ(session.scenario().events.size(), events + 1);
  EXPECT_GT(TotalLoss(session.results()), before);
  bool listed = false;
  for (const kz::LeverInfo& lever : session.levers()) listed = listed || lever.path == "event.user-fire.fraction";
  EXPECT_TRUE(listed) << "the new shock's strength is a lever";
  ASSERT_TRUE(session.RemoveEvent("user-fire").empty());
  EXPECT_EQ(TotalLoss(session.results()), before);
}

TEST(SessionEdit, BadShocksAreRefusedWithAMessageAndChangeNothing) {
  kz::Session session = Loaded("re-2010-japan");
  const kz::Scenario before = session.scenario();
  kz::Event duplicate = MagnetFire();
  duplicate.id = before.events.front().id;
  std::vector<kz::Problem> problems = session.AddEvent(duplicate);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("already exists"), std::string::npos);
  kz::Event tooStrong = MagnetFire();
  tooStrong.fraction = 1.5;
  EXPECT_FALSE(session.AddEvent(tooStrong).empty());
  kz::Event nowhere = MagnetFire();
  nowhere.regions = {"ATLANTIS"};
  problems = session.AddEvent(nowhere);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].ToString().find("ATLANTIS"), std::string::npos) << problems[0].ToString();
  EXPECT_FALSE(session.RemoveEvent("no-such-shock").empty());
  EXPECT_EQ(session.scenario(), before);
}

TEST(SessionEdit, MembershipChangesRunAndAFrameworkKeepsOneMember) {
  kz::Session session = Loaded("us-jp-steering-committee");
  const double before = TotalLoss(session.results());
  ASSERT_TRUE(session.SetMember("us-jp-steering", "KR", true).empty());
  const auto& members = session.scenario().frameworks.front().members;
  EXPECT_NE(std::find(members.begin(), members.end(), "KR"), members.end());
  EXPECT_NE(TotalLoss(session.results()), before) << "Korea joining changes the outcome";
  ASSERT_TRUE(session.SetMember("us-jp-steering", "KR", false).empty());
  EXPECT_EQ(TotalLoss(session.results()), before);
  ASSERT_TRUE(session.SetMember("us-jp-steering", "US", false).empty());
  const std::vector<kz::Problem> last = session.SetMember("us-jp-steering", "JP", false);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_NE(last[0].message.find("at least one member"), std::string::npos);
  EXPECT_FALSE(session.SetMember("no-such-framework", "JP", true).empty());
}

TEST(SessionEdit, ComparesWithAnotherScenarioOnTheSameWorld) {
  kz::Session session = Loaded("us-jp-steering-committee");
  ASSERT_TRUE(session.SetComparisonScenario(Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_EQ(session.comparison(), kz::Comparison::Scenario);
  EXPECT_EQ(session.comparisonId(), "re-2010-japan");
  ASSERT_NE(session.comparisonResults(), nullptr);
  EXPECT_NE(TotalLoss(*session.comparisonResults()), TotalLoss(session.results()));
  EXPECT_NE(kz::SummaryJson(session).find("\"comparisonScenario\":\"re-2010-japan\""), std::string::npos);
  // B does not re-run when A is edited: one run per edit.
  const int runs = session.runs();
  const double other = TotalLoss(*session.comparisonResults());
  ASSERT_TRUE(session.SetLever("event.cn-re-controls-stress.fraction", 0.0).empty());
  EXPECT_EQ(session.runs(), runs + 1);
  EXPECT_EQ(TotalLoss(*session.comparisonResults()), other);
  EXPECT_NE(session.findings().paragraph.find(session.comparisonTitle()), std::string::npos) << session.findings().paragraph;
}

TEST(SessionEdit, AComparisonOfAnotherLengthRunsOverTheseMonthsOrIsRefused) {
  kz::Session session = Loaded("us-jp-steering-committee");  // 36 months
  ASSERT_TRUE(session.SetComparisonScenario(Text("re-2010-japan"), Text("default-world")).empty());  // 24
  EXPECT_EQ(session.comparisonResults()->months, 36) << "the shorter scenario runs on";
  // The partnership's stress shock starts in month 42, after these 36 months: refused, and said so.
  const std::vector<kz::Problem> problems =
      session.SetComparisonScenario(Text("minerals-security-partnership"), Text("default-world"));
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].message.find("36 months"), std::string::npos) << problems[0].ToString();
  EXPECT_EQ(session.comparisonId(), "re-2010-japan") << "the comparison is kept";
}

TEST(SessionEdit, RefusesToCompareAcrossWorldsAndKeepsTheComparison) {
  kz::Session session = Loaded("re-2010-japan");
  session.SetComparison(kz::Comparison::NoEvents);
  const std::vector<kz::Problem> problems = session.SetComparisonScenario(Text("two-sector"));
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].message.find("same world"), std::string::npos) << problems[0].ToString();
  EXPECT_EQ(session.comparison(), kz::Comparison::NoEvents);
  EXPECT_FALSE(session.SetComparisonScenario("{ not json").empty());
  session.SetComparison(kz::Comparison::Scenario);  // nothing loaded to compare with: ignored
  EXPECT_EQ(session.comparison(), kz::Comparison::NoEvents);
}

TEST(SessionEdit, UndoAndRedoStepThroughEditsAndADragIsOneStep) {
  kz::Session session = Loaded("re-2010-japan");
  const kz::Scenario loaded = session.scenario();
  const double loadedLoss = TotalLoss(session.results());
  EXPECT_FALSE(session.CanUndo());
  for (double value : {0.9, 0.7, 0.5}) ASSERT_TRUE(session.SetLever("event.cn-halt-japan-2010.fraction", value).empty());  // one drag
  session.SealUndoStep();
  ASSERT_TRUE(session.AddEvent(MagnetFire()).empty());
  const kz::Scenario edited = session.scenario();
  session.Undo();  // the shock
  EXPECT_EQ(session.scenario().events.size(), loaded.events.size());
  EXPECT_DOUBLE_EQ(session.scenario().events[1].fraction, 0.5);
  session.Undo();  // the whole drag
  EXPECT_EQ(session.scenario(), loaded);
  EXPECT_EQ(TotalLoss(session.results()), loadedLoss);
  EXPECT_FALSE(session.CanUndo());
  session.Redo();
  session.Redo();
  EXPECT_EQ(session.scenario(), edited);
  EXPECT_FALSE(session.CanRedo());
  session.Undo();
  ASSERT_TRUE(session.SetLever("policy.JP.responseLagMonths", 1).empty());
  EXPECT_FALSE(session.CanRedo()) << "a new edit drops the redo steps";
  EXPECT_FALSE(session.SetLever("policy.JP.responseLagMonths", -4).empty());
  session.Undo();
  EXPECT_DOUBLE_EQ(session.scenario().events[1].fraction, 0.5) << "a refused edit is not a step";
  EXPECT_TRUE(session.Load(Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_FALSE(session.CanUndo()) << "a new scenario starts a new history";
}

// The findings' output account measures against the world without disruptions: run once per edit,
// kept through a change of language or comparison, with the same words as a fresh run gives.
TEST(SessionEdit, TheUndisruptedWorldRunsOncePerEditNotPerRewording) {
  kz::Session session = Loaded("re-2010-japan");
  const int runs = session.undisruptedRuns();
  EXPECT_GE(runs, 1);
  const std::string english = session.findings().paragraph;
  session.SetLanguage(kz::Language::Japanese);
  EXPECT_NE(session.findings().paragraph, english);
  session.SetComparison(kz::Comparison::None);
  session.SetComparison(kz::Comparison::NoEvents);
  session.SetLanguage(kz::Language::English);
  EXPECT_EQ(session.undisruptedRuns(), runs) << "re-wording and comparing reuse the run";
  EXPECT_EQ(session.findings().paragraph, english);
  ASSERT_TRUE(session.SetLever("event.cn-halt-japan-2010.fraction", 0.5).empty());
  EXPECT_EQ(session.undisruptedRuns(), runs + 1) << "an edit runs it again";
  session.SetComparison(kz::Comparison::None);
  EXPECT_EQ(session.undisruptedRuns(), runs + 1);
  const kz::Findings afresh = kz::Summarize(session.scenario(), session.results(), nullptr, "", &session.Words().Words());
  EXPECT_EQ(session.findings().paragraph, afresh.paragraph) << "the kept run gives the words a fresh one gives";
}

}  // namespace
