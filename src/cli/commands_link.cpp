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
#include "kizuna/story.hpp"
#include "scenario_source.hpp"

namespace kz::cli {

namespace {

// --embed's panel names as the link's embed flags (kizuna/link.hpp): the panels not named are hidden.
Expected<std::uint32_t> EmbedFlags(const LinkOptions& options) {
  if (options.embed.empty()) return std::uint32_t{0};
  std::uint32_t hidden = kEmbedHideLevers | kEmbedHideFindings | kEmbedHideMap | kEmbedHideChart;
  for (const std::string& panel : options.embed) {
    if (panel == "levers") hidden &= ~kEmbedHideLevers;
    else if (panel == "findings") hidden &= ~kEmbedHideFindings;
    else if (panel == "map") hidden &= ~kEmbedHideMap;
    else if (panel == "chart") hidden &= ~kEmbedHideChart;
    else return std::vector<Problem>{{"--embed", "'" + panel + "' is not a panel (levers, findings, map, chart)"}};
  }
  return kEmbedMode | hidden | (options.readOnly ? kEmbedReadOnly : 0u);
}

}  // namespace

int LinkEncodeCommand(const LinkOptions& options) {
  const Expected<std::uint32_t> embed = EmbedFlags(options);
  if (!embed) return ReportProblems("--embed", embed.problems());
  Expected<Scenario> working = LoadScenarioSource(options.scenario);
  if (!working) return ReportProblems(options.scenario, working.problems());
  if (const std::vector<Problem> problems = ApplySets(working.value(), options.sets); !problems.empty()) {
    return ReportProblems("--set", problems);
  }
  const std::string presetId = options.preset.empty() ? working.value().id : options.preset;
  Expected<Scenario> preset = LoadScenarioSource(presetId);
  if (!preset) return ReportProblems(presetId, preset.problems());
  LinkView view;
  view.embed = embed.value();
  if (options.language == "en") view.language = kLinkLanguageEnglish;
  if (options.language == "ja") view.language = kLinkLanguageJapanese;
  Expected<ScenarioLink> link = LinkFromScenario(preset.value(), working.value(), view);
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
  // A story link's steps must open too (the scenario printed is its own: the first step's).
  if (std::vector<Problem> problems = CheckStory(preset.value(), link.value()); !problems.empty()) return ReportProblems("link", problems);
  if (!options.hashes) {
    std::cout << SaveScenarioJson(scenario.value()) << "\n";
    return 0;
  }
  Expected<Simulation> simulation = Simulation::Create(scenario.value());
  if (!simulation) return ReportProblems("link", simulation.problems());
  Results results;
  simulation.value().Run(results);
  std::printf("scenario %016llx results %016llx\n", static_cast<unsigned long long>(ScenarioHash(scenario.value())),
              static_cast<unsigned long long>(HashResults(results)));
  return 0;
}

}  // namespace kz::cli
