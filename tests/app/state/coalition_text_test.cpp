// The coalition analysis in words against its numbers: who is named as gaining most and least, which
// way each payment goes, who would rather stay out, whose membership costs the others, whether the
// deal is called stable, what outsiders gain or lose; amounts without a sign (the words say which
// way), both languages, and no game-theory notation outside the tooltips.
#include "state/coalition_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/coalition.hpp"
#include "kizuna/coalition_analysis.hpp"

namespace {

using kz::Language;
using kz::UiText;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A world of five regions; JP, US and KR are the candidates of framework "club".
kz::Scenario World() {
  kz::Scenario s;
  const struct { const char* id; const char* en; const char* ja; } regions[] = {
      {"JP", "Japan", "日本"}, {"US", "United States", "米国"}, {"KR", "Korea", "韓国"}, {"CN", "China", "中国"}, {"EU", "EU", "EU"}};
  for (const auto& r : regions) s.regions.push_back(kz::Region{r.id, kz::LocalizedText{r.en, r.ja}});
  kz::Framework club;
  club.id = "club";
  club.name = kz::LocalizedText{"Minerals club", "鉱物クラブ"};
  club.members = {"JP", "US", "KR"};
  s.frameworks.push_back(club);
  return s;
}

// A complete view of the game `value` (per mask, USD) with the members' own gains and free-rider
// gains given, the Shapley values and core check derived by the core's own functions.
kz::CoalitionView View(std::vector<double> value, std::vector<double> inside, std::vector<double> outside,
                       std::vector<double> outsiders = {0.0, 0.0}) {
  kz::CoalitionView v;
  v.done = true;
  v.framework = "club";
  v.candidates = {"JP", "US", "KR"};
  v.regions = {"JP", "US", "KR", "CN", "EU"};
  v.subsets = static_cast<int>(value.size());
  v.subsetsDone = v.subsets;
  v.subsetValue = value;
  v.known.assign(value.size(), true);
  const kz::CoalitionGame game{3, value};
  v.shapley = kz::ShapleyValues(game);
  const kz::CoreCheck core = kz::CheckCore(game, v.shapley, 1e-6 * (1.0 + std::fabs(value.back())));
  v.inCore = core.inCore;
  for (int i = 0; i < 3; ++i) {
    if (core.blockingCoalition & (1u << i)) v.largestExcessCoalition.push_back(v.candidates[static_cast<std::size_t>(i)]);
  }
  v.excess = core.excess;
  v.gainInside = inside;
  v.gainOutside = outside;
  for (int i = 0; i < 3; ++i) v.incentiveToJoin.push_back(inside[static_cast<std::size_t>(i)] - outside[static_cast<std::size_t>(i)]);
  v.nonMemberEffectByRegion = {0.0, 0.0, 0.0, outsiders[0], outsiders[1]};
  v.nonMemberEffect = outsiders[0] + outsiders[1];
  return v;
}

constexpr double kBn = 1e9;

// Masks: bit 0 JP, bit 1 US, bit 2 KR. JP and US do well together (20 bn); Korea adds little to
// itself (1 bn) and costs the pair 3 bn (20 bn without it, 17 bn with it); Korea would gain 3 bn
// by staying out while the others go ahead. Outside: China gains 2 bn, the EU loses 1 bn.
kz::CoalitionView KoreaCostsTheOthers() {
  return View({0.0, 10 * kBn, 4 * kBn, 20 * kBn, -2 * kBn, 9 * kBn, 3 * kBn, 18 * kBn},
              {12 * kBn, 5 * kBn, 1 * kBn}, {1 * kBn, 0.5 * kBn, 3 * kBn}, {2 * kBn, -1 * kBn});
}

TEST(CoalitionText, NamesWhoGainsMostAndLeastFromTheOwnGains) {
  const UiText words(Language::English);
  const kz::CoalitionText t = kz::DescribeCoalition(KoreaCostsTheOthers(), World(), words);
  ASSERT_TRUE(t.ready);
  ASSERT_EQ(t.members.size(), 3u);
  EXPECT_EQ(t.members[static_cast<std::size_t>(t.most)].regionId, "JP");
  EXPECT_EQ(t.members[static_cast<std::size_t>(t.least)].regionId, "KR");
  EXPECT_EQ(t.frameworkName, "Minerals club") << "the framework by its display name, not its id";
  EXPECT_TRUE(Contains(t.overview.text, "With all 3 members in, Minerals club is worth " + words.MoneyLabel(18 * kBn)));
  EXPECT_TRUE(Contains(t.overview.text, "Japan gains most: " + words.MoneyLabel(12 * kBn))) << t.overview.text;
  EXPECT_TRUE(Contains(t.overview.text, "Korea gains least: " + words.MoneyLabel(1 * kBn))) << t.overview.text;
  EXPECT_TRUE(Contains(t.overview.detail, "v(N)")) << "the game theory stays in the tooltip";
}

TEST(CoalitionText, EachPaymentGoesTheWayTheFairSplitSays) {
  const UiText words(Language::English);
  const kz::CoalitionView v = KoreaCostsTheOthers();
  const kz::CoalitionText t = kz::DescribeCoalition(v, World(), words);
  ASSERT_TRUE(t.ready);
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    const kz::CoalitionMemberText& m = t.members[i];
    SCOPED_TRACE(m.regionId);
    EXPECT_DOUBLE_EQ(m.transfer, v.shapley[i] - v.gainInside[i]);
    const std::string amount = words.MoneyLabel(std::fabs(m.transfer));
    if (m.transfer < -t.negligibleUsd) {
      EXPECT_TRUE(Contains(m.sentence.text, "it pays " + amount + " to the others")) << m.sentence.text;
      EXPECT_FALSE(Contains(m.sentence.text, "receives"));
    } else if (m.transfer > t.negligibleUsd) {
      EXPECT_TRUE(Contains(m.sentence.text, "it receives " + amount + " from the others")) << m.sentence.text;
      EXPECT_FALSE(Contains(m.sentence.text, "pays"));
    }
    EXPECT_FALSE(Contains(m.sentence.text, "-$")) << "no sign convention: the words say which way";
    EXPECT_FALSE(Contains(m.sentence.text, "v(")) << m.sentence.text;
    EXPECT_TRUE(Contains(m.sentence.detail, "Shapley value"));
  }
  // Korea's membership costs the others, so its fair share (-1.67 bn) is below its own 1 bn: it
  // pays; Japan's fair share (12.83 bn) is above its own 12 bn: it receives.
  EXPECT_GT(t.members[0].transfer, 0.0);
  EXPECT_LT(t.members[2].transfer, 0.0);
  EXPECT_TRUE(Contains(t.members[2].sentence.text, "it pays " + words.MoneyLabel(-t.members[2].transfer)));
}

TEST(CoalitionText, AMemberWhoseMembershipCostsTheOthersIsAskedToContribute) {
  const UiText words(Language::English);
  const kz::CoalitionText t = kz::DescribeCoalition(KoreaCostsTheOthers(), World(), words);
  ASSERT_TRUE(t.ready);
  const kz::CoalitionMemberText& korea = t.members[2];
  EXPECT_NEAR(korea.costToOthers, 3 * kBn, 1.0) << "20 bn for JP and US without Korea, 17 bn with it";
  EXPECT_TRUE(Contains(korea.sentence.text, "Without Korea the others would gain " + words.MoneyLabel(3 * kBn) +
                                                " more, so a stable deal asks Korea to contribute"))
      << korea.sentence.text;
  EXPECT_TRUE(Contains(korea.sentence.text, "would leave it " + words.MoneyLabel(2 * kBn) + " better off")) << "3 bn outside, 1 bn inside";
  for (const std::size_t i : {std::size_t{0}, std::size_t{1}}) {
    const kz::CoalitionMemberText& m = t.members[i];
    EXPECT_LT(m.costToOthers, 0.0) << m.regionId;
    EXPECT_FALSE(Contains(m.sentence.text, "contribute")) << m.sentence.text;
    EXPECT_FALSE(Contains(m.sentence.text, "better off")) << "Japan and the US lose by staying out";
    EXPECT_TRUE(Contains(m.sentence.text, "Staying out would cost it " + words.MoneyLabel(m.stayOutGain))) << m.sentence.text;
    EXPECT_TRUE(Contains(m.sentence.text, "With " + m.name + " in, the others gain " + words.MoneyLabel(-m.costToOthers) + " more."));
  }
}

TEST(CoalitionText, SaysWhetherTheDealIsStableAndWhoWouldBreakAway) {
  const UiText words(Language::English);
  const kz::CoalitionText unstable = kz::DescribeCoalition(KoreaCostsTheOthers(), World(), words);
  EXPECT_TRUE(Contains(unstable.stability.text, "The deal is not stable: Japan and United States would gain ")) << unstable.stability.text;
  EXPECT_TRUE(Contains(unstable.stability.detail, "Core check"));
  // A superadditive game whose Shapley split is in the core: every pair and the whole gain more.
  const kz::CoalitionView convex = View({0.0, 1 * kBn, 1 * kBn, 4 * kBn, 1 * kBn, 4 * kBn, 4 * kBn, 9 * kBn},
                                        {3 * kBn, 3 * kBn, 3 * kBn}, {0.0, 0.0, 0.0});
  const kz::CoalitionText stable = kz::DescribeCoalition(convex, World(), words);
  ASSERT_TRUE(convex.inCore);
  EXPECT_EQ(stable.stability.text, words.Tr("analysis.coalition.text.stable"));
  EXPECT_EQ(stable.most, -1) << "equal gains: nobody gains most";
  EXPECT_FALSE(Contains(stable.overview.text, "most"));
  for (const kz::CoalitionMemberText& m : stable.members) {
    EXPECT_FALSE(Contains(m.sentence.text, "pays")) << "a share equal to the own gain moves no money";
    EXPECT_FALSE(Contains(m.sentence.text, "receives"));
  }
}

TEST(CoalitionText, OutsidersTotalAndWhoGainsOrLosesMost) {
  const UiText words(Language::English);
  const kz::CoalitionText t = kz::DescribeCoalition(KoreaCostsTheOthers(), World(), words);
  EXPECT_TRUE(Contains(t.outsiders.text, "Countries outside the framework gain " + words.MoneyLabel(1 * kBn) + " in total."));
  EXPECT_TRUE(Contains(t.outsiders.text, "China gains most (" + words.MoneyLabel(2 * kBn) + ")"));
  EXPECT_TRUE(Contains(t.outsiders.text, "EU loses most (" + words.MoneyLabel(1 * kBn) + ")"));
}

TEST(CoalitionText, AFrameworkThatCostsItsMembersSaysSo) {
  const UiText words(Language::English);
  const kz::CoalitionView v = View({0.0, -1 * kBn, -1 * kBn, -2 * kBn, -1 * kBn, -2 * kBn, -2 * kBn, -6 * kBn},
                                   {-1 * kBn, -1 * kBn, -4 * kBn}, {0.0, 0.0, 0.0});
  const kz::CoalitionText t = kz::DescribeCoalition(v, World(), words);
  EXPECT_TRUE(Contains(t.overview.text, "costs them " + words.MoneyLabel(6 * kBn))) << t.overview.text;
  EXPECT_TRUE(Contains(t.overview.text, "Korea loses most: " + words.MoneyLabel(4 * kBn))) << t.overview.text;
  EXPECT_FALSE(Contains(t.overview.text, "gains most")) << "nobody gains";
  EXPECT_TRUE(Contains(t.members[2].sentence.text, "Korea loses " + words.MoneyLabel(4 * kBn) + " with every member in."));
}

TEST(CoalitionText, JapaneseSentencesUseTheJapaneseNames) {
  const UiText words(Language::Japanese);
  const kz::CoalitionText t = kz::DescribeCoalition(KoreaCostsTheOthers(), World(), words);
  ASSERT_TRUE(t.ready);
  EXPECT_EQ(t.frameworkName, "鉱物クラブ");
  EXPECT_TRUE(Contains(t.overview.text, "最も得をするのは日本（" + words.MoneyLabel(12 * kBn) + "）")) << t.overview.text;
  EXPECT_TRUE(Contains(t.members[2].sentence.text, "韓国がいなければ他の参加国は" + words.MoneyLabel(3 * kBn) + "多く得をする"))
      << t.members[2].sentence.text;
  EXPECT_TRUE(Contains(t.stability.text, "日本、米国")) << t.stability.text;
  for (const kz::CoalitionMemberText& m : t.members) EXPECT_FALSE(Contains(m.sentence.text, "gain")) << m.sentence.text;
}

TEST(CoalitionText, APartialAnalysisIsNotReadYet) {
  kz::CoalitionView v = KoreaCostsTheOthers();
  v.done = false;
  v.shapley.clear();
  const kz::CoalitionText t = kz::DescribeCoalition(v, World(), UiText(Language::English));
  EXPECT_FALSE(t.ready);
  EXPECT_EQ(t.frameworkName, "Minerals club");
}

// The bundled coalition preset run for real: the sentences follow the analysis' own numbers.
TEST(CoalitionText, ABundledFrameworksAnalysisReadsAsItsNumbers) {
  const kz::Scenario s = kz::test::LoadBundled("two-sector-coalition");
  ASSERT_FALSE(s.frameworks.empty());
  const kz::Expected<kz::CoalitionAnalysis> run = kz::AnalyzeCoalition(s, s.frameworks[0].id, {});
  ASSERT_TRUE(run.ok()) << run.problems().front().ToString();
  const kz::CoalitionAnalysis& a = run.value();
  kz::CoalitionView v;
  v.done = true;
  v.framework = a.frameworkId;
  v.candidates = a.candidates;
  v.regions = a.regionIds;
  v.subsetValue = a.subsetValue;
  v.known.assign(a.subsetValue.size(), true);
  v.shapley = a.shapley;
  v.gainInside = a.gainInside;
  v.gainOutside = a.gainOutside;
  v.incentiveToJoin = a.incentiveToJoin;
  v.inCore = a.core.inCore;
  v.excess = a.core.excess;
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    if (a.core.blockingCoalition & (1u << i)) v.largestExcessCoalition.push_back(a.candidates[i]);
  }
  v.nonMemberEffect = a.nonMemberEffect;
  v.nonMemberEffectByRegion = a.nonMemberEffectByRegion;
  for (const Language language : {Language::English, Language::Japanese}) {
    const UiText words(language);
    const kz::CoalitionText t = kz::DescribeCoalition(v, s, words);
    ASSERT_TRUE(t.ready);
    EXPECT_EQ(t.frameworkName, words.LocalName(s.frameworks[0].name, s.frameworks[0].id));
    if (t.most >= 0) {
      for (const kz::CoalitionMemberText& m : t.members) EXPECT_LE(m.ownGain, t.members[static_cast<std::size_t>(t.most)].ownGain);
      for (const kz::CoalitionMemberText& m : t.members) EXPECT_GE(m.ownGain, t.members[static_cast<std::size_t>(t.least)].ownGain);
    }
    EXPECT_EQ(t.stability.text, a.core.inCore ? words.Tr("analysis.coalition.text.stable") : t.stability.text);
    for (const kz::CoalitionMemberText& m : t.members) {
      EXPECT_FALSE(m.sentence.text.empty());
      EXPECT_EQ(m.sentence.text.find('{'), std::string::npos) << m.sentence.text;
      EXPECT_FALSE(Contains(m.sentence.text, "v(")) << m.sentence.text;
    }
  }
}

}  // namespace
