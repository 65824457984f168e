// run, validate, levers, bench: thin layers over the core that print for people and write files.
#include "commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "bench.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/explain.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/framework.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/output_account.hpp"
#include "kizuna/provenance.hpp"
#include "kizuna/results_io.hpp"
#include "kizuna/synthetic.hpp"
#include "kizuna/validate.hpp"
#include "cli_output.hpp"
#include "scenario_source.hpp"

namespace kz::cli {
namespace {

void PrintSummary(const Scenario& scenario, const Results& results) {
  std::printf("%s: %d months, %d regions, %d goods; result hash %016llx\n", scenario.id.c_str(), results.months,
              results.regions, results.goods, static_cast<unsigned long long>(HashResults(results)));
  std::printf("%-8s %-14s %9s %14s %10s %8s %8s\n", "region", "good", "peak_short", "loss_USD", "peak_price",
              "survive", "recover");
  bool any = false;
  for (int r = 0; r < results.regions; ++r) {
    for (int g = 0; g < results.goods; ++g) {
      const Metrics& m = results.MetricsOf(r, g);
      if (m.peakShortfall <= 0.0 && m.peakPrice <= 1.0 + 1e-9) continue;
      any = true;
      std::printf("%-8s %-14s %8.1f%% %14.0f %10.2f %8d %8d\n", results.regionIds[r].c_str(),
                  results.goodIds[g].c_str(), 100.0 * m.peakShortfall, m.cumulativeLoss, m.peakPrice,
                  m.timeToSurvive, m.timeToRecover);
    }
  }
  if (!any) std::printf("(no shortfall and no price rise anywhere)\n");
}

// Output lost by region against the same world without its disruptions (value added is the headline).
void PrintOutputAccount(const Scenario& scenario, const Results& results) {
  const Expected<OutputAccount> account = AccountOutput(scenario, results);
  if (!account) return;
  const OutputAccount& a = account.value();
  std::printf("\nOutput lost against the same world without its disruptions (base prices):\n");
  std::printf("%-8s %18s %18s %12s\n", "region", "value_added_USD", "gross_output_USD", "of_its_VA");
  for (int r = 0; r < a.regions; ++r) {
    double gross = 0.0;
    for (int g = 0; g < a.goods; ++g) gross += a.GrossOutputLost(r, g);
    const double reference = a.referenceValueAdded[static_cast<std::size_t>(r)];
    std::printf("%-8s %18.0f %18.0f %11.3f%%\n", results.regionIds[r].c_str(), a.valueAddedLost[r], gross,
                reference > 0.0 ? 100.0 * a.valueAddedLost[r] / reference : 0.0);
  }
  std::printf("%-8s %18.0f %18.0f\n", "world", a.WorldValueAddedLost(), a.WorldGrossOutputLost());
}

// A scenario loaded with its --set overrides applied, and its run; exitCode != 0 when a problem was
// reported instead (then the rest is empty).
struct ScenarioRun {
  Scenario scenario;
  Results results;
  int exitCode = 0;
};

ScenarioRun LoadAndRun(const std::string& source, const std::vector<std::string>& sets) {
  ScenarioRun run;
  Expected<Scenario> scenario = LoadScenarioSource(source);
  if (!scenario) {
    run.exitCode = ReportProblems(source, scenario.problems());
    return run;
  }
  if (const std::vector<Problem> problems = ApplySets(scenario.value(), sets); !problems.empty()) {
    run.exitCode = ReportProblems("--set", problems);
    return run;
  }
  Expected<Results> results = RunScenario(scenario.value());
  if (!results) {
    run.exitCode = ReportProblems(source, results.problems());
    return run;
  }
  run.scenario = std::move(scenario.value());
  run.results = std::move(results.value());
  return run;
}

}  // namespace

int RunCommand(const RunOptions& options) {
  const ScenarioRun run = LoadAndRun(options.scenario, options.sets);
  if (run.exitCode != 0) return run.exitCode;
  const Scenario& scenario = run.scenario;
  const Results& results = run.results;
  PrintSummary(scenario, results);
  PrintOutputAccount(scenario, results);
  if (options.findings) std::printf("\n%s\n", Summarize(scenario, results).paragraph.c_str());
  if (!options.csvPath.empty() && !WriteFile(options.csvPath, ResultsToCsv(scenario, results))) return 1;
  if (!options.jsonPath.empty() && !WriteFile(options.jsonPath, ResultsToJson(scenario, results))) return 1;
  return 0;
}

int ExplainCommand(const ExplainOptions& options) {
  const ScenarioRun run = LoadAndRun(options.scenario, options.sets);
  if (run.exitCode != 0) return run.exitCode;
  const Scenario& scenario = run.scenario;
  const Results& results = run.results;
  const Expected<Explanation> explanation = Explain(scenario, results, options.region, options.good, options.month);
  if (!explanation) return ReportProblems(options.scenario, explanation.problems());
  std::printf("%s\n", explanation.value().text.c_str());
  if (!explanation.value().levers.empty()) std::printf("\nLevers that would address it:\n");
  for (const LeverSuggestion& lever : explanation.value().levers) {
    std::printf("  %s = %g\n      %s\n", lever.path.c_str(), lever.value, lever.reason.c_str());
  }
  return 0;
}

int ValidateCommand(const std::string& source) {
  Expected<Scenario> scenario = LoadScenarioSource(source);
  if (!scenario) return ReportProblems(source, scenario.problems());
  const Scenario& s = scenario.value();
  if (const std::vector<Problem> unmatched = UnmatchedProvenance(s); !unmatched.empty()) {
    return ReportProblems(source, unmatched);
  }
  std::printf("%s: valid (%zu regions, %zu goods, %zu facilities, %zu events, %d months)\n", s.id.c_str(),
              s.regions.size(), s.goods.size(), s.facilities.size(), s.events.size(), s.horizonMonths);
  for (const Problem& inert : InertRules(s)) std::printf("warning: %s\n", inert.ToString().c_str());
  if (Expected<IdleRules> idle = IdleFrameworkRules(s); idle) {
    for (const Problem& rule : idle.value().rules) std::printf("warning: %s\n", rule.ToString().c_str());
  }
  return 0;
}

int LeversCommand(const std::string& source) {
  Expected<Scenario> scenario = LoadScenarioSource(source);
  if (!scenario) return ReportProblems(source, scenario.problems());
  std::printf("%-52s %-14s %12s %12s %12s\n", "path", "unit", "min", "max", "value");
  for (const LeverInfo& lever : ListLevers(scenario.value())) {
    std::printf("%-52s %-14s %12g %12g %12g\n", lever.path.c_str(), lever.unit.c_str(), lever.min, lever.max,
                lever.value);
  }
  return 0;
}

int FrameworksCommand(const std::string& source) {
  Expected<Scenario> scenario = LoadScenarioSource(source);
  if (!scenario) return ReportProblems(source, scenario.problems());
  const Scenario& s = scenario.value();
  if (s.frameworks.empty()) std::printf("%s has no frameworks\n", s.id.c_str());
  for (const Framework& f : s.frameworks) {
    std::string members;
    for (const std::string& m : f.members) members += (members.empty() ? "" : ", ") + m;
    std::string rules;
    auto rule = [&rules](bool on, const char* name) { if (on) rules += (rules.empty() ? "" : ", ") + std::string(name); };
    rule(f.informationSharing.enabled, "information sharing");
    rule(f.stockpilePool.enabled, "stockpile pool");
    rule(f.partnerPriority.enabled, "partner priority");
    rule(f.jointInvestment.enabled, "joint investment");
    rule(f.exportControls.enabled, "coordinated export controls");
    std::printf("\n%s (%s)\n  members: %s\n  rules: %s\n", f.id.c_str(), f.name.en.c_str(), members.c_str(),
                rules.empty() ? "none enabled" : rules.c_str());
    Expected<FrameworkImpact> impact = AssessFramework(s, f.id);
    if (!impact) return ReportProblems(source, impact.problems());
    std::printf("  %-8s %-7s %16s %16s %16s %16s %16s %10s\n", "region", "member", "loss_avoided_USD", "extra_cost_USD",
                "trade_gain_USD", "net_gain_USD", "exposure_USD", "gain/exp");
    for (const RegionImpact& r : impact.value().regions) {
      std::printf("  %-8s %-7s %16.0f %16.0f %16.0f %16.0f %16.0f %9.1f%%\n", r.region.c_str(), r.member ? "yes" : "no",
                  r.lossAvoided, r.extraCost, r.tradeGain, r.netGain, r.exposure, 100.0 * r.gainPerExposure);  // 0% with no exposure
    }
    std::printf("  members' net gain %.0f USD; non-members' %.0f USD\n", impact.value().membersNetGain,
                impact.value().nonMembersNetGain);
    for (const RuleContribution& c : impact.value().rules) {
      std::printf("  rule %-20s members %16.0f  non-members %16.0f  (welfare with every rule minus without this one)\n",
                  c.rule.c_str(), c.membersNetGain, c.nonMembersNetGain);
    }
  }
  return 0;
}

int BenchCommand(const std::string& source, int runs) {
  if (source.empty()) {
    std::printf("%s", ScalingReport(runs).c_str());
    return 0;
  }
  Expected<Scenario> scenario = LoadScenarioSource(source);
  if (!scenario) return ReportProblems(source, scenario.problems());
  Expected<Simulation> simulation = Simulation::Create(scenario.value());
  if (!simulation) return ReportProblems(source, simulation.problems());
  std::printf("%s\n", FormatFigures(scenario.value().id, TimeRuns(simulation.value(), runs)).c_str());
  return 0;
}

}  // namespace kz::cli
