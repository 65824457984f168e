// AnalyzeCoalition (see coalition_analysis.hpp): 2^n simulations of one framework's membership, turned
// into a cooperative game. One working copy of the scenario is edited in place (only the framework's
// member list changes between subsets), the rest of it is compiled once (NetworkBase) and one Results
// is reused, so a subset costs compiling the frameworks and a run.
// AnalyzeCoalition drives CoalitionAnalyzer one subset at a time, so stepped callers get the same numbers.
#include "kizuna/coalition_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "kizuna/assert.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/validate.hpp"
#include "kizuna/welfare.hpp"
#include "network.hpp"

namespace kz {
namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Problems with the arguments (not the scenario): unknown framework, candidate count, unknown or
// repeated candidates. Fills `candidates` from the members when it is empty.
std::vector<Problem> CheckArguments(const Scenario& scenario, std::string_view frameworkId,
                                    std::vector<std::string>& candidates, std::size_t& frameworkIndex) {
  std::vector<Problem> problems;
  frameworkIndex = scenario.frameworks.size();
  for (std::size_t f = 0; f < scenario.frameworks.size(); ++f) {
    if (scenario.frameworks[f].id == frameworkId) frameworkIndex = f;
  }
  if (frameworkIndex == scenario.frameworks.size()) {
    std::string known;
    for (const Framework& framework : scenario.frameworks) known += (known.empty() ? "" : ", ") + framework.id;
    problems.push_back({"framework", "no framework " + Quoted(frameworkId) + " in the scenario" +
                                         (known.empty() ? std::string(" (it has none)") : " (it has " + known + ")")});
    return problems;
  }
  const bool fromMembers = candidates.empty();
  if (fromMembers) candidates = scenario.frameworks[frameworkIndex].members;
  const std::string where = fromMembers ? "frameworks[" + std::to_string(frameworkIndex) + "].members" : "candidates";
  if (candidates.empty()) {
    problems.push_back({where, "at least one candidate region is needed"});
    return problems;
  }
  if (candidates.size() > static_cast<std::size_t>(kMaxCoalitionCandidates)) {
    problems.push_back({where, "at most " + std::to_string(kMaxCoalitionCandidates) + " candidates (got " +
                                   std::to_string(candidates.size()) + "): the analysis runs 2^n simulations"});
    return problems;
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string path = where + "[" + std::to_string(i) + "]";
    const bool known = std::any_of(scenario.regions.begin(), scenario.regions.end(),
                                   [&](const Region& region) { return region.id == candidates[i]; });
    if (!known) {
      problems.push_back({path, "unknown region " + Quoted(candidates[i])});
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (candidates[j] == candidates[i]) {
        problems.push_back({path, Quoted(candidates[i]) + " is already " + where + "[" + std::to_string(j) + "]"});
        break;
      }
    }
  }
  return problems;
}

}  // namespace

Expected<CoalitionAnalyzer> CoalitionAnalyzer::Start(const Scenario& scenario, std::string_view frameworkId,
                                                     std::vector<std::string> candidates) {
  CoalitionAnalyzer a;
  std::vector<Problem> problems = CheckArguments(scenario, frameworkId, candidates, a.frameworkIndex);
  if (!problems.empty()) return problems;
  // Validated once: every subset differs from it only in the framework's members, all regions that
  // exist, so each subset is compiled with Validation::Skip (engine.hpp).
  problems = ValidateScenario(scenario);
  if (!problems.empty()) return problems;

  const int n = static_cast<int>(candidates.size());
  const std::uint32_t subsets = std::uint32_t{1} << n;

  Scenario baseline = scenario;
  baseline.frameworks.erase(baseline.frameworks.begin() + static_cast<std::ptrdiff_t>(a.frameworkIndex));
  {
    Expected<Simulation> simulation = Simulation::Create(baseline, Simulation::Validation::Skip);
    if (!simulation) return simulation.problems();
    simulation.value().Run(a.results);
  }

  CoalitionAnalysis& analysis = a.analysis;
  analysis.frameworkId = std::string(frameworkId);
  analysis.candidates = std::move(candidates);
  analysis.regionIds = a.results.regionIds;
  analysis.baselineWelfare = RegionWelfare(a.results);
  const std::size_t regions = analysis.regionIds.size();
  a.column.assign(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    const auto it = std::find(analysis.regionIds.begin(), analysis.regionIds.end(), analysis.candidates[i]);
    a.column[static_cast<std::size_t>(i)] = static_cast<std::size_t>(it - analysis.regionIds.begin());
  }
  analysis.subsetValue.assign(subsets, 0.0);
  analysis.regionGain.assign(static_cast<std::size_t>(subsets) * regions, 0.0);
  a.work = scenario;
  Expected<NetworkBase> base = CompileNetworkBase(a.work);
  if (!base) return base.problems();
  a.base = std::make_shared<const NetworkBase>(std::move(base.value()));
  a.done = 1;  // subset 0 is the baseline itself
  return a;
}

std::vector<Problem> CoalitionAnalyzer::RunSubsets(int count) {
  const int n = static_cast<int>(analysis.candidates.size());
  const std::size_t regions = analysis.regionIds.size();
  std::vector<std::string>& members = work.frameworks[frameworkIndex].members;
  const auto subsets = static_cast<std::uint32_t>(analysis.subsetValue.size());
  for (int step = 0; step < count && done < subsets; ++step, ++done) {
    const std::uint32_t s = done;
    members.clear();
    for (int i = 0; i < n; ++i) {
      if ((s >> i) & 1U) members.push_back(analysis.candidates[static_cast<std::size_t>(i)]);
    }
    Expected<Network> network = CompleteNetwork(*base, work);
    if (!network) return network.problems();
    Simulation(std::make_unique<Network>(std::move(network.value()))).Run(results);
    const std::vector<double> welfare = RegionWelfare(results);
    double* gain = analysis.regionGain.data() + static_cast<std::size_t>(s) * regions;
    for (std::size_t r = 0; r < regions; ++r) gain[r] = welfare[r] - analysis.baselineWelfare[r];
    double value = 0.0;
    for (int i = 0; i < n; ++i) {
      if ((s >> i) & 1U) value += gain[column[static_cast<std::size_t>(i)]];
    }
    analysis.subsetValue[s] = value;
  }
  return {};
}

void CoalitionAnalyzer::SkipTo(int first) {
  KZ_ASSERT(first >= SubsetsDone() && first <= SubsetCount(), "CoalitionAnalyzer::SkipTo outside the subsets not run");
  done = static_cast<std::uint32_t>(first);
}

void CoalitionAnalyzer::AddSubsets(int first, const std::vector<double>& values, const std::vector<double>& gains) {
  const std::size_t regions = analysis.regionIds.size();
  KZ_ASSERT(first == SubsetsDone() && first + static_cast<int>(values.size()) <= SubsetCount() &&
                gains.size() == values.size() * regions,
            "CoalitionAnalyzer::AddSubsets: not the next subsets, or the sizes differ");
  std::copy(values.begin(), values.end(), analysis.subsetValue.begin() + first);
  std::copy(gains.begin(), gains.end(), analysis.regionGain.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(first) * regions));
  done += static_cast<std::uint32_t>(values.size());
}

CoalitionAnalysis CoalitionAnalyzer::Finish() {
  KZ_ASSERT(AllSubsetsDone(), "CoalitionAnalyzer::Finish called before every subset was run (RunSubsets)");
  const int n = static_cast<int>(analysis.candidates.size());
  const std::size_t regions = analysis.regionIds.size();
  const auto grand = static_cast<std::uint32_t>(analysis.subsetValue.size() - 1);
  const double grandValue = analysis.subsetValue[grand];
  analysis.shapley = ShapleyValues(analysis.Game());
  analysis.core = CheckCore(analysis.Game(), analysis.shapley, 1e-6 * (1.0 + std::fabs(grandValue)));
  const double* grandGain = analysis.regionGain.data() + static_cast<std::size_t>(grand) * regions;
  for (int i = 0; i < n; ++i) {
    const std::uint32_t others = grand & ~(std::uint32_t{1} << i);
    const std::size_t c = column[static_cast<std::size_t>(i)];
    const double inside = grandGain[c];
    const double outside = analysis.regionGain[static_cast<std::size_t>(others) * regions + c];
    analysis.gainInside.push_back(inside);
    analysis.gainOutside.push_back(outside);
    analysis.incentiveToJoin.push_back(inside - outside);
  }
  analysis.nonMemberEffectByRegion.assign(regions, 0.0);
  for (std::size_t r = 0; r < regions; ++r) {
    if (std::find(column.begin(), column.end(), r) != column.end()) continue;
    analysis.nonMemberEffectByRegion[r] = grandGain[r];
    analysis.nonMemberEffect += grandGain[r];
  }
  return std::move(analysis);
}

Expected<CoalitionAnalysis> AnalyzeCoalition(const Scenario& scenario, std::string_view frameworkId,
                                             std::vector<std::string> candidates, const Progress& progress) {
  Expected<CoalitionAnalyzer> started = CoalitionAnalyzer::Start(scenario, frameworkId, std::move(candidates));
  if (!started) return started.problems();
  CoalitionAnalyzer& analyzer = started.value();
  const double total = static_cast<double>(analyzer.SubsetCount());
  auto cancelled = [&] { return progress && !progress(static_cast<double>(analyzer.SubsetsDone()) / total); };
  if (cancelled()) return std::vector<Problem>{{"", "cancelled"}};
  while (!analyzer.AllSubsetsDone()) {
    if (std::vector<Problem> problems = analyzer.RunSubsets(1); !problems.empty()) return problems;
    if (cancelled()) return std::vector<Problem>{{"", "cancelled"}};
  }
  return analyzer.Finish();
}

}  // namespace kz
