// Semantic checks of a scenario: ids, references, numeric ranges, recipe cycles, trade shares.
// Everything the engine relies on holds once ValidateScenario returns no problems; LoadScenarioJson
// runs it, and code that builds or edits a scenario in memory should run it before a simulation.
#pragma once

#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// Every rule `scenario` breaks, in scenario order; empty when it is valid. Paths use the JSON names
/// (`facilities[4].capacity`, `goods[2].recipe[0].good`); checks about a buyer's sourcing of one good
/// use `trade.<buyer>.<good>`. Rules: ids non-empty, [A-Za-z0-9_-]+ and unique per kind; references
/// resolve; numbers within the ranges documented in scenario.hpp; recipes acyclic; one facility per
/// (region, good), one policy block per region, one entry per good in each policy list; a buyer's
/// shares of a good sum to 1 (within 1e-6); every need (final demand, or an input of a good the
/// region makes) has sources; every seller makes the good; kind-specific event rules; the rules of
/// sources and provenance (ValidateProvenance, kizuna/provenance.hpp).
std::vector<Problem> ValidateScenario(const Scenario& scenario);

/// Warnings, not errors: the rules and policies of a valid `scenario` that cannot act in it, each
/// with its path and why (`frameworks[0].stockpilePool`: "cannot act on re_oxide: no member holds a
/// stockpile of it"). A rule switched on that changes nothing is named here rather than silent.
/// Checks: information sharing that shortens no member's lag; pooled goods no member stocks; partner
/// priority on goods no member makes; joint plants and investments finished after the horizon;
/// export controls on goods their region (members) do not make; stockpiles and substitution of goods
/// the region does not use; restrictions and capacity losses on goods their regions do not make.
/// Also a substitution whose cost per unit avoided is below the good's base price: the engine charges
/// at least that price, so the lever below it changes nothing.
std::vector<Problem> InertRules(const Scenario& scenario);

}  // namespace kz
