// `kizuna link encode|decode` (see commands_link.hpp).
#include "commands_link.hpp"

#include <cstdio>
#include <iostream>

#include "cli_output.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/hash.hpp"
#include "kizuna/link.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario_json.hpp"
#include "scenario_source.hpp"

namespace kz::cli {

int LinkEncodeCommand(const LinkOptions& options) {
  Expected<Scenario> working = LoadScenarioSource(options.scenario);
  if (!working) return ReportProblems(options.scenario, working.problems());
  const std::string presetId = options.preset.empty() ? working.value().id : options.preset;
  Expected<Scenario> preset = LoadScenarioSource(presetId);
  if (!preset) return ReportProblems(presetId, preset.problems());
  Expected<ScenarioLink> link = LinkFromScenario(preset.value(), working.value());
  if (!link) return ReportProblems(options.scenario, link.problems());
  std::cout << EncodeLink(link.value()) << "\n";
  return 0;
}

int LinkDecodeCommand(const LinkOptions& options) {
  Expected<ScenarioLink> link = DecodeLink(options.link);
  if (!link) return ReportProblems("link", link.problems());
  Expected<Scenario> preset = LoadScenarioSource(link.value().preset);
  if (!preset) return ReportProblems(link.value().preset, preset.problems());
  Expected<Scenario> scenario = ApplyLink(preset.value(), link.value());
  if (!scenario) return ReportProblems("link", scenario.problems());
  if (!options.hashes) {
    std::cout << SaveScenarioJson(scenario.value()) << "\n";
    return 0;
  }
  Expected<Simulation> simulation = Simulation::Create(scenario.value());
  if (!simulation) return ReportProblems("link", simulation.problems());
  Results results;
  simulation.value().Run(results);
  std::printf("scenario %016llx results %016llx\n", static_cast<unsigned long long>(Fnv1a64(SaveScenarioJson(scenario.value()))),
              static_cast<unsigned long long>(HashResults(results)));
  return 0;
}

}  // namespace kz::cli
