// One-at-a-time sensitivity (see sensitivity.hpp): validate once, then per lever two runs of a copy
// changed only through SetLever (which keeps a valid scenario valid, so compiling skips validation).
// RunSensitivity drives SensitivityAnalyzer one lever at a time, so stepped callers get the same rows.
#include "kizuna/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "kizuna/assert.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/validate.hpp"
#include "kizuna/welfare.hpp"

namespace kz {
namespace {

int IndexOf(const std::vector<std::string>& ids, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string_view> SplitDots(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

std::vector<Problem> UnknownMetric(std::string_view metric, const std::string& why) {
  return {Problem{"metric", "unknown metric '" + std::string(metric) + "': " + why}};
}

}  // namespace

Expected<double> EvaluateMetric(const Results& results, std::string_view metric) {
  const std::vector<std::string_view> parts = SplitDots(metric);
  const std::string_view name = parts[0];
  const char* kForms =
      "use loss, loss.<region>, welfare.<region>, shortfall.<region>.<good> or price.<region>.<good>";
  if (name == "loss" && parts.size() == 1) {
    double total = 0.0;
    for (const double loss : SumByRegion(results).loss) total += loss;
    return total;
  }
  if ((name == "loss" || name == "welfare") && parts.size() == 2) {
    const int r = IndexOf(results.regionIds, parts[1]);
    if (r < 0) return UnknownMetric(metric, "no region '" + std::string(parts[1]) + "'");
    if (name == "loss") return SumByRegion(results).loss[static_cast<std::size_t>(r)];
    return RegionWelfare(results)[static_cast<std::size_t>(r)];
  }
  if ((name == "shortfall" || name == "price") && parts.size() == 3) {
    const int r = IndexOf(results.regionIds, parts[1]);
    if (r < 0) return UnknownMetric(metric, "no region '" + std::string(parts[1]) + "'");
    const int g = IndexOf(results.goodIds, parts[2]);
    if (g < 0) return UnknownMetric(metric, "no good '" + std::string(parts[2]) + "'");
    const Metrics& m = results.MetricsOf(r, g);
    return name == "shortfall" ? m.peakShortfall : m.peakPrice;
  }
  return UnknownMetric(metric, kForms);
}

Expected<SensitivityAnalyzer> SensitivityAnalyzer::Start(const Scenario& scenario, const SensitivityOptions& options) {
  if (std::vector<Problem> problems = ValidateScenario(scenario); !problems.empty()) return problems;
  SensitivityAnalyzer a;
  Expected<Simulation> baseSimulation = Simulation::Create(scenario, Simulation::Validation::Skip);
  if (!baseSimulation) return baseSimulation.problems();
  baseSimulation.value().Run(a.results);
  Expected<double> baseline = EvaluateMetric(a.results, options.metric);
  if (!baseline) return baseline.problems();  // an unknown metric fails before any lever is run

  const std::vector<LeverInfo> all = ListLevers(scenario);
  std::vector<SensitivityLever> chosen = options.levers;
  if (chosen.empty()) {
    for (const LeverInfo& lever : all) chosen.push_back(SensitivityLever{lever.path});
  }

  // Resolve every lever and its settings first, so bad input is reported before minutes of runs.
  std::vector<Problem> problems;
  for (const SensitivityLever& lever : chosen) {
    const auto info = std::find_if(all.begin(), all.end(), [&](const LeverInfo& l) { return l.path == lever.path; });
    if (info == all.end()) {
      problems.push_back(Problem{lever.path.empty() ? std::string() : lever.path,
                                 lever.path.empty() ? "a lever path is required" : "unknown lever"});
      continue;
    }
    auto setting = [&](double given, double factor) {
      if (!std::isnan(given)) return given;  // explicit values are checked by SetLever, not clamped
      double value = std::clamp(info->value * factor, info->min, info->max);
      if (info->integer) value = std::clamp(std::floor(value + 0.5), std::ceil(info->min), std::floor(info->max));
      return value;
    };
    SensitivityRow row;
    row.path = info->path;
    row.label = info->label;
    row.value = info->value;
    row.low = setting(lever.low, 1.0 - options.spread);
    row.high = setting(lever.high, 1.0 + options.spread);
    a.rows.push_back(std::move(row));
  }
  if (!problems.empty()) return problems;
  a.scenario = scenario;
  a.metric = options.metric;
  a.baseline = baseline.value();
  return a;
}

std::vector<Problem> SensitivityAnalyzer::RunLevers(int count) {
  for (int step = 0; step < count && done < rows.size(); ++step, ++done) {
    SensitivityRow& row = rows[done];
    for (const bool high : {false, true}) {
      Scenario copy = scenario;
      std::vector<Problem> setProblems = SetLever(copy, row.path, high ? row.high : row.low);
      if (!setProblems.empty()) return setProblems;
      // Skip: SetLever keeps a valid scenario valid (levers.hpp).
      Expected<Simulation> simulation = Simulation::Create(copy, Simulation::Validation::Skip);
      if (!simulation) return simulation.problems();
      simulation.value().Run(results);
      Expected<double> value = EvaluateMetric(results, metric);
      if (!value) return value.problems();
      (high ? row.metricHigh : row.metricLow) = value.value();
    }
    row.swing = std::fabs(row.metricHigh - row.metricLow);
  }
  return {};
}

void SensitivityAnalyzer::SkipTo(int first) {
  KZ_ASSERT(first >= LeversDone() && first <= LeverCount(), "SensitivityAnalyzer::SkipTo outside the levers not run");
  done = static_cast<std::size_t>(first);
}

void SensitivityAnalyzer::AddRows(int first, const std::vector<SensitivityRow>& computed) {
  KZ_ASSERT(first == LeversDone() && first + static_cast<int>(computed.size()) <= LeverCount(),
            "SensitivityAnalyzer::AddRows: not the next levers");
  std::copy(computed.begin(), computed.end(), rows.begin() + first);
  done += computed.size();
}

SensitivityResults SensitivityAnalyzer::Partial() const {
  SensitivityResults out{metric, baseline, std::vector<SensitivityRow>(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(done))};
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const SensitivityRow& a, const SensitivityRow& b) { return a.swing > b.swing; });
  return out;
}

SensitivityResults SensitivityAnalyzer::Finish() const {
  KZ_ASSERT(AllLeversDone(), "SensitivityAnalyzer::Finish called before every lever was run (RunLevers)");
  return Partial();
}

Expected<SensitivityResults> RunSensitivity(const Scenario& scenario, const SensitivityOptions& options,
                                            const Progress& progress) {
  Expected<SensitivityAnalyzer> started = SensitivityAnalyzer::Start(scenario, options);
  if (!started) return started.problems();
  SensitivityAnalyzer& analyzer = started.value();
  while (!analyzer.AllLeversDone()) {
    if (std::vector<Problem> problems = analyzer.RunLevers(1); !problems.empty()) return problems;
    if (progress && !progress(static_cast<double>(analyzer.LeversDone()) / static_cast<double>(analyzer.LeverCount()))) {
      return std::vector<Problem>{{"", "cancelled"}};
    }
  }
  return analyzer.Finish();
}

std::string MetricUnit(std::string_view metric) {
  const std::string_view name = metric.substr(0, metric.find('.'));
  if (name == "loss" || name == "welfare") return "USD";
  if (name == "shortfall") return "share";
  if (name == "price") return "index";
  return "";
}

}  // namespace kz
