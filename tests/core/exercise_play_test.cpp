// Playing an exercise: rounds and undo, how decisions apply (timed levers from the round's start,
// standing policies for the whole run, memberships), previews, the debrief, and session links that
// replay a session to the same debrief.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "exercise_fixtures.hpp"
#include "kizuna/levers.hpp"

namespace kz::test {
namespace {

const Exercise& Small() {
  static const Exercise e = MustLoad(SmallExerciseJson());
  return e;
}

const Framework& Pool(const Scenario& s) {
  for (const Framework& f : s.frameworks) {
    if (f.id == "pool") return f;
  }
  static const Framework none;
  ADD_FAILURE() << "no pool";
  return none;
}

// A full session: every team decides in every round it may, codes exchanged.
Play PlayFullSession(const Exercise& e) {
  Play play = StartPlay(e);
  const DecisionCode decisions[] = {
      {1, 0, {1, 4}}, {1, 1, {1, 0}}, {1, 2, {1}},  // round 1: JP and US join, JP 2 months, AU 100
      {2, 0, {1, 6}}, {2, 1, {0, 2}}, {2, 2, {2}},  // round 2: US leaves and builds, AU 200
      {3, 0, {0, 6}}, {3, 2, {2}},                  // round 3: JP leaves (US does not decide)
  };
  for (const DecisionCode& d : decisions) {
    while (play.CurrentRound() < d.round) EXPECT_TRUE(AdvanceRound(e, play).empty());
    Expected<DecisionCode> entered = EnterDecisionCode(e, play, EncodeDecisionCode(e, d));
    EXPECT_TRUE(entered) << (entered ? "" : entered.problems().front().ToString());
  }
  return play;
}

TEST(ExercisePlay, RoundsAdvanceAndUndo) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  EXPECT_EQ(play.CurrentRound(), 1);
  EXPECT_FALSE(UndoRound(play)) << "nothing to undo";
  ASSERT_TRUE(RecordDecision(e, play, 0, {1, 2}).empty());
  EXPECT_FALSE(RecordDecision(e, play, 0, {1, 3}).empty()) << "one decision per team and round";
  EXPECT_FALSE(RecordDecision(e, play, 1, {1, 9}).empty()) << "step out of range";
  EXPECT_FALSE(RecordDecision(e, play, 1, {1}).empty()) << "one value per lever";
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  EXPECT_NE(AdvanceRound(e, play).front().message.find("last round"), std::string::npos);
  EXPECT_NE(RecordDecision(e, play, 1, {0, 0}).front().message.find("does not decide in round 3"), std::string::npos);
  EXPECT_TRUE(UndoRound(play));
  EXPECT_TRUE(UndoRound(play));
  EXPECT_EQ(play.CurrentRound(), 1);
  EXPECT_EQ(play.rounds[0].decisions[0], (DecisionSteps{1, 2})) << "undo reopens the previous round with its decisions";
  EXPECT_TRUE(ClearDecision(play, 0));
  EXPECT_TRUE(RecordDecision(e, play, 0, {0, 1}).empty());
  EXPECT_TRUE(UndoRound(play)) << "in round 1 undo clears its decisions";
  EXPECT_TRUE(play.rounds[0].decisions[0].empty());
}

TEST(ExercisePlay, InjectsEnterTheCommonPictureAtTheirRound) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  auto hasHalt = [](const Scenario& s) {
    return std::any_of(s.events.begin(), s.events.end(), [](const Event& ev) { return ev.id == "cn-halt-2"; });
  };
  EXPECT_FALSE(hasHalt(ScenarioAtRound(e, play, 1).value()));
  AdvanceRound(e, play);
  EXPECT_TRUE(hasHalt(ScenarioAtRound(e, play, 2).value()));
  EXPECT_FALSE(hasHalt(ScenarioAtRound(e, play, 1).value()));
  EXPECT_FALSE(ScenarioAtRound(e, play, 3)) << "round 3 has not been played";
}

// Timed levers start at the round's start month; a decision that keeps the value does not move it.
TEST(ExercisePlay, InvestmentDecisionsStartAtTheRoundTheyAreTakenIn) {
  const Exercise& e = Small();
  Play play = PlayFullSession(e);
  const Scenario s = ScenarioAtRound(e, play, 3).value();
  EXPECT_EQ(GetLever(s, "policy.US.investment.re_oxide.capacity").value(), 200.0);
  EXPECT_EQ(GetLever(s, "policy.US.investment.re_oxide.start").value(), 4.0) << "decided in round 2, which starts at month 4";
  EXPECT_EQ(GetLever(s, "framework.pool.jointInvestment.capacity").value(), 200.0);
  EXPECT_EQ(GetLever(s, "framework.pool.jointInvestment.start").value(), 4.0) << "round 3's decision kept 200: no restart";
  // Standing policy: the stockpile target applies to the whole run.
  EXPECT_EQ(GetLever(s, "policy.JP.stockpile.re_oxide.targetMonths").value(), 3.0);
}

TEST(ExercisePlay, MembershipsSwitchRulesOnOnlyWithTwoMembers) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  const Framework alone = Pool(ScenarioAtRound(e, play, 1).value());
  EXPECT_EQ(alone.members, (std::vector<std::string>{"AU"}));
  EXPECT_FALSE(alone.stockpilePool.enabled) << "one member: nothing to pool";
  EXPECT_FALSE(alone.jointInvestment.enabled);
  ASSERT_TRUE(RecordDecision(e, play, 0, {1, 4}).empty());
  const Framework two = Pool(ScenarioAtRound(e, play, 1).value());
  EXPECT_EQ(two.members, (std::vector<std::string>{"AU", "JP"}));
  EXPECT_TRUE(two.stockpilePool.enabled);
  EXPECT_TRUE(two.jointInvestment.enabled);
}

TEST(ExercisePlay, PreviewShowsTheDraftsEffectOnTheTeamOnly) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  AdvanceRound(e, play);
  Expected<DecisionPreview> same = PreviewDecision(e, play, 0, StepsAfterRound(e, play, 2)[0]);
  ASSERT_TRUE(same);
  EXPECT_EQ(same.value().current, same.value().withDraft) << "a draft that changes nothing changes nothing";
  Expected<DecisionPreview> bigger = PreviewDecision(e, play, 0, {0, 12});
  ASSERT_TRUE(bigger);
  EXPECT_NE(bigger.value().withDraft.own, bigger.value().current.own);
  EXPECT_FALSE(PreviewDecision(e, play, 0, {0, 13})) << "out of range";
  EXPECT_FALSE(PreviewDecision(e, play, 7, {0})) << "no such team";
}

// The halt inject is private to JP: the US preview does not know it, so sees no shortage cost.
TEST(ExercisePlay, PreviewUsesOnlyWhatTheTeamKnows) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  AdvanceRound(e, play);
  const TeamOutcome us = PreviewDecision(e, play, 1, StepsAfterRound(e, play, 2)[1]).value().current;
  const ExerciseOutcome truth = ScoreScenario(e, ScenarioAtRound(e, play, 2).value()).value();
  EXPECT_LT(us.loss, truth.teams[1].loss);
}

TEST(ExercisePlay, DebriefIsDeterministicAndReplaysFromTheSessionLink) {
  const Exercise& e = Small();
  const Play play = PlayFullSession(e);
  Expected<Debrief> debrief = MakeDebrief(e, play);
  ASSERT_TRUE(debrief) << AllProblems(debrief.problems());
  const Debrief& d = debrief.value();
  ASSERT_EQ(d.played.teams.size(), 3u);
  EXPECT_EQ(d, MakeDebrief(e, play).value());
  // Timeline: 2 injects and 8 decisions, in round order.
  ASSERT_EQ(d.timeline.size(), 10u);
  EXPECT_EQ(d.timeline[0].id, "warning");
  EXPECT_EQ(d.timeline[4].id, "halt");
  EXPECT_EQ(d.timeline[4].month, 5);
  EXPECT_EQ(d.timeline[5].changes, (std::vector<LeverSetting>{{"policy.JP.stockpile.re_oxide.targetMonths", 3.0}}));
  EXPECT_EQ(d.timeline[6].changes,
            (std::vector<LeverSetting>{{"join.pool.US", 0.0}, {"policy.US.investment.re_oxide.capacity", 200.0}}));
  EXPECT_TRUE(d.timeline[7].changes.empty() == false);
  // The no-cooperation reference has no decisions at all: JP's reserve is the preset's.
  EXPECT_NE(d.noCooperation.collective, d.fullCooperation.collective);
  EXPECT_NE(d.played.resultsHash, d.noCooperation.resultsHash);
  // Effects: one per decision that changed something.
  EXPECT_EQ(d.effects.size(), 7u);
  for (const DecisionEffect& effect : d.effects) EXPECT_TRUE(std::isfinite(effect.value.ownChange));

  const std::string link = EncodeSessionLink(e, play);
  EXPECT_LT(link.size(), 80u) << link;
  Expected<SessionLink> decoded = DecodeSessionLink("https://example.org/kizuna/#" + link);
  ASSERT_TRUE(decoded) << AllProblems(decoded.problems());
  Expected<Play> replay = PlayFromSessionLink(e, decoded.value());
  ASSERT_TRUE(replay) << AllProblems(replay.problems());
  EXPECT_EQ(replay.value(), play);
  EXPECT_EQ(MakeDebrief(e, replay.value()).value(), d);
  EXPECT_EQ(DebriefCsv(e, MakeDebrief(e, replay.value()).value()), DebriefCsv(e, d));
}

TEST(ExercisePlay, DebriefCsvHasEverySection) {
  const Exercise& e = Small();
  const std::string csv = DebriefCsv(e, MakeDebrief(e, PlayFullSession(e)).value());
  EXPECT_EQ(csv.rfind("section,run,team,round,month,item,value,loss_usd,policy_cost_usd,own_usd,collective_usd,score_usd\n", 0), 0u);
  for (const char* needle : {"scorecard,played,JP,", "scorecard,noCooperation,US,", "scorecard,fullCooperation,AU,", "inject,,,2,5,halt,Halt",
                             "decision,,US,2,4,policy.US.investment.re_oxide.capacity,200", "effect,,AU,1,0,", "effect-seen,,AU,1,0,"}) {
    EXPECT_NE(csv.find(needle), std::string::npos) << needle << "\n" << csv;
  }
}

// One accounting: a decision costs the same in the team's preview, in the scoring of the runs with
// and without it, and in the debrief. The US does not know of the halt (private to Japan), so of its
// round-2 plant only the cost (a capital charge, whatever happens) need agree with the debrief; Japan
// knows every inject, so its preview of its round-3 decision is the debrief's effect exactly.
TEST(ExercisePlay, ADecisionCostsTheSameInThePreviewTheScoringAndTheDebrief) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  ASSERT_TRUE(RecordDecision(e, play, 0, {1, 4}).empty());
  ASSERT_TRUE(RecordDecision(e, play, 1, {1, 0}).empty());
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  const DecisionSteps usDraft = {1, 2};  // round 2: the US builds 200 (a membership's cost depends on who else stays)
  const DecisionValue usPreview = PreviewDecision(e, play, 1, usDraft).value().Value();
  ASSERT_TRUE(RecordDecision(e, play, 1, usDraft).empty());
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  ASSERT_TRUE(RecordDecision(e, play, 2, {2}).empty());
  const DecisionSteps japan = {0, 6};  // round 3: Japan leaves the pool and holds 3 months
  const DecisionValue japanPreview = PreviewDecision(e, play, 0, japan).value().Value();
  const ExerciseOutcome withoutJapan = ScoreScenario(e, ScenarioAtRound(e, play, 3).value()).value();
  ASSERT_TRUE(RecordDecision(e, play, 0, japan).empty());
  const ExerciseOutcome withJapan = ScoreScenario(e, ScenarioAtRound(e, play, 3).value()).value();
  const Debrief d = MakeDebrief(e, play).value();
  auto effectOf = [&](int round, const std::string& team) {
    for (const DecisionEffect& effect : d.effects) {
      if (effect.round == round && effect.team == team) return effect.value;
    }
    ADD_FAILURE() << "no round " << round << " effect for " << team;
    return DecisionValue{};
  };
  EXPECT_GT(usPreview.cost, 0.0);
  EXPECT_NEAR(effectOf(2, "US").cost, usPreview.cost, 1e-9 * usPreview.cost);  // sums over other totals
  EXPECT_NE(japanPreview, DecisionValue{});
  EXPECT_EQ(effectOf(3, "JP"), japanPreview);
  for (const DecisionEffect& effect : d.effects) {  // the US previewed from the round's start, as its link had it
    if (effect.round == 2 && effect.team == "US") {
      EXPECT_EQ(effect.seen, usPreview) << "what the US saw when it decided";
    }
  }
  EXPECT_EQ(ValueOfDecision(withoutJapan.teams[0], withJapan.teams[0]), japanPreview);
}

// A team's code carries every lever: a decision the team holds in later rounds still changed what it
// changed (undoing it undoes the holding too), and the debrief prices it as the team view did.
TEST(ExercisePlay, ADecisionHeldInLaterRoundsKeepsItsEffectAndCost) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  const DecisionSteps reserve = {0, 6};  // round 1: Japan sets its reserve
  const DecisionValue preview = PreviewDecision(e, play, 0, reserve).value().Value();
  ASSERT_TRUE(RecordDecision(e, play, 0, reserve).empty());
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  ASSERT_TRUE(RecordDecision(e, play, 0, reserve).empty());  // round 2: Japan holds its course
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  ASSERT_TRUE(RecordDecision(e, play, 0, {1, 6}).empty());   // round 3: Japan joins, holding its reserve
  const Debrief d = MakeDebrief(e, play).value();
  std::vector<int> rounds;
  for (const DecisionEffect& effect : d.effects) {
    if (effect.team == "JP") rounds.push_back(effect.round);
  }
  ASSERT_EQ(rounds, (std::vector<int>{1, 3})) << "holding changes nothing of its own";
  const DecisionEffect& first = d.effects.front();
  // Undone, the round-1 reserve would not have been held either: Japan keeps its first reserve
  // throughout and joins in round 3.
  const int initial = StepsAfterRound(e, StartPlay(e), 0)[0][1];
  ASSERT_NE(initial, 6);
  Play never = StartPlay(e);
  ASSERT_TRUE(AdvanceRound(e, never).empty());
  ASSERT_TRUE(AdvanceRound(e, never).empty());
  ASSERT_TRUE(RecordDecision(e, never, 0, {1, initial}).empty());
  EXPECT_EQ(first.value, ValueOfDecision(MakeDebrief(e, never).value().played.teams[0], d.played.teams[0]));
  EXPECT_GT(preview.cost, 0.0);
  EXPECT_EQ(first.seen, preview) << "the debrief keeps what the team view showed when Japan decided";
}

// The debrief's prompts follow from its figures.
TEST(ExercisePlay, DebriefLessonsFollowFromWhatHappened) {
  const Exercise& e = Small();
  const Debrief d = MakeDebrief(e, PlayFullSession(e)).value();
  const std::vector<DebriefLesson> lessons = DebriefLessons(d);
  ASSERT_GE(lessons.size(), 3u);
  ASSERT_LE(lessons.size(), 5u);
  auto team = [&](const ExerciseOutcome& o, const std::string& id) {
    for (const TeamOutcome& t : o.teams) {
      if (t.team == id) return t;
    }
    ADD_FAILURE() << id;
    return TeamOutcome{};
  };
  for (const DebriefLesson& lesson : lessons) {
    EXPECT_GT(lesson.amount, 0.0) << DebriefLessonKey(lesson.kind);
    switch (lesson.kind) {
      case DebriefLesson::Kind::MostGained:
        EXPECT_DOUBLE_EQ(lesson.amount, team(d.noCooperation, lesson.team).own - team(d.played, lesson.team).own);
        for (const TeamOutcome& t : d.played.teams) EXPECT_LE(team(d.noCooperation, t.team).own - t.own, lesson.amount);
        break;
      case DebriefLesson::Kind::MostPaid:
        EXPECT_DOUBLE_EQ(lesson.amount, team(d.played, lesson.team).policyCost - team(d.noCooperation, lesson.team).policyCost);
        break;
      case DebriefLesson::Kind::LeftOnTable:
        EXPECT_DOUBLE_EQ(lesson.amount, d.played.collective - d.fullCooperation.collective);
        break;
      case DebriefLesson::Kind::BeatFull:
        EXPECT_DOUBLE_EQ(lesson.amount, d.fullCooperation.collective - d.played.collective);
        break;
      case DebriefLesson::Kind::BestDecision:
        for (const DecisionEffect& effect : d.effects) EXPECT_LE(-effect.collectiveChange, lesson.amount);
        break;
      case DebriefLesson::Kind::PaidForOthers:
        EXPECT_GT(lesson.other, 0.0);
        break;
    }
  }
  EXPECT_EQ(lessons, DebriefLessons(d)) << "deterministic";
}

std::string LinkMessage(std::string_view text) {
  Expected<SessionLink> link = DecodeSessionLink(text);
  return link ? std::string("(decoded)") : link.problems().front().message;
}

TEST(SessionLink, MalformedLinksNameTheProblem) {
  const Exercise& e = Small();
  const std::string good = EncodeSessionLink(e, PlayFullSession(e));
  EXPECT_NE(LinkMessage("kAAAA").find("not a Kizuna exercise session link"), std::string::npos);
  EXPECT_NE(LinkMessage("").find("not a Kizuna exercise session link"), std::string::npos);
  EXPECT_NE(LinkMessage("w$$$").find("characters a link cannot contain"), std::string::npos);
  EXPECT_NE(LinkMessage("wAAA").find("too short"), std::string::npos);
  EXPECT_NE(LinkMessage("w" + std::string(kMaxSessionLinkChars, 'A')).find("too long"), std::string::npos);
  std::string damaged = good;
  damaged[10] = damaged[10] == 'A' ? 'B' : 'A';
  EXPECT_NE(LinkMessage(damaged).find("damaged (checksum)"), std::string::npos);
  EXPECT_NE(LinkMessage(good.substr(0, good.size() - 3)).find("damaged"), std::string::npos);
  // Another exercise, and another version of this one.
  const Exercise renamed = MustLoad(Replace(SmallExerciseJson(), "\"id\": \"small\"", "\"id\": \"smaller\""));
  const Exercise edited = MustLoad(Replace(SmallExerciseJson(), "\"w\"", "\"v\""));
  const SessionLink link = DecodeSessionLink(good).value();
  EXPECT_NE(AllProblems(PlayFromSessionLink(renamed, link).problems()).find("of exercise \"small\", not \"smaller\""), std::string::npos);
  EXPECT_NE(AllProblems(PlayFromSessionLink(edited, link).problems()).find("another version of exercise"), std::string::npos);
  // Structurally sound links that do not fit the exercise.
  SessionLink wrong = link;
  wrong.play.rounds[0].decisions[0] = {1, 40};
  EXPECT_NE(AllProblems(PlayFromSessionLink(e, DecodeSessionLink(EncodeSessionLink(e, wrong.play)).value()).problems()).find("Round 1: "),
            std::string::npos);
  wrong = link;
  wrong.play.rounds[2].decisions[1] = {0, 0};
  EXPECT_NE(AllProblems(PlayFromSessionLink(e, wrong).problems()).find("does not decide in round 3"), std::string::npos);
  wrong = link;
  wrong.play.rounds.push_back(wrong.play.rounds.back());
  EXPECT_NE(AllProblems(PlayFromSessionLink(e, wrong).problems()).find("has 4 rounds"), std::string::npos);
}

// A link made by a newer version is named as such (and not as damage).
TEST(SessionLink, NewerVersionIsNamed) {
  std::vector<std::uint8_t> bytes = {2, 1, 'x', 0, 0, 0, 0, 1, 1, 0};
  std::uint32_t sum = 0x811C9DC5U;
  for (const std::uint8_t b : bytes) sum = (sum ^ b) * 0x01000193U;
  for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(sum >> (8 * i)));
  static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text = "w";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n = (bytes[i] << 16) | ((i + 1 < bytes.size() ? bytes[i + 1] : 0) << 8) | (i + 2 < bytes.size() ? bytes[i + 2] : 0);
    const std::size_t chars = std::min<std::size_t>(4, (bytes.size() - i) * 4 / 3 + ((bytes.size() - i) % 3 != 0 ? 1 : 0));
    for (std::size_t k = 0; k < chars; ++k) text += kB64[(n >> (18 - 6 * k)) & 63];
  }
  EXPECT_NE(LinkMessage(text).find("newer version of Kizuna (format 2"), std::string::npos) << LinkMessage(text);
}

}  // namespace
}  // namespace kz::test
