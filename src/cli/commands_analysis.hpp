// The `kizuna mc` and `kizuna sensitivity` subcommands (analyses over many runs). Each returns the
// process exit code: 0 success, 1 an output file could not be written, 2 invalid input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kz::cli {

struct McOptions {
  std::string scenario;             ///< file or preset id; empty with --merge
  int runs = 1000;                  ///< runs in the whole sweep
  std::uint64_t seed = 0;           ///< used when hasSeed; otherwise the scenario's own seed
  bool hasSeed = false;
  std::string shard;                ///< "I/N" (I in 1..N): compute only that shard; empty = all runs
  std::vector<std::string> merge;   ///< shard files to merge instead of running
  std::string jsonPath;             ///< write the (merged) runs as a shard file; required with --shard
  double threshold = 0.1;           ///< shortfall probability threshold, share of final demand
};

struct SensitivityCliOptions {
  std::string scenario;
  std::string metric = "loss";
  std::string levers;   ///< comma-separated lever paths; empty = every lever
  double spread = 0.5;  ///< low/high = value x (1 -/+ spread)
};

int McCommand(const McOptions& options);
int SensitivityCommand(const SensitivityCliOptions& options);

}  // namespace kz::cli
