// The page API's JSON for the accessible data table (page_api.hpp): the chart's series as data, the
// same values the chart plots, and the levers changed from the preset; and a plain load's lever
// values and provenance equal to those of a load with edits undone.
#include "page_api.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "../core/bundled_scenarios.hpp"
#include "panels/panel_chart.hpp"

namespace {

const char* kHalt = "event.cn-halt-japan-2010.fraction";

kz::Session Loaded(const char* id) {
  kz::Session session;
  EXPECT_TRUE(session.Load(kz::test::ReadBundledText(id).value(), kz::test::ReadBundledText("default-world").value()).empty());
  return session;
}

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json.substr(0, 200);
  return doc;
}

TEST(PageApi, ChartDataHoldsThePlottedSeriesAndTheComparisonLine) {
  kz::Session session = Loaded("re-2010-japan");
  const kz::ChartPanelState state;  // fulfilment, no difference view
  const kz::ChartData data = kz::ChartDataOf(session, state, session.Words());
  const kz::Results& r = session.results();
  const kz::Selection& sel = session.selection();
  const std::vector<int> regions = kz::RegionsUsing(r, sel.good);
  ASSERT_EQ(data.series.size(), regions.size() + 1) << "each region using the good, then the comparison";
  EXPECT_EQ(data.months, r.months);
  EXPECT_EQ(data.metric, "fulfilment");
  EXPECT_EQ(data.unit, "%");
  for (std::size_t i = 0; i < regions.size(); ++i) {
    EXPECT_EQ(data.series[i].id, r.regionIds[static_cast<std::size_t>(regions[i])]);
    ASSERT_EQ(data.series[i].values.size(), static_cast<std::size_t>(r.months));
    for (int t = 0; t < r.months; ++t) {
      EXPECT_EQ(data.series[i].values[static_cast<std::size_t>(t)], kz::MetricValue(r, kz::ChartMetric::Fulfilment, t, regions[i], sel.good));
      EXPECT_EQ(data.series[i].text[static_cast<std::size_t>(t)], kz::FormatMetric(kz::ChartMetric::Fulfilment, data.series[i].values[static_cast<std::size_t>(t)], session.Words()));
    }
  }
  EXPECT_EQ(data.series.back().id, "comparison");
  EXPECT_EQ(data.series.back().values.front(), kz::MetricValue(*session.comparisonResults(), kz::ChartMetric::Fulfilment, 0, sel.region, sel.good));
}

TEST(PageApi, DifferenceViewHasNoComparisonLineAndFormatsDeltas) {
  kz::Session session = Loaded("re-2010-japan");
  kz::ChartPanelState state;
  state.metric = kz::ChartMetric::Loss;
  state.delta = true;
  const kz::ChartData data = kz::ChartDataOf(session, state, session.Words());
  ASSERT_FALSE(data.series.empty());
  EXPECT_TRUE(data.delta);
  EXPECT_EQ(data.unit, "USD");
  for (const kz::ChartSeries& series : data.series) EXPECT_NE(series.id, "comparison");
  EXPECT_EQ(data.series.front().text.front(), kz::FormatMetricDelta(kz::ChartMetric::Loss, data.series.front().values.front(), session.Words()));
}

TEST(PageApi, ChartJsonCarriesEverySeries) {
  kz::Session session = Loaded("re-2010-japan");
  const kz::ChartPanelState state;
  const kz::ChartData data = kz::ChartDataOf(session, state, session.Words());
  const rapidjson::Document doc = Parse(kz::ChartJson(session, state));
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(doc["months"].GetInt(), data.months);
  ASSERT_EQ(doc["series"].Size(), data.series.size());
  EXPECT_EQ(std::string(doc["series"][0]["text"][0].GetString()), data.series[0].text[0]);
  EXPECT_EQ(kz::ChartJson(kz::Session(), state), "{}") << "nothing loaded: an empty object";
}

TEST(PageApi, ChangedLeversListsOnlyEditsFromThePreset) {
  kz::Session session = Loaded("re-2010-japan");
  EXPECT_EQ(kz::LeversJson(session, /*changedOnly=*/true), "[]");
  ASSERT_TRUE(session.SetLever(kHalt, 0.25).empty());
  const rapidjson::Document doc = Parse(kz::LeversJson(session, true));
  ASSERT_EQ(doc.Size(), 1u);
  EXPECT_EQ(std::string(doc[0]["path"].GetString()), kHalt);
  EXPECT_EQ(doc[0]["value"].GetDouble(), 0.25);
  EXPECT_EQ(doc[0]["preset"].GetDouble(), *session.PresetValue(kHalt));
  ASSERT_TRUE(session.SetLever(kHalt, *session.PresetValue(kHalt)).empty());
  EXPECT_EQ(kz::LeversJson(session, true), "[]") << "set back to the preset's value: unchanged";
}

TEST(PageApi, APlainLoadListsTheSameLeversAndSourcesAsALinkWithNoEdits) {
  kz::Session loaded = Loaded("re-2010-japan");
  kz::Session viaReplace = Loaded("re-2010-japan");
  ASSERT_TRUE(viaReplace.SetLever(kHalt, 0.5).empty());
  viaReplace.Undo();
  EXPECT_EQ(kz::LeversJson(loaded), kz::LeversJson(viaReplace)) << "values, preset values and sources";
  const rapidjson::Document levers = Parse(kz::LeversJson(loaded));
  int sourced = 0;
  for (const auto& lever : levers.GetArray()) sourced += lever["source"].GetStringLength() > 0 ? 1 : 0;
  EXPECT_GT(sourced, 0) << "sources are resolved on first use";
}

}  // namespace
