// `kizuna`: the command-line tool over the core. For now it reports its version and build; scenario
// runs, links, Monte Carlo and coalition commands are added as subcommands beside --version.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

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
  app.require_subcommand(0);
  CLI11_PARSE(app, argc, argv);
  if (argc == 1) {
    std::cout << app.help();
  }
  return 0;
}
