// The world as the map shows it: the default world scenario (embedded at build time) run once, the
// selected good and month, and the map panel that shows them. Owns the parsed world mesh so the
// platform's renderer and the panel's hover share one copy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"
#include "map_scene.hpp"
#include "panel_map.hpp"
#include "world_mesh.hpp"

namespace kz {

class WorldView {
 public:
  /// Loads and runs the default world on the second call (the first frame stays quick), then draws
  /// the map panel. Requires an ImGui frame.
  void Frame(float uiScale);

  /// The parsed mesh, or null if the embedded mesh failed to parse (Status() says why).
  const WorldMesh* Mesh();
  /// Scenario region ids (the renderer's colour order); empty before the first Frame.
  const std::vector<std::string>& RegionIds() const { return regionIds; }
  const MapScene& Scene() const { return scene; }
  const MapPanel& Panel() const { return panel; }
  /// Why there are no results or no mesh, or empty.
  const std::string& Status() const { return status; }

 private:
  void Load();
  void SelectWorstGoodAndMonth();
  void Rebuild();

  bool loaded = false;
  int framesDrawn = 0;
  std::optional<WorldMesh> mesh;
  std::optional<Scenario> scenario;
  std::optional<Results> results;
  std::vector<std::string> regionIds, goodIds;
  std::vector<MapRegionFigures> figures;
  MapScene scene;
  MapPanel panel;
  int good = 0, month = 0;
  std::string status;
};

/// The bundled default-world.json (generated source, src/app/CMakeLists.txt).
std::string_view DefaultWorldScenarioJson();

}  // namespace kz
