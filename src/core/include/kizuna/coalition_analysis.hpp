// Coalition analysis of a coordination framework: who gains from joining, who would rather free-ride,
// and whether the Shapley split of the gains is stable. Every subset of the candidate regions is
// simulated as the framework's membership; welfare changes against the scenario without the
// framework give a cooperative game (coalition.hpp) whose Shapley value and core are reported.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/coalition.hpp"
#include "kizuna/expected.hpp"
#include "kizuna/progress.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

struct NetworkBase;  // network.hpp, private to the core

/// The most candidates AnalyzeCoalition accepts: it runs 2^n simulations (4,096 at 12).
inline constexpr int kMaxCoalitionCandidates = 12;

/// Results of AnalyzeCoalition. Money in USD of welfare (welfare.hpp: minus loss and policy cost over
/// the horizon), as changes against the baseline = the scenario without the framework, so positive
/// is better. Candidate i is bit i of every coalition mask.
struct CoalitionAnalysis {
  std::string frameworkId;
  std::vector<std::string> candidates;  ///< region ids, bit i of a mask = candidates[i]
  std::vector<std::string> regionIds;   ///< every region, in results order (the columns of regionGain)
  std::vector<double> baselineWelfare;  ///< per region, welfare without the framework

  /// Per mask S (2^n entries): the sum of the welfare changes of S's members when exactly S forms the
  /// framework: the characteristic function v(S). subsetValue[0] = 0.
  std::vector<double> subsetValue;
  /// Per mask S and region r, index S * regionIds.size() + r: r's welfare change when S forms the
  /// framework (every region, members or not; row 0 is zeros).
  std::vector<double> regionGain;

  std::vector<double> shapley;  ///< per candidate: the Shapley value of subsetValue
  CoreCheck core;               ///< the Shapley allocation against the core (tolerance 1e-6 x (1 + |v(N)|))

  std::vector<double> gainInside;       ///< per candidate: its own welfare change with every candidate in
  std::vector<double> gainOutside;      ///< per candidate: its welfare change when all the others form it without it (free-riding)
  std::vector<double> incentiveToJoin;  ///< gainInside - gainOutside; negative = better off outside

  double nonMemberEffect = 0.0;                  ///< grand coalition: sum of the welfare changes of non-candidates
  std::vector<double> nonMemberEffectByRegion;   ///< per region (regionIds order); 0 for candidates

  /// The cooperative game built from subsetValue (for further analysis, e.g. other allocations).
  CoalitionGame Game() const { return {static_cast<int>(candidates.size()), subsetValue}; }
};

/// Analyzes framework `frameworkId` of `scenario` over every subset of `candidates` (region ids; empty
/// = the framework's members; 1..kMaxCoalitionCandidates, no duplicates). Candidates outside the
/// framework are asked to join it; members left out of `candidates` are out of it in every subset.
/// The scenario is validated once; each subset is a copy with members = S (S empty = the framework
/// removed), compiled without re-validation. Problems: the scenario's own validation problems,
/// `framework` (unknown id), `candidates` (count) and `candidates[i]` (unknown or repeated region).
/// `progress` (if set) is called after each of the 2^n subsets; returning false cancels, and the
/// result is the problem { "", "cancelled" }.
Expected<CoalitionAnalysis> AnalyzeCoalition(const Scenario& scenario, std::string_view frameworkId,
                                             std::vector<std::string> candidates, const Progress& progress = {});

/// AnalyzeCoalition cut into steps, for callers that report or stop between them (the app's Web
/// Worker): Start checks the arguments and the scenario and runs the baseline; RunSubsets simulates
/// the next subsets in mask order; Finish derives the Shapley values, core and incentives. The same
/// code path as AnalyzeCoalition, so any split into steps gives bit-identical results.
class CoalitionAnalyzer {
 public:
  /// Problems as AnalyzeCoalition's (the scenario's own, `framework`, `candidates`).
  static Expected<CoalitionAnalyzer> Start(const Scenario& scenario, std::string_view frameworkId,
                                           std::vector<std::string> candidates);

  /// 2^n: the subsets to simulate, mask 0 (the baseline) included.
  int SubsetCount() const { return static_cast<int>(analysis.subsetValue.size()); }
  /// Masks [0, SubsetsDone()) are simulated; 1 after Start (mask 0 is the baseline itself).
  int SubsetsDone() const { return static_cast<int>(done); }
  bool AllSubsetsDone() const { return SubsetsDone() == SubsetCount(); }
  /// Simulates up to `count` (>= 1) more subsets. Problems only if a subset fails to compile.
  std::vector<Problem> RunSubsets(int count);
  /// For a part of the analysis run elsewhere in parallel (AnalysisJob parts): the next subset run
  /// is mask `first` (>= SubsetsDone(), <= SubsetCount()); masks skipped stay 0.
  void SkipTo(int first);
  /// Takes masks [first, first + count) computed by another analyzer of the same framework and
  /// candidates: `values` their subsetValue, `gains` their regionGain rows (count x regions).
  /// Requires first == SubsetsDone(); the result is as if they had run here.
  void AddSubsets(int first, const std::vector<double>& values, const std::vector<double>& gains);
  /// The analysis so far: ids, baseline, and subsetValue / regionGain of the masks done (the rest 0);
  /// the derived figures are empty until Finish.
  const CoalitionAnalysis& Partial() const { return analysis; }
  /// The complete analysis. Requires AllSubsetsDone(); the analyzer is spent afterwards.
  CoalitionAnalysis Finish();

 private:
  CoalitionAnalyzer() = default;
  Scenario work;                    // the scenario, whose framework's members change per subset
  std::shared_ptr<const NetworkBase> base;  // `work` compiled up to its frameworks, once for every subset
  std::size_t frameworkIndex = 0;
  std::vector<std::size_t> column;  // candidate -> region column
  CoalitionAnalysis analysis;
  Results results;                  // reused by every run
  std::uint32_t done = 0;
};

/// JSON of a complete analysis (`kizuna coalition --json`, the app's Web Worker): framework, unit,
/// candidates, shapley, gainInside, gainOutside, incentiveToJoin, core { inCore,
/// largestExcessCoalition, excess }, nonMemberEffect, regions, baselineWelfare,
/// nonMemberEffectByRegion, subsetValue, regionGain (per mask, per region). Numbers are shortest
/// round-trip doubles (read them at full precision); non-finite numbers are null.
std::string SaveCoalitionAnalysisJson(const CoalitionAnalysis& analysis);

/// A coalition analysis as an analysis job's JSON carries it, read back for the app. Before `done`
/// only subsetValue (with `known`) and the ids are filled. Money: USD of welfare, change against
/// the scenario without the framework.
struct CoalitionView {
  bool done = false;
  int subsets = 0;
  int subsetsDone = 0;
  std::string framework;
  std::vector<std::string> candidates;  ///< bit i of a subset mask = candidates[i]
  std::vector<std::string> regions;
  std::vector<double> subsetValue;      ///< per mask; v(S)
  std::vector<bool> known;              ///< per mask: simulated yet
  std::vector<double> shapley;          ///< per candidate (done only)
  std::vector<double> gainInside;
  std::vector<double> gainOutside;      ///< free-rider gain
  std::vector<double> incentiveToJoin;
  bool inCore = false;
  std::vector<std::string> largestExcessCoalition;
  double excess = 0.0;
  double nonMemberEffect = 0.0;
  std::vector<double> nonMemberEffectByRegion;  ///< per region; 0 for candidates

  /// v({candidate i}) if simulated.
  std::optional<double> StandAlone(int i) const;
  /// v(all candidates) if simulated.
  std::optional<double> GrandValue() const;
};

/// Reads AnalysisJob::Json() of a coalition job (kizuna/analysis_job.hpp), partial (subsetValue
/// with null for the subsets not run yet) or final (SaveCoalitionAnalysisJson's fields). Problems
/// name the JSON path: not JSON, another kind, wrong types, unknown fields, sizes that do not match
/// (2^n subset values, one value per candidate and per region).
Expected<CoalitionView> LoadCoalitionViewJson(std::string_view json);

}  // namespace kz
