// What every `kizuna` subcommand does at its edges: report problems on stderr (exit code 2) and
// write output files (exit code 1 if that fails).
#pragma once

#include <string>
#include <vector>

#include "kizuna/expected.hpp"

namespace kz::cli {

/// Prints "<what>: N problems" and each problem on stderr; returns 2, the exit code for invalid input.
int ReportProblems(const std::string& what, const std::vector<Problem>& problems);

/// Writes `content` to `path`; on failure says so on stderr and returns false.
bool WriteFile(const std::string& path, const std::string& content);

}  // namespace kz::cli
