// `kizuna sources`: the sources table, then every number with its value, unit and provenance; the
// numbers without any are listed again on stderr, so a script (or CI) can fail on them.
#include "commands_sources.hpp"

#include <cstdio>
#include <iostream>
#include <vector>

#include "kizuna/provenance.hpp"
#include "cli_output.hpp"
#include "scenario_source.hpp"

namespace kz::cli {
namespace {

void PrintSources(const Scenario& s) {
  std::printf("%zu sources\n", s.sources.size());
  if (s.sources.empty()) return;
  std::printf("  %-24s %-6s %s\n", "id", "tag", "citation");
  for (const Source& source : s.sources) {
    std::printf("  %-24s %-6s %s\n", source.id.c_str(), source.tag.c_str(), source.citation.c_str());
    if (!source.url.empty()) std::printf("  %-24s %-6s %s\n", "", "", source.url.c_str());
  }
}

// "usgs-mcs-2022 (note)", "assumption: rationale (note)" or "(none)".
std::string ProvenanceText(const Scenario& s, const NumberProvenance& item) {
  if (!item.covered()) return "(none)";
  const Provenance& entry = s.provenance[item.entry];
  std::string text = entry.source.empty() ? "assumption: " + entry.assumption : entry.source;
  if (!entry.note.empty()) text += " (" + entry.note + ")";
  return text;
}

void PrintNumbers(const Scenario& s, const std::vector<NumberProvenance>& numbers) {
  std::printf("\n%zu numbers\n", numbers.size());
  std::printf("  %-52s %14s %-16s %s\n", "path", "value", "unit", "source or assumption");
  for (const NumberProvenance& item : numbers) {
    std::printf("  %-52s %14g %-16s %s\n", item.number.path.c_str(), item.number.value, item.number.unit.c_str(),
                ProvenanceText(s, item).c_str());
  }
}

}  // namespace

int SourcesCommand(const SourcesOptions& options) {
  Expected<Scenario> scenario = LoadScenarioSource(options.scenario);
  if (!scenario) return ReportProblems(options.scenario, scenario.problems());
  const Scenario& s = scenario.value();
  if (const std::vector<Problem> unmatched = UnmatchedProvenance(s); !unmatched.empty()) {
    return ReportProblems(options.scenario, unmatched);
  }
  const std::vector<NumberProvenance> numbers = ResolveProvenance(s);
  PrintSources(s);
  PrintNumbers(s, numbers);
  if (!options.jsonPath.empty() && !WriteFile(options.jsonPath, ProvenanceReportJson(s))) return 1;

  std::size_t uncovered = 0;
  for (const NumberProvenance& item : numbers) uncovered += item.covered() ? 0 : 1;
  if (uncovered == 0) return 0;
  std::cerr << options.scenario << ": " << uncovered << (uncovered == 1 ? " number has" : " numbers have")
            << " no source or assumption:\n";
  for (const NumberProvenance& item : numbers) {
    if (!item.covered()) std::cerr << "  " << item.number.path << "\n";
  }
  return 1;
}

}  // namespace kz::cli
