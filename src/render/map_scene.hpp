// What the world map shows, decided by the app and drawn by the renderer: a colour per region and
// the trade flows. Plain data, no GL, so src/app can build it and tests can inspect it.
#pragma once

#include <array>
#include <vector>

#include "world_mesh.hpp"

namespace kz {

/// One trade route drawn as an arc from the seller to the buyer.
struct MapFlow {
  int fromRegion = -1;        ///< scenario region index of the seller
  int toRegion = -1;          ///< scenario region index of the buyer
  float volume01 = 0.0f;      ///< 0..1 of the largest flow shown: the arc's width
  float disruption01 = 0.0f;  ///< 0 = as usual .. 1 = cut off: the arc's colour
  bool restricted = false;    ///< an export restriction binds on this route: dashed red with a cross

  bool operator==(const MapFlow&) const = default;
};

/// Everything the map draws besides the land itself. Indices follow the scenario's region order.
struct MapScene {
  std::vector<std::array<float, 4>> regionColours;  ///< RGBA 0..1 per scenario region
  std::vector<LonLat> regionAnchors;                ///< where arcs start and end, per scenario region
  std::vector<MapFlow> flows;
};

}  // namespace kz
