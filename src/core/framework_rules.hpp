// Compiles a scenario's coordination frameworks into the engine's network. Private to the core.
//
// How overlapping frameworks combine (a region may belong to several):
//   information sharing   a member's response lag is the smallest of its own and every shared lag
//   stockpile pools       each pool is applied in framework order; a donor's release per month is
//                         capped by its own stockpile release rate across all pools together
//   partner priority      a seller's priority share is the largest of its frameworks' shares, and it
//                         favours the members of all of them (the union)
//   joint investment      every project adds its capacity at its host; reserved output adds to the
//                         host's priority for members of that project
//   export controls       each framework's controls are separate restrictions; they multiply, as events do
#pragma once

#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"
#include "network.hpp"

namespace kz {

/// Adds the frameworks of `scenario` to `net` (whose regions, goods, facilities, policies and
/// effects are already compiled). `baselineUse` is per (region, good), for consumption-based cost
/// shares. Unresolvable references are reported, not trusted.
void CompileFrameworks(const Scenario& scenario, const std::vector<double>& baselineUse, Network& net,
                       std::vector<Problem>& problems);

}  // namespace kz
