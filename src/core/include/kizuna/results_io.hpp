// Results as files: CSV (one row per month, region and good, with units in the header) and JSON
// (metrics and series), for the CLI, the app's export and analysts' own tools.
#pragma once

#include <string>
#include <string_view>

#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// CSV: comment lines ("# ...") naming the scenario, its title, the Kizuna version, the result
/// hash, `link` (the share link that reproduces it, when given) and the units; then a header row
/// with units, then months x regions x goods rows. `scenario` must be the one the results came from.
std::string ResultsToCsv(const Scenario& scenario, const Results& results, std::string_view link = {});

/// JSON: { scenario, version, months, regions, goods, metrics: [...], series: { name: [...] } } with
/// each series in results order (month-major, then region, then good).
std::string ResultsToJson(const Scenario& scenario, const Results& results);

/// The name of the effect numbered `index` as in Constraint::event: an event id, "export control of
/// JP on chips", "framework quad-semis", or "drawn event" for events added to one run.
std::string EffectName(const Scenario& scenario, int index);

/// A human-readable name for a constraint kind, e.g. "export restriction".
const char* ConstraintKindName(ConstraintKind kind);

}  // namespace kz
