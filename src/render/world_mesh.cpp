// Parsing the "KZWM" mesh (little-endian, read byte by byte so the host's byte order never matters)
// and hit-testing it.
#include "world_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace kz {
namespace {

constexpr std::uint32_t kVersion = 1;
constexpr double kLonScale = 180.0 / 32767.0;
constexpr double kLatScale = 90.0 / 32767.0;

// A bounds-checked little-endian cursor: reading past the end sets `failed` and yields zeros, so a
// truncated file becomes one problem, not undefined behaviour.
struct Reader {
  std::span<const std::byte> bytes;
  std::size_t at = 0;
  bool failed = false;

  std::uint32_t Unsigned(std::size_t width) {
    if (at + width > bytes.size()) {
      failed = true;
      return 0;
    }
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value |= std::to_integer<std::uint32_t>(bytes[at + i]) << (8 * i);
    at += width;
    return value;
  }
  std::uint32_t U32() { return Unsigned(4); }
  std::uint32_t U16() { return Unsigned(2); }
  std::uint32_t U8() { return Unsigned(1); }
  std::int16_t I16() { return static_cast<std::int16_t>(static_cast<std::uint16_t>(Unsigned(2))); }
};

bool Inside(float px, float py, const float* a, const float* b, const float* c) {
  // Same sign of the three edge functions (either winding), edges included.
  const float d1 = (px - b[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (py - b[1]);
  const float d2 = (px - c[0]) * (b[1] - c[1]) - (b[0] - c[0]) * (py - c[1]);
  const float d3 = (px - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (py - a[1]);
  const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
  const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

}  // namespace

Expected<WorldMesh> WorldMesh::Parse(std::span<const std::byte> bytes) {
  Reader in{bytes};
  std::string magic;
  for (int i = 0; i < 4; ++i) magic.push_back(static_cast<char>(in.U8()));
  if (magic != "KZWM") return std::vector<Problem>{{"world mesh", "not a KZWM file"}};
  if (const std::uint32_t version = in.U32(); version != kVersion) {
    return std::vector<Problem>{{"world mesh", "version " + std::to_string(version) + " is not 1"}};
  }
  const std::uint32_t regionCount = in.U32(), countryCount = in.U32(), ringCount = in.U32();
  const std::uint32_t vertexCount = in.U32(), indexCount = in.U32();
  // Every count is bounded by the bytes it needs, so a corrupt header cannot ask for gigabytes.
  const std::size_t needed = std::size_t{28} + regionCount * std::size_t{4} + countryCount * std::size_t{20} +
                             ringCount * std::size_t{8} + vertexCount * std::size_t{4} + indexCount * std::size_t{2};
  if (in.failed || needed > bytes.size() || regionCount > 255) {
    return std::vector<Problem>{{"world mesh", "truncated or inconsistent header"}};
  }
  WorldMesh mesh;
  for (std::uint32_t r = 0; r < regionCount; ++r) {
    std::string id;
    for (int i = 0; i < 4; ++i) {
      if (const char c = static_cast<char>(in.U8()); c != '\0') id.push_back(c);
    }
    mesh.regionIds.push_back(id);
  }
  std::vector<std::uint32_t> firstVertexOfCountry;
  for (std::uint32_t c = 0; c < countryCount; ++c) {
    MeshCountry country;
    country.isoNumeric = static_cast<int>(in.U16());
    country.region = static_cast<int>(in.U8());
    in.U8();  // reserved
    country.firstRing = in.U32();
    country.ringCount = in.U32();
    country.firstIndex = in.U32();
    country.indexCount = in.U32();
    if (country.region >= static_cast<int>(regionCount) || country.firstRing + country.ringCount > ringCount ||
        country.ringCount == 0 || country.firstIndex + country.indexCount > indexCount) {
      return std::vector<Problem>{{"world mesh: country " + std::to_string(c), "ranges out of bounds"}};
    }
    mesh.countries.push_back(country);
  }
  for (std::uint32_t r = 0; r < ringCount; ++r) {
    MeshRing ring{in.U32(), in.U32()};
    if (ring.firstVertex + ring.vertexCount > vertexCount) {
      return std::vector<Problem>{{"world mesh: ring " + std::to_string(r), "vertices out of bounds"}};
    }
    mesh.rings.push_back(ring);
  }
  mesh.vertices.reserve(std::size_t{2} * vertexCount);
  for (std::uint32_t v = 0; v < vertexCount; ++v) {
    mesh.vertices.push_back(static_cast<float>(in.I16() * kLonScale));
    mesh.vertices.push_back(static_cast<float>(in.I16() * kLatScale));
  }
  mesh.indices.reserve(indexCount);
  for (MeshCountry& country : mesh.countries) {
    // Indices are stored relative to the country's first vertex (u16 keeps the file small).
    const MeshRing& first = mesh.rings[country.firstRing];
    const MeshRing& last = mesh.rings[country.firstRing + country.ringCount - 1];
    const std::uint32_t base = first.firstVertex, end = last.firstVertex + last.vertexCount;
    in.at = needed - indexCount * std::size_t{2} + country.firstIndex * std::size_t{2};
    for (std::uint32_t i = 0; i < country.indexCount; ++i) {
      const std::uint32_t index = base + in.U16();
      if (index >= end) return std::vector<Problem>{{"world mesh", "triangle index out of its country"}};
      mesh.indices.push_back(index);
    }
    country.minLon = country.maxLon = mesh.vertices[2 * base];
    country.minLat = country.maxLat = mesh.vertices[2 * base + 1];
    for (std::uint32_t v = base; v < end; ++v) {
      country.minLon = std::min(country.minLon, mesh.vertices[2 * v]);
      country.maxLon = std::max(country.maxLon, mesh.vertices[2 * v]);
      country.minLat = std::min(country.minLat, mesh.vertices[2 * v + 1]);
      country.maxLat = std::max(country.maxLat, mesh.vertices[2 * v + 1]);
    }
  }
  return mesh;
}

int WorldMesh::CountryAt(LonLat point) const {
  double lon = std::fmod(point.lon + 180.0, 360.0);  // the map repeats every 360 degrees
  lon = (lon < 0.0 ? lon + 360.0 : lon) - 180.0;
  const float x = static_cast<float>(lon), y = static_cast<float>(point.lat);
  for (std::size_t c = 0; c < countries.size(); ++c) {
    const MeshCountry& country = countries[c];
    if (x < country.minLon || x > country.maxLon || y < country.minLat || y > country.maxLat) continue;
    for (std::uint32_t i = country.firstIndex; i + 2 < country.firstIndex + country.indexCount; i += 3) {
      if (Inside(x, y, &vertices[2 * indices[i]], &vertices[2 * indices[i + 1]], &vertices[2 * indices[i + 2]])) {
        return static_cast<int>(c);
      }
    }
  }
  return -1;
}

std::vector<int> WorldMesh::RegionSlots(std::span<const std::string> scenarioRegionIds) const {
  std::vector<int> slots;
  for (const std::string& id : regionIds) {
    const auto found = std::find(scenarioRegionIds.begin(), scenarioRegionIds.end(), id);
    slots.push_back(found == scenarioRegionIds.end() ? -1 : static_cast<int>(found - scenarioRegionIds.begin()));
  }
  return slots;
}

}  // namespace kz
