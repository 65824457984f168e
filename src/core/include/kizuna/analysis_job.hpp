// Analyses in steps: Monte Carlo, coalition analysis and sensitivity started from JSON options and
// run a chunk at a time, so a caller (the app's Web Worker) can report progress, show partial
// results and stop between chunks. Monte Carlo chunks are shards merged exactly, coalition chunks
// batches of subsets, sensitivity chunks levers: any chunking gives the one-shot result bit for bit.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// The most Monte Carlo runs a job accepts (memory holds every run's scalars).
inline constexpr int kMaxAnalysisRuns = 100000;
/// The most parts (options.partCount) a job can be split into.
inline constexpr int kMaxAnalysisParts = 64;

/// One analysis in progress. Not copyable; not thread-safe (one caller steps it).
///
/// Options (a JSON object; absent fields take the defaults; unknown fields are problems):
///   montecarlo:  runs (1..kMaxAnalysisRuns, default 200), seed (whole number, default the
///                scenario's), chunkRuns (runs per step, default runs / 20 rounded up, at least 10),
///                shortfallThreshold (0..1, default 0.1)
///   coalition:   framework (id; may be omitted when the scenario has exactly one), candidates
///                (region ids, default the framework's members), chunkSubsets (default 2^n / 32
///                rounded up)
///   sensitivity: metric (as SensitivityOptions, default "loss"), levers (lever paths, or objects
///                { path, low, high }; default every lever), spread (0..1, default 0.5),
///                chunkLevers (default 1)
///   every kind:  partIndex (0..partCount-1, default 0) and partCount (1..kMaxAnalysisParts, default
///                1): the job computes only that part of the work, for a pool of workers running the
///                parts in parallel (Monte Carlo runs ShardRuns(runs, partIndex, partCount); coalition
///                subsets 1..2^n-1 and sensitivity levers split the same way; a part may be empty).
///                The part's result leaves through ExportPart(); the job of part 0 takes the others
///                in order through AbsorbPart() and then gives the one-shot Json() bit for bit.
///
/// Json() is an object { kind, done, fraction, ... } followed by the kind's fields:
///   montecarlo:  runsRequested plus SaveMonteCarloSummaryJson's fields (over the runs done so far;
///                the results hash only when done)
///   coalition:   subsets, subsetsDone; when done SaveCoalitionAnalysisJson's fields, before that
///                framework, candidates, regions and subsetValue (null for subsets not yet run)
///   sensitivity: levers, leversDone plus SaveSensitivityJson's fields (rows done so far)
class AnalysisJob {
 public:
  virtual ~AnalysisJob() = default;
  AnalysisJob(const AnalysisJob&) = delete;
  AnalysisJob& operator=(const AnalysisJob&) = delete;

  /// Runs the next chunk. Returns problems if it failed (the job is then finished and unusable).
  /// Calling it when Done() does nothing.
  virtual std::vector<Problem> Step() = 0;
  /// Every chunk of this job's part has run (for a job of the whole analysis, or part 0 once it
  /// has absorbed every other part: the result is final).
  virtual bool Done() const = 0;
  /// Share of the work done, 0..1.
  virtual double Fraction() const = 0;
  /// The result so far (partial before Done()) as JSON; see above. Its `done` is true only for the
  /// whole analysis.
  virtual std::string Json() const = 0;

  /// This job's computed part (parts absorbed included) as compact bytes for AbsorbPart of the job
  /// holding the parts before it. Empty if the job failed. Call it once Done().
  virtual std::string ExportPart() const = 0;
  /// Appends the next part: ExportPart() of the job of part k + 1 of the same analysis (same kind,
  /// scenario and options but partIndex), when this job holds parts ..k and is Done(). Problems if
  /// the bytes are not that part; the job is unchanged then. Once it holds every part, Json() is
  /// that of the one-shot job bit for bit (the parts merge exactly as chunks do).
  virtual std::vector<Problem> AbsorbPart(std::string_view bytes) = 0;

 protected:
  AnalysisJob() = default;
};

/// Starts an analysis of `scenario`. `kind` is "montecarlo", "coalition" or "sensitivity". Problems:
/// `kind` (unknown), `options` (not a JSON object), `options.<field>` (wrong type or out of range,
/// unknown field) and the analysis's own (the scenario's validation, `framework`, `candidates[i]`,
/// `metric`, lever paths). Checks everything and runs baselines before returning, so a job that
/// starts only fails in Step() on an internal error.
Expected<std::unique_ptr<AnalysisJob>> StartAnalysis(std::string_view kind, const Scenario& scenario,
                                                     std::string_view optionsJson);

/// As above, from scenario JSON (kizuna/scenario_json.hpp, without a base).
Expected<std::unique_ptr<AnalysisJob>> StartAnalysis(std::string_view kind, std::string_view scenarioJson,
                                                     std::string_view optionsJson);

}  // namespace kz
