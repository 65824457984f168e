// The world map's geometry on the CPU: country triangles and outlines in degrees, tagged with Kizuna
// regions, parsed from the "KZWM" binary that web/tools/world_mesh.mjs builds from Natural Earth.
// No GL here: the app hit-tests it (hover) and the renderer (world_map.hpp) uploads it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kizuna/expected.hpp"

namespace kz {

/// A point in degrees: x = longitude (-180..180, east positive), y = latitude (-90..90, north positive).
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;

  bool operator==(const LonLat&) const = default;
};

/// One country: its triangles and its outline rings, both ranges into WorldMesh's arrays.
struct MeshCountry {
  int isoNumeric = 0;         ///< ISO 3166-1 numeric code; 0 for shapes without one (e.g. Kosovo)
  int region = 0;             ///< index into WorldMesh::RegionIds()
  std::uint32_t firstRing = 0, ringCount = 0;    ///< range into Rings()
  std::uint32_t firstIndex = 0, indexCount = 0;  ///< range into Indices() (3 per triangle)
  float minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;  ///< bounding box, degrees (hit-test shortcut)
};

/// One closed outline (the last vertex joins the first): a range of Vertices().
struct MeshRing {
  std::uint32_t firstVertex = 0;
  std::uint32_t vertexCount = 0;
};

/// The parsed mesh. Immutable after Parse; cheap to share by const reference.
class WorldMesh {
 public:
  /// Parses the "KZWM" v1 bytes (format: web/tools/world_mesh.mjs). Problems name what is wrong.
  static Expected<WorldMesh> Parse(std::span<const std::byte> bytes);

  /// Region ids the mesh was tagged with (assets/map/regions.json order, the default last).
  const std::vector<std::string>& RegionIds() const { return regionIds; }
  const std::vector<MeshCountry>& Countries() const { return countries; }
  const std::vector<MeshRing>& Rings() const { return rings; }
  /// Vertex positions as (lon, lat) float pairs, degrees.
  const std::vector<float>& Vertices() const { return vertices; }
  /// Triangle indices into Vertices() (global, not per country).
  const std::vector<std::uint32_t>& Indices() const { return indices; }

  /// The country containing `point` (any longitude: it wraps), or -1 (ocean). Point-in-triangle
  /// over the countries whose bounding box contains the point.
  int CountryAt(LonLat point) const;
  /// Maps each mesh region to its index in `scenarioRegionIds` (-1 where the scenario lacks it).
  std::vector<int> RegionSlots(std::span<const std::string> scenarioRegionIds) const;

 private:
  std::vector<std::string> regionIds;
  std::vector<MeshCountry> countries;
  std::vector<MeshRing> rings;
  std::vector<float> vertices;
  std::vector<std::uint32_t> indices;
};

/// The mesh embedded in the app at build time (a generated source; see src/render/CMakeLists.txt).
std::span<const std::byte> EmbeddedWorldMesh();

}  // namespace kz
