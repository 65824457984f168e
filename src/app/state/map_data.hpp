// From a run's results to what the world map shows for one good at one month: region colours
// (fulfilment), the figures a hover tooltip lists, and the largest trade routes as flows. Pure
// functions of the results, so tests check them without ImGui or GL.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"
#include "map_scene.hpp"
#include "state/catalog.hpp"

namespace kz {

/// What the tooltip says about one region.
struct MapRegionFigures {
  std::string name;         ///< display name (English)
  double fulfilment = 1.0;  ///< share of the region's need met, 0..1
  double priceIndex = 1.0;  ///< 1 = base price
  double shortfall = 0.0;   ///< end-use demand unmet, units per month
};

/// The fulfilment colour scale: 1.0 calm blue-grey, falling through amber to red at 0.5 and below.
std::array<float, 4> FulfilmentColour(double fulfilment);

/// Figures per scenario region for (good, month). Indices must be in range.
std::vector<MapRegionFigures> RegionFigures(const Scenario& scenario, const Results& results, int good, int month,
                                            const UiText& words);

/// The map scene for (good, month): colours from fulfilment, anchors from the regions' lat/lon, and
/// up to `maxFlows` cross-border routes by volume. A route's disruption is how far its volume fell
/// below month 0's; it is restricted when an export restriction is the buyer's binding constraint
/// with that seller.
MapScene BuildMapScene(const Scenario& scenario, const Results& results, int good, int month, int maxFlows = 24);

}  // namespace kz
