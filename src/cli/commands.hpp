// The `kizuna` subcommands. Each returns the process exit code: 0 success, 1 an output file could
// not be written, 2 invalid input (messages on stderr).
#pragma once

#include <string>
#include <vector>

namespace kz::cli {

struct RunOptions {
  std::string scenario;
  std::string csvPath;             ///< empty = no CSV
  std::string jsonPath;            ///< empty = no JSON
  std::vector<std::string> sets;   ///< "lever.path=value" overrides
  bool findings = true;            ///< print the Key findings paragraph after the table
};

struct ExplainOptions {
  std::string scenario;
  std::string region;              ///< region id
  std::string good;                ///< good id
  int month = 0;
  std::vector<std::string> sets;   ///< "lever.path=value" overrides
};

int RunCommand(const RunOptions& options);
int ValidateCommand(const std::string& scenario);
int LeversCommand(const std::string& scenario);
int FrameworksCommand(const std::string& scenario);
int BenchCommand(const std::string& scenario, int runs);
int ExplainCommand(const ExplainOptions& options);

}  // namespace kz::cli
