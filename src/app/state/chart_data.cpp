// The chart's data (see chart_data.hpp).
#include "state/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kizuna/findings.hpp"
#include "state/catalog.hpp"

namespace kz {

const char* MetricName(ChartMetric metric, const UiText& text) {
  switch (metric) {
    case ChartMetric::Fulfilment: return text.Tr("chart.fulfilment");
    case ChartMetric::Price: return text.Tr("chart.price");
    case ChartMetric::Stockpile: return text.Tr("chart.stock");
    case ChartMetric::Loss: return text.Tr("chart.loss");
  }
  return "";
}

std::string ChartRegionName(const Scenario& s, int region, const UiText& text) {
  const Region& r = s.regions[static_cast<std::size_t>(region)];
  return text.LocalName(r.name, r.id);
}

std::string ChartGoodLabel(const Scenario& s, int good, const UiText& text) {
  const Good& g = s.goods[static_cast<std::size_t>(good)];
  return text.LocalName(g.name, g.id);
}

AxisTicks NiceTicks(double maxValue, int wantedTicks) {
  if (!(maxValue > 0.0) || !std::isfinite(maxValue)) return {};
  const double raw = maxValue / std::max(1, wantedTicks);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  return AxisTicks{std::ceil(maxValue / step - 1e-9) * step, step};
}

std::string FormatMetricDelta(ChartMetric metric, double value, const UiText& words) {
  if (std::fabs(value) < 1e-12) value = 0.0;  // no "-0"
  char text[32];
  switch (metric) {
    case ChartMetric::Fulfilment: std::snprintf(text, sizeof text, "%+.0f", value * 100.0); return words.TrFormat("chart.points", {{"number", text}});
    case ChartMetric::Price: std::snprintf(text, sizeof text, "%+.2fx", value); break;
    case ChartMetric::Stockpile: std::snprintf(text, sizeof text, "%+.3g", value); break;
    case ChartMetric::Loss: return words.MoneyAxisLabel(value, true);
  }
  return text;
}

std::string FormatMetric(ChartMetric metric, double value, const UiText& words) {
  char text[32];
  switch (metric) {
    // As the findings word it: a supply short by less than half a point reads "99.6%", not "100%".
    case ChartMetric::Fulfilment: return FormatPercent(value);
    case ChartMetric::Price: std::snprintf(text, sizeof text, "%.1fx", value); break;
    case ChartMetric::Stockpile: std::snprintf(text, sizeof text, "%.3g", value); break;
    case ChartMetric::Loss: return words.MoneyAxisLabel(value, false);
  }
  return text;
}

double MetricValue(const Results& r, ChartMetric metric, int t, int region, int good) {
  const std::size_t i = r.Index(t, region, good);
  switch (metric) {
    case ChartMetric::Fulfilment: return r.fulfilment[i];
    case ChartMetric::Price: return r.price[i];
    case ChartMetric::Stockpile: return r.stockpile[i];
    case ChartMetric::Loss: return r.loss[i];
  }
  return 0.0;
}

std::vector<int> RegionsUsing(const Results& r, int good) {
  std::vector<int> regions;
  for (int region = 0; region < r.regions; ++region) {
    for (int t = 0; t < r.months; ++t) {
      const std::size_t i = r.Index(t, region, good);
      if (r.deliveries[i] > 0.0 || r.finalDemand[i] > 0.0 || r.fulfilment[i] < 1.0) {
        regions.push_back(region);
        break;
      }
    }
  }
  return regions;
}

namespace {

const char* MetricKey(ChartMetric metric) {
  switch (metric) {
    case ChartMetric::Fulfilment: return "fulfilment";
    case ChartMetric::Price: return "price";
    case ChartMetric::Stockpile: return "stockpile";
    case ChartMetric::Loss: return "loss";
  }
  return "";
}

ChartSeries SeriesOf(const SeriesSource& source, int months, int region, int good, std::string id, std::string name) {
  ChartSeries series{std::move(id), std::move(name), {}, {}};
  for (int t = 0; t < months; ++t) {
    series.values.push_back(source.At(t, region, good));
    series.text.push_back(source.Format(series.values.back()));
  }
  return series;
}

}  // namespace

ChartData ChartDataOf(const Session& session, const ChartPanelState& state, const UiText& text) {
  ChartData data;
  if (!session.loaded()) return data;
  const Scenario& s = session.scenario();
  const Results& r = session.results();
  const Results* other = session.comparisonResults();
  const Selection& sel = session.selection();
  const SeriesSource source{&r, state.delta ? other : nullptr, state.metric, text};
  data.delta = source.minus != nullptr;
  const std::string otherName = session.ComparisonDisplayName();  // B is named, not "the comparison"
  data.title = std::string(MetricName(state.metric, text)) + (data.delta ? " (difference from " + otherName + ")" : "") + " of " +
               ChartGoodLabel(s, sel.good, text) + " by region";
  data.metric = MetricKey(state.metric);
  const std::string& goodUnit = s.goods[static_cast<std::size_t>(sel.good)].unit;
  data.unit = state.metric == ChartMetric::Fulfilment ? "%" : state.metric == ChartMetric::Price ? "x"
            : state.metric == ChartMetric::Loss ? "USD" : goodUnit;
  data.good = r.goodIds[static_cast<std::size_t>(sel.good)];
  data.region = r.regionIds[static_cast<std::size_t>(sel.region)];
  data.months = r.months;
  for (int region : RegionsUsing(r, sel.good)) {
    data.series.push_back(SeriesOf(source, r.months, region, sel.good, r.regionIds[static_cast<std::size_t>(region)], ChartRegionName(s, region, text)));
  }
  if (other && !data.delta) {  // drawn dashed for the selected region
    data.series.push_back(SeriesOf(SeriesSource{other, nullptr, state.metric, text}, r.months, sel.region, sel.good, "comparison",
                                   otherName + ", " + ChartRegionName(s, sel.region, text)));
  }
  return data;
}

}  // namespace kz
