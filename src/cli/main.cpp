// `kizuna`: the command-line tool over the core, for analysts' batch work and for tests.
//   kizuna run SCENARIO [--csv FILE] [--json FILE] [--set PATH=VALUE]...
//   kizuna validate SCENARIO      kizuna levers SCENARIO      kizuna bench [SCENARIO] [--runs N]
// SCENARIO is a JSON file or a bundled preset id. Exit codes: 0 ok, 1 output not written, 2 invalid input.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "commands.hpp"
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

  std::string scenario;
  CLI::App* validateCommand = app.add_subcommand("validate", "Check a scenario and list every problem");
  validateCommand->add_option("scenario", scenario, "Scenario JSON file or bundled preset id")->required();
  CLI::App* leversCommand = app.add_subcommand("levers", "List a scenario's levers: paths, units, ranges, values");
  leversCommand->add_option("scenario", scenario, "Scenario JSON file or bundled preset id")->required();

  int runs = 200;
  CLI::App* benchCommand = app.add_subcommand("bench", "Time engine runs (median and spread)");
  benchCommand->add_option("scenario", scenario, "Scenario to time (default: synthetic networks of several sizes)");
  benchCommand->add_option("--runs", runs, "Timed runs per scenario")->check(CLI::Range(1, 100000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;  // usage errors are invalid input
  }
  if (*runCommand) return kz::cli::RunCommand(run);
  if (*validateCommand) return kz::cli::ValidateCommand(scenario);
  if (*leversCommand) return kz::cli::LeversCommand(scenario);
  if (*benchCommand) return kz::cli::BenchCommand(scenario, runs);
  std::cout << app.help();
  return 0;
}
