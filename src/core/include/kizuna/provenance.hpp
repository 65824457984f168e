// Provenance: which source or assumption stands behind each number of a scenario. A scenario lists
// its sources and provenance entries (kizuna/scenario.hpp); an entry names numbers by number path
// (ListNumbers, kizuna/levers.hpp) or by pattern, where a `*` segment matches any one segment:
// `good.*.priceAdjustment` covers every good's price adjustment, `region.*.lat` every latitude.
// The CLI's `kizuna sources` and the app show the resolved list; a test can require full coverage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// Marks "no entry" in NumberProvenance.
inline constexpr std::size_t kNoProvenance = static_cast<std::size_t>(-1);

/// One number of a scenario and the provenance entry that covers it.
struct NumberProvenance {
  NumberInfo number;                     ///< path, unit, value
  std::size_t entry = kNoProvenance;     ///< index into Scenario::provenance; kNoProvenance = uncovered
  std::size_t source = kNoProvenance;    ///< index into Scenario::sources; kNoProvenance = an assumption
                                         ///< (or uncovered, or an unknown source id)
  bool covered() const { return entry != kNoProvenance; }
};

/// True when number path `path` matches `pattern`: both have the same number of '.'-separated
/// segments, and each pattern segment is `*` or equal to the path's. `*` never spans two segments.
bool MatchesNumberPattern(std::string_view pattern, std::string_view path);

/// Why `pattern` is not a well-formed number pattern ("must not be empty", "has an empty segment",
/// "'*' must be a whole segment"), or nothing when it is.
std::optional<std::string> CheckNumberPattern(std::string_view pattern);

/// Every number of `scenario` (ListNumbers order) with the entry that covers it. Rules: an entry
/// naming the exact path beats any pattern (when several do, the last in file order wins, so a
/// preset appended to its base can re-source a number it changes); otherwise the matching pattern
/// with the most literal (non-`*`) segments, and among equally specific ones the last in file order
/// (again so a preset can re-source). One pass: O(numbers x wildcard patterns), fine for the few
/// thousand numbers of a large scenario.
std::vector<NumberProvenance> ResolveProvenance(const Scenario& scenario);

/// The numbers no provenance entry covers, in ListNumbers order; empty when every number has a source
/// or an assumption. A test that a bundled scenario is fully sourced is
/// `EXPECT_TRUE(NumbersWithoutProvenance(scenario).empty())`.
std::vector<NumberInfo> NumbersWithoutProvenance(const Scenario& scenario);

/// The rules of `sources` and `provenance` (part of ValidateScenario): source ids [A-Za-z0-9_.-]
/// and unique, citations non-empty; each entry names at least one well-formed pattern and exactly
/// one of a known `source` or a non-empty `assumption`.
std::vector<Problem> ValidateProvenance(const Scenario& scenario);

/// Patterns that match no number of the scenario (a typo, or a number since removed). Not part of
/// validation: scenarios derived by removing parts (a framework for its welfare baseline, coalition
/// subsets, an event) keep their file's provenance and must still run. `kizuna validate` and
/// `kizuna sources` report these for files, and the bundled-scenario tests require none.
std::vector<Problem> UnmatchedProvenance(const Scenario& scenario);

/// The sources and every resolved number as JSON, for tools and the app:
/// { "sources": [{id, citation, tag, url}], "numbers": [{path, unit, value, source | assumption, note}],
///   "uncovered": [path, ...] }. An uncovered number has neither `source` nor `assumption`.
std::string ProvenanceReportJson(const Scenario& scenario);

}  // namespace kz
