// The headline against the chart it sits above, for every bundled preset: the same subject, the
// same worst value and month in the chart's own words, a recovery that the chart's line bears out,
// the findings' lead on the same figure and month, and the findings' value lost; honest comparisons (a framework preset opens against itself without
// the framework, a load resets the comparison, A vs B on other shocks is warned).
#include "state/headline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/levers.hpp"
#include "state/chart_data.hpp"

namespace {

using kz::ChartMetric;

std::string Text(const std::string& id) { return kz::test::ReadBundledText(id).value(); }

bool Loads(kz::Session& session, const std::string& id) {
  const std::vector<kz::Problem> problems = session.Load(Text(id), Text("default-world"));
  for (const kz::Problem& p : problems) ADD_FAILURE() << id << ": " << p.ToString();
  return problems.empty();
}

const kz::ChartSeries* SeriesOf(const kz::ChartData& data, const std::string& id) {
  for (const kz::ChartSeries& s : data.series) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const kz::HeadlineFigure* FigureOf(const kz::Headline& h, const std::string& id) {
  for (const kz::HeadlineFigure& f : h.figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool Filled(const std::string& text) { return !text.empty() && text.find('{') == std::string::npos; }

// What the headline says is what the chart (opened on the subject, as a load does) shows.
void ExpectHeadlineAgreesWithChart(const kz::Session& session, const kz::UiText& words, const std::string& id) {
  SCOPED_TRACE(id);
  const kz::Headline h = kz::HeadlineOf(session, words);
  ASSERT_TRUE(h.shown);
  ASSERT_GE(h.figures.size(), 3u);
  const kz::ChartData chart = kz::ChartDataOf(session, kz::ChartPanelState{ChartMetric::Fulfilment, false}, words);
  EXPECT_EQ(chart.good, h.goodId) << "the chart opens on the headline's subject";
  EXPECT_EQ(chart.region, h.regionId);
  const kz::ChartSeries* line = SeriesOf(chart, h.regionId);
  ASSERT_NE(line, nullptr) << "the subject's line is drawn";
  // The lowest value, told from the first month that reaches it (later months a rounding lower,
  // as a level held at a reserve's trigger is, do not move it).
  const double lowestValue = *std::min_element(line->values.begin(), line->values.end());
  const auto lowest = std::find_if(line->values.begin(), line->values.end(),
                                   [&](double v) { return v < lowestValue + 1e-9; });
  EXPECT_EQ(*lowest, h.worstShare);
  EXPECT_EQ(lowest - line->values.begin(), h.worstMonth);
  EXPECT_EQ(FigureOf(h, "worst")->value, line->text[static_cast<std::size_t>(h.worstMonth)]) << "the chart's own read-out";
  if (h.shortage) {
    EXPECT_NE(FigureOf(h, "worst")->caption.find(words.MonthLabel(h.worstMonth)), std::string::npos) << FigureOf(h, "worst")->caption;
  }
  const int months = static_cast<int>(line->values.size());
  if (!h.shortage) {
    EXPECT_GE(*lowest, kz::kShortageShare);
  } else if (h.recoveryMonth >= 0) {
    EXPECT_LT(line->values[static_cast<std::size_t>(h.recoveryMonth - 1)], kz::kShortageShare);
    for (int t = h.recoveryMonth; t < months; ++t) EXPECT_GE(line->values[static_cast<std::size_t>(t)], kz::kShortageShare) << "month " << t;
    EXPECT_NE(FigureOf(h, "recovery")->value.find(std::to_string(h.recoveryMonth - h.worstMonth)), std::string::npos);
  } else {
    EXPECT_LT(line->values.back(), kz::kShortageShare);
    EXPECT_NE(FigureOf(h, "recovery")->caption.find(line->text.back()), std::string::npos)
        << "an unrecovered supply says where it stands at the end, as the chart does: " << FigureOf(h, "recovery")->caption;
  }
  const kz::HeadlineFigure* loss = FigureOf(h, "loss");
  ASSERT_NE(loss, nullptr);
  if (kz::RoundHalfAwayFromZero(h.valueLostUsd) > 0.0) {  // nothing lost: the findings say so in words
    EXPECT_NE(session.findings().paragraph.find(loss->value), std::string::npos) << "the findings' figure: " << loss->value;
  }
  // The findings' lead, when it tells the subject's trough, gives the figure and month above it.
  const kz::Finding& lead = session.findings().items.front();
  if (lead.kind == kz::FindingKind::Trough && lead.region == h.regionId && lead.good == h.goodId) {
    EXPECT_EQ(lead.values.front(), h.worstShare) << "the lead's share: " << session.findings().paragraph;
    EXPECT_EQ(lead.months.front(), h.worstMonth) << "the lead's month: " << session.findings().paragraph;
    EXPECT_NE(lead.text.find(FigureOf(h, "worst")->value), std::string::npos) << lead.text;
  }
  for (const kz::HeadlineFigure& f : h.figures) {
    EXPECT_TRUE(Filled(f.value)) << f.id << ": " << f.value;
    EXPECT_TRUE(Filled(f.caption)) << f.id << ": " << f.caption;
  }
}

TEST(Headline, AgreesWithTheChartForEveryBundledPresetInBothLanguages) {
  for (const std::string& id : kz::test::BundledScenarioIds()) {
    kz::Session session;
    if (!Loads(session, id)) continue;
    ExpectHeadlineAgreesWithChart(session, kz::UiText(kz::Language::English), id);
    session.SetLanguage(kz::Language::Japanese);
    ExpectHeadlineAgreesWithChart(session, kz::UiText(kz::Language::Japanese), id + " (ja)");
  }
}

TEST(Headline, TellsTheScenariosSubjectNotTheLargestNumberAnywhere) {
  kz::Session session;
  ASSERT_TRUE(Loads(session, "re-2010-japan"));
  const kz::Headline h = kz::HeadlineOf(session, kz::UiText());
  EXPECT_EQ(h.regionId, "JP");
  EXPECT_EQ(h.goodId, "re_oxide");
  EXPECT_EQ(session.findings().items.front().region, "JP") << "the findings lead with the subject: " << session.findings().paragraph;
  EXPECT_EQ(session.findings().items.front().good, "re_oxide");
  EXPECT_NE(FigureOf(h, "worst")->caption.find("Japan"), std::string::npos) << FigureOf(h, "worst")->caption;
}

TEST(Headline, EveryStoryPresetNamesItsSubjectAndFiveToTenDialsThatExist) {
  for (const std::string& id : kz::test::BundledScenarioIds()) {
    if (id == "default-world") continue;  // the world the presets build on, not a story
    SCOPED_TRACE(id);
    const kz::Scenario s = kz::test::LoadBundled(id);
    EXPECT_FALSE(s.presentation.subjectRegion.empty());
    EXPECT_GE(s.presentation.dials.size(), 5u);
    EXPECT_LE(s.presentation.dials.size(), 10u);
    for (const std::string& dial : s.presentation.dials) EXPECT_TRUE(kz::GetLever(s, dial)) << dial;
  }
}

TEST(Comparison, AFrameworkPresetOpensAgainstItselfWithoutTheFramework) {
  kz::Session session;
  ASSERT_TRUE(Loads(session, "us-jp-steering-committee"));
  EXPECT_EQ(session.comparison(), kz::Comparison::WithoutFrameworks);
  kz::Scenario without = session.scenario();
  without.frameworks.clear();
  kz::Expected<kz::Simulation> simulation = kz::Simulation::Create(without);
  ASSERT_TRUE(simulation);
  kz::Results expected;
  simulation.value().Run(expected);
  ASSERT_NE(session.comparisonResults(), nullptr);
  EXPECT_EQ(session.comparisonResults()->fulfilment, expected.fulfilment);
  const kz::Headline h = kz::HeadlineOf(session, kz::UiText());
  ASSERT_NE(FigureOf(h, "difference"), nullptr);
  EXPECT_NE(FigureOf(h, "difference")->caption.find("Without this framework"), std::string::npos) << FigureOf(h, "difference")->caption;
  EXPECT_NE(FigureOf(h, "difference")->caption.find(h.aName), std::string::npos) << "A and B are named";
  EXPECT_TRUE(h.warning.empty());
  // A scenario without frameworks opens against no shocks, and cannot pick "without the framework".
  ASSERT_TRUE(Loads(session, "re-2010-japan"));
  EXPECT_EQ(session.comparison(), kz::Comparison::NoEvents);
  session.SetComparison(kz::Comparison::WithoutFrameworks);
  EXPECT_EQ(session.comparison(), kz::Comparison::NoEvents);
}

TEST(Comparison, LoadingAPresetResetsTheComparison) {
  kz::Session session;
  ASSERT_TRUE(Loads(session, "re-2010-japan"));
  ASSERT_TRUE(session.SetComparisonScenario(Text("us-jp-steering-committee"), Text("default-world")).empty());
  ASSERT_TRUE(Loads(session, "us-jp-steering-committee"));
  EXPECT_EQ(session.comparison(), kz::Comparison::WithoutFrameworks) << "not compared with itself ('unchanged')";
  EXPECT_TRUE(session.comparisonId().empty());
}

TEST(Comparison, AVersusBOnOtherShocksIsWarnedByName) {
  kz::Session session;
  ASSERT_TRUE(Loads(session, "us-jp-steering-committee"));
  ASSERT_TRUE(session.SetComparisonScenario(Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_TRUE(session.comparisonMismatch().any());
  EXPECT_FALSE(session.comparisonMismatch().shocks.empty());
  const std::string warning = session.ComparisonWarning();
  EXPECT_NE(warning.find("different shocks"), std::string::npos) << warning;
  EXPECT_NE(warning.find(session.comparisonTitle()), std::string::npos) << "B is named: " << warning;
  EXPECT_EQ(kz::HeadlineOf(session, kz::UiText()).warning, warning);
  EXPECT_NE(kz::HeadlineOf(session, kz::UiText(kz::Language::Japanese)).bName, "");
  // The same scenario as B: nothing to warn of.
  ASSERT_TRUE(session.SetComparisonScenario(Text("us-jp-steering-committee"), Text("default-world")).empty());
  EXPECT_FALSE(session.comparisonMismatch().any());
  EXPECT_EQ(session.ComparisonWarning(), "");
}

}  // namespace
