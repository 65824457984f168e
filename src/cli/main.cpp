// `kizuna`: the command-line tool over the core, for analysts' batch work and for tests.
//   kizuna run SCENARIO [--csv FILE] [--json FILE] [--set PATH=VALUE]... [--no-findings]
//   kizuna explain SCENARIO --region R --good G --month M [--set PATH=VALUE]...
//   kizuna validate SCENARIO      kizuna levers SCENARIO      kizuna bench [SCENARIO] [--runs N]
//   kizuna coalition SCENARIO --framework ID [--candidates A,B,...] [--json FILE]
//   kizuna mc SCENARIO --runs N [--seed S] [--shard I/N] [--json FILE]   kizuna mc --merge FILE... [--json OUT]
//   kizuna sensitivity SCENARIO [--metric M] [--levers P1,P2,...]
//   kizuna sources SCENARIO [--json FILE]   (exit 1 when some number has no source or assumption)
//   kizuna link encode SCENARIO [--preset ID] [--set PATH=VALUE]... [--embed PANELS [--read-only]] [--language en|ja]   kizuna link decode LINK [--hashes]
//   kizuna exercise check|code|play|debrief     tabletop exercises (commands_exercise.hpp)
// SCENARIO is a JSON file or a bundled preset id. Exit codes: 0 ok, 1 output not written, 2 invalid input.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "commands.hpp"
#include "commands_analysis.hpp"
#include "commands_coalition.hpp"
#include "commands_exercise.hpp"
#include "commands_link.hpp"
#include "commands_sources.hpp"
#include "kizuna/version.hpp"

namespace {

std::string VersionText() {
  const kz::BuildInfo info = kz::GetBuildInfo();
  std::string text = "kizuna ";
  text.append(info.version).append(" (").append(info.target).append(", ").append(info.buildType);
  text.append(", ").append(info.compiler).append(")");
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Kizuna: what-if models of supply-chain disruptions and of the frameworks allies "
               "build against them.",
               "kizuna"};
  app.set_version_flag("-V,--version", VersionText(), "Print the version and build, then exit");
  app.require_subcommand(0, 1);

  kz::cli::RunOptions run;
  CLI::App* runCommand = app.add_subcommand("run", "Run a scenario and print its summary metrics");
  runCommand->add_option("scenario", run.scenario, "Scenario JSON file or bundled preset id")->required();
  runCommand->add_option("--csv", run.csvPath, "Write monthly results as CSV to FILE");
  runCommand->add_option("--json", run.jsonPath, "Write metrics and series as JSON to FILE");
  runCommand->add_option("--set", run.sets, "Override a lever before running: PATH=VALUE (repeatable)");
  bool noFindings = false;
  runCommand->add_flag("--no-findings", noFindings, "Do not print the Key findings paragraph after the table");

  kz::cli::ExplainOptions explain;
  CLI::App* explainCommand = app.add_subcommand("explain", "Why a region is short of a good in a month, and which levers would help");
  explainCommand->add_option("scenario", explain.scenario, "Scenario JSON file or bundled preset id")->required();
  explainCommand->add_option("--region", explain.region, "Region id, e.g. JP")->required();
  explainCommand->add_option("--good", explain.good, "Good id, e.g. vehicles")->required();
  explainCommand->add_option("--month", explain.month, "Month (0 = the scenario start)")->required();
  explainCommand->add_option("--set", explain.sets, "Override a lever before running: PATH=VALUE (repeatable)");

  std::string scenario;
  CLI::App* validateCommand = app.add_subcommand("validate", "Check a scenario and list every problem");
  validateCommand->add_option("scenario", scenario, "Scenario JSON file or bundled preset id")->required();
  CLI::App* leversCommand = app.add_subcommand("levers", "List a scenario's levers: paths, units, ranges, values");
  CLI::App* frameworksCommand = app.add_subcommand("frameworks", "List frameworks and each one's gains and costs per region");
  leversCommand->add_option("scenario", scenario, "Scenario JSON file or bundled preset id")->required();
  frameworksCommand->add_option("scenario", scenario, "Scenario JSON file or bundled preset id")->required();

  int runs = 200;
  CLI::App* benchCommand = app.add_subcommand("bench", "Time engine runs (median and spread)");
  benchCommand->add_option("scenario", scenario, "Scenario to time (default: synthetic networks of several sizes)");
  benchCommand->add_option("--runs", runs, "Timed runs per scenario")->check(CLI::Range(1, 100000));

  kz::cli::CoalitionOptions coalition;
  CLI::App* coalitionCommand = app.add_subcommand("coalition", "Shapley values, core and free-riding of a framework's members");
  coalitionCommand->add_option("scenario", coalition.scenario, "Scenario JSON file or bundled preset id")->required();
  coalitionCommand->add_option("--framework", coalition.framework, "Id of the framework to analyze")->required();
  coalitionCommand->add_option("--candidates", coalition.candidates, "Regions to try as members: A,B,... (default: its members)")->delimiter(',');
  coalitionCommand->add_option("--json", coalition.jsonPath, "Write every figure as JSON to FILE");

  kz::cli::McOptions mc;
  CLI::App* mcCommand = app.add_subcommand("mc", "Monte Carlo over the risk register: expected loss, CVaR95, shortfall odds");
  mcCommand->add_option("scenario", mc.scenario, "Scenario JSON file or bundled preset id (not with --merge)");
  mcCommand->add_option("--runs", mc.runs, "Runs in the whole sweep")->check(CLI::Range(1, 100000000));
  CLI::Option* mcSeed = mcCommand->add_option("--seed", mc.seed, "Random seed (default: the scenario's seed)");
  mcCommand->add_option("--shard", mc.shard, "Compute only shard I of N (I/N, 1-based) and write it with --json");
  mcCommand->add_option("--merge", mc.merge, "Merge shard files instead of running")->expected(1, -1);
  mcCommand->add_option("--json", mc.jsonPath, "Write the runs (a shard file, mergeable) to FILE");
  mcCommand->add_option("--threshold", mc.threshold, "Shortfall probability threshold (share)")->check(CLI::Range(0.0, 1.0));

  kz::cli::SensitivityCliOptions sensitivity;
  CLI::App* sensitivityCommand = app.add_subcommand("sensitivity", "One-at-a-time lever ranges: tornado table by swing");
  sensitivityCommand->add_option("scenario", sensitivity.scenario, "Scenario JSON file or bundled preset id")->required();
  sensitivityCommand->add_option("--metric", sensitivity.metric,
                                 "loss | loss.R | welfare.R | shortfall.R.G | price.R.G (default loss)");
  sensitivityCommand->add_option("--levers", sensitivity.levers, "Lever paths P1,P2,... (default: every lever)");
  sensitivityCommand->add_option("--spread", sensitivity.spread, "Low/high = value x (1 -/+ spread)")->check(CLI::Range(0.0, 10.0));

  kz::cli::SourcesOptions sources;
  CLI::App* sourcesCommand = app.add_subcommand("sources", "List sources and where every number comes from; exit 1 if some have none");
  sourcesCommand->add_option("scenario", sources.scenario, "Scenario JSON file or bundled preset id")->required();
  sourcesCommand->add_option("--json", sources.jsonPath, "Also write the sources and every number as JSON to FILE");

  kz::cli::LinkOptions link;
  CLI::App* linkCommand = app.add_subcommand("link", "Make or read share links (the URL fragment the app uses)");
  linkCommand->require_subcommand(1);
  CLI::App* encodeCommand = linkCommand->add_subcommand("encode", "Print the link of a scenario: what it changes from its preset");
  encodeCommand->add_option("scenario", link.scenario, "Scenario JSON file or bundled preset id")->required();
  encodeCommand->add_option("--preset", link.preset, "Bundled preset it derives from (default: the scenario's id)");
  encodeCommand->add_option("--set", link.sets, "Set a lever before encoding: PATH=VALUE (repeatable)");
  encodeCommand->add_option("--embed", link.embed, "Open as an embedded view showing these panels: levers,findings,map,chart")
      ->delimiter(',');
  encodeCommand->add_flag("--read-only", link.readOnly, "With --embed: readers cannot change the levers")->needs("--embed");
  encodeCommand->add_option("--language", link.language, "The UI language the link opens in: en or ja (default: the reader's)")
      ->check(CLI::IsMember({"en", "ja"}));
  CLI::App* decodeCommand = linkCommand->add_subcommand("decode", "Print the scenario a link describes, or why it cannot be read");
  decodeCommand->add_option("link", link.link, "The fragment (k...) or a whole URL")->required();
  decodeCommand->add_flag("--hashes", link.hashes, "Print the scenario and result hashes instead (for golden links)");

  kz::cli::ExerciseOptions exercise;
  CLI::App* exerciseCommand = app.add_subcommand("exercise", "Tabletop exercises: check files, make decision codes, play, debrief");
  exerciseCommand->require_subcommand(1);
  CLI::App* exerciseCheck = exerciseCommand->add_subcommand("check", "Check an exercise file and list every problem");
  exerciseCheck->add_option("exercise", exercise.exercise, "Exercise JSON file or bundled exercise id")->required();
  CLI::App* exerciseCode = exerciseCommand->add_subcommand("code", "Print a team's decision code for a round");
  exerciseCode->add_option("exercise", exercise.exercise, "Exercise JSON file or bundled exercise id")->required();
  exerciseCode->add_option("--round", exercise.round, "Round, from 1")->required();
  exerciseCode->add_option("--team", exercise.team, "Team id")->required();
  exerciseCode->add_option("--set", exercise.sets, "A lever of the team: PATH=VALUE (repeatable; others keep their values)");
  CLI::App* exercisePlay = exerciseCommand->add_subcommand("play", "Play every round from decision codes and print the debrief");
  exercisePlay->add_option("exercise", exercise.exercise, "Exercise JSON file or bundled exercise id")->required();
  exercisePlay->add_option("--codes", exercise.codes, "Decision codes in the order entered (a later round's code closes the rounds before it)");
  exercisePlay->add_flag("--link", exercise.link, "Also print the session link");
  exercisePlay->add_option("--csv", exercise.csvPath, "Write the debrief as CSV to FILE");
  CLI::App* exerciseDebrief = exerciseCommand->add_subcommand("debrief", "Print the debrief of a session link");
  exerciseDebrief->add_option("link", exercise.sessionLink, "The session link (w...) or a whole URL")->required();
  exerciseDebrief->add_option("--csv", exercise.csvPath, "Write the debrief as CSV to FILE");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;  // usage errors are invalid input
  }
  if (*runCommand) {
    run.findings = !noFindings;
    return kz::cli::RunCommand(run);
  }
  if (*explainCommand) return kz::cli::ExplainCommand(explain);
  if (*validateCommand) return kz::cli::ValidateCommand(scenario);
  if (*leversCommand) return kz::cli::LeversCommand(scenario);
  if (*frameworksCommand) return kz::cli::FrameworksCommand(scenario);
  if (*benchCommand) return kz::cli::BenchCommand(scenario, runs);
  if (*coalitionCommand) return kz::cli::CoalitionCommand(coalition);
  if (*mcCommand) {
    mc.hasSeed = mcSeed->count() > 0;
    return kz::cli::McCommand(mc);
  }
  if (*sensitivityCommand) return kz::cli::SensitivityCommand(sensitivity);
  if (*sourcesCommand) return kz::cli::SourcesCommand(sources);
  if (*exerciseCheck) return kz::cli::ExerciseCheckCommand(exercise);
  if (*exerciseCode) return kz::cli::ExerciseCodeCommand(exercise);
  if (*exercisePlay) return kz::cli::ExercisePlayCommand(exercise);
  if (*exerciseDebrief) return kz::cli::ExerciseDebriefCommand(exercise);
  if (*encodeCommand) return kz::cli::LinkEncodeCommand(link);
  if (*decodeCommand) return kz::cli::LinkDecodeCommand(link);
  std::cout << app.help();
  return 0;
}
