// Coalition analysis of a coordination framework: who gains from joining, who would rather free-ride,
// and whether the Shapley split of the gains is stable. Every subset of the candidate regions is
// simulated as the framework's membership; welfare changes against the scenario without the
// framework give a cooperative game (coalition.hpp) whose Shapley value and core are reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kizuna/coalition.hpp"
#include "kizuna/expected.hpp"
#include "kizuna/progress.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

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

}  // namespace kz
