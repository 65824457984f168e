// `kizuna coalition`: the coalition analysis of one coordination framework (coalition_analysis.hpp)
// as a table for people and, optionally, every figure as JSON. Exit codes as the other subcommands:
// 0 success, 1 the JSON file could not be written, 2 invalid input.
#pragma once

#include <string>
#include <vector>

namespace kz::cli {

struct CoalitionOptions {
  std::string scenario;                 ///< JSON file or bundled preset id
  std::string framework;                ///< id of the framework to analyze
  std::vector<std::string> candidates;  ///< region ids; empty = the framework's members
  std::string jsonPath;                 ///< empty = no JSON
};

/// Runs the analysis, printing progress on stderr (at most every 0.5 s) and the table on stdout.
int CoalitionCommand(const CoalitionOptions& options);

}  // namespace kz::cli
