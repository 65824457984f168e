// Scenario files: versioned JSON whose field names are the C++ field names of kizuna/scenario.hpp.
// Loading checks syntax, structure, types and then ValidateScenario, and reports every problem with
// its JSON path; it never crashes or hangs, whatever the input. Saving is deterministic.
#pragma once

#include <cstddef>
#include <functional>
#include <cstdint>
#include <string>
#include <string_view>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// Scenario files larger than this are rejected before parsing (16 MiB).
inline constexpr std::size_t kMaxScenarioJsonBytes = std::size_t{16} * 1024 * 1024;

/// Bases may nest this deep: a file, its base, that one's base... up to 4 bases.
inline constexpr std::size_t kMaxBaseDepth = 4;

/// Finds the text of the base scenario `id` (the value of a file's "base"), e.g. by reading
/// `<directory of the file>/<id>.json`. Problems it returns are reported under `base`, so they should
/// name what was tried (the file path). Called once per base while loading, never kept.
using ScenarioResolver = std::function<Expected<std::string>(std::string_view id)>;

/// Parses a scenario file (UTF-8 JSON) and validates it. On failure, returns every problem found:
/// syntax errors as `line L, column C: ...` (C counts characters from 1), then structural problems
/// (`regions[1].lat: must be a number, got string`, unknown fields with a suggestion, missing
/// required fields), then the semantic ones of ValidateScenario. Absent optional fields take the
/// defaults of scenario.hpp. A file from a newer schema yields just one problem saying so.
/// `text` is only read during the call. A file with a "base" fails here with the problem
/// `base: 'x': not found: no resolver for base scenarios was given`; load it with the overload below.
Expected<Scenario> LoadScenarioJson(std::string_view text);

/// As above, for a file that may extend a base scenario: `"base": "default-world"` names it (an id,
/// [A-Za-z0-9_-]), and `resolveBase` finds its text. The base is read first (with its own base, if
/// any: at most kMaxBaseDepth deep, no cycles), then the file is read over it:
///   - header fields the file gives (id, title, narrative, description, subject, dials, tryThis, horizonMonths,
///     seed) replace the base's (a title or narrative replaces both languages); only schemaVersion
///     is required (it describes the file);
///   - the lists regions, goods, facilities, trade, events, frameworks, risks, sources and provenance
///     are appended to the base's (ids must stay unique; an appended trade row for a (buyer, good) the
///     base already sources breaks its sum-to-1 rule; validation reports both);
///   - a policy block for a region the base has a block for merges into it: each of its stockpiles,
///     investments, diversification, substitution, recycling and exportControls items replaces the
///     base's item for the same good or is appended, and responseLagMonths replaces the base's if
///     given; a block for any other region is appended;
///   - last, `"set": { "<lever path>": value, ... }` sets levers in file order through SetLever
///     (a trade share rescales the buyer's other sellers); problems read `set.<path>: ...`. A key
///     may be a pattern (`"trade.*.re_oxide.SEA": 0`, a `*` segment matching any one segment) that
///     sets every lever it matches; a pattern matching none is a problem. `set` is applied only
///     when everything else was read without problems.
/// The resolved scenario is then validated as a whole: its paths count base items first, then the
/// file's. Problems of a base are reported as `base: '<id>': <problem>` (nested bases repeat the
/// prefix). The result is a plain Scenario: saving it writes everything, with no `base` or `set`.
Expected<Scenario> LoadScenarioJson(std::string_view text, const ScenarioResolver& resolveBase);

/// Writes `scenario` as pretty-printed JSON (2-space indent, fields in the order of scenario.hpp,
/// every field written, except a provenance entry's unused `source` or `assumption` and an empty
/// `url` or `note`). Equal scenarios give byte-identical text, and LoadScenarioJson reads it
/// back to an equal scenario when the scenario is valid. Non-finite numbers are written as null
/// (which loading then reports), since JSON cannot represent them.
std::string SaveScenarioJson(const Scenario& scenario);

/// The scenario's fingerprint for golden links and Monte Carlo shards: FNV-1a 64 of its saved JSON
/// without its presentation (subject, dials), which no run reads, so curating a preset's story
/// leaves every hash as it was.
std::uint64_t ScenarioHash(const Scenario& scenario);

}  // namespace kz
