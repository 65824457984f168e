// The headline (see headline.hpp): the subject's series as the chart draws it, the findings' value
// lost, and the comparison's difference, each worded through the catalogs.
#include "state/headline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kizuna/findings.hpp"
#include "state/chart_data.hpp"

namespace kz {
namespace {

// Lowest point of the subject's fulfilment and the first month after which it stays at or above
// the shortage threshold: the same numbers the chart's line shows.
void MeasureSeries(const Results& r, Headline& h) {
  const LowestShare lowest = LowestShareMet(r, h.region, h.good);  // the chart's fulfilment line
  h.worstShare = lowest.share;
  h.worstMonth = lowest.month;
  h.endShare = MetricValue(r, ChartMetric::Fulfilment, r.months - 1, h.region, h.good);
  h.shortage = h.worstShare < kShortageShare;
  if (!h.shortage) return;
  int lastShort = h.worstMonth;
  for (int t = h.worstMonth; t < r.months; ++t) {
    if (MetricValue(r, ChartMetric::Fulfilment, t, h.region, h.good) < kShortageShare) lastShort = t;
  }
  h.recoveryMonth = lastShort == r.months - 1 ? -1 : lastShort + 1;
}

// Value added lost worldwide, and the comparison's, as the findings measured them.
void ReadValueLost(const Findings& findings, Headline& h) {
  h.valueLostUsd = std::numeric_limits<double>::quiet_NaN();
  for (const Finding& f : findings.items) {
    if (f.kind != FindingKind::TotalLoss || f.values.empty()) continue;
    h.valueLostUsd = f.values[0];
    if (f.values.size() > 1) {
      h.hasComparison = true;
      h.comparisonValueLostUsd = f.values[1];
    }
  }
}

HeadlineFigure WorstFigure(const Session& session, const Headline& h, const UiText& words) {
  const Scenario& s = session.scenario();
  const std::string good = ChartGoodLabel(s, h.good, words);
  const std::string region = ChartRegionName(s, h.region, words);
  if (!h.shortage) {
    return {"worst", FormatMetric(ChartMetric::Fulfilment, h.worstShare, words),
            words.TrFormat("headline.no-shortage-caption", {{"good", good}, {"region", region}})};
  }
  return {"worst", FormatMetric(ChartMetric::Fulfilment, h.worstShare, words),
          words.TrFormat("headline.worst-caption", {{"good", good}, {"region", region}, {"month", words.MonthLabel(h.worstMonth)}})};
}

HeadlineFigure RecoveryFigure(const Session& session, const Headline& h, const UiText& words) {
  if (!h.shortage) return {"recovery", words.Tr("headline.no-recovery-needed"), words.Tr("headline.no-recovery-needed-caption")};
  if (h.recoveryMonth < 0) {
    const int last = session.results().months - 1;
    return {"recovery", words.Tr("headline.no-recovery-value"),
            words.TrFormat("headline.no-recovery-caption", {{"share", FormatMetric(ChartMetric::Fulfilment, h.endShare, words)},
                                                            {"month", words.MonthLabel(last)}})};
  }
  const int months = h.recoveryMonth - h.worstMonth;
  return {"recovery", months == 1 ? std::string(words.Tr("headline.recovery-value-one"))
                                  : words.TrFormat("headline.recovery-value", {{"months", std::to_string(months)}}),
          words.TrFormat("headline.recovery-caption", {{"month", words.MonthLabel(h.recoveryMonth)}})};
}

// A's loss against B's in words: "$1.1 billion less lost", "A vs B".
HeadlineFigure DifferenceFigure(const Headline& h, const UiText& words) {
  const double change = h.valueLostUsd - h.comparisonValueLostUsd;
  const double scale = std::max(std::fabs(h.valueLostUsd), std::fabs(h.comparisonValueLostUsd));
  const std::string money = words.MoneyLabel(std::fabs(change));
  std::string value;
  if (RoundHalfAwayFromZero(std::fabs(change)) <= 0.0 || std::fabs(change) < 5e-4 * scale) {
    value = words.Tr("headline.difference-same");
  } else {
    value = words.TrFormat(change < 0.0 ? "headline.difference-less" : "headline.difference-more", {{"money", money}});
  }
  return {"difference", value, words.TrFormat("headline.difference-caption", {{"a", h.aName}, {"b", h.bName}})};
}

}  // namespace

Headline HeadlineOf(const Session& session, const UiText& words) {
  Headline h;
  if (!session.loaded()) return h;
  const Scenario& s = session.scenario();
  const Results& r = session.results();
  h.shown = true;
  const StorySubject subject = SubjectOf(s, r);
  h.region = subject.region;
  h.good = subject.good;
  h.regionId = r.regionIds[static_cast<std::size_t>(h.region)];
  h.goodId = r.goodIds[static_cast<std::size_t>(h.good)];
  MeasureSeries(r, h);
  ReadValueLost(session.findings(), h);
  h.aName = words.LocalName(s.title, s.id);
  h.bName = session.ComparisonDisplayName();
  h.hasComparison = h.hasComparison && session.comparisonResults() != nullptr;
  h.warning = session.ComparisonWarning();
  h.figures.push_back(WorstFigure(session, h, words));
  h.figures.push_back(RecoveryFigure(session, h, words));
  if (std::isfinite(h.valueLostUsd)) h.figures.push_back({"loss", words.MoneyLabel(h.valueLostUsd), words.Tr("headline.loss-caption")});
  if (h.hasComparison && std::isfinite(h.valueLostUsd)) h.figures.push_back(DifferenceFigure(h, words));
  return h;
}

}  // namespace kz
