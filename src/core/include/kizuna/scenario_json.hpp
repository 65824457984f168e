// Scenario files: versioned JSON whose field names are the C++ field names of kizuna/scenario.hpp.
// Loading checks syntax, structure, types and then ValidateScenario, and reports every problem with
// its JSON path; it never crashes or hangs, whatever the input. Saving is deterministic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// Scenario files larger than this are rejected before parsing (16 MiB).
inline constexpr std::size_t kMaxScenarioJsonBytes = std::size_t{16} * 1024 * 1024;

/// Parses a scenario file (UTF-8 JSON) and validates it. On failure, returns every problem found:
/// syntax errors as `line L, column C: ...` (C counts characters from 1), then structural problems
/// (`regions[1].lat: must be a number, got string`, unknown fields with a suggestion, missing
/// required fields), then the semantic ones of ValidateScenario. Absent optional fields take the
/// defaults of scenario.hpp. A file from a newer schema yields just one problem saying so.
/// `text` is only read during the call.
Expected<Scenario> LoadScenarioJson(std::string_view text);

/// Writes `scenario` as pretty-printed JSON (2-space indent, fields in the order of scenario.hpp,
/// every field written). Equal scenarios give byte-identical text, and LoadScenarioJson reads it
/// back to an equal scenario when the scenario is valid. Non-finite numbers are written as null
/// (which loading then reports), since JSON cannot represent them.
std::string SaveScenarioJson(const Scenario& scenario);

}  // namespace kz
