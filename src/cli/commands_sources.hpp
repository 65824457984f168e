// The `kizuna sources` subcommand: a scenario's sources and, for every number, where it comes from.
// Exit code: 0 every number has a source or an assumption, 1 some have neither (or an output file
// could not be written), 2 invalid input.
#pragma once

#include <string>

namespace kz::cli {

struct SourcesOptions {
  std::string scenario;  ///< file or preset id
  std::string jsonPath;  ///< also write the report as JSON here (ProvenanceReportJson); empty = no
};

int SourcesCommand(const SourcesOptions& options);

}  // namespace kz::cli
