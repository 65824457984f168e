// One-at-a-time sensitivity (docs/MODEL.md, section 4, "Analyses"): each chosen lever is set to a low and a high
// value on a copy of the scenario, the copy is run, and a chosen metric is compared; the rows,
// sorted by swing, are the data of a tornado chart.
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/progress.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// A lever to vary. NaN low/high (the default) mean "the current value -/+ `spread` of it",
/// clamped to the lever's range (ListLevers) and rounded for whole-number levers.
struct SensitivityLever {
  std::string path;   ///< a lever path (kizuna/levers.hpp)
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
};

struct SensitivityOptions {
  /// `loss` (total USD, all regions and goods), `loss.<region>` (USD), `welfare.<region>` (USD,
  /// RegionWelfare), `shortfall.<region>.<good>` (peak shortfall share, 0..1),
  /// `price.<region>.<good>` (peak price index).
  std::string metric = "loss";
  std::vector<SensitivityLever> levers;  ///< empty = every lever of the scenario
  double spread = 0.5;                   ///< default low/high: value x (1 - spread), value x (1 + spread)
};

/// One lever's row of the tornado.
struct SensitivityRow {
  std::string path;
  std::string label;          ///< LeverInfo::label
  double value = 0.0;         ///< the lever's current value
  double low = 0.0;           ///< the low setting actually used
  double high = 0.0;          ///< the high setting actually used
  double metricLow = 0.0;     ///< the metric with the lever at `low`
  double metricHigh = 0.0;    ///< the metric with the lever at `high`
  double swing = 0.0;         ///< |metricHigh - metricLow|
};

struct SensitivityResults {
  std::string metric;
  double baseline = 0.0;             ///< the metric of the scenario as given
  std::vector<SensitivityRow> rows;  ///< by swing, largest first; equal swings keep lever order
};

/// Runs the analysis. Problems: the scenario's validation problems, an unknown metric (path
/// "metric", naming it), unknown levers or rejected low/high values (path = the lever path).
/// Cancelling through `progress` returns { {"", "cancelled"} }.
Expected<SensitivityResults> RunSensitivity(const Scenario& scenario, const SensitivityOptions& options,
                                            const Progress& progress = {});

/// RunSensitivity cut into steps, for callers that report or stop between them (the app's Web
/// Worker): Start validates, runs the baseline and resolves every lever's settings; RunLevers runs
/// the next levers (two runs each); Finish sorts the rows. RunSensitivity drives the same code.
class SensitivityAnalyzer {
 public:
  /// Problems as RunSensitivity's, reported before any lever is run.
  static Expected<SensitivityAnalyzer> Start(const Scenario& scenario, const SensitivityOptions& options);

  int LeverCount() const { return static_cast<int>(rows.size()); }
  int LeversDone() const { return static_cast<int>(done); }
  bool AllLeversDone() const { return done == rows.size(); }
  /// Runs up to `count` (>= 1) more levers, in the order given (or scenario order).
  std::vector<Problem> RunLevers(int count);
  /// For a part of the analysis run elsewhere in parallel (AnalysisJob parts): the next lever run is
  /// lever `first` (>= LeversDone(), <= LeverCount()).
  void SkipTo(int first);
  /// Takes the computed rows of levers [first, first + rows.size()) from another analyzer started
  /// with the same options. Requires first == LeversDone(); as if they had run here.
  void AddRows(int first, const std::vector<SensitivityRow>& computed);
  /// The rows in lever order, [0, LeversDone()) computed.
  const std::vector<SensitivityRow>& Rows() const { return rows; }
  /// The levers done so far, sorted by swing as in the final result.
  SensitivityResults Partial() const;
  /// The complete results. Requires AllLeversDone().
  SensitivityResults Finish() const;

 private:
  SensitivityAnalyzer() = default;
  Scenario scenario;
  std::string metric;
  double baseline = 0.0;
  std::vector<SensitivityRow> rows;  // in lever order; [0, done) are computed
  std::size_t done = 0;
  Results results;                   // reused by every run
};

/// JSON of sensitivity results: { metric, unit, baseline, rows: [{ path, label, value, low, high,
/// metricLow, metricHigh, swing }] }, unit from the metric ("USD", "share" or "index"); numbers
/// round-trip, non-finite ones are null.
std::string SaveSensitivityJson(const SensitivityResults& results);

/// One tornado row as a sensitivity job's JSON carries it.
struct SensitivityRowView {
  std::string path;
  std::string label;
  double value = 0.0;
  double low = 0.0;
  double high = 0.0;
  double metricLow = 0.0;
  double metricHigh = 0.0;
  double swing = 0.0;
};

/// Tornado rows, largest swing first (the levers done so far while running), read back for the app.
struct SensitivityView {
  bool done = false;
  int levers = 0;
  int leversDone = 0;
  std::string metric;
  std::string unit;  ///< "USD", "share" or "index"
  double baseline = 0.0;
  std::vector<SensitivityRowView> rows;
};

/// Reads AnalysisJob::Json() of a sensitivity job (kizuna/analysis_job.hpp: its envelope plus
/// SaveSensitivityJson's fields), partial or final. Problems name the JSON path.
Expected<SensitivityView> LoadSensitivityViewJson(std::string_view json);

/// The unit of a metric (as in SensitivityOptions): "USD" for loss and welfare, "share" for shortfall,
/// "index" for price, "" when unknown.
std::string MetricUnit(std::string_view metric);

/// The value of `metric` (as in SensitivityOptions) for `results` of `scenario`, or one problem
/// naming the metric.
Expected<double> EvaluateMetric(const Results& results, std::string_view metric);

}  // namespace kz
