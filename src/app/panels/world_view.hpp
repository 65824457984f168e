// The world as the map shows it: the session's results for its selected good and month, and the
// map panel that shows them. Owns the parsed world mesh so the platform's renderer and the panel's
// hover share one copy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"
#include "map_scene.hpp"
#include "panels/panel_map.hpp"
#include "state/session.hpp"
#include "world_mesh.hpp"

namespace kz {

class WorldView {
 public:
  /// Draws the map panel for the session's results, coloured by its selected good and month; a good
  /// or month picked on the map becomes the session's selection. Requires an ImGui frame.
  void Frame(Session& session, float uiScale, MapViewport area = MapViewport{0.0, 0.0, 0.0, 0.0});

  /// The parsed mesh, or null if the embedded mesh failed to parse (Status() says why).
  const WorldMesh* Mesh();
  /// Scenario region ids (the renderer's colour order); empty before a scenario is shown.
  const std::vector<std::string>& RegionIds() const { return regionIds; }
  const MapScene& Scene() const { return scene; }
  const MapPanel& Panel() const { return panel; }
  MapPanel& Panel() { return panel; }
  /// Why there is no mesh, or empty.
  const std::string& Status() const { return status; }

 private:
  void Rebuild(const Session& session);

  std::optional<WorldMesh> mesh;
  std::vector<std::string> regionIds, goodNames;
  std::vector<MapRegionFigures> figures;
  MapScene scene;
  MapPanel panel;
  int shownVersion = -1;  // Session::resultsVersion() the scene was built from (changes on every run)
  Selection shown{-1, -1, -1};
  std::string status;
};

}  // namespace kz
